"""Ingest on several processes: the same database as the single-process ingest, written in order,
with duplicates caught before scoring and a bounded amount of work in flight. Real pool workers,
the real scorer, real SQLite files; two processes each running the whole ingest, racing on one
PostgreSQL database."""

from __future__ import annotations

import json
import time
from concurrent.futures import Future
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from tracker.cli import cli
from tracker.ingest import pool
from tracker.ingest.inprocess import (
    DUPLICATE,
    REJECTED,
    STORED,
    expand_paths,
    ingest_paths,
    lexicon_version,
    read_articles,
    scores_or_reasons,
)
from tracker.ingest.ordered import InProcessBackend, done_future
from tracker.ingest.pool import (
    MODEL_LOAD_TASKS,
    ProcessBackend,
    ingest_parallel,
    lane_cost,
    pool_worth_it,
    run_ordered,
)
from tracker.store import open_store
from tracker.store.schema import metadata

# Pools whose workers load the models: seconds to tens of seconds each (-m "not slow" skips them).
pytestmark = pytest.mark.slow

# Columns that hold the time of writing, which no two runs share.
CLOCK_COLUMNS = {"added_at", "at"}
# The data generation is a change counter seeded with the database's creation time, a clock too.
CLOCK_TABLES = {"data_generation"}

# Invented examples, not real reporting: short, so the pool's work is mostly its own overhead.
PAIRS_FR = [("Moscou", "Washington"), ("Pékin", "Tokyo"), ("Alger", "Paris"), ("Athènes", "Ankara")]
CUES_FR = ["ont signé un accord de coopération", "se livrent une guerre des mots", "ont tenu des consultations",
           "affichent de profondes divergences"]
PAIRS_EN = [("London", "Moscow"), ("Beijing", "Washington"), ("New Delhi", "Beijing")]
CUES_EN = ["agreed to deepen cooperation", "traded accusations", "imposed new sanctions on each other"]


def french(n: int) -> str:
    a, b = PAIRS_FR[n % len(PAIRS_FR)]
    cue = CUES_FR[n % len(CUES_FR)]
    return (
        f"Title: {a} et {b}, note {n}\nDate: 2023-03-{1 + n % 27:02d}\nLanguage: fr\n"
        "Note: invented example, not real reporting\n\n"
        f"{a} et {b} {cue} mercredi, selon la dépêche numéro {n}.\n\n"
        f"Les relations entre {a} et {b} se sont dégradées depuis l'automne.\n"
    )


def english(n: int) -> str:
    a, b = PAIRS_EN[n % len(PAIRS_EN)]
    cue = CUES_EN[n % len(CUES_EN)]
    return (
        f"Title: {a} and {b}, note {n}\nDate: 2024-05-{1 + n % 27:02d}\nLanguage: en\n"
        "Note: invented example, not real reporting\n\n"
        f"{a} and {b} {cue} on Tuesday, according to dispatch number {n}.\n"
    )


def snapshot(store) -> dict[str, list[tuple]]:
    """Every row of every table, in id order, without the clock columns: two equal snapshots are
    the same database, ids and links included."""
    rows = {}
    with store.engine.connect() as conn:
        for name, table in metadata.tables.items():
            if name in CLOCK_TABLES:
                continue
            columns = [c for c in table.c if c.name not in CLOCK_COLUMNS]
            rows[name] = conn.execute(select(*columns).order_by(*table.primary_key.columns)).all()
    return rows


