"""English lists of countries and the sides of an act (invented sentences).

Note: every sentence below is an invented example, not real reporting.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def _reading(text: str, lang: str = "en"):
    article = Article(text=text, language=lang, published=date(2024, 3, 6), published_source="header")
    return score_article(article).readings[-1]


def _codes(pairs) -> set[str]:
    return {"-".join(p) for p in pairs}


@pytest.mark.parametrize(("text", "pair"), [
    # A list after "to" naming again the countries the sentence makes its sides keeps their pair.
    ("Japan and South Korea agreed to send their envoys back to Tokyo and Seoul.", "JPN-KOR"),
    ("Nigeria and Ghana agreed to reopen their embassies in Accra and Abuja.", "GHA-NGA"),
])
def test_a_list_naming_the_sides_again_keeps_their_pair(text, pair):
    assert pair in _codes(_reading(text).pairs)


def test_a_list_after_to_with_no_country_acting_stays_apart():
    """Counter-example: the list alone, after an actor that is no country (invented)."""
    reading = _reading("NATO will send envoys to Tokyo and Seoul next month.")
    assert "JPN-KOR" not in _codes(reading.pairs)
    assert "JPN-KOR" in _codes(a.pair for a in reading.set_aside)


@pytest.mark.parametrize(("text", "kept", "aside"), [
    # Two "between" phrases name two relations: no pair across them (invented).
    ("Talks between Serbia and Kosovo resumed, the first since the meeting between Greece and North Macedonia "
     "in 2018.", {"SRB-XKX", "GRC-MKD"}, {"GRC-SRB", "MKD-SRB", "GRC-XKX", "MKD-XKX"}),
    ("The meeting between a Peruvian minister and a Chilean envoy was the first since the one between Bolivia "
     "and Paraguay.", {"CHL-PER", "BOL-PRY"}, {"BOL-CHL", "BOL-PER", "CHL-PRY", "PER-PRY"}),
])
def test_two_between_phrases_name_two_relations(text, kept, aside):
    reading = _reading(text)
    assert _codes(reading.pairs) == kept
    assert aside <= _codes(a.pair for a in reading.set_aside)


def test_one_between_phrase_sets_nothing_aside():
    """Counter-example: one relation and a third country commenting on it (invented)."""
    assert _codes(_reading("Egypt welcomed the deal between Israel and Jordan.").pairs) == {
        "EGY-ISR", "EGY-JOR", "ISR-JOR"}


@pytest.mark.parametrize(("text", "aside"), [
    # Targets of a one-way act listed after "on"/"against", no country acting: no pair (invented).
    ("Brussels announced new penalties on nine Georgian and Armenian officers.", "ARM-GEO"),
    ("Sanctions against Iran and Syria were extended on Monday.", "IRN-SYR"),
    ("The council will slap entry bans and account freezes on six Moldovan and Romanian judges.", "MDA-ROU"),
    ("L'Union a prolongé les sanctions économiques contre la Russie et la Biélorussie.", "BLR-RUS"),
])
def test_targets_of_an_actor_that_is_no_country_are_no_pair(text, aside):
    reading = _reading(text, "fr" if "'" in text.split()[0] else "en")
    assert aside not in _codes(reading.pairs)
    assert aside in _codes(a.pair for a in reading.set_aside)


@pytest.mark.parametrize(("text", "pair"), [
    # Counter-examples: two countries under pressure "on"/"sur", no act noun before it, stay each
    # other's counterpart (invented).
    ("Pressure mounted on India and Pakistan to halt the fighting.", "IND-PAK"),
    ("La pression s'accentue sur l'Éthiopie et l'Érythrée pour mettre fin aux combats.", "ERI-ETH"),
])
def test_two_countries_after_on_without_an_act_noun_stay_a_pair(text, pair):
    assert pair in _codes(_reading(text, "fr" if text.startswith("La ") else "en").pairs)


@pytest.mark.parametrize(("text", "kept"), [
    # Counter-examples: a country acting on the list pairs with each; a mutual act keeps the pair (invented).
    ("Poland imposed sanctions on Russian and Belarusian officials.", {"BLR-POL", "POL-RUS"}),
    ("Russia and Ukraine traded accusations on Monday.", {"RUS-UKR"}),
])
def test_a_list_after_on_with_a_country_acting_or_a_mutual_act(text, kept):
    assert _codes(_reading(text).pairs) == kept


@pytest.mark.parametrize(("text", "pair"), [
    # A lone list whose sentence reads no act but names an exercise: the exercise is the list's own, held together.
    ("Brazil, Argentina and Chile will open their yearly Atlantic exercise off Montevideo next week.", "ARG-BRA"),
    ("Le Brésil, l'Argentine et le Chili ouvriront la semaine prochaine leurs manœuvres navales annuelles.", "ARG-BRA"),
])
def test_a_lone_list_naming_only_an_exercise_holds_it_together(text, pair):
    lang = "fr" if text.startswith("Le ") else "en"
    assert pair in _codes(_reading(text, lang).pairs)


@pytest.mark.parametrize(("text", "lang"), [
    # counter-examples: no exercise named, or another act makes the exercise its object
    ("Brazil, Argentina and Chile will open their yearly trade fair in Montevideo next week.", "en"),
    ("Le Brésil, l'Argentine et le Chili ouvriront la semaine prochaine leur foire commerciale annuelle.", "fr"),
    ("Brazil, Argentina and Chile protested against the naval drill off their coasts.", "en"),
])
def test_a_lone_list_without_an_exercise_of_its_own_stays_one_side(text, lang):
    reading = _reading(text, lang)
    assert "ARG-BRA" not in _codes(reading.pairs), reading.pairs
