"""Matrix page: every pair for one month, quarter or year, and the pairs that moved most since the one before.

Each value follows the timeline's rule (mean over articles of each article's mean score); a click on
a cell, or on a pair in the lists, opens that pair's timeline over the two periods compared.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlencode

from dash import Input, Output, State, dcc, html, no_update

from dashboard import data, ids
from dashboard.charts import matrix_chart, span_name
from dashboard.export import DEFAULT_SCALE, DEFAULT_SIZE, DEFAULT_WIDTH, ExportError, export_matrix
from dashboard.figures import empty_figure
from dashboard.pages.key import scale_key
from dashboard.pages.timeline import (
    LANG_OPTIONS,
    download_reply,
    empty_state,
    export_bar,
    register_export_size,
)
from dashboard.state import pair_label
from dashboard.words import plural

SPANS = [{"label": "Month", "value": "month"}, {"label": "Quarter", "value": "quarter"},
         {"label": "Year", "value": "year"}]
SPAN_VALUES = tuple(o["value"] for o in SPANS)
MOVERS_SHOWN = 6
# The matrix opens on the latest period with at least this many pairs (one pair compares nothing).
ENOUGH_PAIRS = 3
# A pair is ranked among the movers only with at least this many articles in each of the two periods:
# a change resting on one or two articles is one article's wording, not a trend.
MIN_MOVER_ARTICLES = 3


def _query(search: str | None) -> tuple[str, date | None, str]:
    q = parse_qs((search or "").lstrip("?"))
    span = (q.get("span") or ["month"])[0]
    span = span if span in SPAN_VALUES else "month"
    try:
        period = date.fromisoformat((q.get("period") or [""])[0][:10])
    except ValueError:
        period = None
    lang = (q.get("lang") or ["en"])[0]
    return span, period, lang if lang in ("en", "fr") else "en"


def period_options(ctx, span: str) -> list[dict]:
    starts = data.span_starts(data.date_bounds(ctx.engine), span)
    return [{"label": span_name(d, span), "value": d.isoformat()} for d in starts]


def layout(ctx, search: str | None):
    if ctx.pairs().empty:
        return empty_state(ctx.inbox), "empty"
    span, period, lang = _query(search)
    options = period_options(ctx, span)
    values = [o["value"] for o in options]
    value = period.isoformat() if period and period.isoformat() in values else _busiest_recent(ctx, span, values)
    return html.Div(className="matrix-page", children=[
        html.Div(className="controls card", children=[
            html.Div(className="control", children=[
                html.Label("Period"),
                dcc.RadioItems(id=ids.MATRIX_SPAN, options=SPANS, value=span, inline=True, className="segmented"),
            ]),
            html.Div(className="control control-period", children=[
                html.Label("Which", htmlFor=ids.MATRIX_PERIOD),
                dcc.Dropdown(id=ids.MATRIX_PERIOD, options=options, value=value, clearable=False, searchable=True),
            ]),
            html.Div(className="control", children=[
                html.Label("Names"),
                dcc.RadioItems(id=ids.MATRIX_LANG, options=LANG_OPTIONS, value=lang, inline=True,
                               className="segmented"),
            ]),
        ]),
        html.Div(className="matrix-grid", children=[
            html.Div(className="card chart-card", children=[
                html.Div(id=ids.MATRIX_STATUS, className="chart-status", role="status"),
                dcc.Graph(id=ids.MATRIX_GRAPH, config={"displaylogo": False, "responsive": True,
                                                       "modeBarButtonsToRemove": ["toImage"]},
                          figure=empty_figure("Loading…")),
                html.P("Colours on one fixed scale, −10 to +10, for every period; n = observations behind "
                       "a cell (few observations: read its timeline before trusting its colour).",
                       id=ids.MATRIX_NOTE, className="hint"),
                scale_key(ids.MATRIX_KEY),
                export_bar(ids.MATRIX_EXPORT),
            ]),
            html.Section(id=ids.MATRIX_MOVERS, className="card movers"),
        ]),
    ]), "matrix"


def _busiest_recent(ctx, span: str, values: list[str]) -> str | None:
    """The latest period with ENOUGH_PAIRS pairs; failing that, the one with the most pairs (the
    latest of those). ``values`` are the period starts, latest first."""
    counts = data.pairs_per_span(ctx.engine, span)
    ranked = [(counts.get(date.fromisoformat(v), 0), v) for v in values]
    for n, value in ranked:
        if n >= ENOUGH_PAIRS:
            return value
    best = max(ranked, key=lambda item: item[0], default=None)  # max keeps the first (latest) of ties
    return best[1] if best else None


def timeline_href(pair: str, first: date, last: date, lang: str) -> str:
    freq = "W" if (last - first).days <= 100 else "M"
    return "/?" + urlencode({"pairs": pair, "from": first.isoformat(), "to": last.isoformat(), "freq": freq,
                             "lang": lang})


def movers_panel(current, previous, span: str, first: date, prev_first: date, last: date, lang: str) -> list:
    since = span_name(prev_first, span)
    in_both = data.movers(current, previous)
    moved = data.movers(current, previous, min_articles=MIN_MOVER_ARTICLES)
    if in_both.empty:
        return [html.H2("Changes"),
                html.P(f"No pair has observations both in this {span} and in {since}: nothing to compare.",
                       className="hint")]
    left_out = len(in_both) - len(moved)
    rule = (f"Ranked among pairs with at least {plural(MIN_MOVER_ARTICLES, 'article')} in this {span} and in "
            f"{since}: a change resting on fewer is one article's wording, not a trend."
            + (f" {plural(left_out, 'pair')} with less evidence left out." if left_out else ""))

    def items(frame):
        return html.Ol([
            html.Li([
                dcc.Link(pair_label(r.pair, lang), href=timeline_href(r.pair, prev_first, last, lang)),
                html.Span(f" {r.change:+.2f}", className="delta " + ("up" if r.change > 0 else "down")),
                html.Span(f" ({r.previous:+.1f} → {r.tension:+.1f}; "
                          f"{r.previous_articles} → {plural(int(r.n_articles), 'article')})", className="muted"),
            ])
            for r in frame.itertuples()
        ], className="movers-list")

    worse = moved[moved["change"] > 0].head(MOVERS_SHOWN)
    better = moved[moved["change"] < 0].sort_values("change").head(MOVERS_SHOWN)
    return [
        html.H2(f"Since {since}"),
        html.P(rule, className="hint movers-rule"),
        html.H3("Deteriorated most", className="tension-text"),
        items(worse) if not worse.empty else html.P("No pair with enough evidence grew tenser.", className="hint"),
        html.H3("Improved most", className="cooperation-text"),
        items(better) if not better.empty else html.P("No pair with enough evidence improved.", className="hint"),
    ]


def register(app, ctx) -> None:
    @app.callback(
        Output(ids.MATRIX_PERIOD, "options"),
        Output(ids.MATRIX_PERIOD, "value"),
        Input(ids.MATRIX_SPAN, "value"),
        Input(ids.VERSION, "data"),
        State(ids.MATRIX_PERIOD, "value"),
        prevent_initial_call=True,
    )
    def periods(span, _version, current):
        options = period_options(ctx, span)
        values = [o["value"] for o in options]
        if current in values:
            return options, current
        if current:  # keep the same moment when switching month -> quarter -> year
            day = date.fromisoformat(current)
            inside = [v for v in values if date.fromisoformat(v) <= day]
            if inside:
                return options, inside[0]
        return options, _busiest_recent(ctx, span, values)

    @app.callback(
        Output(ids.MATRIX_GRAPH, "figure"),
        Output(ids.MATRIX_MOVERS, "children"),
        Output(ids.MATRIX_STATUS, "children"),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.MATRIX_PERIOD, "value"),
        Input(ids.MATRIX_LANG, "value"),
        Input(ids.VERSION, "data"),
        State(ids.MATRIX_SPAN, "value"),
        prevent_initial_call="initial_duplicate",
    )
    def render(period, lang, _version, span):
        lang = lang or "en"
        span = span or "month"
        if not period:
            return empty_figure("No observation stored yet."), [], [], no_update
        chart = matrix_chart(ctx.engine, span, date.fromisoformat(period), lang)
        current, first, last = chart.table, chart.first, chart.last
        prev_first, prev_last = data.previous_span(first, span)
        previous = data.pair_matrix(ctx.engine, prev_first, prev_last)
        query = "?" + urlencode({"span": span, "period": period, "lang": lang})
        movers = movers_panel(current, previous, span, first, prev_first, last, lang)
        if current.empty:
            message = f"No observation in {span_name(first, span)}: choose another {span}."
            return empty_figure(message), movers, [], query
        status = (f"{span_name(first, span)}: {plural(len(current), 'pair')}, "
                  f"{plural(int(current['n_obs'].sum()), 'observation')}. Click a cell for its timeline.")
        return chart.figure, movers, status, query

    @app.callback(
        Output(ids.URL, "pathname", allow_duplicate=True),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.MATRIX_GRAPH, "clickData"),
        State(ids.MATRIX_PERIOD, "value"),
        State(ids.MATRIX_SPAN, "value"),
        State(ids.MATRIX_LANG, "value"),
        prevent_initial_call=True,
    )
    def open_pair(click, period, span, lang):
        try:
            pair = click["points"][0]["customdata"]
        except (TypeError, KeyError, IndexError):
            return no_update, no_update
        if not pair or not period:
            return no_update, no_update
        first, last = data.span_of(date.fromisoformat(period), span or "month")
        prev_first, _ = data.previous_span(first, span or "month")
        return "/", timeline_href(pair, prev_first, last, lang or "en")[1:]

    prefix = ids.MATRIX_EXPORT
    register_export_size(app, prefix)

    @app.callback(
        Output(prefix + ids.EXPORT_DOWNLOAD, "data"),
        Output(prefix + ids.EXPORT_MESSAGE, "children"),
        Input(prefix + ids.EXPORT_BUTTON, "n_clicks"),
        State(prefix + ids.EXPORT_FORMAT, "value"),
        State(prefix + ids.EXPORT_SIZE, "value"),
        State(prefix + ids.EXPORT_WIDTH, "value"),
        State(prefix + ids.EXPORT_SCALE, "value"),
        State(ids.MATRIX_SPAN, "value"),
        State(ids.MATRIX_PERIOD, "value"),
        State(ids.MATRIX_LANG, "value"),
        prevent_initial_call=True,
    )
    def download(_clicks, fmt, size, width, scale, span, period, lang):
        if not period:
            return no_update, "choose a period first"
        try:
            result = export_matrix(ctx.engine, span or "month", date.fromisoformat(period), lang or "en",
                                   fmt or "png", width=width or DEFAULT_WIDTH, scale=scale or DEFAULT_SCALE,
                                   size=size or DEFAULT_SIZE)
        except ExportError as exc:
            return no_update, str(exc)
        return download_reply(result)
