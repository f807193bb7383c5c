"""Turn PETRARCH2's CAMEO verb patterns into English cue rows: tracker/scorer/data/lexicon/cameo.en.tsv.

    python tools/petrarch_cues.py [--source /work/shared/resources/petrarch2] [--out PATH]

Source: the verb dictionary CAMEO.2.0.txt of the PETRARCH2 event coder (MIT, Open Event Data; its
format: dictionaries.rst beside it). Each verb block lists synonymous verbs (irregular forms in
{...}, an own code in [...]) and patterns "- PRE * POST (PREP NOUN) [code]": "*" is the verb,
{A B} a noun phrase, (PREP ...) a prepositional phrase, &SET a synonym set, $ + ^ % actors.

A pattern becomes one row per verb of its block and per member of each synonym set, in our syntax
(lemmas; "~N" = up to N words between): the verb, then the object words "~4" after it, then each
further word or prepositional phrase "~3" after the previous one (a subject noun "~3" before the
verb); a {...} phrase stays contiguous. Our matcher lemmatises, so one row covers a verb's regular
and irregular forms (the English model's lemmatizer reduces them): the listed forms make no rows.

Weights: the code's Goldstein value (tools/cameo_goldstein.tsv), sign reversed and compressed onto
the design's bands (tools/cameo_bands.tsv, which also names the category and drops codes that are
noise for us: statements, investigations, street protests, domestic police and courts).

Dropped, by general rules only:
- codes [---], codes of a "drop" band, patterns whose code is unknown;
- a verb with no object words (only stop words after it) unless its band allows a bare verb, the
  verb is a rare word (spaCy's English lexeme probability below BARE_VERB_MAX_LOGPROB) and its
  block is unambiguous (none of its patterns points to another CAMEO root category);
- patterns with a subject noun before the verb (without a parse, any noun before the verb would do);
  auxiliaries before the verb are left out;
- rows whose words (as lemma keys, gaps ignored) equal or contain in order the words of a row of our
  en.tsv: ours read those words already (a longer derived row would override our reading, "offer ~4
  talks" over our "talks"), and our "not a cue" rows stay in force ("meet ~2 demand");
- rows with a clause boundary word of our modifiers.tsv ("that", "as") or a form one of our rows names
  exactly ("=shelling"): no sentence could match them;
- rows with a word that our matcher would otherwise read as one of our words through a suffix rule
  ("bomber" is our "bomb"): as a pattern word of its own it would stop reading so;
- the same words coded with opposite signs by two patterns (ambiguous); of the same words with the
  same sign, the row with the most specific code is kept.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.lookups import load_lookups

from tracker.scorer.cues import load_modifiers
from tracker.scorer.lexicon import DATA_DIR, LexiconEntry, read_lexicon_file

TOOLS = Path(__file__).resolve().parent
DEFAULT_SOURCE = Path("/work/shared/resources/petrarch2")
DEFAULT_OUT = DATA_DIR / "cameo.en.tsv"
OURS = DATA_DIR / "en.tsv"
GOLDSTEIN_FILE = TOOLS / "cameo_goldstein.tsv"
BANDS_FILE = TOOLS / "cameo_bands.tsv"

VERB_GAP, NEXT_GAP, SUBJECT_GAP, PREP_GAP = 4, 3, 3, 3
# A bare verb must be rarer than this (natural log of its share of English words): "bombard",
# "expel", "extradite" pass; "fire", "blow", "surround", "shell" do not.
BARE_VERB_MAX_LOGPROB = -12.5
# A synonym-set member is used if each of its words is at least this common ("rocket" -11.1, "missile"
# -12.0, "artillery" -12.8; "machete" -13.6, model names such as "a-37b dragonfly" are rarer or absent).
SYNSET_MIN_LOGPROB = -13.0
MAX_ROWS_PER_PATTERN = 150  # a pattern with two large synonym sets is cut short, not multiplied
ARTICLES = {"the", "a", "an"}
ACTOR_MARKS = {"$", "+", "^", "%"}
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")
_CODE = re.compile(r"\[([^\]]*)\]")
_WORD = re.compile(r"[a-z][a-z0-9'/-]*")  # a verb or pattern word; punctuation or digits first: no row


# --------------------------------------------------------------------------- reading the dictionary


@dataclass
class Verb:
    words: tuple[str, ...]  # "call off" -> ("call", "off")
    forms: tuple[tuple[str, ...], ...]  # the listed irregular forms, as word tuples
    code: str  # its own code, or the block's


@dataclass
class Block:
    name: str
    code: str
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[str, str]] = field(default_factory=list)  # (pattern text, code)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].strip()


def _phrase(text: str) -> tuple[str, ...]:
    """A dictionary phrase ("+CALL_OFF", "KRONE_") as lower-case words, markers dropped."""
    words = [w for w in text.replace("+", "").lower().split("_") if w]
    if len(words) > 1 and words[0] == "re":  # "RE_ARREST" is "rearrest"
        words = ["re" + words[1], *words[2:]]
    return tuple(words)


def read_dictionary(path: Path) -> tuple[dict[str, list[tuple[str, ...]]], list[Block]]:
    """The synonym sets (name -> phrases) and the verb blocks of a PETRARCH verb dictionary."""
    synsets: dict[str, list[tuple[str, ...]]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    in_verbs = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        line = raw.strip()
        if not in_verbs:
            if line.startswith("&"):
                current_set = line.split()[0].rstrip("_").upper()
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(_phrase(_strip_comment(line)))
            continue
        if line.startswith("---"):
            code = _CODE.search(line)
            blocks.append(Block(line.strip("- ").split()[0], code.group(1) if code else "---"))
        elif line.startswith("-") and blocks:
            body, _, _ = line[1:].partition("#")
            code = _CODE.search(body)
            if code:
                blocks[-1].patterns.append((body[: code.start()].strip(), code.group(1)))
        elif blocks and _strip_comment(line) and not line.startswith("~"):
            blocks[-1].verbs.append(_verb_line(_strip_comment(line), blocks[-1].code))
    return synsets, blocks


def _verb_line(line: str, block_code: str) -> Verb:
    """'PUT {PUTS PUTTING} [020]' -> Verb(("put",), (("puts",), ("putting",)), "020")."""
    code = _CODE.search(line)
    forms = re.search(r"\{([^}]*)\}", line)
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
    return Verb(
        _phrase(head[0]) if head else (),
        tuple(_phrase(f) for f in re.split(r"[\s,]+", forms.group(1)) if f) if forms else (),
        code.group(1) if code else block_code,
    )


# --------------------------------------------------------------------------- codes and weights


def event_code(code: str) -> str | None:
    """'042:043' -> '042'; ':173' -> '173' (the part after ':' codes the passive reading); '---' -> None."""
    for part in code.split(":"):
        if part.strip().isdigit():
            return part.strip()
    return None


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@dataclass(frozen=True)
class Band:
    prefix: str
    category: str
    goldstein: tuple[float, float]
    weight: tuple[float, float]
    bare: bool

    def weigh(self, goldstein: float) -> float:
        (g0, g1), (w0, w1) = self.goldstein, self.weight
        share = 0.0 if g1 == g0 else min(1.0, max(0.0, (abs(goldstein) - g0) / (g1 - g0)))
        return round(w0 + share * (w1 - w0), 1)


class Scale:
    """A CAMEO code's Goldstein value, band, weight and category."""

    def __init__(self, goldstein_file: Path = GOLDSTEIN_FILE, bands_file: Path = BANDS_FILE):
        self.goldstein = {row["code"]: float(row["goldstein"]) for row in read_tsv(goldstein_file)}
        self.bands = {
            row["prefix"]: Band(row["prefix"], row["category"],
                                (float(row["goldstein_from"]), float(row["goldstein_to"])),
                                (float(row["weight_from"]), float(row["weight_to"])), row["bare"] == "yes")
            for row in read_tsv(bands_file)
        }

    def value(self, code: str) -> float | None:
        for end in range(len(code), 1, -1):
            if code[:end] in self.goldstein:
                return self.goldstein[code[:end]]
        return None

    def band(self, code: str) -> Band | None:
        found = next((self.bands[code[:end]] for end in range(len(code), 1, -1) if code[:end] in self.bands), None)
        return None if found is None or found.category == "drop" else found


