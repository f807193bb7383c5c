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
import html
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.compact import narrowed

TENSION = "#D55E00"
COOPERATION = "#0072B2"
NEUTRAL = "#6b6b6b"
# Okabe-Ito without the two sign colours, darkest first: one per pair on a comparison chart.
PAIR_COLOURS = ["#222222", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8c564b", "#7f7f7f"]
FONT = "Inter, 'Source Sans 3', 'Segoe UI', Helvetica, Arial, sans-serif"
FREQ_WORDS = {"D": ("Daily", "Day"), "W": ("Weekly", "Week of"), "M": ("Monthly", "Month of")}
# A period's length in milliseconds (Plotly's unit for bar widths on a date axis).
PERIOD_MS = {"D": 86_400_000, "W": 7 * 86_400_000, "M": 30.4 * 86_400_000}

PairLabel = Callable[[str], str]
EVENTS = "*events*"  # layout.meta["curves"] entry of the event markers' curve
# Marker colour by sign from the numbers themselves (a NumPy array, cheap to send): any negative
# value is cooperation blue, any positive tension vermillion, exactly 0 grey.
SIGN_SCALE = {
    "cmin": -1e-9, "cmax": 1e-9, "showscale": False,
    "colorscale": [[0, COOPERATION], [0.49, COOPERATION], [0.49, NEUTRAL], [0.51, NEUTRAL], [0.51, TENSION],
                   [1, TENSION]],
}


def sign_colour(value: float) -> str:
    if value > 0:
        return TENSION
    if value < 0:
        return COOPERATION
    return NEUTRAL


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
    fig = go.Figure()
    _base_layout(fig)
    fig.update_layout(
        xaxis={"visible": False}, yaxis={"visible": False}, height=360,
        annotations=[{"text": safe(message).replace("\n", "<br>"), "showarrow": False, "xref": "paper", "yref": "paper",
                      "x": 0.5, "y": 0.5, "font": {"size": 15, "color": "#57606a"}}],
    )
    return fig


def timeline_figure(
    table: pd.DataFrame,
    events: pd.DataFrame | None = None,
    *,
    label: PairLabel = str,
    freq: str = "W",
    smoothing: int = 1,
    height: int = 560,
    order: list[str] | None = None,
) -> go.Figure:
    """Tension per period with its band, volume bars below and markers on the strongest observations.

    table: data.timeline's columns (pair, period, tension, n_obs, n_articles, low, high), plus
    ``smoothed`` when smoothing > 1 (data.smooth). events: data.events' columns, or None.
    order: the pairs in the user's order (their colours follow it). A click reports a point's curve
    number and x (its period start, or an event's date); ``layout.meta["curves"]`` names the pair of
    each clickable curve (EVENTS for the markers, whose customdata [i] indexes meta["pairs"]).
    Hover labels read customdata [pair index, n_obs, n_articles, low, high].

    Built as plain dicts and NumPy arrays with hover templates (not one label string per point), and
    handed to go.Figure without Plotly's per-property validation: a daily view of three busy pairs
    over ten years (13,000 points) builds in tens of milliseconds instead of a second, and its JSON
    is a fraction of the size. tests/test_figures.py checks the structure instead.
    """
    if table.empty:
        return empty_figure("No observation for this selection.")
    pairs = plotted_pairs(table, order)
    single = len(pairs) == 1
    period_word = FREQ_WORDS.get(freq, ("", "Period"))[1]
    traces: list[dict] = []
    for i, pair in enumerate(pairs):
        colour = PAIR_COLOURS[i % len(PAIR_COLOURS)]
        rows = table[table["pair"] == pair].sort_values("period")
        name = safe(label(pair))
        # Fixed-width strings, not objects: Plotly deep-copies the arrays, and these copy in one go.
        x = rows["period"].dt.strftime("%Y-%m-%d").to_numpy().astype("U10")
        custom = np.column_stack([
            np.full(len(rows), i, dtype=float), rows["n_obs"].to_numpy(float), rows["n_articles"].to_numpy(float),
            rows["low"].to_numpy(float), rows["high"].to_numpy(float),
        ])
        top = {"xaxis": "x", "yaxis": "y", "legendgroup": pair}
        runs = _consecutive_runs(rows["period"], freq)
        band_x, band_y = _band_polygons(x, rows["low"].to_numpy(float), rows["high"].to_numpy(float), runs)
        traces.append({"type": "scatter", **top, "x": band_x, "y": band_y, "mode": "lines", "fill": "toself",
                       "line": {"width": 0}, "fillcolor": _rgba(colour, 0.14), "hoverinfo": "skip",
                       "showlegend": False, "name": f"{name} 95% band"})
        # A period with no neighbour has no band to draw: it gets whiskers instead.
        alone = np.zeros(len(rows), dtype=bool)
        for a, b in runs:
            alone[a] = b - a == 1
        tension = rows["tension"].to_numpy(float)
        whiskers = {"type": "data", "symmetric": False, "color": _rgba(colour, 0.5), "thickness": 1.5, "width": 4,
                    "array": np.where(alone, rows["high"].to_numpy(float) - tension, 0.0),
                    "arrayminus": np.where(alone, tension - rows["low"].to_numpy(float), 0.0)}
        smoothed = smoothing > 1 and "smoothed" in rows
        if smoothed:
            traces.append({"type": "scatter", **top, "x": x, "y": rows["smoothed"].to_numpy(float), "mode": "lines",
                           "name": f"{name} ({smoothing}-period mean)", "line": {"color": colour, "width": 3},
                           "hoverinfo": "skip", "showlegend": not single})
        traces.append({
            "type": "scatter", **top, "x": x, "y": rows["tension"].to_numpy(float),
            "mode": "markers" if smoothed else "lines+markers", "name": name, "customdata": custom,
            "error_y": whiskers,
            "hovertemplate": (f"<b>{name}</b><br>{period_word} %{{x|%Y-%m-%d}}<br>Tension <b>%{{y:+.2f}}</b>"
                              " (band %{customdata[3]:+.2f} to %{customdata[4]:+.2f})<br>%{customdata[1]}"
                              " observations in %{customdata[2]} articles<br><i>click for the sentences</i>"
                              "<extra></extra>"),
            "line": {"color": colour, "width": 2},
            "marker": {"size": 8 if single else 7, "color": rows["tension"].to_numpy(float), **SIGN_SCALE,
                       "line": {"color": "white" if single else colour, "width": 1.5}},
            # With smoothing the legend names the smoothed lines (pair colours), not the raw points.
            "showlegend": single and smoothed or not (single or smoothed),
        })
        # Each period's bars start on its first day and share its width between the pairs.
        width = PERIOD_MS.get(freq, PERIOD_MS["W"]) * 0.86 / len(pairs)
        traces.append({
            "type": "bar", "xaxis": "x2", "yaxis": "y2", "legendgroup": pair, "x": x,
            "y": rows["n_obs"].to_numpy(int), "name": f"{name} volume", "width": width, "offset": i * width,
            # Its label needs the articles only: the rest of the line's customdata would double the reply.
            "marker": {"color": _rgba(colour, 0.55)}, "customdata": rows["n_articles"].to_numpy(int),
            "showlegend": False,
            "hovertemplate": (f"{name}<br>{period_word} %{{x|%Y-%m-%d}}<br>%{{y}} observations,"
                              " %{customdata} articles<extra></extra>"),
        })
    if events is not None and not events.empty:
        traces.append(_events_trace(events[events["pair"].isin(pairs)], label, pairs))
    lo, hi = _tension_range(table, events)
    layout = {
        "height": height, "barmode": "overlay", "hovermode": "closest", "clickmode": "event", "dragmode": "zoom",
        "xaxis": {"anchor": "y", "domain": [0, 1], "showticklabels": False, "gridcolor": "#f3f4f6",
                  "type": "date"},
        "xaxis2": {"anchor": "y2", "domain": [0, 1], "matches": "x", "gridcolor": "#f3f4f6", "type": "date"},
        "yaxis": {"anchor": "x", "domain": [0.3, 1], "range": [lo, hi], "title": {"text": "Tension (−10 … +10)"},
                  "zeroline": True, "zerolinecolor": "#8c959f", "zerolinewidth": 1.5, "gridcolor": "#eef0f2"},
        "yaxis2": {"anchor": "x2", "domain": [0, 0.23], "title": {"text": "Observations"}, "rangemode": "tozero",
                   "gridcolor": "#eef0f2"},
        # Tint above zero (tension) and below (cooperation) on the tension panel, and label both.
        "shapes": [
            {"type": "rect", "xref": "x domain", "yref": "y", "x0": 0, "x1": 1, "y0": y0, "y1": y1,
             "fillcolor": colour, "opacity": 0.05, "line": {"width": 0}, "layer": "below"}
            for y0, y1, colour in ((0, hi, TENSION), (lo, 0, COOPERATION))
        ],
        "annotations": [
            {"x": 0.005, "xref": "x domain", "y": y, "yref": "y", "text": text, "showarrow": False,
             "xanchor": "left", "yanchor": "top" if y > 0 else "bottom", "font": {"size": 12, "color": colour}}
            for y, text, colour in ((hi, "▲ tension", TENSION), (lo, "▼ cooperation", COOPERATION))
        ],
    }
    curves = [EVENTS if t["name"] == "strongest observations" else
              (t["legendgroup"] if t.get("customdata") is not None else None) for t in traces]
    layout["meta"] = {"pairs": pairs, "curves": curves}
    # BASE_LAYOUT merged as it is (the figure is built unvalidated): what _base_layout would set,
    # without Plotly's validation (~25 ms a figure).
    layout = {**copy.deepcopy(BASE_LAYOUT), **layout}
    return go.Figure({"data": [narrowed(t) for t in traces], "layout": layout}, _validate=False)


def _events_trace(events: pd.DataFrame, label: PairLabel, pairs: list[str]) -> dict:
    hover = [
        f"<b>{safe(label(r.pair))}</b>, {r.event_date:%Y-%m-%d}: score <b>{r.score:+.1f}</b><br>"
        f"“{safe(r.sentence, 140)}”<br><i>{safe(r.title, 90)}</i>"
        for r in events.itertuples()
    ]
    return {
        "type": "scatter", "xaxis": "x", "yaxis": "y", "x": events["event_date"].dt.strftime("%Y-%m-%d").to_numpy().astype("U10"),
        "y": events["score"].to_numpy(float), "mode": "markers", "name": "strongest observations",
        "customdata": [[pairs.index(p)] for p in events["pair"]], "hovertext": hover, "hoverinfo": "text",
        "marker": {"symbol": "diamond", "size": 11, "color": [sign_colour(v) for v in events["score"]],
                   "line": {"color": "#1f2328", "width": 1}, "opacity": 0.9},
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


def _band_polygons(x: np.ndarray, low: np.ndarray, high: np.ndarray, runs: list[tuple[int, int]]):
    """One closed polygon per run of two or more periods (along the highs, back along the lows),
    separated by a NaN, for a single fill="toself" trace: no band is drawn across a missing period.
    NumPy arrays, not lists: Plotly copies them in one go."""
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for a, b in runs:
        if b - a < 2:
            continue
        xs.append(np.concatenate([x[a:b], x[a:b][::-1], x[a:a + 1]]))
        ys.append(np.concatenate([high[a:b], low[a:b][::-1], [np.nan]]))
    if not xs:
        return np.array([], dtype="U10"), np.array([], dtype=float)
    return np.concatenate(xs), np.concatenate(ys)


def plotted_pairs(table: pd.DataFrame, order: list[str] | None = None) -> list[str]:
    """The pairs a timeline figure draws, in its order: the user's order, then any other in the table."""
    pairs = list(dict.fromkeys([*(order or []), *table["pair"]]))
    return [p for p in pairs if (table["pair"] == p).any()]


def _tension_range(table: pd.DataFrame, events: pd.DataFrame | None) -> tuple[float, float]:
    """The tension axis: the bands and markers, at least -3..+3 so that noise does not look like a crisis."""
    lows, highs = [float(table["low"].min()), -3.0], [float(table["high"].max()), 3.0]
    if events is not None and not events.empty:
        lows.append(float(events["score"].min()))
        highs.append(float(events["score"].max()))
    return max(min(lows) - 0.6, -10.5), min(max(highs) + 0.6, 10.5)


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
                f"{r.n_obs} observations in {r.n_articles} articles<br><i>click for the timeline</i>")
        for a, b in ((i, j), (j, i)):
            z[a][b] = r.tension
            hover[a][b] = cell
            custom[a][b] = r.pair
            text[a][b] = f"{r.tension:+.1f}"
    bound = max(3.0, float(matrix["tension"].abs().max()))
    fig = go.Figure(
        go.Heatmap(
            z=z, x=names, y=names, customdata=custom, hovertext=hover, hoverinfo="text", text=text,
            texttemplate="%{text}", textfont={"size": 11}, zmin=-bound, zmax=bound, zmid=0, xgap=2, ygap=2,
            colorscale=[[0.0, COOPERATION], [0.5, "#f7f7f7"], [1.0, TENSION]],
            colorbar={"tickvals": [-bound, 0, bound], "thickness": 14,
                      "ticktext": [f"{-bound:.0f} cooperation", "0", f"+{bound:.0f} tension"]},
        )
    )
    _base_layout(fig)
    side = height or max(360, 120 + 42 * n)
    fig.update_layout(height=side, xaxis={"side": "top", "tickangle": -35, "showgrid": False},
                      yaxis={"autorange": "reversed", "showgrid": False}, margin={"l": 140, "t": 120})
    return fig


def decorate(fig: go.Figure, *, title: str, subtitle: str = "", caption: str | list[str] = "") -> go.Figure:
    """A copy of the figure with a title, a subtitle (pair, range, granularity) and a source caption
    under the chart: what an exported image needs to stand alone in a report."""
    out = go.Figure(fig)
    out.update_layout(
        title={"text": f"<b>{safe(title)}</b>" + (f"<br><span style='font-size:13px;color:#57606a'>{safe(subtitle)}</span>"
                                                    if subtitle else ""),
               "x": 0.01, "xanchor": "left", "y": 0.97, "yanchor": "top"},
        margin={"t": 110, "b": 120},
        legend={"y": 1.0, "yanchor": "bottom"},
    )
    lines = [caption] if isinstance(caption, str) else list(caption)
    if any(lines):
        out.add_annotation(text="<br>".join(safe(line) for line in lines if line), xref="paper", yref="paper", x=0, y=0, yshift=-48,
                           xanchor="left", yanchor="top", showarrow=False, align="left",
                           font={"size": 11, "color": "#57606a"})
    return out
