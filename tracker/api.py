"""The Python API for notebooks: ``db = tracker.open("tracker.db")``, then DataFrames.

Every method reads through the store's one read path (tracker/store/queries.py for the numbers,
evidence.py for the sentences and articles behind them), so a notebook shows the numbers
``tracker timeline``, ``tracker export`` and the dashboard show. The columns of each DataFrame are
listed in docs/api.md and in each method's docstring.

Dates may be given as ``datetime.date``, ``datetime``, ``pandas.Timestamp`` or 'YYYY-MM-DD' text;
pairs as codes in either order ('RUS-USA', 'usa-rus', ('USA', 'RUS')) or names in French or English
('Russie-États-Unis'), as on the command line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, TypeGuard

import pandas as pd

from tracker.records import Article, Cue, ScoredArticle, make_pair
from tracker.store import evidence, queries
from tracker.store.writer import JOIN, open_store

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from tracker.scorer.lexicon import Lexicon

DayLike: TypeAlias = date | datetime | pd.Timestamp | str | None
PairLike: TypeAlias = str | tuple[str, str]

SENTENCE_COLUMNS = [
    "observation_id", "article_id", "sentence_index", "pair", "event_date", "precision", "date_expression",
    "score", "sentence", "cues", "cue_phrases", "title", "outlet", "url", "published",
]
SCORED_COLUMNS = [
    "sentence_index", "sentence", "language", "pair", "event_date", "precision", "date_expression", "score",
    "cues", "cue_phrases", "published",
]
# The keys of each cue dict in the ``cues`` column of sentences() and score_text().
CUE_KEYS = ["text", "pattern", "category", "base_weight", "weight", "modifiers", "start_char", "end_char"]


def day(value: DayLike) -> date | None:
    """A date from a date, datetime, Timestamp or 'YYYY-MM-DD' text (None stays None)."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise ValueError(f"cannot read the date {value!r}: use YYYY-MM-DD") from None
    if isinstance(value, datetime):  # pd.Timestamp is a datetime
        return value.date()
    return value


def is_code_pair(value: object) -> TypeGuard[tuple[str, str]]:
    """('USA', 'RUS'): one pair as a tuple of two ISO codes (not a tuple of pairs)."""
    return (isinstance(value, tuple) and len(value) == 2
            and all(isinstance(c, str) and len(c) == 3 and c.isalpha() for c in value))


def pair_of(pair: PairLike) -> str:
    """'RUS-USA' for 'usa-rus', ('USA', 'RUS') or 'Russie-États-Unis'; ValueError saying why otherwise."""
    if isinstance(pair, tuple):
        if not is_code_pair(pair):
            raise ValueError(f"a pair as a tuple is two ISO alpha-3 codes, like ('RUS', 'USA'), not {pair!r}; "
                             "give several pairs as a list")
        return queries.pair_code(pair)
    from tracker.scorer.countries import parse_pair

    return "-".join(make_pair(*parse_pair(pair)))


