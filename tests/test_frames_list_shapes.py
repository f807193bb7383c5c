"""Lists of countries on one side whose surface shape the run reader used to break on (invented sentences).

Note: every sentence below is an invented example, not real reporting. Each shape has a counter-example
that must keep its pair: a bracketed aside, "followed by", "respectively", a counted group noun with its
two members in apposition, and a repeated "by"/"par".
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
    # "followed by" continues a list of the same side
    ("Brazil and Argentina, followed by Uruguay, recalled their envoys from Venezuela.", "en",
     "ARG-URY", {"BRA-VEN", "ARG-VEN", "URY-VEN"}),
    ("Le Brésil, suivi de l'Uruguay et du Paraguay, a rappelé son ambassadeur au Venezuela.", "fr",
     "BRA-URY", {"BRA-VEN", "URY-VEN", "PRY-VEN"}),
    # "respectively": each of the list did its own act with the same counterpart
    ("Peru and Bolivia signed border treaties with Chile in 1929 and 1904, respectively.", "en",
     "BOL-PER", {"CHL-PER", "BOL-CHL"}),
    ("Le Pérou et la Bolivie ont signé des traités frontaliers avec le Chili en 1929 et 1904 respectivement.", "fr",
     "BOL-PER", {"CHL-PER", "BOL-CHL"}),
    # two countries in apposition to a group noun counted "two", coordinated with the other side
    ("Norway will host the signing of fishing accords between Chile and two Andean states, Peru and Bolivia.", "en",
     "BOL-PER", {"CHL-PER", "BOL-CHL"}),
    # two countries of a comma list closed by a joiner before an item that is no country
    ("Peru, Chile and the Andean Community condemned Bolivia for the seizure of the cargo.", "en",
     "CHL-PER", {"BOL-PER", "BOL-CHL"}),
    # a repeated "by"/"par" before each country of the list
    ("Le Tibet a été reconnu par le Népal, mais pas par le Bhoutan ni par l'Inde.", "fr", "BTN-IND", None),
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
    ("Brazil's strike on Venezuela was followed by Colombia's protest.", "en", "BRA-VEN"),
    ("The two neighbours, Peru and Bolivia, traded accusations on Monday.", "en", "BOL-PER"),
    ("Un accord a été signé par le Pérou et par la Bolivie.", "fr", "BOL-PER"),
    ("Argentina, Chile and the Mercosur secretariat held talks on Monday.", "en", "ARG-CHL"),
    # "respectively" naming the persons of a role noun ("the presidents of A and B, X and Y respectively")
    ("Brazil arranged talks in Brasilia between the foreign ministers of Chile and Bolivia, Gomez and Luna "
     "respectively.", "en", "BOL-CHL"),
])
def test_the_same_words_where_the_countries_act_with_each_other(text, lang, pair):
    assert pair in _codes(_reading(text, lang).pairs)
