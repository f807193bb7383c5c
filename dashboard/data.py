"""Data access for the dashboard: SQL in, DataFrames out, nothing about layout or figures.

Every function takes a SQLAlchemy Engine (``Store.engine``) and returns a DataFrame (or a small
value), so each can be tested on a real SQLite file without a browser, and the same functions serve
the dashboard and ``tracker export``.

The period values follow ``tracker.scoring.period_table`` exactly (mean over articles of each
article's mean score, a band of 1.96 standard errors), so the dashboard shows what ``tracker
timeline`` prints. The aggregation runs in SQL (per period and article first, then per period) so a
pair with a hundred thousand observations returns one row per period, not one per observation;
``tests/test_dashboard_data.py`` checks the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import Date, Engine, Integer, String, bindparam, text

from tracker.records import SCORE_MAX, SCORE_MIN
from tracker.scorer.scoring import FREQS

# How many observations the sentences panel lists for one point (the strongest first).
SENTENCES_LIMIT = 40
# How many event markers a pair gets on the timeline, and the weakest |score| that is an "event".
EVENTS_PER_PAIR = 6
EVENT_MIN_ABS_SCORE = 5.0

TIMELINE_COLUMNS = ["pair", "period", "tension", "n_obs", "n_articles", "low", "high"]
PAIR_COLUMNS = ["pair", "country_a", "country_b", "n_obs", "n_articles", "tension", "first", "last"]


@dataclass(frozen=True)
class Version:
    """A cheap fingerprint of the stored data: it changes whenever an article is added or removed."""

    n_articles: int
    max_article_id: int
    max_observation_id: int

    @property
    def token(self) -> str:
        return f"{self.n_articles}-{self.max_article_id}-{self.max_observation_id}"


def data_version(engine: Engine) -> Version:
    """Three indexed aggregates (primary keys): microseconds even with a million observations."""
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM articles), (SELECT coalesce(max(id), 0) FROM articles),"
                " (SELECT coalesce(max(id), 0) FROM observations)"
            )
        ).one()
    return Version(int(row[0]), int(row[1]), int(row[2]))


def _check_freq(freq: str) -> None:
    if freq not in FREQS:
        raise ValueError(f"unknown granularity {freq!r}; use D (day), W (week) or M (month)")


def _period_sql(dialect: str, freq: str, column: str = "event_date") -> str:
    """SQL for the first day of a date's period, the same rule as scoring.period_start."""
    _check_freq(freq)
    if dialect == "sqlite":
        return {
            "D": f"date({column})",
            # 'weekday 0' moves forward to the next Sunday (or stays on one); six days back is its Monday.
            "W": f"date({column}, 'weekday 0', '-6 days')",
            "M": f"strftime('%Y-%m-01', {column})",
        }[freq]
    if dialect == "postgresql":
        return {
            "D": f"{column}",
            "W": f"CAST(date_trunc('week', {column}) AS DATE)",
            "M": f"CAST(date_trunc('month', {column}) AS DATE)",
        }[freq]
    raise ValueError(f"unsupported database dialect {dialect!r}")


def _date_filter(start: date | None, end: date | None) -> tuple[str, dict]:
    clauses, params = [], {}
    if start is not None:
        clauses.append("event_date >= :start")
        params["start"] = start
    if end is not None:
        clauses.append("event_date <= :end")
        params["end"] = end
    return "".join(f" AND {c}" for c in clauses), params


def _bind(sql: str, params: dict):
    """text(sql) with dates bound as Date (ISO text on SQLite, DATE on PostgreSQL), lists expanded."""
    stmt = text(sql)
    binds = [bindparam(k, type_=Date) for k, v in params.items() if isinstance(v, date)]
    binds += [bindparam(k, expanding=True, type_=String) for k, v in params.items() if isinstance(v, list)]
    return stmt.bindparams(*binds) if binds else stmt