def make_inbox(folder: Path, *, articles: int = 8) -> Path:
    """Articles in French and English, a JSON-lines file with a bad line, the same text twice
    (re-wrapped), an empty file and an article in a language the tracker does not read."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(articles):
        (folder / f"{n:02d}_{'fr' if n % 2 else 'en'}.txt").write_text(french(n) if n % 2 else english(n), encoding="utf-8")
    records = [{"title": f"Record {n}", "date": f"2022-11-0{n}", "language": "en", "invented": True,
                "text": f"Washington and Moscow held talks in Geneva on Monday, says the invented note {n}."}
               for n in range(1, 4)]
    lines = [json.dumps(r) for r in records]
    lines.insert(1, "{not json")
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # The same text as 01_fr.txt, re-wrapped: one article, stored once.
    (folder / "zz_copy.txt").write_text(french(1).replace("mercredi, selon", "mercredi,\nselon"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "deutsch.txt").write_text(
        "Title: Berlin\nDate: 2023-01-01\nNote: invented example, not real reporting\n\n"
        "Berlin und Paris haben am Mittwoch in der Hauptstadt ein neues Abkommen über die Zusammenarbeit "
        "unterzeichnet, teilte die Regierung mit.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    return make_inbox(tmp_path_factory.mktemp("parallel") / "inbox")


@pytest.fixture(scope="module")
def single_process(inbox, tmp_path_factory):
    """The reference: the in-process ingest, after one of the files was stored by an earlier run."""
    db = tmp_path_factory.mktemp("single") / "tracker.db"
    with open_store(db) as store:
        ingest_paths([inbox / "03_fr.txt"], store, progress=False)
        report = ingest_paths([inbox, inbox / "missing.txt"], store, progress=False)
        return report, snapshot(store)


@pytest.mark.parametrize("workers", [2, 1])  # 1: the same ordered pipeline, batched, in this process
def test_two_workers_leave_the_database_exactly_as_one_process_does(inbox, single_process, tmp_path, workers):
    expected_report, expected_rows = single_process
    with open_store(tmp_path / "tracker.db") as store:
        ingest_paths([inbox / "03_fr.txt"], store, progress=False)
        report = ingest_parallel([inbox, inbox / "missing.txt"], store, workers=workers, progress=False, min_files=1)
        rows = snapshot(store)

    assert report.outcomes == expected_report.outcomes
    assert rows == expected_rows  # articles, sentences, mentions, dates, observations, cues, the log
    outcomes = {(Path(o.path).name, o.record): o for o in report.outcomes}
    assert outcomes[("03_fr.txt", None)].outcome == DUPLICATE  # stored by the earlier run
    copy, original = outcomes[("zz_copy.txt", None)], outcomes[("01_fr.txt", None)]
    assert (original.outcome, copy.outcome) == (STORED, DUPLICATE)
    assert copy.reason == f"already stored as article {original.article_id}"
    assert outcomes[("batch.jsonl", "line 2")].outcome == REJECTED
    assert [outcomes[("batch.jsonl", f"article {n}")].outcome for n in (1, 2, 3)] == [STORED] * 3
    assert outcomes[("deutsch.txt", None)].outcome == REJECTED
    assert "language" in outcomes[("deutsch.txt", None)].reason
    assert outcomes[("missing.txt", None)].reason.startswith("no such file or folder")
    assert len(rows["observations"]) > 0


class CountingBackend(ProcessBackend):
    """The real pool, counting at each batch sent how many sent articles are not yet written."""

    def __init__(self, store, **kwargs):
        super().__init__(**kwargs)
        self.store = store
        self.sent = 0
        self.most_unwritten = 0
        self.batches: list[int] = []  # the size of each batch sent

    def score_batch(self, articles):
        self.sent += len(articles)
        written = self.store.counts()["articles"]
        self.most_unwritten = max(self.most_unwritten, self.sent - written)
        self.batches.append(len(articles))
        return super().score_batch(articles)


def test_work_in_flight_stays_within_the_window_on_a_long_file(tmp_path):
    records = [{"title": f"Note {n}", "date": "2021-06-01", "language": "en", "invented": True,
                "text": f"London and Paris signed a defence agreement on Friday, in note number {n}."}
               for n in range(40)]
    long_file = tmp_path / "long.jsonl"
    long_file.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with open_store(tmp_path / "tracker.db") as store:
        backend = CountingBackend(store, workers=2)
        try:
            files, problems = expand_paths([long_file])
            report = run_ordered(files, problems, store, backend, progress=False, window=6)
        finally:
            backend.close()
        assert [o.record for o in report.outcomes] == [f"article {n}" for n in range(1, 41)]
        assert {o.outcome for o in report.outcomes} == {STORED}
        assert store.counts()["articles"] == 40
    assert backend.sent == 40
    assert 1 < backend.most_unwritten <= 6


def test_a_pool_is_started_only_when_there_is_enough_to_score(tmp_path):
    few = [tmp_path / f"{n}.txt" for n in range(3)]
    assert not pool_worth_it(few, workers=2)
    assert not pool_worth_it(few * 10, workers=1)
    assert pool_worth_it(few * 3, workers=2)
    big = tmp_path / "archive.jsonl"
    big.write_bytes(b" " * 100_000)
    assert pool_worth_it([big], workers=2)


def test_the_size_limit_holds_when_ingest_parallel_runs_in_process(tmp_path):
    # One worker: no pool, the in-process ingest, which must read with the caller's limit too.
    big = tmp_path / "big.txt"
    big.write_text(french(1) + "x" * 2_000, encoding="utf-8")
    store = open_store(str(tmp_path / "t.db"))
    report = ingest_parallel([big], store, workers=1, progress=False, max_bytes=1_000)
    assert [o.outcome for o in report.outcomes] == [REJECTED]
    assert "over the" in report.outcomes[0].reason and "limit" in report.outcomes[0].reason


def test_the_cli_ingests_with_workers_and_says_what_it_stored(tmp_path):
    inbox = make_inbox(tmp_path / "inbox", articles=8)  # 12 files: enough for the pool
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "ingest", "--no-progress", "--workers", "2", str(inbox)])
    assert result.exit_code == 1, result.output  # the empty file, the bad line, the German article
    assert "11 stored (" in result.output
    assert "1 duplicate, 3 rejected, from 12 files." in result.output

    bad = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "ingest", "--workers", "0", str(inbox)])
    assert bad.exit_code == 2
    assert "Invalid value for '--workers'" in bad.output


def _ingest_in_another_process(db: str, folder: str, batched: bool) -> list[str]:
    with open_store(db) as store:
        if batched:  # `--workers 1`: written in batches, one transaction each (tracker.store.batch)
            return [o.outcome for o in ingest_parallel([folder], store, workers=1, progress=False).outcomes]
        return [o.outcome for o in ingest_paths([folder], store, progress=False).outcomes]


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
@pytest.mark.parametrize("batched", [False, True])
def test_two_ingests_at_once_on_one_postgresql_database_store_each_article_once(db_url, tmp_path, batched):
    inbox = make_inbox(tmp_path / "inbox", articles=12)
    with open_store(db_url):  # migrated once, so both processes race on the articles, not the schema
        pass
    # Two processes of the scoring pool (the models already loaded: see tracker.ingest.pool_preload), each
    # running the whole single-process ingest on the same folder, in the same order, at once.
    backend = ProcessBackend(workers=2)
    try:
        runs = [lane.submit(_ingest_in_another_process, db_url, str(inbox), batched) for lane in backend.lanes]
        outcomes = [run.result(timeout=240) for run in runs]
    finally:
        backend.close()
    with open_store(db_url) as store:
        log = store.ingest_log_frame()
        counts = store.counts()
        keys = snapshot(store)["articles"]

    unique_articles = 12 + 3  # the .txt articles (the copy is one of them) and the JSON-lines records
    assert counts["articles"] == unique_articles
    assert len({row.key for row in keys}) == unique_articles
    stored = log[log["outcome"] == "stored"]
    assert len(stored) == unique_articles  # each stored by exactly one of the two processes
    assert stored["article_id"].is_unique
    assert (log["outcome"] == "duplicate").sum() == unique_articles + 2  # the other process, and the copy in each
    assert sum(o.count(STORED) for o in outcomes) == unique_articles
    assert [o.count(REJECTED) for o in outcomes] == [3, 3]


def analysts_lexicon(folder: Path):
    """An analysts' file adding a cue our lexicon lacks (an invented test entry)."""
    from tracker.scorer.lexicon import load_lexicon

    path = folder / "ours.en.tsv"
    path.write_text("pattern\tweight\tcategory\tnote\ndispatch\t6\tverbal conflict\tinvented test entry\n", encoding="utf-8")
    return load_lexicon([path])


