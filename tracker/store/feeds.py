"""Feeds followed and pages read from the web: what `tracker feeds`, `tracker fetch` and the poller
remember between runs (schema.feeds, web_pages, feed_entries).

A page is known by its URL (normalised: no fragment, no utm_/xtor tracking parameters), so the same
article listed by two feeds is fetched once. Work is *claimed* before it is done: a poller moves a
feed's or page's next time forward by a lease in one conditional UPDATE, so two pollers (the
dashboard's and a cron job) never fetch the same thing twice; a poller that dies mid-way leaves the
lease to expire and the work is taken up again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urldefrag

from sqlalchemy import Engine, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from tracker.store.db import StoreError
from tracker.store.schema import feed_entries, feeds, web_pages

PENDING, STORED, DUPLICATE, FAILED, GIVEN_UP = "pending", "stored", "duplicate", "failed", "given-up"
LEASE = timedelta(minutes=10)  # how long a claimed feed or page is left to the poller that claimed it


class FeedError(StoreError):
    """A feed the user named that cannot be added or found; the message says what to do."""


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    title: str | None
    interval_seconds: int
    etag: str | None
    last_modified: str | None
    last_polled_at: datetime | None
    last_ok_at: datetime | None
    next_poll_at: datetime
    failures: int
    last_error: str
    articles: int = 0  # pages of this feed stored as articles (list_feeds only)


@dataclass(frozen=True)
class Page:
    id: int
    url: str
    feed_id: int | None
    title: str | None
    entry_published: date | None
    state: str
    article_id: int | None
    etag: str | None
    last_modified: str | None
    attempts: int
    last_error: str
    next_attempt_at: datetime | None


@dataclass(frozen=True)
class Entry:
    """One item of a feed as the parser gave it."""

    key: str  # its GUID, else its link: what says it was seen
    url: str
    title: str | None
    published: date | None


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def normalise_url(url: str) -> str:
    """The form a page is remembered by: courlan's (lower-case host, sorted query, no tracking
    parameters) without the fragment, which never changes the page fetched."""
    from courlan import normalize_url

    try:
        url = normalize_url(url.strip())
    except ValueError:
        url = url.strip()
    return urldefrag(url)[0]


# ----------------------------------------------------------------------------------------- feeds


def add_feed(engine: Engine, url: str, interval_seconds: int, *, now: datetime | None = None) -> Feed:
    now = now or utcnow()
    url = normalise_url(url)
    row = {"url": url, "interval_seconds": interval_seconds, "added_at": now, "next_poll_at": now}
    try:
        with engine.begin() as conn:
            conn.execute(insert(feeds).values(row))
    except IntegrityError:
        raise FeedError(f"the feed {url} is followed already; `tracker feeds list` shows it") from None
    return find_feed(engine, url)


def find_feed(engine: Engine, url_or_id: str) -> Feed:
    """A feed by its number (as `tracker feeds list` shows it) or its URL."""
    where = feeds.c.id == int(url_or_id) if url_or_id.isdigit() else feeds.c.url == normalise_url(url_or_id)
    with engine.connect() as conn:
        row = conn.execute(select(feeds).where(where)).mappings().first()
    if row is None:
        raise FeedError(f"no feed {url_or_id!r} is followed; `tracker feeds list` shows the feeds and their numbers")
    return _feed(row)


def list_feeds(engine: Engine) -> list[Feed]:
    stored = (
        select(web_pages.c.feed_id, func.count().label("n"))
        .where(web_pages.c.state == STORED).group_by(web_pages.c.feed_id).subquery()
    )
    query = select(feeds, stored.c.n).outerjoin(stored, stored.c.feed_id == feeds.c.id).order_by(feeds.c.id)
    with engine.connect() as conn:
        return [_feed(row, articles=row["n"] or 0) for row in conn.execute(query).mappings()]


def remove_feed(engine: Engine, url_or_id: str) -> Feed:
    """Stop following a feed. Its articles stay, and so does the memory of its pages (re-adding the
    feed fetches none of them again)."""
    feed = find_feed(engine, url_or_id)
    with engine.begin() as conn:
        conn.execute(delete(feeds).where(feeds.c.id == feed.id))
    return feed


def claim_due_feeds(engine: Engine, now: datetime, *, every: bool = False) -> list[Feed]:
    """The feeds due for a poll (all of them with ``every``), each claimed for this poller."""
    query = select(feeds).order_by(feeds.c.next_poll_at)
    if not every:
        query = query.where(feeds.c.next_poll_at <= now)
    with engine.connect() as conn:
        candidates = [_feed(row) for row in conn.execute(query).mappings()]
    return [f for f in candidates if _claim(engine, feeds, f.id, feeds.c.next_poll_at, f.next_poll_at, now)]


def feed_released(engine: Engine, feed: Feed) -> None:
    """Give back a claimed feed not polled (the poller is stopping): it is due again at once."""
    with engine.begin() as conn:
        conn.execute(update(feeds).where(feeds.c.id == feed.id).values(next_poll_at=feed.next_poll_at))


def feed_polled(engine: Engine, feed: Feed, now: datetime, *, etag: str | None, last_modified: str | None,
                title: str | None) -> None:
    values = {"etag": etag, "last_modified": last_modified, "last_polled_at": now, "last_ok_at": now, "failures": 0,
              "last_error": "", "next_poll_at": now + timedelta(seconds=feed.interval_seconds)}
    if title:
        values["title"] = title
    with engine.begin() as conn:
        conn.execute(update(feeds).where(feeds.c.id == feed.id).values(values))


def feed_failed(engine: Engine, feed: Feed, now: datetime, reason: str, next_poll_at: datetime) -> None:
    values = {"last_polled_at": now, "failures": feeds.c.failures + 1, "last_error": reason, "next_poll_at": next_poll_at}
    with engine.begin() as conn:
        conn.execute(update(feeds).where(feeds.c.id == feed.id).values(values))


# ----------------------------------------------------------------------------------------- pages


def record_entries(engine: Engine, feed: Feed, entries: list[Entry], now: datetime) -> list[Page]:
    """Remember a feed's items; the pages not known before (by URL), to be fetched, in feed order."""
    new_pages: list[Page] = []
    for entry in entries:
        with engine.connect() as conn:
            seen = conn.execute(select(feed_entries.c.page_id).where(
                feed_entries.c.feed_id == feed.id, feed_entries.c.entry_key == entry.key)).first()
        if seen is not None:
            continue
        page, new = _page_for(engine, entry, feed.id, now)
        try:
            with engine.begin() as conn:
                conn.execute(insert(feed_entries).values(feed_id=feed.id, entry_key=entry.key, page_id=page.id, seen_at=now))
        except IntegrityError:
            continue  # another poller recorded it meanwhile
        if new:
            new_pages.append(page)
    return new_pages


