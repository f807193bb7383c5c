"""Timeline page: pairs over time; a click on a point lists the sentences behind it.

Callbacks stay thin: data.* reads, charts.timeline_chart builds the figure (the same path as the
exports), textspans marks the cue phrases. The controls are the state; a separate callback mirrors
them into the URL so the view can be bookmarked.
"""

from __future__ import annotations

import base64
import json
from datetime import date

import dash
import pandas as pd
from dash import ClientsideFunction, Input, Output, State, dcc, html, no_update

from dashboard import data, ids
from dashboard.brief.route import brief_href
from dashboard.charts import timeline_chart
from dashboard.export import (
    CUSTOM,
    DEFAULT_SCALE,
    DEFAULT_SIZE,
    DEFAULT_WIDTH,
    REPORT_SIZES,
    ExportError,
    export_timeline,
)
from dashboard.figures import EVENTS, empty_spec
from dashboard.pages.key import scale_key
from dashboard.pages.sentences import sentences_hint, sentences_panel
from dashboard.state import LANGS, MAX_PAIRS, TimelineState, country_label, from_query, pair_label
from dashboard.wire import figure_json, plain
from dashboard.words import FREQ_ADJECTIVES, day_name, plural, short_day

FREQ_OPTIONS = [{"label": "Day", "value": "D"}, {"label": "Week", "value": "W"}, {"label": "Month", "value": "M"}]
SMOOTHING_OPTIONS = [{"label": "None", "value": 1}] + [
    {"label": f"{n} periods", "value": n} for n in (2, 3, 4, 6, 12)
]
LANG_OPTIONS = [{"label": "English", "value": "en"}, {"label": "Français", "value": "fr"}]
GRAPH_CONFIG: dcc.Graph.Config = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "toImage"],
    "responsive": True,
}


def _iso(day: date | None) -> str | None:
    """The date picker's props are ISO strings (what it sends back too)."""
    return day.isoformat() if day is not None else None


def pair_options(pairs: pd.DataFrame, lang: str) -> list[dict]:
    """Dropdown options, busiest pair first; searchable by code and by name in both languages.

    The dropdown indexes every substring of every word of an option's value, label and search text
    as it mounts (tens of milliseconds for the pairs of a busy database): the search text holds only
    the words the code and the label do not, the other language's names."""
    options = []
    for row in pairs.itertuples():
        a, b = row.pair.split("-")
        label = f"{pair_label(row.pair, lang)} · {row.n_obs:,}"
        known = set(label.casefold().split())
        others = (country_label(c, lg) for c in (a, b) for lg in LANGS if lg != lang)
        words = dict.fromkeys(w for name in others for w in name.split() if w.casefold() not in known)
        options.append({"label": label, "value": row.pair, **({"search": " ".join(words)} if words else {})})
    return options


def empty_state(inbox) -> html.Div:
    return html.Div(className="card empty-state", children=[
        html.H2("No articles yet"),
        html.P("Add French or English news articles and their country pairs appear here within seconds:"),
        html.Ul([
            html.Li(["drop files (.txt, .md, .html, .json, .pdf, .docx, .zip) into the drop folder ",
                     html.Code(str(inbox)), " (while ", html.Code("tracker serve"), " or ",
                     html.Code("tracker watch"), " runs);"]),
            html.Li("or use “Drop articles here” at the top of this page;"),
            html.Li(["or run ", html.Code("tracker ingest corpus/"), " to load the demo corpus."]),
        ]),
    ])


