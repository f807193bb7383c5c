"""A web site on 127.0.0.1 for the feed and page tests: invented feeds and pages, served by the
standard library's http.server in a thread, with a log of every request it answered.

Every text here is invented for the tests (and marked so in the pages' <meta name="note">).
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0  # seconds before answering (a slow server)
    headers: dict[str, str] = field(default_factory=dict)  # e.g. Location for a redirect
    length: bool = True  # send Content-Length (else the body ends when the connection closes)
    validators: bool = True  # send an ETag, and answer 304 when it is asked for again


@dataclass
class Request:
    path: str
    headers: dict[str, str]


class Site:
    """Routes by path; ``requests`` lists what was asked, in order."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, body: str | bytes, **options) -> str:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **options)
        return self.url(path)

    def asked(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def start(self) -> Site:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 -- http.server's name
            site.requests.append(Request(self.path, dict(self.headers.items())))
            route = site.routes.get(self.path.split("?")[0])
            if route is None:
                self._answer(404, b"<html><body>Not found</body></html>", "text/html", {})
                return
            if route.delay:
                time.sleep(route.delay)
            headers = dict(route.headers)
            if route.validators and route.status == 200:
                etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
                headers["ETag"] = etag
                if self.headers.get("If-None-Match") == etag:
                    self._answer(304, b"", "", headers)
                    return
            self._answer(route.status, route.body, route.content_type, headers, length=route.length)

        def _answer(self, status: int, body: bytes, content_type: str, headers: dict, length: bool = True) -> None:
            try:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                if length:
                    self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout, size limit): that is what the test checks

        def log_message(self, *_args) -> None:
            pass

    return Handler


def article_page(title: str, paragraphs: list[str], *, published: str | None = "2026-03-02",
                 site_name: str | None = "The Invented Courier") -> str:
    """An invented news page: a menu and a footer around the article, as on a real site."""
    meta = [f'<meta property="og:site_name" content="{site_name}">' if site_name else "",
            f'<meta property="article:published_time" content="{published}">' if published else ""]
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="note" content="invented example for the tests">
{''.join(meta)}
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
{body}
</article>
<footer>Invented footer. Contact us. Terms.</footer>
</body></html>"""


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of (title, link, guid) items, dated 2 March 2026."""
    entries = "\n".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{guid}</guid>"
        "<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>"
        for t, link, guid in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{title}</title><link>http://127.0.0.1/</link>
<description>Invented feed for the tests</description>
{entries}
</channel></rss>"""


def atom(title: str, items: list[tuple[str, str, str]]) -> str:
    """An Atom 1.0 feed of (title, link, id) items."""
    entries = "\n".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>{guid}</id><updated>2026-03-02T09:00:00Z</updated></entry>'
        for t, link, guid in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><id>urn:invented:feed</id>
<updated>2026-03-02T09:00:00Z</updated>
{entries}
</feed>"""
