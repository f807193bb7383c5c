"""The two documented formulas: a sentence's cues -> score, a period's observations -> value."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tracker.periods import period_starts
from tracker.records import Cue
from tracker.scorer.scoring import period_table, sentence_score


def cue(weight: float) -> Cue:
    return Cue(0, 1, "x", "x", "test", weight, weight)


def test_sentence_score_strongest_cue_plus_a_quarter_of_the_others():
    assert sentence_score([]) == 0.0
    assert sentence_score([cue(4)]) == 4.0
    assert sentence_score([cue(3), cue(4)]) == 4.75
    # A cooperation cue pulls a tense sentence towards zero without cancelling it.
    assert sentence_score([cue(5), cue(-2)]) == 4.5
    assert sentence_score([cue(-6), cue(2)]) == -5.5


def test_sentence_score_is_clipped_to_the_scale():
    assert sentence_score([cue(10), cue(9), cue(9)]) == 10.0
    assert sentence_score([cue(-10), cue(-10)]) == -10.0


def test_period_start_for_each_granularity():
    days = pd.Series([date(2017, 4, 12), date(2017, 4, 16), date(2017, 5, 1)])
    assert list(period_starts(days, "D").dt.date) == [date(2017, 4, 12), date(2017, 4, 16), date(2017, 5, 1)]
    assert list(period_starts(days, "W").dt.date) == [date(2017, 4, 10), date(2017, 4, 10), date(2017, 5, 1)]
    assert list(period_starts(days, "M").dt.date) == [date(2017, 4, 1), date(2017, 4, 1), date(2017, 5, 1)]
    assert list(period_starts(days, "Q").dt.date) == [date(2017, 4, 1), date(2017, 4, 1), date(2017, 4, 1)]
    assert list(period_starts(days, "Y").dt.date) == [date(2017, 1, 1)] * 3
    with pytest.raises(ValueError, match="use D"):
        period_starts(days, "H")
    with pytest.raises(ValueError, match="granularity"):  # the timeline has days, weeks and months
        period_table(pd.DataFrame({"article_id": [1], "event_date": [date(2017, 4, 12)], "score": [1.0]}), "Y")


def test_period_value_averages_articles_not_sentences():
    # Article 1 has three observations at +6, article 2 one at -2: the period is (6 + -2) / 2 = 2,
    # not the sentence mean (16 / 4 = 4), so a long article does not outweigh a short one.
    obs = pd.DataFrame(
        {
            "article_id": [1, 1, 1, 2],
            "event_date": [date(2020, 1, 6)] * 3 + [date(2020, 1, 8)],
            "score": [6.0, 6.0, 6.0, -2.0],
        }
    )
    table = period_table(obs, "W")
    assert len(table) == 1
    row = table.iloc[0]
    assert row["tension"] == 2.0
    assert (row["n_obs"], row["n_articles"]) == (4, 2)
    assert row["low"] < 2.0 < row["high"]


def test_period_table_of_nothing_is_empty_with_columns():
    table = period_table(pd.DataFrame(columns=["article_id", "event_date", "score"]), "D")
    assert table.empty
    assert list(table.columns) == ["period", "tension", "n_obs", "n_articles", "low", "high"]


def test_single_observation_has_no_band():
    obs = pd.DataFrame({"article_id": [1], "event_date": [date(2020, 1, 1)], "score": [3.0]})
    row = period_table(obs, "M").iloc[0]
    assert row["low"] == row["high"] == 3.0
