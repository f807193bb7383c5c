"""One check: every rule evaluated, new alerts stored with a pending delivery per channel, then the
outbox worked through. Run after every ingest (`tracker ingest`, the drop folder, the feeds) and
by `tracker alerts check`.

The outbox keeps every (alert, channel) delivery until the channel took it: a delivery is claimed
for a lease (no two checks send it at once), marked sent only after the channel accepted it, and
after a failure tried again at the next check once its back-off has passed (1 min, 2, 4, ... up to
6 h). Nothing is given up: a channel down for a week gets its alerts when it is back.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine

from tracker.alerts import channels as channel_senders
from tracker.alerts import repository
from tracker.alerts.evaluate import firings
from tracker.alerts.model import Alert
from tracker.store import Store

log = logging.getLogger(__name__)

RETRY_FIRST = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=6)
# How long a check may take to send one alert before another check may try it (a crashed sender).
LEASE = timedelta(minutes=5)


def retry_delay(attempts: int) -> timedelta:
    """The back-off after the ``attempts``-th failed attempt: doubling from a minute, six hours at most."""
    return min(RETRY_FIRST * 2 ** max(attempts - 1, 0), RETRY_MAX)


@dataclass
class CheckReport:
    fired: list[Alert] = field(default_factory=list)
    sent: int = 0
    failed: list[tuple[int, str, str]] = field(default_factory=list)  # (alert id, channel, reason)
    rules: int = 0

    def summary(self) -> str:
        failed = f", {len(self.failed)} failed (retried later)" if self.failed else ""
        return (f"{len(self.fired)} alert{'s' * (len(self.fired) != 1)} fired by {self.rules} "
                f"rule{'s' * (self.rules != 1)}; {self.sent} deliver{'ies' if self.sent != 1 else 'y'} sent{failed}.")


def check_alerts(store: Store, *, now: datetime | None = None, retry_now: bool = False) -> CheckReport:
    """Evaluate every rule on ``store`` (a Store), store the new alerts, deliver what is due.

    now: the time (naive UTC) to check at; retry_now: try failed deliveries now, back-off or not.
    """
    engine = store.engine
    now = now or repository.utcnow()
    report = CheckReport()
    rules = repository.rules(engine)
    report.rules = len(rules)
    channel_ids = [c.id for c in repository.channels(engine) if c.id is not None]
    for rule in rules:
        assert rule.id is not None
        for alert in firings(engine, rule, repository.fired_periods(engine, rule.id), now):
            alert_id = repository.store_alert(engine, alert, channel_ids)
            if alert_id is not None:
                report.fired.append(alert)
    if retry_now:
        repository.retry_failed_now(engine, now)
    deliver_due(engine, now, report)
    return report


def deliver_due(engine: Engine, now: datetime, report: CheckReport) -> None:
    """Send every due delivery once; a failure is kept with its reason and a later retry time."""
    due = repository.due_deliveries(engine, now)
    if not due:
        return
    by_channel = {c.id: c for c in repository.channels(engine)}
    alerts = {a.id: a for a in repository.load_alerts(engine, sorted({d.alert_id for d in due}))}
    for delivery in due:
        channel, alert = by_channel.get(delivery.channel_id), alerts.get(delivery.alert_id)
        if channel is None or alert is None or not repository.claim(engine, delivery, now, LEASE):
            continue  # removed meanwhile, or another check is sending it
        try:
            channel_senders.send(channel, alert)
        except channel_senders.DeliveryFailed as failure:
            retry_at = now + retry_delay(delivery.attempts + 1)
            repository.mark_failed(engine, delivery, retry_at, str(failure))
            report.failed.append((delivery.alert_id, channel.describe(), str(failure)))
            log.warning("alert %s not delivered to %s: %s; tried again after %s", alert.uid, channel.describe(),
                        failure, retry_at.strftime("%H:%M UTC"))
            continue
        repository.mark_sent(engine, delivery, now)
        report.sent += 1


class AlertWatch:
    """For a long-running ingest (the drop folder): a full check after articles were stored, and at
    each quiet moment (``tick``) a check only when the data changed meanwhile (another process
    ingested), else the due retries alone. Never raises: alerts must not stop the ingest."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._checked_version: str | None = None

    def after_ingest(self) -> CheckReport | None:
        return self._run(full=True)

    def tick(self) -> CheckReport | None:
        return self._run(full=False)

    def _run(self, *, full: bool) -> CheckReport | None:
        from tracker.store.queries import data_version

        try:
            version = data_version(self.store.engine).token
            if full or version != self._checked_version:
                self._checked_version = version
                return check_alerts(self.store)
            report = CheckReport()
            deliver_due(self.store.engine, repository.utcnow(), report)
            return report
        except Exception:  # noqa: BLE001 -- a broken channel or database is logged; the watcher goes on
            log.exception("checking the alerts failed; they are checked again after the next ingest")
            return None
