"""The evidence behind the numbers: the observations of a point, their sentences and cues, the
articles, the strongest observations (the timeline's event markers) and the outlets behind a chart.

SQL in, DataFrames out, like queries.py (the numbers themselves): what the dashboard shows when a
point is clicked, and the source caption of an exported chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
from sqlalchemy import Engine, Integer, bindparam, select, text

from tracker.store.queries import bound, date_filter
from tracker.store.schema import cues, observations, sentences

# How many observations the sentences panel lists for one point (the strongest first).
SENTENCES_LIMIT = 40
# How many event markers a pair gets on the timeline, and the weakest |score| that is an "event".
EVENTS_PER_PAIR = 6
EVENT_MIN_ABS_SCORE = 5.0


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
    where, params = date_filter(start, end)
    hint = " INDEXED BY ix_observations_pair_score" if engine.dialect.name == "sqlite" else ""
    ids: list[int] = []
    with engine.connect() as conn:
        for pair in pairs:
            for condition, order in (("score >= :min_abs", "DESC"), ("score <= -:min_abs", "ASC")):
                sql = (f"SELECT id FROM observations{hint} WHERE pair = :pair AND {condition}{where}"
                       f" ORDER BY score {order} LIMIT :limit")
                p = {**params, "pair": pair, "min_abs": float(min_abs), "limit": int(per_pair)}
                ids.extend(int(r[0]) for r in conn.execute(bound(sql, p), p))
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
        ids = [int(r[0]) for r in conn.execute(bound(ids_sql, params), params)]
        total = conn.execute(bound(count_sql, params), params).scalar_one()
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
    "sentences": DataFrame[idx, start_char, end_char], "cues": DataFrame[start_char, end_char, weight, pattern, pair]} (a cue read for two pairs: one row each).
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
        sentence_rows = pd.read_sql_query(
            text("SELECT idx, start_char, end_char FROM sentences WHERE article_id = :id ORDER BY idx"),
            conn, params={"id": int(article_id)},
        )
        cue_rows = pd.read_sql_query(
            text(
                "SELECT DISTINCT c.start_char, c.end_char, c.weight, c.pattern, o.pair FROM cues AS c"
                " JOIN observations AS o ON o.id = c.observation_id WHERE o.article_id = :id"
                " ORDER BY c.start_char"
            ),
            conn, params={"id": int(article_id)},
        )
    result = dict(row)
    result["sentences"] = sentence_rows
    result["cues"] = cue_rows
    return result


def observation_details(engine: Engine, ids: Sequence[int]) -> pd.DataFrame:
    """Observations by id with their sentence and cues, one row per cue (none: one row, cue columns empty)."""
    query = (
        select(
            observations.c.id.label("observation_id"), observations.c.article_id, observations.c.pair,
            observations.c.event_date, observations.c.score, sentences.c.text.label("sentence_text"),
            sentences.c.start_char.label("sentence_start"), cues.c.text.label("cue_text"),
            cues.c.start_char.label("cue_start"), cues.c.end_char.label("cue_end"), cues.c.weight,
            cues.c.base_weight, cues.c.modifiers, cues.c.category,
        )
        .join(sentences, observations.c.sentence_id == sentences.c.id)
        .outerjoin(cues, cues.c.observation_id == observations.c.id)
        .where(observations.c.id.in_(list(ids)))
        .order_by(observations.c.id, cues.c.start_char)
    )
    with engine.connect() as conn:
        result = conn.execute(query)
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def sources(engine: Engine, pairs: list[str], start: date | None, end: date | None) -> pd.DataFrame:
    """The outlets behind a chart, for the source caption of an exported image:
    [outlet, n_articles, n_examples] (examples: articles marked as invented), the largest first."""
    columns = ["outlet", "n_articles", "n_examples"]
    if not pairs:
        return pd.DataFrame(columns=columns)
    where, dates = date_filter(start, end, "o.event_date")
    params: dict[str, object] = {**dates, "pairs": list(pairs)}
    sql = (
        "SELECT a.outlet, count(*) AS n_articles,"
        " sum(CASE WHEN a.is_example THEN 1 ELSE 0 END) AS n_examples FROM articles AS a"
        " WHERE a.id IN (SELECT o.article_id FROM observations AS o"
        f" WHERE o.pair IN :pairs{where})"
        " GROUP BY a.outlet ORDER BY n_articles DESC, a.outlet"
    )
    with engine.connect() as conn:
        df = pd.read_sql_query(bound(sql, params), conn, params=params)
    df["outlet"] = df["outlet"].fillna("unknown outlet")
    return df[columns]


PAIR_CUE_COLUMNS = ["observation_id", "start_char", "end_char", "text", "pattern", "category", "base_weight",
                    "weight", "modifiers"]


def pair_cues(engine: Engine, pair: str, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """The cues of a pair's observations between start and end (event dates, both included):
    PAIR_CUE_COLUMNS, by observation then position. One join, not an IN list of every id."""
    where, params = date_filter(start, end, "o.event_date")
    params_all: dict[str, object] = {**params, "pair": pair}
    sql = (
        f"SELECT {', '.join('c.' + c for c in PAIR_CUE_COLUMNS)} FROM cues AS c"
        " JOIN observations AS o ON o.id = c.observation_id"
        f" WHERE o.pair = :pair{where} ORDER BY c.observation_id, c.start_char"
    )
    with engine.connect() as conn:
        return pd.read_sql_query(bound(sql, params_all), conn, params=params_all)


STRONGEST_COLUMNS = ["side", "observation_id", "event_date", "score", "article_id", "sentence_idx", "sentence",
                     "title", "outlet", "url", "published", "is_example"]


def strongest(engine: Engine, pair: str, start: date | None, end: date | None, per_side: int = 3) -> pd.DataFrame:
    """A pair's strongest tension (score > 0, highest first) and cooperation (score < 0, lowest first)
    observations between start and end, at most ``per_side`` of each and one per article and side, so
    one long article does not fill the list: STRONGEST_COLUMNS, side "tension" or "cooperation"."""
    where, params = date_filter(start, end)
    picked: list[tuple[str, int]] = []
    with engine.connect() as conn:
        for side, condition, order in (("tension", "score > 0", "DESC"), ("cooperation", "score < 0", "ASC")):
            # Each article's best observation (ties: the earliest), then the best of those.
            ranking = f"ORDER BY score {order}, event_date, id"
            sql = (
                "SELECT id FROM (SELECT id, score, event_date, row_number() OVER"
                f" (PARTITION BY article_id {ranking}) AS rank_in_article FROM observations"
                f" WHERE pair = :pair AND {condition}{where}) AS best WHERE rank_in_article = 1 {ranking} LIMIT :limit"
            )
            p = {**params, "pair": pair, "limit": int(per_side)}
            picked.extend((side, int(r[0])) for r in conn.execute(bound(sql, p), p))
        if not picked:
            return pd.DataFrame(columns=STRONGEST_COLUMNS)
        details = text(
            "SELECT o.id AS observation_id, o.event_date, o.score, o.article_id, s.idx AS sentence_idx,"
            " s.text AS sentence, a.title, a.outlet, a.url, a.published, a.is_example"
            " FROM observations AS o JOIN sentences AS s ON s.id = o.sentence_id"
            " JOIN articles AS a ON a.id = o.article_id WHERE o.id IN :ids"
        ).bindparams(bindparam("ids", expanding=True, type_=Integer))
        rows = pd.read_sql_query(details, conn, params={"ids": [i for _, i in picked]}).set_index("observation_id")
    ordered = rows.loc[[i for _, i in picked]].reset_index()
    ordered.insert(0, "side", [s for s, _ in picked])
    ordered["event_date"] = pd.to_datetime(ordered["event_date"])
    ordered["published"] = pd.to_datetime(ordered["published"])
    ordered["is_example"] = ordered["is_example"].astype(bool)
    return ordered[STRONGEST_COLUMNS]


ARTICLE_COLUMNS = ["article_id", "title", "outlet", "url", "published", "language", "is_example", "main_pair",
                   "n_obs", "mean_score"]


def pair_articles(engine: Engine, pair: str | None = None, start: date | None = None,
                  end: date | None = None) -> pd.DataFrame:
    """The articles behind a pair between start and end (event dates), or every article when pair is
    None: ARTICLE_COLUMNS, oldest first. n_obs and mean_score are the article's observations (of the
    pair when given) in the range; mean_score is the article mean the period formula averages."""
    where, dates = date_filter(start, end, "o.event_date")
    params: dict[str, object] = dict(dates)
    if pair is not None:
        where += " AND o.pair = :pair"
        params["pair"] = pair
    if pair is None and not dates:  # every article, those without observations too
        source, where = "articles AS a LEFT JOIN observations AS o ON o.article_id = a.id", ""
    else:
        source, where = "articles AS a JOIN observations AS o ON o.article_id = a.id", " WHERE 1 = 1" + where
    sql = (
        "SELECT a.id AS article_id, a.title, a.outlet, a.url, a.published, a.language, a.is_example, a.main_pair,"
        f" count(o.id) AS n_obs, avg(o.score) AS mean_score FROM {source}{where}"
        " GROUP BY a.id, a.title, a.outlet, a.url, a.published, a.language, a.is_example, a.main_pair"
        " ORDER BY a.published, a.id"
    )
    with engine.connect() as conn:
        df = pd.read_sql_query(bound(sql, params), conn, params=params)
    df["published"] = pd.to_datetime(df["published"])
    df["is_example"] = df["is_example"].astype(bool)
    df["n_obs"] = df["n_obs"].astype(int)
    df["mean_score"] = df["mean_score"].astype(float)
    return df[ARTICLE_COLUMNS]
