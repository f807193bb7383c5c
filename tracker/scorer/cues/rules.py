"""The modifier table (data/lexicon/modifiers.tsv): its rows, and one language's rows indexed by
the way the rules look them up."""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tracker.scorer.lexicon import DATA_DIR

from .relations import relations_for
from .words import CueWords, cue_words, norm

MODIFIERS_FILE = DATA_DIR / "modifiers.tsv"
MODIFIER_KINDS = ("negation", "intensifier", "attenuator", "modality", "topic", "background", "exception",
                  "boundary", "carrier", "ending", "collapse", "lasting", "demand", "appeal")
# A demand or an appeal to someone governing a cooperative cue makes it pressure (windows.py).
DEMAND_KINDS = ("demand", "appeal")
# Kinds read on the verb a cue is the subject of (modifiers.py): a hostility that ends ("the war
# ended"), a cooperation that collapses ("the truce collapsed") or is denied to last ("n'a pas tenu").
SUBJECT_VERB_KINDS = ("ending", "collapse", "lasting")
# Kinds an exception row may block.
EXCEPTABLE_KINDS = ("negation", "intensifier", "attenuator", "modality", "ending", "all")
WINDOW_SCOPES = ("before", "after", "around")
PARSE_SCOPES = ("child", "head", "morph")
DEGREE_KINDS = ("intensifier", "attenuator")
# Kinds whose phrase names the category of a governing cue, not words.
CATEGORY_KINDS = ("topic", "background")
# A denied denial ("has not ruled out talks", "n'exclut pas de rencontrer") leaves the cue possible,
# neither done nor negated: it weighs as a modality.
DOUBLE_NEGATION_FACTOR = 0.6


@dataclass(frozen=True)
class ModifierRule:
    lang: str
    kind: str  # one of MODIFIER_KINDS
    phrase: str  # as written in the file
    words: tuple[str, ...]  # normalised words; "=Word" must match the exact text
    factor: float
    scope: str  # "before" | "after" | "around" | "child" | "head" | "morph" | "-"
    distance: int  # window rows: most words allowed between the phrase and the cue
    note: str


def _check_scope(kind: str, scope: str, scope_text: str, phrase: str, where: str) -> None:
    if kind == "exception":
        if scope not in EXCEPTABLE_KINDS:
            raise ValueError(f"{where}: an exception's scope names the kind it blocks, e.g. 'negation'")
    elif kind == "boundary":
        if scope not in ("-", "degree"):
            raise ValueError(f"{where}: a boundary's scope is '-' (every window) or 'degree'")
    elif scope not in WINDOW_SCOPES + PARSE_SCOPES + ("-",):
        raise ValueError(f"{where}: unknown scope '{scope_text}'")
    if kind in ("boundary", "carrier") and len(phrase.split()) > 2:
        raise ValueError(f"{where}: a {kind} is one word (a carrier may add its object: 'avoir lieu')")
    if kind == "boundary" and len(phrase.split()) != 1:
        raise ValueError(f"{where}: a boundary is one word")


def load_modifiers(path: Path = MODIFIERS_FILE) -> tuple[ModifierRule, ...]:
    """Read the modifier rules; a malformed row is a ValueError naming the file and line."""
    rules: list[ModifierRule] = []
    header: list[str] | None = None
    for lineno, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if header is None:
            header = cells
            continue
        where = f"{path}:{lineno}"
        if len(cells) < 5:
            raise ValueError(f"{where}: expected lang, kind, phrase, factor, scope, note")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
        kind, scope_text = row["kind"], row["scope"].split()
        if kind not in MODIFIER_KINDS:
            raise ValueError(f"{where}: unknown modifier kind '{kind}'")
        scope = scope_text[0] if scope_text else "-"
        _check_scope(kind, scope, row["scope"], row["phrase"], where)
        distance = int(scope_text[1]) if scope in WINDOW_SCOPES else 0
        factor = 1.0 if row["factor"] == "-" else float(row["factor"])
        articles = cue_words(row["lang"]).articles
        # Articles are left out as in matching; a boundary keeps its word ("que" stays "que").
        words = tuple(w if w.startswith("=") or scope == "morph" else norm(w) for w in row["phrase"].split()
                      if kind == "boundary" or norm(w) not in articles)
        rules.append(ModifierRule(row["lang"], kind, row["phrase"], words, factor, scope, distance,
                                  row.get("note", "")))
    return tuple(rules)


@functools.cache
def builtin_modifiers() -> tuple[ModifierRule, ...]:
    """Our modifier rules, read once per process (every CueFinder and finder_version asks for them)."""
    return load_modifiers()


def rules_hash(rules: Sequence[ModifierRule], words: CueWords) -> str:
    """What in the rows and word sets changes a reading (not the notes, comments or layout)."""
    text = "\n".join(f"{r.kind}\t{r.phrase}\t{r.factor:g}\t{r.scope}\t{r.distance}" for r in rules)
    text += "\n" + words.fingerprint()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _window_key(word: str) -> str:
    return word.lstrip("=").lower()


