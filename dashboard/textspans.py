"""Article text as Dash components, with cue phrases and sentences marked from their stored offsets.

Article text is untrusted: it is only ever placed in components as plain strings (React escapes
them), never through Markdown or dangerously_set_inner_html, so an article containing ``<script>`` or
``<img onerror=...>`` shows those characters and runs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dash import html


@dataclass(frozen=True)
class Span:
    start: int  # offsets into the article text
    end: int
    weight: float
    label: str  # tooltip: "sanctions +7.0 (material conflict)"
    quiet: bool = False  # a cue of another pair than the one in view: marked, but less loudly


def cue_class(weight: float, quiet: bool = False) -> str:
    if quiet:
        return "cue cue-other"
    if weight > 0:
        return "cue cue-tension"
    if weight < 0:
        return "cue cue-cooperation"
    return "cue"


def non_overlapping(spans: Iterable[Span], lo: int, hi: int) -> list[Span]:
    """The spans inside [lo, hi), clipped, in order; of two overlapping spans the earlier (then longer) wins."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        start, end = max(span.start, lo), min(span.end, hi)
        if start >= end or (out and start < out[-1].end):
            continue
        out.append(Span(start, end, span.weight, span.label, span.quiet))
    return out


def marked(text: str, offset: int, spans: Iterable[Span]) -> list:
    """``text`` (which starts at ``offset`` in the article) as strings and <mark> elements."""
    children: list = []
    at = 0
    for span in non_overlapping(spans, offset, offset + len(text)):
        s, e = span.start - offset, span.end - offset
        if s > at:
            children.append(text[at:s])
        children.append(html.Mark(text[s:e], className=cue_class(span.weight, span.quiet), title=span.label))
        at = e
    if at < len(text):
        children.append(text[at:])
    return children


def cue_label(text: str, weight: float, category: str = "") -> str:
    return f"{text} {weight:+.1f}" + (f" ({category})" if category else "")
