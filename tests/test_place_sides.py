"""A country named as a place that is a side of the act (issue 10): the host of an envoy or of a visit,
the officials met there, the sovereign area entered, the territory troops cross into or are posted in.

Every sentence here is invented; none is copied from real reporting. Each rule has an example it must
read and a counter-example it must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article

DAY = date(2024, 3, 6)


def _last(text: str, lang: str):
    article = Article(text=text, language=lang, published=DAY, published_source="header", is_example=True)
    return score_article(article).readings[-1]


def _roles(text: str, lang: str) -> dict[str, str]:
    return {m.text: m.role for m in _last(text, lang).mentions}


def _pairs(text: str, lang: str) -> set[str]:
    return {"-".join(p) for p in _last(text, lang).pairs}


# --- envoys: more titles of a post --------------------------------------------------------------


@pytest.mark.parametrize(("text", "lang", "host"), [
    ("Le Kenya a rappelé son représentant diplomatique en Ouganda pour consultations.", "fr", "Ouganda"),
    ("Le Kenya a rappelé son haut commissaire en Ouganda pour consultations.", "fr", "Ouganda"),
    ("Kenya recalled its High Commissioner in Uganda for consultations.", "en", "Uganda"),
])
def test_a_high_commissioner_or_diplomatic_representative_makes_the_host_a_party(text, lang, host):
    assert _roles(text, lang)[host] == "actor"


def test_an_institution_after_an_envoy_is_where_he_was_summoned_not_his_post():
    text = "Nairobi a fait venir mardi Paul Okello, haut commissaire ougandais à Nairobi, au Foreign Office."
    assert _roles(text, "fr")["Foreign Office"] == "place"


# --- visits: more words of arrival --------------------------------------------------------------


@pytest.mark.parametrize(("text", "lang", "host"), [
    ("Le ministre kényan a été reçu lundi à Kampala par le chef de l'État.", "fr", "Kampala"),
    ("L'avion du président kényan a atterri lundi en Ouganda.", "fr", "Ouganda"),
    ("The Kenyan minister was received in Kampala on Monday.", "en", "Kampala"),
])
def test_the_place_where_a_visitor_is_received_or_lands_is_the_host(text, lang, host):
    assert _roles(text, lang)[host] == "actor"


def test_received_for_a_multilateral_meeting_leaves_the_city_a_venue():
    text = "Le ministre kényan a été reçu lundi à Kampala pour le sommet de l'Union africaine."
    assert _roles(text, "fr")["Kampala"] == "place"
    # a seat of power where one is received stays a venue
    text = "Le ministre kényan a été reçu lundi au Kremlin."
    assert _roles(text, "fr")["Kremlin"] == "place"


@pytest.mark.parametrize(("text", "lang", "place", "pairs"), [
    ("La lettre du président kényan a été reçue à Paris lundi, a indiqué l'Ouganda.", "fr", "Paris", {"KEN-UGA"}),
    ("L'écrivain nigérian a reçu un prix en Suède, s'est félicité le Ghana.", "fr", "Suède", set()),
    ("Le prix a été reçu au Caire par l'écrivain kényan, a indiqué le Soudan.", "fr", "Caire", set()),
    ("The Nigerian novelist received in Stockholm the prize for literature, Ghana's government said.", "en",
     "Stockholm", {"GHA-NGA"}),
    ("The Russian opposition activist received treatment in Germany after the poisoning, Moscow said.", "en",
     "Germany", set()),
])
def test_a_thing_received_or_an_active_receiving_makes_no_visit(text, lang, place, pairs):
    # a reception is a visit only in the passive, right before the place, with a person received
    assert _roles(text, lang)[place] == "place"
    assert _pairs(text, lang) == pairs


@pytest.mark.parametrize(("text", "place"), [
    ("Un avion de ligne russe a dû atterrir d'urgence en Turquie après une panne.", "Turquie"),
    ("Un avion militaire russe a été contraint d'atterrir en Finlande après une panne, selon l'Estonie.", "Finlande"),
    ("Le drone ukrainien a fini par atterrir en Biélorussie, selon Kiev.", "Biélorussie"),
])
def test_a_landing_without_a_visitor_makes_no_visit(text, place):
    assert _roles(text, "fr")[place] == "place"


# --- counterparts named by their country's place ------------------------------------------------


def test_counterparts_in_a_country_are_its_officials():
    text = "The Kenyan foreign minister praised his counterparts in Uganda for the border deal."
    assert _roles(text, "en")["Uganda"] == "actor"
    assert _pairs(text, "en") == {"KEN-UGA"}


@pytest.mark.parametrize(("text", "lang", "place", "pairs"), [
    ("The Kenyan foreign minister met his counterparts in Cairo at the Arab League meeting.", "en", "Cairo", set()),
    ("Russia's foreign minister met his American counterpart on Monday. The Russian minister later called his "
     "counterpart in Vienna.", "en", "Vienna", {"RUS-USA"}),
    ("The Kenyan foreign minister met his counterparts in Uganda at the African Union summit.", "en", "Uganda",
     set()),
])
def test_counterparts_in_a_city_or_at_a_multilateral_meeting_leave_it_a_venue(text, lang, place, pairs):
    assert _roles(text, lang)[place] == "place"
    assert _pairs(text, lang) <= pairs


def test_a_counterpart_with_its_own_country_leaves_the_city_a_venue():
    text = "The Kenyan foreign minister met his Ugandan counterpart in Addis Ababa on Monday."
    assert _roles(text, "en")["Addis Ababa"] == "place"
    assert _pairs(text, "en") == {"KEN-UGA"}


# --- sovereign areas in English -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "word"), [
    ("Kenyan ships were spotted in Ugandan territorial waters on Monday.", "Ugandan"),
    ("Kenyan ships were spotted in Uganda's territorial waters on Monday.", "Uganda"),
    ("A Kenyan military plane violated Ugandan airspace on Monday.", "Ugandan"),
])
def test_an_english_sovereign_area_is_a_party(text, word):
    assert _roles(text, "en")[word] == "actor"


def test_other_areas_named_by_a_demonym_stay_places():
    text = "Kenyan and Ugandan officials held talks in the Ugandan capital on Monday."
    assert _roles(text, "en")["Ugandan"] == "place"


# --- troops positioned in a country (as "déployer") ---------------------------------------------


@pytest.mark.parametrize(("text", "lang", "word"), [
    ("Déjà positionnée en Ouganda depuis lundi, l'armée kényane a fermé la route.", "fr", "Ouganda"),
    ("Des soldats kényans ont été positionnés en Ouganda la semaine dernière.", "fr", "Ouganda"),
])
def test_the_territory_troops_are_positioned_in_is_a_party(text, lang, word):
    assert _roles(text, lang)[word] == "actor"


def test_a_meeting_place_stays_a_place():
    text = "Les ministres kényan et ougandais se sont réunis lundi en Tanzanie."
    assert _roles(text, "fr")["Tanzanie"] == "place"


# --- a dateline is no item of the list after it -------------------------------------------------


def test_a_dateline_does_not_lend_its_place_to_the_subjects_after_its_dash():
    text = "NAIROBI, - Uganda and Tanzania's defence chiefs met on Monday to settle the border row."
    assert _roles(text, "en")["Uganda"] == "actor"
    assert _pairs(text, "en") == {"TZA-UGA"}
    # a list of places after a preposition stays one list
    text = "Kenyan envoys held talks in Addis Ababa, Uganda and Tanzania last month."
    assert _roles(text, "en")["Uganda"] == _roles(text, "en")["Addis Ababa"] == "place"


# --- a country's name qualifying the noun after a preposition -----------------------------------


@pytest.mark.parametrize(("text", "word"), [
    ("Kenya announced duties on $3 billion in Ugandan-made goods and $1 billion in Uganda imports.", "Uganda"),
    ("Staff at the Uganda embassy in Nairobi were told to leave.", "Uganda"),
])
def test_a_name_qualifying_the_noun_after_a_preposition_is_its_owner(text, word):
    assert _roles(text, "en")[word] == "actor"


@pytest.mark.parametrize("text", [
    "Kenyan traders were stopped in Uganda towns along the border.",
    "Kenyan and Tanzanian ministers met in Uganda yesterday.",
])
def test_a_name_before_a_place_or_time_noun_stays_a_place(text):
    assert _roles(text, "en")["Uganda"] == "place"


# --- "son homologue" met in a country the sentence names ----------------------------------------


def test_a_counterpart_met_in_a_named_country_is_not_the_previous_sentences():
    text = ("Le Burundi a salué la décision. Le ministre kényan s'est entretenu lundi à Kampala avec son "
            "homologue.")
    assert _pairs(text, "fr") == {"KEN-UGA"}
    # without a place, the counterpart is still the other country of the sentence before
    text = "Le Burundi a salué la décision. Le ministre kényan s'est entretenu lundi avec son homologue."
    assert _pairs(text, "fr") == {"BDI-KEN"}


@pytest.mark.parametrize(("text", "pairs"), [
    ("Le Burundi a protesté. Le ministre kényan a répondu à son homologue lors d'un point de presse en Italie.",
     {"BDI-KEN"}),
    ("Le Burundi a salué la décision. Le ministre kényan s'est entretenu lundi avec son homologue au sujet des "
     "réfugiés en Somalie.", {"BDI-KEN"}),
])
def test_a_place_inside_a_noun_phrase_after_the_counterpart_does_not_block_the_carry(text, pairs):
    # only a place the meeting is held in (before "son homologue" or right after it) blocks the carry
    assert _pairs(text, "fr") == pairs


@pytest.mark.parametrize(("text", "pairs"), [
    ("Kenya and Somalia resumed talks in Uganda days after the border clash.", {"KEN-SOM"}),
    ("Kenya and Ethiopia agreed on a truce in Uganda weeks after the fighting began.", {"ETH-KEN"}),
    ("Kenyan and Tanzanian ministers met in Uganda hours before the vote.", {"KEN-TZA"}),
    ("Tanzania said the seizure was the largest in U.S. history, according to its envoy.", set()),
    ("Tanzanian soldiers killed in Congo fighting were buried on Sunday, Rwanda's army said.", {"RWA-TZA"}),
])
def test_a_name_before_a_noun_that_is_no_goods_or_hold_stays_a_place(text, pairs):
    # only nouns of goods, money or hold (grammar_words owned_noun) make the name their owner
    assert _pairs(text, "en") == pairs


def test_a_landing_with_a_leaders_name_is_a_visit():
    assert _roles("L'avion d'Emmanuel Macron a atterri lundi en Chine.", "fr")["Chine"] == "actor"


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("The UN High Commission in Uganda urged Kenya to reopen the border.", "en", "Uganda"),
    ("Le haut-commissaire de l'ONU en Ouganda a exhorté le Kenya à rouvrir la frontière.", "fr", "Ouganda"),
    ("The UN representative in Uganda urged Kenya to reopen the border.", "en", "Uganda"),
])
def test_a_multilateral_bodys_envoy_leaves_the_host_a_place(text, lang, place):
    assert _roles(text, lang)[place] == "place"
    assert _pairs(text, lang) == set()


@pytest.mark.parametrize("text", [
    "A Kenyan airliner flew through Ethiopian airspace without incident on Monday.",
    "An Air India flight crossed Chinese airspace on Monday.",
])
def test_a_passage_through_an_airspace_names_no_party(text):
    assert _pairs(text, "en") == set()
