"""The timeline's view state and its URL query string, so that any view can be bookmarked and shared.

``?pairs=RUS-USA,CHN-USA&from=2017-01-01&to=2017-12-31&freq=W&smooth=3&lang=fr``. Parsing is
forgiving: a bad value is dropped (and the default used) rather than breaking the page, because URLs
get truncated and hand-edited; pairs are accepted as codes in either order or by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from urllib.parse import parse_qs, urlencode

from tracker.scorer.countries import country_name, parse_pair

FREQS = ("D", "W", "M")
LANGS = ("en", "fr")
MAX_SMOOTHING = 12
MAX_PAIRS = 6


@dataclass(frozen=True)
class TimelineState:
    pairs: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    freq: str = "W"
    smoothing: int = 1
    lang: str = "en"
    # What could not be read from the URL, to tell the user instead of failing silently.
    problems: tuple[str, ...] = field(default=(), compare=False)

    def to_query(self) -> str:
        params: dict[str, str] = {}
        if self.pairs:
            params["pairs"] = ",".join(self.pairs)
        if self.start:
            params["from"] = self.start.isoformat()
        if self.end:
            params["to"] = self.end.isoformat()
        params["freq"] = self.freq
        if self.smoothing > 1:
            params["smooth"] = str(self.smoothing)
        params["lang"] = self.lang
        return "?" + urlencode(params, safe=",")

    def with_(self, **changes) -> TimelineState:
        return replace(self, **changes)


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def normalise_pair(text: str) -> str:
    """'usa-rus', 'Russie-États-Unis' -> 'RUS-USA'; raises ValueError with a message for the user."""
    a, b = parse_pair(text)
    return f"{a}-{b}"


def from_query(search: str | None) -> TimelineState:
    """Read a query string (with or without the leading '?'); unknown or bad values fall back to defaults."""
    query = parse_qs((search or "").lstrip("?"), keep_blank_values=False)

    def first(key: str) -> str | None:
        values = query.get(key)
        return values[0] if values else None

    problems: list[str] = []
    pairs: list[str] = []
    for raw in ",".join(query.get("pairs", []) + query.get("pair", [])).split(","):
        if not raw.strip():
            continue
        try:
            code = normalise_pair(raw)
        except ValueError as exc:
            problems.append(str(exc))
            continue
        if code not in pairs:
            pairs.append(code)
    freq = (first("freq") or "W").upper()
    if freq not in FREQS:
        problems.append(f"unknown granularity {freq!r}: showing weeks (use D, W or M)")
        freq = "W"
    start = _date(first("from") or "") if first("from") else None
    end = _date(first("to") or "") if first("to") else None
    if first("from") and start is None:
        problems.append(f"cannot read the date {first('from')!r}: use YYYY-MM-DD")
    if first("to") and end is None:
        problems.append(f"cannot read the date {first('to')!r}: use YYYY-MM-DD")
    if start and end and start > end:
        start, end = end, start
    try:
        smoothing = int(first("smooth") or 1)
    except ValueError:
        smoothing = 1
    smoothing = min(max(smoothing, 1), MAX_SMOOTHING)
    lang = (first("lang") or "en").lower()
    if lang not in LANGS:
        lang = "en"
    return TimelineState(tuple(pairs[:MAX_PAIRS]), start, end, freq, smoothing, lang, tuple(problems))


@cache
def country_label(code: str, lang: str) -> str:
    try:
        return country_name(code, lang)
    except ValueError:
        return code


@cache
def pair_label(pair: str, lang: str = "en") -> str:
    """'RUS-USA' -> 'Russia – United States' (or 'Russie – États-Unis')."""
    a, _, b = pair.partition("-")
    return f"{country_label(a, lang)} – {country_label(b, lang)}"
