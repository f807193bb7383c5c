"""What an analyst must not misread, in the real dashboard in headless Chromium (issue 12, items 1-9).

A small invented database with known gaps, runs, lone points and thin evidence, served by
`tracker serve` as in tests/test_browser.py (whose Server and browser set-up this module reuses).
Every sentence here is invented for the test.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dashboard.figures import MARKERS_UP_TO, PAIR_COLOURS
from dashboard.sample import SampleArticle, SampleCue, SampleObservation, SampleSentence, insert_article

pytestmark = [pytest.mark.browser, pytest.mark.slow]

test_browser = pytest.importorskip("test_browser")  # skips with it when Chromium or Playwright is missing
Server, sync_api = test_browser.Server, test_browser.sync_api
CHROMIUM, CHROMIUM_ARGS, WAIT_MS = test_browser.CHROMIUM, test_browser.CHROMIUM_ARGS, test_browser.WAIT_MS

TENSE = SampleCue("sanctions", 6.0, "material conflict")
TALKS = SampleCue("talks", -2.0, "consultation")
# RUS-USA: a run of six months with three articles each, a lone month (October 2024), then a run of
# two months resting on one article each (thin evidence). DZA-FRA: the same first run, for comparisons.
RUN = [date(2024, m, 10) for m in range(1, 7)]
LONE = date(2024, 10, 8)
THIN = [date(2025, 1, 14), date(2025, 2, 11)]
BUSY_FIRST, BUSY_DAYS, BUSY_THIN = date(2023, 3, 1), 110, (10, 80)


def _article(title: str, day: date, *observations: tuple[str, float]) -> SampleArticle:
    sentences = tuple(
        SampleSentence(f"Invented test sentence: officials spoke of sanctions and talks ({title}, {pair}, {i}).",
                       (SampleObservation(pair, day, (TENSE if score > 0 else TALKS,), score),))
        for i, (pair, score) in enumerate(observations)
    )
    return SampleArticle(title, day, sentences)


def _articles() -> list[SampleArticle]:
    out = []
    for month, day in enumerate(RUN):
        for k in range(3):
            out.append(_article(f"Invented run article {month}-{k}", day, ("RUS-USA", 2.0 + month - k),
                                ("RUS-USA", 1.0 + k), ("DZA-FRA", -3.0 + k)))
    out += [_article(f"Invented lone article {k}", LONE, ("RUS-USA", 4.0 + k), ("RUS-USA", 3.0)) for k in range(2)]
    out += [_article(f"Invented thin article {i}", d, ("RUS-USA", -4.0)) for i, d in enumerate(THIN)]
    # June 2024 has a third and fourth pair; GBR-RUS has one article in May and June (too little to rank).
    out += [_article("Invented June article", RUN[5], ("CHN-USA", 3.0), ("GBR-RUS", 5.0)),
            _article("Invented May article", RUN[4], ("GBR-RUS", -5.0))]
    # One sentence read for two pairs with different cues: the article page quiets the other pair's.
    two = SampleSentence("Invented test sentence: Washington announced sanctions while Paris held talks.", (
        SampleObservation("RUS-USA", RUN[5], (TENSE,), 6.0), SampleObservation("DZA-FRA", RUN[5], (TALKS,), -2.0)))
    out.append(SampleArticle("Invented two-pair article", RUN[5], (two,)))
    # CHN-JPN: a busy pair, BUSY_DAYS days in a row with two articles and three observations each,
    # but for two days of one article (thin evidence): more points than get a marker of their own.
    for n in range(BUSY_DAYS):
        day = BUSY_FIRST + timedelta(days=n)
        out.append(_article(f"Invented busy article {n}", day, ("CHN-JPN", 1.0 + n % 7), ("CHN-JPN", -1.0)))
        if n not in BUSY_THIN:
            out.append(_article(f"Invented busy article {n}b", day, ("CHN-JPN", 2.0)))
    return out


@pytest.fixture(scope="module")
def reading_server(tmp_path_factory):
    from tracker.store import open_store

    folder = tmp_path_factory.mktemp("reading")
    store = open_store(str(folder / "reading.db"))
    for art in _articles():
        insert_article(store.engine, art)
    store.close()
    srv = Server(folder / "reading.db", folder / "inbox")
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(WAIT_MS)
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def _open(page, server, query: str) -> None:
    page.goto(server.url + "/" + query)
    page.wait_for_selector("#timeline-graph .scatterlayer .point")


def _figure(page) -> dict:
    """The figure as drawn: Plotly's data and layout on the graph's div."""
    return page.evaluate("() => { const gd = document.querySelector('#timeline-graph .js-plotly-plot');"
                         " return {data: gd.data.map(t => ({name: t.name, mode: t.mode, x: t.x, y: t.y,"
                         " marker: t.marker, type: t.type})), layout: {yaxis: gd.layout.yaxis.range,"
                         " meta: gd.layout.meta}}; }")


def _traces_of(page, pair: str) -> list:
    """The SVG trace groups of the pair's clickable curves, by the figure's meta."""
    return page.evaluate("""pair => {
        const gd = document.querySelector('#timeline-graph .js-plotly-plot');
        return gd.layout.meta.curves.map((c, i) => c === pair ? i : -1).filter(i => i >= 0); }""", pair)


def test_a_gap_breaks_the_line_and_the_chart_counts_the_empty_months(page, reading_server):
    _open(page, reading_server, "?pairs=RUS-USA&freq=M")
    paths = page.locator("#timeline-graph .scatterlayer .trace").nth(1).locator("path.js-line")  # after the band
    # Two runs (January-June 2024, January-February 2025) drawn, the lone October a point without a
    # segment, nothing drawn across the gaps.
    drawn = [d for d in paths.evaluate_all("els => els.map(e => e.getAttribute('d'))") if "L" in d]
    assert len(drawn) == 2
    note = page.locator("#timeline-graph .g-x2title")
    # 14 months from January 2024 to February 2025, 9 of them with observations.
    sync_api.expect(note).to_contain_text("5 empty months")
    assert _figure(page)["layout"]["yaxis"] == [-10.5, 10.5]  # the whole scale, not fitted to the data
    assert not page.errors


def test_the_band_is_drawn_alike_on_a_lone_point_and_on_runs_and_thin_points_are_hollow(page, reading_server):
    _open(page, reading_server, "?pairs=RUS-USA&freq=M")
    # The band: one filled path (trace 0), a polygon per run and for the lone October, all outlined.
    band = page.locator("#timeline-graph .scatterlayer .trace").first
    fill = band.locator("path.js-fill")
    assert fill.get_attribute("d").count("M") == 3
    outlines = band.locator("path.js-line")
    assert outlines.count() == 3
    june_run, october, thin_run = (outlines.nth(i).bounding_box() for i in range(3))
    # The lone October is a bar at one x, as tall as its band (3.26 to 4.24: about 15 px).
    assert october["width"] < 4 and october["height"] > 10, october
    assert june_run["width"] > 300 and june_run["height"] > 10, june_run  # June's band is 3.5 to 5.5
    style = outlines.nth(1).evaluate("e => { const s = getComputedStyle(e); return [s.strokeWidth, s.stroke]; }")
    assert float(style[0].rstrip("px")) >= 2 and style[1] not in ("none", "")
    # No error bars any more: they were an SVG element per point.
    assert page.locator("#timeline-graph .errorbar").count() == 0
    # Few points: each has its marker; thin evidence hollow.
    symbols = page.evaluate("() => document.querySelector('#timeline-graph .js-plotly-plot').data"
                            ".find(t => t.customdata && t.mode === 'markers' && t.hovertemplate).marker.symbol")
    assert symbols == ["circle"] * (len(RUN) + 1) + ["circle-open"] * len(THIN)
    sync_api.expect(page.locator("#timeline-graph .legendtext").filter(has_text="thin evidence")).to_be_visible()
    sync_api.expect(page.locator("#timeline-graph .legendtext").filter(has_text="95% band")).to_be_visible()
    assert not page.errors


def test_a_busy_pair_marks_thin_evidence_only_and_its_line_takes_the_click(page, reading_server):
    assert BUSY_DAYS > MARKERS_UP_TO
    page.goto(reading_server.url + "/?pairs=CHN-JPN&freq=D")
    page.wait_for_selector("#timeline-graph .scatterlayer .trace path.js-line", state="attached")
    # Trace 2 holds the pair's markers: its two thin days only, hollow.
    markers = page.locator("#timeline-graph .scatterlayer .trace").nth(2).locator(".point")
    assert markers.count() == len(BUSY_THIN)
    # A click on the line where no marker is drawn opens that day's sentences and rings the day.
    day = BUSY_FIRST + timedelta(days=40)
    point = page.evaluate("""iso => {
        const gd = document.querySelector('#timeline-graph .js-plotly-plot');
        const cd = gd.calcdata[1].find(p => p.x === Date.parse(iso + 'T00:00:00Z'));
        const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
        return {x: box.left + xa._offset + xa.c2p(cd.x), y: box.top + ya._offset + ya.c2p(cd.y)}; }""", day.isoformat())
    page.mouse.move(point["x"], point["y"])
    page.mouse.click(point["x"], point["y"])
    sync_api.expect(page.locator("#sentences h2")).to_contain_text(f"{day.day} April 2023")
    page.wait_for_function("() => (document.querySelector('#timeline-graph .js-plotly-plot').layout.shapes || [])"
                           f".some(s => s.name === 'selected point' && s.xanchor === '{day.isoformat()}')")
    assert not page.errors


def test_a_click_brings_the_sentences_into_view_and_rings_the_point(page, reading_server):
    _open(page, reading_server, "?pairs=RUS-USA&freq=M")
    # A click redraws the ring only, never the whole chart (a frozen page while plotly.js re-plots it):
    # no Plotly.react (dcc.Graph's re-plot of a changed figure prop), no full redraw after the ring's
    # relayout (the load's own redraws may end after the click, so they are not counted).
    page.evaluate("""() => {
        const gd = document.querySelector('#timeline-graph .js-plotly-plot');
        window.replots = 0;
        window.ringed = false;
        gd.on('plotly_afterplot', () => { if (window.ringed) window.replots += 1; });
        const relayout = window.Plotly.relayout, react = window.Plotly.react;
        window.Plotly.relayout = function () { window.ringed = true; return relayout.apply(this, arguments); };
        window.Plotly.react = function () { window.replots += 1; return react.apply(this, arguments); };
    }""")
    _click_point(page, 2)  # March 2024
    sync_api.expect(page.locator("#sentences h2")).to_contain_text("March 2024")
    page.wait_for_function("() => { const r = document.querySelector('#sentences').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < window.innerHeight / 2; }")
    # The ring is a circle shape around the point, drawn just after the sentences are shown.
    ring = page.wait_for_function("() => { const gd = document.querySelector('#timeline-graph .js-plotly-plot');"
                                  " const s = (gd.layout.shapes || []).find(s => s.name === 'selected point');"
                                  " return s && [s.xanchor, s.yanchor]; }").json_value()
    assert ring[0] == "2024-03-01" and ring[1] == pytest.approx(2.5)
    assert page.locator("#timeline-graph .shapelayer path").count() >= 1
    assert page.evaluate("() => window.replots") == 0
    # Three articles, each named once above its sentences.
    assert page.locator("#sentences .article-group").count() == 3
    assert page.locator("#sentences .article-group").first.locator(".article-link").count() == 1
    page.locator("a.back-to-chart").click()
    page.wait_for_function("() => document.querySelector('#chart').getBoundingClientRect().top < 120")
    # Another point: the ring moves there (one ring), still without a re-plot.
    _click_point(page, 4)  # May 2024
    sync_api.expect(page.locator("#sentences h2")).to_contain_text("May 2024")
    page.wait_for_function("() => (document.querySelector('#timeline-graph .js-plotly-plot').layout.shapes || [])"
                           ".filter(s => s.name === 'selected point').map(s => s.xanchor).join() === '2024-05-01'")
    assert page.evaluate("() => window.replots") == 0


def _click_point(page, index: int) -> None:
    page.evaluate("() => window.scrollTo(0, 0)")
    box = page.locator("#timeline-graph .scatterlayer .trace .point").nth(index).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.click(x, y)


def test_pairs_compared_take_their_own_colour_markers_included(page, reading_server):
    _open(page, reading_server, "?pairs=RUS-USA,DZA-FRA&freq=M")
    figure = _figure(page)
    markers = [t for t in figure["data"] if t["type"] == "scatter" and t["mode"] == "markers" and t["x"]
               and t["name"] != "selected point"]
    by_name = {t["name"]: t["marker"]["color"] for t in markers}
    assert by_name["Russia – United States"] == PAIR_COLOURS[0]
    assert by_name["Algeria – France"] == PAIR_COLOURS[1]
    diamonds = [t for t in markers if t["name"].endswith(" strongest")]
    assert {t["marker"]["color"] for t in diamonds} <= {PAIR_COLOURS[0], PAIR_COLOURS[1]} and diamonds
    fills = page.locator("#timeline-graph .scatterlayer .trace .point").evaluate_all(
        "els => els.map(e => e.style.fill)")
    assert "rgb(0, 158, 115)" in fills  # Algeria – France's green on the page itself


def test_the_matrix_opens_on_a_period_with_pairs_on_a_fixed_scale_with_counts(page, reading_server):
    page.goto(reading_server.url + "/matrix")
    page.wait_for_selector("#matrix-graph .heatmaplayer")
    # February 2025 (the latest month) has one pair: the matrix opens on June 2024, which has four.
    sync_api.expect(page.locator("#matrix-status")).to_contain_text("June 2024: 4 pairs")
    heat = page.evaluate("() => { const t = document.querySelector('#matrix-graph .js-plotly-plot').data[0];"
                         " return [t.zmin, t.zmax]; }")
    assert heat == [-10, 10]
    texts = page.locator("#matrix-graph text").evaluate_all("els => els.map(e => e.textContent)")
    assert any("n=" in (t or "") for t in texts)
    movers = page.locator("#matrix-movers")
    sync_api.expect(movers).to_contain_text("at least 3 articles")
    sync_api.expect(movers).to_contain_text("1 pair with less evidence left out")  # GBR-RUS
    assert "Great Britain" not in movers.inner_text() and "United Kingdom" not in movers.inner_text()


def test_the_key_to_the_scale_is_one_click_away(page, reading_server):
    _open(page, reading_server, "?pairs=RUS-USA&freq=M")
    table = page.locator("#scale-key table")
    assert not table.is_visible()
    page.locator("#scale-key summary").click()
    sync_api.expect(table).to_be_visible()
    sync_api.expect(table).to_contain_text("military force")
    sync_api.expect(table).to_contain_text("meetings, consultation")


def test_words_a_reader_expects(page, reading_server):
    _open(page, reading_server, "?pairs=RUS-USA&freq=M")
    assert page.locator("#dates").get_attribute("placeholder") == "10 Jan 2024"
    assert page.locator("#dates-end-date").get_attribute("placeholder") == "11 Feb 2025"
    assert "1 observation," not in page.locator("#timeline-status").inner_text()
    points = page.locator("#timeline-graph .scatterlayer .trace").nth(2).locator(".point")  # band, line, markers
    point = points.last  # February 2025: one article
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    panel = page.locator("#sentences")
    sync_api.expect(panel.locator("h2")).to_contain_text("February 2025")
    summary = panel.locator(".summary").inner_text()
    assert "over 1 article of" in summary and "from 1 observation." in summary
    text = panel.inner_text()
    assert "(day)" not in text and "Month of" not in text and "11 February 2025" in text
    page.goto(reading_server.url + "/matrix?span=month&period=2025-02-01")
    sync_api.expect(page.locator("#matrix-status")).to_contain_text("February 2025: 1 pair, 1 observation.")


def test_the_article_page_highlights_the_pair_in_view(page, reading_server):
    import sqlite3

    db = reading_server.log_path.parent / "reading.db"
    with sqlite3.connect(db) as conn:
        (article_id,) = conn.execute("SELECT id FROM articles WHERE title = 'Invented two-pair article'").fetchone()
    page.goto(reading_server.url + f"/article/{article_id}?s=0&pair=RUS-USA")
    loud = page.locator(".article-text mark.cue-tension")
    sync_api.expect(loud).to_have_text("sanctions")
    quiet = page.locator(".article-text mark.cue-other")
    sync_api.expect(quiet).to_have_text("talks")
    assert "Algeria – France" in quiet.get_attribute("title")
    assert page.locator(".article h1").count() == 1
