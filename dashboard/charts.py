"""A view state in, a chart and its data out: the one path shared by the dashboard and every export.

The timeline page, the export buttons and ``tracker export`` all call :func:`timeline_chart`, so the
image an analyst pastes into a report is the chart they were looking at, numbers included.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from typing import Protocol

import pandas as pd
import plotly.graph_objects as go
from sqlalchemy import Engine

from dashboard import data, figures
from dashboard.state import TimelineState, pair_label
from dashboard.words import day_name, plural

METHOD = ("Tension: mean over articles of each article's mean sentence score, −10 (cooperation) to +10 "
          f"(tension); shaded band: 95% interval (a bar for a lone period); hollow points: one article or under "
          f"{figures.THIN_OBSERVATIONS} "
          "observations; "
          "lower panel: observations per period; the line breaks at periods without observation.")


@dataclass(frozen=True)
class TimelineChart:
    spec: dict  # the figure as plain dicts and arrays (figures.timeline_spec): what the dashboard sends
    table: pd.DataFrame  # data.timeline's columns + smoothed + pair_name
    events: pd.DataFrame
    state: TimelineState

    @property
    def empty(self) -> bool:
        return self.table.empty

    @functools.cached_property
    def figure(self) -> go.Figure:
        """The spec as a plotly Figure, for the exports (made on first use)."""
        return go.Figure(self.spec, _validate=False)


class Reader(Protocol):
    """Where a chart's rows come from: data.timeline and data.events without the engine."""

    def timeline(self, pairs: list[str], freq: str, start: date | None, end: date | None) -> pd.DataFrame: ...

    def events(self, pairs: list[str], start: date | None, end: date | None) -> pd.DataFrame: ...


@dataclass(frozen=True)
class EngineReader:
    """Every read from the database (the exports); the dashboard's AppContext keeps what it read."""

    engine: Engine

    def timeline(self, pairs: list[str], freq: str, start: date | None, end: date | None) -> pd.DataFrame:
        return data.timeline(self.engine, pairs, freq, start, end)

    def events(self, pairs: list[str], start: date | None, end: date | None) -> pd.DataFrame:
        return data.events(self.engine, pairs, start, end)


def timeline_chart(engine: Engine, state: TimelineState, *, with_events: bool = True, height: int = 560,
                   reader: Reader | None = None) -> TimelineChart:
    """reader: where the rows come from (the dashboard's AppContext, which keeps them); the engine by default."""
    read = reader or EngineReader(engine)
    pairs = list(state.pairs)
    table = data.smooth(read.timeline(pairs, state.freq, state.start, state.end), state.smoothing)
    # One label per pair, mapped: iterating a column of strings costs ~10 µs a row with pandas 3.
    table["pair_name"] = table["pair"].map({p: pair_label(p, state.lang) for p in table["pair"].unique()})
    events = read.events(pairs, state.start, state.end) if with_events and pairs else pd.DataFrame()
    spec = figures.timeline_spec(
        table, events, label=lambda p: pair_label(p, state.lang), freq=state.freq, smoothing=state.smoothing,
        height=height, order=pairs,
    )
    return TimelineChart(spec, table, events, state)


def describe_range(state: TimelineState, table: pd.DataFrame) -> str:
    """'Weekly, 2 January 2017 to 25 December 2017, 3-period rolling mean' for subtitles."""
    words = figures.FREQ_WORDS[state.freq][0]
    first: date | None = state.start or (table["period"].min().date() if not table.empty else None)
    last: date | None = state.end or (
        data.period_range(table["period"].max().date(), state.freq)[1] if not table.empty else None)
    span = f"{day_name(first)} to {day_name(last)}" if first and last else "all dates"
    smooth = f", {state.smoothing}-period rolling mean" if state.smoothing > 1 else ""
    return f"{words}, {span}{smooth}"


def export_titles(engine: Engine, chart: TimelineChart) -> tuple[str, str, list[str]]:
    """Title, subtitle and source caption of an exported timeline image."""
    state = chart.state
    names = [pair_label(p, state.lang) for p in state.pairs]
    title = "Tension over time: " + ", ".join(names) if names else "Tension over time"
    subtitle = " · ".join([", ".join(state.pairs), describe_range(state, chart.table)])
    source = source_caption(engine, list(state.pairs), state.start, state.end)
    return title, subtitle, [source, METHOD]


def source_caption(engine: Engine, pairs: list[str], first: date | None, last: date | None) -> str:
    """'Source: tension-tracker, 12 articles: France 24 (3), ...' with a word on invented examples."""
    src = data.sources(engine, pairs, first, last)
    n_articles = int(src["n_articles"].sum())
    names = [f"{r.outlet} ({r.n_articles})" for r in src.head(4).itertuples()]
    more = f" and {len(src) - 4} more outlets" if len(src) > 4 else ""
    source = (f"Source: tension-tracker, {plural(n_articles, 'article')}: "
              f"{', '.join(names) or 'none'}{more}.")
    n_examples = int(src["n_examples"].sum())
    if n_examples:
        source += f" {n_examples} of them are invented examples, not real reporting."
    return source


def timeline_csv(chart: TimelineChart) -> bytes:
    """The data behind the chart, one row per pair and period."""
    table = chart.table.copy()
    columns = ["pair", "pair_name", "period", "tension", "smoothed", "low", "high", "n_obs", "n_articles"]
    if table.empty:
        return (",".join(columns) + "\n").encode()
    table["period"] = pd.to_datetime(table["period"]).dt.strftime("%Y-%m-%d")
    return table[columns].to_csv(index=False).encode("utf-8")


SPAN_NAMES = {"month": "Month", "quarter": "Quarter", "year": "Year"}


def span_name(first: date, span: str) -> str:
    """'April 2024', '2024 Q2', '2024'."""
    if span == "year":
        return f"{first:%Y}"
    if span == "quarter":
        return f"{first:%Y} Q{(first.month - 1) // 3 + 1}"
    return f"{first:%B %Y}"


@dataclass(frozen=True)
class MatrixChart:
    figure: go.Figure
    table: pd.DataFrame  # data.pair_matrix's columns + pair_name
    first: date
    last: date
    span: str
    lang: str


def matrix_chart(engine: Engine, span: str, first: date, lang: str) -> MatrixChart:
    from dashboard.state import country_label

    first, last = data.span_of(first, span)
    table = data.pair_matrix(engine, first, last)
    table["pair_name"] = [pair_label(p, lang) for p in table["pair"]]
    fig = figures.matrix_figure(table, name=lambda c: country_label(c, lang))
    return MatrixChart(fig, table, first, last, span, lang)


def matrix_titles(engine: Engine, chart: MatrixChart) -> tuple[str, str, list[str]]:
    title = f"Tension between country pairs: {span_name(chart.first, chart.span)}"
    subtitle = (f"{day_name(chart.first)} to {day_name(chart.last)} · {plural(len(chart.table), 'pair')}, "
                f"{plural(int(chart.table['n_obs'].sum()), 'observation')}")
    source = source_caption(engine, list(chart.table["pair"]), chart.first, chart.last)
    method = ("Each cell: mean over articles of each article's mean sentence score, −10 (cooperation) to +10 "
              "(tension), on one fixed scale; n: observations behind the cell.")
    return title, subtitle, [source, method]


def matrix_csv(chart: MatrixChart) -> bytes:
    columns = ["pair", "pair_name", "tension", "n_obs", "n_articles"]
    table = chart.table[columns].copy()
    table.insert(2, "first", chart.first.isoformat())
    table.insert(3, "last", chart.last.isoformat())
    return table.to_csv(index=False).encode("utf-8")
