"""The real dashboard in headless Chromium: `tracker serve` as a subprocess on the corpus, driven by Playwright.

One database (corpus/ ingested with `tracker ingest`) and one server for the whole module; each test
opens its own page. When a test fails, the server's log is printed with it.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # Chromium, a server and an ingest of corpus/

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
TRACKER = [sys.executable, "-m", "tracker.cli"]
WAIT_MS = 20_000

if not Path(CHROMIUM).exists():
    pytest.skip("the browser tests need Debian's chromium (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> Path:
    """corpus/ ingested into a fresh SQLite file, exactly as a user would (TRACKER_BROWSER_DB: use that file)."""
    if os.environ.get("TRACKER_BROWSER_DB"):
        return Path(os.environ["TRACKER_BROWSER_DB"])
    db = tmp_path_factory.mktemp("browser") / "corpus.db"
    result = subprocess.run([*TRACKER, "--db", str(db), "ingest", "--no-progress", str(ROOT / "corpus")],
                            capture_output=True, text=True, cwd=ROOT, timeout=600)
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT count(*) FROM observations").fetchone()[0]
    if not stored:
        pytest.fail(f"ingesting corpus/ stored no observation (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    return db


class Server:
    def __init__(self, db: Path, inbox: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = inbox.parent / f"server-{self.port}.log"
        env = {**os.environ, "TRACKER_INBOX": str(inbox), "TRACKER_POLL_SECONDS": "1"}
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen([*TRACKER, "--db", str(db), "serve", "--port", str(self.port)],
                                        stdout=self._log, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped (exit {self.process.returncode}):\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"the server did not answer within 60 s:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


@pytest.fixture(scope="module")
def server(corpus_db, tmp_path_factory):
    srv = Server(corpus_db, tmp_path_factory.mktemp("inbox") / "inbox")
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def _server_log_on_failure(request, server):
    failed_before = request.session.testsfailed
    yield
    if request.session.testsfailed > failed_before:
        print(f"---- server log ({server.url}) ----\n{server.log()[-6000:]}")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(WAIT_MS)
    # Assertions wait as long as actions: a chart redrawn on a loaded machine takes more than 5 s.
    sync_api.expect.set_options(timeout=WAIT_MS)
    pg.dialogs = []  # any alert() would be an executed script
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def _db_rows(db: Path, sql: str, *params):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def _pairs_by_volume(db: Path) -> list[str]:
    return [r[0] for r in _db_rows(db, "SELECT pair FROM observations GROUP BY pair ORDER BY count(*) DESC, pair")]


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _wait_for_chart(page) -> None:
    page.wait_for_selector("#timeline-graph .scatterlayer .point")


def _click_first_point(page) -> None:
    """Click a point of the tension line as a user would: at its position (Plotly's drag layer is on top)."""
    _wait_for_chart(page)
    point = page.locator("#timeline-graph .scatterlayer .trace .point").first
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _choose_pair(page, search: str, value: str) -> None:
    page.locator("#pairs").click()
    page.locator(".dash-dropdown-search").fill(search)
    page.locator(f".dash-dropdown-option:has(input[value='{value}'])").click()
    page.keyboard.press("Escape")


def test_first_page_shows_the_busiest_pair(page, server, corpus_db):
    busiest = _pairs_by_volume(corpus_db)[0]
    page.goto(server.url + "/")
    _wait_for_chart(page)
    assert page.title() == "Tension tracker"
    assert _query(page)["pairs"] == [busiest]
    assert "observations" in page.locator("#timeline-status").inner_text()
    assert page.locator("link[rel=icon]").get_attribute("href") == "/assets/favicon.svg"
    assert not page.errors


def test_plotly_js_loads_asynchronously_once_and_the_chart_waits_for_it(page, server):
    # plotly.js compiles while Dash renders the page: dcc.Graph must wait on it, not fetch and run it again.
    page.add_init_script("""window.plotlyRuns = 0; let real;
        Object.defineProperty(window, 'Plotly', {configurable: true, get() { return real; },
            set(v) { if (v && v.newPlot) { window.plotlyRuns += 1; } real = v; }});""")
    page.goto(server.url + "/")
    _wait_for_chart(page)
    (tag,) = page.locator("script[src*='plotly']").all()
    assert tag.get_attribute("async") is not None
    assert page.evaluate("() => window.plotlyRuns") == 1
    fetched = page.evaluate("() => performance.getEntriesByType('resource').filter(e => /plotly[^/]*\\.js/.test(e.name)).length")
    assert fetched == 1
    assert not page.errors


def test_the_chart_is_drawn_once_as_the_page_opens_and_refits_a_resized_window(page, server):
    # Each relayout of the chart (dcc.Graph's fits after its first drawing, a resize) re-plots it whole.
    page.add_init_script("""window.relayouts = [];
        new MutationObserver(() => {
            const gd = document.querySelector('#timeline-graph .js-plotly-plot');
            if (gd && gd.on && !gd.counted) { gd.counted = true; gd.on('plotly_relayout', e => window.relayouts.push(e)); }
        }).observe(document, {subtree: true, childList: true, attributes: true});""")
    page.goto(server.url + "/")
    _wait_for_chart(page)
    page.wait_for_timeout(1000)  # plotly.js fits a chart 100 ms after it is asked to
    assert page.evaluate("() => window.relayouts") == []  # the box has the size it was drawn at
    width = page.evaluate("() => document.querySelector('#timeline-graph .js-plotly-plot')._fullLayout.width")
    page.set_viewport_size({"width": 1000, "height": 900})
    page.wait_for_function("w => document.querySelector('#timeline-graph .js-plotly-plot')._fullLayout.width < w - 100",
                           arg=width)
    assert not page.errors


def test_pick_a_second_pair_by_searching_its_name(page, server, corpus_db):
    first, second = _pairs_by_volume(corpus_db)[:2]
    page.goto(server.url + f"/?pairs={first}")
    _wait_for_chart(page)
    from tracker.scorer.countries import country_name

    name = country_name(second.split("-")[1], "en")
    _choose_pair(page, name[:5], second)
    page.wait_for_url(lambda url: second in url)
    assert _query(page)["pairs"] == [f"{first},{second}"]
    status = page.locator("#timeline-status")
    sync_api.expect(status).to_contain_text(name)
    # Both pairs are drawn: one clickable line per pair.
    sync_api.expect(page.locator("#timeline-graph .legendtext").filter(has_text=name).first).to_be_attached()


def test_change_the_granularity(page, server, corpus_db):
    pair = _pairs_by_volume(corpus_db)[0]
    page.goto(server.url + f"/?pairs={pair}&freq=W")
    _wait_for_chart(page)
    page.locator("#freq label:has(input[value='M'])").click()
    page.wait_for_url(lambda url: "freq=M" in url)
    sync_api.expect(page.locator("#timeline-status")).to_contain_text("monthly points")


def test_click_a_point_shows_its_sentences_with_cues_then_open_the_article(page, server, corpus_db):
    pair = _pairs_by_volume(corpus_db)[0]
    page.goto(server.url + f"/?pairs={pair}&freq=M")
    _click_first_point(page)
    card = page.locator("#sentences .obs-card").first
    sync_api.expect(card).to_be_visible()
    assert page.locator("#sentences mark.cue").count() >= 1
    assert "Tension" in page.locator("#sentences .summary").inner_text()
    head = card.locator(".obs-head").inner_text()
    assert any(ch.isdigit() for ch in head)  # the score and the date
    sentence_text = card.locator("a.sentence").inner_text()

    card.locator("a.sentence").click()
    page.wait_for_url(lambda url: "/article/" in url and "s=" in url)
    selected = page.locator(".sentence-span.selected")
    sync_api.expect(selected).to_be_visible()
    assert " ".join(selected.inner_text().split()) == " ".join(sentence_text.split())
    # Scrolled into view: the highlighted sentence is inside the window.
    page.wait_for_function(
        "() => { const r = document.querySelector('.sentence-span.selected').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }"
    )
    page.locator("a.back").click()
    page.wait_for_url(lambda url: urlparse(url).path == "/")
    _wait_for_chart(page)
    assert _query(page)["freq"] == ["M"]


def test_export_a_png(page, server, corpus_db):
    pair = _pairs_by_volume(corpus_db)[0]
    page.goto(server.url + f"/?pairs={pair}&freq=M")
    _wait_for_chart(page)
    page.locator("#export-size").click()  # a custom size: the width and scale typed
    page.locator(".dash-dropdown-option").filter(has_text="Custom size").click()
    page.locator("#export-width").fill("800")
    page.locator("#export-width").press("Enter")
    with page.expect_download(timeout=30_000) as download:
        page.locator("#export-button").click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith(b"\x89PNG\r\n\x1a\n")
    assert download.value.suggested_filename == f"tension_{pair}_M.png"
    assert int.from_bytes(content[16:20], "big") == 1600  # width 800 at scale 2
    page.reload()  # the size chosen is kept for the next visit (issue 12, item 9)
    _wait_for_chart(page)
    sync_api.expect(page.locator("#export-size")).to_contain_text("Custom size")
    sync_api.expect(page.locator("#export-width")).to_have_value("800")


def test_a_url_with_state_is_applied(page, server, corpus_db):
    first, second = _pairs_by_volume(corpus_db)[:2]
    page.goto(server.url + f"/?pairs={second},{first}&freq=M&smooth=3&lang=fr")
    _wait_for_chart(page)
    from dashboard.state import pair_label

    values = page.locator("#pairs .dash-dropdown-value").inner_text()
    assert pair_label(second, "fr") in values and pair_label(first, "fr") in values
    assert page.locator("#freq input[value='M']").is_checked()
    assert page.locator("#lang input[value='fr']").is_checked()
    assert "3 periods" in page.locator("#smoothing").inner_text()
    sync_api.expect(page.locator("#timeline-graph .legendtext").filter(has_text="3-period mean").first).to_be_visible()


def test_markup_in_an_article_is_shown_as_text_and_never_run(page, server, corpus_db):
    rows = _db_rows(corpus_db, "SELECT id, title FROM articles WHERE title LIKE '%<script>%' ORDER BY id")
    assert rows, "the corpus has an article whose title holds <script> (corpus/en/900_markup-probe.txt)"
    article_id, title = rows[0]
    page.goto(server.url + f"/article/{article_id}")
    heading = page.locator(".article h1")
    sync_api.expect(heading).to_have_text(title)
    assert "<img src=x onerror" in page.locator(".article-text").inner_text() or "<script>" in title
    assert page.locator(".article img, .article script").count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == [] and page.evaluate("() => window.__xss === undefined")
    assert not page.errors


def test_matrix_page_and_its_links(page, server):
    page.goto(server.url + "/matrix?span=year")
    page.wait_for_selector("#matrix-graph .heatmaplayer")
    assert "pairs" in page.locator("#matrix-status").inner_text()
    assert _query(page)["span"] == ["year"]
    cell = page.locator("#matrix-graph .nsewdrag").first
    box = cell.bounding_box()
    # Click cells along the diagonal's neighbour until one opens a timeline (empty cells do nothing).
    for fx, fy in [(x / 8, y / 8) for x in range(1, 8) for y in range(1, 8) if x != y]:
        page.mouse.click(box["x"] + box["width"] * fx, box["y"] + box["height"] * fy)
        page.wait_for_timeout(150)
        if urlparse(page.url).path == "/":
            break
    assert urlparse(page.url).path == "/"
    _wait_for_chart(page)
    assert len(_query(page)["pairs"][0]) == 7


def test_empty_ranges_and_bad_urls_say_what_to_do(page, server, corpus_db):
    pair = _pairs_by_volume(corpus_db)[0]
    page.goto(server.url + f"/?pairs={pair},Atlantis-USA&from=2031-01-01&to=2031-12-31&freq=Q")
    notices = page.locator(".notice")
    sync_api.expect(notices.first).to_be_visible()
    text = " ".join(notices.all_inner_texts())
    assert "unknown country 'Atlantis'" in text and "unknown granularity 'Q'" in text
    sync_api.expect(page.locator("#timeline-graph .annotation-text").first).to_contain_text(
        "Its observations run from")


def test_an_unknown_article_and_page_say_so(page, server):
    page.goto(server.url + "/article/999999")
    sync_api.expect(page.locator("h2")).to_have_text("No such article")
    page.goto(server.url + "/nowhere")
    sync_api.expect(page.locator("h2")).to_have_text("No such page")


def test_new_articles_appear_without_losing_the_choices(page, server, corpus_db):
    """Live refresh: an article stored while the page is open shows up; pairs and granularity stay."""
    from dashboard.sample import SampleArticle, SampleCue, SampleObservation, SampleSentence, insert_article
    from tracker.store import open_store

    pair = _pairs_by_volume(corpus_db)[0]
    page.goto(server.url + f"/?pairs={pair}&freq=M")
    _wait_for_chart(page)
    before = page.locator("#timeline-status").inner_text()
    day = _db_rows(corpus_db, "SELECT max(event_date) FROM observations WHERE pair = ?", pair)[0][0]
    from datetime import date

    store = open_store(str(corpus_db))
    cue = SampleCue("tension", 4.0)
    text = f"Live refresh probe sentence about tension, {time.time()}."
    insert_article(store.engine, SampleArticle("Live refresh probe", date.fromisoformat(day), (
        SampleSentence(text, (SampleObservation(pair, date.fromisoformat(day), (cue,), 4.0),)),)))
    store.close()
    sync_api.expect(page.locator("#timeline-status")).not_to_have_text(before, timeout=10_000)
    assert _query(page)["freq"] == ["M"] and page.locator("#freq input[value='M']").is_checked()


UPLOAD = """Title: Invented upload probe: Paris and Rome sign a defence cooperation agreement
Date: 2025-09-02
Source: Invented example (tension-tracker browser test)
Language: en
Note: invented example, not real reporting

France and Italy on Tuesday signed a defence cooperation agreement in Rome, deepening ties between the two countries.

Paris and Rome said the agreement would strengthen their partnership on naval patrols in the Mediterranean.
"""


def test_upload_articles_and_see_each_outcome(page, server):
    page.goto(server.url + "/")
    _wait_for_chart(page)
    page.set_input_files("#upload input[type=file]", files=[
        {"name": "upload-probe.txt", "mimeType": "text/plain", "buffer": UPLOAD.encode("utf-8")},
        {"name": "empty.txt", "mimeType": "text/plain", "buffer": b""},
    ])
    stored = page.locator("#upload-result li.outcome-stored")
    sync_api.expect(stored).to_contain_text("upload-probe.txt: stored", timeout=60_000)
    rejected = page.locator("#upload-result li.outcome-rejected")
    sync_api.expect(rejected).to_contain_text("empty.txt: rejected:")
    # The new pair is offered in the picker without reloading the page.
    page.locator("#pairs").click()
    page.locator(".dash-dropdown-search").fill("Ital")
    sync_api.expect(page.locator(".dash-dropdown-option:has(input[value='FRA-ITA'])")).to_be_visible()


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("empty")
    srv = Server(folder / "empty.db", folder / "inbox")
    yield srv
    srv.stop()


def test_an_empty_database_says_where_to_drop_articles_then_shows_them(page, empty_server):
    from datetime import date

    from dashboard.sample import SampleArticle, SampleCue, SampleObservation, SampleSentence, insert_article
    from tracker.store import open_store

    page.goto(empty_server.url + "/")
    sync_api.expect(page.locator(".empty-state h2")).to_have_text("No articles yet")
    assert str(empty_server.log_path.parent / "inbox") in page.locator(".empty-state").inner_text()
    store = open_store(str(empty_server.log_path.parent / "empty.db"))
    obs = SampleObservation("RUS-USA", date(2024, 5, 2), (SampleCue("sanctions", 7.0),), 7.0)
    insert_article(store.engine, SampleArticle("First article", date(2024, 5, 2),
                                               (SampleSentence("Washington announced sanctions.", (obs,)),)))
    store.close()
    _wait_for_chart(page)  # the live refresh replaced the empty state by the timeline
    assert "Russia – United States: 1 observation, 1 weekly point" in page.locator("#timeline-status").inner_text()
