"""How the dashboard goes over the wire: compressed, cacheable assets and a production WSGI server.

``prepare(app)`` (called by create_app) compresses responses with Flask-Compress (Brotli, else gzip)
and marks Dash's fingerprinted files immutable for a year: the ~5 MB of plotly.js and Dash's component
suites then cost about 1.4 MB once per browser, and nothing on a later visit. A file's compressed body
is kept in memory (it costs ~0.5 s of CPU to make for plotly.js), keyed by the file, not the URL, so
invented fingerprints cannot grow the cache. ``warm(app)`` makes those bodies in the background at
start-up, so the first visitor does not wait for them.

``serve(app, host, port)`` runs the app under waitress, a pure-Python production server (threads,
request limits, no debugger): `tracker serve` uses it, and Flask's development server only with
``--debug``. Ctrl+C or SIGTERM stops it after the requests in progress finish.
"""

from __future__ import annotations

import gc
import logging
import re
import signal
import threading

import dash
from dash.fingerprint import check_fingerprint
from flask import Request, Response, request
from flask_compress import Compress

from dashboard.statics import ASSETS, SUITES, KeptStatics, immutable_url

log = logging.getLogger(__name__)

A_YEAR = 365 * 24 * 3600
# What is worth compressing: scripts, styles, the page, callback replies (JSON), SVG icons.
COMPRESSED_TYPES = ["text/html", "text/css", "text/javascript", "application/javascript", "application/json",
                    "image/svg+xml", "text/plain", "text/csv"]
# Waitress's worker threads: enough for a page's parallel callbacks, a slow export and a few analysts.
THREADS = 8
# What browsers send (Chromium and Firefox, Safari), then each encoding alone: warm() prepares the
# files for each (KeptStatics keeps a file's response per Accept-Encoding header).
WARMED_ENCODINGS = ("gzip, deflate, br, zstd", "gzip, deflate, br", "br", "gzip")
# The asset URLs of the page, read from its HTML by warm().
ASSET_URL = re.compile(r'(?:src|href)="(/(?:_dash-component-suites|assets)/[^"]+)"')


def _static_file(req: Request) -> str | None:
    """The file a GET for a static file names (fingerprint and query left out), or None for anything else."""
    if req.method != "GET":
        return None
    if req.path.startswith(SUITES):
        return SUITES + check_fingerprint(req.path[len(SUITES):])[0]
    if req.path.startswith(ASSETS):
        return req.path
    return None


def _cache_key(req: Request) -> str:
    return f"static:{_static_file(req)}"


class StaticBodies:
    """Flask-Compress's cache of compressed bodies, holding those of static files only: a callback's
    reply is different every time, and keeping it would only fill memory."""

    def __init__(self) -> None:
        self._bodies: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self._bodies.get(key)

    def set(self, key: str, value: bytes) -> None:
        if not key.endswith("static:None"):
            self._bodies[key] = value


def _cache_headers(response: Response) -> Response:
    """Fingerprinted files never change under their URL: the browser keeps them a year without asking.
    (Dash sets max-age on them; immutable also spares the revalidation on a reload.)"""
    if request.method != "GET" or response.status_code != 200:
        return response
    if immutable_url(request.path, request.query_string.decode("latin-1")):
        response.cache_control.no_cache = None  # Flask's send_file sets it: asked again on every visit
        response.cache_control.public = True
        response.cache_control.max_age = A_YEAR
        response.cache_control.immutable = True
    return response


