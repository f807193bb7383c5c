"""Chart export: PNG, SVG and PDF through kaleido and Chromium, and the chart's data as CSV.

kaleido 1.x drives a headless Chromium (Debian's ``chromium`` package, found on PATH or through the
BROWSER_PATH environment variable). Starting Chromium costs about 2 s, so the dashboard keeps one
kaleido server alive for the whole process (:func:`start_renderer`); each export then takes about
0.15 s. kaleido's sync server handles one request at a time and is not safe to call from several
threads at once (Flask serves requests on threads), hence the lock.

``tracker export`` and the dashboard's export buttons both go through :func:`export_timeline`.
"""

from __future__ import annotations

import os
import re
import shutil
import textwrap
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
from sqlalchemy import Engine

from dashboard import figures
from dashboard.charts import (
    export_titles,
    matrix_chart,
    matrix_csv,
    matrix_titles,
    span_name,
    timeline_chart,
    timeline_csv,
)
from dashboard.state import TimelineState

MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "csv": "text/csv"}
IMAGE_FORMATS = ("png", "svg", "pdf")
DEFAULT_WIDTH, DEFAULT_SCALE = 1600, 2  # the "custom" size's starting values (a screen-wide chart)
MIN_WIDTH, MAX_WIDTH = 400, 4000
MAX_SCALE = 4
# Height follows the width: a wide chart for a report page, with room for the title and caption.
ASPECT = 0.6
# Sizes are CSS pixels, 96 to the inch: 12 px is 9 pt when the image is shown at that size.
PX_PER_MM = 96 / 25.4
# The smallest text of a report-sized export, in CSS pixels (9 pt at the intended size).
REPORT_MIN_FONT = 12


@dataclass(frozen=True)
class ReportSize:
    """A paper: PNG and SVG are its text column wide, a PDF is the whole page (landscape)."""

    label: str
    column_mm: float  # the text column of a report on this paper (2 to 2.5 cm margins)
    page_mm: tuple[float, float]  # landscape width, height

    def column_px(self) -> int:
        return round(self.column_mm * PX_PER_MM)

    def page_px(self) -> tuple[int, int]:
        return round(self.page_mm[0] * PX_PER_MM), round(self.page_mm[1] * PX_PER_MM)


REPORT_SIZES = {
    "a4": ReportSize("A4", 170, (297, 210)),
    "letter": ReportSize("Letter", 165.1, (279.4, 215.9)),
}
DEFAULT_SIZE = "a4"
CUSTOM = "custom"  # the width and scale the user types
SIZE_CHOICES = (*REPORT_SIZES, CUSTOM)
PNG_REPORT_SCALE = 3  # a 17 cm column at about 290 dots per inch

_lock = threading.Lock()
_started = False


class ExportError(Exception):
    """An export that cannot be made; the message says why and what to do."""


def find_chromium() -> str | None:
    """The Chromium kaleido will use: $BROWSER_PATH, else chromium on PATH (Debian's package)."""
    path = os.environ.get("BROWSER_PATH")
    if path:
        return path if os.access(path, os.X_OK) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _require_chromium() -> None:
    if find_chromium() is None:
        where = os.environ.get("BROWSER_PATH")
        hint = f"BROWSER_PATH={where!r} is not an executable" if where else "no chromium on PATH"
        raise ExportError(
            f"image export needs Chromium ({hint}): install it with `apt-get install chromium` "
            "or set BROWSER_PATH to a Chrome/Chromium executable; CSV export works without it"
        )


def start_renderer() -> None:
    """Start the process-wide kaleido server once (later calls do nothing)."""
    global _started
    import kaleido

    with _lock:
        if _started:
            return
        _require_chromium()
        kaleido.start_sync_server(silence_warnings=True)
        _started = True


def render(fig: go.Figure, fmt: str, *, width: int = DEFAULT_WIDTH, scale: float = DEFAULT_SCALE,
           height: int | None = None) -> bytes:
    """The figure as PNG, SVG or PDF bytes."""
    import kaleido

    if fmt not in IMAGE_FORMATS:
        raise ExportError(f"unknown image format {fmt!r}; use png, svg or pdf")
    width, scale = check_size(width, scale)
    height = height or int(width * ASPECT)
    start_renderer()
    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    try:
        with _lock:
            return kaleido.calc_fig_sync(fig, opts=opts)
    except Exception as exc:  # kaleido raises its own and Chromium's errors; the user needs one message
        raise ExportError(f"the chart could not be rendered as {fmt.upper()}: {exc}") from exc