def layout(ctx, search: str | None):
    """The page for a query string; returns (component, page kind)."""
    pairs = ctx.pairs()
    if pairs.empty:
        return empty_state(ctx.inbox), "empty"
    state = from_query(search)
    known = set(pairs["pair"])
    unknown = [p for p in state.pairs if p not in known]
    chosen = [p for p in state.pairs if p in known] or [pairs.iloc[0]["pair"]]
    state = state.with_(pairs=tuple(chosen))
    problems = list(state.problems) + [
        f"no observation is stored for {pair_label(p, state.lang)} ({p}) yet" for p in unknown
    ]
    bounds = (min(pairs["first"]), max(pairs["last"]))
    first_day, last_day = date_placeholders(ctx, list(state.pairs))
    controls = html.Div(className="controls card", children=[
        html.Div(className="control control-pairs", children=[
            html.Label("Country pairs", htmlFor=ids.PAIRS),
            dcc.Dropdown(id=ids.PAIRS, options=pair_options(pairs, state.lang), value=list(state.pairs),
                         multi=True, searchable=True, clearable=False, placeholder="Search a country or pair…",
                         maxHeight=320),
        ]),
        html.Div(className="control", children=[
            html.Label("Dates"),
            # Without a choice the picker shows the pairs' first and last dates (greyed), not "first → last".
            dcc.DatePickerRange(id=ids.DATES, start_date=_iso(state.start), end_date=_iso(state.end),
                                min_date_allowed=_iso(bounds[0]), max_date_allowed=_iso(bounds[1]),
                                initial_visible_month=_iso(state.start or bounds[1]), display_format="D MMM YYYY",
                                clearable=True, first_day_of_week=1,
                                start_date_placeholder_text=first_day, end_date_placeholder_text=last_day),
        ]),
        html.Div(className="control", children=[
            html.Label("Granularity"),
            dcc.RadioItems(id=ids.FREQ, options=FREQ_OPTIONS, value=state.freq, inline=True,
                           className="segmented"),
        ]),
        html.Div(className="control", children=[
            html.Label("Smoothing", htmlFor=ids.SMOOTHING),
            dcc.Dropdown(id=ids.SMOOTHING, options=SMOOTHING_OPTIONS, value=state.smoothing, clearable=False,
                         searchable=False, className="narrow"),
        ]),
        html.Div(className="control", children=[
            html.Label("Names"),
            dcc.RadioItems(id=ids.LANG, options=LANG_OPTIONS, value=state.lang, inline=True, className="segmented"),
        ]),
    ])
    notices = html.Div([html.P(p, className="notice") for p in problems], className="notices") if problems else None
    # The chart comes with the page (its callbacks skip their first call): one round trip, not two.
    figure, status, meta = chart_outputs(ctx, state)
    return html.Div(className="timeline-page", children=[
        controls,
        notices,
        html.Div(id="chart", className="card chart-card", children=[
            html.Div(id=ids.STATUS, className="chart-status", role="status", children=status),
            dcc.Store(id=ids.GRAPH_PAIRS, data=meta),
            dcc.Loading(dcc.Graph(id=ids.GRAPH, config=GRAPH_CONFIG, figure=figure), type="dot", delay_show=400),
            scale_key(ids.SCALE_KEY),
            export_bar(),
            html.Div(id=ids.BRIEF_LINKS, className="export-bar brief-links", children=brief_link_items(state)),
        ]),
        html.Section(id=ids.SENTENCES, className="card sentences", children=sentences_hint()),
        dcc.Store(id=ids.SENTENCES_SCROLLED),
        dcc.Store(id=ids.RING),
        dcc.Store(id=ids.QUERY, data=state.to_query()),
    ]), "timeline"


def date_placeholders(ctx, pairs: list[str]) -> tuple[str, str]:
    """The picker's greyed texts when no date is chosen: the first and last day the pairs have."""
    bounds = data.date_bounds(ctx.engine, pairs) if pairs else None
    if bounds is None:
        return "first day", "last day"
    return short_day(bounds[0]), short_day(bounds[1])


SIZE_OPTIONS = [
    *({"label": f"{paper.label} report", "value": key} for key, paper in REPORT_SIZES.items()),
    {"label": "Custom size", "value": CUSTOM},
]


