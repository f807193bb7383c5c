"""The ordered pipeline: read and score on a backend, write here in input order, in batches.

The backends: a process pool (tracker.ingest.pool), a Dask cluster (tracker.ingest.cluster), or this
process (InProcessBackend, `--workers 1`). Whichever runs the tasks, the database ends the same:
one process checks each article's key before it is sent to be scored, and writes the outcomes in
the order the articles were read, what is ready in one transaction (tracker.store.batch).
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from rich.console import Console

from tracker import readers
from tracker.ingest.inprocess import (
    REJECTED,
    IngestReport,
    Outcome,
    duplicate_outcome,
    lexicon_version,
    log_outcome,
    progress_bar,
    read_articles,
    record_names,
    scores_or_reasons,
    written_outcome,
)
from tracker.records import Article, ScoredArticle

if TYPE_CHECKING:  # see tracker.ingest.inprocess
    from tracker.store import Store

# A batch of articles sent to a worker at once: this much text, or this many articles, whichever
# comes first (an article longer than that is a batch of its own). Measured on 400 invented
# articles: scoring in batches of 4 or more costs ~30% less CPU than one by one; past ~16 articles
# nothing more is gained, and smaller batches keep both workers busy until the end of a run.
BATCH_CHARS = 12_000
BATCH_ARTICLES = 16
# Batches scored or waiting to be written, per worker: enough to keep every worker busy while the
# parent writes, few enough that memory stays flat however large the archive. Four, not three: a pool
# worker first sent English loads that model (tracker.ingest.pool.MODEL_LOAD_TASKS: two batches' time)
# while its batch holds back the writing, and the other worker went through its three and waited
# (400 realistic articles: asleep for two batches' time after the start).
IN_FLIGHT_PER_WORKER = 4
# Outcomes written in one transaction at most: what is ready when the writer comes to it. One
# commit and one statement per table for the lot costs the writing process a third of the CPU of
# one commit and a dozen statements per article (400 articles: 1.0 s against 2.6 s measured), and
# a batch holds the write lock of a SQLite file for tens of milliseconds, not seconds.
WRITE_BATCH = 64
# Files being read, per worker: reads wait in the same queue as scoring, so they are sent early
# enough to be done when their turn comes; each holds a whole file (at most readers' size limit).
READS_AHEAD = 2
# While a backend's workers start (a pool's fork server loading the models: seconds in which no article
# is scored and a core is free), this process, which would only wait for the first batch, reads files
# further ahead, up to this many files and this much text, and looks their keys up in one query: that
# reading, hashing and looking up is then not done later, beside the workers scoring (400 realistic
# articles: ~200 key queries of a key or two each before, one after; the CPU moved before the first
# scores was estimated from a single trace on a loaded machine, ~0.2 s of this process's ~1.9 s, and
# not measured again). STARTUP_READ_CHARS counts the text of the reads done here, synchronously: while
# the workers start, the pool reads every file in this process (ProcessBackend.read). Should the workers
# start between the check of started() and the read, that one read goes to a worker and its text is not
# counted: harmless, since the next check sees them started and the reading ahead ends there.
STARTUP_READS_AHEAD = 256
STARTUP_READ_CHARS = 4_000_000


class Backend(Protocol):
    """Where read and score tasks run; both return futures (concurrent.futures or Dask)."""

    slots: int  # tasks that run at once

    def read(self, path: Path) -> Any: ...  # a future of list[Article | Outcome]

    def score_batch(self, articles: list[Article]) -> Any: ...  # a future of list[ScoredArticle | str (the reason)]

    def version(self) -> Any: ...  # a future of the version of the scorer the workers run

    # Optional: `started()`, False while the workers are still starting (ProcessBackend); a backend
    # without it is taken as started.


class InProcessBackend:
    """Reads and scores in this process, each batch as it is sent (`--workers 1`, or too few files
    for a pool): the pool's batched parses and batched writes, without the pool."""

    slots = 1

    def __init__(self, *, lexicon=None, max_bytes: int = readers.DEFAULT_MAX_BYTES):
        self.lexicon = lexicon
        self.max_bytes = max_bytes
        # The version loads the models: asked for with the first batch scored, never by a run that
        # finds only duplicates. Asked before scoring so that a missing model stops the run with its
        # message (ModelMissing), rather than becoming every article's reason.
        self._version = _Deferred(lambda: lexicon_version(self.lexicon))

    def read(self, path: Path) -> Future:
        return done_future(read_articles(path, max_bytes=self.max_bytes))

    def score_batch(self, articles: list[Article]) -> Future:
        self._version.result()
        return done_future(scores_or_reasons(articles, self.lexicon))

    def version(self) -> _Deferred:
        return self._version


