"""A first visit's files come from memory once served (dashboard/statics.py), and its layout is
compressed once per page and encoding (dashboard/app.py TrackerDash.serve_layout)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from dashboard.app import create_app
from dashboard.statics import VARIANTS_PER_FILE, KeptStatics
from dashboard.wire import zstd
from tracker.store import open_store

BROWSER = {"Accept-Encoding": "gzip, deflate, br, zstd"}


def _app(tmp_path: Path):
    open_store(str(tmp_path / "t.db")).close()
    app = create_app(str(tmp_path / "t.db"), inbox=tmp_path / "inbox", warm_export=False)
    reached: list[str] = []  # the static requests that reached Flask

    @app.server.before_request
    def count():
        from flask import request

        if request.path.startswith(("/_dash-component-suites/", "/assets/")):
            reached.append(request.full_path)

    return app, reached


def test_immutable_files_are_answered_from_memory_after_the_first(tmp_path: Path):
    app, reached = _app(tmp_path)
    client = app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    (plotly,) = re.findall(r'src="(/_dash-component-suites/[^"]*plotly[^"]+\.js)"', page)
    (css,) = re.findall(r'href="(/assets/style\.css\?m=[^"]+)"', page)
    for url in (plotly, css):
        first, again = client.get(url, headers=BROWSER), client.get(url, headers=BROWSER)
        assert first.status_code == again.status_code == 200
        assert first.get_data() == again.get_data() and dict(first.headers) == dict(again.headers)
        assert "immutable" in again.headers["Cache-Control"] and "Content-Encoding" in again.headers
    assert len(reached) == 2  # the second request of each never reached Flask
    # Another version of a file is another URL: an edited asset is never served stale, and its answer
    # replaces the old one.
    client.get(css.replace("?m=", "?m=1"), headers=BROWSER)
    assert len(reached) == 3
    client.get(css, headers=BROWSER)
    assert len(reached) == 4


def test_invented_versions_and_encodings_cannot_grow_what_is_kept(tmp_path: Path):
    app, reached = _app(tmp_path)
    client = app.server.test_client()
    kept = app.server.wsgi_app
    assert isinstance(kept, KeptStatics)
    for n in range(10):
        client.get(f"/assets/style.css?m={n}", headers=BROWSER)
    assert len(kept) == 1  # each new version replaced the one before
    for n in range(10):
        assert client.get("/assets/style.css?m=9", headers={"Accept-Encoding": f"gzip;q=0.{n}"}).status_code == 200
    assert len(kept) == VARIANTS_PER_FILE  # a few variants, not one per header sent
    assert len(reached) == 20


def test_what_may_differ_goes_to_flask_every_time(tmp_path: Path):
    app, reached = _app(tmp_path)
    client = app.server.test_client()
    for _ in range(2):
        client.get("/assets/style.css", headers=BROWSER)  # no version: the browser revalidates it
        client.get("/assets/style.css?m=1", headers={**BROWSER, "If-None-Match": '"x"'})  # conditional
        client.get("/assets/style.css?m=1", headers={**BROWSER, "Range": "bytes=0-10"})  # ranged
    assert len(reached) == 6
    # Nothing past the byte budget is kept: later files are served by Flask, correctly.
    small = KeptStatics(app.server.wsgi_app.app, limit=10)
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/assets/style.css", "QUERY_STRING": "m=1",
               "HTTP_ACCEPT_ENCODING": "gzip", "SERVER_NAME": "localhost", "SERVER_PORT": "80",
               "wsgi.url_scheme": "http", "wsgi.input": None}
    statuses: list[str] = []
    body = b"".join(small(dict(environ), lambda status, headers, exc_info=None: statuses.append(status)))
    assert statuses == ["200 OK"] and body and small.kept_bytes == 0


def test_the_layout_is_compressed_once_in_the_encoding_asked(tmp_path: Path):
    app, _ = _app(tmp_path)
    client = app.server.test_client()
    plain = client.get("/_dash-layout", headers={"Referer": "http://localhost/"})
    assert "Content-Encoding" not in plain.headers
    packed = client.get("/_dash-layout", headers={**BROWSER, "Referer": "http://localhost/"})
    assert packed.headers["Content-Encoding"] == "zstd" and "Accept-Encoding" in packed.headers["Vary"]
    assert json.loads(zstd.decompress(packed.get_data())) == plain.get_json()
    kept = app.kept_layouts
    assert kept is not None and any(isinstance(k, tuple) and k[-1] == "zstd" for k in kept._kept)
    made = len(kept._kept)
    again = client.get("/_dash-layout", headers={**BROWSER, "Referer": "http://localhost/"})
    assert again.get_data() == packed.get_data()
    assert len(kept._kept) == made  # answered from what was kept, nothing compressed anew
