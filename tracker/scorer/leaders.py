"""Leaders with their terms of office: a person named in an article stands for a country only in office.

``data/leaders.csv`` holds one row per term (a person with two offices or two terms has two rows).
``data/leaders_petrarch.csv`` (derived from PETRARCH2's country actors by tools/petrarch_actors.py)
is read after it: a person or surname of ours leaves the derived one out (ours is newer).
A name read in an article is looked up at the article's date: inside a term the person is an
*actor* of that country; outside every term the person is *former* (the country is still known,
for the reader, but a former leader does not speak for the state, so it forms no pair).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import NamedTuple

from tracker.scorer.countries import strip_accents
from tracker.scorer.setup_cache import cache_dir, cached

OURS = "leaders.csv"
DERIVED = {"leaders_petrarch.csv": "PETRARCH"}  # file -> source named in the details


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
    # A derived source knows nothing after this day (later terms, returns to office): the name then reads as no one.
    known_until: date | None = None
    source: str = OURS

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end) and not self.unknown_on(day)

    def unknown_on(self, day: date) -> bool:
        """Whether the source cannot say what the person is that day (it ends before)."""
        return self.known_until is not None and day > self.known_until

    @property
    def term(self) -> str:
        end = self.end.isoformat() if self.end else ""
        if self.known_until is not None and self.end is None:
            end = f"(in office on {self.known_until.isoformat()})"
        return f"{self.start.isoformat()}..{end}"

    @property
    def variants(self) -> tuple[str, ...]:
        """Every written form: the name, its aliases and its surnames."""
        return (self.name, *self.aliases, *self.surnames)

    def describe(self) -> str:
        """'Donald Trump, president of USA 2017-01-20..2021-01-20' (what Mention.detail shows)."""
        origin = "" if self.source == OURS else f" [{self.source}]"
        return f"{self.name}, {self.role} of {self.country} {self.term}{origin}"


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


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip()) if cell else ()


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(cell: str, where: str, column: str) -> date | None:
    cell = cell.strip()
    if not cell:
        return None
    try:
        if not _ISO_DATE.fullmatch(cell):
            raise ValueError(cell)
        return date.fromisoformat(cell)
    except ValueError:
        raise LeadersFileError(f"{where}: {column} {cell!r} is not a date; write YYYY-MM-DD") from None


def read_leaders(text: str, source: str = OURS) -> tuple[LeaderTerm, ...]:
    """Parse leaders.csv text (or a derived table, with its known_until column); rows of one person
    share their aliases and surnames."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    header, *rows = csv.reader(line for _, line in lines)
    column = {name: header.index(name) for name in header}
    until = column.get("known_until")
    raw = []
    for (number, _), row in zip(lines[1:], rows, strict=True):
        where = f"{source} line {number}"
        start = _date(row[column["start"]], where, "start")
        if start is None:
            raise LeadersFileError(f"{where}: start is empty; write YYYY-MM-DD")
        end = _date(row[column["end"]], where, "end")
        if end is not None and end < start:
            raise LeadersFileError(f"{where}: end {end} is before start {start}")
        known_until = _date(row[until], where, "known_until") if until is not None else None
        raw.append((row[column["name"]].strip(), row, start, end, known_until))
    aliases: dict[str, dict[str, None]] = defaultdict(dict)
    surnames: dict[str, dict[str, None]] = defaultdict(dict)
    for name, row, *_ in raw:
        aliases[name].update(dict.fromkeys(_split(row[column["aliases"]])))
        surnames[name].update(dict.fromkeys(_split(row[column["surnames"]])))
    return tuple(
        LeaderTerm(
            name=name,
            country=row[column["country"]].strip().upper(),
            role=row[column["role"]].strip(),
            start=start,
            end=end,
            aliases=tuple(aliases[name]),
            surnames=tuple(surnames[name]),
            alone_ok=row[column["alone_ok"]].strip().lower() in {"yes", "true", "1"},
            known_until=known_until,
            source=source,
        )
        for name, row, start, end, known_until in raw
    )


