"""Opening a database: where it is, how to connect, and bringing its schema up to date.

A SQLite file by default (no server to start), PostgreSQL by URL for a team sharing one database.
The schema is versioned with Alembic and migrated on first use, under a lock so that two processes
opening a fresh database at once do not both create it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import URL, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError

from tracker.store.schema import metadata

APP_NAME = "tension-tracker"
DEFAULT_FILE = "tracker.db"
MIGRATIONS = Path(__file__).parent / "migrations"

# How long a writer waits for another writer's lock on a SQLite file before giving up.
SQLITE_BUSY_SECONDS = 30
# A PostgreSQL server that does not answer within this delay is reported as unreachable.
PG_CONNECT_TIMEOUT_SECONDS = 5
# The PostgreSQL password when the URL has none (as ~/.pgpass, it keeps the password out of the URL).
PASSWORD_ENV = "TRACKER_DB_PASSWORD"
# Characters that end a part of a URL: in a password they must be percent-encoded.
URL_DELIMITERS = "@/#?:%"
# Any constant will do: it keeps two processes from migrating one PostgreSQL database at once.
PG_MIGRATION_LOCK = 7_264_017


class StoreError(Exception):
    """A database problem the user can fix; the message says what is wrong and what to do."""


class DatabaseUnreachable(StoreError):
    pass


class NewerSchemaError(StoreError):
    pass


def default_db_path() -> Path:
    """tracker.db in the user's data folder (created when missing)."""
    folder = Path(platformdirs.user_data_dir(APP_NAME))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / DEFAULT_FILE


def resolve_url(db: str | os.PathLike | URL | None) -> URL:
    """The database URL for --db: a file path, a sqlite:/// or postgresql:// URL, or None.

    None means $TRACKER_DB, else the default file in the user's data folder.
    """
    if isinstance(db, URL):
        return db
    if db is None or str(db).strip() == "":
        db = os.environ.get("TRACKER_DB") or default_db_path()
    db = str(db).strip()
    if "://" not in db:
        return _sqlite_file_url(Path(db))
    try:
        url = make_url(db)
    except ArgumentError as exc:
        raise StoreError(f"cannot read the database URL {db!r}: {exc}; use a file path, sqlite:///PATH or postgresql://USER:PASSWORD@HOST/NAME") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        _check_userinfo(db, url)
        # psycopg 3 is the driver we install; a bare postgresql:// would ask for psycopg2.
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        if url.password is None and os.environ.get(PASSWORD_ENV):
            url = url.set(password=os.environ[PASSWORD_ENV])
        return url
    if backend == "sqlite":
        if url.database and url.database != ":memory:":
            return _sqlite_file_url(Path(url.database))
        return url
    raise StoreError(f"unsupported database {mask(url)}: use a file path, sqlite:///PATH or postgresql://USER:PASSWORD@HOST/NAME")


def _check_userinfo(text: str, url: URL) -> None:
    """Refuse a URL whose password (or user name) holds a character that ends it: '@', and '/', '#'
    or '?' after one. The URL parser then reads a piece of the password as the host ("failed to
    resolve host 'ss'"); say to percent-encode it, or to keep the password out of the URL.
    """
    rest = text.split("://", 1)[1]
    if rest.count("@") < 2:  # host, port and database name hold no '@': a second one is in the user info
        return
    userinfo = rest.rsplit("@", 1)[0]
    user, _, password = userinfo.partition(":")
    host = text.rsplit("@", 1)[1]
    shown = sorted({c for c in password if c in URL_DELIMITERS}) or sorted({c for c in user if c in URL_DELIMITERS})
    encoded = ", ".join(f"{c} as {quote(c, safe='')}" for c in shown)
    raise StoreError(
        f"the password in the database URL holds characters that end a URL's parts ({encoded}), so the "
        f"host reads as {url.host!r}: percent-encode them (postgresql://{user}:***@{host}; "
        "python3 -c 'import getpass, urllib.parse; print(urllib.parse.quote(getpass.getpass(), safe=\"\"))' "
        f"prints the encoded password), or leave the password out of the URL and set {PASSWORD_ENV} "
        "or a ~/.pgpass line (hostname:port:database:username:password)"
    )


def _sqlite_file_url(path: Path) -> URL:
    path = path.expanduser().resolve()
    try:
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file; give a file name such as {path / DEFAULT_FILE}")
        if not path.parent.is_dir():
            raise StoreError(_not_a_folder(path.parent))
    except PermissionError as exc:
        raise StoreError(
            f"the database {path} cannot be reached: {(exc.strerror or 'permission denied').lower()} (this user may not enter a folder "
            "on the way to it); check the folders' permissions or choose another --db"
        ) from None
    return URL.create("sqlite", database=str(path))


def _not_a_folder(folder: Path) -> str:
    """Why a database file cannot be made in `folder`: the nearest part of the path that is not a folder."""
    for part in (folder, *folder.parents):
        if part.exists():
            if not part.is_dir():
                return f"{part} is a file, not a folder; choose another --db"
            break
    return f"the folder {folder} does not exist; create it or choose another --db"


