"""Turn PETRARCH2's country actors into leader terms: tracker/scorer/data/leaders_petrarch.csv.

    python tools/petrarch_actors.py [--source /work/shared/resources/petrarch2] [--out PATH]

Source: Phoenix.Countries.actors.txt of the PETRARCH2 event coder (MIT, Open Event Data; its format:
dictionaries.rst beside it). Each record is a primary phrase, synonyms ("+PHRASE") and date
restrictions ("[AFGGOV 20041207-20091119]", "[FRAGOV >120515]", "[AFGELI]"); names are
UPPER_CASE_WORDS_, dates YYYYMMDD or YYMMDD (two-digit years below 30 are 20xx).

A record becomes a person of our table with one row per term of office, in the columns of
leaders.csv and one more, known_until: the last date the source records for the person's country.
The source knows nothing after it (it ends around 2011-2014: later terms, returns to office and
the end of a term still open, "[FRAGOV >120515]", are missing), so the leader lookup then reads
the name as no one rather than as a former leader. Kept, by general rules only:
- terms with a code <country>GOV plus a sector of the office list of petrarch_actor_words.tsv (no
  sector: the government's heads and ministers; MIL: defence), a country that is an ISO alpha-3 code
  and a known start ("<date" restrictions and dateless defaults are dropped: dates matter here);
- as full names (always matched): phrases of two name words or more (particles such as "al", "de"
  not counted) with no title or description word (petrarch_actor_words.tsv not_name, our roles.tsv
  title and former lists, a demonym or country name), that are not a place or phrase of our country
  index, not made only of common words (English word frequency, French word forms) and not only of
  frequent given names (words found in the names of NAME_PART_MAX_PEOPLE people or more);
- as surnames (matched only after a title: alone_ok is always "no"): the record's one-word synonyms
  and the last word of its name (not where the family name may come first: family_first), when
  not a common word, a frequent given name, a place, nor a name word of another person;
- people whose name or alias is also one of our leaders.csv (ours is newer and wins), or whose
  terms or written forms belong to several countries, are left out.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry
from spacy.lookups import load_language_data
from spacy.util import registry

import tracker.scorer
from tracker.scorer.countries import strip_accents
from tracker.scorer.cues.keys import lemma_tables
from tracker.scorer.leaders import LeaderTerm, read_leaders
from tracker.scorer.mentions.gazetteer import LANGS, mention_index
from tracker.scorer.mentions.pieces import phrase_key
from tracker.scorer.mentions.wordlists import role_words

TOOLS = Path(__file__).resolve().parent
DATA_DIR = Path(tracker.scorer.__file__).resolve().parent / "data"
DEFAULT_SOURCE = Path("/work/shared/resources/petrarch2")
ACTORS_FILE = "Phoenix.Countries.actors.txt"
DEFAULT_OUT = DATA_DIR / "leaders_petrarch.csv"
OURS = DATA_DIR / "leaders.csv"
WORDS_FILE = TOOLS / "petrarch_actor_words.tsv"
COLUMNS = ("country", "role", "name", "aliases", "surnames", "alone_ok", "start", "end", "known_until")

# A word at least this frequent in English (natural log of its share of words) is a common word:
# "rice" -11.1, "bush" -11.7, "moon" -10.6; given names are rarer ("john" -13.0, "ali" -14.0).
COMMON_WORD_MIN_LOGPROB = -12.0
# A word found in the names of this many people of the source or more is a frequent given name
# ("mohammad", "abdul", "ali", "john"): a name made only of such words names no one in particular.
NAME_PART_MAX_PEOPLE = 25
SURNAME_MAX_RECORDS = 2
SURNAME_MIN_LETTERS = 3  # "JFK", "FDR" are no surnames
_NAME_CHARACTERS = re.compile(r"[^\W\d]+(?:[_ '.-]+[^\W\d]*)*_?")  # letters and joiners: no "(1ST_TIME", "3D"
_RESTRICTION = re.compile(r"\[\s*([A-Z]{3}[A-Z]*)\s*([^\]]*)\]")
_DATES = re.compile(r"^(?:(?P<before><)(?P<b>\d+)|(?P<after>>)(?P<a>\d+)|(?P<s>\d+)\s*-\s*(?P<e>\d+)|)$")


# --------------------------------------------------------------------------- reading the actors file


@dataclass
class Restriction:
    code: str  # "AFGGOV", "FRAGOVMIL"
    start: date | None  # None: no start known ("<date" or a dateless default)
    end: date | None  # None: open (">date") or a dateless default
    dated: bool  # False for a default ("[AFGELI]")


@dataclass
class Actor:
    line: int
    phrases: list[str] = field(default_factory=list)  # primary first, as written ("HAMID_KARZAI_")
    restrictions: list[Restriction] = field(default_factory=list)


def parse_date(text: str) -> date | None:
    """'20041207' or '041207' (two-digit years below 30 are 20xx); None if not a date."""
    try:
        if len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6:
            year = int(text[:2])
            return date(year + (2000 if year < 30 else 1900), int(text[2:4]), int(text[4:]))
    except ValueError:
        return None
    return None


def parse_restriction(code: str, spec: str) -> Restriction | None:
    """One '[CODE dates]' restriction; None when its dates cannot be read."""
    found = _DATES.match(spec.strip())
    if found is None:
        return None
    if found["before"]:
        return Restriction(code, None, parse_date(found["b"]), True)
    if found["after"]:
        start = parse_date(found["a"])
        return Restriction(code, start, None, True) if start else None
    if found["s"]:
        start, end = parse_date(found["s"]), parse_date(found["e"])
        return Restriction(code, start, end, True) if start and end and start <= end else None
    return Restriction(code, None, None, False)


def read_actors(path: Path) -> list[Actor]:
    """The records of a PETRARCH actors file, in file order."""
    actors: list[Actor] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        text = re.split(r"[#;]", raw, maxsplit=1)[0]
        if not text.strip():
            continue
        if raw[:1].isspace() and actors:
            for code, spec in _RESTRICTION.findall(text):
                restriction = parse_restriction(code, spec)
                if restriction is not None:
                    actors[-1].restrictions.append(restriction)
            continue
        phrase = _RESTRICTION.sub("", text).strip()
        if text.lstrip().startswith("+") and actors:
            actors[-1].phrases.append(phrase.lstrip("+").strip())
        else:
            actors.append(Actor(number, [phrase]))
    return actors


# --------------------------------------------------------------------------- words and names


def _read_words(path: Path) -> dict[str, dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    lists: dict[str, dict[str, str]] = defaultdict(dict)
    for row in csv.DictReader(lines, delimiter="\t"):
        lists[row["kind"]][(row["word"] or "").strip()] = (row["value"] or "").strip()
    return lists


class Words:
    """What a name word is: a particle, a title, a common word, a place, a frequent given name."""

    def __init__(self, words_file: Path = WORDS_FILE) -> None:
        lists = _read_words(words_file)
        self.offices = lists["office"]
        self.particles = set(lists["particle"])
        self.not_name = set(lists["not_name"])
        self.family_first = set(lists["family_first"])
        for lang in LANGS:
            for listname in ("title", "former"):
                self.not_name.update(key for key in role_words(lang).get(listname, ()) if " " not in key)
        self.english_prob = dict(load_language_data(registry.lookups.get("en")["lexeme_prob"]))
        french = lemma_tables("fr").get("lemma_lookup", {})  # inflected form -> lemma(s), from the set-up cache
        self.french_words = {strip_accents(str(lemma)).casefold() for lemmas in french.values() for lemma in _as_list(lemmas)}
        self.places: set[str] = set()
        self.countries: set[str] = set()
        for lang in LANGS:
            for key, entries in mention_index(lang).entries.items():
                kinds = {entry.kind for entry in entries} - {"person"}
                if kinds:
                    self.places.add(key)
                if kinds & {"name", "demonym", "prefix"}:
                    self.countries.add(key)
        self.given_names: set[str] = set()

    def is_common(self, word: str) -> bool:
        return float(self.english_prob.get(word, -20.0)) >= COMMON_WORD_MIN_LOGPROB or word in self.french_words

    def core(self, words: list[str]) -> list[str]:
        """The words that make a name (particles and initials left out)."""
        return [w for w in words if w not in self.particles and len(w.rstrip(".")) > 1]

    def is_name_words(self, words: list[str]) -> bool:
        """No title, description or country word among them."""
        return bool(words) and not any(w.rstrip(".") in self.not_name or w in self.countries for w in words)

    def full_name_ok(self, key: str) -> bool:
        core = self.core(key.split())
        return (len(core) >= 2 and key not in self.places and not all(self.is_common(w) for w in core)
                and not all(w in self.given_names for w in core))

    def surname_ok(self, key: str) -> bool:
        return len(key) > SURNAME_MIN_LETTERS and key not in self.given_names and key not in self.places and not self.is_common(key)


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else [value]


def name_words(phrase: str) -> list[str]:
    """'HAMID_KARZAI_' -> ['hamid', 'karzai'] (folded as our matcher folds)."""
    return phrase_key(phrase.replace("_", " ")).split()


def written_form(phrase: str, particles: set[str]) -> str:
    """'BASHAR_AL-ASSAD_' -> 'Bashar al-Assad', "VALERY_GISCARD_D'ESTAING_" -> "Valery Giscard d'Estaing"."""

    def case(part: str) -> str:
        low = part.lower()
        return low if low in particles else low[:1].upper() + low[1:]

    def word(text: str) -> str:
        return "'".join(case(part) for part in re.split(r"'", "-".join(case(p) for p in text.split("-"))))

    return " ".join(word(w) for w in phrase.replace("_", " ").split())


def name_word_records(actors: list[Actor]) -> Counter[str]:
    """How many records of the source have each word in their names."""
    counts: Counter[str] = Counter()
    for actor in actors:
        counts.update({w for phrase in actor.phrases for w in name_words(phrase)})
    return counts


# --------------------------------------------------------------------------- people and terms


@dataclass(frozen=True)
class Term:
    country: str
    role: str
    start: date
    end: date | None  # None: still open in the source


@dataclass
class Person:
    country: str
    names: dict[str, str] = field(default_factory=dict)  # folded key -> written form, first = the name
    surnames: dict[str, str] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)


def office_terms(actor: Actor, offices: dict[str, str]) -> list[Term]:
    """The record's dated terms in a kept office of a real country."""
    terms = []
    for restriction in actor.restrictions:
        code, start = restriction.code, restriction.start
        if start is None or code[3:6] != "GOV" or code[6:] not in offices:
            continue
        if pycountry.countries.get(alpha_3=code[:3]) is None:
            continue
        terms.append(Term(code[:3], offices[code[6:]], start, restriction.end))
    return terms