def test_the_workers_score_with_the_analysts_lexicon(inbox, tmp_path):
    lexicon = analysts_lexicon(tmp_path)
    with open_store(tmp_path / "single.db") as store:
        ingest_paths([inbox], store, progress=False, lexicon=lexicon)
        expected = snapshot(store)
    with open_store(tmp_path / "pool.db") as store:
        ingest_parallel([inbox], store, workers=2, progress=False, lexicon=lexicon, min_files=1)
        rows = snapshot(store)
    assert rows == expected
    assert any(cue.pattern == "dispatch" for cue in rows["cues"])
    assert {a.lexicon_version for a in rows["articles"]} == {lexicon_version(lexicon)}


def models_loaded() -> int:
    """Run in a pool worker: how many spaCy pipelines its process has loaded."""
    from tracker.scorer import nlp

    return nlp.get_nlp.cache_info().currsize


def leaders_table_built() -> bool:
    """Run in a pool worker: whether its process holds the leaders' table (built by warm_up)."""
    from tracker.scorer import leaders

    return leaders.load_leaders.cache_info().currsize == 1


def articles_of(folder: Path, texts: list[str]) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    found = []
    for n, text in enumerate(texts):
        path = folder / f"{n:02d}.txt"
        path.write_text(text, encoding="utf-8")
        found.extend(read_articles(path))
    return found


