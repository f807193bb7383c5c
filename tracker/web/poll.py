"""Polling: the feeds that are due, then the pages waiting to be read; and `tracker fetch URL`.

A poll fetches each due feed (conditional GET: a feed unchanged since the last poll costs a 304),
remembers its new items, then reads the pages waiting: new items, and failed pages whose retry
time has come. A feed or page that fails keeps its reason (shown by `tracker status`) and is tried
again after an exponential back-off: 1 min, 2, 4, ... up to a day; a page is given up after
PAGE_ATTEMPTS failures. FeedPoller runs polls in a background thread for `tracker serve` and
`tracker watch`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select

from tracker import readers
from tracker.ingest.inprocess import DUPLICATE, REJECTED, STORED, Outcome, log_outcome
from tracker.store import feeds as feed_store
from tracker.store.feeds import Feed, Page, utcnow
from tracker.store.schema import feeds as feeds_table
from tracker.store.schema import web_pages
from tracker.web.feedparsing import FEED_ACCEPT, FeedUnreadable, parse_feed
from tracker.web.fetching import DEFAULT_TIMEOUT, FetchFailed, fetch
from tracker.web.pages import PageOutcome, read_page

log = logging.getLogger(__name__)

BACKOFF_START = timedelta(minutes=1)
BACKOFF_CAP = timedelta(days=1)
PAGE_ATTEMPTS = 10  # about 17 hours of retries in all
PAGE_ACCEPT = "text/html, application/xhtml+xml, text/plain;q=0.8, application/pdf;q=0.5, */*;q=0.1"


@dataclass(frozen=True)
class Limits:
    """What every request is held to, and how much one poll reads."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = readers.DEFAULT_MAX_BYTES
    pages_per_poll: int = 50  # the rest wait for the next poll (a new feed may list a hundred items)


@dataclass
class PollReport:
    feeds: int = 0  # feeds fetched
    feed_failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    pages: list[PageOutcome] = field(default_factory=list)

    @property
    def outcomes(self) -> list[Outcome]:
        return [o for p in self.pages for o in p.outcomes]


def backoff(failures: int, retry_after: float | None = None) -> timedelta:
    """How long to wait after the ``failures``-th failure in a row (at least what the server asked)."""
    delay = min(BACKOFF_START * 2 ** min(max(failures - 1, 0), 20), BACKOFF_CAP)
    return min(max(delay, timedelta(seconds=retry_after or 0)), BACKOFF_CAP)


# ------------------------------------------------------------------------------------------ feeds


def poll_feed(store, feed: Feed, limits: Limits) -> list[Page]:
    """Fetch one (claimed) feed and remember its new items; the pages to read. A failure is stored."""
    now = utcnow()
    try:
        fetched = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified, timeout=limits.timeout,
                        max_bytes=limits.max_bytes, accept=FEED_ACCEPT)
        if fetched.not_modified:
            feed_store.feed_polled(store.engine, feed, now, etag=fetched.etag or feed.etag,
                                   last_modified=fetched.last_modified or feed.last_modified, title=None)
            return []
        parsed = parse_feed(fetched.body, fetched.url)
    except (FetchFailed, FeedUnreadable) as exc:
        retry_after = exc.retry_after if isinstance(exc, FetchFailed) else None
        feed_store.feed_failed(store.engine, feed, now, exc.reason, now + backoff(feed.failures + 1, retry_after))
        raise
    new_pages = feed_store.record_entries(store.engine, feed, parsed.entries, now)
    feed_store.feed_polled(store.engine, feed, now, etag=fetched.etag, last_modified=fetched.last_modified,
                           title=parsed.title)
    return new_pages


# ------------------------------------------------------------------------------------------ pages


def read_claimed_page(store, page: Page, limits: Limits, *, lexicon=None) -> PageOutcome:
    """Fetch and read one claimed page; a page read before is asked for conditionally (304: unchanged)."""
    read_before = page.state in (feed_store.STORED, feed_store.DUPLICATE)
    try:
        fetched = fetch(page.url, etag=page.etag if read_before else None,
                        last_modified=page.last_modified if read_before else None,
                        timeout=limits.timeout, max_bytes=limits.max_bytes, accept=PAGE_ACCEPT)
    except FetchFailed as exc:
        return _page_failed(store, page, exc.reason, exc.retry_after)
    if fetched.not_modified:
        outcome = Outcome(page.url, DUPLICATE, f"unchanged since it was last fetched (article {page.article_id})",
                          article_id=page.article_id, title=page.title)
        log_outcome(store, outcome)
        feed_store.page_read(store.engine, page, utcnow(), state=page.state, article_id=page.article_id,
                             etag=fetched.etag or page.etag, last_modified=fetched.last_modified or page.last_modified)
        return PageOutcome(page.url, [outcome])
    result = read_page(fetched, page, store, lexicon=lexicon, max_bytes=limits.max_bytes)
    if result.failure:
        return _page_failed(store, page, result.failure, None, result.outcomes)
    feed_store.page_read(store.engine, page, utcnow(), state=result.state, article_id=result.article_id,
                         etag=fetched.etag, last_modified=fetched.last_modified)
    return result


