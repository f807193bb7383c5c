"""Static files answered without Flask once it has served them: a first visit's scripts arrive sooner.

A first visit asks for about twenty scripts and styles at once. Each went through Flask, Dash's
file handler (which reads the file from disk again, plotly.js's 1.1 MB included), Flask-Compress
and the after-request hooks: 2-10 ms of Python each, one at a time under the GIL, so the last
script arrived 0.1-0.3 s after the first while the browser waited for it to run the page.

``KeptStatics`` wraps the Flask app (``server.prepare`` installs it): the first 200 response to a
GET for a file that never changes under its URL (Dash's fingerprinted scripts and the assets with
their ``?m=`` version, which Flask marks ``immutable``) is kept, bytes and headers, per URL and
Accept-Encoding header, and every later request for it is answered from there. A file changed on
disk has a new URL (its fingerprint or ``m=`` holds its modification time), so nothing stale is
served. What Flask would not answer the same to everyone is never kept: a conditional or ranged
request, another status, a response that sets a cookie. The files are public (login.py lets them
through), and the bytes kept are bounded: past KEPT_BYTES (invented fingerprints, say), requests
are simply served by Flask again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from dash.fingerprint import check_fingerprint

SUITES = "/_dash-component-suites/"
ASSETS = "/assets/"
# Requests whose answer depends on more than the URL and the encodings accepted.
UNKEPT_HEADERS = ("HTTP_RANGE", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH",
                  "HTTP_IF_UNMODIFIED_SINCE", "HTTP_IF_RANGE")
# The page's files take about 1.5 MB per encoding header; past this, responses are served by Flask, unkept.
KEPT_BYTES = 32 * 1024 * 1024

WsgiApp = Callable[[dict, Callable], Iterable[bytes]]


def kept_url(environ: dict) -> str | None:
    """The URL of a GET for a fingerprinted or versioned file (None for any other request)."""
    if environ.get("REQUEST_METHOD") != "GET" or any(h in environ for h in UNKEPT_HEADERS):
        return None
    path, query = environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")
    if path.startswith(SUITES) and check_fingerprint(path[len(SUITES):])[1]:
        return f"{path}?{query}"
    if path.startswith(ASSETS) and "m=" in query:
        return f"{path}?{query}"
    return None


class KeptStatics:
    """WSGI middleware: immutable static responses answered from memory after the first (see above)."""

    def __init__(self, app: WsgiApp, limit: int = KEPT_BYTES) -> None:
        self.app = app
        self.limit = limit
        self.kept_bytes = 0
        self._kept: dict[tuple[str, str], tuple[str, list[tuple[str, str]], bytes]] = {}
        self._lock = threading.Lock()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        url = kept_url(environ)
        if url is None:
            return self.app(environ, start_response)
        key = (url, environ.get("HTTP_ACCEPT_ENCODING", ""))
        kept = self._kept.get(key)
        if kept is not None:
            status, headers, body = kept
            start_response(status, list(headers))
            return [body]
        return self._first(key, environ, start_response)

    def _first(self, key: tuple[str, str], environ: dict, start_response: Callable) -> Iterable[bytes]:
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
            with self._lock:
                if key not in self._kept and self.kept_bytes + len(body) <= self.limit:
                    self._kept[key] = (answer["status"], list(headers), body)
                    self.kept_bytes += len(body)
        return [body]
