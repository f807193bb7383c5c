"""The cue lexicon: tension and cooperation phrases, with their weights, kept as data.

Our lexicon lives in ``tracker/scorer/data/lexicon/<lang>.tsv``; analysts add their own files, which are
merged over ours (same language and pattern: theirs wins; weight 0 switches our entry off).

File format (tab-separated, UTF-8, ``#`` starts a comment line, blank lines are skipped)::

    pattern<TAB>weight<TAB>category<TAB>note
    relation ~8 dégrader	4.5	deterioration	CAMEO 16 reduce relations ...

A header line naming the columns is required. An optional ``lang`` column gives each row's
language; without it the language comes from the file name (``fr.tsv``, ``my-terms.en.tsv``).

Pattern syntax: space-separated words, written as lemmas ("guerre de mot", "impose sanction");
an inflected word also works ("relations dégradées"), because words on both sides are reduced
to the same lemma when matching. ``~N`` (N = 1..10) between two words lets up to N other words
stand between them in the sentence: "relation ~8 dégrader" finds "les relations entre Moscou et
Washington se sont dégradées". Words must appear in the pattern's order. ``=form`` matches that
exact word form only, not its lemma ("=shelling", so that the company "Shell" is no cue).
A word of a pattern of two or more words also stands for the other members of its family in
``data/lexicon/families.tsv`` ("réduire relation diplomatique" reads "réduire ses liens diplomatiques";
see cues/families.py); a row written for the variant wins.

Weights are on the score scale of docs/architecture.md: -10..+10, positive = tension, negative =
cooperation, anchored on the Goldstein scale of CAMEO codes (sign reversed) and on PLOVER.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tracker.records import SCORE_MAX, SCORE_MIN
from tracker.scorer.setup_cache import cached

DATA_DIR = Path(__file__).parent / "data" / "lexicon"
LANGUAGES = ("fr", "en")

# The fixed list of categories, with the sign their weights must carry. A tension category with a
# negative weight is almost always a typo that would turn a war into an alliance, so it is refused.
TENSION_CATEGORIES = (
    "military force",  # use of armed force: strikes, bombing, invasion, fighting (CAMEO 18-20)
    "material conflict",  # coercion short of armed force: expulsions, seizures, cyberattacks, mobilisation (CAMEO 15-17)
    "sanctions",  # sanctions, embargo, boycott, trade war (CAMEO 163)
    "threat",  # threats, ultimatums, warnings (CAMEO 13)
    "verbal conflict",  # accusations, condemnations, protests, "guerre des mots" (CAMEO 11, 14)
    "disagreement",  # divergences, deadlock, rejection (CAMEO 12)
    "deterioration",  # the state of the relation: tensions, crisis, "relations dégradées" (CAMEO 16)
)
COOPERATION_CATEGORIES = (
    "consultation",  # meetings, talks, visits, calls (CAMEO 04)
    "diplomatic cooperation",  # praise, support, dialogue, common interests (CAMEO 05)
    "agreement",  # accords, treaties, deals, ceasefires (CAMEO 057, 0871)
    "material cooperation",  # economic, military, security cooperation, partnership (CAMEO 06)
    "aid",  # economic, humanitarian, military aid (CAMEO 07)
    "alliance",  # alliances, mutual defence, common front
    "improvement",  # the state of the relation getting better: thaw, détente, rapprochement
    "normalisation",  # restoring relations, lifting sanctions, reopening embassies (CAMEO 08)
)
# A phrase that contains a cue word but is no cue ("réchauffement climatique", "crise sanitaire"):
# weight 0; it wins the overlap like any longer match and yields nothing.
NOT_A_CUE = "not a cue"
CATEGORIES = TENSION_CATEGORIES + COOPERATION_CATEGORIES + (NOT_A_CUE,)

MAX_GAP = 10
# Definite articles (and English "a", "an") are left out when matching (see cues/matching.py;
# the same words as the "article" sets of data/lexicon/cue_words.tsv, which tests/test_cues.py checks).
ARTICLES = frozenset({"le", "la", "les", "l'", "the", "a", "an"})
_GAP = re.compile(r"~(\d+)")
_REQUIRED_COLUMNS = ("pattern", "weight", "category")


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and line and says what to fix."""


