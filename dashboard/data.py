"""What the dashboard reads: the store's one read path (tracker/store/queries.py for the numbers,
evidence.py for the sentences behind them), and the few table operations only the dashboard does
(smoothing, movers, the matrix's spans).

So the dashboard, its exports and ``tracker timeline`` show the same numbers: they are read by the
same functions. Every function takes a SQLAlchemy Engine (``Store.engine``) or a DataFrame.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from tracker.periods import SPANS, period_range, period_start, previous_period, starts_between
from tracker.store.evidence import (
    EVENT_MIN_ABS_SCORE,
    EVENTS_PER_PAIR,
    SENTENCES_LIMIT,
    article,
    cues_for,
    events,
    observations_in_period,
    sources,
)
from tracker.store.queries import (
    PAIR_COLUMNS,
    TIMELINE_COLUMNS,
    Version,
    cut_periods,
    data_version,
    date_bounds,
    monthly_pairs,
    pair_matrix,
    pairs_by_volume,
    split_range,
    timeline,
)

__all__ = [
    "EVENTS_PER_PAIR", "EVENT_MIN_ABS_SCORE", "PAIR_COLUMNS", "SENTENCES_LIMIT", "TIMELINE_COLUMNS", "Version",
    "article", "cues_for", "data_version", "date_bounds", "events", "movers", "observations_in_period",
    "monthly_pairs", "pairs_per_span",
    "pair_matrix", "pairs_by_volume", "period_range", "period_start", "previous_span", "smooth", "sources",
    "span_of", "span_starts", "timeline", "timeline_from",
]


def timeline_from(kept: dict[str, pd.DataFrame], engine, pairs: Sequence[str], freq: str,
                  start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """data.timeline's table, with the whole periods of the pairs in ``kept`` sliced from their rows
    there (all of them, as timeline(engine, [pair], freq) has them: the dashboard keeps them per data
    version) and only the periods the range cuts read from the database; the other pairs read as
    timeline reads them. The same rows, in the same order: a pair added to a comparison, or another
    range of the same pairs, reads a few rows instead of thousands."""
    if not pairs or (start is not None and end is not None and start > end):
        return timeline(engine, [], freq)
    whole, _ = split_range(start, end, freq)
    known = [pair for pair in pairs if pair in kept]
    others = [pair for pair in pairs if pair not in kept]
    parts = [timeline(engine, others, freq, start, end)] if others else []
    if known:
        parts.append(cut_periods(engine, known, freq, start, end))
    if known and whole is not None:
        first, last = pd.Timestamp(whole[0]), pd.Timestamp(whole[1])
        for pair in known:
            rows = kept[pair]
            parts.append(rows[(rows["period"] >= first) & (rows["period"] <= last)] if len(rows) else rows)
    found = [part for part in parts if len(part)]
    if not found:
        return timeline(engine, [], freq)
    table = pd.concat(found, ignore_index=True) if len(found) > 1 else found[0]
    return table.sort_values(["pair", "period"], kind="stable").reset_index(drop=True)


def smooth(table: pd.DataFrame, window: int) -> pd.DataFrame:
    """Add a ``smoothed`` column: the centred rolling mean of ``tension`` over ``window`` periods, per pair.

    Centred, so a turn in relations shows where it happened rather than half a window later. Periods without observations are absent, not zero: the window counts periods that have data,
    so a quiet month does not drag the curve to 0 (which would read as "neutral relations").
    """
    table = table.copy()
    if table.empty:
        table["smoothed"] = pd.Series(dtype=float)
        return table
    window = max(1, int(window or 1))
    if window == 1:  # a window of one period is the value itself (and the groupby costs ~20 ms under load)
        table["smoothed"] = table["tension"].round(3)
        return table
    table["smoothed"] = (
        table.groupby("pair", sort=False)["tension"]
        .transform(lambda s: s.rolling(window, min_periods=1, center=True).mean())
        .round(3)
    )
    return table


def movers(current: pd.DataFrame, previous: pd.DataFrame, min_articles: int = 1) -> pd.DataFrame:
    """Pairs present in both spans with at least ``min_articles`` articles in each, with the change of
    tension: [pair, tension, previous, change, n_articles, previous_articles], the most deteriorated
    first (largest positive change)."""
    columns = ["pair", "tension", "previous", "change", "n_articles", "previous_articles"]
    if current.empty or previous.empty:
        return pd.DataFrame(columns=columns)
    cur = current[current["n_articles"] >= min_articles][["pair", "tension", "n_articles"]]
    prev = previous[previous["n_articles"] >= min_articles][["pair", "tension", "n_articles"]].rename(
        columns={"tension": "previous", "n_articles": "previous_articles"}
    )
    both = cur.merge(prev, on="pair")
    both["change"] = (both["tension"] - both["previous"]).round(3)
    return both.sort_values(["change", "pair"], ascending=[False, True]).reset_index(drop=True)[columns]


def pairs_per_span(engine, span: str) -> dict[date, int]:
    """How many pairs each month / quarter / year has (a pair counted once per span), by span start."""
    rows = monthly_pairs(engine)
    if rows.empty:
        return {}
    rows["start"] = [span_of(d, span)[0] for d in rows["period"]]
    return {k: int(v) for k, v in rows.groupby("start")["pair"].nunique().items()}


def span_of(period: date, span: str) -> tuple[date, date]:
    """First and last day of the month / quarter / year holding ``period``."""
    return period_range(period, SPANS[span])


def previous_span(first: date, span: str) -> tuple[date, date]:
    """First and last day of the month / quarter / year before the one starting on ``first``."""
    return span_of(previous_period(first, SPANS[span]), span)


def span_starts(bounds: tuple[date, date] | None, span: str) -> list[date]:
    """The starts of every month / quarter / year between the bounds, the latest first."""
    return [] if bounds is None else starts_between(bounds[0], bounds[1], SPANS[span])