def _read_data(filename: str, source: str) -> tuple[LeaderTerm, ...]:
    return read_leaders((resources.files("tracker.scorer") / "data" / filename).read_text(encoding="utf-8"), source)


def merge_derived(ours: tuple[LeaderTerm, ...], derived: Iterable[LeaderTerm]) -> list[LeaderTerm]:
    """The derived terms ours leaves room for: none of a person whose name or alias is a form of
    ours, and none of our forms as a derived surname (ours is newer and wins)."""
    # The matcher's folding, imported here: tracker.scorer.mentions imports this module.
    from tracker.scorer.mentions.pieces import phrase_key

    taken = {phrase_key(text) for term in ours for text in term.variants}
    # Folding every derived form costs more than the rest of the set-up: only forms whose last word is
    # the last word of one of ours can fold to one of ours.
    endings = {_last_word(text) for term in ours for text in term.variants}

    def is_ours(text: str) -> bool:
        return _last_word(text) in endings and phrase_key(text) in taken

    kept = []
    for term in derived:
        if any(is_ours(text) for text in (term.name, *term.aliases)):
            continue
        surnames = tuple(text for text in term.surnames if not is_ours(text))
        kept.append(term if surnames == term.surnames else replace(term, surnames=surnames))
    return kept


def _last_word(text: str) -> str:
    """The last word, cased and accented loosely ("Karzaï" and "KARZAI" give "karzai")."""
    return strip_accents(re.split(r"[\s'’.-]+", text.strip(" .").casefold())[-1])


@cache
def load_leaders() -> tuple[LeaderTerm, ...]:
    """Our table, then the derived ones where ours leaves room; read once per process, and kept in
    the set-up cache (the derived table has thousands of rows)."""
    if cache_dir() is None:
        return _merged_table()
    return tuple(_from_plain(row) for row in cached("leaders", [], lambda: [_to_plain(t) for t in _merged_table()]))


def _merged_table() -> tuple[LeaderTerm, ...]:
    ours = _read_data(OURS, OURS)
    derived = [term for filename, source in DERIVED.items() for term in _read_data(filename, source)]
    return (*ours, *merge_derived(ours, derived))


def _to_plain(term: LeaderTerm) -> tuple:
    """A term as plain data for the set-up cache (dates as ISO text)."""
    days = (term.start, term.end, term.known_until)
    return (term.name, term.country, term.role, *(d.isoformat() if d else "" for d in days),
            term.aliases, term.surnames, term.alone_ok, term.source)


def _from_plain(row: tuple) -> LeaderTerm:
    name, country, role, start, end, known_until, aliases, surnames, alone_ok, source = row
    return LeaderTerm(name, country, role, date.fromisoformat(start), date.fromisoformat(end) if end else None,
                      tuple(aliases), tuple(surnames), alone_ok,
                      date.fromisoformat(known_until) if known_until else None, source)


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
    if not terms or any(t.unknown_on(day) for t in terms):
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


@cache
def _untitled_forms() -> tuple[tuple[str, str], ...]:
    """(case-folded form, person) of the forms that name someone without a title."""
    return tuple((form.text.casefold(), form.person) for form in name_forms() if not form.needs_title)


def term_start(phrase: str, lang: str, published: date) -> date | None:
    """The day a "since X took office" phrase points to: the start of X's term in force at `published`.

    What the dates stage calls for "depuis"/"since" phrases that hold no date of their own; None when
    the phrase names no leader of the table or no start of a term.
    """
    if not _TERM_START.search(phrase):
        return None
    folded = phrase.casefold()
    for text, person in _untitled_forms():
        if text not in folded or not re.search(rf"(?<!\w){re.escape(text)}(?!\w)", folded):
            continue
        reading = resolve_person(person, published)
        if reading is not None:
            return reading.term.start
    return None
