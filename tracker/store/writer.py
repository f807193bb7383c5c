"""The Store: scored articles in (stored, rescored), and read back as the records that were stored.

The numbers users see (pairs, timelines, the matrix) are read by queries.py, the sentences and cues
behind them by evidence.py; the Store only reads what writing, rescoring, `explain` and the ingest
log need. Writes follow two rules. All or nothing per article: its sentences, mentions, dates,
observations and cues are stored together or not at all (in one transaction, or in one savepoint
of a batch's transaction: tracker.store.batch). One row per text: the article's key
(the hash of its normalised text) is unique, so a second copy, even from another process racing
on the same file, ends as "duplicate" and writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from sqlalchemy import Connection, Engine, delete, func, select, update
from sqlalchemy.exc import IntegrityError

from tracker.records import (
    Article,
    Cue,
    DateRef,
    Mention,
    Observation,
    ScoredArticle,
    Sentence,
    SentenceReading,
)
from tracker.store import db
from tracker.store.batch import JOIN, InvalidRecord, WriteBatch, article_language, insert_readings
from tracker.store.schema import (
    articles,
    cues,
    date_refs,
    ingest_log,
    mentions,
    observations,
    sentences,
)


@dataclass(frozen=True)
class ObservationChange:
    """What a rescore changed in one article, keyed by (pair, sentence index)."""

    added: int = 0
    removed: int = 0
    changed: int = 0  # same pair and sentence, another score, date or precision

    @property
    def total(self) -> int:
        return self.added + self.removed + self.changed


class Store:
    """A migrated database. Build it with ``open_store``; share one per process (it holds a pool)."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def url(self) -> str:
        """The database URL as it may be shown: the password masked."""
        return db.mask(self.engine.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction; on SQLite it takes the write lock up front (see db._configure_sqlite)."""
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                yield conn

    # ---------------------------------------------------------------------------------- writes

    def find_article(self, key: str) -> int | None:
        """The id of the article stored under this key (records.content_hash), if any."""
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.id).where(articles.c.key == key)).scalar()

    def find_articles(self, keys: Iterable[str]) -> dict[str, int]:
        """find_article for several keys in one query: the keys stored, with their ids."""
        keys = list(keys)
        found: dict[str, int] = {}
        if not keys:
            return found
        with self.engine.connect() as conn:
            for start in range(0, len(keys), 500):  # within any database's limit on a statement's parameters
                query = select(articles.c.key, articles.c.id).where(articles.c.key.in_(keys[start : start + 500]))
                found.update((key, article_id) for key, article_id in conn.execute(query))
        return found

    @contextmanager
    def batch(self) -> Iterator[WriteBatch]:
        """Writes in one transaction (see tracker.store.batch): committed together when the block
        ends, none of them when it raises."""
        with self._write() as conn:
            batch = WriteBatch(conn)
            yield batch
            batch.flush()

    def add_scored(self, scored: ScoredArticle, *, lexicon_version: str | None = None) -> tuple[int, bool]:
        """Store an article with everything read in it: (article id, whether it is new).

        Already stored (same key) -> (its id, False) and nothing written. All rows of the article
        are written in one transaction: a failure half-way leaves nothing of it behind.
        """
        existing = self.find_article(scored.article.key)
        if existing is not None:  # found without taking the write lock
            return existing, False
        with self.batch() as batch:
            return batch.add_scored(scored, lexicon_version=lexicon_version)

    def replace_observations(
        self, article_id: int, scored: ScoredArticle, *, lexicon_version: str | None = None
    ) -> ObservationChange:
        """Replace what was read in a stored article (rescore), in one transaction.

        Sentences, mentions, dates, observations and cues are all derived from the stored text, so
        all are replaced; the article row keeps its id, key and text. When the new reading is the
        stored one, nothing is rewritten: observation ids (the dashboard's links) stay valid.
        """
        current = self.scored_article(article_id)
        if current is not None and (current.readings, current.main_pair) == (scored.readings, scored.main_pair):
            with self._write() as conn:
                conn.execute(update(articles).where(articles.c.id == article_id).values(lexicon_version=lexicon_version))
            return ObservationChange()
        before = self._observation_keys(article_id)
        after = {
            (o.pair_code, o.sentence_index): (o.event_date, o.precision, round(o.score, 4))
            for o in scored.observations
        }
        change = ObservationChange(
            added=len(after.keys() - before.keys()),
            removed=len(before.keys() - after.keys()),
            changed=sum(1 for k in after.keys() & before.keys() if after[k] != before[k]),
        )
        try:
            with self._write() as conn:
                conn.execute(delete(sentences).where(sentences.c.article_id == article_id))
                conn.execute(
                    update(articles)
                    .where(articles.c.id == article_id)
                    .values(
                        main_pair="-".join(scored.main_pair) if scored.main_pair else None,
                        language=article_language(scored),
                        lexicon_version=lexicon_version,
                    )
                )
                insert_readings(conn, [(article_id, scored.readings)])
        except IntegrityError as exc:
            raise InvalidRecord(
                f"the scorer produced a record the database refuses ({db._first_line(exc)}); "
                "this is a bug in the scorer: please report it"
            ) from None
        return change

    def _observation_keys(self, article_id: int) -> dict[tuple[str, int], tuple[date, str, float]]:
        query = (
            select(observations.c.pair, sentences.c.idx, observations.c.event_date, observations.c.precision, observations.c.score)
            .join(sentences, observations.c.sentence_id == sentences.c.id)
            .where(observations.c.article_id == article_id)
        )
        with self.engine.connect() as conn:
            return {(p, i): (d, prec, round(s, 4)) for p, i, d, prec, s in conn.execute(query)}

    def log_ingest(
        self,
        path: str,
        outcome: str,
        reason: str = "",
        *,
        record: str | None = None,
        article_id: int | None = None,
        at: datetime | None = None,
    ) -> None:
        """One line of the ingest log (what `tracker status` and the drop folder report)."""
        with self.batch() as batch:
            batch.log_ingest(path, outcome, reason, record=record, article_id=article_id, at=at)

    # ----------------------------------------------------------------------------------- reads

    def _frame(self, query, columns: Sequence[str] | None = None) -> pd.DataFrame:
        with self.engine.connect() as conn:
            result = conn.execute(query)
            return pd.DataFrame(result.all(), columns=list(columns or result.keys()))

    def ingest_log_frame(self, since: datetime | None = None, limit: int | None = None) -> pd.DataFrame:
        """The ingest log, newest first: [id, at, path, record, outcome, reason, article_id]."""
        query = select(ingest_log).order_by(ingest_log.c.id.desc())
        if since is not None:
            query = query.where(ingest_log.c.at >= since)
        if limit is not None:
            query = query.limit(limit)
        return self._frame(query)

    def counts(self) -> dict[str, int]:
        """How many articles, sentences and observations are stored."""
        with self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (("articles", articles), ("sentences", sentences), ("observations", observations))
            }

    def article_ids(self) -> list[int]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(articles.c.id).order_by(articles.c.id)).scalars())

    def stored_article(self, article_id: int) -> Article | None:
        """The article as it was read, rebuilt from the stored row: what rescore scores again."""
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
        if row is None:
            return None
        return Article(
            text=row["text"], title=row["title"], url=row["url"], outlet=row["outlet"],
            language=row["language"], published=row["published"], published_source=row["published_source"],
            source_path=row["source_path"], is_example=bool(row["is_example"]),
        )

    def article_row(self, article_id: int) -> dict | None:
        """The article's row (without its text) for display: id, key, title, added_at, ..."""
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
        return {k: v for k, v in row.items() if k != "text"} if row else None

    def scored_article(self, article_id: int) -> ScoredArticle | None:
        """A stored article with everything read in it, as the scorer's records (for `explain`)."""
        article = self.stored_article(article_id)
        if article is None:
            return None
        with self.engine.connect() as conn:
            main_pair = conn.execute(select(articles.c.main_pair).where(articles.c.id == article_id)).scalar()
            sent_rows = conn.execute(
                select(sentences).where(sentences.c.article_id == article_id).order_by(sentences.c.idx)
            ).mappings().all()
            ids = [s["id"] for s in sent_rows]
            by_sentence: dict[int, dict[str, list]] = {i: {"m": [], "d": [], "o": []} for i in ids}
            for m in conn.execute(select(mentions).where(mentions.c.sentence_id.in_(ids)).order_by(mentions.c.id)).mappings():
                by_sentence[m["sentence_id"]]["m"].append(
                    Mention(m["start_char"], m["end_char"], m["text"], m["country"], m["kind"], m["role"], m["detail"])
                )
            for d in conn.execute(select(date_refs).where(date_refs.c.sentence_id.in_(ids)).order_by(date_refs.c.id)).mappings():
                by_sentence[d["sentence_id"]]["d"].append(
                    DateRef(d["value"], d["precision"], d["expression"], d["start_char"], d["end_char"], bool(d["dates_event"]), d["note"])
                )
            obs_rows = conn.execute(
                select(observations).where(observations.c.article_id == article_id).order_by(observations.c.id)
            ).mappings().all()
            cue_rows: dict[int, list[Cue]] = {o["id"]: [] for o in obs_rows}
            for c in conn.execute(
                select(cues).where(cues.c.observation_id.in_(list(cue_rows))).order_by(cues.c.id)
            ).mappings():
                cue_rows[c["observation_id"]].append(_cue(c))
        index_of = {s["id"]: s["idx"] for s in sent_rows}
        for o in obs_rows:
            by_sentence[o["sentence_id"]]["o"].append(
                Observation(
                    pair=(o["country_a"], o["country_b"]), sentence_index=index_of[o["sentence_id"]],
                    event_date=o["event_date"], precision=o["precision"], date_expression=o["date_expression"],
                    cues=tuple(cue_rows[o["id"]]), score=o["score"],
                )
            )
        readings = []
        for s in sent_rows:
            found = by_sentence[s["id"]]
            pairs = tuple(tuple(p.split("-")) for p in s["pairs"].split(JOIN) if p)
            # The cues of a sentence are those of its observations, each once.
            sentence_cues = {(c.start, c.end, c.pattern): c for o in found["o"] for c in o.cues}
            readings.append(
                SentenceReading(
                    Sentence(s["idx"], s["start_char"], s["end_char"], s["text"], s["language"]),
                    tuple(found["m"]), pairs, tuple(sorted(sentence_cues.values(), key=lambda c: c.start)),
                    tuple(found["d"]), tuple(found["o"]),
                )
            )
        # Only scored articles are stored, each with the date its expressions were resolved against.
        assert article.published is not None, f"article {article_id} was stored without its date"
        return ScoredArticle(
            article, article.published, tuple(main_pair.split("-")) if main_pair else None, tuple(readings),
            article.published_source,
        )


def _cue(row) -> Cue:
    modifiers = tuple(m for m in row["modifiers"].split(JOIN) if m)
    return Cue(row["start_char"], row["end_char"], row["text"], row["pattern"], row["category"],
               row["base_weight"], row["weight"], modifiers)


def open_store(db_: str | None = None, *, migrate: bool = True) -> Store:
    """Open (and on first use create and migrate) the database named by --db.

    db_: a file path, a sqlite:/// or postgresql:// URL, or None ($TRACKER_DB, else the default
    file in the user's data folder). Raises db.StoreError subclasses with messages for the user.
    """
    url = db.resolve_url(db_)
    engine = db.create_store_engine(url)
    try:
        db.check_reachable(engine)
        if migrate:
            db.migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)