# --------------------------------------------------------------------------- patterns -> rows


class Keyer:
    """Words as our matcher keys them: spaCy's English tokenizer and lemma lookup table, articles
    left out (the same tables tracker/scorer/cues.py uses)."""

    def __init__(self) -> None:
        self.tokenizer = spacy.blank("en").tokenizer
        tables = load_lookups("en", ["lemma_lookup", "lemma_rules", "lexeme_prob"], strict=False)
        self.lookup = tables.get_table("lemma_lookup", {})
        rules = tables.get_table("lemma_rules", {})
        self.rules = [(old, new) for pos in ("verb", "noun", "adj") for old, new in (rules.get(pos) or [])]
        self.prob = tables.get_table("lexeme_prob", {})
        self._words: dict[str, tuple[str, ...]] = {}
        self._english: Language | None = None

    def canon(self, word: str) -> str:
        word = word.lower().lstrip("=")
        for _ in range(3):
            found = self.lookup.get(word)
            found = found[0] if isinstance(found, list) else found
            if not found or found == word:
                break
            word = found
        return word

    def key(self, pattern: str) -> tuple[str, ...]:
        """The words of a pattern as keys, gaps ignored: two rows with one key match the same."""
        return tuple(k for part in pattern.split() if not part.startswith("~") for k in self._word_keys(part))

    def _word_keys(self, word: str) -> tuple[str, ...]:
        found = self._words.get(word)
        if found is None:
            tokens = [t.text for t in self.tokenizer(word) if t.text.lower() not in ARTICLES]
            found = self._words[word] = tuple(self.canon(t) for t in tokens)
        return found

    def rule_lemmas(self, word: str) -> set[str]:
        """The keys the suffix rules give a word ("bomber" -> "bomb"): our matcher tries them after the
        word's own key, so a new pattern word "bomber" would stop "bomber" reading as our "bomb"."""
        return {self.canon(word[: len(word) - len(old)] + new) for old, new in self.rules
                if old and word.endswith(old) and len(word) > len(old)} - {word}

    def lemmatizers_agree(self, words: tuple[str, ...]) -> bool:
        """The English model's lemma of each word keys as the lookup table's does: where they differ
        ("masses": "masse" against "mass") a row with the word may never match a sentence."""
        if self._english is None:
            from tracker.scorer.nlp import get_nlp

            self._english = get_nlp("en")
        return all(self.canon(t.lemma_) == self.canon(t.text) for t in self._english(" ".join(words)))

    def logprob(self, word: str) -> float:
        return float(self.prob.get(word, -20.0))