def mask(url: URL) -> str:
    """The URL as it may appear in a message: the password replaced by ***."""
    return url.render_as_string(hide_password=True)


def create_store_engine(url: URL) -> Engine:
    """An engine with the connection settings the store relies on (see the SQLite notes below)."""
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
            _configure_sqlite(engine)
        else:
            engine = create_engine(
                url, pool_pre_ping=True, connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_SECONDS}
            )
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise StoreError(f"no database driver for {mask(url)} ({exc}); use sqlite:///PATH or postgresql://...") from None
    return engine


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys, a busy timeout, and transactions that really begin.

    Python's sqlite3 driver only begins a transaction at the first INSERT/UPDATE, which breaks
    "one transaction per article" and transactional DDL; SQLAlchemy's documented fix is to switch
    the driver's handling off and emit BEGIN ourselves. Writers ask for BEGIN IMMEDIATE (the
    ``sqlite_begin`` execution option): they take the write lock up front and wait for it under the
    busy timeout, instead of failing with "database is locked" when upgrading a read lock.
    Readers keep a plain BEGIN so the dashboard reads while the watcher writes (WAL).
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
        _use_wal(cursor)
        # Durable against a killed process (the drop folder's crash test); WAL makes it cheap.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def _use_wal(cursor) -> None:
    """Switch the file to WAL once (the mode is stored in the file).

    Switching needs an exclusive lock, and SQLite answers "database is locked" at once, without
    waiting under busy_timeout, when several processes open a fresh file together: so retry.
    """
    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def check_reachable(engine: Engine) -> None:
    """Connect once, turning the driver's errors into one message naming the URL and what to check."""
    url = engine.url
    try:
        with engine.connect() as conn:
            if url.get_backend_name() == "sqlite":
                # Reading the schema is what fails on a file that is not a SQLite database.
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except (OperationalError, DatabaseError) as exc:
        raise _connection_error(url, exc) from None


def _connection_error(url: URL, exc: Exception) -> StoreError:
    reason = _first_line(exc)
    if url.get_backend_name() == "sqlite":
        if isinstance(getattr(exc, "orig", None), sqlite3.DatabaseError) and "not a database" in reason:
            return StoreError(f"{url.database} is not a tension-tracker database (not a SQLite file); choose another --db")
        return DatabaseUnreachable(f"cannot open the SQLite database {url.database}: {reason}; check that this user may read and write the file and its folder")
    if "password" in reason:
        return DatabaseUnreachable(
            f"cannot log in to the database {mask(url)}: {reason}; check the user name and password: in the "
            f"URL (percent-encoded), in {PASSWORD_ENV} or in ~/.pgpass"
        )
    return DatabaseUnreachable(
        f"cannot reach the database {mask(url)}: {reason}; check that the server is running, "
        "the host, port, user name and password, and that the database exists"
    )


def _first_line(exc: Exception) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else type(orig).__name__


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None, "no migrations shipped with the package"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> str:
    """Bring the schema up to date (a no-op when it is); returns the revision it is at.

    Reads the revision first without a lock (the usual case: nothing to do, no write lock taken),
    then migrates under a lock, checking again, so concurrent first uses create the schema once.
    """
    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    if head is None:  # the package was installed without its migrations/ data
        raise RuntimeError(f"no schema migrations found in {script.dir}; reinstall tension-tracker")
    try:
        if current_revision(engine) == head:
            return head
        conn = engine.connect()
        try:
            if engine.dialect.name == "sqlite":
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                if engine.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})
                context = MigrationContext.configure(conn)
                current = context.get_current_revision()
                _check_known(engine.url, script, current)
                if current is None:
                    _check_foreign_tables(engine.url, conn)
                if current != head:
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
        finally:
            conn.close()
    except (OperationalError, DatabaseError) as exc:
        raise _connection_error(engine.url, exc) from None
    return head


def _check_known(url: URL, script: ScriptDirectory, current: str | None) -> None:
    if current is None:
        return
    try:
        known = script.get_revision(current) is not None
    except CommandError:
        known = False
    if not known:
        where = url.database if url.get_backend_name() == "sqlite" else mask(url)
        raise NewerSchemaError(
            f"this database was created by a newer version of tension-tracker (schema {current}); "
            f"upgrade tension-tracker or use another --db (database: {where})"
        )


def _check_foreign_tables(url: URL, conn) -> None:
    """A database holding our table names but no schema version is someone else's: leave it alone."""
    ours = set(metadata.tables)
    clash = ours & set(inspect(conn).get_table_names())
    if clash:
        where = url.database if url.get_backend_name() == "sqlite" else mask(url)
        raise StoreError(
            f"{where} already has tables named {', '.join(sorted(clash))} but no tension-tracker schema version; "
            "choose another --db"
        )
