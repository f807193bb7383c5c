"""A brief as a one-page PDF: content.py's words and the dashboard's chart (as vector SVG, through
kaleido) in an HTML page (templates/brief.html, Jinja2), printed by headless Chromium.

Chromium's own printing keeps the text as text (selectable, searchable: pypdf reads it back), embeds
the subsets of the fonts it used and keeps the SVG chart as vector paths. It is the Chromium the
chart exports already use (Debian's ``chromium``, or $BROWSER_PATH), started once per brief with
``--print-to-pdf``: about 2 s. The page fetches nothing (inline SVG, no script, a CSP that forbids
the rest), so printing needs no network.
"""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy import Engine

from dashboard.brief.content import SENTENCES_PER_SIDE, Brief, BriefError, build_brief, labels, long_date
from dashboard.charts import timeline_chart
from dashboard.export import ExportError, find_chromium, render
from dashboard.figures import COOPERATION, TENSION
from dashboard.state import TimelineState

TEMPLATES = Path(__file__).with_name("templates")
PAPERS = {"a4": "A4", "letter": "letter"}
# The chart's size in CSS pixels before the page scales it to its width (186 mm on A4).
CHART_WIDTH, CHART_HEIGHT = 1000, 380
PRINT_TIMEOUT_SECONDS = 90
CHROMIUM_ARGS = ["--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-extensions", "--no-pdf-header-footer"]
INSTALL_HINT = ("install Chromium (`apt-get install chromium`, which `./run.sh` does) or set BROWSER_PATH to a "
                "Chrome/Chromium executable")


def chart_svg(engine: Engine, brief: Brief, start: date | None, end: date | None) -> str:
    """The dashboard's timeline chart of the brief's pair and range, as an inline SVG element."""
    state = TimelineState((brief.pair,), start, end, brief.freq, 1, brief.lang)
    fig = timeline_chart(engine, state, height=CHART_HEIGHT).figure
    words = brief.words
    fig.update_layout(width=CHART_WIDTH, margin={"t": 34, "b": 30, "l": 60, "r": 14},
                      yaxis={"title": {"text": words["axis_tension"]}}, yaxis2={"title": {"text": words["axis_volume"]}})
    for note in fig.layout.annotations:
        note.text = words["above"] if note.text.startswith("▲") else words["below"]
    fig.update_traces(selector={"name": "strongest observations"}, name=words["events_legend"])
    try:
        svg = render(fig, "svg", width=CHART_WIDTH, height=CHART_HEIGHT, scale=1).decode("utf-8")
    except ExportError as exc:
        raise BriefError(f"the brief's chart could not be drawn: {exc}") from None
    return svg[svg.index("<svg"):]  # no XML prolog inside HTML


def page_html(brief: Brief, svg: str, *, paper: str = "a4", generated: str = "") -> str:
    """The brief's HTML page (what Chromium prints)."""
    if paper not in PAPERS:
        raise BriefError(f"unknown paper {paper!r}; use a4 or letter")
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    accent = TENSION if brief.current_tension > 0 else COOPERATION
    return env.get_template("brief.html").render(brief=brief, chart_svg=Markup(svg), paper=PAPERS[paper],
                                                 generated=generated, accent=accent)


def print_pdf(html: str) -> bytes:
    """The page printed to PDF by headless Chromium."""
    chromium = find_chromium()
    if chromium is None:
        raise BriefError(f"the brief is printed to PDF by Chromium, which was not found: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="tracker-brief-") as tmp:
        page, out = Path(tmp) / "brief.html", Path(tmp) / "brief.pdf"
        page.write_text(html, encoding="utf-8")
        args = [chromium, *CHROMIUM_ARGS, f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}",
                page.as_uri()]
        if getattr(os, "geteuid", lambda: 1)() == 0:  # Chromium refuses to run as root with its sandbox
            args.insert(1, "--no-sandbox")
        try:
            done = subprocess.run(args, capture_output=True, text=True, timeout=PRINT_TIMEOUT_SECONDS, check=False)
        except OSError as exc:
            raise BriefError(f"cannot start Chromium ({chromium}: {exc.strerror}): {INSTALL_HINT}") from None
        except subprocess.TimeoutExpired:
            raise BriefError(f"Chromium did not print the brief within {PRINT_TIMEOUT_SECONDS} s; try again") from None
        content = out.read_bytes() if out.exists() else b""
    if not content.startswith(b"%PDF"):
        errors = [line for line in done.stderr.splitlines() if "dbus" not in line.lower()][-3:]
        raise BriefError(f"Chromium did not print the brief (exit {done.returncode}): {' / '.join(errors) or 'no message'}")
    return content


def make_brief(engine: Engine, pair: str, *, start: date | None = None, end: date | None = None, freq: str = "W",
               lang: str = "en", paper: str = "a4", link_base: str | None = None, source: str = "") -> bytes:
    """The brief of one pair as PDF bytes, on one page. link_base: the dashboard's address, for links
    to articles stored without a URL; source: the database named in the page's top line."""
    if paper not in PAPERS:
        raise BriefError(f"unknown paper {paper!r}; use a4 or letter")
    if find_chromium() is None:  # before anything is read: the chart and the page both need it
        raise BriefError(f"the brief is drawn and printed to PDF by Chromium, which was not found: {INSTALL_HINT}")
    words = labels(lang)
    generated = words["generated"].format(date=long_date(date.today(), lang), db=source or "tension-tracker")
    svg = ""
    # Long sentences can push the page past one sheet: then fewer of them, until it fits.
    for per_side in range(SENTENCES_PER_SIDE, 0, -1):
        brief = build_brief(engine, pair, start=start, end=end, freq=freq, lang=lang, link_base=link_base,
                            per_side=per_side)
        svg = svg or chart_svg(engine, brief, start, end)
        pdf = print_pdf(page_html(brief, svg, paper=paper, generated=generated))
        if page_count(pdf) == 1:
            break
    return pdf


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)
