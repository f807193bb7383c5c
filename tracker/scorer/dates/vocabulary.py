"""The words dates are read with, loaded once from the data files.

``data/date_words.tsv``: month, weekday and season names and number words, with their values.
``data/date_phrases.tsv``: fixed relative phrases ("hier", "last week") and how to resolve them.
``data/date_context.tsv``: the words around an expression (prepositions, tense markers, clause words,
participles, publication labels), as regular-expression alternatives in the order they are tried.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

LANGS = ("fr", "en")


@dataclass(frozen=True)
class Phrase:
    """A fixed relative phrase of ``date_phrases.tsv``."""

    anchor: str  # day | week | this_week | month | year | weekend | recent | previous (a day before the sentence's other day)
    offset: int
    precision: str
    note: str
    ahead: bool = False  # looks ahead ("demain", "next week", "by the end of the year")


@dataclass
class Vocabulary:
    """The words of ``date_words.tsv`` and ``date_phrases.tsv``: lang -> word as written -> value."""

    months: dict[str, dict[str, int]] = field(default_factory=dict)
    full_months: dict[str, list[str]] = field(default_factory=dict)  # months that may stand alone
    weekdays: dict[str, dict[str, int]] = field(default_factory=dict)  # 0 = Monday
    seasons: dict[str, dict[str, int]] = field(default_factory=dict)  # word -> the month it starts in
    numbers: dict[str, dict[str, int]] = field(default_factory=dict)
    approx_numbers: dict[str, dict[str, int]] = field(default_factory=dict)
    vague_numbers: dict[str, dict[str, int]] = field(default_factory=dict)
    phrases: dict[str, dict[str, Phrase]] = field(default_factory=dict)  # phrase_key() -> phrase


def _data_lines(name: str) -> list[str]:
    text = resources.files("tracker.scorer").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_data_lines(name), delimiter="\t"))


def phrase_key(text: str) -> str:
    """The form a phrase is looked up in: no case, one kind of apostrophe, spaces for hyphens."""
    text = text.casefold().replace("’", "'")
    return re.sub(r"[\s\-‐‑]+", " ", text).strip()


@cache
def vocabulary() -> Vocabulary:
    vocab = Vocabulary()
    word_tables = {"month": vocab.months, "weekday": vocab.weekdays, "season": vocab.seasons,
                   "number": vocab.numbers, "approx_number": vocab.approx_numbers,
                   "vague_number": vocab.vague_numbers}
    for lang in LANGS:
        for table in word_tables.values():
            table[lang] = {}
        vocab.full_months[lang] = []
        vocab.phrases[lang] = {}
    for row in _rows("date_words.tsv"):
        lang, word = row["lang"], row["word"]
        word_tables[row["kind"]][lang][word] = int(row["value"])
        if row["kind"] == "month" and row.get("form") == "full":
            vocab.full_months[lang].append(word)
    for row in _rows("date_phrases.tsv"):
        vocab.phrases[row["lang"]][phrase_key(row["phrase"])] = Phrase(
            row["anchor"], int(row["offset"]), row["precision"], row["note"], row.get("ahead") == "yes"
        )
    return vocab


def lookup(table: dict[str, int], word: str) -> int | None:
    """Case- and spacing-insensitive lookup ("Dix sept" finds "dix-sept")."""
    wanted = phrase_key(word)
    for known, value in table.items():
        if phrase_key(known) == wanted:
            return value
    return None


def is_date_word(word: str) -> bool:
    """A weekday, month or season name of either language."""
    vocab = vocabulary()
    key = phrase_key(word)
    return any(key == phrase_key(known) for lang in LANGS
               for table in (vocab.weekdays, vocab.months, vocab.seasons) for known in table[lang])


# ----------------------------------------------------------------------------------------------
# date_context.tsv: named lists of regex alternatives


@dataclass(frozen=True)
class _ContextEntry:
    lang: str
    entry: str
    value: str


@cache
def _context_lists() -> dict[str, list[_ContextEntry]]:
    lists: dict[str, list[_ContextEntry]] = defaultdict(list)
    lines = _data_lines("date_context.tsv")
    columns = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(columns, line.split("\t"), strict=False))
        lists[row["list"]].append(_ContextEntry(row["lang"], row["entry"], row.get("value", "")))
    return dict(lists)


def context_entries(name: str, lang: str | None = None) -> list[str]:
    """The entries of list ``name`` in file order: of one language (and "*"), or of all when None."""
    entries = _context_lists()[name]
    return [e.entry for e in entries if lang is None or e.lang in (lang, "*")]


def alternatives(name: str, lang: str | None = None) -> str:
    """List ``name`` as the body of a regex alternation ("a|b|c"), in file order."""
    return "|".join(context_entries(name, lang))


def word_set(name: str, lang: str | None = None) -> frozenset[str]:
    return frozenset(context_entries(name, lang))


def context_values(name: str, lang: str | None = None) -> list[tuple[str, str]]:
    """(entry, value) pairs of list ``name`` in file order."""
    return [(e.entry, e.value) for e in _context_lists()[name] if lang is None or e.lang in (lang, "*")]
