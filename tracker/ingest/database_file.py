"""Database failures while watching: they keep files in the inbox (to be retried) instead of rejecting them."""

from __future__ import annotations

from pathlib import Path


class DatabaseFailure(Exception):
    """The store could not be written: the file stays in the inbox and is retried."""


def is_database_error(error: BaseException) -> bool:
    from sqlalchemy.exc import OperationalError

    from tracker.store import StoreError

    return isinstance(error, OperationalError | StoreError) and not _is_invalid_record(error)


def _is_invalid_record(error: BaseException) -> bool:
    from tracker.store import InvalidRecord

    return isinstance(error, InvalidRecord)


class DatabaseFile:
    """The SQLite file a store writes to, as it was when the watcher started (device, inode).

    Deleting or replacing the file under a running process does not stop SQLite: it goes on
    writing to the deleted file (still open), says "stored", and no other process ever sees those
    articles. So before each file is stored its database file must still be the same one; when it
    is gone or replaced, nothing is stored (files stay in the inbox) and the error says so.
    """

    def __init__(self, store):
        engine = getattr(store, "engine", None)
        url = getattr(engine, "url", None)
        database = url.database if url is not None and url.get_backend_name() == "sqlite" else None
        self.path = Path(database) if database and database != ":memory:" else None
        self.identity = self._identity()

    def _identity(self) -> tuple[int, int] | None:
        if self.path is None:
            return None
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        except OSError as error:  # a folder made unreadable: not "deleted"
            raise DatabaseFailure(f"the database file {self.path} cannot be reached ({error.strerror}); "
                                  "files stay in the inbox until it can") from error
        return (stat.st_dev, stat.st_ino)

    def check(self) -> None:
        """Raise DatabaseFailure when the database file was deleted or replaced since the start."""
        if self.path is None or self.identity is None:
            return
        now = self._identity()
        if now != self.identity:
            what = "deleted" if now is None else "replaced by another file"
            raise DatabaseFailure(
                f"the database file {self.path} was {what} while the watcher was running; nothing more is "
                "stored until the watcher is restarted (stop it and start it again: it opens the database anew)"
            )
