"""Figure builders: pure functions from DataFrames to Plotly figures, shared by the dashboard and exports.

No database and no Dash here, so every chart can be tested from a hand-made DataFrame and the same
builder draws the dashboard's chart and the PNG/SVG/PDF of ``tracker export``.

Colours: tension is vermillion and cooperation blue (Okabe-Ito, readable with the common forms of
colour blindness); pairs compared on one chart take the other Okabe-Ito colours, and the sign of each
point is still shown by its marker colour. Text from articles (sentences, titles, outlets) goes into
hover labels escaped, because Plotly reads a subset of HTML in labels.
"""

from __future__ import annotations

import copy
import functools
import html
import textwrap
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.compact import narrowed
from dashboard.words import FREQ_NOUNS, PLOTLY_PERIOD_NAMES, day_name, empty_periods, plural

TENSION = "#D55E00"
COOPERATION = "#0072B2"
NEUTRAL = "#6b6b6b"
# Okabe-Ito without the two sign colours, darkest first: one per pair on a comparison chart.
PAIR_COLOURS = ["#222222", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8c564b", "#7f7f7f"]
FONT = "Inter, 'Source Sans 3', 'Segoe UI', Helvetica, Arial, sans-serif"
FREQ_WORDS = {"D": ("Daily", "Day"), "W": ("Weekly", "Week of"), "M": ("Monthly", "Month of")}
# The tension axis: the whole scale, so that colours and heights compare across views.
Y_RANGE = (-10.5, 10.5)
SCALE = (-10.0, 10.0)
# A period resting on fewer articles or observations than these is drawn as thin evidence (hollow).
THIN_ARTICLES = 2
THIN_OBSERVATIONS = 3
# A pair with at most this many periods on the chart has a marker on every point; a busier one on its
# thin-evidence points only (its line takes the clicks): past about a hundred, markers merge into a thick line.
MARKERS_UP_TO = 100
# The 95% band: its fill and its outline (which draws a lone period's band as a bar), in the pair's colour.
BAND_FILL = 0.22
BAND_EDGE = 0.45

PairLabel = Callable[[str], str]
EVENTS = "*events*"  # layout.meta["curves"] entry of the event markers' curve


def sign_colour(value: float) -> str:
    if value > 0:
        return TENSION
    if value < 0:
        return COOPERATION
    return NEUTRAL


def sign_colours(values: np.ndarray) -> np.ndarray:
    """sign_colour of each value, as one array of colours. Given as colours, not as the numbers and a
    colour scale: plotly.js then styles each point without computing its colour from the scale (a
    tenth of the chart's first drawing)."""
    return np.select([values > 0, values < 0], [TENSION, COOPERATION], NEUTRAL).astype("U7")


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def safe(text: object, limit: int | None = None) -> str:
    """Untrusted text for a Plotly label: shortened, and escaped so '<b>' or '<a href=...>' stay text."""
    value = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    if limit is not None and len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return html.escape(value, quote=False)


BASE_LAYOUT = {
    "template": "plotly_white",
    "font": {"family": FONT, "size": 13, "color": "#1f2328"},
    "hoverlabel": {"font": {"family": FONT, "size": 13}, "align": "left"},
    "margin": {"l": 64, "r": 24, "t": 48, "b": 40},
    "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
    "paper_bgcolor": "white",
    "plot_bgcolor": "white",
}


def _base_layout(fig: go.Figure) -> None:
    fig.update_layout(**copy.deepcopy(BASE_LAYOUT))


def empty_figure(message: str) -> go.Figure:
    """A blank chart that says why it is blank (and what to do)."""
    return go.Figure(empty_spec(message), _validate=False)


@functools.cache
def _empty_layout() -> dict:
    """The blank chart's layout, validated once: Plotly's validation (and its template's expansion)
    costs a quarter of a second a figure under load, and the layout is the same every time."""
    fig = go.Figure()
    _base_layout(fig)
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, height=360)
    return fig.to_plotly_json()["layout"]


def empty_spec(message: str) -> dict:
    """empty_figure's figure as plain dicts."""
    layout = copy.deepcopy(_empty_layout())
    layout["annotations"] = [{"font": {"color": "#57606a", "size": 15}, "showarrow": False,
                              "text": safe(message).replace("\n", "<br>"), "x": 0.5, "xref": "paper", "y": 0.5,
                              "yref": "paper"}]
    return {"data": [], "layout": layout}