def export_bar(prefix: str = "") -> html.Div:
    """Format, size (a report paper, or a custom width and scale) and a Download button; ``prefix``
    keeps the ids of two pages apart. The choices persist in the browser, so they are kept."""
    return html.Div(className="export-bar", children=[
        html.Span("Export", className="export-title"),
        dcc.Dropdown(id=prefix + ids.EXPORT_FORMAT, value="png", clearable=False, searchable=False, className="narrow",
                     options=[{"label": f, "value": f.lower()} for f in ("PNG", "SVG", "PDF", "CSV")], persistence=True, persistence_type="local"),
        dcc.Dropdown(id=prefix + ids.EXPORT_SIZE, value=DEFAULT_SIZE, clearable=False, searchable=False,
                     className="size-choice", options=SIZE_OPTIONS, persistence=True, persistence_type="local"),
        html.Label(["width ", dcc.Input(id=prefix + ids.EXPORT_WIDTH, type="number", value=DEFAULT_WIDTH, min=400,
                                          max=4000, step=100, debounce=True, className="num", persistence=True, persistence_type="local")],
                   className="custom-size"),
        html.Label(["scale ", dcc.Input(id=prefix + ids.EXPORT_SCALE, type="number", value=DEFAULT_SCALE, min=0.5,
                                          max=4, step=0.5, debounce=True, className="num", persistence=True, persistence_type="local")],
                   className="custom-size"),
        html.Button("Download", id=prefix + ids.EXPORT_BUTTON, className="button", n_clicks=0),
        dcc.Download(id=prefix + ids.EXPORT_DOWNLOAD),
        html.Span(id=prefix + ids.EXPORT_MESSAGE, className="export-message", role="status",
                  children=SIZE_HELP),
    ])


SIZE_HELP = ("Report sizes: PNG and SVG as wide as the text column, text at 9 pt or more there; "
             "PDF on a landscape page.")


def register_export_size(app, prefix: str = "") -> None:
    """Width and scale apply to the custom size only: disabled otherwise (in the browser: no round trip)."""
    app.clientside_callback(
        f"function (size) {{ const fixed = size !== {json.dumps(CUSTOM)}; return [fixed, fixed]; }}",
        Output(prefix + ids.EXPORT_WIDTH, "disabled"), Output(prefix + ids.EXPORT_SCALE, "disabled"),
        Input(prefix + ids.EXPORT_SIZE, "value"),
    )


def download_reply(result) -> tuple[dict, str]:
    """What an export button's callback returns for an export.Export: dcc.Download's data and the
    message beside the button (file name and size); shared by the timeline and matrix pages."""
    payload = {"content": base64.b64encode(result.content).decode("ascii"), "filename": result.filename,
               "type": result.mime, "base64": True}
    size = f"{result.size_words}, " if result.size_words else ""
    return payload, f"{result.filename} ({size}{len(result.content) / 1024:,.0f} KB)"


def _state(pairs, start, end, freq, smoothing, lang) -> TimelineState:
    def day(value):
        return date.fromisoformat(value[:10]) if value else None

    return TimelineState(tuple((pairs or [])[:MAX_PAIRS]), day(start), day(end), freq or "W",
                         int(smoothing or 1), lang or "en")


def chart_outputs(ctx, state: TimelineState) -> tuple:
    """The chart's figure, status line and curves' pairs (layout.meta) for a view state, kept while the
    data stay the same (ctx.kept)."""
    return ctx.kept(("timeline", state), lambda: _chart_outputs(ctx, state))


def _chart_outputs(ctx, state: TimelineState) -> tuple:
    """The figure goes out as JSON values (dashboard/wire.py): Dash encodes it in one go."""
    if not state.pairs:
        return figure_json(empty_spec("Choose a country pair above.")), [], []
    chart = timeline_chart(ctx.engine, state, reader=ctx)
    if chart.empty:
        return figure_json(empty_spec(no_data_message(ctx, state))), [], []
    return figure_json(chart.spec), status_line(state, chart.table), chart.spec["layout"]["meta"]


