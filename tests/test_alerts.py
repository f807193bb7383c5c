"""Alerts: rules as data, what fires (level, change, volume, with their evidence minimum), once per
rule and period, and the outbox delivering to a real SMTP server (aiosmtpd), a real HTTP server and a
digest file, all on 127.0.0.1, after they were down, exactly once.

The end-to-end test ingests invented articles (marked as such) with the real scorer through the
real `tracker ingest`; the others store hand-built articles (tests/test_store.make_scored).
"""

from __future__ import annotations

import json
import socket
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner
from test_store import make_scored

from tracker.alerts import check_alerts, repository, rulefile
from tracker.alerts.channels import make_channel
from tracker.alerts.check import AlertWatch, retry_delay
from tracker.alerts.model import RuleError, rule_from_dict
from tracker.cli import cli
from tracker.periods import period_start
from tracker.store import open_store

MONDAY = date(2024, 5, 13)


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def body(*sentences: str) -> str:
    return "\n\n".join(["Note: invented example, not real reporting.", *sentences])


def add_articles(store, day: date, scores: list[float], tag: str) -> None:
    """One stored article per score, each of one observation of RUS-USA dated ``day``."""
    for n, score in enumerate(scores):
        text = body(f"Moscou et Washington, article {tag}-{n} du {day}, invented sentence number {n}.")
        store.add_scored(make_scored(text, scores=(score,), published=day, title=f"Invented {tag} {n}"))


def add_rule(store, **values) -> int:
    return repository.add_rule(store.engine, rule_from_dict({"since": MONDAY - timedelta(weeks=1), **values}))


# ---------------------------------------------------------------------------------------- rules


def test_a_rule_takes_one_condition_and_checked_values():
    rule = rule_from_dict({"pair": "usa-rus", "level_above": 4, "freq": "w"}, today=date(2024, 5, 15))
    assert (rule.pair, rule.kind, rule.direction, rule.freq) == ("RUS-USA", "level", "above", "W")
    assert rule.since == date(2024, 5, 6)  # the previous week: an article about last Sunday still counts
    assert rule_from_dict({"pair": "*", "volume_above": 3}).pair == "*"
    for values, words in [
        ({"pair": "RUS-USA"}, "exactly one condition"),
        ({"pair": "RUS-USA", "level_above": 1, "change_above": 2}, "exactly one condition"),
        ({"pair": "RUS-USA", "level_above": 11}, "scale"),
        ({"pair": "RUS-USA", "volume_above": 0}, "factor above 0"),
        ({"pair": "RUS-USA", "level_above": 1, "freq": "Q"}, "granularity"),
        ({"pair": "XXX-USA", "level_above": 1}, "XXX"),
        ({"pair": "RUS-USA", "level_above": 1, "min_articles": 0}, "min_articles"),
        ({"pair": "RUS-USA", "level_above": 1, "colour": "red"}, "unknown key colour"),
    ]:
        with pytest.raises(RuleError, match=words):
            rule_from_dict(values)


def test_rules_and_channels_go_to_a_file_and_back(tmp_path):
    rules = [rule_from_dict({"pair": "RUS-USA", "level_above": 4, "min_articles": 2, "name": "Moscow"}),
             rule_from_dict({"pair": "*", "volume_above": 3, "baseline": 6, "freq": "M"})]
    channels = [make_channel("webhook", {"url": "http://127.0.0.1:9/hook"}),
                make_channel("email", {"to": ["analyst@example.org"], "smtp_host": "mail.example.org"})]
    for name in ("rules.toml", "rules.json"):
        rulefile.dump(tmp_path / name, rules, channels)
        assert rulefile.load(tmp_path / name) == (rules, channels)
    assert "password" not in (tmp_path / "rules.toml").read_text().replace("password_env", "")
    (tmp_path / "bad.toml").write_text('[[rule]]\npair = "RUS-USA"\nlevel_above = "high"\n')
    with pytest.raises(RuleError, match="rule 1: level_above is a number"):
        rulefile.load(tmp_path / "bad.toml")


# ------------------------------------------------------------------------------- what fires


def test_a_level_rule_waits_for_its_evidence_and_fires_once_per_period(store):
    add_rule(store, pair="RUS-USA", level_above=3, min_articles=2)
    add_articles(store, MONDAY, [6.0], "a")
    assert check_alerts(store).fired == []  # one article is not enough
    add_articles(store, MONDAY + timedelta(days=2), [5.0], "b")
    fired = check_alerts(store).fired
    assert [(a.pair, a.period, a.value, a.n_articles) for a in fired] == [("RUS-USA", MONDAY, 5.5, 2)]
    assert [s.score for s in fired[0].sentences] == [6.0, 5.0]  # the strongest first, with their words
    assert "invented sentence" in fired[0].sentences[0].sentence
    add_articles(store, MONDAY + timedelta(days=3), [7.0], "c")
    assert check_alerts(store).fired == []  # the same rule and week: stored once
    stored = repository.load_alerts(store.engine)
    assert len(stored) == 1 and stored[0].sentences == fired[0].sentences