class ModifierTable:
    """One language's rows, indexed by the way each rule looks them up."""

    def __init__(self, lang: str, rules: list[ModifierRule], words: CueWords):
        self.lang = lang
        self.words = words
        self.kinds = frozenset(r.kind for r in rules)
        # A language whose rows read the parse (child, head, morph, carrier: written on French UD
        # relations) uses it; one whose rows are all windows (English today) keeps its window rules
        # even when its pipeline parses.
        self.reads_parse = any(r.scope in ("child", "head", "morph") or r.kind == "carrier" for r in rules)
        self.relations = relations_for(lang, words.get("complement preposition"))
        self._index_windows(rules)
        self._index_parse(rules, words)
        self.double_negation = ModifierRule(lang, "modality", "double negation", (), DOUBLE_NEGATION_FACTOR,
                                            "-", 0, "a denied denial: possible, not done")

    def _index_windows(self, rules: list[ModifierRule]) -> None:
        self.boundaries = {r.words[0] for r in rules if r.kind == "boundary" and r.scope != "degree"}
        # Conjunctions bound only the intensifier and attenuator windows: "intérêts communs et
        # profondes divergences" does not make the interests deep, while "could retaliate and
        # expel" keeps its modality.
        self.degree_boundaries = {r.words[0] for r in rules if r.kind == "boundary" and r.scope == "degree"}
        self.exceptions = [r for r in rules if r.kind == "exception"]
        self.exceptions_by_first: dict[str, list[ModifierRule]] = defaultdict(list)
        for rule in self.exceptions:
            self.exceptions_by_first[rule.words[0]].append(rule)  # rule.scope: the kind it blocks
        self.longest_exception = max((len(r.words) for r in self.exceptions), default=0)
        # Topic rules (the complement of a statement: "condamne l'essai") and background rules (a
        # tension named as the subject of a cooperative act: "discussed the war"); both name the
        # category of the governing cue.
        self.topic_rules = [r for r in rules if r.kind in CATEGORY_KINDS]
        self.statement_categories = {" ".join(r.words) for r in self.topic_rules if r.kind == "topic"}
        self.window_rules = [r for r in rules if r.scope in WINDOW_SCOPES and r.kind not in (*CATEGORY_KINDS, *DEMAND_KINDS)]
        # Demands and appeals have their own window, which crosses "that"/"que" (windows.py).
        self.demand_rules: dict[str, list[ModifierRule]] = defaultdict(list)
        for rule in rules:
            if rule.kind in DEMAND_KINDS:
                self.demand_rules[_window_key(rule.words[-1])].append(rule)
        self.demand_reach = max((r.distance + len(r.words) for rules in self.demand_rules.values() for r in rules),
                                default=0)
        # A word's candidate window rules: those whose phrase ends with it (before the cue), starts
        # with it (after the cue), or starts with it at all (in a gapped cue's gaps).
        self.rules_by_last: dict[str, list[ModifierRule]] = defaultdict(list)
        self.rules_by_first: dict[str, list[ModifierRule]] = defaultdict(list)
        self.rules_by_any_first: dict[str, list[ModifierRule]] = defaultdict(list)
        for rule in self.window_rules:
            if rule.scope in ("before", "around"):
                self.rules_by_last[_window_key(rule.words[-1])].append(rule)
            if rule.scope in ("after", "around"):
                self.rules_by_first[_window_key(rule.words[0])].append(rule)
            self.rules_by_any_first[_window_key(rule.words[0])].append(rule)
        self.max_window = max((r.distance + len(r.words) for r in self.window_rules), default=0)

    def _index_parse(self, rules: list[ModifierRule], words: CueWords) -> None:
        self.carriers = {r.words[0] for r in rules if r.kind == "carrier" and len(r.words) == 1}
        self.carriers_of_subject = {r.words for r in rules if r.kind == "carrier" and len(r.words) == 2}
        child_rules = [r for r in rules if r.scope == "child"]
        self.negation_child_rules = [r for r in child_rules if r.kind == "negation"]
        self.modality_children = {w: r for r in child_rules if r.kind == "modality" for w in r.words}
        head = [r for r in rules if r.scope == "head" and r.kind not in (*CATEGORY_KINDS, *SUBJECT_VERB_KINDS)]
        self.head_rules = {r.words[0]: r for r in head if len(r.words) == 1}
        # A verb with its object: "mettre fin à", "mettre un terme à" (verb -> {object: rule}).
        self.head_pairs: dict[str, dict[str, ModifierRule]] = defaultdict(dict)
        for r in head:
            if len(r.words) == 2:
                self.head_pairs[r.words[0]][r.words[1]] = r
        # A hostility that comes to an end ("the war had ended", "la guerre a pris fin"), a cooperation
        # that collapses or does not last: the parse rows name the verb (and its object or particle)
        # the cue is the subject of.
        subject_verbs = [r for r in rules if r.kind in SUBJECT_VERB_KINDS and r.scope == "head"]
        self.subject_verb_heads = {r.words[0]: r for r in subject_verbs if len(r.words) == 1}
        self.subject_verb_pairs = {r.words: r for r in subject_verbs if len(r.words) == 2}
        # (rule, feature, value): "Mood=Cnd" split once, not for every verb of every cue.
        self.morph_features = [(r, *r.words[0].partition("=")[::2]) for r in rules if r.scope == "morph"]
        # The negation child rules with their words ("ne ... plus" -> ("ne", "plus")).
        self.negation_children = [(r, tuple(w for w in r.words if w != "...")) for r in self.negation_child_rules]
        # Negation particles found after a "ne" ("ne sont plus", "n'a jamais").
        after_ne = set(words.get("particle after ne"))
        self.particles = {w: r for r in self.negation_child_rules for w in r.words if w in after_ne}
        # One-word intensifiers and attenuators, for the parse rule on predicate adjectives.
        self.degree_words: dict[str, list[ModifierRule]] = defaultdict(list)
        for rule in rules:
            if rule.kind in DEGREE_KINDS and len(rule.words) == 1:
                self.degree_words[rule.words[0]].append(rule)

    def is_statement(self, category: str) -> bool:
        """Cues of this category are statements whose object is their topic ("condamne X")."""
        return category in self.statement_categories
