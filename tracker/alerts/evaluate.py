"""Which rules fire, for which pair and period: the numbers from the one read path
(tracker/store/queries.py ``timeline``, the values the dashboard shows), the sentences from
tracker/store/evidence.py (the strongest observations of the period).

A rule looks at every period from its ``since`` on, each time it is checked: an article about a
past period that moves it past the threshold fires then. A (rule, pair, period) that already fired
is skipped here and refused by the database's unique key if two checks race.
"""

from __future__ import annotations

import statistics
import uuid
from collections.abc import Iterable
from datetime import date, datetime

import pandas as pd
from sqlalchemy import Engine

from tracker.alerts.model import EVERY_PAIR, Alert, AlertSentence, Rule
from tracker.periods import UNITS, period_end, previous_period
from tracker.store import evidence, queries

# How many sentences an alert keeps and shows: the strongest |score| of its period first.
SENTENCES_PER_ALERT = 5


def period_label(period: date, freq: str) -> str:
    """'2024-05-13', 'the week of 2024-05-13', 'May 2024'."""
    if freq == "W":
        return f"the week of {period.isoformat()}"
    if freq == "M":
        return period.strftime("%B %Y")
    return period.isoformat()


def _lookback_start(rule: Rule) -> date:
    """The first period to read: the rule's since, and before it what a change or volume compares with."""
    assert rule.since is not None, "a stored rule has its since"
    start = rule.since
    for _ in range({"level": 0, "change": 1, "volume": rule.baseline}[rule.kind]):
        start = previous_period(start, rule.freq)
    return start


def firings(engine: Engine, rule: Rule, fired: set[tuple[str, date]], now: datetime) -> list[Alert]:
    """The alerts this rule makes now that are not in ``fired`` (its (pair, period) already stored)."""
    pairs = list(queries.pairs_by_volume(engine)["pair"]) if rule.pair == EVERY_PAIR else [rule.pair]
    table = queries.timeline(engine, pairs, rule.freq, start=_lookback_start(rule))
    if table.empty:
        return []
    table["period"] = table["period"].dt.date
    since = rule.since
    assert since is not None, "a stored rule has its since"
    alerts = []
    for pair, rows in table.groupby("pair", sort=True):
        by_period = {row.period: row for row in rows.itertuples(index=False)}
        for row in rows.itertuples(index=False):
            period: date = row.period
            if period < since or (pair, period) in fired or not _enough(rule, row):
                continue
            compared = _compare(rule, row, by_period)
            if compared is not None:
                alerts.append(_alert(engine, rule, row, *compared, now))
    return alerts


def _enough(rule: Rule, row) -> bool:
    return row.n_articles >= rule.min_articles and row.n_obs >= rule.min_observations


def _compare(rule: Rule, row, by_period: dict) -> tuple[float, float | None] | None:
    """(value compared, previous level or baseline median) when the rule fires on this row, else None."""
    if rule.kind == "level":
        value, reference = float(row.tension), None
    elif rule.kind == "change":
        before = by_period.get(previous_period(row.period, rule.freq))
        if before is None or not _enough(rule, before):
            return None  # no previous level to compare with, or too little behind it
        value, reference = round(float(row.tension) - float(before.tension), 3), float(before.tension)
    else:
        counts = []
        start = row.period
        for _ in range(rule.baseline):
            start = previous_period(start, rule.freq)
            counts.append(int(by_period[start].n_obs) if start in by_period else 0)
        reference = float(statistics.median(counts))
        # A quiet pair's median is 0: count it as 1, so "k times the usual" still means k observations.
        value = round(int(row.n_obs) / max(reference, 1.0), 3)
    above = value > rule.threshold
    return (value, reference) if (above if rule.direction == "above" else value < rule.threshold) else None


def _alert(engine: Engine, rule: Rule, row, value: float, reference: float | None, now: datetime) -> Alert:
    return Alert(
        uid=uuid.uuid4().hex,
        rule_id=rule.id,
        rule=rule.describe(),
        pair=row.pair,
        freq=rule.freq,
        period=row.period,
        value=value,
        tension=float(row.tension),
        previous=reference,
        n_articles=int(row.n_articles),
        n_obs=int(row.n_obs),
        message=_message(rule, row, value, reference),
        fired_at=now,
        sentences=tuple(_sentences(engine, row.pair, row.period, rule.freq)),
    )


def _message(rule: Rule, row, value: float, reference: float | None) -> str:
    when = period_label(row.period, rule.freq)
    evidence = f"{row.n_articles} article{'s' * (row.n_articles != 1)}, {row.n_obs} observation{'s' * (row.n_obs != 1)}"
    if rule.kind == "level":
        said = f"level {value:+.2f}, {rule.direction} {rule.threshold:g}"
    elif rule.kind == "change":
        said = f"level {row.tension:+.2f}, {value:+.2f} against the previous {UNITS[rule.freq]} ({reference:+.2f})"
    else:
        said = (f"{row.n_obs} observations, {value:g} times the median of the previous {rule.baseline} "
                f"{UNITS[rule.freq]}s ({reference:g})")
    return f"{row.pair} in {when}: {said} ({evidence})"


def _sentences(engine: Engine, pair: str, period: date, freq: str) -> Iterable[AlertSentence]:
    rows, _total = evidence.observations_in_period(engine, pair, period, period_end(period, freq),
                                                   limit=SENTENCES_PER_ALERT)
    for rank, r in enumerate(rows.itertuples(index=False), start=1):
        yield AlertSentence(
            rank=rank, event_date=pd.Timestamp(r.event_date).date(), score=float(r.score), sentence=str(r.sentence),
            observation_id=int(r.observation_id), article_id=int(r.article_id), sentence_idx=int(r.sentence_idx),
            title=_text(r.title), outlet=_text(r.outlet), url=_text(r.url),
        )


def _text(value) -> str | None:
    return None if value is None or (isinstance(value, float) and value != value) else str(value)
