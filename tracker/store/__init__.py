"""Where scored articles live: a SQLite file by default, PostgreSQL by URL (see db.py, schema.py).

writer.py stores and rescores articles (the Store); queries.py reads the numbers users see and
evidence.py the sentences and cues behind them.
"""

from tracker.store.db import (
    DatabaseUnreachable,
    NewerSchemaError,
    StoreError,
    default_db_path,
    head_revision,
    resolve_url,
)
from tracker.store.queries import pair_code
from tracker.store.writer import InvalidRecord, ObservationChange, Store, open_store

__all__ = [
    "DatabaseUnreachable",
    "InvalidRecord",
    "NewerSchemaError",
    "ObservationChange",
    "Store",
    "StoreError",
    "default_db_path",
    "head_revision",
    "open_store",
    "pair_code",
    "resolve_url",
]
