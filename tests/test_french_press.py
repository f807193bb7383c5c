"""How French wire copy names the sides of an act: a visit's host past the visit's details, press
epithets for states, leaders of countries frequent in French reporting, a demonstrative naming an
earlier sentence's act, a multilateral summit named as a venue.

Every sentence below is invented (written like news sentences), not real reporting.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.mentions import find_mentions
from tracker.scorer.pipeline import score_article


@pytest.fixture(scope="module")
def read(nlp_fr):
    """read(text, day) -> {mention text: (country, role)} for the text as one sentence."""

    def _read(text: str, day: date = date(2024, 3, 1)) -> dict[str, tuple[str, str]]:
        return {m.text: (m.country, m.role) for m in find_mentions(nlp_fr(text)[:], "fr", day)}

    return _read


def _observations(text: str, day: date = date(2024, 3, 6)) -> dict[str, float]:
    """Pair -> summed score of the observations of the article's last paragraph."""
    article = Article(text=text, language="fr", published=day, published_source="header")
    last = text.rfind("\n\n") + 2 if "\n\n" in text else 0
    scores: dict[str, float] = {}
    for reading in score_article(article).readings:
        if reading.sentence.start < last:
            continue
        for obs in reading.observations:
            scores[obs.pair_code] = scores.get(obs.pair_code, 0.0) + obs.score
    return scores


# --- the host of a visit, past the visit's kind, length, time and visitor ------------------------


@pytest.mark.parametrize(("text", "host"), [
    ("Le président sénégalais a achevé jeudi une visite d'État de quatre jours en France.", "France"),
    ("En visite officielle pour 48 heures au Maroc, le roi d'Espagne a signé onze accords.", "Maroc"),
    ("La visite du président chinois Xi Jinping en Inde a été reportée.", "Inde"),
    ("Le chef de l'État ghanéen est arrivé lundi en fin d'après-midi au Togo.", "Togo"),
])
def test_the_host_of_a_visit_past_its_details(read, text, host):
    assert read(text)[host][1] == "actor"


def test_a_duration_without_a_visit_word_leaves_a_place(read):
    # counter-example: the same details without a visit word name where something happens
    assert read("Le président sénégalais a présidé jeudi un forum de quatre jours en France.")["France"][1] == "place"


# --- press epithets --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "epithet", "code"), [
    ("L'État hébreu a convoqué l'ambassadeur de Belgique.", "État hébreu", "ISR"),
    ("Le royaume chérifien a rappelé son ambassadeur à Alger.", "royaume chérifien", "MAR"),
    ("L'Empire du Milieu a dénoncé les nouvelles taxes australiennes.", "Empire du Milieu", "CHN"),
    ("Tokyo a durci ses contrôles à l'exportation vers le pays du Matin calme.", "pays du Matin calme", "KOR"),
    ("Les sanctions de l'Oncle Sam visent la République islamique.", "République islamique", "IRN"),
])
def test_press_epithets_name_the_state(read, text, epithet, code):
    assert read(text)[epithet] == (code, "actor")


def test_an_official_name_beats_the_epithet_inside_it(read):
    # counter-example: "République islamique" inside Mauritania's official name is not Iran
    found = read("La République islamique de Mauritanie a signé un accord de pêche avec le Sénégal.")
    assert {country for country, _ in found.values()} == {"MRT", "SEN"}


# --- leaders frequent in French reporting ----------------------------------------------------------


def test_leaders_of_french_reporting_in_office(read):
    assert read("Kaïs Saïed a reçu vendredi le ministre algérien.", date(2021, 4, 9))["Kaïs Saïed"] == ("TUN", "actor")
    assert read("M. Sánchez s'est entretenu avec Nasser Bourita.", date(2022, 4, 7))["Nasser Bourita"] == ("MAR", "actor")
    # counter-example: out of office, a leader no longer speaks for the state
    assert read("Macky Sall a critiqué la France.", date(2025, 1, 10))["Macky Sall"] == ("SEN", "former")


# --- a demonstrative naming an earlier sentence's act ------------------------------------------------


def test_a_demonstrative_names_the_other_side_of_the_article():
    text = "Le Maroc a fermé mardi sa frontière avec l'Algérie.\n\nCette mesure a été jugée hostile par Alger."
    assert set(_observations(text)) == {"DZA-MAR"}


def test_a_demonstrative_beside_a_third_country_adds_nothing():
    # counter-example: the sentence's only country is outside the article's pair
    text = "Le Maroc a fermé mardi sa frontière avec l'Algérie.\n\nLa France a regretté cette mesure."
    assert "DZA-MAR" not in _observations(text) and not any("FRA" in p for p in _observations(text))


# --- a multilateral summit is a venue, not a bilateral act --------------------------------------------


def test_a_multilateral_summit_is_no_bilateral_cue():
    # both leaders attend it: no cooperation between them is read from the summit's name
    assert _observations("Le président turc et le Premier ministre grec se croiseront lors du sommet de l'OTAN.") == {}
    # counter-example: a summit of one country with the alliance stays a cue (here blocked: tension)
    assert _observations("La Hongrie a bloqué la tenue du sommet Ukraine-OTAN.")["HUN-UKR"] > 0
