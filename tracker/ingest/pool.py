"""Ingest on every core: worker processes read and score, the parent checks keys and writes in order.

Why this shape:
- The scorer is CPU-bound Python (spaCy and our stages), so threads would share one core: the work
  goes to processes, each with the models loaded once (in the fork server), never per article.
- The parent keeps the database. It checks each article's key before sending it to be scored (a
  duplicate costs a hash, not a parse), remembers the keys being scored in this run (the same text
  twice in one run is scored once and stored once), and writes in input order, what is ready in one
  transaction (each article whole or not at all): the database ends exactly as the single-process
  ingest leaves it, article ids included.
- Articles go to the workers in batches (several short articles, or one long one, up to
  BATCH_CHARS of text): a worker parses a batch's candidate sentences in one nlp.pipe call per
  language, which costs less than one call per article; an article that fails is only its own
  outcome, the rest of its batch is stored.
- Streaming: at most a few files are being read and a few batches per worker are being scored or
  waiting to be written at any time, so memory does not grow with the size of the archive.
- The pool from the first second: the fork server loads spaCy and the scorer while the parent
  opens the database, reads files, hashes the articles and checks their keys; the batches made
  meanwhile wait in the backend and go to the workers as soon as they have started.
- The fork server loads spaCy, the scorer's tables and both models before it forks the workers
  (tracker.ingest.pool_preload): a worker's first batch runs at the steady pace, and that memory is
  shared. Preloading French alone (the English model left to the worker first sent English) was
  measured and undone: English does not arrive only in batches that state it (a text without a
  Language header is detected in the worker; a French article quoting a paragraph in English loads
  English for it), so on any corpus with English both workers loaded English, each a private copy.
  2 workers, 120 invented realistic articles (bench/make_realistic.py), loaded machine, French only
  preloaded -> both: peak PSS of all processes 401 -> 468 MB on French alone, 594 -> 467 English
  alone, 507 -> 481 mixed with the language stated, 748 -> 618 mixed without. The CPU of the server
  and the workers (ProcessBackend): French alone preloaded saved 1-3 s on French alone (two runs),
  and nothing, or cost up to a second, on the corpora with English.
- Workers start with 'forkserver' (Linux) or 'spawn', never a plain fork of the parent: the parent
  holds database connections and the progress bar's thread, which a forked child would inherit.
  The fork server loads what every worker needs before it forks any (tracker.ingest.pool_preload),
  and the workers share that memory.

The same ordered pipeline (tracker.ingest.ordered.run_ordered) drives a Dask cluster
(tracker.ingest.cluster) and `--workers 1` (in this process): only the backend that runs `read` and
`score` tasks changes.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from tracker import readers
from tracker.gc_tuning import collect_less
from tracker.ingest.inprocess import (
    IngestReport,
    Outcome,
    expand_paths,
    lexicon_version,
    read_articles,
    scores_or_reasons,
)
from tracker.ingest.ordered import InProcessBackend, done_future, run_ordered
from tracker.records import Article

if TYPE_CHECKING:  # see tracker.ingest.inprocess
    from tracker.store import Store

log = logging.getLogger(__name__)

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
PRELOAD = "tracker.ingest.pool_preload"  # what the fork server imports (loads) before forking workers
# The models the fork server loads before it forks the workers: both (see the module docstring: with
# French alone, English was loaded by every worker on a corpus with English, each its own copy).
PRELOADED_LANGUAGES = ("fr", "en")
# A worker without a batch's model counts as this many tasks more when choosing where the batch goes
# (where a model is not preloaded: 'spawn', or a language not in PRELOADED_LANGUAGES): loading a model
# (~0.5 s on a quiet machine) costs about two batches' scoring.
MODEL_LOAD_TASKS = 2


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


def pool_context() -> multiprocessing.context.BaseContext:
    """The pool's start method, the fork server told to load the scorer (PRELOAD) before it forks."""
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload([PRELOAD])
    return context


