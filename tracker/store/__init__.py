"""Where scored articles live: a SQLite file by default, PostgreSQL by URL (see db.py, schema.py)."""

from tracker.store.db import (
    DatabaseUnreachable,
    NewerSchemaError,
    StoreError,
    default_db_path,
    head_revision,
    resolve_url,
)
from tracker.store.store import InvalidRecord, ObservationChange, Store, open_store, pair_code

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