def timeline_figure(table: pd.DataFrame, events: pd.DataFrame | None = None, **options) -> go.Figure:
    """timeline_spec's figure as a plotly Figure (for the exports and tests)."""
    return go.Figure(timeline_spec(table, events, **options), _validate=False)


def timeline_spec(
    table: pd.DataFrame,
    events: pd.DataFrame | None = None,
    *,
    label: PairLabel = str,
    freq: str = "W",
    smoothing: int = 1,
    height: int = 560,
    order: list[str] | None = None,
) -> dict:
    """The timeline figure as plain dicts and arrays: tension per period with its 95% band, volume below and markers on the strongest observations.

    table: data.timeline's columns (pair, period, tension, n_obs, n_articles, low, high), plus
    ``smoothed`` when smoothing > 1 (data.smooth). events: data.events' columns, or None.
    order: the pairs in the user's order (their colours follow it). A click reports a point's curve
    number and x (its period start, or an event's date); ``layout.meta["curves"]`` names the pair of
    each clickable curve (EVENTS for the markers, whose customdata [i] indexes meta["pairs"]) and
    ``layout.meta["selected"]`` is the curve that rings the point whose sentences are shown.
    Hover labels read customdata [pair index, n_obs, n_articles, low, high] (NaN on the line's gap rows).

    What a reader must not misread: the line breaks where a period has no observation (and a note
    counts the empty periods); every period carries its band the same way, a shaded shape from low to
    high (a run of periods one polygon, a lone period a bar); a point resting on thin evidence
    (THIN_ARTICLES, THIN_OBSERVATIONS) is drawn as a hollow marker, always; the tension
    axis is always -10..+10 (until the user zooms), so a calm month does not look like a crisis.
    With several pairs every mark takes its pair's colour; the sign stays in the background tint.

    Built as plain dicts and NumPy arrays with hover templates (not one label string per point), which
    the dashboard sends as they are (dashboard/wire.py) and timeline_figure hands to go.Figure without
    Plotly's per-property validation: a daily view of three busy pairs
    over ten years (13,000 points) builds in tens of milliseconds instead of a second, and its JSON
    is a fraction of the size. tests/test_figures.py checks the structure instead.
    """
    if table.empty:
        return empty_spec("No observation for this selection.")
    pairs = plotted_pairs(table, order)
    curves: list[str | None] = []  # per trace: the pair a click on it names, EVENTS, or None
    traces: list[dict] = []

    def add(trace: dict, curve: str | None = None) -> None:
        traces.append(trace)
        curves.append(curve)

    gaps: list[tuple[str, int]] = []
    per_pair = []
    for i, pair in enumerate(pairs):
        rows = table[table["pair"] == pair].sort_values("period")
        per_pair.append((pair, list(_pair_traces(rows, i, len(pairs), safe(label(pair)), freq, smoothing))))
        gaps.append((safe(label(pair)), _missing_periods(rows["period"], freq)))
    # Every pair's translucent band first, then the lines, markers and volumes: a later pair's band
    # painted over an earlier pair's line would dim it (plotly draws traces in order).
    for pair, drawn in per_pair:
        band, clickable = drawn[0]
        add(band, pair if clickable else None)
    for pair, drawn in per_pair:
        for trace, clickable in drawn[1:]:
            add(trace, pair if clickable else None)
    if events is not None and not events.empty:
        for trace in _events_traces(events[events["pair"].isin(pairs)], label, pairs):
            add(trace, EVENTS)
    for trace in _key_traces(table, events, len(pairs)):
        add(trace)
    add({"type": "scatter", "xaxis": "x", "yaxis": "y", "x": [], "y": [], "mode": "markers", "name": "selected point",
         "hoverinfo": "skip", "showlegend": False,
         # An open symbol's ring takes the marker's colour (not the line's).
         "marker": {"symbol": "circle-open", "size": 22, "color": "#1f2328", "line": {"width": 3}}})
    layout = _timeline_layout(height, gaps, freq)
    layout["meta"] = {"pairs": pairs, "curves": curves, "selected": len(traces) - 1}
    # BASE_LAYOUT merged as it is (the figure is built unvalidated): what _base_layout would set,
    # without Plotly's validation (~25 ms a figure); the traces' arrays narrowed for the wire.
    layout = {**copy.deepcopy(BASE_LAYOUT), **layout}
    return {"data": [narrowed(t) for t in traces], "layout": layout}