def pairs_by_volume(engine: Engine) -> pd.DataFrame:
    """Every pair with its volume, tension (the article-mean rule over all time) and first/last date,
    the busiest first. One statement: period_totals' all-time rows (one per pair), and for each pair
    its first and last day, each an index seek on period_totals' day rows."""
    sql = (
        "SELECT t.pair, t.n_obs, t.n_articles, t.sum_mean / t.n_articles AS tension,"
        " (SELECT min(d.period) FROM period_totals AS d WHERE d.freq = 'D' AND d.pair = t.pair) AS first,"
        " (SELECT max(d.period) FROM period_totals AS d WHERE d.freq = 'D' AND d.pair = t.pair) AS last"
        " FROM period_totals AS t WHERE t.freq = 'A' ORDER BY t.n_obs DESC, t.pair"
    )
    with engine.connect() as conn:
        df = pd.read_sql_query(text(sql), conn)
    if df.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    df["country_a"] = df["pair"].str[:3]
    df["country_b"] = df["pair"].str[4:]
    df["first"] = pd.to_datetime(df["first"]).dt.date
    df["last"] = pd.to_datetime(df["last"]).dt.date
    df["tension"] = df["tension"].round(3)
    return df[PAIR_COLUMNS]


def date_bounds(engine: Engine, pairs: list[str] | None = None) -> tuple[date, date] | None:
    """First and last event date stored (for the given pairs), or None when there is none.

    One min and one max query per pair: SQLite answers each with a single index seek, whereas
    min and max in one statement read every row.
    """
    firsts, lasts = [], []
    with engine.connect() as conn:
        for pair in pairs or [None]:
            where, params = ("WHERE pair = :pair", {"pair": pair}) if pair else ("", {})
            firsts.append(conn.execute(text(f"SELECT min(event_date) FROM observations {where}"), params).scalar())
            lasts.append(conn.execute(text(f"SELECT max(event_date) FROM observations {where}"), params).scalar())
    firsts = [f for f in firsts if f is not None]
    lasts = [v for v in lasts if v is not None]
    if not firsts:
        return None
    return min(pd.Timestamp(f).date() for f in firsts), max(pd.Timestamp(v).date() for v in lasts)


