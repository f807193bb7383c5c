"""Leaders with their terms of office: a person named in an article stands for a country only in office.

``data/leaders.csv`` holds one row per term (a person with two offices or two terms has two rows).
A name read in an article is looked up at the article's date: inside a term the person is an
*actor* of that country; outside every term the person is *former* (the country is still known,
for the reader, but a former leader does not speak for the state, so it forms no pair).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import NamedTuple


class LeadersFileError(ValueError):
    """A row of leaders.csv cannot be read: the message names the line and what to fix."""


@dataclass(frozen=True)
class LeaderTerm:
    """One person in one office for one period (end None = still in office)."""

    name: str
    country: str  # ISO alpha-3
    role: str  # e.g. "president", "prime minister", "foreign minister"
    start: date
    end: date | None
    aliases: tuple[str, ...]  # full-name spellings, always matched
    surnames: tuple[str, ...]  # short forms
    alone_ok: bool  # whether a surname alone names this person (else only after a title)

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def term(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat() if self.end else ''}"

    @property
    def variants(self) -> tuple[str, ...]:
        """Every written form: the name, its aliases and its surnames."""
        return (self.name, *self.aliases, *self.surnames)

    def describe(self) -> str:
        """'Donald Trump, president of USA 2017-01-20..2021-01-20' (what Mention.detail shows)."""
        return f"{self.name}, {self.role} of {self.country} {self.term}"


class PersonReading(NamedTuple):
    """What a name means on a given day."""

    country: str
    role: str  # "actor" (in office) or "former"
    detail: str
    term: LeaderTerm


class NameForm(NamedTuple):
    """A written form of a leader's name, for the mentions matcher."""

    text: str
    person: str  # LeaderTerm.name, the key for resolve_person
    needs_title: bool  # a common surname: accepted only after "M.", "Mr", "président"...


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _date(cell: str, line: int, column: str) -> date | None:
    cell = (cell or "").strip()
    if not cell:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
            raise ValueError(cell)
        return date.fromisoformat(cell)
    except ValueError:
        raise LeadersFileError(
            f"leaders.csv line {line}: {column} {cell!r} is not a date; write YYYY-MM-DD"
        ) from None