Slot = list[tuple[str, ...]]  # alternatives of one contiguous piece of a pattern


def _alternatives(token: str, synsets: dict[str, list[tuple[str, ...]]]) -> Slot:
    """A bare word, a &SET or a {NOUN PHRASE} (possibly with sets) as contiguous alternatives."""
    if token.startswith("{"):
        parts = [_alternatives(t, synsets) for t in token.strip("{}").split()]
        return [tuple(w for piece in combo for w in piece) for combo in itertools.product(*parts)]
    if token.startswith("&"):
        return list(synsets.get(token.rstrip("_").upper(), []))
    return [_phrase(token)]


def pattern_slots(text: str, synsets: dict[str, list[tuple[str, ...]]]) -> tuple[list[tuple[int, Slot]], int] | None:
    """The pattern as (gap before, slot) pieces and the index of the verb slot; None if it cannot be read
    (an undefined synonym set, like PETRARCH, ignores the pattern)."""
    pieces: list[tuple[int, Slot]] = []
    verb_at = -1
    for token in _TOKEN.findall(text):
        if token == "*":
            verb_at = len(pieces)
            pieces.append((SUBJECT_GAP, []))
            continue
        if token in ACTOR_MARKS:
            continue
        if verb_at < 0:  # before the verb: auxiliaries are left out, a subject noun drops the pattern
            if all(w in STOP_WORDS for w in _phrase(token)):
                continue
            return None
        inner = _TOKEN.findall(token[1:-1]) if token.startswith("(") else [token]
        for position, part in enumerate(inner):
            if part in ACTOR_MARKS:
                continue
            slot = [alt for alt in _alternatives(part, synsets)
                    if alt and not set(alt) <= ARTICLES and all(_WORD.fullmatch(w) for w in alt)]
            if not slot:
                if part.startswith("&") or part.startswith("{"):
                    return None
                continue
            gap = PREP_GAP if position else (VERB_GAP if pieces and len(pieces) - 1 == verb_at else NEXT_GAP)
            pieces.append((gap, slot))
    return (pieces, verb_at) if verb_at >= 0 else None


def render(pieces: list[tuple[int, tuple[str, ...]]]) -> str:
    words = [w for w in pieces[0][1] if w not in ARTICLES]
    for gap, piece in pieces[1:]:
        words += [f"~{gap}", *(w for w in piece if w not in ARTICLES)]
    return " ".join(words)


