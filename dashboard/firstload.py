"""The first visit, in as few sequential round trips as the browser allows.

Dash's page goes: the HTML, its scripts, then ``/_dash-layout`` and ``/_dash-dependencies``, then the
router's callback (the page's content, asked once dcc.Location has read the address), then the lazy
chunks of the components that content holds (dropdown, date picker, graph), and only then the chart.
What cuts that chain:

- the layout already holds the page: the browser asks for ``/_dash-layout`` from the page it shows,
  and names it in the Referer header, so the shell is built with that page's content inside
  (``requested_page``); the router's gate (``ROUTE_GATE``, in the browser) then finds it there and
  asks the server nothing;
- preload hints (``preload_links``): the layout and the dependencies download while the scripts run,
  instead of one after the other once they have run;
- the lazy chunks linked as page scripts (``link_chunks``): webpack finds them installed when the
  first render asks for them, instead of adding their script tags then and waiting for them to run
  after the render (at 1M observations the chart was drawn about 0.1-0.3 s after the controls);
- the scripts in the order that runs them soonest (``page_scripts``): plotly.js, the largest, last
  and asynchronous, compiled while the renderer renders the page;
- the layout's reply kept per data version and page (``KeptLayouts``): every visit to the same page
  gets the same JSON, made once (building and encoding it took 0.1-0.5 s, by when the browser asked).

The article page is left to the router: it needs the browser's session store (the timeline to go
back to), which the layout's request does not carry.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from urllib.parse import urlsplit

import flask

# The dcc lazy chunks the pages mount (the shell's upload, the controls' dropdowns and date picker,
# the chart), which webpack would fetch from dcc's folder once a component needs them (170 KB, 40 KB
# compressed; the markdown, slider and mathjax chunks stay lazy).
DCC_CHUNKS = ("upload", "dropdown", "datepicker", "graph")
DCC_CHUNK_FILE = "dcc/async-{}.js"
# dash_table's loader, which Dash links on every page: no page of ours has a table.
TABLE_TAG = re.compile(r'<script src="[^"]*/dash_table/bundle[^"]*"></script>\n?')
# plotly.js (the vendored bundle, or plotly's own when that is served instead).
PLOTLY_TAG = re.compile(r'<script src="([^"]*/plotly[^"/]*\.js)"></script>\n?')
# The pages the layout can hold from the address alone.
PRERENDERED_PATHS = ("/", "/matrix", "/alerts")


def preload_links(app) -> str:
    """The <link rel="preload"> tags of what Dash's renderer asks for after its scripts have run.

    As ``fetch`` with ``crossorigin`` (same-origin credentials, CORS mode): how the renderer's own
    fetch asks, so Chromium hands it the preloaded reply instead of asking again.
    """
    fetched = [f'<link rel="preload" href="{app.get_relative_path(path)}" as="fetch" crossorigin>'
               for path in ("/_dash-layout", "/_dash-dependencies")]
    return "\n        ".join(fetched)


def link_chunks(app) -> None:
    """The dcc lazy chunks the pages mount, linked as page scripts (fingerprinted, so cached a year).
    A chunk run before webpack asks for it is installed (its JSONP array), and never fetched again."""
    for name in DCC_CHUNKS:
        app.scripts.append_script({"relative_package_path": DCC_CHUNK_FILE.format(name), "namespace": "dash"})


# Until plotly.js has run, window.Plotly is a promise-like of it: dcc.Graph waits on whatever
# window.Plotly holds (``Promise.resolve(window.Plotly || <a script of its own>)``), so it waits for
# this script instead of fetching and running plotly.js a second time. plotly.js sets window.Plotly
# to itself as it runs, then the script's load event settles the wait.
PLOTLY_PENDING = """<script>
window.Plotly = window.Plotly || {then: function (resolve, reject) {
    var script = document.getElementById('plotly-js');
    var settle = function () { return window.Plotly && window.Plotly.newPlot ? resolve() : reject(new Error('plotly.js did not load')); };
    if (window.Plotly && window.Plotly.newPlot) { resolve(); return; }
    script.addEventListener('load', settle);
    script.addEventListener('error', settle);
}};
</script>"""


def page_scripts(scripts: str) -> str:
    """The page's script tags, dash_table's left out and plotly.js last, loaded asynchronously.

    Scripts run in the order of their tags, each once it has arrived: plotly.js (1.5 MB, the longest
    to arrive and to compile) held back Dash's renderer until it had run. Asynchronous, it compiles
    on a background thread while the renderer reads the layout and renders the page, and runs as
    soon as it is compiled; the chart waits for it (PLOTLY_PENDING).
    """
    scripts = TABLE_TAG.sub("", scripts)
    plotly = PLOTLY_TAG.search(scripts)
    if plotly is None:
        return scripts
    tag = f'{PLOTLY_PENDING}\n<script async id="plotly-js" src="{plotly.group(1)}"></script>'
    return PLOTLY_TAG.sub("", scripts, count=1).rstrip("\n") + "\n" + tag


def requested_page() -> tuple[str, str] | None:
    """(path, query string with its '?') of the page the current request for the layout comes from,
    as the browser's Referer names it; None when it does not (no request, no Referer, another host)
    or for a page the layout does not hold."""
    if not flask.has_request_context():
        return None
    referrer = flask.request.referrer
    if not referrer:
        return None
    parts = urlsplit(referrer)
    if parts.netloc != flask.request.host:
        return None
    path = parts.path or "/"
    if path != "/":
        path = path.rstrip("/")
    if path not in PRERENDERED_PATHS:
        return None
    return path, f"?{parts.query}" if parts.query else ""


def page_key(pathname: str | None, search: str | None) -> str:
    """What identifies a page's address for the router: path and query string."""
    path = pathname or "/"
    if path != "/":
        path = path.rstrip("/")
    return path + (search or "")


# The router's gate, run in the browser on every change of the address (and as the page opens): the
# address to render into the ROUTE store, which the router (a server callback) listens to, unless the
# layout came with its page (PRERENDERED, page_key's form), which it then forgets: a later visit to
# the same address is rendered anew.
ROUTE_GATE = """function (pathname, search, prerendered) {
    const noUpdate = window.dash_clientside.no_update;
    if (pathname === undefined || pathname === null) { return [noUpdate, noUpdate]; }
    const path = pathname === '/' ? '/' : (pathname.replace(/\\/+$/, '') || '/');
    if (prerendered && prerendered === path + (search || '')) { return [noUpdate, null]; }
    return [{pathname: pathname, search: search || ''}, prerendered ? null : noUpdate];
}"""


def same_origin_referrer(response: flask.Response) -> flask.Response:
    """The page's address goes with the browser's requests to this server (requested_page reads it),
    and to no other site: the browsers' default already, said explicitly."""
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


class KeptLayouts:
    """The layout's JSON per key (the data version and the page asked for, what the shell depends on),
    and its compressed bodies per key and encoding: the KEPT latest, so that a visit finds its reply
    made instead of building, encoding and compressing it again."""

    KEPT = 16

    def __init__(self) -> None:
        self._kept: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        body = make()
        with self._lock:
            self._kept[key] = body
            while len(self._kept) > self.KEPT:
                self._kept.popitem(last=False)
        return body