def test_a_change_rule_compares_with_the_previous_period(store):
    add_rule(store, pair="RUS-USA", change_above=5)
    add_articles(store, MONDAY - timedelta(weeks=1), [-4.0], "before")
    add_articles(store, MONDAY, [-2.0], "same")
    assert check_alerts(store).fired == []  # +2 is no jump
    add_articles(store, MONDAY + timedelta(weeks=1), [4.0], "jump")
    fired = check_alerts(store).fired
    assert [(a.period, a.value, a.previous) for a in fired] == [(MONDAY + timedelta(weeks=1), 6.0, -2.0)]
    assert "+6.00 against the previous week" in fired[0].message


def test_a_volume_rule_compares_with_the_median_of_the_periods_before(store):
    add_rule(store, pair="*", volume_above=3, baseline=4, min_observations=4)
    for weeks in (1, 2, 3):  # three quiet weeks and one without any observation: the median is 1
        add_articles(store, MONDAY - timedelta(weeks=weeks), [1.0], f"quiet{weeks}")
    add_articles(store, MONDAY, [2.0, 3.0, 2.0], "busy")
    assert check_alerts(store).fired == []  # 3 observations: under the evidence minimum
    add_articles(store, MONDAY, [2.5], "busier")
    fired = check_alerts(store).fired
    assert [(a.pair, a.period, a.value, a.previous, a.n_obs) for a in fired] == [("RUS-USA", MONDAY, 4.0, 1.0, 4)]


def test_a_removed_rule_keeps_its_alerts(store):
    rule_id = add_rule(store, pair="RUS-USA", level_below=0)
    add_articles(store, MONDAY, [-3.0], "calm")
    assert len(check_alerts(store).fired) == 1
    assert repository.remove_rule(store.engine, rule_id)
    assert [a.rule_id for a in repository.load_alerts(store.engine)] == [None]


# ---------------------------------------------------------------------------- local servers