@dataclass(frozen=True)
class LexiconEntry:
    lang: str  # "fr" or "en"
    pattern: str  # normalised: lower case, single spaces, straight apostrophes
    weight: float  # -10..+10, positive = tension
    category: str  # one of CATEGORIES
    note: str  # why this weight, e.g. "CAMEO 172 impose sanctions, Goldstein -8"
    source: str  # the file (and line) the entry came from

    @property
    def parts(self) -> tuple[str | int, ...]:
        """The pattern as words (str) and gaps (int: how many words may stand between)."""
        return pattern_parts(self.pattern)

    @property
    def is_cue(self) -> bool:
        return self.category != NOT_A_CUE


def normalise_pattern(pattern: str) -> str:
    """One spelling per pattern, so an analyst's "Relations  Dégradées" overrides ours."""
    return " ".join(pattern.replace("\u2019", "'").replace("\u02bc", "'").lower().split())


def pattern_parts(pattern: str) -> tuple[str | int, ...]:
    """Split a normalised pattern; raise ValueError (without file context) when it is malformed."""
    parts: list[str | int] = []
    for word in pattern.split():
        gap = _GAP.fullmatch(word)
        if gap:
            size = int(gap.group(1))
            if not 1 <= size <= MAX_GAP:
                raise ValueError(f"gap '{word}' must be between ~1 and ~{MAX_GAP}")
            if not parts or isinstance(parts[-1], int):
                raise ValueError(f"gap '{word}' must stand between two words")
            parts.append(size)
        elif word.startswith("~"):
            raise ValueError(f"'{word}' is not a gap: write ~N with a number, e.g. ~3")
        elif word == "=":
            raise ValueError("'=' must be followed by a word form, e.g. =shelling")
        else:
            parts.append(word)
    if not parts:
        raise ValueError("the pattern is empty")
    if isinstance(parts[-1], int):
        raise ValueError("a pattern cannot end with a gap")
    return tuple(parts)


# Built-in files derived from other vocabularies (e.g. cameo.en.tsv, made by tools/petrarch_cues.py from
# PETRARCH2's CAMEO verb patterns). They are loaded before our own <lang>.tsv, which wins on the same pattern.
DERIVED_PREFIXES = ("cameo",)
# Built-in files a tool writes (the others are written by hand): word families (cues/families.py) do not
# vary their rows, which are already their source dictionary's synonym sets.
GENERATED_FILES = ("cameo.en.tsv",)


def is_generated(entry: LexiconEntry) -> bool:
    """Whether the entry comes from a built-in file a tool writes (GENERATED_FILES)."""
    return _generated_file(entry.source.rsplit(":", 1)[0])


@functools.cache
def _generated_file(name: str) -> bool:
    # Once per file, not per row: a Path per row cost ~0.4 s of CPU (47,000 rows) in every process's
    # set-up, the scoring pool's fork server included (its serial preload delays every worker).
    path = Path(name)
    return path.parent == DATA_DIR and path.name in GENERATED_FILES


def builtin_files() -> list[Path]:
    derived = [DATA_DIR / f"{prefix}.{lang}.tsv" for prefix in DERIVED_PREFIXES for lang in LANGUAGES]
    return [path for path in derived if path.exists()] + [DATA_DIR / f"{lang}.tsv" for lang in LANGUAGES]


def _lang_from_name(path: Path) -> str | None:
    """fr.tsv -> fr; my-terms.en.tsv -> en; anything else -> None."""
    for part in reversed(path.name.split(".")[:-1]):
        if part.lower() in LANGUAGES:
            return part.lower()
    return None