# Invented examples, not real reporting: English stating no language (no Language header), and a
# French article quoting a paragraph in English (the language is read per paragraph).
QUOTING_FR = (
    "Title: Une note, numéro 9\nDate: 2023-03-09\nLanguage: fr\nNote: invented example, not real reporting\n\n"
    "Moscou et Washington ont tenu des consultations mercredi, selon la dépêche numéro 9.\n\n"
    "\"The two delegations spoke for three hours about the harbour, the fishing quotas and the new "
    "ferry timetable, and they agreed to meet again before the end of the summer,\" the spokesman said.\n"
)


def test_the_workers_start_with_both_models_and_load_no_more(tmp_path):
    # Asked before any article: each worker already has both models and the leaders' table (the fork
    # server's warm_up). French and English batches, English stating no language and French quoting
    # English among them, score as in-process, and no worker loads a model of its own.
    fr = articles_of(tmp_path / "fr", [french(n) for n in range(3)] + [QUOTING_FR])
    en = articles_of(tmp_path / "en", [english(n) for n in range(2)])
    unstated = articles_of(tmp_path / "unstated", [english(n).replace("Language: en\n", "") for n in range(2, 4)])
    assert all(a.language is None for a in unstated)
    batches = [fr[:2], en, unstated, fr[2:]]
    backend = ProcessBackend(workers=2)
    try:
        assert [lane.submit(models_loaded).result(timeout=240) for lane in backend.lanes] == [2, 2]
        assert all(lane.submit(leaders_table_built).result(timeout=60) for lane in backend.lanes)
        sent = [backend.score_batch(batch) for batch in batches]
        results = [future.result(timeout=240) for future in sent]
        loaded = [lane.submit(models_loaded).result(timeout=240) for lane in backend.lanes]
    finally:
        backend.close()
    assert results == [scores_or_reasons(batch) for batch in batches]
    assert loaded == [2, 2]
    assert [sorted(lane.languages) for lane in backend.lanes] == [["en", "fr"], ["en", "fr"]]


def test_a_worker_reports_the_models_it_holds_and_its_lane_records_them(tmp_path):
    # A batch stating no language (detected in the worker) or quoting a paragraph in English loads
    # English unseen by the parent: the worker returns the models it holds with the batch's results,
    # and the lane records them, so that a later batch stating English goes there (where models are
    # not all preloaded: 'spawn'). Counter-example: a lane sent nothing keeps what it had.
    unstated = articles_of(tmp_path / "unstated", [english(1).replace("Language: en\n", "")])
    results, held = pool._pool_score_batch(unstated)
    assert results == scores_or_reasons(unstated) and "en" in held

    class Lane:
        def __init__(self, languages: set[str]):
            self.languages = languages

        def pending(self) -> int:
            return 0

        def submit(self, fn, articles):
            assert fn is pool._pool_score_batch
            return done_future((["scored"], ("en", "fr")))

    backend = ProcessBackend.__new__(ProcessBackend)
    backend.lanes = [Lane({"fr"}), Lane({"fr"})]  # type: ignore[list-item]
    assert backend.score_batch(unstated).result() == ["scored"]
    assert [sorted(lane.languages) for lane in backend.lanes] == [["en", "fr"], ["fr"]]
    assert backend._lane_for("en") is backend.lanes[0]


def test_a_batch_goes_to_the_cheapest_lane():
    # ProcessBackend._lane_for on fake lanes: an English batch goes to the lane holding English, one
    # task busier, rather than to an idle lane without it; counter-examples: a batch stating no
    # language and a French one go to the idle lane (tasks waiting alone), and so does an English
    # batch once the lane holding English has MODEL_LOAD_TASKS + 1 tasks waiting.
    class Lane:
        def __init__(self, pending: int, languages: set[str]):
            self.languages, self.waiting = languages, pending

        def pending(self) -> int:
            return self.waiting

    backend = ProcessBackend.__new__(ProcessBackend)
    backend.lanes = [Lane(1, {"fr", "en"}), Lane(0, {"fr"})]  # type: ignore[list-item]
    assert backend._lane_for("en") is backend.lanes[0]
    assert backend._lane_for(None) is backend.lanes[1]
    assert backend._lane_for() is backend.lanes[1]
    assert backend._lane_for("fr") is backend.lanes[1]
    backend.lanes[0].waiting = MODEL_LOAD_TASKS + 1
    assert backend._lane_for("en") is backend.lanes[1]
    backend.lanes[0].waiting = 0  # equals: the first
    assert backend._lane_for(None) is backend.lanes[0]