def timeline(
    engine: Engine, pairs: list[str], freq: str = "W", start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """One row per pair and period: [pair, period, tension, n_obs, n_articles, low, high].

    The same numbers as ``scoring.period_table`` on the pair's observations between start and end
    (``Store.timeline``, ``tracker timeline``): a period cut by the range counts only its days inside.
    Whole periods are read from ``period_totals`` (one row per period); the cut periods at either
    end are rebuilt from ``period_stats``' day rows (one per article and day), so the answer is exact
    at any range.
    """
    if not pairs:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    _check_freq(freq)
    params: dict = {"pairs": list(pairs), "freq": freq}
    parts = []
    whole = _whole_periods(start, end, freq)
    if whole is not None:
        params["whole_first"], params["whole_last"] = whole
        parts.append(
            "SELECT pair, period, n_articles, n_obs, sum_mean / n_articles AS tension, sum_mean_sq AS sum_m2,"
            " sum_score AS s, sum_sq AS ss FROM period_totals"
            " WHERE freq = :freq AND pair IN :pairs AND period >= :whole_first AND period <= :whole_last"
        )
    day_period = _period_sql(engine.dialect.name, freq, "period")
    # One part per cut period (not one OR'ed condition, which SQLite answers by reading every day row):
    # per article first (its mean over the days inside), then per period.
    for i, (first, last) in enumerate(_cut_days(start, end, freq, whole)):
        params[f"cut_first_{i}"], params[f"cut_last_{i}"] = first, last
        parts.append(
            "SELECT pair, period, count(*) AS n_articles, sum(n) AS n_obs, avg(s / n) AS tension,"
            " sum((s / n) * (s / n)) AS sum_m2, sum(s) AS s, sum(ss) AS ss FROM ("
            f" SELECT pair, {day_period} AS period, article_id, sum(n_obs) AS n, sum(sum_score) AS s,"
            " sum(sum_sq) AS ss FROM period_stats"
            f" WHERE freq = 'D' AND pair IN :pairs AND period >= :cut_first_{i} AND period <= :cut_last_{i}"
            f" GROUP BY pair, {day_period}, article_id) AS per_article_{i} GROUP BY pair, period"
        )
    if not parts:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    sql = f"SELECT * FROM ({' UNION ALL '.join(parts)}) AS periods ORDER BY pair, period"
    with engine.connect() as conn:
        rows = conn.execute(_bind(sql, params), params).all()
    if not rows:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    # Vectorised: a daily view of three busy pairs has 12,000 periods.
    # Plain tuples: pandas probes SQLAlchemy Row objects attribute by attribute, 10x slower.
    f = pd.DataFrame([tuple(r) for r in rows],
                     columns=["pair", "period", "n_articles", "n_obs", "tension", "sum_m2", "s", "ss"])
    n_art = f["n_articles"].to_numpy(float)
    n_obs = f["n_obs"].to_numpy(float)
    tension = f["tension"].to_numpy(float)
    half = 1.96 * _standard_errors(n_art, n_obs, tension, f["sum_m2"].to_numpy(float), f["s"].to_numpy(float),
                                   f["ss"].to_numpy(float))
    out = pd.DataFrame({
        "pair": f["pair"],
        "period": pd.to_datetime(f["period"]),
        "tension": tension.round(3),
        "n_obs": f["n_obs"].astype(int),
        "n_articles": f["n_articles"].astype(int),
        "low": np.clip(tension - half, SCORE_MIN, SCORE_MAX).round(3),
        "high": np.clip(tension + half, SCORE_MIN, SCORE_MAX).round(3),
    })
    return out[TIMELINE_COLUMNS]


def _standard_errors(n_art, n_obs, tension, sum_m2, s, ss):
    """period_table's spread for arrays of periods: of the article means when there are two articles
    or more, of the scores when one article makes the period, none for a single observation."""
    with np.errstate(divide="ignore", invalid="ignore"):
        var_means = (sum_m2 - n_art * tension * tension) / (n_art - 1)
        se_means = np.sqrt(np.clip(var_means, 0, None)) / np.sqrt(n_art)
        var_obs = (ss - s * s / n_obs) / (n_obs - 1)
        se_obs = np.sqrt(np.clip(var_obs, 0, None)) / np.sqrt(n_obs)
    return np.where(n_art >= 2, se_means, np.where(n_obs >= 2, se_obs, 0.0))


FAR_PAST, FAR_FUTURE = date(1, 1, 1), date(9999, 12, 31)


def period_start(day: date, freq: str) -> date:
    """The first day of the day's period (scoring.period_start for one date, 50x faster than a Series)."""
    _check_freq(freq)
    stamp = pd.Timestamp(day)
    if freq == "D":
        return stamp.date()
    if freq == "W":
        return (stamp - pd.Timedelta(days=stamp.weekday())).date()
    return stamp.replace(day=1).date()


def _whole_periods(start: date | None, end: date | None, freq: str) -> tuple[date, date] | None:
    """First and last period start of the periods lying wholly inside [start, end], or None."""
    first = FAR_PAST if start is None else period_start(start, freq)
    if start is not None and first != start:
        first = period_range(first, freq)[1] + timedelta(days=1)
    if end is None:
        last = FAR_FUTURE
    else:
        last = period_start(end, freq)
        if period_range(last, freq)[1] != end:
            last = period_start(last - timedelta(days=1), freq)
    return (first, last) if first <= last else None


def _cut_days(
    start: date | None, end: date | None, freq: str, whole: tuple[date, date] | None
) -> list[tuple[date, date]]:
    """The day ranges of [start, end] outside the whole periods: the cut periods at either end."""
    lo, hi = start or FAR_PAST, end or FAR_FUTURE
    if whole is None:
        return [(lo, hi)] if lo <= hi else []
    ranges = []
    if lo < whole[0]:
        ranges.append((lo, whole[0] - timedelta(days=1)))
    whole_end = FAR_FUTURE if whole[1] == FAR_FUTURE else period_range(whole[1], freq)[1]
    if whole_end < hi:
        ranges.append((whole_end + timedelta(days=1), hi))
    return ranges


def smooth(table: pd.DataFrame, window: int) -> pd.DataFrame:
    """Add a ``smoothed`` column: the centred rolling mean of ``tension`` over ``window`` periods, per pair.

    Centred, so a turn in relations shows where it happened rather than half a window later. Periods without observations are absent, not zero: the window counts periods that have data,
    so a quiet month does not drag the curve to 0 (which would read as "neutral relations").
    """
    table = table.copy()
    if table.empty:
        table["smoothed"] = pd.Series(dtype=float)
        return table
    window = max(1, int(window or 1))
    table["smoothed"] = (
        table.groupby("pair", sort=False)["tension"]
        .transform(lambda s: s.rolling(window, min_periods=1, center=True).mean())
        .round(3)
    )
    return table


def period_range(period: date, freq: str) -> tuple[date, date]:
    """First and last day of the period that starts on ``period`` (inclusive)."""
    _check_freq(freq)
    period = pd.Timestamp(period).date()
    if freq == "D":
        return period, period
    if freq == "W":
        return period, period + timedelta(days=6)
    nxt = (pd.Timestamp(period) + pd.offsets.MonthBegin(1)).date()
    return period, nxt - timedelta(days=1)


def events(
    engine: Engine,
    pairs: list[str],
    start: date | None = None,
    end: date | None = None,
    per_pair: int = EVENTS_PER_PAIR,
    min_abs: float = EVENT_MIN_ABS_SCORE,
) -> pd.DataFrame:
    """The strongest observations of each pair (|score| >= min_abs), for the timeline's event markers.

    Columns: pair, observation_id, event_date, score, article_id, sentence_idx, sentence, title.
    Walks the (pair, score, event_date) index from each end, reading only index entries until it has
    enough in the date range. SQLite's planner prefers the (pair, event_date) index whenever a range
    is given, which reads every observation of a busy pair in the range (hundreds of ms at a
    million observations), hence INDEXED BY there.
    """
    columns = ["pair", "observation_id", "event_date", "score", "article_id", "sentence_idx", "sentence", "title"]
    where, params = _date_filter(start, end)
    hint = " INDEXED BY ix_observations_pair_score" if engine.dialect.name == "sqlite" else ""
    ids: list[int] = []
    with engine.connect() as conn:
        for pair in pairs:
            for condition, order in (("score >= :min_abs", "DESC"), ("score <= -:min_abs", "ASC")):
                sql = (f"SELECT id FROM observations{hint} WHERE pair = :pair AND {condition}{where}"
                       f" ORDER BY score {order} LIMIT :limit")
                p = {**params, "pair": pair, "min_abs": float(min_abs), "limit": int(per_pair)}
                ids.extend(int(r[0]) for r in conn.execute(_bind(sql, p), p))
        if not ids:
            return pd.DataFrame(columns=columns)
        details = text(
            "SELECT o.pair, o.id AS observation_id, o.event_date, o.score, o.article_id,"
            " s.idx AS sentence_idx, s.text AS sentence, a.title"
            " FROM observations AS o JOIN sentences AS s ON s.id = o.sentence_id"
            " JOIN articles AS a ON a.id = o.article_id WHERE o.id IN :ids"
        ).bindparams(bindparam("ids", expanding=True, type_=Integer))
        df = pd.read_sql_query(details, conn, params={"ids": ids})
    df["abs"] = df["score"].abs()
    df = df.sort_values(["pair", "abs", "observation_id"], ascending=[True, False, True])
    df = df.groupby("pair").head(per_pair)
    df["event_date"] = pd.to_datetime(df["event_date"])
    return df.drop(columns="abs").reset_index(drop=True)[columns]


def observations_in_period(
    engine: Engine, pair: str, first: date, last: date, limit: int = SENTENCES_LIMIT
) -> tuple[pd.DataFrame, int]:
    """The observations behind one point, strongest |score| first, with their sentence and article.

    Returns (rows, total): at most ``limit`` rows, and how many observations the period holds.
    Columns: observation_id, event_date, precision, date_expression, score, article_id, sentence_idx,
    sentence_start, sentence, title, outlet, url, published.
    """
    params = {"pair": pair, "period_start": first, "period_end": last, "limit": int(limit)}
    where = "pair = :pair AND event_date >= :period_start AND event_date <= :period_end"
    # The strongest ids first from the observations alone, then their sentences and articles: joining
    # before the sort would read the sentence and article of every observation in a busy month.
    ids_sql = f"SELECT id FROM observations WHERE {where} ORDER BY abs(score) DESC, event_date, id LIMIT :limit"
    count_sql = f"SELECT count(*) FROM observations WHERE {where}"
    rows_sql = text(
        "SELECT o.id AS observation_id, o.event_date, o.precision, o.date_expression, o.score,"
        " o.article_id, s.idx AS sentence_idx, s.start_char AS sentence_start, s.text AS sentence,"
        " a.title, a.outlet, a.url, a.published"
        " FROM observations AS o JOIN sentences AS s ON s.id = o.sentence_id"
        " JOIN articles AS a ON a.id = o.article_id WHERE o.id IN :ids"
    ).bindparams(bindparam("ids", expanding=True, type_=Integer))
    with engine.connect() as conn:
        ids = [int(r[0]) for r in conn.execute(_bind(ids_sql, params), params)]
        total = conn.execute(_bind(count_sql, params), params).scalar_one()
        rows = pd.read_sql_query(rows_sql, conn, params={"ids": ids or [-1]})
    order = {i: n for n, i in enumerate(ids)}
    rows = rows.sort_values("observation_id", key=lambda c: c.map(order)).reset_index(drop=True)
    return rows, int(total)


def cues_for(engine: Engine, observation_ids: list[int]) -> pd.DataFrame:
    """The cues of these observations: [observation_id, start_char, end_char, text, pattern,
    category, base_weight, weight, modifiers], offsets into the article text."""
    columns = ["observation_id", "start_char", "end_char", "text", "pattern", "category",
               "base_weight", "weight", "modifiers"]
    if not observation_ids:
        return pd.DataFrame(columns=columns)
    sql = text(
        f"SELECT {', '.join(columns)} FROM cues WHERE observation_id IN :ids ORDER BY observation_id, start_char"
    ).bindparams(bindparam("ids", expanding=True, type_=Integer))
    with engine.connect() as conn:
        return pd.read_sql_query(sql, conn, params={"ids": [int(i) for i in observation_ids]})


def article(engine: Engine, article_id: int) -> dict | None:
    """One article with its sentences and the cues found in it, or None when there is no such id.

    Returns {"id", "title", "outlet", "url", "published", "language", "is_example", "text",
    "sentences": DataFrame[idx, start_char, end_char], "cues": DataFrame[start_char, end_char, weight, pattern]}.
    """
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT id, title, outlet, url, published, language, is_example, text, main_pair"
                " FROM articles WHERE id = :id"
            ),
            {"id": int(article_id)},
        ).mappings().first()
        if row is None:
            return None
        sentences = pd.read_sql_query(
            text("SELECT idx, start_char, end_char FROM sentences WHERE article_id = :id ORDER BY idx"),
            conn, params={"id": int(article_id)},
        )
        cues = pd.read_sql_query(
            text(
                "SELECT DISTINCT c.start_char, c.end_char, c.weight, c.pattern FROM cues AS c"
                " JOIN observations AS o ON o.id = c.observation_id WHERE o.article_id = :id"
                " ORDER BY c.start_char"
            ),
            conn, params={"id": int(article_id)},
        )
    result = dict(row)
    result["sentences"] = sentences
    result["cues"] = cues
    return result


