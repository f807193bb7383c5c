"""The numbers a user sees, read one way for `tracker pairs`/`timeline`, the dashboard and the exports.

SQL in, DataFrames out. A period's value and band are ``scoring.period_values`` on the period's sums
(count of articles and observations, sums and sums of squares of the article means and of the scores);
``tracker.periods`` says where a period starts. The sums come from the aggregate tables the
database keeps by triggers (migrations 0002 and 0003), so a pair with a hundred thousand
observations costs one row per period, not one per observation:

- whole periods read ``period_totals`` (one row per pair and period);
- a period cut by a date range (its days inside the range only) is rebuilt from ``period_stats``'
  day rows (one per article and day), so the answer is exact at any range.

tests/test_dashboard_data.py checks these numbers against ``scoring.period_table`` on the raw
observations, on SQLite and PostgreSQL. The observations, sentences and cues behind the numbers are
read by evidence.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import ModuleType
from typing import Any

import pandas as pd
from sqlalchemy import BindParameter, Date, Engine, String, TextClause, bindparam, select, text

from tracker.periods import check_freq, period_end, period_start, period_starts, previous_period
from tracker.records import make_pair
from tracker.store.schema import articles, observations, sentences

# How many observations `tracker timeline` lists behind each period.
EXAMPLES_PER_PERIOD = 3

TIMELINE_COLUMNS = ["pair", "period", "tension", "n_obs", "n_articles", "low", "high"]
EXAMPLE_COLUMNS = ["observation_ids", "excerpts", "strongest"]
PAIR_COLUMNS = ["pair", "country_a", "country_b", "n_obs", "n_articles", "tension", "first", "last"]
MATRIX_COLUMNS = ["pair", "country_a", "country_b", "tension", "n_obs", "n_articles"]
OBSERVATION_COLUMNS = [
    "observation_id", "article_id", "sentence_id", "sentence_index", "pair", "event_date", "precision",
    "date_expression", "score", "sentence_text", "title", "outlet", "url", "published",
]

FAR_PAST, FAR_FUTURE = date(1, 1, 1), date(9999, 12, 31)


def _scoring() -> ModuleType:
    """The period formula's module (PERIOD_SUMS, period_values), imported when a query runs: importing
    the scorer package loads spaCy (about a second of CPU), which storing articles never needs (the
    parent of a pooled `tracker ingest`, `tracker status`)."""
    from tracker.scorer import scoring

    return scoring


def pair_code(pair: str | tuple[str, str]) -> str:
    """'RUS-USA' for ('USA', 'RUS'), 'usa-rus' or 'RUS-USA': pairs are unordered ISO alpha-3 codes."""
    if isinstance(pair, str):
        parts = pair.strip().upper().split("-")
        if len(parts) != 2:
            raise ValueError(f"a pair is two ISO codes joined by '-', like RUS-USA, not {pair!r}")
        pair = (parts[0], parts[1])
    return "-".join(make_pair(*pair))


def bound(sql: str, params: dict[str, Any]) -> TextClause:
    """text(sql) with dates bound as Date (ISO text on SQLite, DATE on PostgreSQL), lists expanded."""
    stmt = text(sql)
    binds: list[BindParameter[Any]] = [bindparam(k, type_=Date) for k, v in params.items() if isinstance(v, date)]
    binds += [bindparam(k, expanding=True, type_=String) for k, v in params.items() if isinstance(v, list)]
    return stmt.bindparams(*binds) if binds else stmt


def date_filter(start: date | None, end: date | None, column: str = "event_date") -> tuple[str, dict[str, date]]:
    """' AND column >= :start AND column <= :end' for the bounds given, and their parameters."""
    clauses, params = [], {}
    if start is not None:
        clauses.append(f"{column} >= :start")
        params["start"] = start
    if end is not None:
        clauses.append(f"{column} <= :end")
        params["end"] = end
    return "".join(f" AND {c}" for c in clauses), params


def _countries(df: pd.DataFrame) -> pd.DataFrame:
    df["country_a"] = df["pair"].str[:3]
    df["country_b"] = df["pair"].str[4:]
    return df


@dataclass(frozen=True)
class Version:
    """A cheap fingerprint of the stored data: it changes whenever an article or an observation is
    written (added, changed or removed)."""

    generation: int

    @property
    def token(self) -> str:
        return str(self.generation)


def data_version(engine: Engine) -> Version:
    """The data's generation (migration 0007: triggers bump it in every transaction that writes
    articles or observations): one primary-key read, where count(*) over the articles took 3-17 ms
    at a million observations."""
    with engine.connect() as conn:
        generation = conn.execute(text("SELECT generation FROM data_generation WHERE id = 1")).scalar()
    if generation is None:
        raise RuntimeError("the data_generation row is missing: the database was changed by hand")
    return Version(int(generation))


def date_bounds(engine: Engine, pairs: list[str] | None = None) -> tuple[date, date] | None:
    """First and last event date stored (for the given pairs), or None when there is none.

    One min and one max query per pair: SQLite answers each with a single index seek, whereas
    min and max in one statement read every row.
    """
    firsts, lasts = [], []
    chosen: list[str | None] = list(pairs) if pairs else [None]
    with engine.connect() as conn:
        for pair in chosen:
            where, params = ("WHERE pair = :pair", {"pair": pair}) if pair else ("", {})
            firsts.append(conn.execute(text(f"SELECT min(event_date) FROM observations {where}"), params).scalar())
            lasts.append(conn.execute(text(f"SELECT max(event_date) FROM observations {where}"), params).scalar())
    found_firsts = [pd.Timestamp(f).date() for f in firsts if f is not None]
    found_lasts = [pd.Timestamp(v).date() for v in lasts if v is not None]
    if not found_firsts:
        return None
    return min(found_firsts), max(found_lasts)


def pairs_by_volume(engine: Engine) -> pd.DataFrame:
    """Every pair over all time, the busiest first: PAIR_COLUMNS (tension by the period formula).

    One statement: period_totals' all-time rows (one per pair), and for each pair its first and
    last day, each an index seek on period_totals' day rows.
    """
    sql = (
        f"SELECT t.pair, {', '.join(f't.{c}' for c in _scoring().PERIOD_SUMS)},"
        " (SELECT min(d.period) FROM period_totals AS d WHERE d.freq = 'D' AND d.pair = t.pair) AS first,"
        " (SELECT max(d.period) FROM period_totals AS d WHERE d.freq = 'D' AND d.pair = t.pair) AS last"
        " FROM period_totals AS t WHERE t.freq = 'A' ORDER BY t.n_obs DESC, t.pair"
    )
    with engine.connect() as conn:
        df = pd.read_sql_query(text(sql), conn)
    if df.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    df["tension"] = _scoring().period_values(df)["tension"]
    df["first"] = pd.to_datetime(df["first"]).dt.date
    df["last"] = pd.to_datetime(df["last"]).dt.date
    return _countries(df)[PAIR_COLUMNS]


def split_range(
    start: date | None, end: date | None, freq: str
) -> tuple[tuple[date, date] | None, list[tuple[date, date, date]]]:
    """[start, end] as the whole periods inside it (the first and last period start, or None) and
    the periods it cuts, each as (period start, first day inside, last day inside)."""
    cuts = []
    first_whole, last_whole = FAR_PAST, FAR_FUTURE
    if start is not None:
        first_whole = period_start(start, freq)
        if first_whole != start:
            last_day = period_end(first_whole, freq)
            cuts.append((first_whole, start, last_day if end is None else min(last_day, end)))
            first_whole = last_day + timedelta(days=1)
    if end is not None:
        last_whole = period_start(end, freq)
        if period_end(last_whole, freq) != end:
            if not cuts or cuts[0][0] != last_whole:  # not the period the start already cut
                cuts.append((last_whole, last_whole, end))
            last_whole = previous_period(last_whole, freq)
    return ((first_whole, last_whole) if first_whole <= last_whole else None), cuts


def _sums_sql(dialect: str, freq: str, start: date | None, end: date | None,
              with_whole: bool = True) -> tuple[str, dict[str, Any]]:
    """SQL for the [pair, period, *PERIOD_SUMS] rows of the periods between start and end (without
    the whole ones unless with_whole), by pair and period, and its parameters."""
    whole, cuts = split_range(start, end, freq)
    params: dict[str, Any] = {"freq": freq}
    parts = []
    if whole is not None and with_whole:
        params["whole_first"], params["whole_last"] = whole
        parts.append(
            f"SELECT pair, period, {', '.join(_scoring().PERIOD_SUMS)} FROM period_totals"
            " WHERE freq = :freq AND pair IN :pairs AND period >= :whole_first AND period <= :whole_last"
        )
    # One part per cut period (not one OR'ed condition, which SQLite answers by reading every day row):
    # per article first (its sums over the days inside), then per period.
    for i, (period, first, last) in enumerate(cuts):
        params[f"cut_period_{i}"], params[f"cut_first_{i}"], params[f"cut_last_{i}"] = period, first, last
        # SQLite stores dates as ISO text, which is what a bound date is; PostgreSQL needs the type.
        period_sql = f":cut_period_{i}" if dialect == "sqlite" else f"CAST(:cut_period_{i} AS DATE)"
        parts.append(
            f"SELECT pair, {period_sql} AS period, count(*) AS n_articles, sum(n) AS n_obs,"
            " sum(s / n) AS sum_mean, sum((s / n) * (s / n)) AS sum_mean_sq, sum(s) AS sum_score,"
            " sum(ss) AS sum_sq FROM ("
            " SELECT pair, article_id, sum(n_obs) AS n, sum(sum_score) AS s, sum(sum_sq) AS ss FROM period_stats"
            f" WHERE freq = 'D' AND pair IN :pairs AND period >= :cut_first_{i} AND period <= :cut_last_{i}"
            f" GROUP BY pair, article_id) AS per_article_{i} GROUP BY pair"
        )
    if not parts:
        return "", params
    return f"SELECT * FROM ({' UNION ALL '.join(parts)}) AS periods ORDER BY pair, period", params


def timeline(
    engine: Engine, pairs: Sequence[str], freq: str = "W", start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """One row per pair and period between start and end (both included): TIMELINE_COLUMNS, by pair
    then period. A period cut by the range counts only its days inside."""
    return _timeline_rows(engine, pairs, freq, start, end, with_whole=True)


def cut_periods(
    engine: Engine, pairs: Sequence[str], freq: str, start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """timeline's rows of the periods the range cuts only (none, one or two per pair): with a pair's
    whole periods kept (the dashboard keeps them per data version), these are all a range reads."""
    return _timeline_rows(engine, pairs, freq, start, end, with_whole=False)


def _timeline_rows(engine: Engine, pairs: Sequence[str], freq: str, start: date | None, end: date | None,
                   with_whole: bool) -> pd.DataFrame:
    check_freq(freq)
    if not pairs or (start is not None and end is not None and start > end):
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    sql, params = _sums_sql(engine.dialect.name, freq, start, end, with_whole)
    params["pairs"] = list(pairs)
    with engine.connect() as conn:
        rows = conn.execute(bound(sql, params), params).all() if sql else []
    if not rows:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    # Plain tuples: pandas probes SQLAlchemy Row objects attribute by attribute, 10x slower.
    sums = pd.DataFrame([tuple(r) for r in rows], columns=["pair", "period", *_scoring().PERIOD_SUMS])
    values = _scoring().period_values(sums)
    return pd.DataFrame({
        "pair": sums["pair"],
        "period": pd.to_datetime(sums["period"]),
        "tension": values["tension"],
        "n_obs": sums["n_obs"].astype(int),
        "n_articles": sums["n_articles"].astype(int),
        "low": values["low"],
        "high": values["high"],
    })


def pair_observations(
    engine: Engine, pair: str | tuple[str, str], start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """A pair's observations between start and end (both included), oldest first, with their
    sentence and article: OBSERVATION_COLUMNS, event_date and published as Timestamps."""
    query = (
        select(
            observations.c.id, observations.c.article_id, observations.c.sentence_id, sentences.c.idx,
            observations.c.pair, observations.c.event_date, observations.c.precision,
            observations.c.date_expression, observations.c.score, sentences.c.text, articles.c.title,
            articles.c.outlet, articles.c.url, articles.c.published,
        )
        .join(sentences, observations.c.sentence_id == sentences.c.id)
        .join(articles, observations.c.article_id == articles.c.id)
        .where(observations.c.pair == pair_code(pair))
        .order_by(observations.c.event_date, observations.c.article_id, sentences.c.idx, observations.c.id)
    )
    if start is not None:
        query = query.where(observations.c.event_date >= start)
    if end is not None:
        query = query.where(observations.c.event_date <= end)
    with engine.connect() as conn:
        df = pd.DataFrame(conn.execute(query).all(), columns=OBSERVATION_COLUMNS)
    df["event_date"] = pd.to_datetime(df["event_date"])
    df["published"] = pd.to_datetime(df["published"])
    df["score"] = df["score"].astype(float)
    return df


def timeline_with_examples(
    engine: Engine,
    pair: str | tuple[str, str],
    freq: str,
    start: date | None = None,
    end: date | None = None,
    examples: int = EXAMPLES_PER_PERIOD,
) -> pd.DataFrame:
    """A pair's timeline (TIMELINE_COLUMNS) and the observations behind each period: observation_ids
    (the first `examples` ids, oldest first), excerpts (their sentences, same order) and strongest
    (the id of the observation with the largest |score|): what `tracker timeline` prints."""
    code = pair_code(pair)
    table = timeline(engine, [code], freq, start, end)
    if table.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS + EXAMPLE_COLUMNS)
    obs = pair_observations(engine, code, start, end)
    obs["period"] = period_starts(obs["event_date"], freq)
    by_period = obs.groupby("period", sort=False)
    first = by_period.head(examples).groupby("period", sort=False)
    strongest = obs.loc[obs["score"].abs().groupby(obs["period"]).idxmax()].set_index("period")["observation_id"]
    behind = pd.DataFrame({
        "observation_ids": first["observation_id"].agg(lambda ids: [int(i) for i in ids]),
        "excerpts": first["sentence_text"].agg(list),
        "strongest": strongest.astype(int),
    })
    return table.join(behind, on="period")


def pair_matrix(engine: Engine, first: date, last: date) -> pd.DataFrame:
    """Every pair's value over the whole months from first's month to last: MATRIX_COLUMNS."""
    params = {"period_start": period_start(first, "M"), "period_end": last}
    sql = """
        SELECT pair, count(*) AS n_articles, sum(n) AS n_obs, sum(s / n) AS sum_mean,
               sum((s / n) * (s / n)) AS sum_mean_sq, sum(s) AS sum_score, sum(ss) AS sum_sq
        FROM (
            SELECT pair, article_id, sum(n_obs) AS n, sum(sum_score) AS s, sum(sum_sq) AS ss
            FROM period_stats
            WHERE freq = 'M' AND period >= :period_start AND period <= :period_end
            GROUP BY pair, article_id
        ) AS per_article
        GROUP BY pair ORDER BY pair
    """
    with engine.connect() as conn:
        df = pd.read_sql_query(bound(sql, params), conn, params=params)
    df["tension"] = _scoring().period_values(df)["tension"]
    return _countries(df)[MATRIX_COLUMNS]



def monthly_pairs(engine: Engine) -> pd.DataFrame:
    """[pair, period, n_articles, n_obs]: which pairs each month has, one row per pair and month
    (the matrix opens on the latest month, quarter or year with enough pairs to compare)."""
    sql = "SELECT pair, period, n_articles, n_obs FROM period_totals WHERE freq = 'M' AND n_obs > 0"
    with engine.connect() as conn:
        df = pd.read_sql_query(text(sql), conn)
    df["period"] = pd.to_datetime(df["period"]).dt.date
    return df