class _Deferred:
    """A value computed when first asked for, asked as a future's: `result()`."""

    def __init__(self, compute: Callable[[], Any]):
        self.compute = compute

    @functools.cached_property
    def value(self) -> Any:
        return self.compute()

    def result(self) -> Any:
        return self.value


def done_future(value) -> Future:
    """A future already holding its value (a file rejected before any task was sent)."""
    future: Future = Future()
    future.set_result(value)
    return future



# ----------------------------------------------------------------------------- the ordered pipeline


@dataclass(eq=False)
class _Batch:
    """Articles scored together by one task; `future` (of their results, in order) once sent."""

    articles: list[Article] = field(default_factory=list)
    chars: int = 0
    language: str | None = None  # the language its articles state (one a batch; those without one join any)
    future: Any = None  # a concurrent.futures or a Dask future


@dataclass
class _Scoring:
    """An article waiting for its score: the `index`th result of its batch."""

    article: Article
    batch: _Batch
    index: int
    owns_key: bool = False  # this entry sent the article to be scored (its copies wait on it)

    def ready(self) -> bool:
        return self.batch.future is not None and self.batch.future.done()


@dataclass
class _Entry:
    """One outcome to come, in input order: decided already, or waiting for its score."""

    path: str
    record: str | None
    outcome: Outcome | _Scoring
    last_of_file: bool = False

    def ready(self) -> bool:
        return not isinstance(self.outcome, _Scoring) or self.outcome.ready()


def run_ordered(
    files: list[Path],
    problems: Iterable[Outcome],
    store: Store,
    backend: Backend,
    *,
    progress: bool = True,
    console: Console | None = None,
    window: int | None = None,
    batch: tuple[int, int] = (BATCH_CHARS, BATCH_ARTICLES),
) -> IngestReport:
    """Read and score on the backend, write here in input order; the same outcomes as ingest_paths.

    `window`: how many articles may be sent to be scored and not yet written (default: per worker,
    IN_FLIGHT_PER_WORKER batches of BATCH_ARTICLES), and at most as many batches' worth of text;
    the bound that keeps memory flat. `batch`: the characters and the articles a batch is sent at.
    """
    report = IngestReport(outcomes=[], files=len(files))
    for outcome in problems:
        report.outcomes.append(outcome)
        log_outcome(store, outcome)
    slots = max(1, backend.slots)
    with progress_bar(console, progress) as bar:
        # Stored with each article; asked of a worker, where the models the version depends on are
        # loaded, and awaited only when the first article is written.
        writer = _OrderedWriter(store, report, bar, backend, batch,
                                window=window or slots * IN_FLIGHT_PER_WORKER * batch[1])
        reads: deque[tuple[Path, Any]] = deque()
        remaining = iter(files)
        # Reads whose keys were looked up: not walked again. Each file used to check every read behind it
        # (its done(), exception() and result(), each taking the future's lock, and each article's key
        # again): after the read-ahead of up to STARTUP_READS_AHEAD files, 400 files cost ~70,000 such
        # checks, ~0.3 s of this process's CPU, which on two cores is taken from the workers.
        looked: set[Any] = set()

        def look_up(pending: list[Any], items: list[Article | Outcome] | None = None) -> None:
            """The keys of `items` and of the reads done among `pending` not looked up yet, in one query."""
            fresh = [r for r in pending if r not in looked and r.done() and r.exception() is None]
            if writer.look_up(([items] if items is not None else []) + [r.result() for r in fresh]):
                looked.update(fresh)

        def fill_reads() -> None:
            # Reads sent ahead, so the next file is ready when this one's articles are sent.
            while len(reads) < READS_AHEAD * slots and (path := next(remaining, None)) is not None:
                reads.append((path, backend.read(path)))

        fill_reads()
        started = getattr(backend, "started", lambda: True)
        reading_ahead, chars_ahead = True, 0

        def read_while_starting() -> bool:
            """One more file read ahead while the backend's workers start (STARTUP_READS_AHEAD); False
            once they have started or the read-ahead is full, the keys of what was read looked up then."""
            nonlocal reading_ahead, chars_ahead
            if not reading_ahead:
                return False
            if (started() or len(reads) >= STARTUP_READS_AHEAD or chars_ahead >= STARTUP_READ_CHARS
                    or (path := next(remaining, None)) is None):
                reading_ahead = False
                look_up([r for _, r in reads])
                return False
            pending = backend.read(path)
            reads.append((path, pending))
            if pending.done() and pending.exception() is None:
                chars_ahead += sum(len(item.text) for item in pending.result() if isinstance(item, Article))
            return True

        writer.idle = read_while_starting
        while reads:
            path, pending_read = reads.popleft()
            items = pending_read.result()
            fill_reads()
            # The keys of this file's articles and of the files read already behind it, in one query
            # (a read that failed is left to raise at its own turn, after the files before it are written).
            look_up([r for _, r in reads], None if pending_read in looked else items)
            looked.discard(pending_read)
            for item, record in zip(items, record_names(items), strict=True):
                writer.add(str(path), record, item)
            writer.end_of_file()
            writer.write_ready()
        writer.send()  # the last batches, however small, are scored now, not once the writer reaches them
        writer.write_all()
    return report