def _pair_traces(rows: pd.DataFrame, i: int, n_pairs: int, name: str, freq: str, smoothing: int):
    """(trace, clickable) for one pair: its 95% band, its line (broken at gaps), its points and its volume.

    Few SVG elements per pair, whatever the number of periods (plotly.js draws and styles each point
    and each error bar as an element of its own: 1,900 of them for a busy pair, most of a cold load
    and of adding a pair): the band is one filled path, the line one path, the volume one path, and
    a point is drawn as a marker only where the reader needs it: every point when the pair has few
    (MARKERS_UP_TO) or when the line is a rolling mean (the raw values are then off the line), else
    the points of thin evidence only. Where no marker is drawn the line itself takes the hover label
    and the click, at the same places (each period's start)."""
    single = n_pairs == 1
    colour = PAIR_COLOURS[i % len(PAIR_COLOURS)]
    # Fixed-width strings, not objects: Plotly deep-copies the arrays, and these copy in one go.
    x = rows["period"].dt.strftime("%Y-%m-%d").to_numpy().astype("U10")
    tension, low, high = (rows[c].to_numpy(float) for c in ("tension", "low", "high"))
    n_obs, n_articles = rows["n_obs"].to_numpy(float), rows["n_articles"].to_numpy(float)
    custom = np.column_stack([np.full(len(rows), i, dtype=float), n_obs, n_articles, low, high])
    top = {"xaxis": "x", "yaxis": "y", "legendgroup": rows["pair"].iloc[0]}
    runs = _consecutive_runs(rows["period"], freq)
    smoothed = smoothing > 1 and "smoothed" in rows
    thin = (n_articles < THIN_ARTICLES) | (n_obs < THIN_OBSERVATIONS)
    every_marker = smoothed or len(rows) <= MARKERS_UP_TO
    thin_text = np.where(thin, "<br><b>thin evidence</b>: read the sentences before drawing a conclusion", "")
    hovertemplate = (f"<b>{name}</b><br>{PLOTLY_PERIOD_NAMES.get(freq, '%{x}')}<br>Tension "
                     "<b>%{y:+.2f}</b> (95% band %{customdata[3]:+.2f} to %{customdata[4]:+.2f})<br>"
                     "observations: %{customdata[1]} · articles: %{customdata[2]}%{text}"
                     "<br><i>click for the sentences</i><extra></extra>")
    # One drawing of the uncertainty for every period, alone or in a run: a shaded shape from low to
    # high, one polygon per run of periods, outlined so that a lone period (a polygon of no width) is
    # a bar as wide as the outline and a narrow band stays visible at every zoom.
    band_x, band_y = _band_outline(x, low, high, runs)
    yield {"type": "scatter", **top, "x": band_x, "y": band_y, "mode": "lines", "fill": "toself",
           "fillcolor": _rgba(colour, BAND_FILL), "line": {"color": _rgba(colour, BAND_EDGE), "width": 2},
           "hoverinfo": "skip", "name": f"{name} 95% band", "showlegend": False}, False
    line_y = rows["smoothed"].to_numpy(float) if smoothed else tension
    gap_x, gap_y = _broken_at_gaps(x, line_y, runs)
    line = {"type": "scatter", **top, "x": gap_x, "y": gap_y, "mode": "lines", "hoverinfo": "skip",
            "name": f"{name} ({smoothing}-period mean)" if smoothed else name,
            "line": {"color": colour, "width": 3 if smoothed else 2}, "showlegend": not single}
    if not every_marker:  # the line's own points (the periods' starts) take the hover and the click
        ends = np.array([b for _, b in runs[:-1]], dtype=int)
        line.pop("hoverinfo")
        line.update({"customdata": np.insert(custom, ends, np.nan, axis=0), "hovertemplate": hovertemplate,
                     "text": np.insert(thin_text, ends, "")})
    yield line, not every_marker
    shown = slice(None) if every_marker else thin
    marker_colour = {"color": sign_colours(tension[shown])} if single else {"color": colour}
    yield {
        "type": "scatter", **top, "x": x[shown], "y": tension[shown], "mode": "markers", "name": name,
        "customdata": custom[shown], "text": thin_text[shown], "hovertemplate": hovertemplate,
        "marker": {"size": 9 if single else 8, **marker_colour,
                   "symbol": np.where(thin[shown], "circle-open", "circle"),
                   "line": _marker_outline(thin[shown], colour, white=single and not smoothed)},
        "showlegend": False,
    }, True
    # The volume as one filled step per pair (a period's level from its first day to the next period's),
    # dropping to zero after each run: the same outline as a bar per period, in one SVG path instead of
    # one per period (bars were a quarter of the chart's drawing time).
    step_x, step_y, step_articles = _volume_steps(rows, runs, freq)
    yield {
        "type": "scatter", "xaxis": "x2", "yaxis": "y2", "legendgroup": top["legendgroup"], "x": step_x, "y": step_y,
        "name": f"{name} volume", "mode": "lines", "line": {"shape": "hv", "width": 0, "color": colour},
        "fill": "tozeroy", "fillcolor": _rgba(colour, 0.55 if single else 0.4),
        # Its label needs the articles only: the rest of the points' customdata would double the reply.
        "customdata": step_articles, "showlegend": False,
        "hovertemplate": (f"{name}<br>{PLOTLY_PERIOD_NAMES.get(freq, '%{x}')}<br>observations: %{{y}} · "
                          "articles: %{customdata}<extra></extra>"),
    }, True