def status_line(state: TimelineState, table: pd.DataFrame) -> list:
    if table.empty:
        return []
    words = FREQ_ADJECTIVES[state.freq]
    parts = []
    for pair in state.pairs:
        rows = table[table["pair"] == pair]
        if rows.empty:
            parts.append(f"{pair_label(pair, state.lang)}: no observation in this range")
            continue
        parts.append(f"{pair_label(pair, state.lang)}: {plural(int(rows['n_obs'].sum()), 'observation')}, "
                     f"{plural(len(rows), words + ' point')}")
    return [" · ".join(parts)]


def no_data_message(ctx, state: TimelineState) -> str:
    bounds = data.date_bounds(ctx.engine, list(state.pairs))
    names = ", ".join(pair_label(p, state.lang) for p in state.pairs)
    if bounds is None:
        return f"No observation for {names} yet."
    return (f"No observation for {names} in this range.\nIts observations run from {day_name(bounds[0])} "
            f"to {day_name(bounds[1])}: widen the dates or clear them.")


def register(app, ctx) -> None:
    controls = [Input(ids.PAIRS, "value"), Input(ids.DATES, "start_date"), Input(ids.DATES, "end_date"),
                Input(ids.FREQ, "value"), Input(ids.SMOOTHING, "value"), Input(ids.LANG, "value")]

    # Everything a change of the controls redraws, and the address that names the view (bookmarks,
    # "back to the timeline"), in one request (a pair added was five); the layout holds the first
    # chart, so this answers changes only.
    @app.callback(Output(ids.GRAPH, "figure"), Output(ids.STATUS, "children"), Output(ids.GRAPH_PAIRS, "data"),
                  Output(ids.BRIEF_LINKS, "children"), Output(ids.DATES, "start_date_placeholder_text"),
                  Output(ids.DATES, "end_date_placeholder_text"),
                  Output(ids.SENTENCES, "children", allow_duplicate=True),
                  Output(ids.URL, "search", allow_duplicate=True), Output(ids.LAST_TIMELINE, "data"),
                  *controls, Input(ids.VERSION, "data"), prevent_initial_call=True)
    def render(pairs, start, end, freq, smoothing, lang, _version):
        state = _state(pairs, start, end, freq, smoothing, lang)
        changed = set(dash.ctx.triggered_prop_ids)
        placeholders = (date_placeholders(ctx, list(state.pairs))
                        if {f"{ids.PAIRS}.value", f"{ids.VERSION}.data"} & changed else (no_update, no_update))
        # The listed point belonged to the previous granularity or pairs: say so rather than mislead.
        hint = plain(sentences_hint()) if {f"{ids.PAIRS}.value", f"{ids.FREQ}.value"} & changed else no_update
        query = state.to_query() if changed - {f"{ids.VERSION}.data"} else no_update  # new data: the same view
        # Components as JSON values too: one of them would send the whole reply through Dash's slow path.
        return *chart_outputs(ctx, state), plain(brief_link_items(state)), *placeholders, hint, query, query

    # Runs in the browser as the page opens: the address and "back to the timeline" name the view
    # shown (defaults included), as render does after each change.
    app.clientside_callback(
        "function (query) { return [query, query]; }",
        Output(ids.URL, "search", allow_duplicate=True),
        Output(ids.LAST_TIMELINE, "data", allow_duplicate=True),
        Input(ids.QUERY, "data"),
        prevent_initial_call="initial_duplicate",
    )

    @app.callback(Output(ids.PAIRS, "options"), Input(ids.LANG, "value"), Input(ids.VERSION, "data"),
                  prevent_initial_call=True)
    def options(lang, _version):
        return pair_options(ctx.pairs(), lang or "en")

    @app.callback(
        Output(ids.SENTENCES, "children"),
        Output(ids.RING, "data"),
        Input(ids.GRAPH, "clickData"),
        State(ids.GRAPH_PAIRS, "data"),
        State(ids.FREQ, "value"),
        State(ids.LANG, "value"),
        prevent_initial_call=True,
    )
    def sentences(click, meta, freq, lang):
        point = clicked_point(click, meta or {}, freq or "W")
        if point is None:
            return no_update, no_update
        pair, period = point
        panel, tension = sentences_panel(ctx, pair, period, freq or "W", lang or "en")
        return panel, ring_of(meta or {}, period, tension)

    # Runs in the browser, once the sentences are painted: the chart's redraw for the ring (plotly.js
    # draws the whole figure again, the longest step of a click) comes after them, not before.
    app.clientside_callback(
        ClientsideFunction(namespace="tracker", function_name="ringPoint"),
        Output(ids.SENTENCES_SCROLLED, "data", allow_duplicate=True),
        Input(ids.RING, "data"),
        State(ids.GRAPH, "figure"),
        prevent_initial_call=True,
    )

    # Runs in the browser: bring the sentences into view once they are on the page (not the hint).
    app.clientside_callback(
        ClientsideFunction(namespace="tracker", function_name="showSentences"),
        Output(ids.SENTENCES_SCROLLED, "data"),
        Input(ids.SENTENCES, "children"),
        prevent_initial_call=True,
    )

    register_export_size(app)

    @app.callback(
        Output(ids.EXPORT_DOWNLOAD, "data"),
        Output(ids.EXPORT_MESSAGE, "children"),
        Input(ids.EXPORT_BUTTON, "n_clicks"),
        State(ids.EXPORT_FORMAT, "value"),
        State(ids.EXPORT_SIZE, "value"),
        State(ids.EXPORT_WIDTH, "value"),
        State(ids.EXPORT_SCALE, "value"),
        *[State(i.component_id, i.component_property) for i in controls],
        prevent_initial_call=True,
    )
    def download(_clicks, fmt, size, width, scale, pairs, start, end, freq, smoothing, lang):
        state = _state(pairs, start, end, freq, smoothing, lang)
        try:
            result = export_timeline(ctx.engine, state, fmt or "png", width=width or DEFAULT_WIDTH,
                                     scale=scale or DEFAULT_SCALE, size=size or DEFAULT_SIZE)
        except ExportError as exc:
            return no_update, str(exc)
        return download_reply(result)


