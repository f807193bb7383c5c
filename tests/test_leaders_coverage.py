"""Leaders of frequently reported states outside the G20 (data/leaders.csv): named alone, they stand for
their country while in office.

Note: every sentence below is an invented example, not real reporting.
"""

from __future__ import annotations

from datetime import date


def _pairs_on(text: str, day: date) -> set[str]:
    from tracker.records import Article
    from tracker.scorer.pipeline import score_article

    article = Article(text=text, language="en", published=day, published_source="header")
    return {"-".join(p) for r in score_article(article).readings for p in r.pairs}


def test_leaders_of_frequently_reported_states_are_read_in_office_only():
    # invented: a Polish and a Romanian leader named alone stand for their country while in office
    assert "POL-UKR" in _pairs_on("Morawiecki met Zelensky in Kyiv on Tuesday.", date(2022, 4, 5))
    assert "ROU-UKR" in _pairs_on("Iohannis met Zelensky in Kyiv on Tuesday.", date(2022, 4, 5))
    # counter-example (invented): out of office, a former leader is no side
    assert "POL-UKR" not in _pairs_on("Morawiecki met Zelensky in Kyiv on Tuesday.", date(2024, 4, 2))


def test_west_african_and_colombian_leaders_in_office():
    # invented: a surname that English reports use alone (Buhari), or after a title (Duque, Talon), stands for
    # the country in office
    assert "COL-ECU" in _pairs_on("Quito accused President Duque of hiding the rebels' camps.", date(2020, 2, 3))
    assert "BEN-NGA" in _pairs_on("Mr Talon thanked President Buhari for the reopening.", date(2021, 1, 20))
    assert "GHA-NGA" in _pairs_on("Ghana's foreign minister criticised Buhari over the traders' expulsion.",
                                  date(2019, 10, 8))
    # counter-examples (invented): out of office, no side; "Talon" alone is no president
    assert "COL-ECU" not in _pairs_on("Quito accused President Duque of hiding the rebels' camps.", date(2024, 2, 5))
    # "Duque" alone is another Duque (review, invented): Spain's science minister, a Brazilian city
    assert "COL-RUS" not in _pairs_on("Spain's science minister Pedro Duque met Russian space officials in Moscow.",
                                      date(2020, 2, 3))
    assert "BEN-TGO" not in _pairs_on("Togo's army used the Talon drone near the border.", date(2021, 1, 20))
