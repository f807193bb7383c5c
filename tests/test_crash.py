"""Killing the watcher part-way loses nothing and stores nothing twice.

A real `tracker watch --once` subprocess reads 200 invented articles (and a few bad files) from the
inbox into a real SQLite file; it is killed with SIGKILL while it works, then started again. At the
end every article is stored exactly once, every file is in archive/ or rejected/, none is lost.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from dropfiles import numbered_body, text_article, write
from sqlalchemy import create_engine, text

from tracker.ingest.inbox_files import REASON_SUFFIX
from tracker.records import content_hash

ARTICLES = 200
BAD = ["vide.txt", "inconnu.xyz", "mauvaise-date.txt"]
pytestmark = pytest.mark.slow


def watch_once(db: Path, inbox: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "tracker.cli", "--db", str(db), "watch", str(inbox), "--once", "--debounce", "0"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "COLUMNS": "200"})


def files_moved(inbox: Path) -> int:
    return sum(1 for p in (inbox / "archive").rglob("*") if p.is_file()) if (inbox / "archive").is_dir() else 0


def test_sigkill_part_way_then_restart_stores_each_article_once(tmp_path):
    db, inbox = tmp_path / "tracker.db", tmp_path / "inbox"
    bodies = {}
    for number in range(ARTICLES):
        language = "fr" if number % 2 else "en"
        bodies[f"article_{number:03d}.txt"] = numbered_body(1000 + number, language)
        write(inbox / f"article_{number:03d}.txt", text_article(f"Crash {number}", bodies[f"article_{number:03d}.txt"], language=language))
    write(inbox / "vide.txt", b"")
    write(inbox / "inconnu.xyz", b"x")
    write(inbox / "mauvaise-date.txt", b"Date: 45/45/2020\n\nx")

    killed_at = []
    for target in (40, 110):  # killed twice, at two points of the run
        process = watch_once(db, inbox)
        deadline = time.monotonic() + 120
        while files_moved(inbox) < target and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        assert process.poll() is None, "the watcher ended before it could be killed:\n" + process.stdout.read().decode()
        time.sleep(random.uniform(0, 0.04))  # land anywhere in the next file: reading, scoring, storing, moving
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        killed_at.append(files_moved(inbox))
    assert killed_at[-1] < ARTICLES, "the kill did not happen part-way"

    process = watch_once(db, inbox)
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 1, output.decode()  # 1: some files were rejected (the bad ones)

    # Every article stored exactly once (the key is unique in the schema; count them all the same).
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, key FROM articles")).all()
        log = conn.execute(text("SELECT path, outcome, reason, article_id FROM ingest_log")).all()
    engine.dispose()
    problems = [row for row in log if row.outcome == "rejected" and Path(row.path).name not in BAD]
    assert problems == []
    keys = [row.key for row in rows]
    assert len(keys) == ARTICLES == len(set(keys))
    assert set(keys) == {content_hash(body) for body in bodies.values()}
    # The log never says "stored" twice for one article. (A kill between the article's transaction
    # and its log line leaves it logged only as "duplicate" by the next run: that is fine.)
    stored_ids = [row.article_id for row in log if row.outcome == "stored"]
    assert len(stored_ids) == len(set(stored_ids))
    assert {row.article_id for row in log if row.outcome in ("stored", "duplicate")} == {row.id for row in rows}

    # Every file left the inbox, into archive/ or rejected/; none is lost.
    left = [p.name for p in inbox.iterdir() if p.is_file()]
    assert left == []
    # (a hidden ".incoming...part" reason file may be left by a kill: never a dropped file)
    archived = [p for p in (inbox / "archive").rglob("*") if p.is_file() and not p.name.startswith(".")]
    rejected = [p for p in (inbox / "rejected").iterdir() if not p.name.endswith(REASON_SUFFIX) and not p.name.startswith(".")]
    assert sorted(p.name for p in rejected) == sorted(BAD)
    names = {p.name for p in archived}
    assert names >= set(bodies)
    # A file caught between its two steps of moving may have been archived twice ("name (2).txt"),
    # never anything else: no unknown file, and each copy holds the text of its article.
    for extra in names - set(bodies):
        original = extra.replace(" (2)", "")
        assert original in bodies, extra
    for path in archived:
        assert bodies[path.name.replace(" (2)", "")] in path.read_text()


def test_an_article_stored_before_a_crash_is_archived_as_duplicate_on_restart(tmp_path):
    """The crash between storing and moving, made exact: the file is stored by ingest_file (what
    the watcher does first) and left in the inbox (the move that the crash prevented)."""
    from tracker.ingest.dropfolder import DropFolder
    from tracker.ingest.inprocess import ingest_file
    from tracker.store import open_store

    inbox = tmp_path / "inbox"
    path = write(inbox / "a.txt", text_article("Avant", numbered_body(2000)))
    with open_store(str(tmp_path / "tracker.db")) as store:
        [first] = ingest_file(path, store)
        assert first.outcome == "stored"
        results = []
        DropFolder(inbox, store, debounce=0, on_result=results.append).run(once=True)
        assert [(o.outcome, o.article_id) for o in results[0].outcomes] == [("duplicate", first.article_id)]
        assert results[0].moved_to == inbox / "archive" / date.today().isoformat() / "duplicates" / "a.txt"
        assert store.counts()["articles"] == 1
        assert list(store.ingest_log_frame()["outcome"])[::-1] == ["stored", "duplicate"]
