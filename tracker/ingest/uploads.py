"""Dashboard uploads: written into the inbox and read there exactly as a dropped file."""

from __future__ import annotations

import time
from pathlib import Path

from tracker import readers
from tracker.ingest.database_file import DatabaseFailure
from tracker.ingest.dropfolder import DropFolder
from tracker.ingest.inbox_files import write_new_file
from tracker.ingest.inprocess import REJECTED, Outcome
from tracker.readers.archive import safe_filename


def accept_upload(filename: str, content: bytes, store, inbox: Path, *, max_bytes: int = readers.DEFAULT_MAX_BYTES,
                  lexicon=None) -> list[Outcome]:
    """A file uploaded in the dashboard: written into the inbox under a safe name, then read
    exactly as a dropped file (same reasons, same archive/rejected), and its outcomes returned.

    A zip's files are read at once too, so the user sees every article's outcome.
    """
    folder = DropFolder(Path(inbox), store, max_bytes=max_bytes, lexicon=lexicon)
    folder.ensure_folders()
    name = safe_filename(filename)
    path = write_new_file(folder.inbox / name, content)
    outcomes: list[Outcome] = []
    queue = [path]
    while queue:
        current = queue.pop(0)
        try:
            result = folder.process(current)
        except DatabaseFailure as failure:
            outcomes.append(Outcome(str(current), REJECTED, (
                f"the database could not be written ({failure}); the file is kept in the drop folder and "
                "will be read when the database is back"
            )))
            continue
        if result is None:
            # The watcher thread took it first: its outcomes are in the ingest log.
            outcomes.extend(_logged_outcomes(store, current))
            continue
        outcomes.extend(result.outcomes)
        queue.extend(result.unpacked)
    return outcomes


def _logged_outcomes(store, path: Path, wait: float = 30.0) -> list[Outcome]:
    """The outcomes another thread logged for ``path``, once it has moved the file away."""
    deadline = time.monotonic() + wait
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    frame = store.ingest_log_frame(limit=200)
    rows = frame[frame["path"] == str(path)]
    return [
        Outcome(row.path, row.outcome, row.reason or "", row.record, None if row.article_id != row.article_id else int(row.article_id))
        for row in rows.iloc[::-1].itertuples()
    ]
