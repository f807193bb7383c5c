"""Feeds followed, pages read from the web, and the items each feed listed.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28

``feeds`` holds the RSS/Atom feeds of `tracker feeds` with what conditional GET needs (ETag,
Last-Modified) and the back-off state of a failing feed; ``web_pages`` every page URL the tracker
was asked to read (by a feed or `tracker fetch`), so that none is fetched twice and a failed one is
retried at its stored time; ``feed_entries`` the items (GUID, else link) each feed listed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("interval_seconds", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("last_polled_at", sa.DateTime(), nullable=True),
        sa.Column("last_ok_at", sa.DateTime(), nullable=True),
        sa.Column("next_poll_at", sa.DateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("url", name=op.f("uq_feeds_url")),
    )
    op.create_table(
        "web_pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("entry_published", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), server_default="", nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=True),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "state IN ('pending', 'stored', 'duplicate', 'failed', 'given-up')", name=op.f("ck_web_pages_known_state")
        ),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_web_pages_article_id_articles"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["feed_id"], ["feeds.id"], name=op.f("fk_web_pages_feed_id_feeds"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_pages")),
        sa.UniqueConstraint("url", name=op.f("uq_web_pages_url")),
    )
    op.create_index("ix_web_pages_next_attempt_at", "web_pages", ["next_attempt_at"], unique=False)
    op.create_table(
        "feed_entries",
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("entry_key", sa.Text(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["feed_id"], ["feeds.id"], name=op.f("fk_feed_entries_feed_id_feeds"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["page_id"], ["web_pages.id"], name=op.f("fk_feed_entries_page_id_web_pages"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("feed_id", "entry_key", name=op.f("pk_feed_entries")),
    )
    op.create_index(op.f("ix_feed_entries_page_id"), "feed_entries", ["page_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_feed_entries_page_id"), table_name="feed_entries")
    op.drop_table("feed_entries")
    op.drop_index("ix_web_pages_next_attempt_at", table_name="web_pages")
    op.drop_table("web_pages")
    op.drop_table("feeds")
