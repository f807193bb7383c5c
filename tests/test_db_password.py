"""PostgreSQL passwords that a URL cannot hold as typed ('@', '/', '#'): the message that says to
percent-encode them, and the password given beside the URL (TRACKER_DB_PASSWORD, a pgpass file),
checked by a real server that asks this role for its password."""

from __future__ import annotations

import os
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tracker.store import StoreError, open_store, queries
from tracker.store.db import DatabaseUnreachable

# Invented for the tests: every character that ends a part of a URL.
PASSWORD = "p@ss/w#rd?1"


def test_a_password_that_ends_the_url_early_gets_a_message_saying_to_percent_encode_it():
    with pytest.raises(StoreError) as err:
        open_store(f"postgresql://analyst:{PASSWORD}@dbhost:5432/tracker")
    message = str(err.value)
    assert message.startswith(
        "the password in the database URL holds characters that end a URL's parts "
        "(# as %23, / as %2F, ? as %3F, @ as %40), so the host reads as 'ss': percent-encode them "
        "(postgresql://analyst:***@dbhost:5432/tracker; "
    )
    assert "set TRACKER_DB_PASSWORD or a ~/.pgpass line" in message
    assert PASSWORD not in message and "w#rd" not in message


def test_a_percent_encoded_password_is_read_whole(monkeypatch):
    from tracker.store import resolve_url

    monkeypatch.delenv("TRACKER_DB_PASSWORD", raising=False)
    url = resolve_url(f"postgresql://analyst:{quote(PASSWORD, safe='')}@dbhost/tracker")
    assert (url.password, url.host, url.database) == (PASSWORD, "dbhost", "tracker")


@contextmanager
def role_asked_for_its_password(admin_url: str):
    """A role and its database, and a pg_hba.conf rule that asks this role (only) for its password."""
    admin = make_url(admin_url).set(drivername="postgresql+psycopg")
    role = f"analyst_{uuid.uuid4().hex[:8]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        hba = Path(conn.execute(text("SHOW hba_file")).scalar_one())
        if not os.access(hba, os.W_OK):
            pytest.skip(f"cannot edit {hba} to make the server ask for a password")
        conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'"))
        conn.execute(text(f"CREATE DATABASE {role} OWNER {role}"))
        original = hba.read_bytes()
        hba.write_bytes(f"host all {role} 127.0.0.1/32 scram-sha-256\n".encode() + original)
        conn.execute(text("SELECT pg_reload_conf()"))
    try:
        url = admin.set(username=role, password=None, database=role)
        _wait_until_asked(url)
        yield url.render_as_string(hide_password=False)
    finally:
        hba.write_bytes(original)
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_reload_conf()"))
            conn.execute(text(f"DROP DATABASE IF EXISTS {role} WITH (FORCE)"))
            conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
        engine.dispose()


def _wait_until_asked(url) -> None:
    """The server reloads its configuration in the background: wait until it asks for the password."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        probe = create_engine(url.set(password="not-the-password"))
        try:
            with probe.connect():
                pass
        except Exception:
            return
        finally:
            probe.dispose()
        time.sleep(0.1)
    raise AssertionError("the server did not start asking for the password")


@pytest.mark.postgres
def test_the_password_can_come_from_tracker_db_password(pg_admin_url, monkeypatch):
    with role_asked_for_its_password(pg_admin_url) as url:
        monkeypatch.setenv("TRACKER_DB_PASSWORD", "not-the-password")
        with pytest.raises(DatabaseUnreachable) as err:
            open_store(url)
        assert "cannot log in to the database" in str(err.value)
        assert "in TRACKER_DB_PASSWORD or in ~/.pgpass" in str(err.value)

        monkeypatch.setenv("TRACKER_DB_PASSWORD", PASSWORD)
        with open_store(url) as store:
            assert queries.pairs_by_volume(store.engine).empty
            assert PASSWORD not in store.url

        # The same password percent-encoded in the URL, the variable unset.
        monkeypatch.delenv("TRACKER_DB_PASSWORD")
        user, rest = url.split("://", 1)[1].split("@", 1)
        with open_store(f"postgresql://{user}:{quote(PASSWORD, safe='')}@{rest}") as store:
            assert queries.pairs_by_volume(store.engine).empty


@pytest.mark.postgres
def test_the_password_can_come_from_a_pgpass_file(pg_admin_url, monkeypatch, tmp_path):
    with role_asked_for_its_password(pg_admin_url) as url:
        monkeypatch.delenv("TRACKER_DB_PASSWORD", raising=False)
        parsed = make_url(url)
        pgpass = tmp_path / "pgpass"
        # libpq's format: ':' and '\' in a field are escaped with '\'.
        pgpass.write_text(f"{parsed.host}:{parsed.port}:*:{parsed.username}:{PASSWORD}\n")
        pgpass.chmod(0o600)  # libpq ignores a file others can read
        monkeypatch.setenv("PGPASSFILE", str(pgpass))
        with open_store(url) as store:
            assert queries.pairs_by_volume(store.engine).empty
