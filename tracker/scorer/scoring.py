"""The two formulas of the score: one sentence's cues -> a score, a period's observations -> a value.

Sentence. The strongest cue (largest |weight|) sets the level and every other cue adds a quarter of its
weight, then the sum is clipped to -10..+10:

    score = w_max + 0.25 * sum(other weights)        clipped to [-10, 10]

so "profondes divergences" and "climat tendu" in one sentence read a little tenser than either alone,
a sentence listing five mild irritants never reads as a war, and a cooperation cue beside a tension cue
pulls the score towards zero without cancelling the stronger one.

Period. Observations are first averaged within each article, then the article means are averaged:

    tension(pair, period) = mean over articles a of ( mean of a's observation scores in the period )

so a long article with twelve sentences on the pair does not outweigh three short ones, and an article
(keyed by the hash of its normalised text) is stored, hence counted, once. The volume is kept apart
(observations and articles per period). The band is mean +/- 1.96 standard errors of the article means
(of the observation scores when the period has a single article); a single observation has no band.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from tracker.records import SCORE_MAX, SCORE_MIN, Cue

OTHER_CUES_SHARE = 0.25

FREQS = {"D": "D", "W": "W-MON", "M": "MS"}


def clip(value: float) -> float:
    return max(SCORE_MIN, min(SCORE_MAX, value))


def sentence_score(cues: Iterable[Cue]) -> float:
    weights = sorted((c.weight for c in cues), key=abs, reverse=True)
    if not weights:
        return 0.0
    return round(clip(weights[0] + OTHER_CUES_SHARE * sum(weights[1:])), 2)


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """The first day of each date's period: the day, the Monday of its week, the 1st of its month."""
    if freq not in FREQS:
        raise ValueError(f"unknown granularity {freq!r}; use D (day), W (week) or M (month)")
    days = pd.to_datetime(dates).dt.normalize()
    if freq == "D":
        return days
    if freq == "W":
        return days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    return days.dt.to_period("M").dt.to_timestamp()


def period_table(obs: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Observations [article_id, event_date, score] -> one row per period.

    Columns: period (Timestamp, start of the period), tension, n_obs, n_articles, low, high.
    """
    columns = ["period", "tension", "n_obs", "n_articles", "low", "high"]
    if obs.empty:
        return pd.DataFrame(columns=columns)
    df = obs[["article_id", "event_date", "score"]].copy()
    df["period"] = period_start(df["event_date"], freq)
    per_article = (
        df.groupby(["period", "article_id"])["score"].agg(["mean", "count", "std"]).reset_index()
    )
    rows = []
    for period, group in per_article.groupby("period", sort=True):
        means = group["mean"]
        n_articles = len(group)
        n_obs = int(group["count"].sum())
        tension = float(means.mean())
        if n_articles >= 2:
            spread = float(means.std(ddof=1)) / math.sqrt(n_articles)
        elif n_obs >= 2:
            spread = float(group["std"].iloc[0]) / math.sqrt(n_obs)
        else:
            spread = 0.0
        half = 1.96 * spread
        rows.append(
            (period, round(tension, 3), n_obs, n_articles, round(clip(tension - half), 3), round(clip(tension + half), 3))
        )
    return pd.DataFrame(rows, columns=columns)
