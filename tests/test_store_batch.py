"""Many articles written in one transaction (Store.batch, what an ingest writes): each article
whole or not at all, a refused one rolled back alone, a duplicate found in the database or in the
same batch, and nothing at all when the batch fails. Real SQLite and PostgreSQL databases."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from test_store import TABLES, _count, make_scored

from tracker.store import InvalidRecord, open_store
from tracker.store.schema import sentences

# Invented examples, not real reporting: three texts, each its own article.
BODIES = [
    "Note: invented example, not real reporting.\n\nMoscou et Washington échangent des menaces.\n\nLes deux pays signent.",
    "Note: invented example, not real reporting.\n\nPékin et Tokyo échangent des menaces.\n\nLes deux pays négocient.",
    "Note: invented example, not real reporting.\n\nAlger et Paris échangent des menaces.\n\nLes deux pays discutent.",
]


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


def test_a_batch_stores_each_article_as_storing_them_one_by_one_would(store, tmp_path):
    batch_of = [make_scored(body) for body in BODIES]
    with store.batch() as batch:
        written = batch.add_scored_many(batch_of, lexicon_version="v1")
    assert written == [(1, True), (2, True), (3, True)]
    for (article_id, _), scored in zip(written, batch_of, strict=True):
        assert store.scored_article(article_id) == scored
    with store.engine.connect() as conn:  # ids in article order, as one by one
        owners = conn.execute(select(sentences.c.article_id).order_by(sentences.c.id)).scalars().all()
    assert owners == [1, 1, 1, 2, 2, 2, 3, 3, 3]
    with open_store(tmp_path / "one_by_one.db") as alone:
        assert [alone.add_scored(s, lexicon_version="v1") for s in batch_of] == written
        assert {t: _count(alone, t) for t in TABLES} == {t: _count(store, t) for t in TABLES}


def test_a_refused_article_is_rolled_back_alone_and_the_rest_of_the_batch_is_kept(store):
    before = {t: _count(store, t) for t in TABLES}
    broken = make_scored(BODIES[1], scores=(6.0, 99.0))  # a score off the scale: refused after some of its rows
    with store.batch() as batch:
        first, refused, last = batch.add_scored_many([make_scored(BODIES[0]), broken, make_scored(BODIES[2])])
        for outcome in ("stored", "rejected", "stored"):
            batch.log_ingest("/in/x.txt", outcome)
    assert isinstance(refused, InvalidRecord)
    assert "the scorer produced a record the database refuses" in str(refused)
    assert first[1] and last[1]
    assert store.find_article(broken.article.key) is None
    after = {t: _count(store, t) for t in TABLES}
    # Two articles of three sentences, two observations, mentions, dates and cues each; three log lines.
    assert {t: after[t] - before[t] for t in TABLES - {"period_stats"}} == {
        "articles": 2, "sentences": 6, "mentions": 4, "date_refs": 4, "observations": 4, "cues": 4, "ingest_log": 3}


def test_a_text_stored_already_or_earlier_in_the_batch_is_a_duplicate(store):
    stored, _ = store.add_scored(make_scored(BODIES[0]))
    rewrapped = BODIES[1].replace("des menaces", "des\nmenaces")  # the same text, re-wrapped
    with store.batch() as batch:
        written = batch.add_scored_many([make_scored(BODIES[1]), make_scored(BODIES[0]), make_scored(rewrapped)])
    new_id = written[0][0]
    assert written == [(new_id, True), (stored, False), (new_id, False)]
    assert store.counts()["articles"] == 2


def test_a_batch_that_fails_writes_nothing(store):
    before = {t: _count(store, t) for t in TABLES}
    with pytest.raises(RuntimeError, match="stopped"), store.batch() as batch:
        batch.add_scored_many([make_scored(body) for body in BODIES])
        batch.log_ingest("/in/x.txt", "stored")
        raise RuntimeError("stopped half-way")  # e.g. Ctrl+C, a full disk
    assert {t: _count(store, t) for t in TABLES} == before


def test_returned_ids_are_put_back_in_the_rows_order_whatever_order_they_come_in():
    """RETURNING rows in another order than the VALUES (SQLite does not promise theirs) still give each
    row its own id."""
    from tracker.store.batch import ids_in_row_order

    keys = [(7, 17), (7, 12), (7, 15)]
    returned = [(103, 7, 15), (101, 7, 17), (102, 7, 12)]  # (id, article_id, idx), shuffled
    assert ids_in_row_order(keys, returned) == [101, 102, 103]


def test_rows_inserted_together_get_the_ids_one_insert_per_row_gives_in_their_order(store):
    """inserted_ids: on SQLite one multi-row INSERT (not one per row), the ids put back in the rows'
    order through each row's natural key; on PostgreSQL SQLAlchemy's ordered RETURNING."""
    from sqlalchemy import event

    from tracker.store.batch import inserted_ids

    with store.batch() as batch:  # an article for the sentences to belong to (invented text)
        (article_id, _), = batch.add_scored_many([make_scored(BODIES[0])], lexicon_version="v1")
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    # idx out of order: the ids follow the rows, not the natural key's order
    rows = [{"article_id": article_id, "idx": idx, "start_char": 0, "end_char": 1, "text": "x", "language": "fr",
             "pairs": ""} for idx in (17, 12, 15, 11)]
    with store.batch() as batch:
        ids = inserted_ids(batch.conn, sentences, rows, ("article_id", "idx"))
    inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT")]
    if store.engine.dialect.name == "sqlite":
        assert len(inserts) == 1
    assert ids == sorted(ids) and len(set(ids)) == 4
    with store.engine.connect() as conn:
        stored = dict(conn.execute(select(sentences.c.id, sentences.c.idx).where(sentences.c.id.in_(ids))).all())
    assert [stored[i] for i in ids] == [17, 12, 15, 11]
    # rows whose natural keys repeat cannot be told apart: inserted in order, one by one
    with store.batch() as batch:
        again = inserted_ids(batch.conn, sentences, [dict(rows[0], idx=30), dict(rows[0], idx=31)], ("article_id",))
    assert again == [ids[-1] + 1, ids[-1] + 2]