def expand(text: str, verb: tuple[str, ...], synsets) -> Iterator[str]:
    """Every row text of one pattern for one verb form."""
    read = pattern_slots(text, synsets)
    if read is None:
        return
    pieces, verb_at = read
    pieces[verb_at] = (SUBJECT_GAP, [verb])
    slots = [slot for _, slot in pieces]
    for combo in itertools.islice(itertools.product(*slots), MAX_ROWS_PER_PATTERN):
        # the first piece carries no gap; the verb keeps the subject's gap before it
        yield render([(gap, alt) for (gap, _), alt in zip(pieces, combo, strict=True)])


@dataclass(frozen=True)
class Row:
    pattern: str
    weight: float
    category: str
    code: str
    goldstein: float
    verb: str

    @property
    def note(self) -> str:
        return f"CAMEO {self.code} {self.verb}, Goldstein {self.goldstein:g}"


def _verb_forms(verb: Verb, keyer: Keyer) -> list[tuple[str, ...]]:
    """The verb alone: the English model's lemmatizer reduces its forms, irregular ones included
    ("brought" -> "bring"), so a row per listed form would only repeat it (or keep a misspelling)."""
    return [verb.words]


def _roots(block: Block) -> set[str]:
    """The CAMEO root categories a block's patterns point to ("--" for a pattern that codes nothing)."""
    return {(event_code(code) or "--")[:2] for _, code in block.patterns}


def _is_bare(pattern: str, verb: tuple[str, ...]) -> bool:
    words = [w for w in pattern.split() if not w.startswith("~")]
    rest = list(words)
    for w in verb:
        if w in rest:
            rest.remove(w)
    return all(w in STOP_WORDS or w in ARTICLES for w in rest)


def bare_verb_allowed(verb: Verb, block: Block, code: str, scale: Scale, keyer: Keyer) -> bool:
    """A verb alone carries its code only if the band allows it, the word is rare and PETRARCH's own
    patterns never send the verb's block to another root category."""
    band = scale.band(code)
    rare = all(keyer.logprob(w) < BARE_VERB_MAX_LOGPROB for w in verb.words if w not in STOP_WORDS)
    return bool(band and band.bare and rare and _roots(block) <= {code[:2]})


@dataclass
class Converter:
    synsets: dict[str, list[tuple[str, ...]]]
    scale: Scale
    keyer: Keyer
    our_cues: set[tuple[str, ...]]  # the keys of our own cue rows

    def block_rows(self, block: Block) -> Iterator[Row]:
        """Every candidate row of one verb block: its verbs alone, then each pattern with each verb."""
        for verb in block.verbs:
            code = event_code(verb.code)  # None: the verb alone codes nothing, its patterns still do
            if not verb.words or not all(_WORD.fullmatch(w) for w in verb.words):
                continue
            bare_ok = code is not None and bare_verb_allowed(verb, block, code, self.scale, self.keyer)
            verb_is_cue = bare_ok or self.keyer.key(" ".join(verb.words)) in self.our_cues
            for form in _verb_forms(verb, self.keyer):
                if bare_ok and code is not None:
                    yield from _row(" ".join(form), code, verb, self.scale)
                for text, pattern_code in block.patterns:
                    code_here = event_code(pattern_code)
                    if code_here is None or (verb_is_cue and self._restates(code, code_here)):
                        continue
                    bare_here = bare_verb_allowed(verb, block, code_here, self.scale, self.keyer)
                    for pattern in expand(text, form, self.synsets):
                        if bare_here or not _is_bare(pattern, form):
                            yield from _row(pattern, code_here, verb, self.scale)

    def _restates(self, verb_code: str | None, pattern_code: str) -> bool:
        """A pattern coded in the category of a verb that is a cue alone adds words, not a reading."""
        if verb_code is None:
            return False
        verb_band, band = self.scale.band(verb_code), self.scale.band(pattern_code)
        return verb_band is not None and band is not None and verb_band.category == band.category


def _row(pattern: str, code: str, verb: Verb, scale: Scale) -> Iterator[Row]:
    band, goldstein = scale.band(code), scale.value(code)
    if band is not None and goldstein is not None:
        yield Row(pattern, band.weigh(goldstein), band.category, code, goldstein, " ".join(verb.words))


# --------------------------------------------------------------------------- merging with ours