def start_early(paths: Iterable[str | os.PathLike], workers: int | None = None,
                min_files: int = MIN_FILES_FOR_POOL) -> None:
    """Start the fork server now when ingest_parallel will use a pool for these paths, so that it
    loads spaCy and the scorer while this process opens the database (the store's imports and migrations: a
    second of CPU) rather than after; the pool started later forks its workers from it."""
    if start_method() != "forkserver":
        return
    files, _problems = expand_paths(paths)
    if pool_worth_it(files, workers or default_workers(), min_files):
        from multiprocessing import forkserver

        pool_context()
        forkserver.ensure_running()


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


# What a pool worker keeps between tasks: the lexicon it scores with, or why it could not start.
_worker_lexicon = None
_worker_error: BaseException | None = None


def warm_up(lexicon=None, languages: Iterable[str] = ("fr", "en")) -> None:
    """Load these languages' models, the lexicon's matchers and the date and leader tables once,
    before the first article."""
    from tracker.scorer.pipeline import score_article

    # Note: invented examples, not real reporting; scored to fill the caches, never stored. A leader
    # named: the leaders' table is built here too, not in each worker at its first leader.
    texts = {"fr": "Le président russe Vladimir Poutine et les Allemands ont signé un accord avec Paris mercredi.",
             "en": "Russian President Vladimir Putin and the Germans signed an agreement with London on Wednesday."}
    for lang in languages:
        article = Article(text=texts[lang], language=lang, published=date(2020, 1, 1), published_source="header")
        score_article(article, lexicon)


def preload(lexicon=None) -> None:
    """What every scoring worker needs whatever language it reads: spaCy, the scorer's modules,
    the lexicon and the scorer's version, the language identifier. The models: warm_up, in the
    fork server (pool_preload, PRELOADED_LANGUAGES); a worker loads any other when it first meets it."""
    from tracker.scorer import language

    lexicon_version(lexicon)  # the lexicon (and, imported with it, spaCy and the scorer)
    language.load_identifier()


def _load_models(articles: list[Article]) -> None:
    """The models of these articles' languages, before any is scored: a missing model stops the
    run with its message (ModelMissing) rather than becoming each article's reason."""
    from tracker.scorer import nlp, pipeline

    languages = set()
    for article in articles:
        try:
            languages.add(pipeline.main_language(article))
        except pipeline.ScoringError:
            continue  # a language not read: that article's own reason
    for lang in sorted(languages):
        nlp.get_nlp(lang)


def _init_worker(lexicon) -> None:
    # Ctrl+C is the parent's to handle: it stops the pool; workers printing their own
    # KeyboardInterrupt tracebacks would only bury its message.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    collect_less()  # as the CLI (a spawned worker does not inherit the fork server's pace)
    global _worker_lexicon, _worker_error
    _worker_lexicon = lexicon
    try:
        preload(lexicon)  # done already in the fork server (pool_preload), except with an analysts' lexicon
    except BaseException as exc:  # noqa: BLE001 -- reported by the first task, where the parent sees it
        _worker_error = exc


def _pool_read(path: str, max_bytes: int) -> list[Article | Outcome]:
    return read_articles(Path(path), max_bytes=max_bytes)


def _pool_score_batch(articles: list[Article]) -> tuple[list, tuple[str, ...]]:
    """The batch's results, and the languages whose models this worker now holds (ProcessBackend.score_batch
    notes them on its lane: a language detected, not stated, or a paragraph's, is known only here)."""
    if _worker_error is not None:
        raise _worker_error
    _load_models(articles)  # e.g. ModelMissing: the CLI prints its message
    results = scores_or_reasons(articles, _worker_lexicon)
    from tracker.scorer import nlp

    return results, tuple(sorted(nlp.LOADED))


def _started() -> None:
    """A worker's first task: it starts the worker (tracker.ingest.pool._Lane)."""


def _pool_version() -> str | None:
    if _worker_error is not None:
        raise _worker_error
    return lexicon_version(_worker_lexicon)