def pair_matrix(engine: Engine, first: date, last: date) -> pd.DataFrame:
    """Every pair's value over whole months [first, last] (the article-mean rule):
    [pair, country_a, country_b, tension, n_obs, n_articles]."""
    params = {"period_start": period_start(first, "M"), "period_end": last}
    sql = """
        SELECT pair, avg(s / n) AS tension, sum(n) AS n_obs, count(*) AS n_articles
        FROM (
            SELECT pair, article_id, sum(n_obs) AS n, sum(sum_score) AS s
            FROM period_stats
            WHERE freq = 'M' AND period >= :period_start AND period <= :period_end
            GROUP BY pair, article_id
        ) AS per_article
        GROUP BY pair ORDER BY pair
    """
    with engine.connect() as conn:
        df = pd.read_sql_query(_bind(sql, params), conn, params=params)
    df["country_a"] = df["pair"].str[:3]
    df["country_b"] = df["pair"].str[4:]
    df["tension"] = df["tension"].round(3)
    return df[["pair", "country_a", "country_b", "tension", "n_obs", "n_articles"]]


def movers(current: pd.DataFrame, previous: pd.DataFrame, min_articles: int = 1) -> pd.DataFrame:
    """Pairs present in both spans, with the change of tension: [pair, tension, previous, change],
    the most deteriorated first (largest positive change)."""
    columns = ["pair", "tension", "previous", "change", "n_articles"]
    if current.empty or previous.empty:
        return pd.DataFrame(columns=columns)
    cur = current[current["n_articles"] >= min_articles][["pair", "tension", "n_articles"]]
    prev = previous[previous["n_articles"] >= min_articles][["pair", "tension"]].rename(
        columns={"tension": "previous"}
    )
    both = cur.merge(prev, on="pair")
    both["change"] = (both["tension"] - both["previous"]).round(3)
    return both.sort_values(["change", "pair"], ascending=[False, True]).reset_index(drop=True)[columns]


