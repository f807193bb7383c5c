"""The tables, as SQLAlchemy Core objects: what the store writes and the dashboard reads.

Every number on the dashboard must lead back to the words behind it, so the store keeps the
article text, its sentences with character offsets, and each observation with its cues.
Everything derived from the text (sentences and below) hangs off the article with
``ON DELETE CASCADE``, so a rescore can replace it in one statement and nothing is left dangling.

The migrations in ``migrations/versions`` create these tables; ``tests/test_store.py`` checks that
the two agree, so a change here needs a new migration.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

# Names for constraints and indexes, so migrations can refer to them on every database.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

# The ingest outcomes `tracker ingest` reports and `tracker status` counts.
OUTCOMES = ("stored", "duplicate", "rejected")

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    # records.content_hash of the normalised text: the same article dropped twice is stored once.
    Column("key", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("language", String(8)),
    # The date relative expressions were resolved against (ScoredArticle.published).
    Column("published", Date),
    Column("published_source", String(20), nullable=False, server_default="none"),
    Column("source_path", Text),
    Column("is_example", Boolean, nullable=False, server_default=false()),
    Column("main_pair", String(7)),  # "RUS-USA": what "les deux pays" refers to
    Column("text", Text, nullable=False),
    Column("added_at", DateTime, nullable=False),  # UTC, naive
    Column("lexicon_version", String(64)),
)

sentences = Table(
    "sentences",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("language", String(8)),
    # The sentence's pairs, "; "-joined ("RUS-USA; SYR-USA"): a pair without a cue makes no
    # observation, and `tracker explain` of a stored article still shows it.
    Column("pairs", Text, nullable=False, server_default=""),
    UniqueConstraint("article_id", "idx", name="uq_sentences_article_idx"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sentence_id", Integer, ForeignKey("sentences.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("country", String(3), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("role", String(20), nullable=False),
    Column("detail", Text, nullable=False, server_default=""),
)

date_refs = Table(
    "date_refs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sentence_id", Integer, ForeignKey("sentences.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("value", Date, nullable=False),
    Column("precision", String(8), nullable=False),
    Column("expression", Text, nullable=False),
    Column("start_char", Integer),  # None for the publication date
    Column("end_char", Integer),
    Column("dates_event", Boolean, nullable=False),
    Column("note", Text, nullable=False, server_default=""),
)

observations = Table(
    "observations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("sentence_id", Integer, ForeignKey("sentences.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("pair", String(7), nullable=False),  # "RUS-USA", codes sorted
    Column("country_a", String(3), nullable=False),
    Column("country_b", String(3), nullable=False),
    Column("event_date", Date, nullable=False),
    Column("precision", String(8), nullable=False),
    Column("date_expression", Text, nullable=False, server_default=""),
    Column("score", Float, nullable=False),
    # The scale of docs/architecture.md; a score outside it is a scorer bug and must not reach the charts.
    CheckConstraint("score >= -10 AND score <= 10", name="score_on_scale"),
    Index("ix_observations_pair_event_date", "pair", "event_date"),
    Index("ix_observations_event_date", "event_date"),
    # The timeline's event markers: the strongest observations of a pair in a date range (0002).
    Index("ix_observations_pair_score", "pair", "score", "event_date"),
)

cues = Table(
    "cues",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("observation_id", Integer, ForeignKey("observations.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("pattern", Text, nullable=False),
    Column("category", Text, nullable=False),
    Column("base_weight", Float, nullable=False),
    Column("weight", Float, nullable=False),
    Column("modifiers", Text, nullable=False, server_default=""),  # "; "-joined
)

ingest_log = Table(
    "ingest_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False, index=True),  # UTC, naive
    Column("path", Text, nullable=False),
    Column("record", String(40)),  # "line 3" inside a .jsonl file; None for the whole file
    Column("outcome", String(12), nullable=False),
    Column("reason", Text, nullable=False, server_default=""),
    # The stored (or already stored) article; kept when the article is later deleted.
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="SET NULL")),
    CheckConstraint("outcome IN ('stored', 'duplicate', 'rejected')", name="known_outcome"),
)


# Per granularity (D, W, M, A = all time), pair, period start and article: what scoring.period_table's
# rule needs, so the dashboard reads one row per article and period instead of one per observation.
# Kept in step with `observations` by triggers (migration 0002): no writer touches it.
period_stats = Table(
    "period_stats",
    metadata,
    Column("freq", String(1), primary_key=True),
    Column("pair", String(7), primary_key=True),
    Column("period", Date, primary_key=True),
    Column("article_id", Integer, primary_key=True),
    Column("n_obs", Integer, nullable=False),
    Column("sum_score", Float, nullable=False),
    Column("sum_sq", Float, nullable=False),
    sqlite_with_rowid=False,
)

# Per granularity, pair and period: the sums over articles of period_stats (migration 0003), so the
# timeline reads one row per period. Kept in step with period_stats by triggers: no writer touches it.
period_totals = Table(
    "period_totals",
    metadata,
    Column("freq", String(1), primary_key=True),
    Column("pair", String(7), primary_key=True),
    Column("period", Date, primary_key=True),
    Column("n_articles", Integer, nullable=False),
    Column("n_obs", Integer, nullable=False),
    Column("sum_score", Float, nullable=False),
    Column("sum_sq", Float, nullable=False),
    Column("sum_mean", Float, nullable=False),
    Column("sum_mean_sq", Float, nullable=False),
    sqlite_with_rowid=False,
)

# One row: a number every write to articles or observations bumps (triggers, migration 0007), in
# the writing transaction. The dashboard's "did the data change?" (queries.data_version) reads it.
data_generation = Table(
    "data_generation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("generation", BigInteger, nullable=False),
)

# Who may sign in to the dashboard when it asks for a login (tracker serve beyond 127.0.0.1; 0004).
# The hash is werkzeug.security's ("scrypt:32768:8:1$salt$hash"): never the password itself.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),  # UTC, naive
    Column("password_changed_at", DateTime, nullable=False),
)

# Secrets the servers of one database share, generated on first use (0004): "session" signs the
# dashboard's login cookie, so two servers on one team database accept each other's sessions.
app_secrets = Table(
    "app_secrets",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# --- Alerts (migration 0005): rules and channels are the analyst's data; an alert is a rule firing
# for one pair and period, stored once (uq_alerts_rule_pair_period) with a copy of the sentences
# behind it; each (alert, channel) delivery is an outbox row, marked sent only after it succeeded.

ALERT_KINDS = ("level", "change", "volume")
ALERT_DIRECTIONS = ("above", "below")
CHANNEL_KINDS = ("digest", "email", "webhook")
DELIVERY_STATES = ("pending", "sent")

alert_rules = Table(
    "alert_rules",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, server_default=""),
    Column("pair", String(7), nullable=False),  # "RUS-USA", or "*" for every pair
    Column("kind", String(8), nullable=False),
    Column("direction", String(5), nullable=False),
    Column("threshold", Float, nullable=False),
    Column("freq", String(1), nullable=False),
    Column("min_articles", Integer, nullable=False),
    Column("min_observations", Integer, nullable=False),
    Column("baseline", Integer, nullable=False),  # volume: how many previous periods make the median
    Column("since", Date, nullable=False),  # the first period the rule looks at
    Column("created_at", DateTime, nullable=False),  # UTC, naive
    CheckConstraint("kind IN ('level', 'change', 'volume')", name="known_kind"),
    CheckConstraint("direction IN ('above', 'below')", name="known_direction"),
    CheckConstraint("freq IN ('D', 'W', 'M')", name="known_freq"),
)

alert_channels = Table(
    "alert_channels",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(8), nullable=False),
    Column("settings", Text, nullable=False),  # JSON; an e-mail password is named by its variable, never stored
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("kind IN ('digest', 'email', 'webhook')", name="known_kind"),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(32), nullable=False, unique=True),  # stable: the webhook and e-mail carry it
    # Kept when the rule is removed (the alert and its deliveries stay), hence SET NULL.
    Column("rule_id", Integer, ForeignKey("alert_rules.id", ondelete="SET NULL")),
    Column("rule", Text, nullable=False),  # the rule in words, as it was when it fired
    Column("pair", String(7), nullable=False),
    Column("freq", String(1), nullable=False),
    Column("period", Date, nullable=False),
    Column("value", Float, nullable=False),  # what was compared: the level, the change or the volume ratio
    Column("tension", Float, nullable=False),
    Column("previous", Float),  # the previous period's level (change) or the baseline median (volume)
    Column("n_articles", Integer, nullable=False),
    Column("n_obs", Integer, nullable=False),
    Column("message", Text, nullable=False),
    Column("fired_at", DateTime, nullable=False, index=True),
    UniqueConstraint("rule_id", "pair", "period", name="uq_alerts_rule_pair_period"),
)

alert_sentences = Table(
    "alert_sentences",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("rank", Integer, nullable=False),
    # A copy, not a reference: a rescore replaces observations, the alert keeps what it said.
    Column("observation_id", Integer),
    Column("article_id", Integer),
    Column("sentence_idx", Integer),
    Column("event_date", Date, nullable=False),
    Column("score", Float, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("url", Text),
)

alert_deliveries = Table(
    "alert_deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
    Column("channel_id", Integer, ForeignKey("alert_channels.id", ondelete="CASCADE"), nullable=False),
    Column("status", String(8), nullable=False, server_default="pending"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    # When it may be tried next: now for a new one, later after a failure (back-off) or while one
    # process is sending it (a lease, so two checks never send it at once).
    Column("next_attempt_at", DateTime, nullable=False),
    Column("last_error", Text, nullable=False, server_default=""),
    Column("sent_at", DateTime),
    CheckConstraint("status IN ('pending', 'sent')", name="known_status"),
    UniqueConstraint("alert_id", "channel_id", name="uq_alert_deliveries_alert_channel"),
    Index("ix_alert_deliveries_status_next", "status", "next_attempt_at"),
)


# Feeds followed by `tracker feeds` (0006): polled at their interval, with conditional GET (etag,
# last_modified) and, after a failure, exponential back-off (failures, next_poll_at, last_error).
feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("title", Text),
    Column("interval_seconds", Integer, nullable=False),
    Column("added_at", DateTime, nullable=False),  # UTC, naive (as every time below)
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled_at", DateTime),  # the last attempt, good or bad
    Column("last_ok_at", DateTime),
    Column("next_poll_at", DateTime, nullable=False),
    Column("failures", Integer, nullable=False, server_default="0"),  # in a row; 0 once a poll works
    Column("last_error", Text, nullable=False, server_default=""),
)

# Every page the tracker was asked to read (a feed's item or `tracker fetch URL`), keyed by its URL
# so that nothing is fetched twice; a page that failed waits for next_attempt_at (back-off) (0006).
web_pages = Table(
    "web_pages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="SET NULL")),  # the first feed that listed it
    Column("title", Text),  # the feed item's title, until the page is read
    Column("entry_published", Date),  # the feed item's date: the article's date when the page has none
    Column("state", String(12), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="SET NULL")),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("attempts", Integer, nullable=False, server_default="0"),  # failed attempts in a row
    Column("last_error", Text, nullable=False, server_default=""),
    Column("first_seen_at", DateTime, nullable=False),
    Column("fetched_at", DateTime),
    Column("next_attempt_at", DateTime),  # None once read (or given up)
    CheckConstraint("state IN ('pending', 'stored', 'duplicate', 'failed', 'given-up')", name="known_state"),
    Index("ix_web_pages_next_attempt_at", "next_attempt_at"),
)

# The items each feed listed (GUID, else link), so an item seen once is never looked at again (0006).
feed_entries = Table(
    "feed_entries",
    metadata,
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True),
    Column("entry_key", Text, primary_key=True),
    Column("page_id", Integer, ForeignKey("web_pages.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("seen_at", DateTime, nullable=False),
)
