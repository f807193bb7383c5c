"""The word lists of tracker/scorer/data the role rules read: roles.tsv and grammar_words.tsv.

Each list is loaded once per language and kept as folded keys, so a rule's test is a set lookup.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache
from importlib import resources

from tracker.scorer.mentions.pieces import phrase_key, split_words

# Verb lists whose inflected forms are also accepted by their stem: the small French model's
# lemmatizer often leaves a verb as written ("reproche", "livrait"), so "reproch-" must still count.
STEMMED_LISTS = ("dative", "target", "place_act")


@cache
def data_rows(filename: str) -> tuple[dict[str, str], ...]:
    """The rows of a tab-separated file of tracker/scorer/data, comment lines skipped, cells stripped.

    Read once per process (roles.tsv is read by several lists of both languages); callers only read them."""
    path = resources.files("tracker.scorer") / "data" / filename
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return tuple(
        {column: (cell or "").strip() for column, cell in row.items()}
        for row in csv.DictReader(lines, delimiter="\t")
    )


def split_cell(cell: str) -> list[str]:
    """The choices of a pipe-separated cell: "Moscou|Moscow" -> ["Moscou", "Moscow"]."""
    return [part.strip() for part in cell.split("|") if part.strip()]


@cache
def role_words(lang: str) -> dict[str, frozenset[str]]:
    """The lists of roles.tsv for one language, as folded keys; de/à phrases expanded."""
    lists: dict[str, set[str]] = defaultdict(set)
    for row in data_rows("roles.tsv"):
        if row["lang"] != lang:
            continue
        key = phrase_key(row["phrase"])
        lists[row["list"]].add(key)
        if lang == "fr" and (key.endswith((" de", " a")) or key in {"de", "a"}):
            stem = key.rsplit(" ", 1)[0] + " " if " " in key else ""
            endings = ["du", "des", "d'"] if key.endswith("de") else ["au", "aux"]
            lists[row["list"]].update(stem + ending for ending in endings)
    return {name: frozenset(words) for name, words in lists.items()}


@cache
def last_words(lang: str, listname: str) -> frozenset[str]:
    """The last piece of every phrase of a list: a phrase can end before piece `end` only on one."""
    return frozenset(split_words(key)[-1][0] for key in role_words(lang).get(listname, ()) if key)


@cache
def verb_stems(lang: str) -> dict[str, tuple[str, ...]]:
    """'reprocher' -> 'reproch'; only French infinitives of five letters or more before the ending."""
    if lang != "fr":
        return {}
    words = role_words(lang)
    return {
        name: tuple(
            sorted(
                {
                    word[:-2]
                    for word in words.get(name, ())
                    if " " not in word and word.endswith(("er", "ir", "re")) and len(word) >= 7
                }
            )
        )
        for name in STEMMED_LISTS
    }


@cache
def _grammar_lists() -> dict[tuple[str, str], frozenset[str]]:
    lists: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in data_rows("grammar_words.tsv"):
        word = row["word"]
        if phrase_key(word) != word:
            raise ValueError(f"grammar_words.tsv: {word!r} must be written folded, as {phrase_key(word)!r}")
        lists[row["list"], row["lang"]].add(word)
    return {key: frozenset(words) for key, words in lists.items()}


def grammar_words(listname: str, lang: str = "any") -> frozenset[str]:
    """A list of grammar_words.tsv for `lang` (fr, en, or "any" for the lists read in either)."""
    words = _grammar_lists().get((listname, lang))
    if words is None:
        raise KeyError(f"grammar_words.tsv has no list {listname!r} for {lang!r}")
    return words


def stem_match(stems: tuple[str, ...], key: str) -> str | None:
    """A stem followed by a verb ending: 'reproche', 'livrait' (not the nouns 'accords', 'assurance')."""
    endings = _VERB_ENDINGS
    for stem in stems:
        if key.startswith(stem) and key[len(stem) :] in endings:
            return stem
    return None


_VERB_ENDINGS = grammar_words("verb_ending", "fr")
SENTENCE_BREAKS = grammar_words("sentence_break")
CLAUSE_BREAKS = SENTENCE_BREAKS | grammar_words("clause_break")
