"""The two formulas of the score: one sentence's cues -> a score, a period's observations -> a value.

Sentence. The strongest cue (largest |weight|) sets the level and every other cue adds a quarter of its
weight, then the sum is clipped to -10..+10:

    score = w_max + 0.25 * sum(other weights)        clipped to [-10, 10]

so "profondes divergences" and "climat tendu" in one sentence read a little tenser than either alone,
a sentence listing five mild irritants never reads as a war, and a cooperation cue beside a tension cue
pulls the score towards zero without cancelling the stronger one.

For one pair, the act that governs it sets the level in place of a stronger cue of the other sign: the
pipeline passes the cues of the main clause, not denied, whose own clause names both countries of the
pair as its sides (its subject and its object or complement, or two subjects), a meeting excepted
(pipeline.governing_acts). "Azerbaijan
said it observed the truce but accused Armenia of shelling" is the accusation's sentence, the truce
only a quarter of its weight beside it.

Period. Observations are first averaged within each article, then the article means are averaged:

    tension(pair, period) = mean over articles a of ( mean of a's observation scores in the period )

so a long article with twelve sentences on the pair does not outweigh three short ones, and an article
(keyed by the hash of its normalised text) is stored, hence counted, once. The volume is kept apart
(observations and articles per period). The band is mean +/- 1.96 standard errors of the article means
(of the observation scores when the period has a single article); a single observation has no band.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from tracker.records import SCORE_MAX, SCORE_MIN, Cue

if TYPE_CHECKING:  # the period formula's pandas is imported where it runs: the scorer needs only sentence_score
    import pandas as pd

OTHER_CUES_SHARE = 0.25
BAND_Z = 1.96

PERIOD_COLUMNS = ["period", "tension", "n_obs", "n_articles", "low", "high"]
# What the period formula needs of a period, all sums, so the store can keep them up to date as
# articles come and go (period_totals, migration 0003) and a timeline reads one row per period.
PERIOD_SUMS = ["n_articles", "n_obs", "sum_mean", "sum_mean_sq", "sum_score", "sum_sq"]


def clip(value: float) -> float:
    return max(SCORE_MIN, min(SCORE_MAX, value))


def sentence_score(cues: Iterable[Cue], acts: Iterable[Cue] = ()) -> float:
    """The sentence formula; with `acts` (the cues of the act that governs the pair, pipeline), the
    strongest of them sets the level in place of a stronger cue of the other sign."""
    cues = list(cues)
    lead = max((c for c in acts if c.weight), key=lambda c: abs(c.weight), default=None)
    strongest = max((c.weight for c in cues), key=abs, default=0.0)
    # The act leads only against a stronger cue of the other sign (the background, a description): with
    # the same sign, the strongest cue is still the level ("agreed to a ceasefire" is the ceasefire's).
    if lead is not None and lead in cues and lead.weight * strongest < 0:
        rest = list(cues)
        rest.remove(lead)
        return round(clip(lead.weight + OTHER_CUES_SHARE * sum(c.weight for c in rest)), 2)
    weights = sorted((c.weight for c in cues), key=abs, reverse=True)
    if not weights:
        return 0.0
    return round(clip(weights[0] + OTHER_CUES_SHARE * sum(weights[1:])), 2)


def period_values(sums: pd.DataFrame) -> pd.DataFrame:
    """The period formula on each row of PERIOD_SUMS: [tension, low, high], rounded to 3 decimals.

    sum_mean and sum_mean_sq are the sum and the sum of squares of the article means, sum_score and
    sum_sq those of the observation scores. The band's standard error is that of the article means
    when there are two articles or more, of the scores when one article makes the period; a single
    observation has none.
    """
    import numpy as np
    import pandas as pd

    n_articles = sums["n_articles"].to_numpy(float)
    n_obs = sums["n_obs"].to_numpy(float)
    tension = sums["sum_mean"].to_numpy(float) / n_articles
    sum_score = sums["sum_score"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        var_means = (sums["sum_mean_sq"].to_numpy(float) - n_articles * tension * tension) / (n_articles - 1)
        se_means = np.sqrt(np.clip(var_means, 0, None)) / np.sqrt(n_articles)
        var_scores = (sums["sum_sq"].to_numpy(float) - sum_score * sum_score / n_obs) / (n_obs - 1)
        se_scores = np.sqrt(np.clip(var_scores, 0, None)) / np.sqrt(n_obs)
    half = BAND_Z * np.where(n_articles >= 2, se_means, np.where(n_obs >= 2, se_scores, 0.0))
    return pd.DataFrame({
        "tension": tension.round(3),
        "low": np.clip(tension - half, SCORE_MIN, SCORE_MAX).round(3),
        "high": np.clip(tension + half, SCORE_MIN, SCORE_MAX).round(3),
    }, index=sums.index)


def period_table(obs: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Observations [article_id, event_date, score] -> one row per period (D, W or M), oldest first.

    Columns: PERIOD_COLUMNS, period a Timestamp (the period's first day, tracker.periods).
    """
    import pandas as pd

    from tracker.periods import check_freq, period_starts

    check_freq(freq)
    if obs.empty:
        return pd.DataFrame(columns=PERIOD_COLUMNS)
    df = obs[["article_id", "score"]].astype({"score": float})
    df["period"] = period_starts(obs["event_date"], freq)
    df["score_sq"] = df["score"] * df["score"]
    per_article = df.groupby(["period", "article_id"]).agg(
        n=("score", "count"), s=("score", "sum"), ss=("score_sq", "sum")
    ).reset_index()
    per_article["mean"] = per_article["s"] / per_article["n"]
    per_article["mean_sq"] = per_article["mean"] * per_article["mean"]
    sums = per_article.groupby("period", sort=True).agg(
        n_articles=("article_id", "count"), n_obs=("n", "sum"), sum_mean=("mean", "sum"),
        sum_mean_sq=("mean_sq", "sum"), sum_score=("s", "sum"), sum_sq=("ss", "sum"),
    ).reset_index()
    table = pd.concat([sums, period_values(sums)], axis=1)
    return table[PERIOD_COLUMNS]
