"""French reporting: the air over a country is a place, withdrawn ambassadors, the preposition "entre",
"à la fin du mois de <mois>" and the day of an announcement (every sentence here is invented, written
the way French news reports relations; none is copied from real reporting).

Each rule has sentences it must read and a counter-example it must leave alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.mentions import find_mentions
from tracker.scorer.pipeline import score_article


def _reading(text: str, published: date = date(2023, 5, 10)):
    article = Article(text=text, language="fr", published=published, published_source="header")
    return score_article(article).readings[-1]


def _pairs(text: str) -> set[str]:
    return {o.pair_code for o in _reading(text).observations}


def _score(text: str, pair: str) -> float:
    return sum(o.score for o in _reading(text).observations if o.pair_code == pair)


def _dates(text: str, published: date) -> dict[str, tuple[date, str]]:
    return {o.pair_code: (o.event_date, o.precision) for o in _reading(text, published).observations}


# --- a country after "au-dessus de" is where something happens ---------------------------------

@pytest.mark.parametrize(("text", "pair", "place"), [
    # A plane shot down over a third country: the shooter and the plane's country are the sides (invented).
    ("La Grèce a abattu un drone turc au-dessus de Chypre, a annoncé le ministère.", "GRC-TUR", "CYP"),
    ("Le Pakistan affirme avoir abattu un avion indien au-dessus de l'Afghanistan.", "IND-PAK", "AFG"),
])
def test_the_country_over_which_a_plane_is_downed_is_a_place(text, pair, place):
    pairs = _pairs(text)
    assert pair in pairs
    assert not any(place in p for p in pairs)


@pytest.mark.parametrize(("text", "pair", "place"), [
    # The shooter named by its capital is a third country too (invented).
    ("Athènes a abattu un drone turc au-dessus de Chypre, a annoncé le ministère.", "GRC-TUR", "CYP"),
    ("Islamabad affirme avoir abattu un avion indien au-dessus de l'Afghanistan.", "IND-PAK", "AFG"),
])
def test_a_capital_counts_among_the_countries_named_over_a_place(text, pair, place):
    pairs = _pairs(text)
    assert pair in pairs
    assert not any(place in p for p in pairs)


@pytest.mark.parametrize(("text", "pair"), [
    # Counter-examples: the overflown country's own capital, or the shooter's alone, adds no third country (invented).
    ("Un avion de chasse russe a été intercepté au-dessus de l'Estonie, a annoncé Tallinn.", "EST-RUS"),
    ("Ankara a abattu un drone au-dessus de la Syrie.", "SYR-TUR"),
])
def test_a_capital_alone_adds_no_third_country(text, pair):
    assert pair in _pairs(text)


@pytest.mark.parametrize(("text", "pair"), [
    # No third country's act: the country overflown is the other side (invented).
    ("Un avion de chasse russe a été intercepté au-dessus de l'Estonie par des appareils de l'OTAN.", "EST-RUS"),
    ("La Turquie a abattu un drone au-dessus de la Syrie.", "SYR-TUR"),
])
def test_the_country_overflown_with_no_third_country_is_a_side(text, pair):
    assert pair in _pairs(text)


def test_a_country_overflown_by_one_other_is_an_actor(nlp_fr):
    # invented
    roles = {m.text: m.role for m in find_mentions(nlp_fr("Des drones russes ont été abattus au-dessus de la "
                                                          "Pologne.")[:], "fr", date(2023, 5, 10))}
    assert roles["Pologne"] == "actor"


def test_a_country_before_au_dessus_stays_a_side():
    # Counter-example: the country that shoots stays a side (invented).
    assert "GRC-TUR" in _pairs("La Grèce a abattu un drone turc jeudi au-dessus de la mer Égée.")


# --- withdrawing an ambassador, said by the noun or by "ramener" -----------------------------

@pytest.mark.parametrize(("text", "pair"), [
    ("Lima a décidé jeudi le retrait de son ambassadeur à Quito.", "ECU-PER"),
    ("La Colombie a décidé le retrait de son ambassadeur au Nicaragua après les propos de Managua.", "COL-NIC"),
])
def test_withdrawing_an_ambassador_is_tension(text, pair):
    assert _score(text, pair) > 0


@pytest.mark.parametrize(("text", "pair"), [
    # Counter-examples: the ambassador's return is no withdrawal (invented).
    ("Le Chili a annoncé le retour de son ambassadeur en Bolivie après un an d'absence.", "BOL-CHL"),
    # "ramener son ambassadeur à <capital>" is as often sending them back to post as calling them home:
    # no cue of its own (invented).
    ("L'Algérie a décidé de ramener son ambassadeur à Paris.", "DZA-FRA"),
])
def test_the_return_of_an_ambassador_stays_easing(text, pair):
    assert _score(text, pair) <= 0


# --- "entre" is a preposition, not the verb "entrer" -------------------------------------------

def test_troops_posted_at_a_border_between_two_countries_do_not_enter_it():
    # Troops at the border between two countries: no incursion, no pair with the troops' country (invented).
    text = "Le Canada a annoncé le départ de ses soldats postés à la frontière entre le Soudan et le Tchad."
    assert not {"CAN-SDN", "CAN-TCD"} & _pairs(text)


def test_troops_that_enter_a_country_still_do():
    # Counter-example: the verb still reads (invented).
    assert _score("Les soldats ukrainiens entrent dans la ville tenue par la Russie.", "RUS-UKR") > 0


# --- "à la fin / au début du mois de <mois>" ---------------------------------------------------

@pytest.mark.parametrize(("text", "expected", "expected_precision"), [
    # within that month: its middle is the week of its 15th (session 15, month_part rows), its start the month
    ("Au milieu du mois de septembre, le Mali a coupé tout lien diplomatique avec l'Ukraine.", date(2022, 9, 12),
     "week"),
    ("Au début du mois de mars, Bamako a expulsé un attaché militaire ukrainien.", date(2023, 3, 1),
     "month"),
])
def test_end_or_start_of_a_named_month_dates_the_act_by_that_month(text, expected, expected_precision):
    assert _dates(text, date(2023, 5, 10))["MLI-UKR"] == (expected, expected_precision)


def test_start_of_the_month_alone_is_still_the_publication_month():
    # Counter-example: "au début du mois" with no month named is the publication month (invented).
    text = "Au début du mois, le Mali a rompu ses relations diplomatiques avec l'Ukraine."
    assert _dates(text, date(2023, 5, 10))["MLI-UKR"] == (date(2023, 5, 1), "month")


# --- "annoncé le <date>": the day of the announcement ------------------------------------------

def test_a_bare_announced_participle_dates_the_announcement():
    # A date right after "annoncé" is the announcement's, in the past (invented).
    text = "Le pacte annoncé le 13 août lie désormais le Maroc et la Mauritanie."
    assert _dates(text, date(2020, 9, 8))["MAR-MRT"] == (date(2020, 8, 13), "day")


def test_announced_for_a_date_still_looks_ahead():
    # Counter-example: "annoncé pour le 13 août" is a plan (invented).
    text = "Le sommet annoncé pour le 13 août réunira le Maroc et la Mauritanie."
    assert _dates(text, date(2020, 9, 8))["MAR-MRT"][0] == date(2021, 8, 13)


@pytest.mark.parametrize(("text", "pair"), [
    # Counter-examples: a future or modal "annoncer" says when the announcement is to come (invented).
    ("La Chine annoncera le 12 mars de nouvelles sanctions contre les États-Unis.", "CHN-USA"),
    ("La Russie devrait annoncer le 12 mars des mesures de rétorsion contre l'Ukraine.", "RUS-UKR"),
    # "pour ce <date>" is a plan, as "pour le <date>" (invented).
    ("Le sommet franco-algérien annoncé pour ce mardi 12 mars a été reporté.", "DZA-FRA"),
])
def test_an_announcement_to_come_looks_ahead(text, pair):
    assert _dates(text, date(2024, 3, 6))[pair][0] == date(2024, 3, 12)


# --- an embassy that opens, the embassy as subject ---------------------------------------------

@pytest.mark.parametrize(("text", "pair"), [
    ("Une ambassade du Maroc à Jérusalem et une ambassade d'Israël à Rabat ouvriront leurs portes en mars.", "ISR-MAR"),
    ("L'ambassade de la Turquie à Damas a rouvert jeudi, a annoncé le gouvernement syrien.", "SYR-TUR"),
    ("Le Qatar a annoncé l'ouverture d'une ambassade à Kigali.", "QAT-RWA"),
])
def test_an_embassy_that_opens_is_easing(text, pair):
    assert _score(text, pair) < 0


def test_opening_fire_on_an_embassy_stays_force():
    # Counter-example: "ouvert le feu sur l'ambassade" is no opening (invented).
    assert _score("Des soldats syriens ont ouvert le feu sur l'ambassade de Turquie.", "SYR-TUR") > 0


# --- recognising a separatist region is hostile to the country it breaks from -----------------

@pytest.mark.parametrize(("text", "pair"), [
    ("L'Azerbaïdjan a dénoncé jeudi la Russie, qui a reconnu l'indépendance des républiques séparatistes "
     "du Karabakh.", "AZE-RUS"),
    ("Belgrade a condamné la reconnaissance par le Togo de l'indépendance de la province séparatiste.", "SRB-TGO"),
])
def test_recognising_a_separatist_region_is_tension(text, pair):
    assert _score(text, pair) > 0


@pytest.mark.parametrize(("text", "pair"), [
    # Counter-examples: recognising a country's independence (invented).
    ("Le Portugal a reconnu l'indépendance du Cap-Vert en 1975.", "CPV-PRT"),
    # "leur indépendance" with no separatist region named: a country recognising countries (invented).
    ("Le Portugal a reconnu leur indépendance, a rappelé le Brésil lors de la visite.", "BRA-PRT"),
])
def test_recognising_a_country_stays_cooperation(text, pair):
    assert _score(text, pair) < 0


@pytest.mark.parametrize(("text", "pair"), [
    # A refused or denied recognition by a country that itself faces separatists: "séparatistes"
    # belongs to the subject, not to what is recognised; never cooperation (invented).
    ("La Serbie, qui combat les séparatistes, refuse de reconnaître l'indépendance du Kosovo.", "SRB-XKX"),
    ("L'Espagne, confrontée aux séparatistes catalans, ne reconnaît pas l'indépendance du Kosovo.", "ESP-XKX"),
])
def test_a_refused_recognition_near_separatists_is_no_cooperation(text, pair):
    assert _score(text, pair) > 0


# --- "oe" written for the ligature "œ" -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "La Corée du Sud et les États-Unis ont mené des manoeuvres militaires communes.",
    "La Corée du Sud et les États-Unis ont mené des manœuvres militaires communes.",
])
def test_joint_manoeuvres_read_the_same_with_or_without_the_ligature(text):
    assert _score(text, "KOR-USA") < 0


def test_manoeuvres_against_a_country_stay_tension():
    # Counter-example: a show of force spelt "oe" stays one (invented).
    assert _score("La Chine a mené des manoeuvres militaires autour de Taïwan, a dénoncé le Japon.", "CHN-JPN") > 0


# --- a list after a mediator that is the verb's subject -----------------------------------------

@pytest.mark.parametrize(("text", "pair"), [
    # Counter-examples: the parser's "subject" under "sous"/"grâce à" is no subject; the list is (invented).
    ("Sous la médiation du Kenya, le Soudan et le Tchad ont conclu jeudi à Nairobi un accord frontalier.", "SDN-TCD"),
    ("Sous l'égide du Ghana, le Mali et le Niger ont repris lundi à Accra leurs discussions sur la frontière.",
     "MLI-NER"),
])
def test_a_list_after_a_mediator_is_the_subject(text, pair):
    assert pair in _pairs(text)