def test_a_lane_without_the_model_counts_as_busier():
    # Sending a batch to a worker that must load its model first costs MODEL_LOAD_TASKS tasks more:
    # an English batch waits behind one task of the worker that has English rather than go to an idle
    # worker without it; counter-examples: a French batch (both have it) and a batch stating no
    # language go by the tasks waiting alone, and so does an English batch once the worker with
    # English has MODEL_LOAD_TASKS more waiting.
    assert lane_cost(1, {"fr", "en"}, "en") < lane_cost(0, {"fr"}, "en")
    assert lane_cost(1, {"fr", "en"}, "fr") > lane_cost(0, {"fr"}, "fr")
    assert lane_cost(1, {"fr", "en"}, None) > lane_cost(0, {"fr"}, None)
    assert lane_cost(MODEL_LOAD_TASKS + 1, {"fr", "en"}, "en") > lane_cost(0, {"fr"}, "en")


def test_a_batch_goes_to_the_worker_with_the_fewest_tasks_waiting(tmp_path):
    # The first worker busy (sleeping): a French batch goes to the second, whatever it scored before;
    # counter-example: both idle, it goes to the first.
    fr = articles_of(tmp_path / "fr", [french(n) for n in range(2)])
    backend = ProcessBackend(workers=2)
    try:
        first, second = backend.lanes
        backend.version().result(timeout=240)  # the first worker's first task
        assert backend.score_batch(fr[:1]).result(timeout=240) == scores_or_reasons(fr[:1])
        assert (first.pending(), second.pending()) == (0, 0)
        asleep = first.submit(time.sleep, 3)
        scored = backend.score_batch(fr[1:])
        assert (first.pending(), second.pending()) == (1, 1)
        assert scored.result(timeout=240) == scores_or_reasons(fr[1:])
        asleep.result(timeout=60)
    finally:
        backend.close()


def test_batches_hold_one_language_each(tmp_path):
    # Articles in French and English in turn: a batch holds one language, so that its parses go in one
    # nlp.pipe call, and each language fills its own (not cut at each change); the database is the
    # same as scored one by one.
    inbox = tmp_path / "inbox"
    articles_of(inbox, [french(n) if n % 3 else english(n) for n in range(9)])

    class Recording(InProcessBackend):
        batches: list[list[str | None]] = []

        def score_batch(self, articles):
            self.batches.append([a.language for a in articles])
            return super().score_batch(articles)

    backend = Recording()
    with open_store(tmp_path / "batched.db") as store:
        files, problems = expand_paths([inbox])
        run_ordered(files, problems, store, backend, progress=False)
        batched = snapshot(store)
    with open_store(tmp_path / "single.db") as store:
        ingest_paths([inbox], store, progress=False)
        assert snapshot(store) == batched
    assert [len(set(b)) for b in backend.batches] == [1] * len(backend.batches)
    assert backend.batches == [["en"] * 3, ["fr"] * 6]  # not en | fr fr | en | fr fr | en | fr fr


