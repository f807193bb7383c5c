"""Countries listed in apposition to a group noun: one side facing the country named beside the group
(tracker/scorer/frames_members.py, blocs; data/sides.tsv bloc_noun, bloc_opening, bloc_joiner).

Note: every sentence below is an invented example, not real reporting.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import Article
from tracker.scorer.pipeline import score_article


def _reading(text: str, lang: str):
    article = Article(text=text, language=lang, published=date(2024, 3, 6), published_source="header")
    return score_article(article).readings[-1]


def _codes(pairs) -> set[str]:
    return {"-".join(p) for p in pairs}


@pytest.mark.parametrize(("text", "lang", "pairs"), [
    # the other country coordinated with the group noun, a mutual act (invented)
    ("Le Kenya et les pays voisins (Ouganda, Tanzanie et Rwanda) ont signé mardi un accord commercial à Nairobi.",
     "fr", {"KEN-RWA", "KEN-TZA", "KEN-UGA"}),
    ("Brazil and the three Andean states – Peru, Colombia and Ecuador – agreed on Monday to share river patrol data.",
     "en", {"BRA-COL", "BRA-ECU", "BRA-PER"}),
    # "plus X" after the closing mark adds X to the group (invented)
    ("Mexico and the three partners – Canada, Chile and Peru – plus Colombia opened talks on a trade pact.",
     "en", {"CAN-MEX", "CHL-MEX", "COL-MEX", "MEX-PER"}),
    # the group after "with"/"avec": the counterpart of the subject's mutual act (invented)
    ("Chile held talks with the Pacific nations (Fiji, Samoa and Tonga) on fishing quotas.",
     "en", {"CHL-FJI", "CHL-TON", "CHL-WSM"}),
    ("Le Maroc a conclu un accord avec les pays du Golfe (Arabie saoudite, Koweït, Oman) sur l'énergie.",
     "fr", {"KWT-MAR", "MAR-OMN", "MAR-SAU"}),
])
def test_a_group_listed_in_apposition_is_one_side(text, lang, pairs):
    reading = _reading(text, lang)
    assert _codes(reading.pairs) == pairs
    assert any("listed as one group" in a.reason for a in reading.set_aside)


@pytest.mark.parametrize(("text", "lang", "pairs"), [
    # a possessive before the group noun: the group is the country's own, on its side (invented)
    ("Poland and its EU partners – Germany, France and Italy – signed a security accord with Ukraine on Tuesday.",
     "en", {"POL-UKR", "DEU-UKR", "FRA-UKR", "ITA-UKR"}),
    ("La France et ses partenaires européens (Allemagne, Italie et Espagne) ont signé un accord de sécurité avec "
     "l'Ukraine.", "fr", {"FRA-UKR", "DEU-UKR", "ITA-UKR", "ESP-UKR"}),
])
def test_a_country_with_its_own_group_stands_on_its_side(text, lang, pairs):
    assert _codes(_reading(text, lang).pairs) == pairs


def test_a_group_facing_a_country_after_its_closing_mark():
    """ "(...) et X": the country after the list's closing mark is the group's counterpart (invented)."""
    reading = _reading("Un accord a été trouvé entre les puissances régionales (Égypte, Jordanie et Irak) et la "
                       "Turquie sur le partage de l'eau.", "fr")
    assert _codes(reading.pairs) == {"EGY-TUR", "IRQ-TUR", "JOR-TUR"}


@pytest.mark.parametrize(("text", "lang", "pairs"), [
    # Counter-examples: a mutual act whose other country is not coordinated with the group keeps the
    # members' pairs (invented)
    ("Les trois pays baltes – Estonie, Lettonie et Lituanie – ont signé un pacte de défense, alors que la Russie "
     "masse des troupes.", "fr", {"EST-LTU", "EST-LVA", "LTU-LVA"}),
    # no other country: the lone-list rules decide, as before (invented)
    ("The three Baltic states – Estonia, Latvia and Lithuania – signed a defence pact on Monday.",
     "en", {"EST-LTU", "EST-LVA", "LTU-LVA"}),
    # a list with no group noun, a trilateral pact, a reciprocal "between" (invented)
    ("Japan, South Korea and the Philippines signed a trilateral pact on Monday.", "en",
     {"JPN-KOR", "JPN-PHL", "KOR-PHL"}),
    ("Talks between Japan, South Korea and China resumed in Seoul.", "en", {"CHN-JPN", "CHN-KOR", "JPN-KOR"}),
    # two countries in apposition are a pair, not a group (invented)
    ("Les deux rivaux, la Grèce et la Turquie, ont échangé des tirs en mer Égée, tandis que l'Italie prônait la "
     "retenue.", "fr", {"GRC-TUR"}),
])
def test_lists_that_are_no_group_facing_a_country_keep_their_pairs(text, lang, pairs):
    reading = _reading(text, lang)
    assert pairs <= _codes(reading.pairs)
    assert not any("listed as one group" in a.reason for a in reading.set_aside)


@pytest.mark.parametrize(("text", "lang", "pairs", "absent"), [
    # a country describing the allies that are the sides is no side (invented)
    ("Seoul recalled its envoy to Tokyo on Friday, widening the rift between Washington's two main allies.", "en",
     {"JPN-KOR"}, {"JPN-USA", "KOR-USA"}),
    ("The quarrel between Japan and South Korea, two of Washington's closest partners, flared again on Monday.",
     "en", {"JPN-KOR"}, {"JPN-USA", "KOR-USA"}),
    ("Le Japon a restreint lundi ses exportations vers la Corée du Sud, ravivant les tensions entre les deux alliés "
     "des États-Unis.", "fr", {"JPN-KOR"}, {"JPN-USA", "KOR-USA"}),
])
def test_a_country_describing_the_allies_is_no_side(text, lang, pairs, absent):
    reading = _reading(text, lang)
    assert pairs <= _codes(reading.pairs)
    assert not absent & _codes(reading.pairs)


@pytest.mark.parametrize(("text", "pair"), [
    # Counter-examples: one partner named, or the country coordinated with its allies (invented)
    ("Kenya is one of Britain's closest partners in East Africa.", "GBR-KEN"),
    ("Kenya remains among Britain's closest partners in Africa.", "GBR-KEN"),
    ("Japan remains among Washington's most trusted allies, Tokyo told China.", "JPN-USA"),
    # "partners with" is a verb: its subject is a side (invented)
    ("Turkey partners with Russia on a new gas hub.", "RUS-TUR"),
    ("The United States and its allies, including Japan, condemned the launch by North Korea.", "JPN-PRK"),
])
def test_a_country_with_one_partner_or_beside_its_allies_keeps_its_pair(text, pair):
    assert pair in _codes(_reading(text, "en").pairs)


def test_the_alliance_a_describing_country_names_is_no_cue():
    """ "Washington's two main allies": the alliance is the describing country's, no act of the sides (invented)."""
    reading = _reading("Seoul recalled its envoy to Tokyo on Friday, widening the rift between Washington's "
                       "two main allies.", "en")
    assert not any(c.category == "alliance" for c in reading.cues)


def test_a_sea_named_after_a_country_is_no_side():
    """ "the Philippine Sea" is a body of water, not the Philippines (invented)."""
    reading = _reading("Canada and Japan held a naval exercise in the Philippine Sea on Monday.", "en")
    assert not any(m.country == "PHL" for m in reading.mentions)
