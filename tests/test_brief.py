"""The one-page brief (`tracker brief`, the dashboard's /brief.pdf) on corpus/, for the seed's pair:
one page, the pair, the period, the headline's numbers and the top sentences in the PDF's text
(pypdf), fonts embedded, and a PNG of the page drawn by Chromium to look at."""

from __future__ import annotations

import io
import os
import re
import shutil
from datetime import date
from pathlib import Path
from typing import cast

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from dashboard.brief import BriefError, make_brief
from dashboard.brief.content import build_brief, signed
from dashboard.brief.render import chart_svg, page_html
from dashboard.brief.route import brief_href
from dashboard.export import find_chromium
from dashboard.state import TimelineState, from_query
from tracker.cli import cli
from tracker.store import open_store
from tracker.store.evidence import strongest
from tracker.store.queries import timeline

PAIR = "RUS-USA"  # the seed's pair
A4, LETTER = (595, 842), (612, 792)

needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="the brief needs Chromium (apt-get install chromium)")


@pytest.fixture(scope="module")
def engine(ingested_corpus):
    store = open_store(ingested_corpus)
    yield store.engine
    store.close()


def flat(text: str) -> str:
    """Text with every run of white space (PDF line breaks included) as one space."""
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, flat(" ".join(page.extract_text() for page in reader.pages))


def size(reader: PdfReader) -> tuple[int, int]:
    box = reader.pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def resources(reader: PdfReader) -> DictionaryObject:
    return cast(DictionaryObject, reader.pages[0]["/Resources"].get_object())


