"""A view state in, a chart and its data out: the one path shared by the dashboard and every export.

The timeline page, the export buttons and ``tracker export`` all call :func:`timeline_chart`, so the
image an analyst pastes into a report is the chart they were looking at, numbers included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go
from sqlalchemy import Engine

from dashboard import data, figures
from dashboard.state import TimelineState, pair_label

METHOD = ("Tension: mean over articles of each article's mean sentence score, −10 (cooperation) to +10 "
          "(tension); band: 95% interval; bars: observations per period.")


@dataclass(frozen=True)
class TimelineChart:
    figure: go.Figure
    table: pd.DataFrame  # data.timeline's columns + smoothed + pair_name
    events: pd.DataFrame
    state: TimelineState

    @property
    def empty(self) -> bool:
        return self.table.empty


def timeline_chart(engine: Engine, state: TimelineState, *, with_events: bool = True, height: int = 560) -> TimelineChart:
    pairs = list(state.pairs)
    table = data.smooth(data.timeline(engine, pairs, state.freq, state.start, state.end), state.smoothing)
    table["pair_name"] = [pair_label(p, state.lang) for p in table["pair"]]
    events = data.events(engine, pairs, state.start, state.end) if with_events and pairs else pd.DataFrame()
    fig = figures.timeline_figure(
        table, events, label=lambda p: pair_label(p, state.lang), freq=state.freq, smoothing=state.smoothing,
        height=height, order=pairs,
    )
    return TimelineChart(fig, table, events, state)


def describe_range(state: TimelineState, table: pd.DataFrame) -> str:
    """'Weekly, 2017-01-02 to 2017-12-25, 3-period rolling mean' for subtitles and file names."""
    words = figures.FREQ_WORDS[state.freq][0]
    first: date | None = state.start or (table["period"].min().date() if not table.empty else None)
    last: date | None = state.end or (
        data.period_range(table["period"].max().date(), state.freq)[1] if not table.empty else None)
    span = f"{first:%Y-%m-%d} to {last:%Y-%m-%d}" if first and last else "all dates"
    smooth = f", {state.smoothing}-period rolling mean" if state.smoothing > 1 else ""
    return f"{words}, {span}{smooth}"


def export_titles(engine: Engine, chart: TimelineChart) -> tuple[str, str, list[str]]:
    """Title, subtitle and source caption of an exported timeline image."""
    state = chart.state
    names = [pair_label(p, state.lang) for p in state.pairs]
    title = "Tension over time: " + ", ".join(names) if names else "Tension over time"
    subtitle = " · ".join([", ".join(state.pairs), describe_range(state, chart.table)])
    src = data.sources(engine, list(state.pairs), state.start, state.end)
    n_articles = int(src["n_articles"].sum())
    names = [f"{r.outlet} ({r.n_articles})" for r in src.head(4).itertuples()]
    more = f" and {len(src) - 4} more outlets" if len(src) > 4 else ""
    source = f"Source: tension-tracker, {n_articles} article{'s' if n_articles != 1 else ''}: {', '.join(names) or 'none'}{more}."
    n_examples = int(src["n_examples"].sum())
    if n_examples:
        source += f" {n_examples} of them are invented examples, not real reporting."
    return title, subtitle, [source, METHOD]


def timeline_csv(chart: TimelineChart) -> bytes:
    """The data behind the chart, one row per pair and period."""
    table = chart.table.copy()
    columns = ["pair", "pair_name", "period", "tension", "smoothed", "low", "high", "n_obs", "n_articles"]
    if table.empty:
        return (",".join(columns) + "\n").encode()
    table["period"] = pd.to_datetime(table["period"]).dt.strftime("%Y-%m-%d")
    return table[columns].to_csv(index=False).encode("utf-8")
