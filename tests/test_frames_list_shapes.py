"""Lists of countries on one side whose surface shape the run reader used to break on (invented sentences).

Note: every sentence below is an invented example, not real reporting. Each shape has a counter-example
that must keep its pair: a bracketed aside, "respectively", a counted group noun with its two members in
apposition.
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


@pytest.mark.parametrize(("text", "lang", "aside", "kept"), [
    # a country named again in brackets does not end the list it stands in
    ("Chile signed accords to open trade offices with the Dominican Republic (DR) and Peru in Lima on Monday.", "en",
     "DOM-PER", {"CHL-DOM", "CHL-PER"}),
    ("Ecuador, the Central African Republic (CAR) and Bolivia condemned Paraguay's decision.", "en",
     "BOL-ECU", {"ECU-PRY", "CAF-PRY", "BOL-PRY"}),
    # "respectively": each of the list did its own act with the same counterpart
    ("Peru and Bolivia signed border treaties with Chile in 1929 and 1904, respectively.", "en",
     "BOL-PER", {"CHL-PER", "BOL-CHL"}),
    ("Le Pérou et la Bolivie ont signé des traités frontaliers avec le Chili en 1929 et 1904 respectivement.", "fr",
     "BOL-PER", {"CHL-PER", "BOL-CHL"}),
    # two countries in apposition to a group noun counted "two", coordinated with the other side
    ("Norway will host the signing of fishing accords between Chile and two Andean states, Peru and Bolivia.", "en",
     "BOL-PER", {"CHL-PER", "BOL-CHL"}),
])
def test_a_list_of_one_side_in_these_shapes(text, lang, aside, kept):
    reading = _reading(text, lang)
    assert aside not in _codes(reading.pairs), reading.pairs
    assert aside in _codes(a.pair for a in reading.set_aside)
    if kept is not None:
        assert kept <= _codes(reading.pairs)


@pytest.mark.parametrize(("text", "lang", "pair"), [
    # counter-examples: the same words where the countries act with each other
    ("Peru and Bolivia signed border treaties with Chile in 1929.", "en", "BOL-PER"),
    ("Peru and Bolivia signed a border treaty in 1904.", "en", "BOL-PER"),
    ("Norway will host the signing of fishing accords between Chile, Peru and Bolivia.", "en", "BOL-PER"),
    ("The two neighbours, Peru and Bolivia, traded accusations on Monday.", "en", "BOL-PER"),
    ("Un accord a été signé par le Pérou et par la Bolivie.", "fr", "BOL-PER"),
    # an act's agent after "by" is its side, not one listed with its target; a comma after an opening phrase
    # ends no list
    ("Chile condemned the attack on Bolivia by Peru.", "en", "BOL-PER"),
    ("Le Chili a condamné l'attaque contre la Bolivie par le Pérou.", "fr", "BOL-PER"),
    ("After clashes with Peru, Chile and the UN called for calm.", "en", "CHL-PER"),
    # "respectively" naming the persons of a role noun ("the presidents of A and B, X and Y respectively")
    ("Brazil arranged talks in Brasilia between the foreign ministers of Chile and Bolivia, Gomez and Luna "
     "respectively.", "en", "BOL-CHL"),
])
def test_the_same_words_where_the_countries_act_with_each_other(text, lang, pair):
    assert pair in _codes(_reading(text, lang).pairs)