def _page_for(engine: Engine, entry: Entry, feed_id: int | None, now: datetime) -> tuple[Page, bool]:
    url = normalise_url(entry.url)
    known = find_page(engine, url)
    if known is not None:
        return known, False
    row = {"url": url, "feed_id": feed_id, "title": entry.title, "entry_published": entry.published,
           "state": PENDING, "first_seen_at": now, "next_attempt_at": now}
    try:
        with engine.begin() as conn:
            conn.execute(insert(web_pages).values(row))
    except IntegrityError:  # another poller (or feed) recorded the same URL meanwhile
        page = find_page(engine, url)
        assert page is not None
        return page, False
    page = find_page(engine, url)
    assert page is not None
    return page, True


def page_to_fetch(engine: Engine, url: str, now: datetime | None = None) -> Page:
    """The page of `tracker fetch URL`: known already (it is fetched again, conditionally) or new."""
    page, _ = _page_for(engine, Entry(url, url, None, None), None, now or utcnow())
    return page


def find_page(engine: Engine, url: str) -> Page | None:
    with engine.connect() as conn:
        row = conn.execute(select(web_pages).where(web_pages.c.url == normalise_url(url))).mappings().first()
    return None if row is None else _page(row)


def claim_page(engine: Engine, page: Page, now: datetime) -> bool:
    """Take a page for this poller (False when another took it since it was read)."""
    return _claim(engine, web_pages, page.id, web_pages.c.next_attempt_at, page.next_attempt_at, now)


