"""Per-period totals over articles, so a timeline reads one row per period instead of one per article.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

``period_totals`` holds, per granularity, pair and period start, what ``scoring.period_table`` needs
once ``period_stats`` has made each article's mean: the number of articles, the sum and the sum of
squares of the article means (the period's tension and its band), and the observation count, sum
and sum of squares (the band of a single-article period). Triggers on ``period_stats`` keep it in
step: an article's row changing replaces that article's old mean by its new one. With a million
observations, a daily timeline of three busy pairs over twelve years reads 12,000 rows instead of
250,000 (bench/dashboard.py: its SQL from ~150-350 ms to ~15 ms).
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _mean(row: str) -> str:
    # A row whose count fell to 0 (about to be deleted) contributes nothing.
    return f"(CASE WHEN {row}.n_obs > 0 THEN {row}.sum_score / {row}.n_obs ELSE 0 END)"


def _article(row: str) -> str:
    return f"(CASE WHEN {row}.n_obs > 0 THEN 1 ELSE 0 END)"


def _apply(row: str, sign: str) -> str:
    """Add (sign '+') or take away (sign '-') one period_stats row's contribution."""
    m = _mean(row)
    return (
        "INSERT INTO period_totals (freq, pair, period, n_articles, n_obs, sum_score, sum_sq, sum_mean, sum_mean_sq)"
        f" VALUES ({row}.freq, {row}.pair, {row}.period, {sign}{_article(row)}, {sign}{row}.n_obs,"
        f" {sign}{row}.sum_score, {sign}{row}.sum_sq, {sign}{m}, {sign}{m} * {m})"
        " ON CONFLICT (freq, pair, period) DO UPDATE SET"
        " n_articles = period_totals.n_articles + excluded.n_articles,"
        " n_obs = period_totals.n_obs + excluded.n_obs,"
        " sum_score = period_totals.sum_score + excluded.sum_score,"
        " sum_sq = period_totals.sum_sq + excluded.sum_sq,"
        " sum_mean = period_totals.sum_mean + excluded.sum_mean,"
        " sum_mean_sq = period_totals.sum_mean_sq + excluded.sum_mean_sq"
    )


def _prune(row: str) -> str:
    return (f"DELETE FROM period_totals WHERE freq = {row}.freq AND pair = {row}.pair AND period = {row}.period"
            " AND n_articles <= 0")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "period_totals",
        sa.Column("freq", sa.String(length=1), nullable=False),
        sa.Column("pair", sa.String(length=7), nullable=False),
        sa.Column("period", sa.Date(), nullable=False),
        sa.Column("n_articles", sa.Integer(), nullable=False),
        sa.Column("n_obs", sa.Integer(), nullable=False),
        sa.Column("sum_score", sa.Float(), nullable=False),
        sa.Column("sum_sq", sa.Float(), nullable=False),
        sa.Column("sum_mean", sa.Float(), nullable=False),
        sa.Column("sum_mean_sq", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("freq", "pair", "period", name=op.f("pk_period_totals")),
        sqlite_with_rowid=False,
    )
    if dialect == "sqlite":
        op.execute(f"CREATE TRIGGER trg_period_totals_insert AFTER INSERT ON period_stats BEGIN {_apply('NEW', '+')}; END")
        op.execute(
            "CREATE TRIGGER trg_period_totals_update AFTER UPDATE ON period_stats BEGIN "
            f"{_apply('OLD', '-')}; {_apply('NEW', '+')}; {_prune('NEW')}; END"
        )
        op.execute(
            "CREATE TRIGGER trg_period_totals_delete AFTER DELETE ON period_stats BEGIN "
            f"{_apply('OLD', '-')}; {_prune('OLD')}; END"
        )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION period_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            f" IF TG_OP IN ('DELETE', 'UPDATE') THEN {_apply('OLD', '-')}; END IF;"
            f" IF TG_OP IN ('INSERT', 'UPDATE') THEN {_apply('NEW', '+')}; END IF;"
            f" IF TG_OP = 'DELETE' THEN {_prune('OLD')}; ELSE {_prune('NEW')}; END IF;"
            " RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER trg_period_totals AFTER INSERT OR DELETE OR UPDATE ON period_stats"
            " FOR EACH ROW EXECUTE FUNCTION period_totals_apply()"
        )
    else:
        raise RuntimeError(f"migration 0003 supports SQLite and PostgreSQL, not {dialect}")
    op.execute(
        "INSERT INTO period_totals (freq, pair, period, n_articles, n_obs, sum_score, sum_sq, sum_mean, sum_mean_sq)"
        " SELECT freq, pair, period, count(*), sum(n_obs), sum(sum_score), sum(sum_sq), sum(sum_score / n_obs),"
        " sum((sum_score / n_obs) * (sum_score / n_obs)) FROM period_stats WHERE n_obs > 0"
        " GROUP BY freq, pair, period"
    )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_period_totals_{name}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_period_totals ON period_stats")
        op.execute("DROP FUNCTION IF EXISTS period_totals_apply()")
    op.drop_table("period_totals")
