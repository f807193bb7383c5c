"""The dashboard's first page comes whole and quickly: the chart inside the page, charts kept while the
data stay the same (and redrawn once they change), and a page that links the small scripts.

Articles are the invented sample of dashboard/sample.py (every one marked as an invented example).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import plotly
import pytest
from sqlalchemy import text

from dashboard.app import AppContext, create_app
from dashboard.pages import timeline
from dashboard.sample import (
    SampleArticle,
    SampleCue,
    SampleObservation,
    SampleSentence,
    fill_sample,
    insert_article,
)
from dashboard.state import from_query
from tracker.store import open_store

QUERY = "?pairs=RUS-USA&freq=M"


@pytest.fixture
def ctx(tmp_path):
    store = open_store(str(tmp_path / "start.db"))
    fill_sample(store.engine)
    yield AppContext(store, tmp_path / "inbox")
    store.close()


def _find(component, wanted_id: str):
    """The component of the layout with that id (depth first), or None."""
    if getattr(component, "id", None) == wanted_id:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            found = _find(child, wanted_id)
            if found is not None:
                return found
    return None


def _as_json(figure) -> str:
    return json.dumps(figure, cls=plotly.utils.PlotlyJSONEncoder, sort_keys=True)


def _status(ctx) -> str:
    return " ".join(timeline.chart_outputs(ctx, from_query(QUERY))[1])


def test_the_page_comes_with_its_chart_status_and_links(ctx):
    page, kind = timeline.layout(ctx, QUERY)
    assert kind == "timeline"
    figure, status, meta = timeline._chart_outputs(ctx, from_query(QUERY))  # drawn anew, not kept
    graph = _find(page, "timeline-graph")
    assert _as_json(graph.figure) == _as_json(figure)  # the same chart the controls' callback draws
    assert "RUS-USA" in graph.figure["layout"]["meta"]["curves"]
    assert _find(page, "timeline-status").children == status and status
    assert _find(page, "timeline-graph-pairs").data == meta
    assert _find(page, "brief-links").children  # a brief link for the pair in view


def test_a_chart_is_kept_until_the_data_change(ctx, tmp_path):
    state = from_query(QUERY)
    first = timeline.chart_outputs(ctx, state)
    assert timeline.chart_outputs(ctx, state) is first  # kept: the same view is not read again
    assert timeline.chart_outputs(ctx, state.with_(freq="W")) is not first  # another view, another chart
    before = _status(ctx)
    # An invented article adds an observation of the pair: the chart shown is the new one.
    cue = SampleCue("sanctions", 7.0, "material conflict")
    added = insert_article(ctx.engine, SampleArticle("Invented: more sanctions", date(2023, 3, 10), (
        SampleSentence("Invented example: Washington announced sanctions on Moscow.",
                       (SampleObservation("RUS-USA", date(2023, 3, 10), (cue,), 7.0),)),)))
    after_ingest = _status(ctx)
    assert after_ingest != before
    assert after_ingest == " ".join(timeline._chart_outputs(ctx, state)[1])
    with ctx.engine.begin() as conn:  # deleting it brings the first chart's numbers back
        conn.execute(text("DELETE FROM articles WHERE id = :id"), {"id": added})
    assert _status(ctx) == before


def test_a_score_changed_in_place_drops_the_kept_chart(ctx):
    """The data version is the store's generation (migration 0007), bumped by any write: a score
    corrected where it stands (no row added or removed, which count(*) and max(id) did not see)
    shows at once, without the server being restarted."""
    state = from_query(QUERY)
    first = timeline.chart_outputs(ctx, state)
    version = ctx.version()
    with ctx.engine.begin() as conn:
        conn.execute(text("UPDATE observations SET score = -score WHERE pair = 'RUS-USA'"))
    assert ctx.version() != version
    again = timeline.chart_outputs(ctx, state)
    assert again is not first
    assert _as_json(again[0]) != _as_json(first[0])
    assert _as_json(again[0]) == _as_json(timeline._chart_outputs(ctx, state)[0])


def test_the_page_links_the_small_scripts(tmp_path: Path):
    store = open_store(str(tmp_path / "page.db"))
    store.close()
    app = create_app(str(tmp_path / "page.db"), inbox=tmp_path / "inbox", warm_export=False)
    page = app.server.test_client().get("/").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert not [s for s in scripts if "polyfill" in s]  # Babel's polyfill is left out...
    assert [s for s in scripts if "regenerator-runtime" in s]  # ...for the one runtime Dash's scripts need
    assert not [s for s in scripts if "plotly" in s]
    # plotly.js (the longest to arrive and compile) last and asynchronous: it compiles while Dash's
    # renderer renders the page; until it has run, window.Plotly is a promise-like the chart waits on.
    (plotly_js,) = re.findall(r'<script async id="plotly-js" src="([^"]+)"></script>', page)
    assert "plotly-scatter-heatmap" in plotly_js
    assert app.server.test_client().get(plotly_js).status_code == 200
    assert page.index("window.Plotly = window.Plotly ||") < page.index(plotly_js)
    assert page.index(scripts[-1]) < page.index(plotly_js) and not [s for s in scripts if "dash_table" in s]
    # What the renderer asks for once its scripts have run is on its way before, and the lazy parts of
    # dcc the pages mount (the chart's among them) run with the page's scripts.
    preloaded = re.findall(r'<link rel="preload" href="([^"]+)"', page)
    assert {"/_dash-layout", "/_dash-dependencies"} <= set(preloaded)
    assert [s for s in scripts if "/dcc/async-graph." in s]
    # The sign-in page's stylesheet is not the dashboard's (dashboard/login.py links it itself).
    assert re.findall(r'<link rel="stylesheet" href="/assets/([^"?]+)', page) == ["style.css"]


def _layout_ids(app, referrer: str | None) -> set[str]:
    headers = {"Referer": referrer} if referrer else {}
    layout = app.server.test_client().get("/_dash-layout", headers=headers).get_json()
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("props"), dict) and "id" in node["props"]:
                found.add(str(node["props"]["id"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(layout)
    return found


def test_the_layout_holds_the_page_the_browser_shows(tmp_path: Path):
    from dashboard import ids

    store = open_store(str(tmp_path / "shown.db"))
    fill_sample(store.engine)
    store.close()
    app = create_app(str(tmp_path / "shown.db"), inbox=tmp_path / "inbox", warm_export=False)
    base = "http://localhost"  # the test client's host
    assert {ids.GRAPH, ids.PAIRS} <= _layout_ids(app, base + "/" + QUERY)  # the chart comes with the layout
    assert ids.MATRIX_GRAPH in _layout_ids(app, base + "/matrix")
    # Without the page's address (or another site's, or the article page, which needs the browser's
    # session store) the router builds the page, as before.
    for referrer in (None, "http://elsewhere.example/", base + "/article/1"):
        shown = _layout_ids(app, referrer)
        assert ids.URL in shown and ids.GRAPH not in shown and ids.MATRIX_GRAPH not in shown, referrer


def test_the_layout_reply_is_kept_until_the_data_change(tmp_path: Path):
    store = open_store(str(tmp_path / "kept.db"))
    fill_sample(store.engine)
    app = create_app(str(tmp_path / "kept.db"), inbox=tmp_path / "inbox", warm_export=False)
    client = app.server.test_client()

    def layout(page: str) -> bytes:
        return client.get("/_dash-layout", headers={"Referer": "http://localhost" + page}).get_data()

    first = layout("/" + QUERY)
    assert layout("/" + QUERY) == first  # kept: the same JSON for the same page
    assert layout("/matrix") != first and layout("/") != first  # another page, another layout
    cue = SampleCue("sanctions", 7.0, "material conflict")
    insert_article(store.engine, SampleArticle("Invented: more sanctions", date(2023, 3, 10), (
        SampleSentence("Invented example: Washington announced sanctions on Moscow.",
                       (SampleObservation("RUS-USA", date(2023, 3, 10), (cue,), 7.0),)),)))
    after = layout("/" + QUERY)
    assert after != first and layout("/" + QUERY) == after  # new data: a new layout, kept in turn
    store.close()
