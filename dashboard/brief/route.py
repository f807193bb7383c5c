"""The dashboard's brief: ``GET /brief.pdf?pair=RUS-USA&from=...&to=...&freq=M&lang=fr&paper=a4``, a
plain Flask route on the Dash app's server (the timeline's "Brief (PDF)" link points at it).

The query reads like the timeline's own (dashboard/state.py: pairs as codes or names, forgiving
dates); the brief is of the first pair named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from dashboard.state import TimelineState, from_query

if TYPE_CHECKING:
    from flask import Flask, Response

PATH = "/brief.pdf"


def brief_href(state: TimelineState, pair: str) -> str:
    """The link to the brief of one pair of a timeline view."""
    params = {"pair": pair, "freq": state.freq, "lang": state.lang}
    if state.start:
        params["from"] = state.start.isoformat()
    if state.end:
        params["to"] = state.end.isoformat()
    return f"{PATH}?{urlencode(params)}"


def register(server: Flask, engine_of) -> None:
    """Add the route; engine_of() gives the store's engine (the app's context holds it)."""

    def brief_pdf() -> Response | tuple[str, int, dict[str, str]]:
        from flask import Response, request

        from dashboard.brief import PAPERS, BriefError, NoObservations, make_brief
        from dashboard.export import file_stem

        state = from_query(request.query_string.decode("utf-8", "replace"))
        text_type = {"Content-Type": "text/plain; charset=utf-8"}
        if not state.pairs:
            problem = "; ".join(state.problems) or "no pair given"
            return f"No brief: {problem}. Use /brief.pdf?pair=RUS-USA&freq=M", 400, text_type
        paper = (request.args.get("paper") or "a4").lower()
        if paper not in PAPERS:
            return f"No brief: unknown paper {paper!r}; use a4 or letter", 400, text_type
        one = state.with_(pairs=state.pairs[:1])
        try:
            pdf = make_brief(engine_of(), one.pairs[0], start=one.start, end=one.end, freq=one.freq, lang=one.lang,
                             paper=paper, link_base=request.host_url, source=request.host)
        except NoObservations as exc:
            return f"No brief: {exc}", 404, text_type
        except BriefError as exc:  # no Chromium: the server cannot print
            return f"No brief: {exc}", 503, text_type
        name = file_stem(one).replace("tension_", "brief_", 1) + ".pdf"
        return Response(pdf, mimetype="application/pdf",
                        headers={"Content-Disposition": f'inline; filename="{name}"', "Cache-Control": "no-store"})

    server.add_url_rule(PATH, "tracker_brief", brief_pdf, methods=["GET"])