def horizons(actors: Iterable[Actor]) -> dict[str, date]:
    """The last date the source records for each country: an open term is vouched for up to it."""
    last: dict[str, date] = {}
    for actor in actors:
        for restriction in actor.restrictions:
            for day in (restriction.start, restriction.end):
                if day is not None and day > last.get(restriction.code[:3], date.min):
                    last[restriction.code[:3]] = day
    return last


def merge_terms(terms: Iterable[Term]) -> list[Term]:
    """Overlapping terms of one office become one (the source often lists a term twice)."""
    merged: list[Term] = []
    for term in sorted(set(terms), key=lambda t: (t.role, t.start)):
        last = merged[-1] if merged else None
        if last is not None and last.role == term.role and (last.end is None or term.start <= last.end):
            end = None if last.end is None or term.end is None else max(last.end, term.end)
            merged[-1] = Term(last.country, last.role, last.start, end)
        else:
            merged.append(term)
    return sorted(merged, key=lambda t: t.start)


def our_keys(terms: Iterable[LeaderTerm]) -> set[str]:
    """Every written form of our table, folded: a PETRARCH person or surname with one is left out."""
    return {phrase_key(text) for term in terms for text in term.variants}


def _phrase_keys(actor: Actor, words: Words) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(key, written form) of the record's full names and of its one-word surnames."""
    full, short = [], []
    for phrase in actor.phrases:
        folded = name_words(phrase)
        if not _NAME_CHARACTERS.fullmatch(phrase) or not words.is_name_words(folded):
            continue
        key, form = " ".join(folded), written_form(phrase, words.particles)
        if len(words.core(folded)) >= 2:
            full.append((key, form))
        elif len(folded) == 1:
            short.append((key, form))
    return full, short


