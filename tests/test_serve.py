"""`tracker serve` answers from the production server (waitress) with compressed, cacheable assets,
and stops cleanly on SIGTERM. One real server process on an empty database, asked over HTTP."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from plotly.offline import get_plotlyjs_version

ROOT = Path(__file__).resolve().parent.parent
A_YEAR = 365 * 24 * 3600


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, encoding: str | None = None):
    headers = {"Accept-Encoding": encoding} if encoding else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:
        return response.status, response.headers, response.read()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    port = _free_port()
    log = (folder / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "tracker.cli", "--db", str(folder / "t.db"), "serve",
                                "--port", str(port), "--inbox", str(folder / "inbox")],
                               stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            _get(base + "/")
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"tracker serve did not answer:\n{(folder / 'serve.log').read_text()}")
            time.sleep(0.2)
    yield base, process
    if process.poll() is None:
        process.kill()
        process.wait()
    log.close()


def test_the_production_server_answers(served):
    base, _ = served
    status, headers, _ = _get(base + "/")
    assert status == 200
    assert headers["Server"] == "waitress"  # not Werkzeug's development server


def test_plotly_js_is_compressed_and_cached_for_a_year(served):
    base, _ = served
    _, _, page = _get(base + "/")
    (plotly,) = re.findall(r'src="(/_dash-component-suites/[^"]*plotly[^"]+\.js)"', page.decode())
    plain = _get(base + plotly)[2]
    assert len(plain) > 1_000_000  # plotly.js, linked from the page with its fingerprint
    # The bundle of the dashboard's trace types (dashboard/vendor/__init__.py), of plotly's own version,
    # under V8's compile hint.
    assert plain[:200].decode().startswith("//# allFunctionsCalledOnLoad\n/**\n"
                                           f"* plotly.js (scatter, heatmap - minified) v{get_plotlyjs_version()}\n")
    for encoding in ("br", "gzip"):
        status, headers, body = _get(base + plotly, encoding)
        assert status == 200 and headers["Content-Encoding"] == encoding
        assert len(body) < len(plain) / 2
        cache = headers["Cache-Control"]
        assert "immutable" in cache and f"max-age={A_YEAR}" in cache
    _, headers, _ = _get(base + "/", "gzip")
    assert headers["Content-Encoding"] == "gzip" and "Cache-Control" not in headers  # the page itself is not kept


def test_the_stylesheet_is_kept_without_asking_again(served):
    base, _ = served
    _, _, page = _get(base + "/")
    (css,) = re.findall(r'href="(/assets/style\.css\?m=[^"]+)"', page.decode())  # a new address when it changes
    cache = _get(base + css)[1]["Cache-Control"]
    assert "no-cache" not in cache and "immutable" in cache and f"max-age={A_YEAR}" in cache


def test_sigterm_stops_it_cleanly(served):
    _, process = served
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0
