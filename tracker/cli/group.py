"""The `tracker` group's machinery: library errors turned into one clear line, and the --db option
every command takes before or after its name (see TrackerGroup).
"""

from __future__ import annotations

import os
import sys

import click

DB_HELP = (
    "The database: a SQLite file path, sqlite:///PATH or postgresql://USER:PASSWORD@HOST/NAME "
    "(env TRACKER_DB; default: tracker.db in the user's data folder). Before or after the command name."
)


def _db_after_command(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """--db given after the command name: it wins over the one before it and over $TRACKER_DB."""
    state = ctx.find_object(State)
    if value is not None and state is not None:
        state.db = value


class TrackerGroup(click.Group):
    """Turns the library's errors into one clear message (exit status 1) instead of a traceback,
    and gives every command a --db option (users put it before or after the command name).
    """

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        # No envvar here: $TRACKER_DB is read by the group's --db, which this one overrides.
        # Hidden on commands that never open the database (tracker cluster).
        cmd.params.append(click.Option(
            ["--db"], metavar="PATH|URL", expose_value=False, callback=_db_after_command,
            help=DB_HELP, hidden=not getattr(cmd, "uses_database", True),
        ))
        super().add_command(cmd, name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            # The store (SQLAlchemy, Alembic, pandas: a second of imports) and the readers are
            # imported by the commands that use them; an error of theirs means they are loaded.
            if _is_instance(exc, "tracker.store.db", "StoreError"):
                raise click.ClickException(str(exc)) from None
            if _is_instance(exc, "tracker.readers.common", "RejectedInput"):
                raise click.ClickException(str(getattr(exc, "reason", exc))) from None
            if _model_missing(exc):
                raise click.ClickException(str(exc)) from None
            if os.environ.get("TRACKER_DEBUG"):
                raise
            raise click.ClickException(
                f"unexpected error ({type(exc).__name__}: {exc}); this is a bug in tension-tracker: "
                "please report it, with the output of the same command run with TRACKER_DEBUG=1"
            ) from None


def _is_instance(exc: Exception, module: str, name: str) -> bool:
    """isinstance(exc, module.name), without importing the module: only a loaded module raises."""
    loaded = sys.modules.get(module)
    error_class = getattr(loaded, name, None) if loaded is not None else None
    return isinstance(error_class, type) and isinstance(exc, error_class)


def _model_missing(exc: Exception) -> bool:
    return _is_instance(exc, "tracker.scorer.nlp", "ModelMissing")


class State:
    """What the group passes to its commands: the --db value and, once opened, the store."""

    def __init__(self, db: str | None):
        self.db = db
        self._store = None

    @property
    def store(self):
        if self._store is None:
            from tracker.store import open_store

            self._store = open_store(self.db)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