def select_people(actors: list[Actor], words: Words, ours: set[str]) -> list[Person]:
    """The people worth a row, merged when two records of one country share a name."""
    records = name_word_records(actors)
    words.given_names = {word for word, count in records.items() if count >= NAME_PART_MAX_PEOPLE}
    countries_of: dict[str, set[str]] = defaultdict(set)  # written key -> countries of its records
    for actor in actors:
        codes = {r.code[:3] for r in actor.restrictions}
        for phrase in actor.phrases:
            countries_of[" ".join(name_words(phrase))].update(codes)
    people: dict[str, Person] = {}  # full-name key -> person
    for actor in actors:
        terms = office_terms(actor, words.offices)
        if not terms or len({t.country for t in terms}) > 1:
            continue
        full, short = _phrase_keys(actor, words)
        if any(key in ours for key, _ in full):
            continue  # ours has this person
        country = terms[0].country
        full = [(k, f) for k, f in full if words.full_name_ok(k) and countries_of[k] <= {country}]
        if not full:
            continue
        person = next((people[k] for k, _ in full if k in people), None) or Person(country)
        for key, form in full:
            person.names.setdefault(key, form)
            people.setdefault(key, person)
        if country not in words.family_first:  # "Wen Jiabao", but "Antony Leung": no safe guess
            short += [surname_of(key, form) for key, form in full[:1]]
        for key, form in short:
            if words.surname_ok(key) and countries_of[key] <= {country} and key not in ours:
                person.surnames.setdefault(key, form)
        person.terms.extend(terms)
    unique = list({id(p): p for p in people.values()}.values())
    _drop_shared_surnames(unique, records)
    return sorted(unique, key=lambda p: (p.country, min(t.start for t in p.terms), next(iter(p.names))))


