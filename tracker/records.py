"""The records passed between pipeline stages, one type per stage boundary.

Article -> Sentence -> Mention / Cue / DateRef -> SentenceReading -> Observation.
Every record that points into the text carries character offsets into ``Article.text``
so that a number on the dashboard can always be traced back to the words behind it.
They are frozen dataclasses: a stage builds new records, it never edits the ones it got.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

# Score scale (docs/architecture.md, "The score"): -10 (alliance, aid) .. +10 (military force); positive = tension.
SCORE_MIN, SCORE_MAX = -10.0, 10.0

PRECISIONS = ("day", "week", "month", "year")


def normalise_text(text: str) -> str:
    """The form an article is hashed in: NFC, no zero-width characters, single spaces, no case."""
    text = unicodedata.normalize("NFC", text).replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"\s+", " ", text).strip().casefold()


def content_hash(text: str) -> str:
    """Key of an article: the same text dropped twice, re-encoded or re-wrapped, is stored once."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One article as read from a file, before any language processing."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None  # "fr", "en", or None to detect
    published: date | None = None
    # How the publication date was found: "header", "text", "html", "json", "feed", "fetched", "file-mtime", "none".
    published_source: str = "none"
    source_path: str | None = None
    is_example: bool = False  # marked in its header as an invented example

    # Kept once computed (the ingest asks for it when it reads the article, when it stores it and when it
    # logs it, and a hash of the whole text costs); it travels with the article to a pool worker and back.
    @cached_property
    def key(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # character offsets into Article.text
    end: int
    text: str
    language: str  # "fr" or "en"


@dataclass(frozen=True)
class Mention:
    """A reference to a country: by name, demonym, capital, institution, person or anaphora."""

    start: int  # character offsets into Article.text
    end: int
    text: str
    country: str  # ISO 3166 alpha-3, e.g. "RUS"
    kind: str  # "name" | "demonym" | "capital" | "institution" | "person" | "anaphora" | "reference"
    # Only "actor" mentions form pairs; "topic", "place", "mediator", "witness", "former" do not.
    role: str = "actor"
    detail: str = ""  # why: e.g. "Vladimir Poutine, president of RUS 2012-05-07.."
    # The target of an act noun named with its agent ("la frappe américaine en Syrie"): offsets into
    # Article.text of the act's words; the target pairs only with the countries named there.
    act_span: tuple[int, int] | None = None
    # A country that only describes a noun ("the US allies", role topic): offsets into Article.text
    # of that noun; a cue on it is no act of the sentence.
    described: tuple[int, int] | None = None
    # What the role rules made of a place (RoleDecision.place_as): "venue", "struck mission", "dateline",
    # "capital"; "" for any other mention.
    place_as: str = ""
    # Named only to describe another (RoleDecision.describes): an actor so named, a partner of the country
    # in an apposition ("la Russie, alliée de la Biélorussie") or the backer of a group ("Rwanda-backed
    # rebels"), is a side of that alone (its act_span runs over both).
    describes: bool = False


@dataclass(frozen=True)
class Setting:
    """The background part of a sentence a cue stands in (cues/clauses.py): "even as their tariff war
    escalated", "qui a ordonné le bombardement ...", "malgré la crise ..."."""

    word: str  # the word opening it ("escalated", "ordonné", "crise")
    start: int  # character offsets into Article.text
    end: int
    # a clause on a noun, or a part inside one ("the border, which Gitega closed after ..."): what a
    # side or an object is or did, not the circumstances of the act
    describes: bool = False


@dataclass(frozen=True)
class Cue:
    """A lexicon phrase found in a sentence, with the weight after its modifiers."""

    start: int  # character offsets into Article.text
    end: int
    text: str
    pattern: str  # the lexicon entry's lemma pattern
    category: str  # e.g. "verbal conflict", "diplomatic cooperation"
    base_weight: float  # the lexicon's weight, on the -10..+10 scale
    weight: float  # after negation, intensifiers and modality
    modifiers: tuple[str, ...] = ()  # human-readable, e.g. ("negation 'ne ... pas': x-0.8",)
    setting: Setting | None = None  # the background part it stands in; None in the main clause


@dataclass(frozen=True)
class DateRef:
    """A date expression of a sentence resolved against the publication date."""

    value: date
    precision: str  # one of PRECISIONS
    expression: str  # the raw words, e.g. "mercredi", "il y a six ans"; "" for the publication date
    start: int | None = None  # character offsets into Article.text, None for the publication date
    end: int | None = None
    # False when the expression belongs to another clause (a war's start, "since ...") and so does
    # not date the sentence's event.
    dates_event: bool = True
    note: str = ""


@dataclass(frozen=True)
class Observation:
    """One pair's reading of one sentence: what the dashboard plots."""

    pair: tuple[str, str]  # ISO alpha-3, sorted
    sentence_index: int
    event_date: date
    precision: str
    date_expression: str
    cues: tuple[Cue, ...]
    score: float  # -10..+10, positive = tension

    @property
    def pair_code(self) -> str:
        return "-".join(self.pair)


@dataclass(frozen=True)
class SetAside:
    """A pair of countries named in a sentence that the sentence's act does not relate, and why."""

    pair: tuple[str, str]  # ISO alpha-3, sorted
    reason: str  # e.g. "named together on one side (Chile / Peru); the other side: ARG"


@dataclass(frozen=True)
class SentenceReading:
    """Everything the scorer saw in one sentence; what `tracker explain` prints."""

    sentence: Sentence
    mentions: tuple[Mention, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    cues: tuple[Cue, ...] = ()
    dates: tuple[DateRef, ...] = ()
    observations: tuple[Observation, ...] = ()
    set_aside: tuple[SetAside, ...] = ()  # pairs of its countries that are no pair of its act


@dataclass(frozen=True)
class ScoredArticle:
    """The scorer's output for one article, ready to be stored."""

    article: Article
    published: date  # the date relative expressions were resolved against
    main_pair: tuple[str, str] | None  # what "les deux pays" / "both countries" refers to
    readings: tuple[SentenceReading, ...] = field(default_factory=tuple)
    # How `published` was found: the Article's own source, or "text" when read in the article's words.
    published_source: str = ""

    @property
    def observations(self) -> list[Observation]:
        return [o for r in self.readings for o in r.observations]


def make_pair(a: str, b: str) -> tuple[str, str]:
    """A pair is unordered: RUS-USA and USA-RUS are the same pair."""
    return (a, b) if a <= b else (b, a)