def brief_link_items(state: TimelineState) -> list:
    """A "Brief (PDF)" link per pair in view (dashboard/brief/route.py serves it)."""
    several = len(state.pairs) > 1
    return [html.A(f"Brief (PDF){': ' + pair_label(p, state.lang) if several else ''}", href=brief_href(state, p),
                   target="_blank", rel="noopener", className="button brief-link",
                   title=f"A one-page PDF of {pair_label(p, state.lang)} over this range") for p in state.pairs]


def clicked_point(click, meta: dict, freq: str) -> tuple[str, date] | None:
    """(pair, period start) of a clicked point or event marker; None for anything else (the band).

    ``meta`` is the figure's layout.meta (figures.timeline_figure): the pair of each clickable curve.
    The point's x is its period start, or an event's date, whose period is then found.
    """
    try:
        point = click["points"][0]
        pair = meta["curves"][int(point["curveNumber"])]
        if pair == EVENTS:
            pair = meta["pairs"][int(point["customdata"][0])]
        day = date.fromisoformat(str(point["x"])[:10])
    except (TypeError, KeyError, IndexError, ValueError):
        return None
    if not pair:
        return None
    return pair, data.period_start(day, freq)


def ring_of(meta: dict, period: date, tension: float | None):
    """Where to ring the point whose sentences are shown: the figure's empty curve for it
    (figures.timeline_figure's meta["selected"]) and the point, which tracker.js's ringPoint puts on
    that curve; no_update when there is nothing to ring."""
    curve = meta.get("selected")
    if curve is None or tension is None:
        return no_update
    return {"curve": int(curve), "x": period.isoformat(), "y": tension}
