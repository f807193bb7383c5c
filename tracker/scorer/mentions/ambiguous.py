"""Forms two countries share ("Congo", "congolais", "Congolese"), read from the article's context.

data/ambiguous.tsv names, per group of competing countries, the ambiguous forms with the reading each
language's news usually means, and the words that point to one country ("Kinshasa", "RDC",
"Tshisekedi" -> COD; "Brazzaville", "Sassou Nguesso" -> COG). The whole article is read for them
before its sentences (a plain text search, no parse): the country named more often wins, a tie or
silence leaves the language's usual reading.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from tracker.scorer.mentions.pieces import phrase_key
from tracker.scorer.mentions.wordlists import data_rows, split_cell

FILE = "ambiguous.tsv"


@dataclass(frozen=True)
class Reading:
    """What an ambiguous form means in one article, and why (shown by `tracker explain`)."""

    code: str
    why: str


Readings = dict[str, Reading]  # group -> the article's reading


@cache
def ambiguous_forms(lang: str) -> dict[str, tuple[str, str]]:
    """Folded form -> (group, the language's usual reading)."""
    return {
        phrase_key(form): (row["group"], row["code"])
        for row in data_rows(FILE)
        if row["kind"] in ("name", "demonym") and row["lang"] in (lang, "any")
        for form in split_cell(row["forms"])
    }


@cache
def ambiguous_demonyms(lang: str) -> tuple[tuple[str, str], ...]:
    """(usual code, form) of the ambiguous demonyms of a language, for the mention index."""
    return tuple((row["code"], form) for row in data_rows(FILE)
                 if row["kind"] == "demonym" and row["lang"] in (lang, "any") for form in split_cell(row["forms"]))


@cache
def _context_patterns() -> dict[str, dict[str, re.Pattern[str]]]:
    """group -> code -> one pattern matching any of its context words."""
    words: dict[str, dict[str, list[str]]] = {}
    for row in data_rows(FILE):
        if row["kind"] == "context":
            words.setdefault(row["group"], {}).setdefault(row["code"], []).extend(split_cell(row["forms"]))
    return {
        group: {code: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(found, key=len, reverse=True)))
                                 + r")(?!\w)") for code, found in codes.items()}
        for group, codes in words.items()
    }


def read_context(text: str) -> Readings:
    """The reading of each group the article's words decide (groups left undecided are absent)."""
    readings: Readings = {}
    for group, patterns in _context_patterns().items():
        counts: Counter[str] = Counter()
        first: dict[str, str] = {}
        for code, pattern in patterns.items():
            found = pattern.findall(text)
            if found:
                counts[code] = len(found)
                first[code] = found[0]
        ranked = counts.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            code = ranked[0][0]
            readings[group] = Reading(code, f"the article names '{first[code]}'")
    return readings


def resolve(form: str, code: str, lang: str, readings: Readings | None) -> tuple[str, str]:
    """The country an entry's form means here, and a note ("" for an unambiguous form)."""
    found = ambiguous_forms(lang).get(phrase_key(form))
    if found is None:
        return code, ""
    group, usual = found
    reading = (readings or {}).get(group)
    if reading is not None:
        return reading.code, f"'{form}' read as {reading.code}: {reading.why}"
    return usual, f"'{form}' read as {usual}: nothing in the article tells, the usual reading in {lang} news"
