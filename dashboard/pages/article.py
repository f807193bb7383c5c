"""Article page: the whole stored text, its cue phrases marked, one sentence highlighted and scrolled into view.

``/article/ID?s=IDX``. The text is rebuilt from the stored sentence offsets, as plain strings in
spans (never HTML), with the paragraphs kept by CSS ``white-space: pre-wrap``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pandas as pd
from dash import ClientsideFunction, Input, Output, dcc, html

from dashboard import data, ids
from dashboard.state import from_query, normalise_pair, pair_label
from dashboard.textspans import Span, cue_label, marked
from dashboard.words import day_name

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


def _pair_in_view(search: str | None) -> str | None:
    """The pair whose sentences led here (``pair=RUS-USA``): its cues are the ones highlighted."""
    values = parse_qs((search or "").lstrip("?")).get("pair")
    try:
        return normalise_pair(values[0]) if values else None
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
    pair = _pair_in_view(search)
    lang = from_query(last_timeline).lang  # the country names the timeline showed
    meta = [art["outlet"] or "unknown outlet"]
    if art["published"] is not None:
        meta.append(f"published {day_name(pd.Timestamp(art['published']).date())}")
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
            html.P(_reading_hint(selected, pair, art, lang), className="hint"),
            html.Div(id=ids.ARTICLE_TEXT, className="article-text", children=article_text(art, selected, pair, lang)),
        ]),
        dcc.Store(id=ids.SCROLL_DONE),
    ])


def _reading_hint(selected: int | None, pair: str | None, art: dict, lang: str) -> str:
    where = f"Sentence {selected + 1} is highlighted. " if selected is not None else ""
    others = pair is not None and bool((art["cues"]["pair"] != pair).any())
    whose = f"The cue phrases of {pair_label(pair, lang)} are" if pair else "Cue phrases are"
    quiet = " Cues read for other pairs in this article are underlined in grey." if others else ""
    return f"{where}{whose} marked in orange (tension) and blue (cooperation).{quiet}"


def cue_spans(cues: pd.DataFrame, pair: str | None, lang: str = "en") -> list[Span]:
    """One span per cue phrase; quiet when no observation of the pair in view reads it (a cue read for
    two pairs keeps the loud style)."""
    spans: dict[tuple[int, int], Span] = {}
    for c in cues.itertuples():
        key = (int(c.start_char), int(c.end_char))
        quiet = pair is not None and c.pair != pair
        if key not in spans or spans[key].quiet and not quiet:
            label = cue_label(c.pattern, c.weight) + (f" (read for {pair_label(c.pair, lang)})" if quiet else "")
            spans[key] = Span(*key, float(c.weight), label, quiet)
    return list(spans.values())


def article_text(art: dict, selected: int | None, pair: str | None = None, lang: str = "en") -> list:
    """The text as strings and spans: one span per stored sentence, gaps (paragraph breaks) as they are."""
    text = art["text"]
    spans = cue_spans(art["cues"], pair, lang)
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
