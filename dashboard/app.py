"""The Dash app: ``create_app(db)`` builds it; ``tracker serve`` runs it.

One ``dcc.Location`` routes between the pages (timeline ``/``, matrix ``/matrix``, article
``/article/ID?s=IDX``); each page module holds its layout and its callbacks. The view state lives
in the URL's query string, so the router builds a page straight from it and a bookmark restores it.

Live refresh: a ``dcc.Interval`` reads the data version (data.data_version: the store's generation) and
stores it only when it changed; every callback that shows data takes that store as an Input, so new
articles appear within seconds while the user's choices (held in the controls) stay as they are.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import logging
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dash
import flask
import pandas as pd
from dash import Input, Output, State, dcc, html, no_update
from dash._utils import to_json
from sqlalchemy.exc import SQLAlchemyError

from dashboard import data, figures, firstload, ids, server, wire
from dashboard.brief import route as brief_route
from dashboard.login import LoginSettings, install_login
from dashboard.pages import alerts, article, matrix, timeline
from dashboard.state import LANGS, pair_label
from tracker.store import Store, open_store

log = logging.getLogger(__name__)

# Stylesheet, scripts and icon: package data, so an installed wheel serves them as the checkout does.
ASSETS = Path(__file__).resolve().parent / "assets"
# How often the page asks whether new articles landed ($TRACKER_POLL_SECONDS; the browser tests use 1).
POLL_SECONDS = float(os.environ.get("TRACKER_POLL_SECONDS") or 5)
# How many computed views (charts) AppContext.kept holds: the page everyone opens on and a few recent
# views. A chart is 0.1-1 MB in memory; a day view of three busy pairs over twelve years, 6.5 MB.
KEPT = 8
# How many pairs' whole periods (at one granularity) AppContext.timeline keeps: a busy pair's days
# over twelve years are 4,400 rows, about 0.4 MB.
SERIES_KEPT = 48
ARTICLE_PATH = re.compile(r"/article/(\d{1,18})/?")  # longer is no article id (SQL integers stop at 2**63)


@dataclass
class AppContext:
    """What the callbacks share: the store, the drop folder, and caches keyed by the data version."""

    store: Store
    inbox: Path
    _pairs: tuple[str, pd.DataFrame] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _kept: OrderedDict[tuple, Any] = field(default_factory=OrderedDict, repr=False)
    _series: OrderedDict[tuple, Any] = field(default_factory=OrderedDict, repr=False)
    _computing: threading.local = field(default_factory=threading.local, repr=False)

    @property
    def engine(self):
        return self.store.engine

    def version(self) -> str:
        """The data version; inside a kept computation, the one it is kept under (a query the less per read)."""
        return getattr(self._computing, "token", None) or data.data_version(self.engine).token

    def pairs(self) -> pd.DataFrame:
        """data.pairs_by_volume, computed once per data version (it is the heaviest query of a page load)."""
        token = self.version()
        with self._lock:
            if self._pairs is not None and self._pairs[0] == token:
                return self._pairs[1]
        frame = data.pairs_by_volume(self.engine)
        with self._lock:
            self._pairs = (token, frame)
        return frame

    def kept(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """compute()'s value for key, kept while the data version stays the same (the KEPT latest keys):
        every visit opens on the same view, and its chart need not be read and drawn again."""
        return self._keep(self._kept, KEPT, key, compute)

    def timeline(self, pairs, freq: str, start=None, end=None) -> pd.DataFrame:
        """data.timeline, from each pair's whole periods kept while the data stay the same (the
        SERIES_KEPT latest pairs and granularities): a pair added, a range or smoothing changed, reads
        only what is new."""
        # A view of the whole span reads and keeps all of a pair's periods anyway; a range reads its own
        # periods of the pairs not kept (a week of days, not twelve years of them).
        whole_span = start is None and end is None
        kept = self._keep_each(("periods", freq), list(pairs), lambda missing: data.timeline(self.engine, missing, freq),
                               read_missing=whole_span)
        return data.timeline_from(kept, self.engine, pairs, freq, start, end)

    def events(self, pairs, start=None, end=None) -> pd.DataFrame:
        """data.events, each pair's kept (with the SERIES_KEPT latest pairs and ranges) while the data
        stay the same: a pair added to a comparison reads its own markers only."""
        ordered = sorted(set(pairs))  # data.events' order
        kept = self._keep_each(("events", start, end), ordered,
                               lambda missing: data.events(self.engine, missing, start, end))
        found = [kept[pair] for pair in ordered if len(kept[pair])]
        if not found:
            return data.events(self.engine, [], start, end)  # its empty frame
        return found[0] if len(found) == 1 else pd.concat(found, ignore_index=True)

    def _keep_each(self, kind: tuple, pairs: list[str], read: Callable[[list[str]], pd.DataFrame],
                   read_missing: bool = True) -> dict[str, pd.DataFrame]:
        """Each pair's rows of read(pairs) (a frame with a pair column), kept per pair and data version
        (SERIES_KEPT of them): the pairs not kept are read together, in one read(missing); without
        read_missing, the pairs kept only."""
        token = self.version()
        found: dict[str, pd.DataFrame] = {}
        with self._lock:
            for pair in pairs:
                if (token, kind, pair) in self._series:
                    self._series.move_to_end((token, kind, pair))
                    found[pair] = self._series[(token, kind, pair)]
        missing = [pair for pair in pairs if pair not in found]
        if not missing or not read_missing:
            return found
        rows = read(missing)
        for pair in missing:
            found[pair] = rows[rows["pair"] == pair].reset_index(drop=True)
        with self._lock:
            for pair in missing:
                self._series[(token, kind, pair)] = found[pair]
            while len(self._series) > SERIES_KEPT:
                self._series.popitem(last=False)
        return found

    def _keep(self, kept: OrderedDict[tuple, Any], limit: int, key: tuple, compute: Callable[[], Any]) -> Any:
        token = self.version()
        full_key = (token, *key)
        with self._lock:
            if full_key in kept:
                kept.move_to_end(full_key)
                return kept[full_key]
        outer = getattr(self._computing, "token", None)
        self._computing.token = token  # what compute() reads is kept under this version
        try:
            value = compute()
        finally:
            self._computing.token = outer
        with self._lock:
            kept[full_key] = value
            while len(kept) > limit:
                kept.popitem(last=False)
        return value


class TrackerDash(dash.Dash):
    """dash.Dash whose ``run`` binds 127.0.0.1 unless told otherwise (Dash itself reads $HOST), and
    whose layout replies are kept per ``layout_key()`` (firstload.KeptLayouts) when it is set."""

    layout_key: Callable[[], Any] | None = None
    kept_layouts: firstload.KeptLayouts | None = None

    def serve_layout(self):
        if self.layout_key is None or self.kept_layouts is None:
            return super().serve_layout()
        key = self.layout_key()
        body = self.kept_layouts.get(key, lambda: to_json(self.get_layout()).encode())
        # Compressed once per page and encoding too (0.1 MB: 5-40 ms of Brotli a visit, as the page waited).
        encoding = wire.reply_encoding(flask.request.headers.get("Accept-Encoding", ""))
        response = self.backend.make_response(body, mimetype="application/json")
        response.vary.add("Accept-Encoding")
        if encoding is not None and len(body) >= wire.SMALLEST:
            response.set_data(self.kept_layouts.get((key, encoding), lambda: wire.ENCODERS[encoding](body)))
            response.headers["Content-Encoding"] = encoding
        return response

    def run(self, host: str = "127.0.0.1", port: int | str = 8050, **kwargs):  # type: ignore[override]
        kwargs.setdefault("debug", False)
        # Dash's dev tools may ask plotly's server for the latest version: nothing leaves this machine.
        kwargs.setdefault("dev_tools_disable_version_check", True)
        return super().run(host=host, port=port, **kwargs)

    def interpolate_index(self, metas="", title="", css="", config="", scripts="", app_entry="", favicon="",
                          renderer=""):
        """Dash's page, less Babel's polyfill (server.without_polyfill), its scripts in the order
        that runs them soonest (firstload.page_scripts)."""
        scripts = firstload.page_scripts(server.without_polyfill(scripts))
        return super().interpolate_index(metas, title, css, config, scripts, app_entry, favicon, renderer)


def _favicon_links() -> str:
    return '<link rel="icon" type="image/svg+xml" href="/assets/favicon.svg">'


INDEX = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        FAVICON
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
            PRELOADS
        </footer>
    </body>
</html>""".replace("FAVICON", _favicon_links())


