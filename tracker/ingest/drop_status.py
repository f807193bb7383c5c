"""What `tracker status` shows of the drop folder: files waiting, today's outcomes, the last rejections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from datetime import time as dtime
from pathlib import Path

from tracker.ingest.inbox_files import waiting_files
from tracker.ingest.inprocess import DUPLICATE, REJECTED, STORED


@dataclass(frozen=True)
class DropStatus:
    inbox: Path
    waiting: list[Path]
    today: dict[str, int]  # outcome -> count since local midnight (records of files included)
    last_errors: list[dict]  # newest first: at (local time), path, record, reason


def _local_time(utc_naive) -> datetime:
    """The log's naive UTC time (a datetime or a pandas Timestamp) in the local time zone."""
    moment = utc_naive.to_pydatetime() if hasattr(utc_naive, "to_pydatetime") else utc_naive
    return moment.replace(tzinfo=UTC).astimezone()


def drop_status(store, inbox: Path, *, errors: int = 5) -> DropStatus:
    """What `tracker status` shows: the inbox, today's outcomes, the last rejections."""
    midnight_utc = datetime.combine(date.today(), dtime()).astimezone(UTC).replace(tzinfo=None)
    frame = store.ingest_log_frame(since=midnight_utc)
    today = {name: int((frame["outcome"] == name).sum()) if len(frame) else 0 for name in (STORED, DUPLICATE, REJECTED)}
    recent = store.ingest_log_frame(limit=500)
    bad = recent[recent["outcome"] == REJECTED].head(errors) if len(recent) else recent
    last_errors = [
        {"at": _local_time(row.at), "path": row.path, "record": row.record, "reason": row.reason}
        for row in bad.itertuples()
    ]
    return DropStatus(Path(inbox), waiting_files(Path(inbox)), today, last_errors)
