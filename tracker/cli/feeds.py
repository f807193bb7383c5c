"""Articles from the web: `tracker fetch URL...` and `tracker feeds add/list/remove/poll`, with what
`tracker status` shows of them (web_status) and the poller `tracker serve` and `tracker watch` run."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tracker.cli.group import TrackerGroup
from tracker.cli.options import lexicon_option, load_lexicon_files, make_console

if TYPE_CHECKING:
    from tracker.cli.group import State
    from tracker.web.pages import PageOutcome
    from tracker.web.poll import Limits

_INTERVAL = re.compile(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")
MIN_INTERVAL_SECONDS = 60  # a feed polled more often than this gains nothing and burdens the site


def parse_interval(value: str) -> int:
    """'30m', '1h', '2h30m', '1d', '90s' -> seconds (at least a minute)."""
    found = _INTERVAL.fullmatch(value.strip().lower())
    if not value.strip() or not found or not any(found.groups()):
        raise click.BadParameter(f"{value!r} is not an interval; write it as 30m, 1h, 2h30m or 1d", param_hint="--interval")
    days, hours, minutes, seconds = (int(g or 0) for g in found.groups())
    total = ((days * 24 + hours) * 60 + minutes) * 60 + seconds
    if total < MIN_INTERVAL_SECONDS:
        raise click.BadParameter("poll a feed at most once a minute (--interval 1m or more)", param_hint="--interval")
    return total


def shown_interval(seconds: int) -> str:
    parts = [(seconds // 86400, "d"), (seconds % 86400 // 3600, "h"), (seconds % 3600 // 60, "m"), (seconds % 60, "s")]
    return "".join(f"{n}{unit}" for n, unit in parts if n) or "0s"


def _local(moment: datetime | None) -> str:
    """A stored UTC time as the analyst's local time."""
    return "never" if moment is None else f"{moment.replace(tzinfo=UTC).astimezone():%Y-%m-%d %H:%M}"


timeout_option = click.option("--timeout", default=20.0, show_default=True, type=click.FloatRange(0.1, 600.0),
                              metavar="SECONDS", help="Give up on a request after this long (body included).")
max_mb_option = click.option("--max-mb", default=5.0, show_default=True, type=click.FloatRange(0.01, 1000.0),
                             help="Size limit of a page or feed in MB.")


def _limits(timeout: float, max_mb: float) -> Limits:
    from tracker.web.poll import Limits

    return Limits(timeout=timeout, max_bytes=int(max_mb * 1024 * 1024))


# ----------------------------------------------------------------------------------------- fetch


@click.command(short_help="Read web pages: score and store each article once.")
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@click.option("--again", is_flag=True, help="Fetch pages read before anew (conditionally: an unchanged page is not downloaded).")
@timeout_option
@max_mb_option
@lexicon_option
@click.pass_obj
def fetch(state: State, urls: tuple[str, ...], again: bool, timeout: float, max_mb: float,
          lexicon_files: tuple[str, ...]) -> None:
    """Fetch each URL, read its article (main text, title, date, outlet) and store it as a dropped
    file would be: the same reader, the same check for an article stored already.

    A page read before is not fetched again (unless --again). A page that fails (timeout, 404,
    not an article, too large) is reported with its reason and retried later with back-off by
    `tracker feeds poll`, `tracker serve` and `tracker watch`. The exit status is 1 when a page failed.

    \b
    Example:
      tracker fetch https://www.example.org/2026/03/02/article.html
    """
    from tracker.web.poll import fetch_urls

    lexicon = load_lexicon_files(lexicon_files)
    results = fetch_urls(state.store, list(urls), limits=_limits(timeout, max_mb), lexicon=lexicon, again=again)
    console = make_console()
    for result in results:
        print_page(console, result)
    _check_alerts(state.store, [o for r in results for o in r.outcomes])
    if any(r.failure for r in results):
        raise click.exceptions.Exit(1)


def _check_alerts(store, outcomes) -> None:
    """The alert check every ingest ends with, when an article was stored."""
    from tracker.cli.alerts import check_after_ingest
    from tracker.web.poll import stored_any

    if stored_any(outcomes):
        check_after_ingest(store)


def print_page(console: Console, result: PageOutcome) -> None:
    styles = {"stored": "green", "duplicate": "yellow", "rejected": "red"}
    for o in result.outcomes:
        where = escape(result.url + (f" ({o.record})" if o.record else ""))
        if o.outcome == "stored":
            details = f"article {o.article_id}: {o.title or ''} ({o.observations} observation{'s' * (o.observations != 1)})"
        else:
            details = o.reason
        console.print(f"[{styles[o.outcome]}]{o.outcome:<10}[/] {where}: {escape(details)}")


# ----------------------------------------------------------------------------------------- feeds


@click.group(cls=TrackerGroup, short_help="Follow RSS and Atom feeds: add, list, remove, poll.")
def feeds() -> None:
    """RSS and Atom feeds whose articles are read and stored as they appear.

    `tracker serve` and `tracker watch` poll them at their interval; `tracker feeds poll` polls
    the feeds that are due once (for cron). Each article is fetched once, the feed itself with a
    conditional request; a feed or page that fails is shown by `tracker status` with its reason and
    retried with back-off.

    \b
    Example:
      tracker feeds add https://www.example.org/rss.xml --interval 30m
      tracker feeds list
      tracker feeds poll
    """


