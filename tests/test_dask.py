"""Ingest on a real Dask LocalCluster (two worker processes, loopback only): the database ends the
same as after the single-process ingest, and the cluster opens no address beyond 127.0.0.1; the same
for the scheduler and worker started with `tracker cluster`, and a scheduler without workers stops
the ingest with a clear message."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from urllib.parse import urlparse

import psutil
import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster
from test_parallel import analysts_lexicon, make_inbox, snapshot

from tracker.cli import cli
from tracker.ingest import cluster
from tracker.ingest.cluster import dask_client, ingest_dask
from tracker.ingest.inprocess import ingest_paths
from tracker.store import open_store

# A cluster start and the models' load in each worker: tens of seconds (-m "not slow" skips them).
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client():
    with dask_client("local", workers=2) as c:
        yield c


def _host(address: str) -> str:
    return urlparse(address).hostname or ""


def test_the_local_cluster_listens_on_loopback_only_without_a_dashboard(client):
    info = client.scheduler_info()
    assert _host(info["address"]) == "127.0.0.1"
    assert len(info["workers"]) == 2
    for address, worker in info["workers"].items():
        assert _host(address) == "127.0.0.1"
        assert worker["nthreads"] == 1
        assert _host(worker["nanny"]) == "127.0.0.1"
    # What the operating system says: every socket this process and its children listen on.
    me = psutil.Process()
    listening = [
        c.laddr for p in [me, *me.children(recursive=True)] for c in p.net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN
    ]
    assert len(listening) >= 5  # scheduler, its HTTP endpoint, two workers, two nannies
    assert {addr.ip for addr in listening} == {"127.0.0.1"}
    assert 8787 not in {addr.port for addr in listening}  # not the dashboard's usual port


def test_dask_ingest_leaves_the_database_exactly_as_one_process_does(client, tmp_path):
    inbox = make_inbox(tmp_path / "inbox")
    with open_store(tmp_path / "single.db") as store:
        ingest_paths([inbox / "03_fr.txt"], store, progress=False)
        expected = ingest_paths([inbox, inbox / "missing.txt"], store, progress=False)
        expected_rows = snapshot(store)
    with open_store(tmp_path / "dask.db") as store:
        ingest_paths([inbox / "03_fr.txt"], store, progress=False)
        report = ingest_dask([inbox, inbox / "missing.txt"], store, client=client, progress=False)
        rows = snapshot(store)
    assert report.outcomes == expected.outcomes
    assert rows == expected_rows
    assert len(rows["observations"]) > 0
    # The scoring ran on the workers, each having loaded the models once (the worker plugin).
    loaded = client.run(lambda: __import__("tracker.scorer.nlp", fromlist=["get_nlp"]).get_nlp.cache_info().currsize)
    assert sorted(loaded.values()) == [2, 2]


def test_the_dask_workers_score_with_the_analysts_lexicon(client, tmp_path):
    inbox = make_inbox(tmp_path / "inbox", articles=4)
    lexicon = analysts_lexicon(tmp_path)
    with open_store(tmp_path / "single.db") as store:
        ingest_paths([inbox], store, progress=False, lexicon=lexicon)
        expected = snapshot(store)
    with open_store(tmp_path / "dask.db") as store:
        ingest_dask([inbox], store, client=client, progress=False, lexicon=lexicon)
        rows = snapshot(store)
    assert rows == expected
    assert any(cue.pattern == "dispatch" for cue in rows["cues"])


def test_an_unreachable_scheduler_gets_one_clear_message(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_SECONDS", 1)
    article = tmp_path / "a.txt"
    article.write_text("Title: x\nNote: invented example, not real reporting\n\nParis et Berlin.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "ingest", "--dask", "tcp://127.0.0.1:9", str(article)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")
    assert "check that `dask scheduler` runs there" in result.output
    assert "Traceback" not in result.output


# ------------------------------------------------------------- a scheduler and workers by hand


def test_a_scheduler_without_workers_stops_the_ingest_with_a_clear_message(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title: x\nNote: invented example, not real reporting\n\nParis et Berlin.\n", encoding="utf-8")
    # A real scheduler, in this process, on loopback, that no worker ever joins.
    with LocalCluster(n_workers=0, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None,
                      scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"}) as empty:
        address = empty.scheduler_address
        started = time.monotonic()
        result = CliRunner().invoke(
            cli, ["ingest", str(article), "--db", str(tmp_path / "t.db"), "--dask", address, "--dask-timeout", "2"]
        )
        elapsed = time.monotonic() - started
    output = " ".join(result.output.split())
    assert result.exit_code == 1, output
    assert f"Waiting up to 2 s for a Dask worker to join the scheduler at {address}" in output
    assert (f"Error: no Dask worker joined the scheduler at {address} within 2 s; start workers with "
            f"`tracker cluster worker {address}`") in output
    assert "Traceback" not in output
    assert elapsed < 2 + cluster.CONNECT_TIMEOUT_SECONDS


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tracker(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tracker.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def _listening(processes: list[psutil.Process]) -> list:
    found = []
    for p in processes:
        for child in [p, *p.children(recursive=True)]:
            found += [c.laddr for c in child.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN]
    return found


@pytest.mark.slow
def test_the_documented_cluster_commands_listen_on_loopback_only_and_warm_the_workers():
    port, http_port = _free_port(), _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = _tracker("cluster", "scheduler", "--host", "127.0.0.1", "--port", str(port),
                         "--http-port", str(http_port))
    worker = None
    try:
        with Client(address, timeout=60) as client:
            worker = _tracker("cluster", "worker", address, "--host", "127.0.0.1", "--nworkers", "1")
            client.wait_for_workers(1, timeout=300)  # the worker joins once it has loaded the models
            # Warm on joining, before any task: both languages' pipelines are loaded.
            loaded = client.run(lambda: __import__("tracker.scorer.nlp", fromlist=["get_nlp"]).get_nlp.cache_info().currsize)
            assert list(loaded.values()) == [2]
            listening = _listening([psutil.Process(scheduler.pid), psutil.Process(worker.pid)])
        assert {addr.ip for addr in listening} == {"127.0.0.1"}
        ports = {addr.port for addr in listening}
        assert {port, http_port} <= ports
        assert len(listening) >= 5  # scheduler, its HTTP endpoint, the worker, its HTTP endpoint, its nanny
    finally:
        for process in (worker, scheduler):  # Ctrl+C's signal: each closes cleanly
            if process is not None:
                process.send_signal(signal.SIGINT)
                try:
                    process.communicate(timeout=60)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.communicate()
    assert (worker.returncode, scheduler.returncode) == (0, 0)
