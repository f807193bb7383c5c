"""An RSS or Atom document -> its title and items (link, GUID, title, date), or why it cannot be read.

feedparser rather than the standard library's XML with defusedxml: feeds come in RSS 0.9x, 1.0
and 2.0 and Atom 0.3 and 1.0, with dates in a dozen formats, relative links and HTML entities
that are not XML; feedparser reads all of them (falling back to a lenient parser for the many
feeds that are not quite well-formed) and never loads external entities. It is only given bytes
already fetched (through tracker.web.fetching), never a URL: it fetches nothing itself.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

import feedparser
from feedparser.exceptions import CharacterEncodingOverride

from tracker.store.feeds import Entry

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"


class FeedUnreadable(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: list[Entry]


def parse_feed(body: bytes, url: str) -> ParsedFeed:
    """The feed's items with a web link, in the feed's order; FeedUnreadable when it has none
    because it is not a feed or not well-formed. A well-formed feed with no items is fine."""
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": url}, sanitize_html=False)
    entries = [e for e in (_entry(raw, url) for raw in parsed.entries) if e is not None]
    if not entries and not parsed.get("version"):
        raise FeedUnreadable(
            "this is not an RSS or Atom feed (it may be a web page: `tracker fetch URL` reads one article; "
            "look in the page for its RSS link)"
        )
    if not entries and parsed.get("bozo") and not _only_encoding_noise(parsed):
        problem = str(parsed.get("bozo_exception")).removeprefix("<unknown>:")
        raise FeedUnreadable(
            f"the feed is not well-formed XML (at {problem}); check the URL in a browser, or ask the site "
            "for its RSS or Atom address"
        )
    return ParsedFeed(parsed.feed.get("title") or None, entries)


def _only_encoding_noise(parsed) -> bool:
    return isinstance(parsed.get("bozo_exception"), CharacterEncodingOverride)


def _entry(raw, feed_url: str) -> Entry | None:
    link = raw.get("link") or next((li.get("href") for li in raw.get("links", []) if li.get("href")), None)
    if not link:
        return None
    link = urljoin(feed_url, link.strip())
    if urlsplit(link).scheme not in ("http", "https"):
        return None
    key = (raw.get("id") or link).strip()
    return Entry(key=key[:2000], url=link, title=(raw.get("title") or "").strip() or None, published=_date(raw))


def _date(raw) -> date | None:
    moment: time.struct_time | None = raw.get("published_parsed") or raw.get("updated_parsed")
    return date(moment.tm_year, moment.tm_mon, moment.tm_mday) if moment else None