class _Lane:
    """One scoring process (a one-worker ProcessPoolExecutor), started at once.

    Starting its worker waits for the fork server's preload (a second or two): a thread does it, so
    the parent goes on reading meanwhile; tasks wait here until then, sent in order when it starts.
    `languages`: the models its worker holds or will have loaded by the time it reaches the tasks sent.
    """

    def __init__(self, context: multiprocessing.context.BaseContext, lexicon, name: str,
                 languages: Iterable[str] = ()):
        self.languages = set(languages)
        self.pool = ProcessPoolExecutor(1, mp_context=context, initializer=_init_worker, initargs=(lexicon,))
        self._sent: list[Future] = []  # tasks sent and maybe not done (pruned as they finish)
        self._lock = threading.Lock()
        self._waiting: list[tuple[Future, Callable[..., Any], tuple[Any, ...]]] | None = []  # None: started
        self._starter = threading.Thread(target=self._start, name=name, daemon=True)
        self._starter.start()

    def _start(self) -> None:
        # The worker first: the executor starts it at its first task, and that waits for the server's
        # preload. Tasks sent meanwhile wait in `_waiting`, and the caller goes on (reading, hashing,
        # checking keys) rather than waiting for the preload itself; had this thread found no task
        # waiting yet, it would have marked the lane started at once and left the start to the caller's
        # first submit (measured: the parent read nothing during the start-up).
        with contextlib.suppress(Exception):  # a broken pool: the tasks' own submits below say so
            self.pool.submit(_started)
        # Then the waiting tasks in order, and whatever was added meanwhile, until none is left: from
        # then on tasks go straight to the pool.
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

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        with self._lock:
            if self._waiting is None:
                future = self.pool.submit(fn, *args)
            else:
                future = Future()
                self._waiting.append((future, fn, args))
            self._sent = [f for f in self._sent if not f.done()]
            self._sent.append(future)
            return future

    def pending(self) -> int:
        """Tasks sent here and not done."""
        with self._lock:
            return sum(not f.done() for f in self._sent)

    def started(self) -> bool:
        with self._lock:
            return self._waiting is None

    def close(self, *, cancel: bool = False) -> None:
        if cancel:
            with self._lock:
                for outer, _fn, _args in self._waiting or []:
                    outer.cancel()
        self._starter.join()
        self.pool.shutdown(wait=True, cancel_futures=cancel)