def check_size(width: int | float | None, scale: float | None) -> tuple[int, float]:
    try:
        width = int(width or DEFAULT_WIDTH)
        scale = float(scale or DEFAULT_SCALE)
    except (TypeError, ValueError):
        raise ExportError("width must be a whole number of pixels and scale a number, e.g. --width 1600 --scale 2") from None
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ExportError(f"width {width} is out of range: use {MIN_WIDTH} to {MAX_WIDTH} pixels")
    if not 0.5 <= scale <= MAX_SCALE:
        raise ExportError(f"scale {scale:g} is out of range: use 0.5 to {MAX_SCALE} (2 gives print resolution)")
    return width, scale


@dataclass(frozen=True)
class Export:
    content: bytes
    filename: str
    mime: str
    size_words: str = ""  # "A4 landscape page", "A4 text column wide", "1600 px wide"


def file_stem(state: TimelineState) -> str:
    pairs = "_".join(state.pairs) or "timeline"
    span = "-".join(d.isoformat() for d in (state.start, state.end) if d)
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", f"tension_{pairs}_{state.freq}" + (f"_{span}" if span else ""))


@dataclass(frozen=True)
class Geometry:
    width: int
    height: int
    scale: float
    report: bool  # a report size: fonts raised to REPORT_MIN_FONT and the caption wrapped to the width
    words: str  # what the message beside the button says of the size

    @property
    def caption_chars(self) -> int:
        """Characters per caption line at the caption's font (about 0.55 em a character)."""
        return max(40, int((self.width - 40) / (REPORT_MIN_FONT * 0.55)))


def geometry(fmt: str, size: str | None, width: int | float | None, scale: float | None, *,
             tall: bool = False) -> Geometry:
    """The export's pixel size for a size choice: a report paper (the default) or custom width and scale
    (also what a width or scale given without a size asks for).
    tall: the matrix, which needs a squarer frame than the timeline."""
    if size is None:
        size = CUSTOM if width or scale else DEFAULT_SIZE
    size = size.lower()
    if size not in SIZE_CHOICES:
        raise ExportError(f"unknown size {size!r}; use {', '.join(SIZE_CHOICES)}")
    if size == CUSTOM:
        w, sc = check_size(width, scale)
        h = max(int(w * 0.75), 500) if tall else int(w * ASPECT)
        return Geometry(w, h, sc, False, f"{w} px wide")
    paper = REPORT_SIZES[size]
    if fmt == "pdf":
        w, h = paper.page_px()
        return Geometry(w, h, 1, True, f"{paper.label} landscape page")
    w = paper.column_px()
    h = round(w * 1.05)
    return Geometry(w, h, PNG_REPORT_SCALE if fmt == "png" else 1, True, f"{paper.label} text column wide")


def for_report(fig: go.Figure, geo: Geometry) -> go.Figure:
    """No text under REPORT_MIN_FONT pixels (9 pt at the intended size), tighter margins, long notes
    wrapped to the width, and room above the chart for a legend that wraps onto several rows."""
    if not geo.report:
        return fig
    fig.update_layout(font={"size": REPORT_MIN_FONT + 1}, margin={"l": 56, "r": 16})

    def fit(note) -> None:
        text = note.text or ""
        if "<br>" not in text and len(text) > geo.caption_chars:
            note.update(text="<br>".join(textwrap.wrap(text, geo.caption_chars)))
        note.update(font={"size": max(note.font.size or 0, REPORT_MIN_FONT)})

    fig.for_each_annotation(fit)
    fig.update_traces(textfont={"size": REPORT_MIN_FONT}, selector={"type": "heatmap"})
    rows = legend_rows(fig, geo.width - 72)
    if rows > 1:
        fig.update_layout(margin={"t": (fig.layout.margin.t or 96) + 22 * (rows - 1)})
    return fig