def embedded_fonts(reader: PdfReader) -> list[bool]:
    """For each font of the page: is its program embedded (FontFile, FontFile2 or FontFile3)?"""
    found = []
    fonts = cast(DictionaryObject, resources(reader)["/Font"].get_object())
    for ref in fonts.values():
        font = ref.get_object()
        descriptors = [font.get("/FontDescriptor")] + [
            d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
        descriptor = next((d.get_object() for d in descriptors if d is not None), None)
        found.append(descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    return found


@needs_chromium
@pytest.mark.slow  # Chromium prints the page
def test_the_brief_of_the_seed_pair(engine, ingested_corpus, tmp_path):
    out = tmp_path / "brief.pdf"
    result = CliRunner().invoke(cli, ["--db", ingested_corpus, "brief", "Russie-États-Unis", "--freq", "M",
                                      "--from", "2023-01-01", "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    reader, text = pdf_text(out.read_bytes())
    assert len(reader.pages) == 1 and size(reader) == A4
    assert "Russia – United States" in text and "RUS-USA" in text
    assert "Monthly, 1 January 2023 to 31 August 2025" in text
    months = timeline(engine, [PAIR], "M")
    assert f"to {signed(months.iloc[-1]['tension'], 'en')} in August 2025" in text
    top = strongest(engine, PAIR, date(2023, 1, 1), None, per_side=3)  # the brief's own period
    for side in ("tension", "cooperation"):
        sentence = flat(top[top["side"] == side].iloc[0]["sentence"])
        assert sentence[:80] in text, side
    assert "Strongest tension" in text and "Strongest cooperation" in text and "Method:" in text
    # The chart is vector: its axis titles and tick labels are text, and no picture is on the page.
    assert "Tension (−10 … +10)" in text and "Observations" in text
    xobjects = cast(DictionaryObject, resources(reader).get("/XObject", DictionaryObject()))
    assert not [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    fonts = embedded_fonts(reader)
    assert fonts and all(fonts)


@needs_chromium
@pytest.mark.slow
def test_a_french_brief_on_letter_paper(engine):
    pdf = make_brief(engine, PAIR, freq="M", lang="fr", paper="letter")
    reader, text = pdf_text(pdf)
    assert len(reader.pages) == 1 and size(reader) == LETTER
    assert "Russie – États-Unis" in text and "Par mois, du 1er avril 2017 au 31 août 2025" in text
    assert "Plus fortes tensions" in text and "Méthode" in text
    assert re.search(r"La tension a (augmenté|baissé) de \d+,\d\d, à [+−]\d+,\d\d en août 2025", text)


@needs_chromium
@pytest.mark.slow
def test_a_png_of_the_page(engine, tmp_path):
    """The page as Chromium lays it out for print, at the A4 content box's size: the content fits in
    it. TRACKER_BRIEF_PNG=FILE keeps the picture for a person to look at."""
    sync_api = pytest.importorskip("playwright.sync_api")
    brief = build_brief(engine, PAIR, freq="M")
    html = page_html(brief, chart_svg(engine, brief, None, None), generated="test")
    png = tmp_path / "brief.png"
    width, height = 703, 1043  # 186 x 276 mm at 96 dpi: A4 inside the page's margins
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": height})
        page.emulate_media(media="print")
        page.set_content(html)
        used = page.evaluate("document.documentElement.scrollHeight")
        page.screenshot(path=str(png), full_page=True)
        browser.close()
    assert used <= height
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 50_000
    if os.environ.get("TRACKER_BRIEF_PNG"):
        shutil.copy(png, os.environ["TRACKER_BRIEF_PNG"])


@needs_chromium
@pytest.mark.slow
def test_the_dashboard_serves_the_brief_of_the_pair_in_view(ingested_corpus, tmp_path):
    from dashboard.app import create_app

    app = create_app(ingested_corpus, inbox=tmp_path / "inbox", warm_export=False)
    client = app.server.test_client()
    state = from_query("?pairs=RUS-USA,DZA-FRA&freq=M&lang=fr&from=2023-01-01")
    href = brief_href(state, "RUS-USA")
    reply = client.get(href)
    assert reply.status_code == 200 and reply.mimetype == "application/pdf"
    assert 'filename="brief_RUS-USA_M_2023-01-01.pdf"' in reply.headers["Content-Disposition"]
    reader, text = pdf_text(reply.data)
    assert len(reader.pages) == 1 and "Russie – États-Unis" in text
    # Articles stored without a URL link to their page on the dashboard that served the brief.
    links = [a.get_object()["/A"]["/URI"] for a in reader.pages[0].get("/Annots", [])]
    assert any(str(u).startswith("http://localhost/article/") for u in links)
    assert client.get("/brief.pdf?pair=FRA-USA").status_code == 404
    assert client.get("/brief.pdf").status_code == 400


def test_the_timeline_links_each_pair_in_view_to_its_brief():
    from dashboard.pages.timeline import brief_link_items

    state = TimelineState(("RUS-USA", "DZA-FRA"), None, None, "W", 3, "fr")
    links = brief_link_items(state)
    assert [a.href for a in links] == ["/brief.pdf?pair=RUS-USA&freq=W&lang=fr", "/brief.pdf?pair=DZA-FRA&freq=W&lang=fr"]
    assert links[0].children == "Brief (PDF): Russie – États-Unis"
    back = from_query(links[1].href.split("?", 1)[1])
    assert back.pairs == ("DZA-FRA",) and back.freq == "W" and back.lang == "fr"
    assert brief_link_items(state.with_(pairs=("RUS-USA",)))[0].children == "Brief (PDF)"


def test_without_chromium_the_error_says_what_to_install(engine, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(BriefError, match="apt-get install chromium"):
        make_brief(engine, PAIR)


def test_no_observation_in_the_range_says_where_there_are(engine):
    with pytest.raises(BriefError, match="between 2010-01-01 and 2011-01-01; it has observations from 2017-04-12"):
        build_brief(engine, PAIR, start=date(2010, 1, 1), end=date(2011, 1, 1))


def test_labels_have_both_languages():
    lines = (Path(__file__).resolve().parent.parent / "dashboard" / "brief" / "labels.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in lines.splitlines() if line and not line.startswith("#")]
    assert rows[0] == ["key", "en", "fr"]
    assert all(len(r) == 3 and r[1] and r[2] for r in rows), [r for r in rows if len(r) != 3]


def test_article_text_is_text_on_the_page(engine):
    """corpus/en/900_markup-probe.txt (CHN-USA) carries <script> and <img onerror> in its title and
    text: the page shows them as text, and its policy forbids scripts anyway."""
    brief = build_brief(engine, "CHN-USA", freq="M")
    html = page_html(brief, "<svg></svg>")
    assert any("<script>" in q.title for q in brief.quotes)  # the probe is among the strongest
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;alert(1)" in html
    assert "default-src 'none'" in html