def create_app(db: str | None = None, *, inbox: str | Path | None = None, warm_export: bool = True,
               poll_seconds: float = POLL_SECONDS, login: LoginSettings | None = None) -> TrackerDash:
    """The dashboard over the database ``db`` (a path or URL; None: $TRACKER_DB or the default file).

    inbox: the drop folder uploads are written to (default: tracker.ingest.dropfolder.default_inbox(db)).
    warm_export: start Chromium for image export in the background now, so the first export is fast.
    login: ask for a signed-in user (dashboard/login.py) on every request but the static files.
    """
    store = open_store(db)
    if inbox is None:
        from tracker.ingest.dropfolder import default_inbox

        inbox = default_inbox(db)
    ctx = AppContext(store, Path(inbox))
    app = TrackerDash(
        __name__,
        title="Tension tracker",
        update_title="",  # no "Updating..." in the tab title while callbacks run
        suppress_callback_exceptions=True,
        on_error=_callback_failed,
        assets_folder=str(ASSETS),
        assets_ignore=r"^login\.css$",  # the sign-in page's own (dashboard/login.py links it), served all the same
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.index_string = INDEX.replace("PRELOADS", firstload.preload_links(app))
    app.server.after_request(firstload.same_origin_referrer)
    _refuse_bad_requests(app)
    firstload.link_chunks(app)
    server.prepare(app)  # compressed responses, immutable fingerprinted files
    if login is not None:
        install_login(app.server, store.engine, login)
    # A function: each page load gets the data version of its time, so the first poll changes nothing.
    app.layout = functools.partial(_shell, ctx, poll_seconds, signout=login is not None)
    app.layout_key = lambda: (ctx.version(), firstload.requested_page())
    app.kept_layouts = firstload.KeptLayouts()
    _register_shell(app, ctx)
    timeline.register(app, ctx)
    brief_route.register(app.server, lambda: ctx.engine)
    matrix.register(app, ctx)
    article.register(app, ctx)
    alerts.register(app, ctx)
    # The pair list (the heaviest query of a page) and the first page's chart are ready before the
    # first visitor asks for them.
    threading.Thread(target=_warm_pairs, args=(ctx,), name="pairs-warmup", daemon=True).start()
    if warm_export:
        threading.Thread(target=_warm_export, name="kaleido-warmup", daemon=True).start()
    return app


def _callback_failed(error: Exception) -> None:
    """A callback given values it cannot use (a crafted start date 'notadate', a smoothing of
    1e20): the page keeps what it shows and says what was wrong, instead of an HTTP 500."""
    log.warning("a dashboard request was refused: %s: %s", type(error).__name__, error)
    dash.set_props(ids.UPLOAD_RESULT, {"children": html.Div(
        className="upload-error",
        children=f"That request could not be shown ({type(error).__name__}: {str(error)[:200]}); "
                 "check the values in the address or the controls and try again.",
    )})


def _refuse_bad_requests(app: dash.Dash) -> None:
    """A request for a file Dash does not serve (/_dash-component-suites/../../etc/passwd) is a
    404 with a word, not a 500: Dash raises DependencyException for it and Flask had no handler."""
    from dash.exceptions import DependencyException

    def not_served(error: Exception):
        return "Not found: this address names no file of the dashboard.", 404

    app.server.register_error_handler(DependencyException, not_served)

    def malformed_callback(error: Exception):
        from flask import request
        from werkzeug.exceptions import HTTPException

        if isinstance(error, HTTPException):
            return error
        if request.path.endswith("/_dash-update-component"):  # a body no page of ours sends
            log.warning("a malformed dashboard request was refused: %s: %s", type(error).__name__, error)
            return "Bad request: the dashboard did not send this; reload the page.", 400
        raise error

    app.server.register_error_handler(Exception, malformed_callback)


def _warm_pairs(ctx: AppContext) -> None:
    figures.empty_spec("")  # its layout is validated once, about a second of CPU under load
    for lang in LANGS:  # Babel's country names, loaded once per language (a third of a second each under load)
        pair_label("FRA-USA", lang)
    # A database that cannot be read yet is reported by the first page that asks.
    with contextlib.suppress(SQLAlchemyError):
        ctx.pairs()
        timeline.layout(ctx, "")


def _warm_export() -> None:
    from dashboard.export import ExportError, start_renderer

    # A missing Chromium is reported when the user asks for an image; CSV export still works.
    with contextlib.suppress(ExportError):
        start_renderer()


def _shell(ctx: AppContext, poll_seconds: float, signout: bool = False) -> html.Div:
    # The page the browser shows, when it says which (firstload.requested_page): its content comes
    # with the layout, and the router's first call finds it there (ids.PRERENDERED).
    version = ctx.version()
    requested = firstload.requested_page()
    page, kind, nav = None, None, _nav(None)
    if requested:
        try:
            page, kind, nav = _page(ctx, *requested, None)
        except Exception:  # the router builds it then, and says what went wrong
            log.exception("the page %s could not be built with the layout", requested)
            requested = None
    return html.Div(
        className="shell",
        children=[
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.VERSION, data=version),
            dcc.Store(id=ids.LAST_TIMELINE, storage_type="session"),
            dcc.Store(id=ids.PAGE_KIND, data=kind),
            dcc.Store(id=ids.PRERENDERED, data=firstload.page_key(*requested) if requested else None),
            dcc.Store(id=ids.ROUTE),
            dcc.Interval(id=ids.VERSION_POLL, interval=int(poll_seconds * 1000)),
            html.Header(
                className="topbar",
                children=[
                    html.Div(className="brand", children=[
                        html.Img(src="/assets/favicon.svg", alt="", className="brand-mark"),
                        html.Span("Tension tracker"),
                    ]),
                    html.Nav(className="nav", children=[
                        dcc.Link("Timeline", href="/", id=ids.NAV_TIMELINE, className=nav[0]),
                        dcc.Link("Matrix", href="/matrix", id=ids.NAV_MATRIX, className=nav[1]),
                        dcc.Link("Alerts", href="/alerts", id=ids.NAV_ALERTS, className=nav[2]),
                    ]),
                    dcc.Upload(
                        id=ids.UPLOAD, multiple=True, className="upload",
                        children=html.Span(["Drop articles here or ", html.U("choose files")]),
                    ),
                    *([_signout_form()] if signout else []),
                ],
            ),
            html.Div(id=ids.UPLOAD_RESULT, className="upload-result", role="status"),
            html.Main(id=ids.PAGE, className="page", children=page),
        ],
    )