def _page_failed(store, page: Page, reason: str, retry_after: float | None,
                 logged: list[Outcome] | None = None) -> PageOutcome:
    now = utcnow()
    attempts = page.attempts + 1
    next_at = now + backoff(attempts, retry_after) if attempts < PAGE_ATTEMPTS else None
    shown = reason if next_at else f"{reason} (given up after {attempts} attempts)"
    feed_store.page_failed(store.engine, page, now, shown, next_at)
    if logged is None:  # a failure before reading (network, HTTP): not in the ingest log yet
        logged = [Outcome(page.url, REJECTED, shown, title=page.title)]
        log_outcome(store, logged[0])
    return PageOutcome(page.url, logged, shown)


def fetch_urls(store, urls: list[str], *, limits: Limits = Limits(), lexicon=None, again: bool = False) -> list[PageOutcome]:
    """`tracker fetch URL...`: each page read now, waiting or failed ones too. A page read before is
    not fetched twice, unless ``again``: then it is asked for conditionally, and a changed page's
    new text is stored as another article."""
    from tracker.web.fetching import check_web_url

    results: list[PageOutcome] = []
    for url in urls:
        try:
            check_web_url(url)
        except FetchFailed as exc:
            results.append(PageOutcome(url, [Outcome(url, REJECTED, exc.reason)], exc.reason))
            continue
        page = feed_store.page_to_fetch(store.engine, url)
        if page.state in (feed_store.STORED, feed_store.DUPLICATE) and page.article_id is not None and not again:
            results.append(_read_before(store, page))
            continue
        if not feed_store.claim_page(store.engine, page, utcnow()):
            reason = "being read by another poller right now; see `tracker status`"
            results.append(PageOutcome(url, [Outcome(page.url, REJECTED, reason)], reason))
            continue
        results.append(read_claimed_page(store, page, limits, lexicon=lexicon))
    return results


def _read_before(store, page: Page) -> PageOutcome:
    outcome = Outcome(page.url, DUPLICATE, f"already read from the web (article {page.article_id}); "
                      "--again fetches it anew", article_id=page.article_id, title=page.title)
    log_outcome(store, outcome)
    return PageOutcome(page.url, [outcome])


# ------------------------------------------------------------------------------------------- poll


def poll(store, *, limits: Limits = Limits(), lexicon=None, every: bool = False,
         stopping: Callable[[], bool] = lambda: False) -> PollReport:
    """Fetch the due feeds (all of them with ``every``), then read the waiting pages."""
    report = PollReport()
    for feed in feed_store.claim_due_feeds(store.engine, utcnow(), every=every):
        if stopping():
            feed_store.feed_released(store.engine, feed)
            continue
        report.feeds += 1
        try:
            poll_feed(store, feed, limits)
        except (FetchFailed, FeedUnreadable) as exc:
            report.feed_failures.append((feed.url, exc.reason))
    for page in feed_store.claim_due_pages(store.engine, utcnow(), limits.pages_per_poll):
        if stopping():
            feed_store.page_released(store.engine, page)
            continue
        report.pages.append(read_claimed_page(store, page, limits, lexicon=lexicon))
    return report


def stored_any(outcomes: list[Outcome]) -> bool:
    """Whether an article was stored: then the alerts are checked (tracker.alerts), as after any ingest."""
    return any(o.outcome == STORED for o in outcomes)


def next_due(store) -> datetime | None:
    """When the next feed or waiting page is due, if any is."""
    waiting = web_pages.c.state.in_((feed_store.PENDING, feed_store.FAILED))
    with store.engine.connect() as conn:
        feed_at = conn.execute(select(func.min(feeds_table.c.next_poll_at))).scalar()
        page_at = conn.execute(select(func.min(web_pages.c.next_attempt_at)).where(waiting)).scalar()
    times = [t for t in (feed_at, page_at) if t is not None]
    return min(times) if times else None


class FeedPoller:
    """Polls in a daemon thread until stop(): at each feed's interval, and when a retry is due.

    Feeds added meanwhile (by `tracker feeds add` in another process) are seen within ``tick``
    seconds. stop() waits for the request in flight (bounded by the timeout), never for a whole poll.
    """

    def __init__(self, store, *, limits: Limits = Limits(), lexicon=None, tick: float = 30.0,
                 on_report: Callable[[PollReport], None] | None = None):
        self.store = store
        self.limits = limits
        self.lexicon = lexicon
        self.tick = tick
        self.on_report = on_report
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        from tracker.alerts import AlertWatch

        self.alerts = AlertWatch(store)  # checked after a poll that stored articles; it never raises

    def start(self) -> FeedPoller:
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name="feed-poller", daemon=True)
        self._thread.start()
        return self

    def run(self) -> None:
        while not self._stop.is_set():
            try:
                report = poll(self.store, limits=self.limits, lexicon=self.lexicon, stopping=self._stop.is_set)
                if stored_any(report.outcomes):
                    self.alerts.after_ingest()
                if self.on_report is not None and (report.feeds or report.pages):
                    self.on_report(report)
            except Exception:  # noqa: BLE001 -- a database hiccup must not end the polling: next tick
                log.exception("polling the feeds failed; tried again in %.0f s", self.tick)
            self._stop.wait(self._wait())

    def _wait(self) -> float:
        try:
            due = next_due(self.store)
        except Exception:  # noqa: BLE001 -- the database is down: look again at the next tick
            return self.tick
        if due is None:
            return self.tick
        return min(self.tick, max((due - utcnow()).total_seconds(), 0.05))

    def stop(self, timeout: float = DEFAULT_TIMEOUT + 5) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
