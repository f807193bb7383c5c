"""Articles from feeds and URLs, against a web site the test starts on 127.0.0.1 (tests/websites.py):
good, slow, missing, malformed, oversized and changing feeds and pages, the same article in two
feeds. Each article is stored once, each failure reported with its reason and backed off, and
nothing is fetched from outside the machine (any other address is refused by the `loopback_only`
guard). Every text here is invented for the tests.
"""

from __future__ import annotations

import socket
import time
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update
from websites import Site, article_page, atom, rss

from tracker.alerts import repository
from tracker.alerts.channels import make_channel
from tracker.alerts.model import rule_from_dict
from tracker.cli import cli
from tracker.store import feeds as feed_store
from tracker.store import open_store
from tracker.store.schema import articles, feeds, web_pages
from tracker.web.fetching import USER_AGENT
from tracker.web.poll import PAGE_ATTEMPTS, FeedPoller, Limits, backoff, fetch_urls, poll

FAST = Limits(timeout=0.5, max_bytes=64 * 1024)

# Invented news paragraphs (each list one article).
TALKS = [
    "Invented example. Russia and the United States resumed arms-control talks in Geneva on Monday, "
    "officials of both countries said after the first session.",
    "The two delegations agreed to meet again next month, according to a joint statement read to reporters "
    "at the end of the day.",
    "Diplomats quoted in this invented report said the meeting eased some of the tension of recent weeks.",
]
SHARED = [
    "Invented example. Japan and South Korea signed an agreement on fisheries in Tokyo on Monday, "
    "the two governments said.",
    "The agreement, reached after two years of negotiation, sets quotas for the waters between the two countries.",
    "Officials of both sides described the invented accord as a step towards closer cooperation.",
]
TARIFFS = [
    "Invented example. France condemned the new tariffs that China imposed on wine on Monday, "
    "calling them unjustified.",
    "The French trade minister said Paris would ask the European Commission to respond firmly.",
    "Beijing said in this invented report that the duties answered earlier European measures.",
]
UPDATED = [
    "Invented example. Russia and the United States ended their arms-control talks in Geneva on Tuesday "
    "without an agreement, officials said.",
    "Both delegations blamed the other side for the failure, in statements issued in this invented update.",
    "No date was set for another round.",
]


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Nothing leaves the machine: resolving any host but 127.0.0.1 fails the test."""
    resolve = socket.getaddrinfo

    def guarded(host, *args, **kwargs):
        assert host in ("127.0.0.1", b"127.0.0.1"), f"the test tried to reach {host!r}"
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@pytest.fixture
def site():
    running = Site().start()
    yield running
    running.stop()


@pytest.fixture
def store(tmp_path):
    opened = open_store(str(tmp_path / "tracker.db"))
    yield opened
    opened.close()


def stored_articles(store) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(articles).order_by(articles.c.id)).mappings()]


def make_due(store) -> None:
    """Bring every feed's and page's next time to now: what waiting out the back-off would do."""
    past = feed_store.utcnow() - timedelta(seconds=1)
    with store.engine.begin() as conn:
        conn.execute(update(feeds).values(next_poll_at=past))
        conn.execute(update(web_pages).where(web_pages.c.next_attempt_at.is_not(None)).values(next_attempt_at=past))


def run(db, *argv):
    result = CliRunner().invoke(cli, ["--db", str(db), *argv], env={"COLUMNS": "400"}, catch_exceptions=False)
    return result


# ----------------------------------------------------------------------------------- tracker fetch


def test_a_page_is_read_and_stored_with_its_url_outlet_and_date_and_never_fetched_twice(site, store):
    url = site.serve("/news/talks.html", article_page("Arms talks resume (invented)", TALKS))
    moved = site.serve("/old/talks", b"", status=301, headers={"Location": "/news/talks.html"}, validators=False)

    [result] = fetch_urls(store, [moved], limits=FAST)

    assert [o.outcome for o in result.outcomes] == ["stored"]
    [article] = stored_articles(store)
    assert (article["url"], article["outlet"], article["title"]) == (url, "The Invented Courier", "Arms talks resume (invented)")
    assert (article["published"], article["published_source"]) == (date(2026, 3, 2), "html")
    assert article["is_example"] and "arms-control talks" in article["text"] and "Sport" not in article["text"]
    assert site.requests[0].headers["User-Agent"] == USER_AGENT and USER_AGENT.startswith("tension-tracker/0.")
    # Read before: not fetched again; with --again, asked conditionally and found unchanged.
    [again] = fetch_urls(store, [moved], limits=FAST)
    assert again.outcomes[0].outcome == "duplicate" and "already read" in again.outcomes[0].reason
    assert len(site.requests) == 2  # the redirect and the page, once
    [unchanged] = fetch_urls(store, [moved], limits=FAST, again=True)
    assert "unchanged since it was last fetched" in unchanged.outcomes[0].reason
    assert site.asked("/news/talks.html")[-1].headers.get("If-None-Match")
    # A page that changed: --again stores its new text, the old one stays.
    site.serve("/news/talks.html", article_page("Arms talks end (invented)", UPDATED))
    [changed] = fetch_urls(store, [url], limits=FAST, again=True)
    assert changed.outcomes[0].outcome == "stored"
    assert [a["title"] for a in stored_articles(store)] == ["Arms talks resume (invented)", "Arms talks end (invented)"]


def test_a_page_without_a_date_or_site_name_takes_the_feed_date_or_the_fetch_day_and_the_host(site, store):
    url = site.serve("/news/undated.html", article_page("Undated (invented)", TARIFFS, published=None, site_name=None))
    fetch_urls(store, [url], limits=FAST)
    [article] = stored_articles(store)
    assert article["outlet"] == "127.0.0.1"
    # "fetched" is a weak date, as a file's mtime: the scorer looks for one in the text first.
    assert article["published_source"] in ("fetched", "text")


def test_addresses_that_are_not_web_pages_are_refused_before_any_request(store):
    [result] = fetch_urls(store, ["file:///etc/passwd"], limits=FAST)
    assert "not a web address" in result.failure
    assert stored_articles(store) == []


# ------------------------------------------------------------------------------------------ feeds


def test_the_same_article_in_two_feeds_is_fetched_once_and_stored_once(site, store):
    site.serve("/news/talks.html", article_page("Arms talks resume (invented)", TALKS))
    site.serve("/mirror/talks.html", article_page("Arms talks resume (invented)", TALKS, site_name="The Invented Mirror"))
    site.serve("/news/shared.html", article_page("Fisheries accord (invented)", SHARED))
    site.serve("/feeds/a.xml", rss("Invented feed A", [
        ("Arms talks", site.url("/news/talks.html"), "a-1"),
        ("Fisheries", site.url("/news/shared.html?utm_source=rss"), "a-2"),
    ]), content_type="application/rss+xml")
    site.serve("/feeds/b.xml", atom("Invented feed B", [
        ("Fisheries", site.url("/news/shared.html#top"), "urn:b:1"),
        ("Arms talks", site.url("/mirror/talks.html"), "urn:b:2"),
    ]), content_type="application/atom+xml")
    for path in ("/feeds/a.xml", "/feeds/b.xml"):
        feed_store.add_feed(store.engine, site.url(path), 1800)

    report = poll(store, limits=FAST)

    assert report.feeds == 2 and report.feed_failures == []
    assert sorted(a["title"] for a in stored_articles(store)) == ["Arms talks resume (invented)", "Fisheries accord (invented)"]
    assert len(site.asked("/news/shared.html?utm_source=rss")) + len(site.asked("/news/shared.html")) == 1
    outcomes = {p.url: [o.outcome for o in p.outcomes] for p in report.pages}
    assert outcomes[site.url("/mirror/talks.html")] == ["duplicate"]  # another URL, the same text
    assert all(a["published"] == date(2026, 3, 2) for a in stored_articles(store))
    assert [f.articles for f in feed_store.list_feeds(store.engine)] == [2, 0]
    assert {f.title for f in feed_store.list_feeds(store.engine)} == {"Invented feed A", "Invented feed B"}

    # Polled again: the feeds answer 304 to the conditional GET, and no page is asked for.
    before = len(site.requests)
    report = poll(store, limits=FAST, every=True)
    assert report.pages == [] and len(site.requests) == before + 2
    assert all(r.headers.get("If-None-Match") for r in site.requests[before:])

    # The feed changes (a new item) and a page it listed changes: only the new item is fetched.
    site.serve("/news/talks.html", article_page("Arms talks end (invented)", UPDATED))
    site.serve("/news/tariffs.html", article_page("Wine tariffs (invented)", TARIFFS))
    site.serve("/feeds/a.xml", rss("Invented feed A", [
        ("Wine tariffs", site.url("/news/tariffs.html"), "a-3"),
        ("Arms talks (updated)", site.url("/news/talks.html"), "a-1"),
        ("Fisheries", site.url("/news/shared.html?utm_source=rss"), "a-2"),
    ]), content_type="application/rss+xml")
    poll(store, limits=FAST, every=True)
    assert len(site.asked("/news/tariffs.html")) == 1 and len(site.asked("/news/talks.html")) == 1
    assert len(stored_articles(store)) == 3


FAILING_FEEDS: dict[str, tuple[str, dict | None]] = {
    "/feeds/slow.xml": ("timed out after 0.5 s", dict(body=rss("Slow", []), delay=2.0)),
    "/feeds/gone.xml": ("404", None),
    "/feeds/broken.xml": ("not well-formed XML", dict(body="<rss><channel><item><title>Unclosed (invented)")),
    "/feeds/page.html": ("not an RSS or Atom feed", dict(body=article_page("A page, not a feed (invented)", TALKS))),
}


SECTION_FRONT = """<html><head><meta name="note" content="invented example"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><h1>World news (invented)</h1><p>Subscribe to read the latest invented stories.</p></main></body></html>"""


def failing_pages(site) -> dict[str, str]:
    """Pages a good feed lists, each failing in its own way, and the reason expected."""
    big = article_page("Too long (invented)", TALKS * 400)
    pages: dict[str, tuple[str, dict | None]] = {
        "/news/big.html": ("larger than the 0.1 MB limit", dict(body=big)),
        "/news/big-streamed.html": ("larger than the 0.1 MB limit", dict(body=big, length=False)),
        "/news/menu.html": ("not an article", dict(body=SECTION_FRONT)),
        "/news/script.html": ("no article text found", dict(body="<html><body><script>app()</script></body></html>")),
        "/news/photo.png": ("not an article page", dict(body=b"\x89PNG invented", content_type="image/png")),
        "/news/missing.html": ("404", None),
        "/news/elsewhere.html": ("not a web address", dict(body=b"", status=302, validators=False,
                                                          headers={"Location": "file:///etc/passwd"})),
        "/news/slow.html": ("timed out", dict(body=article_page("Slow (invented)", TALKS), delay=2.0)),
    }
    for path, (_, route) in pages.items():
        if route is not None:
            site.serve(path, **route)
    return {site.url(path): reason for path, (reason, _) in pages.items()}


def test_failing_feeds_and_pages_are_reported_with_their_reasons_and_backed_off(site, store, tmp_path):
    for path, (_, route) in FAILING_FEEDS.items():
        if route is not None:
            site.serve(path, **route)
        feed_store.add_feed(store.engine, site.url(path), 1800)
    expected_pages = failing_pages(site)
    site.serve("/feeds/good.xml", rss("Good (invented)", [("x", url, url) for url in expected_pages]))
    feed_store.add_feed(store.engine, site.url("/feeds/good.xml"), 1800)
    limits = Limits(timeout=0.5, max_bytes=100 * 1024)

    started = feed_store.utcnow()
    report = poll(store, limits=limits)

    failures = dict(report.feed_failures)
    for path, (reason, _) in FAILING_FEEDS.items():
        assert reason in failures[site.url(path)]
    pages = {p.url: p.failure for p in report.pages}
    assert pages.keys() == expected_pages.keys()
    for url, reason in expected_pages.items():
        assert reason in pages[url], url
    assert stored_articles(store) == []
    # The back-off is stored: a minute after the first failure, two after the second.
    for feed in feed_store.list_feeds(store.engine):
        if feed.failures:
            assert timedelta(seconds=55) <= feed.next_poll_at - started <= timedelta(seconds=75)
    make_due(store)
    second = feed_store.utcnow()
    poll(store, limits=limits)
    feed = feed_store.find_feed(store.engine, site.url("/feeds/gone.xml"))
    assert feed.failures == 2 and timedelta(seconds=115) <= feed.next_poll_at - second <= timedelta(seconds=135)
    page = feed_store.find_page(store.engine, site.url("/news/missing.html"))
    assert page is not None and page.attempts == 2 and page.state == "failed"

    # `tracker status` gives each reason.
    shown = run(store.engine.url.database, "status", str(tmp_path / "inbox"), "--errors", "20").output
    assert "Feeds: 5 followed, 4 failing; pages: 0 waiting, 8 failed" in shown
    for reason in [r for r, _ in FAILING_FEEDS.values()] + list(expected_pages.values()):
        assert reason in shown

    # The missing page appears: the next retry stores it, and it is failing no more.
    site.serve("/news/missing.html", article_page("Found at last (invented)", SHARED))
    make_due(store)
    poll(store, limits=limits)
    page = feed_store.find_page(store.engine, site.url("/news/missing.html"))
    assert page is not None and (page.state, page.attempts, page.next_attempt_at) == ("stored", 0, None)
    assert [a["title"] for a in stored_articles(store)] == ["Found at last (invented)"]


def test_the_back_off_doubles_up_to_a_day_and_a_page_is_given_up_after_its_attempts(site, store):
    assert [backoff(n) for n in (1, 2, 3, 4)] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert backoff(40) == timedelta(days=1)
    assert backoff(1, retry_after=600) == timedelta(minutes=10)  # the server's Retry-After wins
    url = site.url("/news/never.html")
    for _ in range(PAGE_ATTEMPTS):
        fetch_urls(store, [url], limits=FAST)
    page = feed_store.find_page(store.engine, url)
    assert page is not None and (page.state, page.next_attempt_at) == ("given-up", None)
    assert "given up after 10 attempts" in page.last_error


EXPELLED = [
    "Invented example. Russia accused the United States of threatening its security on Monday, and Moscow "
    "expelled ten American diplomats.",
    "Washington condemned the expulsions and warned that it would respond, officials said in this invented report.",
    "The two countries have exchanged accusations for several weeks.",
]


def test_the_background_poller_reads_a_feed_checks_the_alerts_and_stops_promptly(site, store, tmp_path):
    site.serve("/news/expelled.html", article_page("Diplomats expelled (invented)", EXPELLED))
    site.serve("/feeds/a.xml", rss("Invented feed A", [("Expelled", site.url("/news/expelled.html"), "a-1")]))
    feed_store.add_feed(store.engine, site.url("/feeds/a.xml"), 1800)
    rule = rule_from_dict({"pair": "RUS-USA", "level_above": 0, "freq": "M", "since": date(2026, 1, 1)})
    repository.add_rule(store.engine, rule)
    digest = tmp_path / "alerts.md"
    repository.add_channel(store.engine, make_channel("digest", {"path": str(digest)}))
    poller = FeedPoller(store, limits=FAST, tick=0.2).start()
    try:
        deadline = time.monotonic() + 120
        while not stored_articles(store) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        started = time.monotonic()
        poller.stop()
    assert time.monotonic() - started < 3
    assert len(stored_articles(store)) == 1 and len(site.asked("/feeds/a.xml")) == 1
    [alert] = repository.load_alerts(store.engine)
    assert alert.pair == "RUS-USA" and "expelled ten American diplomats" in digest.read_text(encoding="utf-8")


# -------------------------------------------------------------------------------------------- CLI


def test_the_feeds_commands_add_list_poll_and_remove(site, tmp_path):
    db = tmp_path / "tracker.db"
    site.serve("/news/talks.html", article_page("Arms talks resume (invented)", TALKS))
    feed_url = site.serve("/feeds/a.xml", rss("Invented feed A", [("Arms talks", site.url("/news/talks.html"), "a-1")]))

    added = run(db, "feeds", "add", feed_url, "--interval", "2h30m")
    assert added.exit_code == 0 and f"Following feed 1: {feed_url} every 2h30m." in added.output
    assert "followed already" in run(db, "feeds", "add", feed_url).output
    assert "not an interval" in run(db, "feeds", "add", site.url("/x.xml"), "--interval", "soon").output
    assert "not a web address" in run(db, "feeds", "add", "ftp://127.0.0.1/feed").output
    polled = run(db, "feeds", "poll", "--timeout", "5")
    assert polled.exit_code == 0, polled.output
    assert "1 feed polled, 1 page read, 1 article stored." in polled.output
    listed = run(db, "feeds", "list").output
    assert feed_url in listed and "Invented feed A" in listed and "2h30m" in listed and "ok; next poll" in listed
    assert "0 feeds polled" in run(db, "feeds", "poll").output  # not due for 2h30m
    fetched = run(db, "fetch", site.url("/news/talks.html"))
    assert fetched.exit_code == 0 and "already read from the web" in fetched.output
    assert run(db, "fetch", site.url("/news/none.html"), "--timeout", "5").exit_code == 1
    removed = run(db, "feeds", "remove", "1")
    assert removed.exit_code == 0 and "its articles stay" in removed.output
    assert "No feeds followed" in run(db, "feeds", "list").output
    assert "no feed '1' is followed" in run(db, "feeds", "remove", "1").output


# ---------------------------------------------------------------------------------------- the store


def test_the_store_remembers_items_and_pages_and_lets_one_poller_claim_each(db_url):
    """On SQLite and PostgreSQL: a URL listed by two feeds is one page; a claim is taken once; a
    removed feed's pages are still known, so following it again fetches none of them."""
    store = open_store(db_url)
    try:
        engine, now = store.engine, feed_store.utcnow()
        one = feed_store.add_feed(engine, "http://127.0.0.1:9/one.xml", 600, now=now)
        two = feed_store.add_feed(engine, "http://127.0.0.1:9/two.xml", 600, now=now)
        entry = feed_store.Entry("guid-1", "http://127.0.0.1:9/a.html?utm_medium=rss#top", "A (invented)", date(2026, 3, 2))
        [page] = feed_store.record_entries(engine, one, [entry], now)
        assert page.url == "http://127.0.0.1:9/a.html" and page.entry_published == date(2026, 3, 2)
        assert feed_store.record_entries(engine, two, [entry], now) == []  # known by its URL
        assert feed_store.record_entries(engine, one, [entry], now) == []  # known by its GUID
        assert [p.id for p in feed_store.claim_due_pages(engine, now, 10)] == [page.id]
        assert feed_store.claim_due_pages(engine, now, 10) == []  # claimed already
        assert [f.id for f in feed_store.claim_due_feeds(engine, now)] == [one.id, two.id]
        assert feed_store.claim_due_feeds(engine, now) == []
        feed_store.remove_feed(engine, str(one.id))
        again = feed_store.add_feed(engine, one.url, 600, now=now)
        assert feed_store.record_entries(engine, again, [entry], now) == []
    finally:
        store.close()
