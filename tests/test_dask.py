"""Ingest on a real Dask LocalCluster (two worker processes, loopback only): the database ends the
same as after the single-process ingest, and the cluster opens no address beyond 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlparse

import psutil
import pytest
from click.testing import CliRunner
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
