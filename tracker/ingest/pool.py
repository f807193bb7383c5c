"""Ingest on every core: worker processes read and score, the parent checks keys and writes in order.

Why this shape:
- The scorer is CPU-bound Python (spaCy and our stages), so threads would share one core: the work
  goes to processes, each loading the models once (the pool's initializer), never per article.
- The parent keeps the database. It checks each article's key before sending it to be scored (a
  duplicate costs a hash, not a parse), remembers the keys being scored in this run (the same text
  twice in one run is scored once and stored once), and writes in input order, one transaction per
  article: the database ends exactly as the single-process ingest leaves it, article ids included.
- Articles go to the workers in batches (several short articles, or one long one, up to
  BATCH_CHARS of text): a worker parses a batch's candidate sentences in one nlp.pipe call per
  language, which costs less than one call per article; an article that fails is only its own
  outcome, the rest of its batch is stored.
- Streaming: at most a few files are being read and a few batches per worker are being scored or
  waiting to be written at any time, so memory does not grow with the size of the archive.
- The pool from the first second: the fork server loads the models while the parent reads files,
  hashes the articles and checks their keys; the batches made meanwhile wait in the backend and
  go to the workers as soon as the first one has started.
- Workers start with 'forkserver' (Linux) or 'spawn', never a plain fork of the parent: the parent
  holds database connections and the progress bar's thread, which a forked child would inherit.
  The fork server loads the models before it forks any worker (tracker.ingest.pool_preload), so the pool is
  ready in one model load and the workers share the model's memory.

The same ordered pipeline (`run_ordered`) drives a Dask cluster (tracker.ingest.cluster): only the
backend that runs `read` and `score` tasks changes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from rich.console import Console

from tracker import readers
from tracker.ingest.inprocess import (
    IngestReport,
    Outcome,
    duplicate_outcome,
    expand_paths,
    ingest_files,
    lexicon_version,
    log_outcome,
    progress_bar,
    read_articles,
    record_names,
    save_scored,
    scores_or_reasons,
)
from tracker.records import Article
from tracker.store import Store

# A batch of articles sent to a worker at once: this much text, or this many articles, whichever
# comes first (an article longer than that is a batch of its own). Measured on 400 invented
# articles: scoring in batches of 4 or more costs ~30% less CPU than one by one; past ~16 articles
# nothing more is gained, and smaller batches keep both workers busy until the end of a run.
BATCH_CHARS = 12_000
BATCH_ARTICLES = 16
# Batches scored or waiting to be written, per worker: enough to keep every worker busy while the
# parent writes, few enough that memory stays flat however large the archive.
IN_FLIGHT_PER_WORKER = 3
# Files being read, per worker: reads wait in the same queue as scoring, so they are sent early
# enough to be done when their turn comes; each holds a whole file (at most readers' size limit).
READS_AHEAD = 2
# Plain text is read in the parent: a decode and a hash (0.2 ms a file measured), less than the
# round trip to a worker, and never queued behind the batches being scored. Other formats (PDF,
# Word, HTML, e-mail, archives) can take a worker's time to read and are read in the pool.
PARENT_READS = {".txt", ".md"}
# Below this many files a pool costs more than it saves: a fork server and workers to start (and,
# where there is no fork server, a model load per worker) for a few seconds of scoring. Files
# holding many records (JSON lines, zip) count as many.
MIN_FILES_FOR_POOL = 8
MULTI_RECORD_EXTENSIONS = {".json", ".jsonl", ".zip"}
MULTI_RECORD_MIN_BYTES = 64 * 1024


def default_workers() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def start_method() -> str:
    """'forkserver' where it exists (Linux): workers fork from a clean server that has loaded the
    models once; 'spawn' elsewhere. Never 'fork' (see the module docstring)."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def pool_worth_it(files: list[Path], workers: int, min_files: int = MIN_FILES_FOR_POOL) -> bool:
    if workers <= 1:
        return False
    if len(files) >= min_files:
        return True
    return any(
        f.suffix.lower() in MULTI_RECORD_EXTENSIONS and _size(f) >= MULTI_RECORD_MIN_BYTES for f in files
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# ----------------------------------------------------------------------------------- the backends


class Backend(Protocol):
    """Where read and score tasks run; both return futures (concurrent.futures or Dask)."""

    slots: int  # tasks that run at once

    def read(self, path: Path) -> Any: ...  # a future of list[Article | Outcome]

    def score_batch(self, articles: list[Article]) -> Any: ...  # a future of list[ScoredArticle | str (the reason)]

    def version(self) -> Any: ...  # a future of the version of the scorer the workers run


# What a pool worker keeps between tasks: the lexicon it scores with, or why it could not start.
_worker_lexicon = None
_worker_error: BaseException | None = None


def warm_up(lexicon=None) -> None:
    """Load the models, the lexicon's matchers and the date tables once, before the first article."""
    from tracker.scorer.pipeline import score_article

    # Note: invented example, not real reporting; scored to fill the caches, never stored.
    for text, lang in (
        ("Paris et Berlin ont signé un accord mercredi.", "fr"),
        ("London and Dublin signed an agreement on Wednesday.", "en"),
    ):
        score_article(Article(text=text, language=lang, published=date(2020, 1, 1), published_source="header"), lexicon)


def _init_worker(lexicon) -> None:
    # Ctrl+C is the parent's to handle: it stops the pool; workers printing their own
    # KeyboardInterrupt tracebacks would only bury its message.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker_lexicon, _worker_error
    _worker_lexicon = lexicon
    try:
        warm_up(lexicon)
    except BaseException as exc:  # noqa: BLE001 -- reported by the first task, where the parent sees it
        _worker_error = exc


def _pool_read(path: str, max_bytes: int) -> list[Article | Outcome]:
    return read_articles(Path(path), max_bytes=max_bytes)


def _pool_score_batch(articles: list[Article]):
    if _worker_error is not None:
        raise _worker_error  # e.g. ModelMissing: the CLI prints its message
    return scores_or_reasons(articles, _worker_lexicon)


def _pool_version() -> str | None:
    if _worker_error is not None:
        raise _worker_error
    return lexicon_version(_worker_lexicon)


class ProcessBackend:
    """A ProcessPoolExecutor whose workers load the models once (see _init_worker), started at once.

    Starting the first worker waits for the fork server to load the models (seconds): a thread does
    it, so the parent goes on reading meanwhile. Until that worker exists, files are read in the
    parent and tasks wait here, sent in order when it starts.
    """

    def __init__(self, workers: int, *, lexicon=None, max_bytes: int = readers.DEFAULT_MAX_BYTES):
        method = start_method()
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            # The server loads the models once; each worker forks from it with them loaded (pool_preload).
            context.set_forkserver_preload(["tracker.ingest.pool_preload"])
        self.slots = workers
        self.max_bytes = max_bytes
        self.pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(lexicon,))
        self._lock = threading.Lock()
        self._waiting: list[tuple[Future, Callable[..., Any], tuple[Any, ...]]] | None = []  # None: started
        self._version = self._submit(_pool_version)
        self._starter = threading.Thread(target=self._start, name="pool-start", daemon=True)
        self._starter.start()

    def _start(self) -> None:
        # Sends the waiting tasks in order (the first send waits for the models), then whatever was
        # added meanwhile, until none is left: from then on tasks go straight to the pool.
        while True:
            with self._lock:
                waiting = self._waiting or []
                self._waiting = [] if waiting else None
            if not waiting:
                return
            for outer, fn, args in waiting:
                if outer.cancelled():  # closed meanwhile
                    continue
                try:
                    _forward(self.pool.submit(fn, *args), outer)
                except BaseException as exc:  # noqa: BLE001 -- e.g. a broken pool: the task's future says so
                    outer.set_exception(exc)

    def _submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        with self._lock:
            if self._waiting is None:
                return self.pool.submit(fn, *args)
            outer: Future = Future()
            self._waiting.append((outer, fn, args))
            return outer

    def started(self) -> bool:
        with self._lock:
            return self._waiting is None

    def read(self, path: Path) -> Future:
        if path.suffix.lower() in PARENT_READS or not self.started():
            return done_future(read_articles(path, max_bytes=self.max_bytes))
        return self._submit(_pool_read, str(path), self.max_bytes)

    def score_batch(self, articles: list[Article]) -> Future:
        return self._submit(_pool_score_batch, articles)

    def version(self) -> Future:
        return self._version

    def close(self, *, cancel: bool = False) -> None:
        if cancel:
            with self._lock:
                for outer, _fn, _args in self._waiting or []:
                    outer.cancel()
        self._starter.join()
        self.pool.shutdown(wait=True, cancel_futures=cancel)