def claim_due_pages(engine: Engine, now: datetime, limit: int) -> list[Page]:
    """Pages waiting (new, or failed and due again), oldest first, each claimed for this poller."""
    query = (select(web_pages).where(web_pages.c.state.in_((PENDING, FAILED)), web_pages.c.next_attempt_at <= now)
             .order_by(web_pages.c.next_attempt_at, web_pages.c.id).limit(limit))
    with engine.connect() as conn:
        candidates = [_page(row) for row in conn.execute(query).mappings()]
    return [p for p in candidates if claim_page(engine, p, now)]


def page_released(engine: Engine, page: Page) -> None:
    """Give back a claimed page not read (the poller is stopping): it is due again at once."""
    with engine.begin() as conn:
        conn.execute(update(web_pages).where(web_pages.c.id == page.id).values(next_attempt_at=page.next_attempt_at))


def page_read(engine: Engine, page: Page, now: datetime, *, state: str, article_id: int | None,
              etag: str | None, last_modified: str | None) -> None:
    """A page fetched and read: stored, or found a duplicate (also: unchanged since the last fetch)."""
    values = {"state": state, "article_id": article_id, "etag": etag, "last_modified": last_modified, "attempts": 0,
              "last_error": "", "fetched_at": now, "next_attempt_at": None}
    with engine.begin() as conn:
        conn.execute(update(web_pages).where(web_pages.c.id == page.id).values(values))


def page_failed(engine: Engine, page: Page, now: datetime, reason: str, next_attempt_at: datetime | None) -> None:
    """A failed attempt; with no next attempt the page is given up (it stays listed in the status).
    A page read before keeps its state and article: only its last error is noted."""
    values: dict = {"attempts": web_pages.c.attempts + 1, "last_error": reason, "fetched_at": now}
    if page.state in (PENDING, FAILED, GIVEN_UP):
        values |= {"state": FAILED if next_attempt_at else GIVEN_UP, "next_attempt_at": next_attempt_at}
    else:
        values["next_attempt_at"] = None
    with engine.begin() as conn:
        conn.execute(update(web_pages).where(web_pages.c.id == page.id).values(values))


def failing_pages(engine: Engine, limit: int = 5) -> tuple[int, list[Page]]:
    """How many pages failed (waiting for a retry or given up), and the latest of them."""
    where = or_(web_pages.c.state == FAILED, web_pages.c.state == GIVEN_UP)
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(web_pages).where(where)).scalar_one()
        rows = conn.execute(select(web_pages).where(where).order_by(web_pages.c.fetched_at.desc()).limit(limit)).mappings()
        return count, [_page(row) for row in rows]


def waiting_pages(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(web_pages).where(web_pages.c.state == PENDING)).scalar_one()


# --------------------------------------------------------------------------------------- helpers


def _claim(engine: Engine, table, row_id: int, column, seen: datetime | None, now: datetime) -> bool:
    """Move a row's next time forward by the lease, if it is still what this poller read."""
    condition = column.is_(None) if seen is None else column == seen
    with engine.begin() as conn:
        moved = conn.execute(update(table).where(table.c.id == row_id, condition).values({column.key: now + LEASE}))
    return moved.rowcount == 1


def _feed(row, articles: int = 0) -> Feed:
    return Feed(row["id"], row["url"], row["title"], row["interval_seconds"], row["etag"], row["last_modified"],
                row["last_polled_at"], row["last_ok_at"], row["next_poll_at"], row["failures"], row["last_error"],
                articles)


def _page(row) -> Page:
    return Page(row["id"], row["url"], row["feed_id"], row["title"], row["entry_published"], row["state"],
                row["article_id"], row["etag"], row["last_modified"], row["attempts"], row["last_error"],
                row["next_attempt_at"])
