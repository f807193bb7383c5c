"""Article page: the whole stored text, its cue phrases marked, one sentence highlighted and scrolled into view.

``/article/ID?s=IDX``. The text is rebuilt from the stored sentence offsets, as plain strings in
spans (never HTML), with the paragraphs kept by CSS ``white-space: pre-wrap``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pandas as pd
from dash import ClientsideFunction, Input, Output, dcc, html

from dashboard import data, ids
from dashboard.textspans import Span, cue_label, marked

SAFE_SCHEMES = ("http", "https")


def safe_url(url: str | None) -> str | None:
    """The article's URL when it is a plain web address; None for javascript:, data: and the like."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    return url.strip() if parsed.scheme.lower() in SAFE_SCHEMES and parsed.netloc else None


def _selected(search: str | None) -> int | None:
    values = parse_qs((search or "").lstrip("?")).get("s")
    try:
        return int(values[0]) if values else None
    except ValueError:
        return None


def layout(ctx, article_id: int, search: str | None, last_timeline: str | None) -> html.Div:
    back = dcc.Link("← Back to the timeline", href="/" + (last_timeline or ""), className="back")
    art = data.article(ctx.engine, article_id)
    if art is None:
        return html.Div(className="card empty-state", children=[
            back, html.H2("No such article"),
            html.P(f"No article has the id {article_id}: it may have been deleted, or the link is wrong."),
        ])
    selected = _selected(search)
    meta = [art["outlet"] or "unknown outlet"]
    if art["published"] is not None:
        meta.append(f"published {pd.Timestamp(art['published']):%Y-%m-%d}")
    if art["language"]:
        meta.append(f"language: {art['language']}")
    url = safe_url(art["url"])
    return html.Div(className="article-page", children=[
        back,
        html.Article(id=ids.ARTICLE, className="card article", children=[
            html.H1(art["title"] or "Untitled article"),
            html.P(className="meta", children=[
                " · ".join(meta),
                html.Span(" invented example, not real reporting", className="badge") if art["is_example"] else None,
                html.Span([" · ", html.A("original", href=url, target="_blank", rel="noopener noreferrer")]) if url else None,
            ]),
            html.P(f"Sentence {selected + 1} is highlighted; cue phrases are marked in orange (tension) and "
                   "blue (cooperation).", className="hint") if selected is not None else None,
            html.Div(id=ids.ARTICLE_TEXT, className="article-text", children=article_text(art, selected)),
        ]),
        dcc.Store(id=ids.SCROLL_DONE),
    ])


def article_text(art: dict, selected: int | None) -> list:
    """The text as strings and spans: one span per stored sentence, gaps (paragraph breaks) as they are."""
    text = art["text"]
    cues = art["cues"]
    spans = [Span(int(c.start_char), int(c.end_char), float(c.weight), cue_label(c.pattern, c.weight))
             for c in cues.itertuples()]
    children: list = []
    at = 0
    for s in art["sentences"].itertuples():
        start, end = int(s.start_char), int(s.end_char)
        if start < at or end > len(text):
            continue  # offsets that do not fit the text: show the text plainly rather than garbled
        if start > at:
            children.append(text[at:start])
        is_selected = selected is not None and int(s.idx) == selected
        children.append(html.Span(
            marked(text[start:end], start, spans),
            id=f"sentence-{int(s.idx)}",
            className="sentence-span selected" if is_selected else "sentence-span",
        ))
        at = end
    if at < len(text):
        children.append(text[at:])
    return children


def register(app, ctx) -> None:
    # Runs in the browser once the text is on the page: scroll the highlighted sentence into view.
    app.clientside_callback(
        ClientsideFunction(namespace="tracker", function_name="scrollToSelected"),
        Output(ids.SCROLL_DONE, "data"),
        Input(ids.ARTICLE_TEXT, "children"),
    )
