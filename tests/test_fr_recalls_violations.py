"""French reporting: a violated ceasefire or peace agreement, the noun "rappel pour consultations"
and an envoy's title followed by a sovereign's style or a state's official name (every sentence
here is invented, written the way French news reports relations; none is copied from real reporting).

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


def _scores(text: str) -> dict[str, float]:
    scores: dict[str, float] = {}
    for o in _reading(text).observations:
        scores[o.pair_code] = scores.get(o.pair_code, 0.0) + o.score
    return scores


# --- the agreement is the object of a violation: tension, not the agreement --------------------

@pytest.mark.parametrize(("text", "pair"), [
    ("Les soldats arméniens ont violé leur accord de cessez-le-feu en tirant sur des postes azerbaïdjanais.", "ARM-AZE"),
    ("Le Pakistan a violé à nouveau cet accord de cessez-le-feu, affirme l'Inde.", "IND-PAK"),
    ("L'Éthiopie accuse l'Érythrée d'avoir violé l'accord de paix signé à Alger.", "ERI-ETH"),
])
def test_a_violated_agreement_is_tension(text, pair):
    assert _scores(text).get(pair, 0.0) > 0


@pytest.mark.parametrize(("text", "pair"), [
    # Counter-examples: the agreement itself, signed or respected, stays cooperation (invented).
    ("Le Pakistan et l'Inde ont signé jeudi un nouvel accord de cessez-le-feu.", "IND-PAK"),
    ("L'Arménie et l'Azerbaïdjan ont conclu un accord de paix à Washington.", "ARM-AZE"),
])
def test_an_agreement_signed_stays_cooperation(text, pair):
    assert _scores(text).get(pair, 0.0) < 0


@pytest.mark.parametrize("text", [
    # Violations examined or investigated are alleged, not established: damped (invented).
    "L'Éthiopie et l'Érythrée ont créé une commission chargée d'examiner les violations de l'accord de paix.",
    "L'Éthiopie et l'Érythrée ont ouvert une enquête sur les violations du cessez-le-feu.",
])
def test_an_examined_violation_is_damped(text):
    assert 0 < _scores(text).get("ERI-ETH", 0.0) <= 3.6


def test_a_violation_not_examined_keeps_its_weight():
    # Counter-example: the violation itself, no investigation (invented).
    assert _scores("L'Érythrée a violé l'accord de paix avec l'Éthiopie, selon Addis-Abeba.").get("ERI-ETH", 0.0) >= 5


# --- "le rappel pour consultations de son ambassadeur" --------------------------------------------

@pytest.mark.parametrize(("text", "pair"), [
    ("Lisbonne annonce le rappel pour consultations de son ambassadeur à Luanda.", "AGO-PRT"),
    ("La Grèce a rappelé pour consultations son ambassadrice en Autriche.", "AUT-GRC"),
])
def test_a_recall_for_consultations_is_tension(text, pair):
    assert _scores(text).get(pair, 0.0) > 0


def test_consultations_without_a_recall_are_no_recall():
    # Counter-example: consultations between two ministers are a meeting, no recall (invented).
    assert _scores("Le Portugal et l'Angola ont tenu des consultations à Luanda sur le commerce.").get("AGO-PRT", 0.0) <= 0


# --- an envoy's title before a sovereign's style or a state's official name ----------------------

@pytest.mark.parametrize(("text", "pair"), [
    ("Oman a rappelé son Ambassadeur de Sa Majesté le Sultan à Stockholm.", "OMN-SWE"),
    ("Berlin a rappelé l'Ambassadeur de la République Fédérale d'Allemagne à Caracas.", "DEU-VEN"),
])
def test_the_post_after_a_long_title_is_a_side(text, pair):
    assert _scores(text).get(pair, 0.0) > 0


def test_a_city_after_a_lowercase_word_stays_a_place():
    # Counter-example: the city where a recalled envoy will be received is no post (invented).
    reading = _reading("Le Maroc a rappelé son ambassadeur en Suède pour des consultations prévues à Rabat.")
    assert {m.text: m.role for m in reading.mentions}["Rabat"] == "place"
    assert sum(o.score for o in reading.observations if o.pair_code == "MAR-SWE") > 0


# --- the passive recall: "l'ambassadeur X à Y a été rappelé" ---------------------------------------

@pytest.mark.parametrize(("text", "pair"), [
    ("L'ambassadeur tchadien à Abuja a été rappelé dans son pays après ces propos.", "NGA-TCD"),
    ("L'ambassadrice du Pérou au Mexique a été rappelée pour consultations mardi.", "MEX-PER"),
])
def test_an_ambassador_recalled_in_the_passive_is_tension(text, pair):
    assert _scores(text).get(pair, 0.0) > 0


def test_an_ambassador_who_reminds_is_no_recall():
    # Counter-example: "a rappelé que" (reminded that) has no "être" before the participle (invented).
    scores = _scores("L'ambassadeur tchadien à Abuja a rappelé que le Nigeria restait un partenaire.")
    assert scores.get("NGA-TCD", 0.0) <= 0


@pytest.mark.parametrize(("text", "pair", "low", "high"), [
    # The ambassador is not the passive subject of "rappelé": a reminder, not a recall; the other
    # cue of the sentence reads alone (invented).
    ("Selon l'ambassadeur chinois en Inde, l'accord a été rappelé aux deux parties.", "CHN-IND", -10.0, 0.0),
    ("Pour l'ambassadeur du Japon, ce point a été rappelé à la Chine lors des discussions.", "CHN-JPN", -10.0, 0.0),
    # "rappelé à ses obligations" is a reminder, and a recall denied is no recall nor its opposite (invented).
    ("L'ambassadeur de Russie, convoqué par la Lituanie, a été rappelé à ses obligations.", "LTU-RUS", -0.1, 0.1),
    ("L'ambassadeur du Canada au Niger n'a pas été rappelé, a précisé Ottawa.", "CAN-NER", -0.1, 0.1),
])
def test_a_passive_rappele_is_a_recall_only_with_the_ambassador_as_its_subject(text, pair, low, high):
    assert low <= _scores(text).get(pair, 0.0) <= high


def test_an_ambassador_recalled_after_a_verb_is_a_recall():
    # Counter-example: "vient d'être rappelée" keeps the ambassador the participle's subject (invented).
    assert _scores("L'ambassadrice du Pérou au Mexique vient d'être rappelée à Lima.").get("MEX-PER", 0.0) > 0


# --- a war named after its country ("la guerre d'Algérie") is a topic -----------------------------

@pytest.mark.parametrize(("text", "topic"), [
    ("Le président a rendu hommage aux anciens combattants de la guerre d'Algérie, a annoncé Paris.", "DZA"),
    ("Washington s'enlisait alors dans la guerre du Vietnam, selon Londres.", "VNM"),
    ("Le Canada a envoyé des troupes pendant la guerre de Corée.", "KOR"),
])
def test_a_war_named_after_a_country_makes_it_no_side(text, topic):
    assert not any(topic in pair for pair in _scores(text))


@pytest.mark.parametrize(("text", "pair"), [
    # Counter-examples: the country that wages the war stays a side; each reaches the war-name rule
    # ("guerre d'" right before the country) and is kept a side by what follows it (invented).
    ("La guerre d'Irak contre l'Iran a duré huit ans.", "IRN-IRQ"),
    ("La guerre d'Irak avec l'Iran a duré huit ans.", "IRN-IRQ"),
    ("L'Érythrée a condamné la guerre d'Éthiopie dans le Tigré.", "ERI-ETH"),
])
def test_a_war_waged_by_a_country_keeps_it_a_side(text, pair):
    assert _scores(text).get(pair, 0.0) > 0


@pytest.mark.parametrize(("text", "pairs"), [
    # The country's own war: with its article ("de la Russie"), or a country written without an article
    # ("d'Israël", "Cuba"), it owns the war and stays a side (invented).
    ("La guerre de la Russie a fait des milliers de morts, selon l'Ukraine.", {"RUS-UKR"}),
    ("Cuba et le Venezuela ont dénoncé la guerre d'Israël.", {"CUB-ISR", "ISR-VEN"}),
    ("La Chine a condamné la guerre d'Israël.", {"CHN-ISR"}),
    ("Le Qatar a dénoncé la guerre d'Israël dans la bande de Gaza.", {"ISR-QAT"}),
])
def test_a_country_s_own_war_keeps_it_a_side(text, pairs):
    scores = _scores(text)
    assert all(scores.get(pair, 0.0) > 0 for pair in pairs)


def test_a_war_name_before_a_year_stays_a_topic(nlp_fr):
    # Counter-example: "en" before a year is the war's date, not where it is waged (invented).
    doc = nlp_fr("La France a envoyé des appelés pendant la guerre d'Algérie en 1956.")
    roles = {m.text: m.role for m in find_mentions(doc[:], "fr", date(2023, 5, 10))}
    assert roles["Algérie"] == "topic"
