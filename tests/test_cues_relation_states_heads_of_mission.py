"""Lexicon rows by act category (data/lexicon/fr.tsv, en.tsv): a state of relations read across
"entre A et B" / "between A and B" as its siblings are ("relation ~8 dégrader"); the head of a
Commonwealth mission (a high commissioner) and an envoy expelled, recalled or summoned as an
ambassador is; help offered as help pledged.

Every sentence here is an invented example written for these tests, not real reporting.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def _cues(text: str, lang: str) -> dict[str, list[tuple[str, float]]]:
    scored = score_article(Article(text=text, language=lang, published=date(2024, 3, 1), published_source="header"))
    return {o.pair_code: [(c.pattern, c.weight) for c in o.cues] for r in scored.readings for o in r.observations}


@pytest.mark.parametrize(("lang", "text", "pattern", "sign"), [
    # a state of relations with the pair named between the noun and the state word
    ("fr", "Les relations entre l'Ouganda et le Kenya ont touché au plus bas cet hiver.",
     "relation ~8 à ~1 plus bas", 1),
    ("fr", "Les relations entre l'Ouganda et le Kenya sont à leur plus bas niveau depuis des années.",
     "relation ~8 à ~1 plus bas", 1),
    ("fr", "Les relations entre l'Ouganda et le Kenya restent glaciales depuis l'incident.", "relation ~6 glacial", 1),
    ("en", "Relations between Uganda and Kenya are at their lowest since the lake dispute.",
     "relation ~8 at ~1 lowest", 1),
    # heads of mission
    ("fr", "Kampala a expulsé vendredi le haut-commissaire kényan.", "expulser ~4 haut-commissaire", 1),
    ("fr", "Kampala a rappelé son haut-commissaire à Nairobi.", "rappeler ~4 haut-commissaire", 1),
    ("en", "Kampala expelled Kenya's high commissioner on Friday.", "expel ~4 high commissioner", 1),
    ("en", "Nairobi summoned Uganda's high commissioner over the remarks.", "summon ~4 high commissioner", 1),
    ("en", "Kampala decided to expel the Kenyan envoy.", "expel ~4 envoy", 1),
    # help offered
    ("en", "Uganda offered help to Kenya after the floods.", "offer ~4 help", -1),
])
def test_rows_of_the_act_category_read_the_act(lang, text, pattern, sign):
    cues = _cues(text, lang)["KEN-UGA"]
    assert any(p == pattern and w * sign > 0 for p, w in cues), cues


@pytest.mark.parametrize(("lang", "text", "sign"), [
    # counter-examples: a low price in another clause is no state of relations; a head of mission who
    # meets is a meeting, not an expulsion
    ("fr", "Les relations commerciales entre l'Ouganda et le Kenya progressent, même si les prix du maïs "
           "sont au plus bas.", -1),
    ("en", "Trade relations between Uganda and Kenya are growing even though maize prices are at their lowest.", -1),
    ("fr", "Le haut-commissaire kényan a rencontré vendredi le ministre ougandais des Affaires étrangères.", -1),
    ("en", "Kenya's high commissioner met Uganda's foreign minister on Friday.", -1),
])
def test_counter_examples_keep_their_reading(lang, text, sign):
    cues = _cues(text, lang)["KEN-UGA"]
    assert sum(w for _, w in cues) * sign > 0, cues
    assert not any("plus bas" in p or "lowest" in p or "commissioner" in p or "commissaire" in p for p, _ in cues)


def test_joining_another_countrys_navy_is_no_mobilisation_against_it():
    # cameo.en.tsv's "join ~4 navy" (+6.5, CAMEO 154 through a synonym of "increase") is switched off in en.tsv
    cues = _cues("An Indian frigate will join the Japanese navy for the drills next week.", "en")["IND-JPN"]
    assert sum(w for _, w in cues) < 0, cues
    assert not any(p == "join ~4 navy" and w for p, w in cues)


def test_troops_joining_an_army_against_a_third_country_still_attack_it_counter_example():
    cues = _cues("Belarusian troops joined the Russian army in the offensive against Ukraine.", "en")
    assert sum(w for _, w in cues["BLR-UKR"]) > 0 and sum(w for _, w in cues["RUS-UKR"]) > 0, cues


@pytest.mark.parametrize(("lang", "text", "pattern"), [
    # developing or deepening relations, as strengthening them (diplomatic cooperation)
    ("fr", "Le Ghana et le Togo ont décidé d'approfondir leurs relations.", "approfondir ~3 relation"),
    ("fr", "Accra souhaite poursuivre le développement harmonieux des relations avec Lomé.", "développement ~3 relation"),
    ("en", "Ghana and Togo decided to develop their relations further.", "develop ~3 relation"),
    ("en", "Accra and Lomé vowed to develop ties in energy.", "develop ~3 tie"),
])
def test_developing_relations_is_cooperation(lang, text, pattern):
    cues = _cues(text, lang)["GHA-TGO"]
    assert any(p == pattern and w < 0 for p, w in cues), cues


def test_relations_that_develop_badly_are_no_cooperation_counter_example():
    # relations that worsen keep their deterioration row
    cues = _cues("Les relations entre le Ghana et le Togo se sont dégradées depuis l'incident.", "fr")["GHA-TGO"]
    assert sum(w for _, w in cues) > 0, cues