def _contains_in_order(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    it = iter(words)
    return all(any(w == p for w in it) for p in part)


def select(rows: Iterable[Row], keyer: Keyer, our_entries: list[LexiconEntry]) -> list[Row]:
    """One row per key: ours wins, opposite signs cancel, the most specific code wins a tie."""
    our_keys = {keyer.key(e.pattern) for e in our_entries}
    our_words = {w for key in our_keys for w in key}
    # Clause boundaries ("that", "as", "after"): our matcher's gaps stop there, so no sentence matches a row
    # with one inside.
    boundaries = {r.words[0] for r in load_modifiers() if r.lang == "en" and r.kind == "boundary" and r.scope != "degree"}
    # A form one of our rows names exactly ("=shelling") is read as that form only: a row with it never matches.
    boundaries |= {w[1:] for e in our_entries for w in e.pattern.split() if w.startswith("=")}
    shadowing: dict[str, bool] = {}
    # Our rows read these words already: a longer derived row would override their reading.
    contained = [keyer.key(e.pattern) for e in our_entries]
    chosen: dict[tuple[str, ...], Row] = {}
    conflicting: set[tuple[str, ...]] = set()
    for row in rows:
        key = keyer.key(row.pattern)
        words = set(key)
        if not key or words & boundaries or set(row.pattern.split()) & boundaries or key in our_keys or any(_contains_in_order(key, ours) for ours in contained
                                              if ours and ours[0] in words):
            continue
        for w in words - our_words:
            if w not in shadowing:
                shadowing[w] = bool(keyer.rule_lemmas(w) & our_words)
        if any(shadowing[w] for w in words - our_words):
            continue
        kept = chosen.get(key)
        if kept is None:
            chosen[key] = row
        elif (kept.weight > 0) != (row.weight > 0):
            conflicting.add(key)
        elif len(row.code) > len(kept.code):
            chosen[key] = row
    return [row for key, row in chosen.items() if key not in conflicting]


def known_members(synsets: dict[str, list[tuple[str, ...]]], keyer: Keyer) -> dict[str, list[tuple[str, ...]]]:
    """Synonym-set members of at most two words that news actually uses ("rocket", "cruise missile";
    not "a-37b dragonfly" nor "armor piercing roadside bomb"), one per lemma key ("missile", "missiles")."""
    kept: dict[str, list[tuple[str, ...]]] = {}
    for name, members in synsets.items():
        seen: set[tuple[str, ...]] = set()
        kept[name] = []
        for member in members:
            key = keyer.key(" ".join(member))
            if (len(member) <= 2 and key not in seen and all(keyer.logprob(w) >= SYNSET_MIN_LOGPROB for w in member)
                    and keyer.lemmatizers_agree(member)):
                seen.add(key)
                kept[name].append(member)
    return kept


# --------------------------------------------------------------------------- writing


HEADER = """\
# English cue rows derived from the CAMEO verb patterns of the PETRARCH2 event coder
# (openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt, commit 676801cd9cb2), by
# tools/petrarch_cues.py: do not edit by hand, change the tool or its tables and run it again.
# Weights: the code's Goldstein value (tools/cameo_goldstein.tsv), sign reversed, compressed onto the
# design's bands (tools/cameo_bands.tsv). Our en.tsv is loaded after this file and wins on the same
# pattern; rows with the same words as one of ours were left out.
#
# The source dictionaries carry this licence, which applies to the rows below:
#
"""


def write(rows: list[Row], out: Path, licence: str) -> None:
    lines = [HEADER.rstrip("\n")] + [f"# {line}".rstrip() for line in licence.strip().splitlines()]
    lines += ["", "pattern\tweight\tcategory\tnote"]
    for row in sorted(rows, key=lambda r: (r.code, r.verb, r.pattern)):
        lines.append(f"{row.pattern}\t{row.weight:g}\t{row.category}\t{row.note}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def convert(source: Path, out: Path) -> list[Row]:
    synsets, blocks = read_dictionary(source / "CAMEO.2.0.txt")
    keyer = Keyer()
    our_entries = read_lexicon_file(OURS)
    our_cues = {keyer.key(e.pattern) for e in our_entries if e.is_cue}
    converter = Converter(known_members(synsets, keyer), Scale(), keyer, our_cues)
    rows = select((row for block in blocks for row in converter.block_rows(block)), keyer, our_entries)
    write(rows, out, (source / "LICENSE").read_text(encoding="utf-8"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder with CAMEO.2.0.txt and LICENSE")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = convert(args.source, args.out)
    by_category: dict[str, int] = {}
    for row in rows:
        by_category[row.category] = by_category.get(row.category, 0) + 1
    print(f"{len(rows)} rows -> {args.out}")
    for category, count in sorted(by_category.items(), key=lambda kv: -kv[1]):
        print(f"  {count:6d}  {category}")


if __name__ == "__main__":
    main()
