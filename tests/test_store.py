"""The store on a real database file: migrations, the duplicate rule, one transaction per article,
the read models the CLI and dashboard use, and the messages for databases it cannot use.

Articles here are built from the stage records by hand (no scorer), so these tests pin the store
alone; tests/test_ingest.py runs the real scorer into it.
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import date

import pandas as pd
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

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
from tracker.store import (
    DatabaseUnreachable,
    InvalidRecord,
    NewerSchemaError,
    StoreError,
    head_revision,
    open_store,
)
from tracker.store.evidence import observation_details
from tracker.store.queries import pair_observations, pairs_by_volume, timeline_with_examples
from tracker.store.schema import metadata

TABLES = {"articles", "sentences", "mentions", "date_refs", "observations", "cues", "ingest_log", "period_stats"}

BODY = (
    "Note: invented example, not real reporting.\n\n"
    "Moscou et Washington échangent des menaces au sujet de la Syrie.\n\n"
    "Les deux pays ont toutefois signé un accord sur les visas."
)


def _cue(text: str, start: int, weight: float, modifiers=()) -> Cue:
    return Cue(start, start + len(text), text, text.lower(), "verbal conflict" if weight > 0 else "cooperation",
               weight, weight, tuple(modifiers))


def make_scored(body: str = BODY, scores=(6.0, -4.0), published=date(2017, 4, 12), event_dates=None,
                pair=("RUS", "USA"), title="Invented example") -> ScoredArticle:
    """An article of one observation per paragraph (after the note), with its mentions, cue and date."""
    article = Article(text=body, title=title, url="https://example.org/x", outlet="Example", language="fr",
                      published=published, published_source="header", source_path="/in/x.txt", is_example=True)
    readings = []
    paragraphs = body.split("\n\n")
    offset = 0
    for index, para in enumerate(paragraphs):
        start, end = offset, offset + len(para)
        offset = end + 2
        sentence = Sentence(index, start, end, para, "fr")
        if index == 0:
            readings.append(SentenceReading(sentence))
            continue
        score = scores[(index - 1) % len(scores)]
        when = (event_dates or {}).get(index, published)
        mention = Mention(start, start + 6, para[:6], pair[0], "capital", "actor", "capital of " + pair[0])
        cue = _cue(para[10:20], start + 10, score, ("intensifier 'profondes': x1.3",) if score > 0 else ())
        ref = DateRef(when, "day", "mercredi" if when == published else "hier", start + 30, start + 38, True, "")
        obs = Observation(pair, index, when, "day", ref.expression, (cue,), score)
        readings.append(SentenceReading(sentence, (mention,), (pair,), (cue,), (ref,), (obs,)))
    return ScoredArticle(article, published, pair, tuple(readings), "header")


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


def _count(store, table: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


# ------------------------------------------------------------------------------------ schema


def test_migrations_create_every_table_and_record_the_revision(db_url):
    store = open_store(db_url)
    assert set(inspect(store.engine).get_table_names()) >= TABLES
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    store.close()
    # Opening again finds the schema up to date and keeps what is stored.
    again = open_store(db_url)
    again.add_scored(make_scored())
    again.close()
    assert open_store(db_url).counts()["articles"] == 1


def test_the_migrations_build_exactly_the_schema_the_code_declares(store):
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path):
    store = open_store(str(tmp_path / "t.db"))  # a plain path, not a URL
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
    assert store.url == f"sqlite:///{tmp_path / 't.db'}"


def test_a_database_of_a_newer_schema_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "future.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0042_future'")
    with pytest.raises(NewerSchemaError) as err:
        open_store(str(path))
    assert str(err.value) == (
        "this database was created by a newer version of tension-tracker (schema 0042_future); "
        f"upgrade tension-tracker or use another --db (database: {path})"
    )


def test_an_unreachable_postgresql_url_names_the_url_with_the_password_masked():
    with pytest.raises(DatabaseUnreachable) as err:
        open_store("postgresql://analyst:hunter2@127.0.0.1:1/tracker")
    message = str(err.value)
    assert message.startswith("cannot reach the database postgresql+psycopg://analyst:***@127.0.0.1:1/tracker: ")
    assert message.endswith(
        "; check that the server is running, the host, port, user name and password, and that the database exists"
    )
    assert "hunter2" not in message


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p / "missing" / "t.db", "the folder {p}/missing does not exist; create it or choose another --db"),
        (lambda p: p, "{p} is a folder, not a database file; give a file name such as {p}/tracker.db"),
        (lambda p: _write(p / "notes.txt", b"Some notes, not a database at all." * 40),
         "{p}/notes.txt is not a tension-tracker database (not a SQLite file); choose another --db"),
        (lambda p: "mysql://u:secret@host/db",
         "unsupported database mysql://u:***@host/db: use a file path, sqlite:///PATH or postgresql://USER:PASSWORD@HOST/NAME"),
    ],
)
def test_databases_it_cannot_use_get_one_clear_message(tmp_path, make, expected):
    with pytest.raises(StoreError) as err:
        open_store(str(make(tmp_path)))
    assert str(err.value) == expected.format(p=tmp_path)


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_a_foreign_database_with_our_table_names_is_left_alone(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)")
    with pytest.raises(StoreError, match="already has tables named articles but no tension-tracker schema version"):
        open_store(str(path))


def test_the_default_database_is_tracker_db_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("TRACKER_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    store = open_store(None)
    assert store.url == f"sqlite:///{tmp_path / 'data' / 'tension-tracker' / 'tracker.db'}"
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "env.db"))
    assert open_store(None).url == f"sqlite:///{tmp_path / 'env.db'}"


# ------------------------------------------------------------------------------------ writes


def test_an_article_is_stored_once_even_rewrapped_or_re_encoded(store):
    first, new = store.add_scored(make_scored())
    assert new
    rewrapped = BODY.replace("des menaces au", "des menaces\nau").replace("é", "e\u0301")  # NFD accents
    assert rewrapped != BODY
    again, new_again = store.add_scored(make_scored(rewrapped))
    assert (again, new_again) == (first, False)
    assert store.counts() == {"articles": 1, "sentences": 3, "observations": 2}


def test_every_row_of_an_article_is_stored(store):
    article_id, _ = store.add_scored(make_scored())
    assert [_count(store, t) for t in ("sentences", "mentions", "date_refs", "observations", "cues")] == [3, 2, 2, 2, 2]
    row = store.article_row(article_id)
    assert row["main_pair"] == "RUS-USA" and row["published"] == date(2017, 4, 12)
    assert row["is_example"] is True and row["key"] == make_scored().article.key


def test_a_failure_half_way_leaves_nothing_of_the_article(store):
    store.add_scored(make_scored("Note: invented example, not real reporting.\n\nAutre article.\n\nMoscou et Washington."))
    before = {t: _count(store, t) for t in TABLES}
    # The last observation's score is off the scale: the database refuses it after the article,
    # its sentences, mentions, dates and first observation were written in the same transaction.
    broken = make_scored(scores=(6.0, 99.0))
    with pytest.raises(InvalidRecord, match="the scorer produced a record the database refuses"):
        store.add_scored(broken)
    assert {t: _count(store, t) for t in TABLES} == before
    assert store.find_article(broken.article.key) is None


def test_two_writers_racing_on_one_article_store_it_once(db_url):
    stores = [open_store(db_url) for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    results = []

    def add(s):
        barrier.wait()
        results.append(s.add_scored(make_scored()))

    threads = [threading.Thread(target=add, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(new for _, new in results) == [False, False, False, True]
    assert len({article_id for article_id, _ in results}) == 1
    assert stores[0].counts()["articles"] == 1


def test_rescore_replaces_what_was_read_and_reports_the_change(store):
    article_id, _ = store.add_scored(make_scored(scores=(6.0, -4.0)))
    change = store.replace_observations(article_id, make_scored(scores=(7.5, -4.0)), lexicon_version="v2")
    assert (change.added, change.removed, change.changed, change.total) == (0, 0, 1, 1)
    assert sorted(pair_observations(store.engine, "RUS-USA")["score"]) == [-4.0, 7.5]
    assert store.article_row(article_id)["lexicon_version"] == "v2"
    # The old sentences and all hanging off them are gone, not duplicated.
    assert [_count(store, t) for t in ("sentences", "mentions", "observations", "cues")] == [3, 2, 2, 2]
    ids = list(pair_observations(store.engine, "RUS-USA")["observation_id"])
    same = store.replace_observations(article_id, make_scored(scores=(7.5, -4.0)), lexicon_version="v3")
    assert same.total == 0
    # Nothing changed, nothing rewritten: the ids the dashboard links to stay valid.
    assert list(pair_observations(store.engine, "RUS-USA")["observation_id"]) == ids
    assert store.article_row(article_id)["lexicon_version"] == "v3"
    # The dashboard's aggregate (kept by triggers) follows the replaced rows.
    with store.engine.connect() as conn:
        totals = conn.execute(text("SELECT sum(n_obs), sum(sum_score) FROM period_stats WHERE freq = 'A'")).one()
    assert tuple(totals) == (2, 3.5)


def test_deleting_an_article_removes_everything_read_in_it(store):
    article_id, _ = store.add_scored(make_scored())
    store.log_ingest("/in/x.txt", "stored", article_id=article_id)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE id = :id"), {"id": article_id})
    assert [_count(store, t) for t in ("sentences", "mentions", "date_refs", "observations", "cues", "period_stats")] == [0] * 6
    assert store.ingest_log_frame()["article_id"].isna().all()


def test_the_ingest_log_keeps_each_outcome(store):
    article_id, _ = store.add_scored(make_scored())
    store.log_ingest("/in/x.txt", "stored", article_id=article_id)
    store.log_ingest("/in/y.jsonl", "rejected", "no text in the record", record="line 3")
    log = store.ingest_log_frame()
    assert list(log["outcome"]) == ["rejected", "stored"]
    assert log.iloc[0]["record"] == "line 3" and log.iloc[0]["reason"] == "no text in the record"
    with pytest.raises(ValueError, match="unknown ingest outcome 'lost'"):
        store.log_ingest("/in/z.txt", "lost")


# ------------------------------------------------------------------------------------- reads


def test_pairs_count_each_article_once_in_the_mean(store):
    # Article A: three tense sentences at +6; article B: one cooperative at -2.
    body_a = "Note: invented example, not real reporting.\n\nUn.\n\nDeux.\n\nTrois."
    store.add_scored(make_scored(body_a, scores=(6.0,)))
    store.add_scored(make_scored("Note: invented example, not real reporting.\n\nQuatre.", scores=(-2.0,),
                                 published=date(2017, 5, 2)))
    store.add_scored(make_scored("Note: invented example, not real reporting.\n\nCinq.", scores=(3.0,),
                                 pair=("CHN", "USA")))
    summary = pairs_by_volume(store.engine)
    assert list(summary.columns) == ["pair", "country_a", "country_b", "n_obs", "n_articles", "tension", "first", "last"]
    assert list(summary["pair"]) == ["RUS-USA", "CHN-USA"]  # by observations, most first
    rus_usa = summary.iloc[0]
    assert (rus_usa["n_obs"], rus_usa["n_articles"], rus_usa["tension"]) == (4, 2, 2.0)
    assert (rus_usa["first"], rus_usa["last"]) == (date(2017, 4, 12), date(2017, 5, 2))


def test_timeline_gives_level_volume_band_and_the_observations_behind_each_period(store):
    body = "Note: invented example, not real reporting.\n\nUn.\n\nDeux.\n\nTrois."
    store.add_scored(make_scored(body, scores=(6.0, 4.0, -2.0),
                                 event_dates={3: date(2017, 5, 20)}))
    table = timeline_with_examples(store.engine, "usa-rus", "M")
    assert list(table["period"]) == [pd.Timestamp("2017-04-01"), pd.Timestamp("2017-05-01")]
    april, may = table.iloc[0], table.iloc[1]
    assert (april["tension"], april["n_obs"], april["n_articles"]) == (5.0, 2, 1)
    assert april["low"] < 5.0 < april["high"]
    assert [pair_observations(store.engine, "RUS-USA").set_index("observation_id").loc[i, "sentence_text"]
            for i in april["observation_ids"]] == ["Un.", "Deux."]
    assert april["excerpts"] == ["Un.", "Deux."]
    assert (may["tension"], may["n_obs"], may["excerpts"]) == (-2.0, 1, ["Trois."])
    # A date range keeps only the periods inside it.
    assert list(timeline_with_examples(store.engine, "RUS-USA", "D", start=date(2017, 5, 1))["n_obs"]) == [1]
    assert timeline_with_examples(store.engine, "CHN-USA", "W").empty


def test_observations_frame_links_each_score_to_its_sentence_and_article(store):
    store.add_scored(make_scored())
    obs = pair_observations(store.engine, "RUS-USA", start=date(2017, 4, 12), end=date(2017, 4, 12))
    assert list(obs["sentence_text"]) == [BODY.split("\n\n")[1], BODY.split("\n\n")[2]]
    assert list(obs["score"]) == [6.0, -4.0]
    assert obs["title"].eq("Invented example").all()
    details = observation_details(store.engine, list(obs["observation_id"]))
    assert list(details["cue_text"]) == [BODY.split("\n\n")[1][10:20], BODY.split("\n\n")[2][10:20]]


def test_a_stored_article_reads_back_as_the_records_that_were_stored(store):
    scored = make_scored()
    article_id, _ = store.add_scored(scored)
    assert store.scored_article(article_id) == scored
    assert store.stored_article(article_id) == scored.article
    assert store.scored_article(article_id + 1000) is None


def test_an_empty_database_reads_as_empty_frames(store):
    assert pairs_by_volume(store.engine).empty
    assert pair_observations(store.engine, "RUS-USA").empty
    assert store.counts() == {"articles": 0, "sentences": 0, "observations": 0}


def test_a_second_engine_on_the_same_file_sees_committed_articles(tmp_path):
    """The dashboard and the watcher are separate processes on one file."""
    path = tmp_path / "shared.db"
    writer = open_store(str(path))
    writer.add_scored(make_scored())
    reader = create_engine(f"sqlite:///{path}")
    with reader.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM observations")).scalar_one() == 2


def test_processes_opening_a_fresh_database_at_once_create_the_schema_once(db_url):
    errors, stores = [], []
    barrier = threading.Barrier(4)

    def first_use():
        barrier.wait()
        try:
            stores.append(open_store(db_url))
        except Exception as exc:  # noqa: BLE001 -- collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=first_use) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(stores) == 4
    with stores[0].engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1


# ------------------------------------------------------------------------- the data's version


def _version(store) -> str:
    from tracker.store.queries import data_version

    return data_version(store.engine).token


def test_every_write_of_articles_or_observations_changes_the_data_version(store):
    """The dashboard's caches are kept per data version (migration 0007's generation): an article
    added, rescored with a changed score, updated or deleted gives a new one; a read gives none."""
    seen = [_version(store)]
    article_id, _ = store.add_scored(make_scored())
    seen.append(_version(store))
    pairs_by_volume(store.engine)
    store.add_scored(make_scored())  # already stored: nothing written
    assert _version(store) == seen[-1]
    store.replace_observations(article_id, make_scored(scores=(7.5, -4.0)))  # same rows, a score changed
    seen.append(_version(store))
    with store.engine.begin() as conn:  # a score changed in place, no row added or removed
        conn.execute(text("UPDATE observations SET score = 1.0 WHERE article_id = :id AND score = 7.5"), {"id": article_id})
    seen.append(_version(store))
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE id = :id"), {"id": article_id})
    seen.append(_version(store))
    assert len(set(seen)) == len(seen), seen


def test_a_new_database_starts_its_data_version_past_every_earlier_one(db_url, tmp_path):
    """A dashboard outliving a database's replacement must not meet a token it already had: the
    generation starts at the creation time in microseconds, not 0, on both backends; a database
    rebuilt after its predecessor had writes starts past that one's last token."""
    import time

    before = time.time_ns() // 1000
    fresh = open_store(db_url)
    try:
        assert int(_version(fresh)) >= before
    finally:
        fresh.close()
    old = open_store(f"sqlite:///{tmp_path / 'old.db'}")
    for n in range(3):
        old.add_scored(make_scored(body=BODY + f"\n\nInvented paragraph {n}, Moscou et Washington."))
    last = int(_version(old))
    old.close()
    (tmp_path / "old.db").unlink()
    rebuilt = open_store(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        assert int(_version(rebuilt)) > last
    finally:
        rebuilt.close()


def test_a_write_rolled_back_leaves_the_data_version(store):
    before = _version(store)
    with pytest.raises(RuntimeError), store.engine.begin() as conn:
        conn.execute(text("DELETE FROM observations"))
        raise RuntimeError("abandoned")
    assert _version(store) == before


def test_concurrent_writers_each_change_the_data_version_and_do_not_block_each_other(db_url):
    """PostgreSQL: the bump runs at commit, once per transaction, so writers storing different
    articles at once neither deadlock nor lose a bump; SQLite: one writer at a time."""
    stores = [open_store(db_url) for _ in range(4)]
    before = int(_version(stores[0]))
    barrier = threading.Barrier(len(stores))
    errors = []

    def add(s, n):
        barrier.wait()
        try:
            for i in range(3):
                s.add_scored(make_scored(body=BODY + f"\n\nInvented paragraph {n}-{i}, Moscou et Washington."))
        except Exception as exc:  # noqa: BLE001 -- reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(s, n)) for n, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    assert stores[0].counts()["articles"] == 12
    assert int(_version(stores[0])) >= before + 12  # one bump per article's transaction at least
    for s in stores:
        s.close()


def test_another_connection_sees_the_new_version_only_once_committed(db_url):
    """What a second process (the watcher) commits, the dashboard's next read sees; not before."""
    from datetime import datetime

    from tracker.store.schema import articles

    writer, reader = open_store(db_url), open_store(db_url)
    before = _version(reader)
    with writer.engine.connect() as conn:
        with conn.begin():
            conn.execute(articles.insert().values(key="invented", text="Invented.", added_at=datetime(2026, 1, 1)))
            assert _version(reader) == before  # written, not committed
        assert _version(reader) != before
    writer.close()
    reader.close()