def _signout_form() -> html.Form:
    # A plain form (no callback): the POST leaves the page, and the session, for the sign-in page.
    return html.Form(action="/logout", method="POST", className="signout",
                     children=html.Button("Sign out", type="submit", id=ids.SIGNOUT, className="button"))


def _register_shell(app: dash.Dash, ctx: AppContext) -> None:
    # In the browser: an address whose page came with the layout needs no request to the router.
    app.clientside_callback(firstload.ROUTE_GATE, Output(ids.ROUTE, "data"), Output(ids.PRERENDERED, "data"),
                            Input(ids.URL, "pathname"), State(ids.URL, "search"), State(ids.PRERENDERED, "data"))

    @app.callback(
        Output(ids.PAGE, "children"),
        Output(ids.PAGE_KIND, "data"),
        Output(ids.NAV_TIMELINE, "className"),
        Output(ids.NAV_MATRIX, "className"),
        Output(ids.NAV_ALERTS, "className"),
        Input(ids.ROUTE, "data"),
        Input(ids.VERSION, "data"),
        State(ids.URL, "pathname"),
        State(ids.URL, "search"),
        State(ids.LAST_TIMELINE, "data"),
        State(ids.PAGE_KIND, "data"),
        prevent_initial_call=True,
    )
    def route(_route, _version, pathname, search, last_timeline, page_kind):
        # New data re-renders a page only when it was showing the empty state; otherwise the page's
        # own callbacks refresh their content and keep what the user chose.
        if dash.ctx.triggered_id == ids.VERSION and page_kind != "empty":
            return (no_update,) * 5
        page, kind, nav = _page(ctx, pathname or "/", search, last_timeline)
        return page, kind, *nav

    # The layout holds the version of its time: a first call would change nothing.
    @app.callback(Output(ids.VERSION, "data"), Input(ids.VERSION_POLL, "n_intervals"), State(ids.VERSION, "data"),
                  prevent_initial_call=True)
    def poll_version(_n, current):
        token = ctx.version()
        return no_update if token == current else token

    @app.callback(
        Output(ids.UPLOAD_RESULT, "children"),
        Output(ids.VERSION, "data", allow_duplicate=True),
        Input(ids.UPLOAD, "contents"),
        State(ids.UPLOAD, "filename"),
        prevent_initial_call=True,
    )
    def upload(contents, filenames):
        if not contents:
            return no_update, no_update
        if isinstance(contents, str):
            contents, filenames = [contents], [filenames]
        items = []
        for content, name in zip(contents, filenames, strict=False):
            items.extend(_accept(ctx, name or "upload", content))
        return html.Ul(items, className="upload-list"), ctx.version()


