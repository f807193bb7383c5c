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
DEFAULT_WIDTH, DEFAULT_SCALE = 1600, 2
MIN_WIDTH, MAX_WIDTH = 400, 4000
MAX_SCALE = 4
# Height follows the width: a wide chart for a report page, with room for the title and caption.
ASPECT = 0.6

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


def file_stem(state: TimelineState) -> str:
    pairs = "_".join(state.pairs) or "timeline"
    span = "-".join(d.isoformat() for d in (state.start, state.end) if d)
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", f"tension_{pairs}_{state.freq}" + (f"_{span}" if span else ""))


def export_timeline(engine: Engine, state: TimelineState, fmt: str, *, width: int = DEFAULT_WIDTH,
                    scale: float = DEFAULT_SCALE) -> Export:
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
    width, scale = check_size(width, scale)
    title, subtitle, caption = export_titles(engine, chart)
    height = int(width * ASPECT)
    fig = figures.decorate(chart.figure, title=title, subtitle=subtitle, caption=caption)
    fig.update_layout(height=height, width=width)
    return Export(render(fig, fmt, width=width, scale=scale, height=height), f"{stem}.{fmt}", MIME[fmt])


def export_matrix(engine: Engine, span: str, first: date, lang: str, fmt: str, *, width: int = DEFAULT_WIDTH,
                  scale: float = DEFAULT_SCALE) -> Export:
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
    width, scale = check_size(width, scale)
    title, subtitle, caption = matrix_titles(engine, chart)
    height = max(int(width * 0.75), 500)
    fig = figures.decorate(chart.figure, title=title, subtitle=subtitle, caption=caption)
    fig.update_layout(height=height, width=width, margin={"t": 170})
    return Export(render(fig, fmt, width=width, scale=scale, height=height), f"{stem}.{fmt}", MIME[fmt])


def write_export(engine: Engine, state: TimelineState, fmt: str, out: str | Path, *, width: int = DEFAULT_WIDTH,
                 scale: float = DEFAULT_SCALE) -> Path:
    """``tracker export``: write the export to a file (its folder must exist)."""
    out = Path(out)
    if out.is_dir():
        out = out / f"{file_stem(state)}.{fmt.lower()}"
    if not out.parent.is_dir():
        raise ExportError(f"the folder {out.parent} does not exist; create it or choose another --out")
    result = export_timeline(engine, state, fmt, width=width, scale=scale)
    out.write_bytes(result.content)
    return out
