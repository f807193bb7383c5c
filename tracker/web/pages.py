"""A web page -> stored article, through the same reader, deduplication and store as a dropped file.

The fetched bytes go to tracker.readers as a file named after the page's content type would
(an HTML page to the HTML reader: trafilatura's main text, htmldate's date), then each article to
inprocess.store_items, which finds an already stored text by its hash, scores the rest and writes
every outcome to the ingest log under the page's URL. What a file has and a page has not is filled
in from the web: the URL, the outlet (the site's name, else its host) and, when the page carries no
date of its own, the feed item's date ("feed"), else the server's Last-Modified or the fetch day
("fetched", which the scorer weighs as it weighs a file's modification date).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from tracker import readers
from tracker.ingest.inbox_files import PROCESS_LOCK
from tracker.ingest.inprocess import REJECTED, STORED, Outcome, read_articles, store_items
from tracker.records import Article
from tracker.store.feeds import Page
from tracker.web.fetching import Fetched

# What the server says a page is -> the kind of file the readers take it as.
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/json": ".json",
}
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
UNNAMED_TYPES = ("", "application/octet-stream", "binary/octet-stream")
# Fewer words than this is a section front, a menu or a login wall rather than a news article: a
# page from the web is often one, where a file an analyst drops seldom is.
MIN_ARTICLE_WORDS = 40


class NotAnArticle(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PageOutcome:
    """What reading one page gave: its outcomes (as a dropped file's), or why it failed."""

    url: str
    outcomes: list[Outcome]
    failure: str = ""  # set when the page gave no article: it is retried with back-off

    @property
    def article_id(self) -> int | None:
        return next((o.article_id for o in self.outcomes if o.article_id is not None), None)

    @property
    def state(self) -> str:
        return "stored" if any(o.outcome == STORED for o in self.outcomes) else "duplicate"


def extension_for(fetched: Fetched) -> str:
    """The reader's extension for a page; NotAnArticle for images, feeds, archives..."""
    if fetched.content_type in CONTENT_TYPES:
        return CONTENT_TYPES[fetched.content_type]
    if fetched.content_type in FEED_TYPES or fetched.content_type.endswith(("+xml", "/rss")):
        raise NotAnArticle(f"this is a feed or XML document ({fetched.content_type}), not an article page; "
                           "follow a feed with `tracker feeds add URL`")
    if fetched.content_type in UNNAMED_TYPES:
        suffix = Path(urlsplit(fetched.url).path).suffix.lower()
        return suffix if suffix in readers.READERS else ".html"
    raise NotAnArticle(f"this is not an article page: the server says it is {fetched.content_type}")


def read_page(fetched: Fetched, page: Page, store, *, lexicon=None, max_bytes: int = readers.DEFAULT_MAX_BYTES) -> PageOutcome:
    """Read, score and store the articles of a fetched page (logged under its URL, like a file)."""
    try:
        name = Path("page" + extension_for(fetched))
    except NotAnArticle as exc:
        return _failed(page.url, exc.reason)
    fallback, source = _fallback_date(page, fetched)
    items = read_articles(name, data=fetched.body, file_date=fallback, max_bytes=max_bytes)
    items = [_from_the_web(i, fetched, page, source) if isinstance(i, Article) else _named(i, page.url) for i in items]
    items = [_too_short(i) if isinstance(i, Article) and len(i.text.split()) < MIN_ARTICLE_WORDS else i for i in items]
    with PROCESS_LOCK:  # the drop folder may be scoring in another thread of this process
        outcomes = store_items(page.url, items, store, lexicon=lexicon)
    if all(o.outcome == REJECTED for o in outcomes):
        return PageOutcome(page.url, outcomes, "; ".join(dict.fromkeys(o.reason for o in outcomes)))
    return PageOutcome(page.url, outcomes)


def _failed(url: str, reason: str) -> PageOutcome:
    return PageOutcome(url, [Outcome(url, REJECTED, reason)], reason)


def _fallback_date(page: Page, fetched: Fetched) -> tuple[date, str]:
    if page.entry_published:
        return page.entry_published, "feed"
    if fetched.last_modified:
        try:
            return parsedate_to_datetime(fetched.last_modified).date(), "fetched"
        except (TypeError, ValueError):
            pass
    return date.today(), "fetched"


def _from_the_web(article: Article, fetched: Fetched, page: Page, source: str) -> Article:
    """The article with its URL, outlet and title from the web where the page did not give them."""
    host = (urlsplit(fetched.url).hostname or "").removeprefix("www.")
    return replace(
        article,
        url=article.url or fetched.url,
        outlet=article.outlet or host or None,
        title=article.title or page.title,
        source_path=page.url,
        published_source=source if article.published_source == "file-mtime" else article.published_source,
    )


def _too_short(article: Article) -> Outcome:
    words = len(article.text.split())
    return Outcome(article.source_path or "", REJECTED, (
        f"not an article: the page's main text is {words} word{'s' * (words != 1)} long (a menu, a section "
        "front or a login wall?); give the address of the article itself"
    ), title=article.title)


def _named(outcome: Outcome, url: str) -> Outcome:
    return replace(outcome, path=url)