def legend_rows(fig: go.Figure, width: float) -> int:
    """How many rows Plotly's horizontal legend takes at this width (entries packed left to right,
    about 0.55 em a character plus the symbol)."""
    entries = [len(t.name or "") * REPORT_MIN_FONT * 0.58 + 48 for t in fig.data if t.showlegend]
    rows, used = (1 if entries else 0), 0.0
    for entry in entries:
        if used and used + entry > width:
            rows, used = rows + 1, 0.0
        used += entry
    return rows


def export_timeline(engine: Engine, state: TimelineState, fmt: str, *, width: int | None = None,
                    scale: float | None = None, size: str | None = None) -> Export:
    """The timeline of this view as an image with title, pair, range and source caption, or as CSV."""
    fmt = fmt.lower()
    if fmt not in MIME:
        raise ExportError(f"unknown format {fmt!r}; use png, svg, pdf or csv")
    if not state.pairs:
        raise ExportError("choose at least one pair to export")
    chart = timeline_chart(engine, state)
    if chart.empty:
        raise ExportError(f"no observation for {', '.join(state.pairs)} in this range: nothing to export")
    stem = file_stem(state)
    if fmt == "csv":
        return Export(timeline_csv(chart), f"{stem}.csv", MIME["csv"])
    geo = geometry(fmt, size, width, scale)
    title, subtitle, caption = export_titles(engine, chart)
    axis_title = chart.figure.layout.xaxis2.title.text
    if geo.report and axis_title and len(axis_title) > geo.caption_chars:  # the empty periods, under the dates
        chart.figure.layout.xaxis2.title.text = "<br>".join(textwrap.wrap(axis_title, geo.caption_chars))
    fig = figures.decorate(chart.figure, title=title, subtitle=subtitle, caption=caption,
                           wrap=geo.caption_chars if geo.report else None)
    fig.update_layout(height=geo.height, width=geo.width)
    fig = for_report(fig, geo)
    content = render(fig, fmt, width=geo.width, scale=geo.scale, height=geo.height)
    return Export(content, f"{stem}.{fmt}", MIME[fmt], geo.words)


def export_matrix(engine: Engine, span: str, first: date, lang: str, fmt: str, *, width: int | None = None,
                  scale: float | None = None, size: str | None = None) -> Export:
    """The matrix of one month, quarter or year as an image with title, span and source caption, or as CSV."""
    fmt = fmt.lower()
    if fmt not in MIME:
        raise ExportError(f"unknown format {fmt!r}; use png, svg, pdf or csv")
    chart = matrix_chart(engine, span, first, lang)
    if chart.table.empty:
        raise ExportError(f"no observation in {span_name(chart.first, span)}: nothing to export")
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"tension_matrix_{span}_{chart.first.isoformat()}")
    if fmt == "csv":
        return Export(matrix_csv(chart), f"{stem}.csv", MIME["csv"])
    geo = geometry(fmt, size, width, scale, tall=True)
    title, subtitle, caption = matrix_titles(engine, chart)
    fig = figures.decorate(chart.figure, title=title, subtitle=subtitle, caption=caption,
                           wrap=geo.caption_chars if geo.report else None)
    fig.update_layout(height=geo.height, width=geo.width, margin={"t": 170})
    fig = for_report(fig, geo)
    if geo.report:
        fig.update_layout(margin={"l": 110})
    content = render(fig, fmt, width=geo.width, scale=geo.scale, height=geo.height)
    return Export(content, f"{stem}.{fmt}", MIME[fmt], geo.words)


def write_export(engine: Engine, state: TimelineState, fmt: str, out: str | Path, *, width: int | None = None,
                 scale: float | None = None, size: str | None = None) -> Path:
    """``tracker export``: write the export to a file (its folder must exist). size: see geometry()."""
    out = Path(out)
    if out.is_dir():
        out = out / f"{file_stem(state)}.{fmt.lower()}"
    if not out.parent.is_dir():
        raise ExportError(f"the folder {out.parent} does not exist; create it or choose another --out")
    result = export_timeline(engine, state, fmt, width=width, scale=scale, size=size)
    out.write_bytes(result.content)
    return out