def prepare(app: dash.Dash) -> None:
    """Compression and cache headers on the app's Flask server (both servers use them), and plotly.js
    linked from the page itself.

    Dash loads plotly.js only once a chart is mounted (after the layout and the first callbacks), and
    from an address without a fingerprint, which the browser must revalidate on every visit. Linked
    from the page, its download starts with the other scripts and has a fingerprint, so it is cached
    as they are; the chart component uses the window.Plotly it finds.

    Babel's polyfill is left out (without_polyfill) and the runtime Dash needs of it linked instead.
    The plotly.js linked is dashboard/vendor's bundle of the dashboard's trace types (a fraction of the
    full bundle's start-up time in the browser) when it is the version plotly's Python package expects.
    """
    from dashboard import vendor, wire

    app.scripts.append_script(plotly_script())
    app.scripts.append_script({"relative_package_path": vendor.REGENERATOR, "namespace": vendor.__name__})
    server = app.server
    server.config.update(
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_MIMETYPES=COMPRESSED_TYPES,
        COMPRESS_BR_LEVEL=5,  # about gzip's speed and 5% smaller; the static bodies are made once
        COMPRESS_CACHE_BACKEND=StaticBodies,
        COMPRESS_CACHE_KEY=_cache_key,
    )
    server.after_request(_cache_headers)
    Compress(server)
    wire.compress_replies(server)  # callback replies: fast levels (after Compress, so it runs first)
    server.wsgi_app = KeptStatics(server.wsgi_app)  # static files answered from memory once served


# Babel's polyfill, which Dash links before React (see dashboard/vendor: the runtime it holds is linked instead).
POLYFILL_TAG = re.compile(r'<script src="[^"]*/deps/polyfill@[^"]*"></script>\n?')


def without_polyfill(scripts: str) -> str:
    """The page's script tags less Babel's polyfill (for TrackerDash.interpolate_index)."""
    return POLYFILL_TAG.sub("", scripts)


def plotly_script() -> dict[str, str]:
    """The Dash resource of the plotly.js the page links: the vendored bundle, or the full one
    shipped by plotly when the vendored file is another version (then tools/vendor_plotly.sh)."""
    from plotly.offline import get_plotlyjs_version

    from dashboard import vendor

    if vendor.__version__ == get_plotlyjs_version():
        return {"relative_package_path": vendor.BUNDLE, "namespace": vendor.__name__}
    log.warning("dashboard/vendor holds plotly.js %s, plotly expects %s: the full bundle is served "
                "(run tools/vendor_plotly.sh)", vendor.__version__, get_plotlyjs_version())
    return {"relative_package_path": "package_data/plotly.min.js", "namespace": "plotly"}


def warm(app: dash.Dash) -> threading.Thread:
    """Compress the page's scripts and styles now, in a background thread, for both encodings and
    the headers browsers send (KeptStatics then answers them from memory)."""

    def run() -> None:
        client = app.server.test_client()
        with app.server.test_request_context("/"):
            page = app.index()
        for encoding in WARMED_ENCODINGS:
            for url in ASSET_URL.findall(page):
                response = client.get(url, headers={"Accept-Encoding": encoding})
                if response.status_code != 200:  # e.g. a login in front of every path: warmed on first use
                    log.info("not pre-compressed: %s (HTTP %s)", url, response.status_code)
                response.close()

    thread = threading.Thread(target=run, name="compress-assets", daemon=True)
    thread.start()
    return thread


def serve(app: dash.Dash, host: str, port: int) -> None:
    """Serve the app with waitress until Ctrl+C or SIGTERM; the requests in progress finish first."""
    from waitress import create_server

    server = create_server(app.server, host=host, port=port, threads=THREADS)

    def stop(signum, _frame) -> None:
        # waitress's loop ends on SystemExit and waits for its worker threads (at most 5 s).
        raise SystemExit(0)

    previous = signal.signal(signal.SIGTERM, stop)
    # Dash sets itself up on its first request (the assets folder walked, the layout checked), but marks
    # that done before the walk: a page asked for during another request's walk (the warm-up's below)
    # came without its stylesheets and scripts. Set up here, before the server takes any request.
    with app.server.test_request_context("/"):
        app._setup_server()
    # What is built so far lives as long as the server (the libraries' modules, the app, its layouts):
    # frozen, the collector's full passes skip it. A 12,000-row timeline reply otherwise paid one
    # such pass in three requests, 50-80 ms each.
    gc.freeze()
    warm(app)
    try:
        server.run()
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.close()