def test_the_parent_goes_on_while_the_fork_server_loads(tmp_path):
    # A fresh process (its own fork server, loading spaCy and both models for seconds): making the pool
    # and sending it a batch return before the workers have started, and a plain text file is read
    # meanwhile in the parent; the batch is then scored as in-process. (Before: making the pool waited
    # for the whole preload.)
    import subprocess
    import sys

    path = tmp_path / "fr.txt"
    path.write_text(french(1), encoding="utf-8")
    script = f"""
import json, time
from pathlib import Path
from tracker.ingest.inprocess import read_articles, scores_or_reasons
from tracker.ingest.pool import ProcessBackend
if __name__ == "__main__":
    start = time.perf_counter()
    backend = ProcessBackend(workers=2)
    articles = backend.read(Path({str(path)!r})).result()
    scored = backend.score_batch(articles)
    returned, started = time.perf_counter() - start, backend.started()
    same = scored.result(timeout=240) == scores_or_reasons(read_articles(Path({str(path)!r})))
    backend.close()
    print(json.dumps([returned, started, same]))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True)
    returned, started, same = json.loads(out.stdout.strip().splitlines()[-1])
    # The order, not a time (a loaded machine slows both sides): the parent had read and sent the batch
    # before any worker had started, which it could not have done had making the pool waited for them.
    assert not started, f"the parent waited {returned:.1f} s for the workers"
    assert same


def test_the_keys_of_the_files_read_ahead_are_looked_up_together(inbox, single_process, tmp_path):
    # The in-process pipeline (`--workers 1`): the same database and outcomes as ingest_paths (copies
    # and texts stored by an earlier run included), the keys of most articles looked up with others
    # (one query an article before: find_article); a second ingest of the same folder finds every
    # article stored.
    from sqlalchemy import event

    expected_report, expected_rows = single_process
    with open_store(tmp_path / "tracker.db") as store:
        ingest_paths([inbox / "03_fr.txt"], store, progress=False)
        alone: list[str] = []  # find_article's query: one key
        event.listen(store.engine, "before_cursor_execute",
                     lambda *args: alone.append(args[2]) if args[2].lstrip().startswith("SELECT articles.id") else None)
        report = ingest_parallel([inbox, inbox / "missing.txt"], store, workers=1, progress=False)
        assert report.outcomes == expected_report.outcomes
        assert snapshot(store) == expected_rows
        articles = sum(o.outcome != REJECTED for o in report.outcomes)
        assert len(alone) < articles / 2
        again = ingest_parallel([inbox], store, workers=1, progress=False)
    stored = {(o.path, o.record): o.article_id for o in report.outcomes if o.outcome == STORED}
    assert {(o.path, o.record): o.article_id for o in again.outcomes if (o.path, o.record) in stored} == stored
    assert all(o.outcome == DUPLICATE for o in again.outcomes if (o.path, o.record) in stored)


class _Gated(Future):
    """A batch's scores, done only once its backend has started (a pool's workers up)."""

    def __init__(self, backend: StartingBackend, value):
        super().__init__()
        self.backend, self.value = backend, value

    def done(self) -> bool:
        if self.backend.started() and not super().done():
            self.set_result(self.value)
        return super().done()

    def result(self, timeout=None):
        self.done()
        return super().result(timeout=5)  # never done: the test fails rather than hangs


class StartingBackend(InProcessBackend):
    """Scores in this process, but its 'workers' start only once `start_after` files are read: until
    then no batch is done, as while a pool's fork server loads the models. Notes, at each read, how
    many articles the database holds."""

    def __init__(self, store, start_after: int):
        super().__init__()
        self.store, self.start_after = store, start_after
        self.stored_at_read: list[int] = []

    def started(self) -> bool:
        return len(self.stored_at_read) >= self.start_after

    def read(self, path):
        self.stored_at_read.append(self.store.counts()["articles"])
        return super().read(path)

    def score_batch(self, articles):
        return _Gated(self, super().score_batch(articles).result())


def test_files_are_read_ahead_while_the_workers_start(inbox, single_process, tmp_path):
    # The first batches sent and the workers not started: the parent reads the next files (up to
    # STARTUP_READS_AHEAD) rather than wait for the first scores, so every file is read before anything
    # is written, and the database ends as with one process. Counter-example: once started (in-process,
    # no start), a file is read READS_AHEAD files ahead of the writing only, not all before it.
    expected_report, expected_rows = single_process
    files, problems = expand_paths([inbox, inbox / "missing.txt"])
    with open_store(tmp_path / "starting.db") as store:
        ingest_paths([inbox / "03_fr.txt"], store, progress=False)
        backend = StartingBackend(store, start_after=len(files))
        report = run_ordered(files, list(problems), store, backend, progress=False, window=2)
        assert report.outcomes == expected_report.outcomes
        assert snapshot(store) == expected_rows
    assert backend.stored_at_read == [1] * len(files)  # 03_fr.txt, stored before the run

    with open_store(tmp_path / "started.db") as store:
        ingest_paths([inbox / "03_fr.txt"], store, progress=False)
        started = StartingBackend(store, start_after=0)
        run_ordered(files, list(problems), store, started, progress=False, window=2)
    assert started.stored_at_read[-1] > 1
