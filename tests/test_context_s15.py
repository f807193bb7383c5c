"""Context recall, session 15 (issue 10: lines where nothing is found). A clash or quarrel named by a definite
noun, a bare noun of the pair's relations, "the two countries" with no acting pair in English, and a country
the group phrase names that its own name only describes elsewhere. Every sentence here is invented; each
behaviour has an example and a counter-example that must not change."""

from __future__ import annotations

from datetime import date

from tracker.records import Article
from tracker.scorer.pipeline import score_article

DAY = date(2024, 3, 6)


def _pairs(text: str, language: str = "fr") -> set[str]:
    scored = score_article(Article(text=text, language=language, published=DAY, published_source="header"))
    return {"-".join(p) for p in scored.readings[-1].pairs}


# --- 1. a definite or demonstrative noun of a clash or quarrel, right after the pair clashed (invented) ------


def test_the_incident_after_the_pairs_clash_is_the_pairs():
    assert _pairs("Kenyan and Ugandan patrols exchanged fire along the lake shore on Friday. "
                  "The incident took place near a fishing camp.", "en") == {"KEN-UGA"}
    assert _pairs("Des patrouilles ghanéennes et togolaises ont échangé des tirs vendredi. "
                  "Les heurts ont fait trois blessés près d'un marché.") == {"GHA-TGO"}
    assert _pairs("Le Ghana et le Togo se sont accusés mutuellement d'incursions. "
                  "Cet incident a été évoqué au marché de la ville.") == {"GHA-TGO"}


def test_the_incident_after_another_pair_or_with_words_of_its_own_is_no_guess():
    text = ("Kenyan and Ugandan patrols exchanged fire along the lake shore on Friday. "
            "Peru and Chile also traded accusations over fishing. The incident took place near a camp.")
    assert "KEN-UGA" not in _pairs(text, "en")
    assert _pairs("Kenyan and Ugandan patrols exchanged fire along the lake shore on Friday. "
                  "The incident at the stadium was unrelated.", "en") == set()
    assert _pairs("Des patrouilles ghanéennes et togolaises ont échangé des tirs vendredi. "
                  "Le différend avec les pêcheurs locaux persiste.") == set()


# --- 2. a bare noun of the pair's relations (invented) ------------------------------------------------------


def test_ties_after_the_pair_are_the_pairs():
    assert _pairs("Kenya and Uganda signed a trade pact in 2019. Ties soured a year later.", "en") == {"KEN-UGA"}
    assert _pairs("Kenya and Uganda signed a trade pact in 2019. Relations cooled after the vote.", "en") == {"KEN-UGA"}


def test_ties_with_a_third_or_modified_are_not_the_pairs():
    assert "KEN-UGA" not in _pairs("Kenya and Uganda signed a trade pact in 2019. "
                                   "Ties with Ethiopia soured a year later.", "en")
    assert _pairs("Kenya and Uganda signed a trade pact in 2019. "
                  "Public relations firms were hired for the launch.", "en") == set()
    assert _pairs("Le Ghana et le Togo ont signé un pacte commercial en 2019. "
                  "Les relations publiques du port ont été confiées à une agence.") == set()


# --- 3. "the two countries" with no acting pair, English as French: the two countries named nearest (invented) --


def test_the_two_neighbours_after_one_actor_and_one_place_are_those_two():
    assert _pairs("Ugandan soldiers were seen near a fishing village in Kenya on Sunday. "
                  "The two neighbours have clashed over the island for years.", "en") == {"KEN-UGA"}
    assert _pairs("Anti-Kenyan protests spread across Ugandan towns on Sunday. Both countries claim the island.",
                  "en") == {"KEN-UGA"}


def test_the_two_countries_in_a_sentence_naming_no_act_are_no_pair():
    assert _pairs("A storm swept the coast near the border between Kenya and Uganda, and rain fell on both "
                  "countries' capitals.", "en") == set()
    assert _pairs("Une tempête a balayé la côte près de la frontière entre le Kenya et l'Ouganda, et la pluie "
                  "est tombée sur les capitales des deux pays.") == set()


def test_a_capital_where_envoys_meet_is_no_member_of_the_two_sides():
    assert _pairs("Envoys from Ghana met mediators in Vienna on Monday. "
                  "The two sides disagreed on the wording.", "en") == set()
    assert _pairs("Des émissaires du Ghana ont retrouvé des médiateurs dans la capitale autrichienne lundi. "
                  "Les deux parties ne se sont pas entendues sur le texte.") == set()


# --- 4. a country the group phrase names is a side even where its own name describes another (invented) ------


def test_a_group_member_named_to_describe_rebels_stays_a_side():
    text = ("Uganda accused Kenya of hostile acts on Monday. "
            "The two countries have quarrelled for years over the Kenya-backed rebel group.")
    assert _pairs(text, "en") == {"KEN-UGA"}


def test_a_country_named_only_to_describe_rebels_is_still_no_side():
    assert "ETH-KEN" not in _pairs("Ethiopia condemned an attack by the Kenya-backed rebel group on Monday.", "en")


# --- 5. "his Togolese counterpart": the official's country is the one other country just named (invented) ---


def test_his_counterpart_faces_the_one_other_country_of_the_sentence_before():
    text = ("Ghana's trade ministry said on Monday that Accra would reopen talks with Togo. "
            "The minister will meet his Togolese counterpart in Lomé next week.")
    assert _pairs(text, "en") == {"GHA-TGO"}


def test_his_counterpart_after_two_other_countries_or_alone_is_no_guess():
    assert _pairs("Ghana and Nigeria said on Monday they would reopen talks with Togo. "
                  "The minister will meet his Togolese counterpart next week.", "en") == set()
    assert _pairs("The minister will meet his Togolese counterpart next week.", "en") == set()