class SmtpInbox:
    """aiosmtpd's handler: every message accepted, kept as bytes."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content)
        return "250 Message accepted for delivery"


class WebhookServer:
    """A JSON receiver on 127.0.0.1: answers each POST with the next status of ``statuses`` (then 200)."""

    def __init__(self, port: int, statuses: list[int] | None = None):
        self.posts: list[tuple[dict, dict]] = []
        statuses = list(statuses or [])
        posts = self.posts

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                data = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                status = statuses.pop(0) if statuses else 200
                if status == 200:
                    posts.append((data, dict(self.headers)))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def test_a_webhook_that_fails_is_retried_after_its_back_off_and_delivered_once(store):
    port = free_port()
    server = WebhookServer(port, statuses=[503])
    try:
        repository.add_channel(store.engine, make_channel("webhook", {"url": f"http://127.0.0.1:{port}/hook"}))
        add_rule(store, pair="RUS-USA", level_above=3)
        add_articles(store, MONDAY, [6.0], "a")
        first = check_alerts(store)
        assert len(first.fired) == 1 and "HTTP 503" in first.failed[0][2] and server.posts == []
        now = repository.utcnow()
        assert check_alerts(store, now=now + timedelta(seconds=30)).sent == 0  # still backing off
        assert check_alerts(store, now=now + retry_delay(1) + timedelta(seconds=1)).sent == 1
        assert check_alerts(store, now=now + timedelta(days=1)).sent == 0
        [(payload, headers)] = server.posts
        assert payload["id"] == first.fired[0].uid == headers["Idempotency-Key"]
        assert payload["pair"] == "RUS-USA" and payload["sentences"][0]["score"] == 6.0
    finally:
        server.stop()
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]
    assert retry_delay(30) == timedelta(hours=6)


# ------------------------------------------------------------- end to end: ingest, fire, deliver

TODAY = date.today()


def article(name: str, sentence: str) -> str:
    return (f"Title: {name}\nDate: {TODAY.isoformat()}\nLanguage: en\nNote: invented example, not real reporting\n\n"
            f"{sentence}\n")


COOPERATION = article("Space agreement", "Russia and the United States signed an agreement on cooperation in space research.")
EXPULSION = article("Diplomats expelled", "Russia accused the United States of threatening its security and Moscow "
                    "expelled ten American diplomats.")
SANCTIONS = article("Sanctions", "Moscow condemned Washington's sanctions and warned of retaliation against the United States.")


def tracker(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args], env={"COLUMNS": "300"}, catch_exceptions=False)


def test_an_ingested_article_fires_a_rule_once_and_every_channel_gets_it_once_after_being_down(db_url, tmp_path):
    smtp_port, http_port = free_port(), free_port()
    digest = tmp_path / "alerts.md"
    for argv in (["alerts", "add", "RUS-USA", "--level-above", "0"],
                 ["alerts", "channel", "add", "digest", "--path", str(digest)],
                 ["alerts", "channel", "add", "email", "--to", "analyst@example.org", "--smtp-host", "127.0.0.1",
                  "--smtp-port", str(smtp_port), "--security", "none", "--timeout", "5"],
                 ["alerts", "channel", "add", "webhook", "--url", f"http://127.0.0.1:{http_port}/hook", "--timeout", "5"]):
        assert tracker(db_url, *argv).exit_code == 0
    for name, text in (("coop.txt", COOPERATION), ("expulsion.txt", EXPULSION), ("sanctions.txt", SANCTIONS)):
        (tmp_path / name).write_text(text, encoding="utf-8")

    # A cooperation article: the week's level is below 0, nothing fires.
    result = tracker(db_url, "ingest", "--workers", "1", "--no-progress", str(tmp_path / "coop.txt"))
    assert result.exit_code == 0 and "alert:" not in result.output
    # The expulsion moves the week above 0: the alert fires; the digest takes it, the servers are down.
    result = tracker(db_url, "ingest", "--workers", "1", "--no-progress", str(tmp_path / "expulsion.txt"))
    assert result.exit_code == 0, result.output
    assert "alert: RUS-USA in the week of" in result.output and "2 failed" in result.output
    store = open_store(db_url)
    try:
        [alert] = repository.load_alerts(store.engine)
        assert alert.period == period_start(TODAY, "W") and alert.n_articles == 2
        assert "expelled ten American diplomats" in alert.sentences[0].sentence
        outbox = repository.deliveries(store.engine)
        assert list(outbox["status"]) == ["sent", "pending", "pending"] and list(outbox["attempts"]) == [1, 1, 1]

        inbox = SmtpInbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
        controller.start()
        webhook = WebhookServer(http_port)
        try:
            assert check_alerts(store).sent == 0  # back-off: not yet
            result = tracker(db_url, "alerts", "check", "--retry-now")
            assert result.exit_code == 0 and "0 alerts fired by 1 rule; 2 deliveries sent." in result.output
            # The next article keeps the week above 0: no second alert, nothing sent again.
            result = tracker(db_url, "ingest", "--workers", "1", "--no-progress", str(tmp_path / "sanctions.txt"))
            assert result.exit_code == 0 and "alert:" not in result.output
            assert check_alerts(store, now=repository.utcnow() + timedelta(days=2), retry_now=True).sent == 0
        finally:
            controller.stop()
            webhook.stop()
        assert len(repository.load_alerts(store.engine)) == 1
        assert set(repository.deliveries(store.engine)["status"]) == {"sent"}
    finally:
        store.close()
    [message] = inbox.messages
    assert f"Message-ID: <{alert.uid}@tension-tracker>".encode() in message
    assert b"expelled ten American diplomats" in message
    [(payload, _headers)] = webhook.posts
    assert payload["id"] == alert.uid and payload["period"] == alert.period.isoformat()
    assert digest.read_text(encoding="utf-8").count(f"<!-- alert {alert.uid} -->") == 1
    shown = tracker(db_url, "alerts", "fired").output
    assert "expelled ten American diplomats" in shown and shown.count(": sent") == 3


def test_the_drop_folder_checks_the_alerts_after_storing_an_article(tmp_path):
    from tracker.ingest.dropfolder import DropFolder

    store = open_store(tmp_path / "tracker.db")
    try:
        repository.add_rule(store.engine, rule_from_dict({"pair": "RUS-USA", "level_above": 0}))
        digest = tmp_path / "alerts.html"
        repository.add_channel(store.engine, make_channel("digest", {"path": str(digest)}))
        inbox = tmp_path / "inbox"
        inbox.mkdir()
        (inbox / "expulsion.txt").write_text(EXPULSION, encoding="utf-8")
        DropFolder(inbox, store, debounce=0.05).run(once=True)
        [alert] = repository.load_alerts(store.engine)
        page = digest.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and page.count(f"<!-- alert {alert.uid} -->") == 1
        assert "expelled ten American diplomats" in page
        assert AlertWatch(store).tick() is not None  # nothing new, nothing due: a quiet check
        assert len(repository.load_alerts(store.engine)) == 1
    finally:
        store.close()


def test_the_dashboard_lists_the_alerts_with_their_sentences(tmp_path):
    from dashboard.app import create_app
    from dashboard.pages import alerts as alerts_page

    db = tmp_path / "tracker.db"
    store = open_store(db)
    try:
        add_rule(store, pair="RUS-USA", level_above=3)
        add_articles(store, MONDAY, [6.0], "a")
        [alert] = check_alerts(store).fired
        app = create_app(str(db), inbox=tmp_path / "inbox", warm_export=False)
        ctx = type("Ctx", (), {"engine": store.engine})()
        page, kind = alerts_page.layout(ctx, None)
        shown = str(page)
        assert kind == "alerts" and "RUS-USA, the week of 2024-05-13" in shown
        assert "invented sentence number 0" in shown and "/article/" in shown
        assert "pairs=RUS-USA" in shown and "no channel" in shown
        assert any("alerts-list.children" in key for key in app.callback_map)
    finally:
        store.close()
    assert alert.uid
