"""The alert tables (store/schema.py, migration 0005) read and written as the records of model.py.

Rules and channels: add, list, remove. Alerts: stored once per rule, pair and period, each with its
sentences and one pending delivery per channel, in one transaction. Deliveries: the outbox that
outbox.py works through (claim, mark sent, mark failed).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pandas as pd
from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from tracker.alerts.model import Alert, AlertSentence, Channel, Rule
from tracker.store.schema import alert_channels, alert_deliveries, alert_rules, alert_sentences, alerts


def utcnow() -> datetime:
    """Naive UTC, as every timestamp of the store."""
    return datetime.now(UTC).replace(tzinfo=None)


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction; on SQLite it takes the write lock up front (see store/db.py)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            yield conn


# ------------------------------------------------------------------------------- rules, channels


def add_rule(engine: Engine, rule: Rule) -> int:
    row = {"name": rule.name, "pair": rule.pair, "kind": rule.kind, "direction": rule.direction,
           "threshold": rule.threshold, "freq": rule.freq, "min_articles": rule.min_articles,
           "min_observations": rule.min_observations, "baseline": rule.baseline, "since": rule.since,
           "created_at": utcnow()}
    with writing(engine) as conn:
        return int(conn.execute(insert(alert_rules).returning(alert_rules.c.id), [row]).scalar_one())


def rules(engine: Engine) -> list[Rule]:
    with engine.connect() as conn:
        rows = conn.execute(select(alert_rules).order_by(alert_rules.c.id)).mappings().all()
    return [Rule(pair=r["pair"], kind=r["kind"], direction=r["direction"], threshold=float(r["threshold"]),
                 freq=r["freq"], min_articles=r["min_articles"], min_observations=r["min_observations"],
                 baseline=r["baseline"], since=_day(r["since"]), name=r["name"], id=r["id"]) for r in rows]


def remove_rule(engine: Engine, rule_id: int) -> bool:
    """Remove a rule; the alerts it fired stay (their rule_id becomes NULL). False: no such rule."""
    with writing(engine) as conn:
        return conn.execute(delete(alert_rules).where(alert_rules.c.id == rule_id)).rowcount > 0


def add_channel(engine: Engine, channel: Channel) -> int:
    row = {"kind": channel.kind, "settings": json.dumps(channel.settings, sort_keys=True), "created_at": utcnow()}
    with writing(engine) as conn:
        return int(conn.execute(insert(alert_channels).returning(alert_channels.c.id), [row]).scalar_one())


def channels(engine: Engine) -> list[Channel]:
    with engine.connect() as conn:
        rows = conn.execute(select(alert_channels).order_by(alert_channels.c.id)).mappings().all()
    return [Channel(r["kind"], json.loads(r["settings"]), r["id"]) for r in rows]


def remove_channel(engine: Engine, channel_id: int) -> bool:
    """Remove a channel and its deliveries still pending. False: no such channel."""
    with writing(engine) as conn:
        return conn.execute(delete(alert_channels).where(alert_channels.c.id == channel_id)).rowcount > 0


# ----------------------------------------------------------------------------------------- alerts


def fired_periods(engine: Engine, rule_id: int) -> set[tuple[str, date]]:
    """(pair, period) of every alert this rule fired."""
    with engine.connect() as conn:
        rows = conn.execute(select(alerts.c.pair, alerts.c.period).where(alerts.c.rule_id == rule_id)).all()
    return {(pair, _day(period)) for pair, period in rows}


def store_alert(engine: Engine, alert: Alert, channel_ids: list[int]) -> int | None:
    """Store the alert, its sentences and a pending delivery per channel, together; None when this
    rule already fired for this pair and period (another check stored it first)."""
    row = {"uid": alert.uid, "rule_id": alert.rule_id, "rule": alert.rule, "pair": alert.pair, "freq": alert.freq,
           "period": alert.period, "value": alert.value, "tension": alert.tension, "previous": alert.previous,
           "n_articles": alert.n_articles, "n_obs": alert.n_obs, "message": alert.message, "fired_at": alert.fired_at}
    try:
        with writing(engine) as conn:
            alert_id = int(conn.execute(insert(alerts).returning(alerts.c.id), [row]).scalar_one())
            if alert.sentences:
                conn.execute(insert(alert_sentences), [
                    {"alert_id": alert_id, **{k: getattr(s, k) for k in _SENTENCE_FIELDS}} for s in alert.sentences
                ])
            if channel_ids:
                conn.execute(insert(alert_deliveries), [
                    {"alert_id": alert_id, "channel_id": c, "status": "pending", "attempts": 0,
                     "next_attempt_at": alert.fired_at, "last_error": ""} for c in channel_ids
                ])
    except IntegrityError:
        return None
    return alert_id


_SENTENCE_FIELDS = ("rank", "observation_id", "article_id", "sentence_idx", "event_date", "score", "sentence",
                    "title", "outlet", "url")


def load_alerts(engine: Engine, ids: list[int] | None = None, limit: int = 50) -> list[Alert]:
    """Alerts by id, or the latest ``limit``, the newest first, each with its sentences."""
    query = select(alerts).order_by(alerts.c.fired_at.desc(), alerts.c.id.desc())
    query = query.where(alerts.c.id.in_(ids)) if ids is not None else query.limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
        found = [r["id"] for r in rows]
        sentence_rows = conn.execute(
            select(alert_sentences).where(alert_sentences.c.alert_id.in_(found))
            .order_by(alert_sentences.c.alert_id, alert_sentences.c.rank)
        ).mappings().all() if found else []
    by_alert: dict[int, list[AlertSentence]] = {}
    for s in sentence_rows:
        values = {k: s[k] for k in _SENTENCE_FIELDS}
        values["event_date"] = _day(values["event_date"])
        by_alert.setdefault(s["alert_id"], []).append(AlertSentence(**values))
    return [Alert(uid=r["uid"], rule_id=r["rule_id"], rule=r["rule"], pair=r["pair"], freq=r["freq"],
                  period=_day(r["period"]), value=float(r["value"]), tension=float(r["tension"]),
                  previous=None if r["previous"] is None else float(r["previous"]), n_articles=r["n_articles"],
                  n_obs=r["n_obs"], message=r["message"], fired_at=r["fired_at"],
                  sentences=tuple(by_alert.get(r["id"], [])), id=r["id"]) for r in rows]


def _day(value) -> date:
    return value if isinstance(value, date) and not isinstance(value, datetime) else pd.Timestamp(value).date()


# ------------------------------------------------------------------------------------- deliveries


@dataclass(frozen=True)
class Delivery:
    id: int
    alert_id: int
    channel_id: int
    attempts: int


def due_deliveries(engine: Engine, now: datetime) -> list[Delivery]:
    """Pending deliveries whose time has come, the oldest alert first."""
    query = (select(alert_deliveries.c.id, alert_deliveries.c.alert_id, alert_deliveries.c.channel_id,
                    alert_deliveries.c.attempts)
             .where(alert_deliveries.c.status == "pending", alert_deliveries.c.next_attempt_at <= now)
             .order_by(alert_deliveries.c.alert_id, alert_deliveries.c.channel_id))
    with engine.connect() as conn:
        return [Delivery(*row) for row in conn.execute(query).all()]


def retry_failed_now(engine: Engine, now: datetime) -> int:
    """Make every failed delivery due now (not one being sent: a claim clears last_error)."""
    with writing(engine) as conn:
        return conn.execute(
            update(alert_deliveries)
            .where(alert_deliveries.c.status == "pending", alert_deliveries.c.last_error != "")
            .values(next_attempt_at=now)
        ).rowcount


def claim(engine: Engine, delivery: Delivery, now: datetime, lease: timedelta) -> bool:
    """Take the delivery for ``lease`` (no other check sends it meanwhile); False: someone else has it.

    A process that dies while sending leaves the lease to run out, and the delivery is tried again.
    """
    with writing(engine) as conn:
        taken = conn.execute(
            update(alert_deliveries)
            .where(alert_deliveries.c.id == delivery.id, alert_deliveries.c.status == "pending",
                   alert_deliveries.c.next_attempt_at <= now)
            .values(next_attempt_at=now + lease, attempts=alert_deliveries.c.attempts + 1, last_error="")
        ).rowcount
    return taken == 1


def mark_sent(engine: Engine, delivery: Delivery, now: datetime) -> None:
    with writing(engine) as conn:
        conn.execute(update(alert_deliveries).where(alert_deliveries.c.id == delivery.id)
                     .values(status="sent", sent_at=now, last_error=""))


def mark_failed(engine: Engine, delivery: Delivery, retry_at: datetime, reason: str) -> None:
    with writing(engine) as conn:
        conn.execute(update(alert_deliveries).where(alert_deliveries.c.id == delivery.id)
                     .values(next_attempt_at=retry_at, last_error=reason[:1000] or "failed"))


DELIVERY_COLUMNS = ["alert_id", "channel_id", "status", "attempts", "next_attempt_at", "last_error", "sent_at"]


def deliveries(engine: Engine, alert_ids: list[int] | None = None) -> pd.DataFrame:
    """The outbox rows (of these alerts): DELIVERY_COLUMNS, by alert then channel."""
    query = select(*(alert_deliveries.c[c] for c in DELIVERY_COLUMNS)).order_by(
        alert_deliveries.c.alert_id, alert_deliveries.c.channel_id)
    if alert_ids is not None:
        query = query.where(alert_deliveries.c.alert_id.in_(alert_ids))
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(query).all(), columns=DELIVERY_COLUMNS)