def _forward(inner: Future, outer: Future) -> None:
    """Complete `outer` with what `inner` gives, when it does."""

    def copy(done: Future) -> None:
        if done.cancelled():
            outer.cancel()
        elif outer.set_running_or_notify_cancel():
            exc = done.exception()
            if exc is None:
                outer.set_result(done.result())
            else:
                outer.set_exception(exc)

    inner.add_done_callback(copy)


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

        def fill_reads() -> None:
            # Reads sent ahead, so the next file is ready when this one's articles are sent.
            while len(reads) < READS_AHEAD * slots and (path := next(remaining, None)) is not None:
                reads.append((path, backend.read(path)))

        fill_reads()
        while reads:
            path, pending_read = reads.popleft()
            items = pending_read.result()
            fill_reads()
            for item, record in zip(items, record_names(items), strict=True):
                writer.add(str(path), record, item)
            writer.end_of_file()
            writer.write_ready()
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
        self.batch = _Batch()  # being filled
        self.in_flight = 0  # entries in the queue that sent an article to be scored
        self.in_flight_chars = 0  # and their text
        self.scoring: dict[str, _Scoring] = {}  # key -> its scoring, for the texts being scored in this run

    def add(self, path: str, record: str | None, item: Article | Outcome) -> None:
        if isinstance(item, Outcome):
            self.queue.append(_Entry(path, record, item))
            return
        key = item.key
        if key in self.scoring:  # the same text earlier in this run: wait for its outcome
            owner = self.scoring[key]
            self.queue.append(_Entry(path, record, _Scoring(item, owner.batch, owner.index)))
            return
        existing = self.store.find_article(key)
        if existing is not None:
            self.queue.append(_Entry(path, record, duplicate_outcome(item, existing, path=path, record=record)))
            return
        while self.in_flight >= self.window or (self.in_flight and self.in_flight_chars >= self.window_chars):
            self.write_head()
        scoring = _Scoring(item, self.batch, len(self.batch.articles), owns_key=True)
        self.batch.articles.append(item)
        self.batch.chars += len(item.text)
        self.scoring[key] = scoring
        self.in_flight += 1
        self.in_flight_chars += len(item.text)
        self.queue.append(_Entry(path, record, scoring))
        if self.batch.chars >= self.batch_chars or len(self.batch.articles) >= self.batch_articles:
            self.send()

    def send(self) -> None:
        """Send the batch being filled to be scored."""
        if self.batch.articles:
            self.batch.future = self.backend.score_batch(self.batch.articles)
            self.batch = _Batch()

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
        entry = self.queue.popleft()
        if isinstance(entry.outcome, _Scoring):
            scoring = entry.outcome
            if scoring.batch.future is None:  # its batch is the one being filled: send it as it is
                self.send()
            outcome = save_scored(
                scoring.article, scoring.batch.future.result()[scoring.index], self.store, path=entry.path,
                record=entry.record, version=self.version_future.result(),
            )
            if scoring.owns_key:
                # Stored or rejected now: a later copy finds it in the database, or is scored again and
                # rejected for the same reason, as in the single-process ingest.
                self.scoring.pop(scoring.article.key, None)
                self.in_flight -= 1
                self.in_flight_chars -= len(scoring.article.text)
        else:
            outcome = entry.outcome
        self.report.outcomes.append(outcome)
        log_outcome(self.store, outcome)
        if entry.last_of_file:
            self.bar.update(self.task, advance=1, current=Path(entry.path).name)


def ingest_parallel(
    paths: Iterable[str | os.PathLike],
    store: Store,
    *,
    workers: int | None = None,
    lexicon=None,
    progress: bool = True,
    console: Console | None = None,
    max_bytes: int = readers.DEFAULT_MAX_BYTES,
    min_files: int = MIN_FILES_FOR_POOL,
) -> IngestReport:
    """ingest_paths on `workers` processes (default: every core); 1, or a handful of files, runs in-process."""
    workers = workers or default_workers()
    files, problems = expand_paths(paths)
    if not pool_worth_it(files, workers, min_files):
        return ingest_files(files, problems, store, progress=progress, lexicon=lexicon, console=console,
                            max_bytes=max_bytes)
    backend = ProcessBackend(workers, lexicon=lexicon, max_bytes=max_bytes)
    finished = False
    try:
        report = run_ordered(files, problems, store, backend, progress=progress, console=console)
        finished = True
        return report
    finally:
        backend.close(cancel=not finished)