SPAN_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def span_of(period: date, span: str) -> tuple[date, date]:
    """First and last day of the month / quarter / year that starts on ``period``."""
    start = pd.Timestamp(period)
    end = start + pd.DateOffset(months=SPAN_MONTHS[span]) - pd.Timedelta(days=1)
    return start.date(), end.date()


def previous_span(first: date, span: str) -> tuple[date, date]:
    return span_of((pd.Timestamp(first) - pd.DateOffset(months=SPAN_MONTHS[span])).date(), span)


def span_starts(bounds: tuple[date, date] | None, span: str) -> list[date]:
    """The starts of every month / quarter / year between the bounds, the latest first."""
    if bounds is None:
        return []
    freq = {"month": "MS", "quarter": "QS", "year": "YS"}[span]
    first = pd.Timestamp(bounds[0]).to_period({"month": "M", "quarter": "Q", "year": "Y"}[span]).start_time
    return [d.date() for d in pd.date_range(first, bounds[1], freq=freq)][::-1]


def sources(engine: Engine, pairs: list[str], start: date | None, end: date | None) -> pd.DataFrame:
    """The outlets behind a chart, for the source caption of an exported image:
    [outlet, n_articles, n_examples] (examples: articles marked as invented), the largest first."""
    columns = ["outlet", "n_articles", "n_examples"]
    if not pairs:
        return pd.DataFrame(columns=columns)
    where, params = _date_filter(start, end)
    params["pairs"] = list(pairs)
    sql = (
        "SELECT a.outlet, count(*) AS n_articles,"
        " sum(CASE WHEN a.is_example THEN 1 ELSE 0 END) AS n_examples FROM articles AS a"
        " WHERE a.id IN (SELECT o.article_id FROM observations AS o"
        f" WHERE o.pair IN :pairs{where.replace('event_date', 'o.event_date')})"
        " GROUP BY a.outlet ORDER BY n_articles DESC, a.outlet"
    )
    with engine.connect() as conn:
        df = pd.read_sql_query(_bind(sql, params), conn, params=params)
    df["outlet"] = df["outlet"].fillna("unknown outlet")
    return df[columns]