def _nav(active: int | None) -> tuple[str, str, str]:
    """The class names of the three navigation links, the ``active`` one (an index) marked."""
    timeline_link, matrix_link, alerts_link = ("nav-link active" if i == active else "nav-link" for i in range(3))
    return timeline_link, matrix_link, alerts_link


def _page(ctx: AppContext, path: str, search: str | None, last_timeline: str | None) -> tuple[Any, str, tuple]:
    """(content, page kind, navigation class names) of the page at ``path``."""
    if path in ("/", ""):
        return *timeline.layout(ctx, search), _nav(0)
    if path.rstrip("/") == "/matrix":
        return *matrix.layout(ctx, search), _nav(1)
    if path.rstrip("/") == "/alerts":
        return *alerts.layout(ctx, search), _nav(2)
    match = ARTICLE_PATH.fullmatch(path)
    if match:
        return article.layout(ctx, int(match.group(1)), search, last_timeline), "article", _nav(None)
    return _not_found(path), "not-found", _nav(None)


def _accept(ctx: AppContext, filename: str, content: str) -> list:
    """Hand one uploaded file to the drop folder's reader; one list item per article or rejection."""
    try:
        from tracker.ingest.uploads import accept_upload
    except ImportError:
        return [html.Li(f"{filename}: uploading is not available in this version; drop the file into {ctx.inbox}",
                        className="outcome outcome-rejected")]
    try:
        raw = base64.b64decode(content.split(",", 1)[1] if "," in content else content)
    except (ValueError, IndexError):
        return [html.Li(f"{filename}: the upload arrived damaged; try again", className="outcome outcome-rejected")]
    outcomes = accept_upload(filename, raw, ctx.store, ctx.inbox)
    if not outcomes:
        return [html.Li(f"{filename}: nothing to read in this file", className="outcome outcome-rejected")]
    items = []
    for o in outcomes:
        where = filename + (f" ({o.record})" if o.record else "")
        if o.outcome == "stored":
            text = f"{where}: stored “{o.title or 'untitled'}” ({o.observations} observations)"
        elif o.outcome == "duplicate":
            text = f"{where}: already stored ({o.reason})" if o.reason else f"{where}: already stored"
        else:
            text = f"{where}: rejected: {o.reason}"
        items.append(html.Li(text, className=f"outcome outcome-{o.outcome}"))
    return items


def _not_found(path: str) -> html.Div:
    return html.Div(className="card empty-state", children=[
        html.H2("No such page"),
        html.P(["There is nothing at ", html.Code(path), ". "]),
        dcc.Link("Go to the timeline", href="/"),
    ])