class ProcessBackend:
    """`workers` scoring processes, each a lane of its own (_Lane), and where each batch goes.

    A batch goes to the worker with the fewest tasks waiting, a worker that would first have to load
    the batch's stated language's model counting MODEL_LOAD_TASKS more. A lane's `languages` are those
    preloaded (PRELOADED_LANGUAGES, with a fork server), those stated by the batches sent to it, and
    those its worker reports holding with each batch's results (a language detected or a paragraph's,
    which the parent cannot see). With both models preloaded, every lane holds both and the tasks
    waiting alone decide; where there is no fork server ('spawn'), a worker loads a model when first
    sent its language, and batches stating it are preferred there.
    Measured with French alone preloaded, 2 workers, 120 invented realistic articles, one run each on a
    loaded machine: the CPU of the fork server and the workers 8.8 s against 11.8 s with both on French
    alone, 9.9 against 9.0 on English alone, 10.7 against 10.2 mixed with the language stated, 12.7
    against 12.9 mixed without (a second run: 10.5 against 11.6 on French alone, 10.0 against 9.6 on
    English alone); the PSS figures (module docstring) decided.
    """

    def __init__(self, workers: int, *, lexicon=None, max_bytes: int = readers.DEFAULT_MAX_BYTES):
        context = pool_context()
        if start_method() == "forkserver":
            # Now, before this process reads a file: started from a lane's thread, the server's start
            # waited for the reading (the lock every Python thread shares) and its preload began later.
            from multiprocessing import forkserver

            forkserver.ensure_running()
        preloaded = PRELOADED_LANGUAGES if start_method() == "forkserver" else ()
        self.slots = workers
        self.max_bytes = max_bytes
        self.lanes = [_Lane(context, lexicon, f"pool-start-{n}", preloaded) for n in range(workers)]
        self._version = self.lanes[0].submit(_pool_version)

    def started(self) -> bool:
        return any(lane.started() for lane in self.lanes)

    def read(self, path: Path) -> Future:
        if path.suffix.lower() in PARENT_READS or not self.started():
            return done_future(read_articles(path, max_bytes=self.max_bytes))
        return self._lane_for().submit(_pool_read, str(path), self.max_bytes)

    def score_batch(self, articles: list[Article]) -> Future:
        language = next((a.language for a in articles if a.language is not None), None)
        lane = self._lane_for(language)
        if language is not None:
            lane.languages.add(language)
        results: Future = Future()

        def noted(done: tuple[list, tuple[str, ...]]) -> list:
            # The models the worker holds: a batch stating no language, or a paragraph in the other
            # language, loads a model that the language stated (above) does not tell.
            scored, loaded = done
            lane.languages.update(loaded)
            return scored

        _forward(lane.submit(_pool_score_batch, articles), results, noted)
        return results

    def _lane_for(self, language: str | None = None) -> _Lane:
        """The lane with the fewest tasks waiting, one without `language`'s model counting MODEL_LOAD_TASKS
        more (a batch stating no language: the fewest waiting); the first of equals."""
        return min(self.lanes, key=lambda lane: lane_cost(lane.pending(), lane.languages, language))

    def version(self) -> Future:
        return self._version

    def close(self, *, cancel: bool = False) -> None:
        """Every lane at once: each waits for its worker to end (the worker's exit, the kernel freeing
        its models' memory), and those waits overlap rather than add up, one lane after the other."""
        failures: list[Exception] = []

        def close(lane: _Lane) -> None:
            try:
                lane.close(cancel=cancel)
            except Exception as exc:  # noqa: BLE001 -- raised below, in the caller's thread
                failures.append(exc)

        others = [threading.Thread(target=close, args=(lane,), name=f"pool-close-{n}")
                  for n, lane in enumerate(self.lanes[1:], 1)]
        for thread in others:
            thread.start()
        try:
            close(self.lanes[0])
        except BaseException:  # a Ctrl+C or an exit: it goes on, once the other lanes closed
            for thread in others:
                thread.join()
            for exc in failures:
                log.error("closing a scoring worker also failed: %r", exc)
            raise
        for thread in others:
            thread.join()
        for exc in failures[1:]:  # the first is raised; the others would be lost
            log.error("closing a scoring worker also failed: %r", exc)
        if failures:
            raise failures[0]


def lane_cost(pending: int, languages: set[str], language: str | None) -> int:
    """What sending a batch in `language` to a lane costs: its tasks waiting, and MODEL_LOAD_TASKS more
    when its worker has not loaded (nor been sent) that language."""
    return pending + (MODEL_LOAD_TASKS if language is not None and language not in languages else 0)


def _forward(inner: Future, outer: Future, then: Callable[[Any], Any] = lambda result: result) -> None:
    """Complete `outer` with what `inner` gives (passed through `then`), when it does."""

    def copy(done: Future) -> None:
        if done.cancelled():
            outer.cancel()
        elif outer.set_running_or_notify_cancel():
            exc = done.exception()
            if exc is None:
                try:
                    outer.set_result(then(done.result()))
                except BaseException as failed:  # noqa: BLE001 -- the caller's future says so
                    outer.set_exception(failed)
            else:
                outer.set_exception(exc)

    inner.add_done_callback(copy)


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
        return run_ordered(files, problems, store, InProcessBackend(lexicon=lexicon, max_bytes=max_bytes),
                           progress=progress, console=console)
    backend = ProcessBackend(workers, lexicon=lexicon, max_bytes=max_bytes)
    finished = False
    try:
        report = run_ordered(files, problems, store, backend, progress=progress, console=console)
        finished = True
        return report
    finally:
        backend.close(cancel=not finished)