def read_leaders(text: str) -> tuple[LeaderTerm, ...]:
    """Parse leaders.csv text; rows of one person share their aliases and surnames."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(line for _, line in lines)
    raw = []
    for (number, _), row in zip(lines[1:], reader, strict=True):
        start = _date(row["start"], number, "start")
        if start is None:
            raise LeadersFileError(f"leaders.csv line {number}: start is empty; write YYYY-MM-DD")
        end = _date(row["end"], number, "end")
        if end is not None and end < start:
            raise LeadersFileError(f"leaders.csv line {number}: end {end} is before start {start}")
        raw.append((row, start, end))
    aliases: dict[str, dict[str, None]] = defaultdict(dict)
    surnames: dict[str, dict[str, None]] = defaultdict(dict)
    for row, _, _ in raw:
        aliases[row["name"]].update(dict.fromkeys(_split(row["aliases"])))
        surnames[row["name"]].update(dict.fromkeys(_split(row["surnames"])))
    return tuple(
        LeaderTerm(
            name=row["name"].strip(),
            country=row["country"].strip().upper(),
            role=row["role"].strip(),
            start=start,
            end=end,
            aliases=tuple(aliases[row["name"]]),
            surnames=tuple(surnames[row["name"]]),
            alone_ok=row["alone_ok"].strip().lower() in {"yes", "true", "1"},
        )
        for row, start, end in raw
    )


@cache
def load_leaders() -> tuple[LeaderTerm, ...]:
    """The packaged table, read once per process."""
    return read_leaders((resources.files("tracker.scorer") / "data" / "leaders.csv").read_text(encoding="utf-8"))


@cache
def _terms_by_person() -> dict[str, tuple[LeaderTerm, ...]]:
    grouped: dict[str, list[LeaderTerm]] = defaultdict(list)
    for term in load_leaders():
        grouped[term.name].append(term)
    return {name: tuple(sorted(terms, key=lambda t: t.start)) for name, terms in grouped.items()}


# Offices from highest to lowest: on a day someone holds two (Putin, acting president and prime
# minister in early 2000), the detail names the higher one.
_OFFICE_ORDER = ("supreme leader", "king", "queen", "emperor", "emir", "leader", "general secretary", "president",
                 "chancellor", "crown prince", "prime minister", "premier")


def _office_rank(term: LeaderTerm) -> int:
    role = term.role.lower()
    for rank, office in enumerate(_OFFICE_ORDER):
        if role.startswith(office) or (office == "president" and role == "acting president"):
            return rank
    return len(_OFFICE_ORDER)


def leaders_on(day: date) -> list[LeaderTerm]:
    """Everyone in office on that day (both leaders on a day of handover)."""
    return [term for term in load_leaders() if term.contains(day)]


@cache
def name_forms() -> tuple[NameForm, ...]:
    """Every matchable form of every person; a surname shared by several people appears once per person."""
    forms: dict[tuple[str, str], NameForm] = {}
    for name, terms in _terms_by_person().items():
        first = terms[0]
        alone_ok = any(t.alone_ok for t in terms)
        for text in (name, *first.aliases):
            forms.setdefault((text, name), NameForm(text, name, False))
        for text in first.surnames:
            forms.setdefault((text, name), NameForm(text, name, not alone_ok))
    return tuple(forms.values())


def resolve_person(person: str, day: date) -> PersonReading | None:
    """The person's country and role on that day; None for a name not in the table.

    In office -> "actor", described by the highest office held that day. Out of office -> "former", described by the nearest term so the reader sees why.
    """
    terms = _terms_by_person().get(person)
    if not terms:
        return None
    current = sorted((t for t in terms if t.contains(day)), key=_office_rank)
    if current:
        term = current[0]
        return PersonReading(term.country, "actor", term.describe(), term)
    # Nearest term: the last one ended before the day, else the first one to come.
    past = [t for t in terms if t.end is not None and t.end < day]
    term = past[-1] if past else terms[0]
    return PersonReading(term.country, "former", f"{term.describe()}; not in office on {day.isoformat()}", term)


def resolve_people(people: list[str], day: date) -> PersonReading | None:
    """Several people share a written form ("Clinton", "Assad"): one in office wins, else the nearest."""
    readings = [r for r in (resolve_person(p, day) for p in people) if r is not None]
    if not readings:
        return None
    actors = [r for r in readings if r.role == "actor"]
    if actors:
        return actors[0]
    return max(readings, key=lambda r: r.term.end or date.max)


# Words that make a phrase name the start of a term: "depuis l'arrivée de Donald Trump à la Maison
# Blanche", "since Biden took office". An election is not one of them: it precedes the term by months.
_TERM_START = re.compile(
    r"\barriv(?:ée?|al)\b|investiture|prise de fonctions?|entr[ée]e en fonctions?|accession|took office|"
    r"taking office|inaugurat|came to power|sworn in",
    re.IGNORECASE,
)


def term_start(phrase: str, lang: str, published: date) -> date | None:
    """The day a "since X took office" phrase points to: the start of X's term in force at `published`.

    What the dates stage calls for "depuis"/"since" phrases that hold no date of their own; None when
    the phrase names no leader of the table or no start of a term.
    """
    if not _TERM_START.search(phrase):
        return None
    folded = phrase.casefold()
    for form in name_forms():
        if form.needs_title or form.text.casefold() not in folded:
            continue
        if not re.search(rf"(?<!\w){re.escape(form.text.casefold())}(?!\w)", folded):
            continue
        reading = resolve_person(form.person, published)
        if reading is not None:
            return reading.term.start
    return None
