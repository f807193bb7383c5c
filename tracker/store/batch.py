"""Writes that share one transaction: a batch of scored articles and their lines of the ingest log.

Why: a commit, a key look-up and a dozen statements per article cost the ingest's writing process
more CPU than reading and hashing the files; an ingest writes what is ready in one transaction,
each table's rows of every article of the batch in one statement. The store's rules still hold:
- An article is stored whole or not at all. The batch's rows go in together, inside a savepoint;
  when the database refuses one article's rows (a scorer bug, or its text stored meanwhile by
  another process) the savepoint is rolled back and each article is written in its own savepoint,
  so only that article is refused and the others are kept.
- One row per text: the key is unique; a text stored already (or earlier in the same batch) is a
  duplicate of that row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.exc import IntegrityError

from tracker.records import ScoredArticle, SentenceReading
from tracker.store import db
from tracker.store.schema import (
    OUTCOMES,
    articles,
    cues,
    date_refs,
    ingest_log,
    mentions,
    observations,
    sentences,
)

JOIN = "; "


class InvalidRecord(db.StoreError):
    """The scorer produced a record the schema refuses (e.g. a score off the scale): a scorer bug."""


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class WriteBatch:
    """Articles and ingest log lines written in one transaction (Store.batch opens and commits it)."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self._log_rows: list[dict] = []

    def add_scored(self, scored: ScoredArticle, *, lexicon_version: str | None = None) -> tuple[int, bool]:
        """(article id, whether it is new); raises InvalidRecord when the database refuses it."""
        result = self.add_scored_many([scored], lexicon_version=lexicon_version)[0]
        if isinstance(result, InvalidRecord):
            raise result
        return result

    def add_scored_many(
        self, batch: Sequence[ScoredArticle], *, lexicon_version: str | None = None
    ) -> list[tuple[int, bool] | InvalidRecord]:
        """add_scored on each article, in order: (id, new), or the InvalidRecord of an article refused."""
        keys = [scored.article.key for scored in batch]
        if len(batch) > 1 and len(set(keys)) == len(keys) and not self._stored_ids(keys):
            try:
                with self.conn.begin_nested():
                    ids = insert_articles(self.conn, batch, keys, lexicon_version)
                return [(article_id, True) for article_id in ids]
            except IntegrityError:
                pass  # one of them is refused, or was stored meanwhile: each in its own savepoint below
        return [self._add_one(scored, lexicon_version) for scored in batch]

    def _add_one(self, scored: ScoredArticle, lexicon_version: str | None) -> tuple[int, bool] | InvalidRecord:
        key = scored.article.key
        existing = self._stored_ids([key]).get(key)
        if existing is not None:
            return existing, False
        try:
            with self.conn.begin_nested():
                return insert_articles(self.conn, [scored], [key], lexicon_version)[0], True
        except IntegrityError as exc:
            # Another process stored the same text between our look-up and our insert.
            existing = self._stored_ids([key]).get(key)
            if existing is not None:
                return existing, False
            return InvalidRecord(
                f"the scorer produced a record the database refuses ({db._first_line(exc)}); "
                "this is a bug in the scorer: please report it with the file"
            )

    def _stored_ids(self, keys: Sequence[str]) -> dict[str, int]:
        query = select(articles.c.key, articles.c.id).where(articles.c.key.in_(keys))
        return {key: article_id for key, article_id in self.conn.execute(query)}

    def log_ingest(
        self, path: str, outcome: str, reason: str = "", *, record: str | None = None,
        article_id: int | None = None, at: datetime | None = None,
    ) -> None:
        """One line of the ingest log, written with the batch (see Store.log_ingest)."""
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown ingest outcome {outcome!r}; one of {', '.join(OUTCOMES)}")
        self._log_rows.append({"at": at or utcnow(), "path": str(path), "record": record, "outcome": outcome,
                               "reason": reason, "article_id": article_id})

    def flush(self) -> None:
        if self._log_rows:
            self.conn.execute(insert(ingest_log), self._log_rows)
            self._log_rows = []


def article_language(scored: ScoredArticle) -> str | None:
    if scored.article.language:
        return scored.article.language
    langs = [r.sentence.language for r in scored.readings]
    return max(set(langs), key=langs.count) if langs else None


def article_row(scored: ScoredArticle, key: str, lexicon_version: str | None) -> dict:
    article = scored.article
    return {
        "key": key,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "language": article_language(scored),
        "published": scored.published,
        "published_source": scored.published_source or article.published_source,
        "source_path": article.source_path,
        "is_example": article.is_example,
        "main_pair": "-".join(scored.main_pair) if scored.main_pair else None,
        "text": article.text,
        "added_at": utcnow(),
        "lexicon_version": lexicon_version,
    }