class TrackerDB:
    """An open tracker database. Use as a context manager, or call close() when done.

    >>> with tracker.open("tracker.db") as db:
    ...     db.timeline("RUS-USA", freq="M")
    """

    def __init__(self, db: str | Path | None = None):
        self._store = open_store(str(db) if db is not None else None)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for queries of your own (the tables: tracker/store/schema.py)."""
        return self._store.engine

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> TrackerDB:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<tracker database {self._store.url}>"

    # ------------------------------------------------------------------------------- the numbers

    def pairs(self) -> pd.DataFrame:
        """Every pair, the busiest first (``tracker pairs``): pair, country_a, country_b, n_obs,
        n_articles, tension (the period formula over all time), first, last (dates)."""
        return queries.pairs_by_volume(self.engine)

    def timeline(self, pairs: PairLike | Sequence[PairLike], freq: str = "W", start: DayLike = None,
                 end: DayLike = None) -> pd.DataFrame:
        """One row per pair and period (``tracker timeline``, the dashboard's points): pair, period
        (Timestamp of the period's first day), tension, n_obs, n_articles, low, high (the 95% band).

        pairs: one pair or a list; freq: 'D', 'W' (weeks from Monday) or 'M'. start and end are
        included; a period cut by them counts only its days inside, as on the dashboard.
        """
        if isinstance(pairs, str) or is_code_pair(pairs):
            codes = [pair_of(pairs)]
        else:
            codes = [pair_of(p) for p in pairs]
        return queries.timeline(self.engine, codes, freq.upper(), day(start), day(end))

    # ----------------------------------------------------------------------- the evidence behind

    def observations(self, pair: PairLike, start: DayLike = None, end: DayLike = None) -> pd.DataFrame:
        """A pair's observations by event date, oldest first: observation_id, article_id, sentence_id,
        sentence_index, pair, event_date, precision, date_expression, score, sentence_text, title,
        outlet, url, published."""
        return queries.pair_observations(self.engine, pair_of(pair), day(start), day(end))

    def sentences(self, pair: PairLike, start: DayLike = None, end: DayLike = None) -> pd.DataFrame:
        """The sentences behind a pair's observations, oldest first, one row per observation:
        observation_id, article_id, sentence_index, pair, event_date, precision, date_expression,
        score, sentence, cues (a list of dicts: CUE_KEYS), cue_phrases ('; '-joined cue texts),
        title, outlet, url, published."""
        code = pair_of(pair)
        first, last = day(start), day(end)
        obs = queries.pair_observations(self.engine, code, first, last)
        found = evidence.pair_cues(self.engine, code, first, last)
        by_obs: dict[int, list[dict]] = {}
        for row in found.itertuples(index=False):
            by_obs.setdefault(int(row.observation_id), []).append(_stored_cue(row))
        obs = obs.rename(columns={"sentence_text": "sentence"})
        obs["cues"] = [by_obs.get(int(i), []) for i in obs["observation_id"]]
        obs["cue_phrases"] = [_phrases(c) for c in obs["cues"]]
        return obs[SENTENCE_COLUMNS]

    def articles(self, pair: PairLike | None = None, start: DayLike = None, end: DayLike = None) -> pd.DataFrame:
        """The articles behind a pair in a range (by event date), or every stored article without a
        pair: article_id, title, outlet, url, published, language, is_example, main_pair, n_obs,
        mean_score (over the article's observations counted, of the pair when given)."""
        code = pair_of(pair) if pair is not None else None
        return evidence.pair_articles(self.engine, code, day(start), day(end))

    # ------------------------------------------------------------------------ scoring, not storing

    def score_text(self, text: str, lang: str | None = None, published: DayLike = None, title: str | None = None,
                   lexicon: Lexicon | None = None) -> pd.DataFrame:
        """Score a text without storing it: one row per observation (SCORED_COLUMNS: sentence_index,
        sentence, language, pair, event_date, precision, date_expression, score, cues, cue_phrases,
        published). ``df.attrs["scored"]`` holds the whole reading (a records.ScoredArticle, what
        ``tracker explain`` prints: every sentence, its mentions, cues and dates).

        lang: 'fr' or 'en' (None: detected). published: the date relative expressions are read
        against; None: a date written in the text ("Première publication : 12/04/2017"), else today.
        Loads the spaCy models on first use (a few seconds).
        """
        return score_text(text, lang=lang, published=published, title=title, lexicon=lexicon)


def score_text(text: str, lang: str | None = None, published: DayLike = None, title: str | None = None,
               lexicon: Lexicon | None = None) -> pd.DataFrame:
    """TrackerDB.score_text without a database (it reads none)."""
    from tracker.scorer import pipeline

    given = day(published)
    # Without a date, today is only the fallback: a date found in the text wins (WEAK_DATE_SOURCES).
    article = Article(text=text, title=title, language=lang, published=given or date.today(),
                      published_source="header" if given else "none")
    scored = pipeline.score_article(article, lexicon=lexicon)
    frame = scored_frame(scored)
    frame.attrs["scored"] = scored
    return frame


def scored_frame(scored: ScoredArticle) -> pd.DataFrame:
    """A ScoredArticle's observations as SCORED_COLUMNS rows."""
    rows = []
    for reading in scored.readings:
        for o in reading.observations:
            cues = [_record_cue(c) for c in o.cues]
            rows.append((reading.sentence.index, reading.sentence.text, reading.sentence.language, o.pair_code,
                         pd.Timestamp(o.event_date), o.precision, o.date_expression, o.score, cues,
                         _phrases(cues), pd.Timestamp(scored.published)))
    return pd.DataFrame(rows, columns=SCORED_COLUMNS)


def _record_cue(c: Cue) -> dict:
    return {"text": c.text, "pattern": c.pattern, "category": c.category, "base_weight": c.base_weight,
            "weight": c.weight, "modifiers": list(c.modifiers), "start_char": c.start, "end_char": c.end}


def _stored_cue(row) -> dict:
    modifiers = [m for m in (row.modifiers or "").split(JOIN) if m]
    return {"text": row.text, "pattern": row.pattern, "category": row.category,
            "base_weight": float(row.base_weight), "weight": float(row.weight), "modifiers": modifiers,
            "start_char": int(row.start_char), "end_char": int(row.end_char)}


def _phrases(cues: Iterable[dict]) -> str:
    return "; ".join(c["text"] for c in cues)