def _band_outline(x: np.ndarray, low: np.ndarray, high: np.ndarray,
                  runs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """x and y of the band's polygons, one per run: along its highs forward, back along its lows, then a
    NaN that starts the next run's polygon (plotly.js closes each and fills them all in one path).

    Vectorised (each run's indexes computed at once): a loop over the runs of a daily view with many
    empty days took tens of milliseconds."""
    starts = np.array([a for a, _ in runs], dtype=int)
    lengths = np.array([b - a for a, b in runs], dtype=int)
    size = 2 * lengths + 1  # forward, back, and the NaN after it
    first = np.repeat(np.cumsum(size) - size, size)
    offset = np.arange(int(size.sum())) - first
    length, start = np.repeat(lengths, size), np.repeat(starts, size)
    forward = offset < length
    index = np.where(forward, start + offset, start + 2 * length - 1 - offset)
    gap = offset == 2 * length
    index[gap] = start[gap]
    y = np.where(forward, high[index], low[index])
    y[gap] = np.nan
    return x[index][:-1], y[:-1]


def _marker_outline(thin: np.ndarray, colour: str, *, white: bool) -> dict:
    """The points' outline: white around the sign colours of a lone pair; in the pair's own colour on a
    comparison only where it draws the ring of a hollow point, since around a filled point of the same
    colour it shows nothing and plotly.js styles every outlined point (a colour parsed per point)."""
    if white:
        return {"color": "white", "width": 1.5}
    return {"color": colour, "width": np.where(thin, 1.5, 0.0)}


def _volume_steps(rows: pd.DataFrame, runs: list[tuple[int, int]], freq: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x (period starts), observations and articles of a pair's volume step: each run of periods, then
    a zero at the start of the period after it, so that the step ends with the run's last period.

    Vectorised (one insertion after each run's end): slicing per run took ~50 ms on a daily view of ten years."""
    periods = pd.DatetimeIndex(rows["period"])
    ends = np.array([b for _, b in runs], dtype=int)
    last = periods[ends - 1]
    after = last + (pd.offsets.MonthBegin(1) if freq == "M" else pd.Timedelta(days=7 if freq == "W" else 1))
    x = pd.DatetimeIndex(np.insert(periods.to_numpy(), ends, after.to_numpy()))
    n_obs, n_articles = rows["n_obs"].to_numpy(int), rows["n_articles"].to_numpy(int)
    return (x.strftime("%Y-%m-%d").to_numpy().astype("U10"), np.insert(n_obs, ends, 0), np.insert(n_articles, ends, 0))


def _events_traces(events: pd.DataFrame, label: PairLabel, pairs: list[str]) -> list[dict]:
    """The strongest observations as diamonds: sign-coloured on a one-pair chart, in their pair's
    colour (and in its legend group) when pairs are compared."""
    single = len(pairs) == 1
    out = []
    for pair, rows in events.groupby("pair", sort=False):
        i = pairs.index(str(pair))
        hover = [
            f"<b>{safe(label(r.pair))}</b>, {day_name(r.event_date)}: score <b>{r.score:+.1f}</b><br>"
            f"“{safe(r.sentence, 140)}”<br><i>{safe(r.title, 90)}</i><br><i>click for the sentences</i>"
            for r in rows.itertuples()
        ]
        fill = [sign_colour(v) for v in rows["score"]] if single else PAIR_COLOURS[i % len(PAIR_COLOURS)]
        out.append({
            "type": "scatter", "xaxis": "x", "yaxis": "y", "legendgroup": pair, "showlegend": single,
            "x": rows["event_date"].dt.strftime("%Y-%m-%d").to_numpy().astype("U10"), "y": rows["score"].to_numpy(float),
            "mode": "markers", "name": "strongest observations" if single else f"{safe(label(pair))} strongest",
            "customdata": [[i]] * len(rows), "hovertext": hover, "hoverinfo": "text",
            "marker": {"symbol": "diamond", "size": 11, "color": fill, "line": {"color": "#1f2328", "width": 1},
                       "opacity": 0.9},
        })
    return out


def _key_traces(table: pd.DataFrame, events: pd.DataFrame | None, n_pairs: int) -> list[dict]:
    """Legend-only entries that explain a mark without belonging to a pair: the band, hollow points, and
    (on a comparison) the diamonds, which take each pair's colour."""
    def entry(name: str, marker: dict) -> dict:
        return {"type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": name, "hoverinfo": "skip",
                "marker": {"color": "#57606a", "size": 9, **marker}, "showlegend": True}

    # The band's key: a shaded square in a neutral grey (each pair's band takes its colour).
    out = [{"type": "scatter", "x": [None], "y": [None], "mode": "lines", "fill": "toself", "name": "95% band",
            "hoverinfo": "skip", "fillcolor": _rgba("#57606a", BAND_FILL + 0.1),
            "line": {"color": _rgba("#57606a", BAND_EDGE), "width": 2}, "showlegend": True}]
    if n_pairs > 1 and events is not None and not events.empty:
        out.append(entry("strongest observations", {"symbol": "diamond", "size": 11}))
    thin = (table["n_articles"] < THIN_ARTICLES) | (table["n_obs"] < THIN_OBSERVATIONS)
    if thin.any():
        out.append(entry("thin evidence",
                         {"symbol": "circle-open", "line": {"width": 2}}))
    return out


def _timeline_layout(height: int, gaps: list[tuple[str, int]], freq: str) -> dict:
    lo, hi = Y_RANGE
    notes = [(name, n) for name, n in gaps if n]
    gap_text = ""
    if notes:
        who = (f"{empty_periods(notes[0][1], freq)}" if len(gaps) == 1
               else " · ".join(f"{name} {n:,}" for name, n in notes))
        gap_text = (f"Line broken where a {FREQ_NOUNS[freq]} has no observation ({who})" if len(gaps) == 1
                    else f"Line broken at empty {FREQ_NOUNS[freq]}s: {who}")
    annotations = [
        {"x": 0.005, "xref": "x domain", "y": y, "yref": "y", "text": text, "showarrow": False,
         "xanchor": "left", "yanchor": "top" if y > 0 else "bottom", "font": {"size": 12, "color": colour}}
        for y, text, colour in ((hi, "▲ tension", TENSION), (lo, "▼ cooperation", COOPERATION))
    ]
    return {
        "height": height, "hovermode": "closest", "clickmode": "event", "dragmode": "zoom",
        "xaxis": {"anchor": "y", "domain": [0, 1], "showticklabels": False, "gridcolor": "#f3f4f6",
                  "type": "date"},
        # The empty periods are said under the dates, where they cover nothing.
        "xaxis2": {"anchor": "y2", "domain": [0, 1], "matches": "x", "gridcolor": "#f3f4f6", "type": "date",
                   "title": {"text": gap_text, "font": {"size": 12, "color": "#57606a"}, "standoff": 8}},
        # The whole scale, always: a zoom changes it, a double click brings it back.
        "yaxis": {"anchor": "x", "domain": [0.3, 1], "range": [lo, hi], "autorange": False,
                  "tickvals": [-10, -5, 0, 5, 10], "title": {"text": "Tension (−10 … +10)"},
                  "zeroline": True, "zerolinecolor": "#8c959f", "zerolinewidth": 1.5, "gridcolor": "#eef0f2"},
        "yaxis2": {"anchor": "x2", "domain": [0, 0.23], "title": {"text": "Observations"}, "rangemode": "tozero",
                   "gridcolor": "#eef0f2"},
        # Tint above zero (tension) and below (cooperation) on the tension panel, and label both.
        "shapes": [
            {"type": "rect", "xref": "x domain", "yref": "y", "x0": 0, "x1": 1, "y0": y0, "y1": y1,
             "fillcolor": colour, "opacity": 0.05, "line": {"width": 0}, "layer": "below"}
            for y0, y1, colour in ((0, hi, TENSION), (lo, 0, COOPERATION))
        ],
        "annotations": annotations,
    }


def _consecutive_runs(periods: pd.Series, freq: str) -> list[tuple[int, int]]:
    """[start, end) index ranges of periods that follow each other without a missing period.

    Vectorised (a period follows the previous one when their distance in months, or in days for
    weeks and days, is one period): a Python loop over a daily view of ten years took ~0.1 s."""
    stamps = pd.DatetimeIndex(pd.to_datetime(periods))
    if freq == "M":
        steps = np.diff(stamps.year.to_numpy() * 12 + stamps.month.to_numpy()) != 1
    else:
        days = stamps.to_numpy().astype("datetime64[D]").astype(np.int64)
        steps = np.diff(days) != (7 if freq == "W" else 1)
    bounds = [0, *(int(b) + 1 for b in np.flatnonzero(steps)), len(stamps)]
    return [(a, b) for a, b in zip(bounds[:-1], bounds[1:], strict=True) if b > a]


def _missing_periods(periods: pd.Series, freq: str) -> int:
    """How many periods between the first and the last have no observation."""
    if periods.empty:
        return 0
    first, last = pd.Timestamp(periods.min()), pd.Timestamp(periods.max())
    if freq == "M":
        span = (last.year - first.year) * 12 + last.month - first.month + 1
    else:
        span = (last - first).days // (7 if freq == "W" else 1) + 1
    return int(span - periods.nunique())


def _broken_at_gaps(x: np.ndarray, y: np.ndarray, runs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """The line's points with a NaN between runs, so that Plotly does not join across a missing period
    (the run's last x repeated under the NaN)."""
    if len(runs) <= 1:
        return x, y
    ends = np.array([b for _, b in runs[:-1]], dtype=int)
    return np.insert(x, ends, x[ends - 1]), np.insert(y, ends, np.nan)


def plotted_pairs(table: pd.DataFrame, order: list[str] | None = None) -> list[str]:
    """The pairs a timeline figure draws, in its order: the user's order, then any other in the table."""
    present = list(table["pair"].unique())  # in order of first appearance
    return [p for p in dict.fromkeys([*(order or []), *present]) if p in set(present)]


def matrix_figure(matrix: pd.DataFrame, *, name: Callable[[str], str] = str, height: int | None = None) -> go.Figure:
    """Countries against countries, each cell a pair's tension over the span (data.pair_matrix).

    The matrix is symmetric (a pair is unordered); empty cells are pairs with no observation.
    Each cell's customdata is its pair code, so a click can open that pair's timeline.
    """
    if matrix.empty:
        return empty_figure("No observation in this period.")
    from tracker.scorer.countries import strip_accents  # "États-Unis" sorts with the E, as a reader expects

    codes = sorted(set(matrix["country_a"]) | set(matrix["country_b"]), key=lambda c: strip_accents(name(c)).casefold())
    names = [name(c) for c in codes]
    index = {c: i for i, c in enumerate(codes)}
    n = len(codes)
    z = [[None] * n for _ in range(n)]
    hover = [[""] * n for _ in range(n)]
    custom = [[""] * n for _ in range(n)]
    text = [[""] * n for _ in range(n)]
    for r in matrix.itertuples():
        i, j = index[r.country_a], index[r.country_b]
        cell = (f"<b>{safe(name(r.country_a))} – {safe(name(r.country_b))}</b><br>Tension {r.tension:+.2f}<br>"
                f"{plural(r.n_obs, 'observation')} in {plural(r.n_articles, 'article')}<br>"
                "<i>click for the timeline</i>")
        for a, b in ((i, j), (j, i)):
            z[a][b] = r.tension
            hover[a][b] = cell
            custom[a][b] = r.pair
            # The count under the value: a colour resting on 3 observations is not one resting on 300.
            text[a][b] = f"<b>{r.tension:+.1f}</b><br>n={r.n_obs:,}"
    low, high = SCALE
    ticks = [low, low / 2, 0, high / 2, high]
    fig = go.Figure(
        go.Heatmap(
            z=z, x=names, y=names, customdata=custom, hovertext=hover, hoverinfo="text", text=text,
            texttemplate="%{text}", textfont={"size": 12}, zmin=low, zmax=high, zmid=0, xgap=2, ygap=2,
            colorscale=[[0.0, COOPERATION], [0.5, "#f7f7f7"], [1.0, TENSION]],
            # The same scale for every period, so that a colour means the same value everywhere.
            colorbar={"tickvals": ticks, "thickness": 14,
                      "ticktext": [f"{low:.0f} cooperation", f"{low / 2:.0f}", "0", f"+{high / 2:.0f}",
                                   f"+{high:.0f} tension"]},
        )
    )
    _base_layout(fig)
    side = height or max(360, 120 + 42 * n)
    fig.update_layout(height=side, xaxis={"side": "top", "tickangle": -35, "showgrid": False},
                      yaxis={"autorange": "reversed", "showgrid": False}, margin={"l": 140, "t": 120})
    return fig


def decorate(fig: go.Figure, *, title: str, subtitle: str = "", caption: str | list[str] = "",
             wrap: int | None = None) -> go.Figure:
    """A copy of the figure with a title, a subtitle (pair, range, granularity) and a source caption
    under the chart: what an exported image needs to stand alone in a report.
    wrap: characters per caption line (a narrow report column), None for one line per caption entry."""
    out = go.Figure(fig)
    entries = [caption] if isinstance(caption, str) else list(caption)
    lines = [part for entry in entries if entry
             for part in (textwrap.wrap(entry, wrap) if wrap else [entry])]
    sub_lines = textwrap.wrap(subtitle, wrap) if wrap and subtitle else ([subtitle] if subtitle else [])
    # The title's letters are about 1.6 times as wide as the caption's.
    title_lines = textwrap.wrap(title, int(wrap / 1.6)) if wrap else [title]
    subtitle_html = "".join(f"<br><span style='font-size:13px;color:#57606a'>{safe(line)}</span>" for line in sub_lines)
    out.update_layout(
        title={"text": "<br>".join(f"<b>{safe(line)}</b>" for line in title_lines) + subtitle_html,
               "x": 0.01, "xanchor": "left", "y": 1, "yanchor": "top", "yref": "container",
               # Plotly anchors a title of several lines by its middle line: push it down by half the rest.
               "pad": {"t": 12 + 11 * (len(title_lines) + len(sub_lines) - 1)}},
        margin={"t": 96 + 18 * len(sub_lines) + 24 * (len(title_lines) - 1), "b": 84 + 16 * len(lines)},
        legend={"y": 1.0, "yanchor": "bottom"},
    )
    if lines:
        # Under the dates, and under the axis title when there is one (the timeline's empty periods).
        axis_title = out.layout.xaxis2.title.text if "xaxis2" in out.layout else None
        below = 22 * (axis_title.count("<br>") + 1) if axis_title else 0
        out.update_layout(margin={"b": out.layout.margin.b + below})
        out.add_annotation(text="<br>".join(safe(line) for line in lines), xref="paper", yref="paper", x=0, y=0,
                           yshift=-44 - below, xanchor="left", yanchor="top", showarrow=False, align="left",
                           font={"size": 11, "color": "#57606a"})
    return out