class _OrderedWriter:
    """The queue of outcomes to come, written strictly in the order the articles were read."""

    def __init__(self, store: Store, report: IngestReport, bar, backend: Backend, batch: tuple[int, int], *,
                 window: int):
        self.store = store
        self.report = report
        self.bar = bar
        self.task = bar.add_task("Ingesting", total=report.files, current="")
        self.backend = backend
        self.version_future = backend.version()
        self.window = window
        self.batch_chars, self.batch_articles = batch
        self.window_chars = max(1, backend.slots) * IN_FLIGHT_PER_WORKER * self.batch_chars
        self.queue: deque[_Entry] = deque()
        # Batches being filled, one per language stated, in the order begun. A corpus whose languages
        # alternate (e.g. fr, fr, en, ...) would otherwise cut a batch at each change: batches of one or
        # two articles, each its own nlp.pipe call, task and write (bench/make_corpus.py's 400 articles:
        # 267 batches of 1.5 articles; filled per language, 53 of 7.5, and the workers used ~20% less CPU in a paired run).
        self.open: list[_Batch] = []
        self.in_flight = 0  # entries in the queue that sent an article to be scored
        self.in_flight_chars = 0  # and their text
        self.scoring: dict[str, _Scoring] = {}  # key -> its scoring, for the texts being scored in this run
        # Keys looked up ahead (look_up), each used once: key -> the id stored under it, or None.
        self.looked_up: dict[str, int | None] = {}
        # Called while the head of the queue waits for its score, until it returns False: work to do
        # meanwhile (run_ordered: reading ahead while the workers start).
        self.idle: Callable[[], bool] = lambda: False

    def look_up(self, files: list[list[Article | Outcome]]) -> bool:
        """Whether the articles of these files are stored, asked in one query rather than one query an
        article (a connection, a query and a commit each: ~0.3 s of the writing process's CPU for 400
        articles). Asked again when used if not here: a text stored by another process meanwhile is
        still found when its batch is written (WriteBatch.add_scored_many), a duplicate as before.
        False when a single key is left unasked (not worth a query of its own: asked with the next ones)."""
        keys = [item.key for items in files for item in items
                if isinstance(item, Article) and item.key not in self.looked_up and item.key not in self.scoring]
        if len(keys) > 1:
            found = self.store.find_articles(keys)
            self.looked_up.update({key: found.get(key) for key in keys})
        return len(keys) != 1

    def add(self, path: str, record: str | None, item: Article | Outcome) -> None:
        if isinstance(item, Outcome):
            self.queue.append(_Entry(path, record, item))
            return
        key = item.key
        if key in self.scoring:  # the same text earlier in this run: wait for its outcome
            owner = self.scoring[key]
            self.queue.append(_Entry(path, record, _Scoring(item, owner.batch, owner.index)))
            return
        existing = self.looked_up.pop(key) if key in self.looked_up else self.store.find_article(key)
        if existing is not None:
            self.queue.append(_Entry(path, record, duplicate_outcome(item, existing, path=path, record=record)))
            return
        while self.in_flight >= self.window or (self.in_flight and self.in_flight_chars >= self.window_chars):
            self.write_head()
        batch = self._batch_for(item.language)
        batch.language = batch.language or item.language
        scoring = _Scoring(item, batch, len(batch.articles), owns_key=True)
        batch.articles.append(item)
        batch.chars += len(item.text)
        self.scoring[key] = scoring
        self.in_flight += 1
        self.in_flight_chars += len(item.text)
        self.queue.append(_Entry(path, record, scoring))
        if batch.chars >= self.batch_chars or len(batch.articles) >= self.batch_articles:
            self.send(batch)

    def _batch_for(self, language: str | None) -> _Batch:
        """The open batch an article in `language` joins: one language a batch, so that its parses go in
        one nlp.pipe call; an article stating none joins the batch last begun."""
        if language is None:
            if self.open:
                return self.open[-1]
        else:
            for batch in self.open:
                if batch.language in (None, language):
                    return batch
        self.open.append(_Batch())
        return self.open[-1]

    def send(self, batch: _Batch | None = None) -> None:
        """Send `batch` to be scored, and the open batches begun before it: batches leave in the order
        their first articles were read, so that none waits long behind the others (its articles hold
        back the writing of all those read after them). No batch: every open batch."""
        upto = self.open.index(batch) + 1 if batch is not None else len(self.open)
        for begun in self.open[:upto]:
            begun.future = self.backend.score_batch(begun.articles)
        del self.open[:upto]

    def end_of_file(self) -> None:
        if self.queue and not self.queue[-1].last_of_file:
            self.queue[-1].last_of_file = True
        else:  # every item of the file is written already
            self.bar.advance(self.task)

    def write_ready(self) -> None:
        while self.queue and self.queue[0].ready():
            self.write_head()

    def write_all(self) -> None:
        while self.queue:
            self.write_head()

    def write_head(self) -> None:
        """The head of the queue, once scored, and the entries ready behind it, in one transaction."""
        head = self.queue.popleft()
        if isinstance(head.outcome, _Scoring):
            if head.outcome.batch.future is None:  # its batch is being filled: send it as it is
                self.send(head.outcome.batch)
            while not head.outcome.batch.future.done() and self.idle():
                pass
            head.outcome.batch.future.result()  # waits; a worker's failure (e.g. ModelMissing) raises here
        entries = [head]
        while self.queue and self.queue[0].ready() and len(entries) < WRITE_BATCH:
            entries.append(self.queue.popleft())
        self.write(entries)

    def write(self, entries: list[_Entry]) -> None:
        """The outcomes of `entries` (scored, all of them), stored and logged in one transaction."""
        results = [_result(entry) for entry in entries]
        to_store = [result for result in results if isinstance(result, ScoredArticle)]
        with self.store.batch() as batch:
            written = iter(batch.add_scored_many(to_store, lexicon_version=self.version_future.result())
                           if to_store else [])
            outcomes: list[Outcome] = []
            for entry, result in zip(entries, results, strict=True):
                if isinstance(result, ScoredArticle):
                    article = entry.outcome.article if isinstance(entry.outcome, _Scoring) else result.article
                    result = written_outcome(article, result, next(written), path=entry.path, record=entry.record)
                log_outcome(batch, result)
                outcomes.append(result)
        for entry, outcome in zip(entries, outcomes, strict=True):
            self.written(entry, outcome)

    def written(self, entry: _Entry, outcome: Outcome) -> None:
        if isinstance(entry.outcome, _Scoring) and entry.outcome.owns_key:
            scoring = entry.outcome
            # Stored or rejected now: a later copy finds it in the database, or is scored again and
            # rejected for the same reason, as in the single-process ingest.
            self.scoring.pop(scoring.article.key, None)
            self.in_flight -= 1
            self.in_flight_chars -= len(scoring.article.text)
        self.report.outcomes.append(outcome)
        if entry.last_of_file:
            self.bar.update(self.task, advance=1, current=Path(entry.path).name)


def _result(entry: _Entry) -> Outcome | ScoredArticle:
    """The entry's outcome when decided without writing, else the scored article to store."""
    if not isinstance(entry.outcome, _Scoring):
        return entry.outcome
    scoring = entry.outcome
    scored = scoring.batch.future.result()[scoring.index]
    if isinstance(scored, str):  # the reason it cannot be scored
        return Outcome(entry.path, REJECTED, scored, entry.record, title=scoring.article.title)
    return scored
