"""A generation number of the stored data, bumped by every write to articles or observations.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

The dashboard asks "did the data change?" on every request (its caches are kept per data version)
and every few seconds from each open page. The answer was ``count(*)`` over the articles and two
``max(id)``: 3-17 ms at a million observations, paid by every request. ``data_generation`` holds one
row whose number triggers bump in the transaction that writes, so the question is one primary-key
read, and it sees every change (an update or a delete too, which count and max could miss). It starts
at the creation time in microseconds, so a new or rebuilt database never repeats an earlier one's tokens.

SQLite has one writer at a time, so a row trigger bumps it for each row written. PostgreSQL writers
run at once: the bump is a deferred constraint trigger, run at commit and once per transaction (a
transaction-local setting remembers it), so the row's lock is held from the bump to the commit only
and two writers cannot deadlock on it; a reader sees the new number with the data it numbers.
"""

import time

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLES = ("articles", "observations")
OPERATIONS = ("insert", "update", "delete")
BUMP = "UPDATE data_generation SET generation = generation + 1 WHERE id = 1"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "data_generation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("generation", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_generation")),
    )
    # Seeded with the clock (microseconds since 1970), not 0: a dashboard that outlives a database's
    # replacement must not meet a token it already had (an old database counted a few bumps from 0,
    # far fewer than the microseconds until its successor is made).
    op.execute(f"INSERT INTO data_generation (id, generation) VALUES (1, {time.time_ns() // 1000})")
    if dialect == "sqlite":
        for table in TABLES:
            for operation in OPERATIONS:
                op.execute(f"CREATE TRIGGER trg_data_generation_{table}_{operation} AFTER {operation.upper()}"
                           f" ON {table} BEGIN {BUMP}; END")
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION data_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            " IF current_setting('tracker.generation_bumped', true) IS DISTINCT FROM txid_current()::text THEN"
            f" {BUMP};"
            " PERFORM set_config('tracker.generation_bumped', txid_current()::text, true);"
            " END IF; RETURN NULL; END $$"
        )
        for table in TABLES:
            op.execute(f"CREATE CONSTRAINT TRIGGER trg_data_generation_{table} AFTER INSERT OR UPDATE OR DELETE"
                       f" ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_generation_bump()")
    else:
        raise RuntimeError(f"migration 0007 supports SQLite and PostgreSQL, not {dialect}")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in TABLES:
            for operation in OPERATIONS:
                op.execute(f"DROP TRIGGER IF EXISTS trg_data_generation_{table}_{operation}")
    elif dialect == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS trg_data_generation_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS data_generation_bump()")
    op.drop_table("data_generation")
