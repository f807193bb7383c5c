"""Bilateral-relations tension tracker: articles in, dated and explained observations per country pair out.

For notebooks: ``db = tracker.open("tracker.db")``, then ``db.timeline("RUS-USA", freq="M")`` and the
other methods of tracker.api.TrackerDB (docs/api.md). ``import tracker`` itself stays cheap: pandas,
SQLAlchemy and spaCy load when a database is opened or a text scored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pathlib import Path

    from tracker.api import TrackerDB


def open(db: str | Path | None = None) -> TrackerDB:  # noqa: A001 - tracker.open, the notebook's entry point
    """Open a tracker database (a SQLite file path, sqlite:///PATH or postgresql://..., as --db):
    a tracker.api.TrackerDB whose methods return pandas DataFrames. None: $TRACKER_DB, else the
    default file in the user's data folder."""
    from tracker.api import TrackerDB

    return TrackerDB(db)