def read_lexicon_file(path: Path) -> list[LexiconEntry]:
    """Read one lexicon file; every problem is a LexiconError naming the file and line.

    Checking ~46,000 rows takes a second: the checked rows are kept in the set-up cache, keyed on
    the file's path and bytes, and a later start reads them back in milliseconds.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file not found") from None
    # One cache name per file: the cache keeps the last few versions per name.
    name = f"lexicon-rows-{hashlib.sha256(str(path).encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"
    rows = cached(name, [str(path), hashlib.sha256(data).hexdigest()],
                  lambda: [_entry_row(entry) for entry in _read_entries(path, data)])
    return [LexiconEntry(*row) for row in rows]


def _entry_row(entry: LexiconEntry) -> tuple[str, str, float, str, str, str]:
    return (entry.lang, entry.pattern, entry.weight, entry.category, entry.note, entry.source)


def _read_entries(path: Path, data: bytes) -> list[LexiconEntry]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text; save the lexicon file as UTF-8") from None
    file_lang = _lang_from_name(path)
    columns: list[str] | None = None
    entries: list[LexiconEntry] = []
    seen: dict[tuple[str, str], int] = {}
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        where = f"{path}:{lineno}"
        if columns is None:
            columns = [cell.lower() for cell in cells]
            missing = [c for c in _REQUIRED_COLUMNS if c not in columns]
            if missing:
                raise LexiconError(
                    f"{where}: the first line must name the tab-separated columns "
                    f"pattern, weight, category, note (optional: lang); missing {', '.join(missing)}"
                )
            if "lang" not in columns and file_lang is None:
                raise LexiconError(
                    f"{where}: cannot tell the language of this file; add a 'lang' column "
                    f"or name the file <name>.fr.tsv / <name>.en.tsv"
                )
            continue
        if len(cells) > len(columns):
            raise LexiconError(
                f"{where}: {len(cells)} tab-separated cells but the header names {len(columns)} columns"
            )
        row = dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=True))
        entry = _entry_from_row(row, file_lang, where)
        key = (entry.lang, entry.pattern)
        if key in seen:
            raise LexiconError(
                f"{where}: pattern '{entry.pattern}' ({entry.lang}) already defined on line {seen[key]}"
            )
        seen[key] = lineno
        entries.append(entry)
    if columns is None:
        raise LexiconError(f"{path}: empty lexicon file; it needs a header line and at least one row")
    return entries


def _entry_from_row(row: dict[str, str], file_lang: str | None, where: str) -> LexiconEntry:
    lang = (row.get("lang") or file_lang or "").lower()
    if lang not in LANGUAGES:
        raise LexiconError(f"{where}: language '{lang}' is not one of {', '.join(LANGUAGES)}")
    pattern = normalise_pattern(row["pattern"])
    try:
        parts = pattern_parts(pattern)
    except ValueError as err:
        raise LexiconError(f"{where}: bad pattern '{row['pattern']}': {err}") from None
    if all(isinstance(p, int) or p in ARTICLES for p in parts):
        raise LexiconError(
            f"{where}: pattern '{row['pattern']}' has only articles, which matching leaves out; add a word"
        )
    try:
        weight = float(row["weight"].replace(",", "."))
    except ValueError:
        raise LexiconError(
            f"{where}: weight '{row['weight']}' is not a number; "
            f"write a number from {SCORE_MIN:g} to {SCORE_MAX:g} (0 switches an entry off)"
        ) from None
    if not SCORE_MIN <= weight <= SCORE_MAX:
        raise LexiconError(f"{where}: weight {row['weight']} is outside {SCORE_MIN:g}..{SCORE_MAX:g}")
    category = " ".join(row["category"].lower().split())
    if category not in CATEGORIES:
        raise LexiconError(
            f"{where}: unknown category '{row['category']}'; use one of: {', '.join(CATEGORIES)}"
        )
    if weight > 0 and category in COOPERATION_CATEGORIES:
        raise LexiconError(
            f"{where}: '{category}' is a cooperation category but the weight {weight:g} is positive "
            f"(positive = tension); make the weight negative or pick a tension category"
        )
    if category == NOT_A_CUE and weight != 0:
        raise LexiconError(f"{where}: a '{NOT_A_CUE}' entry must have weight 0, not {weight:g}")
    if weight < 0 and category in TENSION_CATEGORIES:
        raise LexiconError(
            f"{where}: '{category}' is a tension category but the weight {weight:g} is negative "
            f"(negative = cooperation); make the weight positive or pick a cooperation category"
        )
    return LexiconEntry(lang, pattern, weight, category, row.get("note", ""), where)


class Lexicon:
    """All entries in force, per language; compared and hashed by content (see ``version``)."""

    def __init__(self, entries: Iterable[LexiconEntry]):
        by_key: dict[tuple[str, str], LexiconEntry] = {}
        for entry in entries:
            by_key[(entry.lang, entry.pattern)] = entry  # later entries override earlier ones
        # A weight of 0 is how an analyst switches one of our entries off; "not a cue" entries
        # (always weight 0) stay, since they block the cue words they contain.
        self._keep(tuple(e for e in by_key.values() if e.weight != 0 or e.category == NOT_A_CUE))

    def _keep(self, entries: tuple[LexiconEntry, ...], version: str | None = None) -> None:
        self._entries = entries
        self._by_lang: dict[str, tuple[LexiconEntry, ...]] = {
            lang: tuple(e for e in self._entries if e.lang == lang) for lang in LANGUAGES
        }
        self.version = version or _version(self._entries)

    @classmethod
    def restored(cls, entries: tuple[LexiconEntry, ...], version: str) -> Lexicon:
        """The lexicon whose entries in force (merged, in order) and version are these (set-up cache)."""
        lexicon = cls.__new__(cls)
        lexicon._keep(entries, version)
        return lexicon

    def entries(self, lang: str) -> tuple[LexiconEntry, ...]:
        return self._by_lang.get(lang, ())

    def get(self, lang: str, pattern: str) -> LexiconEntry | None:
        pattern = normalise_pattern(pattern)
        return next((e for e in self.entries(lang) if e.pattern == pattern), None)

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and other.version == self.version

    def __hash__(self) -> int:
        return hash(self.version)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{lang}={len(self.entries(lang))}" for lang in LANGUAGES)
        return f"Lexicon({sizes}, version={self.version})"


def _version(entries: Sequence[LexiconEntry]) -> str:
    """A stable hash of what scores a sentence (not notes or sources), to tag stored observations."""
    rows = sorted(f"{e.lang}\t{e.pattern}\t{e.weight:g}\t{e.category}" for e in entries)
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()[:16]


def load_lexicon(extra: Sequence[Path] = ()) -> Lexicon:
    """Our lexicon files, then each of ``extra`` merged over them in order.

    ``extra`` items are lexicon files or folders (every ``*.tsv`` inside, sorted by name).
    """
    files = list(builtin_files())
    for item in extra:
        item = Path(item)
        files.extend(sorted(item.glob("*.tsv")) if item.is_dir() else [item])
    try:
        inputs = [f"{path}\t{hashlib.sha256(path.read_bytes()).hexdigest()}" for path in files]
    except OSError:
        inputs = []  # a missing file: read_lexicon_file below says which
    built: list[Lexicon] = []

    def merge() -> tuple[list[tuple[str, str, float, str, str, str]], str]:
        lexicon = Lexicon(entry for path in files for entry in read_lexicon_file(path))
        built.append(lexicon)
        return [_entry_row(entry) for entry in lexicon], lexicon.version

    # The merged entries and their version kept in the set-up cache (keyed on every file's path and
    # bytes): a start makes the entries in force without re-reading, merging and hashing ~47,000 rows.
    rows, version = cached("lexicon", inputs, merge) if inputs else merge()
    if built:
        return built[0]
    return Lexicon.restored(tuple(LexiconEntry(*row) for row in rows), version)