def surname_of(key: str, form: str) -> tuple[str, str]:
    """A name's family name: its last word, particles left out ("Nuri al Maliki" -> "Maliki")."""
    return key.split()[-1], form.split()[-1]


def _drop_shared_surnames(people: list[Person], records: Counter[str]) -> None:
    """A surname that is a name word of two people kept, or of more than SURNAME_MAX_RECORDS records
    of the source (a person often has two), names none of them alone."""
    owners: Counter[str] = Counter()
    for person in people:
        owners.update({w for key in person.names for w in key.split()} | set(person.surnames))
    for person in people:
        person.surnames = {k: f for k, f in person.surnames.items()
                           if owners[k] == 1 and records[k] <= SURNAME_MAX_RECORDS}


# --------------------------------------------------------------------------- writing


def rows(people: Iterable[Person], last_dates: dict[str, date]) -> list[dict[str, str]]:
    out = []
    for person in people:
        forms = list(person.names.values())
        for number, term in enumerate(merge_terms(person.terms)):
            out.append({
                "country": term.country, "role": term.role, "name": forms[0],
                "aliases": "|".join(forms[1:]) if number == 0 else "",
                "surnames": "|".join(person.surnames.values()) if number == 0 else "",
                "alone_ok": "no", "start": term.start.isoformat(),
                "end": term.end.isoformat() if term.end else "",
                "known_until": max(term.start, last_dates[term.country]).isoformat(),
            })
    return out


HEADER = """\
# Leaders' terms derived from the country actors of the PETRARCH2 event coder
# (openeventdata/petrarch2, petrarch2/data/dictionaries/Phoenix.Countries.actors.txt, commit 676801cd9cb2)
# by tools/petrarch_actors.py: do not edit by hand, change the tool or its word lists and run it again.
# Columns as leaders.csv, which is loaded first and wins: a person or surname it has is left out here.
# role: "government" (PETRARCH <country>GOV: heads of state and government, ministers) or "defence" (GOVMIL).
# Full names always match; surnames only after a title (alone_ok is always no). known_until: the last
# day the source records for the country; after it the source knows nothing of the person (later
# terms, the end of an open term), so the name reads as no one, neither in office nor former.
#
# The source dictionaries carry this licence, which applies to the rows below:
#
"""


def write(table: list[dict[str, str]], out: Path, licence: str) -> None:
    notice = "".join(f"# {line}".rstrip() + "\n" for line in licence.strip().splitlines())
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER + notice + "#\n")
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def convert(source: Path, out: Path, ours_file: Path = OURS) -> list[dict[str, str]]:
    actors = read_actors(source / ACTORS_FILE)
    ours = our_keys(read_leaders(ours_file.read_text(encoding="utf-8")))
    table = rows(select_people(actors, Words(), ours), horizons(actors))
    write(table, out, (source / "LICENSE").read_text(encoding="utf-8"))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of the PETRARCH2 dictionaries")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    table = convert(args.source, args.out)
    people = len({(row["country"], row["name"]) for row in table})
    print(f"{len(table)} terms of {people} people -> {args.out}")


if __name__ == "__main__":
    main()
