"""Static files answered without Flask once it has served them: a first visit's scripts arrive sooner.

A first visit asks for about twenty scripts and styles at once. Each went through Flask, Dash's
file handler (which reads the file from disk again, plotly.js's 1.1 MB included), Flask-Compress
and the after-request hooks: 2-10 ms of Python each, one at a time under the GIL, so the last
script arrived 0.1-0.3 s after the first while the browser waited for it to run the page.

``KeptStatics`` wraps the Flask app (``server.prepare`` installs it): the first 200 response to a
GET for a file that never changes under its URL (Dash's fingerprinted scripts and the assets with
their ``?m=`` version, which Flask marks ``immutable``) is kept, bytes and headers, per file and
Accept-Encoding header, and later requests for that URL are answered from there. A file changed on
disk has a new URL (its fingerprint or ``m=`` holds its modification time): the new URL's answer
replaces the old one, so nothing stale is served and invented versions cannot add entries. What
Flask would not answer the same to everyone is never kept: a conditional or ranged request, another
status, a response that sets a cookie. The files are public (login.py lets them through), so what
is kept is bounded: a few Accept-Encoding variants per file (browsers send one or two), and
KEPT_BYTES in all; past either, requests are simply served by Flask again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from urllib.parse import parse_qs

from dash.fingerprint import check_fingerprint

SUITES = "/_dash-component-suites/"
ASSETS = "/assets/"
# Requests whose answer depends on more than the URL and the encodings accepted.
UNKEPT_HEADERS = ("HTTP_RANGE", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH",
                  "HTTP_IF_UNMODIFIED_SINCE", "HTTP_IF_RANGE")
# The page's files take about 1.5 MB per encoding header; past this, responses are served by Flask, unkept.
KEPT_BYTES = 32 * 1024 * 1024
# Accept-Encoding headers kept per file: those of the browsers in use; invented ones are served by Flask.
VARIANTS_PER_FILE = 4

WsgiApp = Callable[[dict, Callable], Iterable[bytes]]


def immutable_url(path: str, query: str) -> bool:
    """Whether a static file's URL names one version of it for good: Dash's fingerprinted component
    scripts, and the assets Dash's index links with ?m=<modification time> (server.py marks both immutable)."""
    if path.startswith(SUITES):
        return bool(check_fingerprint(path[len(SUITES):])[1])
    return path.startswith(ASSETS) and "m" in parse_qs(query, keep_blank_values=True)


def kept_file(environ: dict) -> tuple[str, str] | None:
    """(path, query) of a plain GET for an immutable URL (None for any other request)."""
    if environ.get("REQUEST_METHOD") != "GET" or any(h in environ for h in UNKEPT_HEADERS):
        return None
    path, query = environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")
    return (path, query) if immutable_url(path, query) else None


class KeptStatics:
    """WSGI middleware: immutable static responses answered from memory after the first (see above)."""

    def __init__(self, app: WsgiApp, limit: int = KEPT_BYTES) -> None:
        self.app = app
        self.limit = limit
        self.kept_bytes = 0
        # (path, Accept-Encoding) -> (query, status, headers, body): the latest version served.
        self._kept: dict[tuple[str, str], tuple[str, str, list[tuple[str, str]], bytes]] = {}
        self._variants: dict[str, int] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many answers are kept."""
        return len(self._kept)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        url = kept_file(environ)
        if url is None:
            return self.app(environ, start_response)
        path, query = url
        key = (path, environ.get("HTTP_ACCEPT_ENCODING", ""))
        kept = self._kept.get(key)
        if kept is not None and kept[0] == query:
            _, status, headers, body = kept
            start_response(status, list(headers))
            return [body]
        return self._first(key, query, environ, start_response)

    def _first(self, key: tuple[str, str], query: str, environ: dict, start_response: Callable) -> Iterable[bytes]:
        """Flask's answer, passed on and kept when it is the same for everyone and never changes."""
        answer: dict = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info=None):
            answer["status"], answer["headers"] = status, headers
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        chunks = self.app(environ, capture)
        try:
            body = b"".join(chunks)
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()
        headers = answer.get("headers", [])
        names = {h.lower(): v for h, v in headers}
        if (answer.get("status", "").startswith("200") and "set-cookie" not in names
                and "immutable" in names.get("cache-control", "")):
            self._keep(key, (query, answer["status"], list(headers), body))
        return [body]

    def _keep(self, key: tuple[str, str], entry: tuple[str, str, list[tuple[str, str]], bytes]) -> None:
        with self._lock:
            old = self._kept.get(key)
            if old is None and self._variants.get(key[0], 0) >= VARIANTS_PER_FILE:
                return
            freed = len(old[3]) if old is not None else 0
            if self.kept_bytes - freed + len(entry[3]) > self.limit:
                return
            self._kept[key] = entry
            self.kept_bytes += len(entry[3]) - freed
            if old is None:
                self._variants[key[0]] = self._variants.get(key[0], 0) + 1
