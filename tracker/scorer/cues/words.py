"""The word sets of the cue rules (data/lexicon/cue_words.tsv), read once per language."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from tracker.scorer.lexicon import DATA_DIR

CUE_WORDS_FILE = DATA_DIR / "cue_words.tsv"
EVERY_LANGUAGE = "*"
SET_NAMES = ("article", "contraction", "fixed form", "verb ending", "infinitive ending", "ne", "particle after ne",
             "negating determiner", "denying quantifier", "rebutted claim", "denial verb", "least", "before least", "denying particle", "topic marker",
             "complement preposition",
             "background exempt category", "background preposition", "background noun", "background subordinator",
             "own act clause", "lasting since", "background opener", "fronted opener", "outcome category", "occasion category", "completion head", "gap free",
             "addressed cue", "appeal infinitive", "named object cue", "asserting verb", "complementizer", "passive subject cue", "reminder object",
             "obligation modal", "target preposition", "target joiner", "breaking head", "shared exercise", "force noun",
             "force list word", "prior opener", "coordinator in a cue", "mutual preposition", "setting preposition",
             "unreversed", "active auxiliary", "passive auxiliary", "reflexive pronoun",
             "reflexive other sense", "object link", "noun object link", "noun object preposition", "quantity noun",
             "subject as object", "entry preposition", "verb before noun")


def norm(text: str) -> str:
    """Lower case, with typographic apostrophes as "'" and the ligature "œ" as "oe": wire copy writes
    "manoeuvres" as often as the lexicon's "manœuvres"."""
    return text.lower().replace("\u2019", "'").replace("\u02bc", "'").replace("œ", "oe")


@dataclass(frozen=True)
class CueWords:
    """One language's word sets (see cue_words.tsv for what each is for)."""

    lang: str
    sets: dict[str, tuple[str, ...]]  # set name -> its words, in file order

    def get(self, name: str) -> tuple[str, ...]:
        return self.sets.get(name, ())

    @functools.cached_property
    def articles(self) -> frozenset[str]:
        return frozenset(self.get("article"))

    @functools.cached_property
    def contractions(self) -> dict[str, str]:
        return dict(word.split(":", 1) for word in self.get("contraction"))

    @functools.cached_property
    def ne(self) -> str:
        """The form of "ne" the modifier rows name ("ne ... plus"); empty in a language without one."""
        return next(iter(self.get("ne")), "")

    @functools.cached_property
    def ne_forms(self) -> frozenset[str]:
        return frozenset(self.get("ne"))

    def fingerprint(self) -> str:
        """The sets as text, in a fixed order, for the rules' hash."""
        return "\n".join(f"{name}\t{' '.join(words)}" for name, words in sorted(self.sets.items()))


def read_cue_words(path: Path = CUE_WORDS_FILE) -> dict[str, dict[str, tuple[str, ...]]]:
    """Every row as {lang: {set: words}}; a malformed row is a ValueError naming the file and line."""
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    header = False
    for lineno, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not header:
            header = True
            continue
        cells = [c.strip() for c in raw.split("\t")]
        where = f"{path}:{lineno}"
        if len(cells) < 3:
            raise ValueError(f"{where}: expected lang, set, words, note")
        lang, name, words = cells[0], cells[1], tuple(cells[2].split())
        if name not in SET_NAMES:
            raise ValueError(f"{where}: unknown word set '{name}'")
        if name == "contraction" and not all(":" in w for w in words):
            raise ValueError(f"{where}: a contraction is written 'form:lemma'")
        if name in found.get(lang, {}):
            raise ValueError(f"{where}: set '{name}' given twice for '{lang}'")
        found.setdefault(lang, {})[name] = words
    return found


@functools.lru_cache(maxsize=8)
def cue_words(lang: str, path: Path = CUE_WORDS_FILE) -> CueWords:
    """The language's sets and those of every language."""
    rows = read_cue_words(path)
    return CueWords(lang, {**rows.get(EVERY_LANGUAGE, {}), **rows.get(lang, {})})