def insert_articles(
    conn: Connection, batch: Sequence[ScoredArticle], keys: Sequence[str], lexicon_version: str | None
) -> list[int]:
    """The articles' rows (under their keys) and everything read in them, in order: the ids are
    those inserting them one by one would give."""
    ids = inserted_ids(conn, articles, [article_row(scored, key, lexicon_version)
                                        for scored, key in zip(batch, keys, strict=True)], ("key",))
    insert_readings(conn, [(article_id, scored.readings) for article_id, scored in zip(ids, batch, strict=True)])
    return ids


def inserted_ids(conn: Connection, table: Table, rows: Sequence[dict], natural_key: tuple[str, ...]) -> list[int]:
    """Insert `rows` into `table` (in their order) and give their ids, in the same order.

    SQLAlchemy keeps RETURNING in the order of the rows (sort_by_parameter_order) by batching on
    PostgreSQL, but on SQLite by sending one INSERT per row: ~10,000 statements for 400 articles of
    ordinary length (one row per sentence), most of the ingest's writing time. On SQLite the rows go
    in multi-row INSERTs instead, RETURNING each row's natural key (unique within `rows`: the
    article's key; the article and sentence index; the sentence and pair) beside its id, and the ids
    are put back in the rows' order. The ids are the same: SQLite numbers the rows of an INSERT in
    the order of its VALUES, as one INSERT per row would.
    """
    keys = [tuple(row[column] for column in natural_key) for row in rows]
    if conn.dialect.name != "sqlite" or len(rows) < 2 or len(set(keys)) < len(keys):
        return list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).scalars())
    returned = conn.execute(insert(table).returning(table.c.id, *(table.c[c] for c in natural_key)), rows).all()
    return ids_in_row_order(keys, returned)


def ids_in_row_order(keys: Sequence[tuple], returned: Sequence[Sequence]) -> list[int]:
    """The ids of RETURNING rows (id, *natural key), in the order of `keys`: SQLite does not promise
    to return the rows of a multi-row INSERT in the order of its VALUES."""
    by_key = {tuple(row[1:]): row[0] for row in returned}
    return [by_key[key] for key in keys]


def insert_readings(conn: Connection, per_article: Sequence[tuple[int, Sequence[SentenceReading]]]) -> None:
    """Sentences, then what hangs off them: each table's rows of every article in one batched statement."""
    readings = [(article_id, r) for article_id, found in per_article for r in found]
    if not readings:
        return
    sentence_ids = inserted_ids(
        conn,
        sentences,
        [
            {
                "article_id": article_id,
                "idx": r.sentence.index,
                "start_char": r.sentence.start,
                "end_char": r.sentence.end,
                "text": r.sentence.text,
                "language": r.sentence.language,
                "pairs": JOIN.join("-".join(p) for p in r.pairs),
            }
            for article_id, r in readings
        ],
        ("article_id", "idx"),
    )
    mention_rows, date_rows, obs_rows, obs_cues = [], [], [], []
    for sentence_id, (article_id, r) in zip(sentence_ids, readings, strict=True):
        mention_rows += [
            {
                "sentence_id": sentence_id, "start_char": m.start, "end_char": m.end, "text": m.text,
                "country": m.country, "kind": m.kind, "role": m.role, "detail": m.detail,
            }
            for m in r.mentions
        ]
        date_rows += [
            {
                "sentence_id": sentence_id, "value": d.value, "precision": d.precision,
                "expression": d.expression, "start_char": d.start, "end_char": d.end,
                "dates_event": d.dates_event, "note": d.note,
            }
            for d in r.dates
        ]
        for o in r.observations:
            obs_rows.append(
                {
                    "article_id": article_id, "sentence_id": sentence_id, "pair": o.pair_code,
                    "country_a": o.pair[0], "country_b": o.pair[1], "event_date": o.event_date,
                    "precision": o.precision, "date_expression": o.date_expression, "score": o.score,
                }
            )
            obs_cues.append(o.cues)
    if mention_rows:
        conn.execute(insert(mentions), mention_rows)
    if date_rows:
        conn.execute(insert(date_refs), date_rows)
    if not obs_rows:
        return
    obs_ids = inserted_ids(conn, observations, obs_rows, ("sentence_id", "pair"))
    cue_rows = [
        {
            "observation_id": obs_id, "start_char": c.start, "end_char": c.end, "text": c.text,
            "pattern": c.pattern, "category": c.category, "base_weight": c.base_weight,
            "weight": c.weight, "modifiers": JOIN.join(c.modifiers),
        }
        for obs_id, found in zip(obs_ids, obs_cues, strict=True)
        for c in found
    ]
    if cue_rows:
        conn.execute(insert(cues), cue_rows)