@feeds.command("add", short_help="Follow a feed.")
@click.argument("url")
@click.option("--interval", default="30m", show_default=True, metavar="30m|1h|1d", help="How often to poll it.")
@click.pass_obj
def feeds_add(state: State, url: str, interval: str) -> None:
    """Follow the RSS or Atom feed at URL; it is read at the next poll.

    \b
    Example:
      tracker feeds add https://www.example.org/international/rss.xml --interval 1h
    """
    from tracker.store.feeds import add_feed
    from tracker.web.fetching import FetchFailed, check_web_url

    seconds = parse_interval(interval)
    try:
        check_web_url(url)
    except FetchFailed as exc:
        raise click.BadParameter(exc.reason, param_hint="URL") from None
    feed = add_feed(state.store.engine, url, seconds)
    click.echo(f"Following feed {feed.id}: {feed.url} every {shown_interval(seconds)}.")


@feeds.command("list", short_help="The feeds followed and how they fare.")
@click.pass_obj
def feeds_list(state: State) -> None:
    """The feeds followed: number, URL, interval, articles stored, last poll, and any failure.

    \b
    Example:
      tracker feeds list
    """
    from tracker.store.feeds import list_feeds

    followed = list_feeds(state.store.engine)
    console = make_console()
    if not followed:
        console.print("No feeds followed; add one with `tracker feeds add URL`.")
        return
    table = Table(title_justify="left")
    for name in ("#", "Feed", "Every", "Articles", "Last poll", "State"):
        table.add_column(name, overflow="fold")
    for f in followed:
        table.add_row(str(f.id), escape(f.url + (f"\n{f.title}" if f.title else "")), shown_interval(f.interval_seconds),
                      str(f.articles), _local(f.last_polled_at), escape(_feed_state(f)))
    console.print(table)


def _feed_state(feed) -> str:
    if feed.failures:
        return f"failing ({feed.failures}x): {feed.last_error}; next attempt {_local(feed.next_poll_at)}"
    return f"ok; next poll {_local(feed.next_poll_at)}"


@feeds.command("remove", short_help="Stop following a feed.")
@click.argument("feed")
@click.pass_obj
def feeds_remove(state: State, feed: str) -> None:
    """Stop following FEED (its URL or its number in `tracker feeds list`). Its articles stay.

    \b
    Example:
      tracker feeds remove 3
    """
    from tracker.store.feeds import remove_feed

    removed = remove_feed(state.store.engine, feed)
    click.echo(f"No longer following feed {removed.id}: {removed.url} (its articles stay).")


@feeds.command("poll", short_help="Poll the feeds that are due, once (for cron).")
@click.option("--all", "every", is_flag=True, help="Poll every feed now, due or not (failing ones too).")
@timeout_option
@max_mb_option
@lexicon_option
@click.pass_obj
def feeds_poll(state: State, every: bool, timeout: float, max_mb: float, lexicon_files: tuple[str, ...]) -> None:
    """Poll the feeds whose interval (or back-off) has run out, read their new articles and the
    pages waiting for a retry, then stop. The exit status is 1 when a feed or page failed.

    \b
    Example:
      tracker feeds poll
      */10 * * * *  tracker --db ~/tracker.db feeds poll   (a crontab line)
    """
    from tracker.web.poll import poll

    lexicon = load_lexicon_files(lexicon_files)
    report = poll(state.store, limits=_limits(timeout, max_mb), lexicon=lexicon, every=every)
    console = make_console()
    for url, reason in report.feed_failures:
        console.print(f"[red]{'feed failed':<10}[/] {escape(url)}: {escape(reason)}")
    for page in report.pages:
        print_page(console, page)
    stored = sum(o.outcome == "stored" for o in report.outcomes)
    console.print(f"{report.feeds} feed{'s' * (report.feeds != 1)} polled, {len(report.pages)} page"
                  f"{'s' * (len(report.pages) != 1)} read, {stored} article{'s' * (stored != 1)} stored.")
    _check_alerts(state.store, report.outcomes)
    if report.feed_failures or any(p.failure for p in report.pages):
        raise click.exceptions.Exit(1)


# ---------------------------------------------------------------------------------------- status


def print_web_status(console: Console, store, *, errors: int = 5) -> None:
    """The feeds and the pages from the web in `tracker status` (nothing when none were ever used)."""
    from tracker.store.feeds import failing_pages, list_feeds, waiting_pages

    followed = list_feeds(store.engine)
    failed_count, failed = failing_pages(store.engine, errors)
    waiting = waiting_pages(store.engine)
    if not followed and not failed_count and not waiting:
        return
    failing = [f for f in followed if f.failures]
    console.print(f"Feeds: {len(followed)} followed, {len(failing)} failing; pages: {waiting} waiting, "
                  f"{failed_count} failed")
    for f in failing:
        console.print(f"  feed {f.id} {escape(f.url)}: {escape(f.last_error)} ({f.failures} failure"
                      f"{'s' * (f.failures != 1)} in a row; next attempt {_local(f.next_poll_at)})")
    for page in failed:
        retry = f"next attempt {_local(page.next_attempt_at)}" if page.next_attempt_at else "given up"
        console.print(f"  page {escape(page.url)}: {escape(page.last_error)} ({retry})")
