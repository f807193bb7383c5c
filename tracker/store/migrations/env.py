"""Alembic environment: always run from tracker.store.db with a connection already open.

The store runs migrations itself on first use (``db.migrate``), inside its own transaction and
lock, so there is no alembic.ini and no offline mode: ``config.attributes["connection"]`` is the
connection to migrate.
"""

from alembic import context

from tracker.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    # The caller owns the transaction: one transaction for the check and the upgrade.
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
