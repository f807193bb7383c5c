"""Find the lexicon's cue phrases in a sentence and weigh them with their modifiers.

Matching. Both sides are reduced to one *key* per word: a pattern word through the language's
lookup table (spacy-lookups-data), a sentence word through the first of its candidate lemmas
(the model's lemma, the form, rule-based lemmas for verb/noun/adjective) that is a pattern word.
The candidates repair the model's lemma when its part-of-speech tag is wrong ("amélioré" tagged
NOUN keeps the lemma "amélioré"; the verb rule gives "améliorer"). Words no pattern uses become
one placeholder, so the keyed copy of the sentence stays tiny. A PhraseMatcher finds the
contiguous patterns and the contiguous segments of gapped ones ("relation ~8 dégrader"), whose
order and gaps a few lines of Python then check. Quote marks and definite articles are skipped:
'les relations "dégradées"' matches "relation dégrader".

Overlaps. The match with the most pattern words wins, then the tighter one; a word belongs to
one cue only ("relations dégradées" does not also fire "dégrader"). Gap words stay free.
"Not a cue" entries win like any other match and yield nothing.

Modifiers (their word lists are data: data/lexicon/modifiers.tsv), applied to the lexicon weight:
    weight = base x intensifier x attenuator x modality x topic
    negated: weight = weight x -0.6, magnitude capped at 3.5 (a denied event is weak evidence
             of its opposite: "ne s'est pas amélioré" is mild tension, not a deterioration)
    a denied denial ("has not ruled out talks", "n'exclut pas de rencontrer"): no negation,
             a modality x0.6 instead (possible, not done);
    a tension named as what a consultation is about ("discussed the war", "ont discuté de la
             guerre", "talks on the crisis"): background x0.1 (not for sanctions, not for cooperation
             cues, not for circumstances: "dans un climat tendu");
    the topic of a denied statement ("n'a pas condamné l'essai", "refused to condemn the
             invasion"): x0.1 instead of x0.4;
    a cue that only served as another cue's negation, which then reads the other way ("refused"
             in "refused to condemn"), is dropped: the refusal is the condemnation denied;
    a hostility that comes to an end ("the war had ended", "la guerre a pris fin", "les hostilités
             ont cessé"): negated like "mettre fin à" -- tension cues only, a summit that ends is
             no negation ("ending" rows);
    a consultation whose outcome the sentence denies ("the summit failed to produce an agreement",
             "les négociations n'ont permis aucune avancée"): x0.1, the occasion of a failure.
    then clamped to -10..+10 and rounded to 2 decimals.
Of each kind only the strongest applies, once (the largest intensifier, the smallest attenuator,
modality or topic factor). Every modifier applied is listed in Cue.modifiers as readable text,
e.g. "negation 'ne ... pas': x-0.6", "modality 'devait': x0.6", "topic of 'condamné': x0.4".

French uses the dependency parse for negation: "pas"/"jamais"/"aucun"/"sans" on the cue's words,
a "ne" with a particle near it ("ne sont plus aussi tendues") or a negative subject ("personne ne
parle de"); a quantifier just before the cue, wherever the parser hung it ("aucune avancée", "nul
progrès", "pas le moindre progrès"; under a denying verb, "n'exclut aucune coopération", possible); on a verb the cue complements ("n'a pas voulu condamner") or on a "carrier" verb above
it in the clause ("n'ont pas signé d'accord", "n'ont pas réussi à s'entendre"), never through a
statement cue ("n'a pas condamné les frappes" leaves the strikes standing) nor from a subject; and
a governing stop-word ("refuser", "cesser", "la fin de", "le gel de", a verb with its object:
"mettre fin à"), unless itself negated ("ne cesse de", "ne signifie pas la fin des rivalités").
Modality: a governing "devoir", "vouloir", "menacer", "éviter"..., a conditional or future verb, a "si" clause. Topic: a cue that is the
complement of a statement cue ("condamne l'essai nucléaire", "salue l'accord") is what is talked
about, not an act between the sentence's actors. Intensifiers, attenuators and the other modality
words are looked for in small windows (and predicate adjectives: "les tensions restent fortes").
English has no parse: every rule is a window, which stops at punctuation, at boundary words
("but", "that", "amid") and at another cue; "and"/"or" also bound the degree and topic windows.
Without a parse, French falls back to windows too. A cue in quotes or in a question keeps its
weight; that is noted.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from spacy.lookups import load_lookups
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from tracker.records import SCORE_MAX, SCORE_MIN, Cue
from tracker.scorer.lexicon import DATA_DIR, NOT_A_CUE, Lexicon, LexiconEntry, LexiconError
from tracker.scorer.mentions import span_text

MODIFIERS_FILE = DATA_DIR / "modifiers.tsv"
NEGATION_CAP = 3.5  # largest magnitude a negated cue keeps
# A denied denial ("has not ruled out talks", "n'exclut pas de rencontrer") leaves the cue possible,
# neither done nor negated: it weighs as a modality.
DOUBLE_NEGATION_FACTOR = 0.6
# A topic of a statement that is itself denied ("n'a pas condamné l'essai nucléaire", "refused to
# condemn the invasion") is background only: the denial, not the event talked about, is the act.
DENIED_TOPIC_FACTOR = 0.1
# Bump when the matching or modifier logic changes what a sentence scores.
RULES_VERSION = "3"

MODIFIER_KINDS = ("negation", "intensifier", "attenuator", "modality", "topic", "background", "exception",
                  "boundary", "carrier", "ending")
# Kinds an exception row may block.
_EXCEPTABLE_KINDS = ("negation", "intensifier", "attenuator", "modality", "ending", "all")
WINDOW_SCOPES = ("before", "after", "around")
PARSE_SCOPES = ("child", "head", "morph")

_OTHER = "_"  # key of every word no pattern uses
_STOP = "<s>"  # key of sentence punctuation and clause boundaries: gaps do not cross it
_STOP_PUNCT = {".", ";", ":", "!", "?", "…"}
_QUOTES = {'"', "«", "»", "“", "”", "„", "‹", "›", "``", "''"}
_OPENING_QUOTES = {"«", "“", "„", "‹"}
# Definite articles (and English "a", "an") are left out on both sides, so that "guerre des mots",
# "aide au développement" (au = à + le) and "the end of the cold war" match however the article
# is contracted, elided or dropped.
_ARTICLES = {"fr": {"le", "la", "les", "l'"}, "en": {"the", "a", "an"}}
_CLOSING_QUOTES = {"»", "”", "›"}
_WINDOW_TRANSPARENT = {"-", "'", "’"}  # punctuation that does not stop a modifier window

# French contractions and elisions whose lemma varies with the tagger ("des" is "de" or "un").
_FUNCTION_WORDS = {
    "fr": {
        "du": "de", "des": "de", "d'": "de", "au": "à", "aux": "à", "la": "le", "les": "le",
        "l'": "le", "n'": "ne", "s'": "se", "qu'": "que", "c'": "ce", "j'": "je", "m'": "me",
        "t'": "te", "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque",
    },
    "en": {},
}
# Dependency relations a modality or negation does not reach across (another clause).
_CLAUSE_DEPS = {"acl:relcl", "advcl", "parataxis", "appos", "dep", "punct", "discourse", "vocative",
                "list", "reparandum", "orphan", "ROOT", "root", "csubj", "csubj:pass"}
# Relations by which a noun cue depends on a "carrier" verb whose negation it shares.
_NEGATION_PATH_DEPS = {"obj", "obl", "obl:arg", "iobj", "nsubj:pass", "nmod", "xcomp"}
_MAX_CHAIN = 6
_DEGREE_KINDS = ("intensifier", "attenuator")
# Words that introduce what a consultation is about: a background rule needs one between the act
# and the cue, or the cue as the act's direct object ("discussed the war", "talks on the war"), not
# its circumstances ("talks in a tense climate", "reprise des pourparlers dans un climat tendu").
_TOPIC_MARKERS = {
    "fr": {"de", "d'", "du", "des", "sur", "concernant"},
    "en": {"on", "over", "about", "regarding", "concerning", "at", "of"},
}
# English negations that deny a negating verb after them ("not ruled out", "never refused").
_NEGATION_PARTICLES = {"not", "never"}
# A quantifier right before a French noun cue negates it whatever the parse made of it ("aucune
# avancée", "nul progrès" parsed with "nul" as the head); "moindre" negates after one of these
# ("pas le moindre progrès", "sans la moindre concession"). Articles are not counted as words.
_NEGATING_DETERMINERS = {"aucun", "aucune", "nul", "nulle"}
_BEFORE_MOINDRE = {"pas", "sans", "aucun", "aucune", "jamais", "ni", "nul", "nulle"}
# A consultation whose outcome a sentence denies ("the talks ended without a deal", "le sommet n'a
# débouché sur aucun accord") is the occasion of a failure, not cooperation: it keeps this share.
FAILED_OCCASION_FACTOR = 0.1
_OUTCOME_CATEGORIES = {"agreement", "improvement", "normalisation"}


def _word_class(token: Token) -> str:
    return {"AUX": "VERB", "PROPN": "NOUN"}.get(token.pos_, token.pos_)


def _norm(text: str) -> str:
    return text.lower().replace("\u2019", "'").replace("\u02bc", "'")


# --------------------------------------------------------------------------- modifier data


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


class _Word(NamedTuple):
    """One word as matching and the modifier windows see it. Cached per (form, lemma) across
    sentences (see CueFinder._word), so that a sentence costs one look-up per word and a window
    tests a word's few candidate rules instead of looking each of its forms up again per cue."""

    key: str  # the matching key (_OTHER, _STOP or a pattern word)
    form: str
    words: frozenset[str]  # the forms and lemmas a rule may name
    stop: bool  # a modifier window stops at it
    bounds_degree: bool  # a conjunction: the intensifier and attenuator windows stop at it
    ending_rules: tuple[ModifierRule, ...]  # window rules before/around whose phrase ends with it
    starting_rules: tuple[ModifierRule, ...]  # window rules after/around whose phrase starts with it
    first_rules: tuple[ModifierRule, ...]  # every window rule whose phrase starts with it


class _Hit(NamedTuple):
    """A modifier found for a cue: the rule, its words as text, and where (keyed position, if known)."""

    rule: ModifierRule
    trigger: str
    at: int | None = None


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
        if kind == "exception":
            if scope not in _EXCEPTABLE_KINDS:
                raise ValueError(f"{where}: an exception's scope names the kind it blocks, e.g. 'negation'")
        elif kind == "boundary":
            if scope not in ("-", "degree"):
                raise ValueError(f"{where}: a boundary's scope is '-' (every window) or 'degree'")
        elif scope not in WINDOW_SCOPES + PARSE_SCOPES + ("-",):
            raise ValueError(f"{where}: unknown scope '{row['scope']}'")
        if kind in ("boundary", "carrier") and len(row["phrase"].split()) > 2:
            raise ValueError(f"{where}: a {kind} is one word (a carrier may add its object: 'avoir lieu')")
        if kind == "boundary" and len(row["phrase"].split()) != 1:
            raise ValueError(f"{where}: a boundary is one word")
        distance = int(scope_text[1]) if scope in WINDOW_SCOPES else 0
        factor = 1.0 if row["factor"] == "-" else float(row["factor"])
        articles = _ARTICLES.get(row["lang"], set())
        words = tuple(w if w.startswith("=") or scope == "morph" else _norm(w) for w in row["phrase"].split()
                      if kind == "boundary" or _norm(w) not in articles)
        rules.append(ModifierRule(row["lang"], kind, row["phrase"], words, factor, scope, distance,
                                  row.get("note", "")))
    return tuple(rules)


# --------------------------------------------------------------------------- word keys


class _Keyer:
    """Reduces words to the keys patterns are written in (see the module docstring)."""

    def __init__(self, lang: str):
        self.lang = lang
        self.function_words = _FUNCTION_WORDS.get(lang, {})
        lookups = load_lookups(lang, ["lemma_lookup", "lemma_rules"], strict=False)
        self.lookup = lookups.get_table("lemma_lookup", {}) if lookups.has_table("lemma_lookup") else {}
        rules = lookups.get_table("lemma_rules") if lookups.has_table("lemma_rules") else {}
        self.rules = [pair for pos in ("verb", "noun", "adj") for pair in (rules.get(pos) or [])]
        # The rules indexed by their suffix, so an unseen word tests a few suffixes, not ~120 rules.
        self._rules_by_suffix: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        for index, (old, new) in enumerate(self.rules):
            self._rules_by_suffix[old].append((index, old, new))
        self._longest_suffix = max((len(old) for old, _ in self.rules), default=0)

    def canon(self, word: str) -> str:
        """The key of a pattern word (or of one candidate lemma of a sentence word).

        The lookup table is followed to a fixed point, because it is not idempotent
        ("broker" -> "broke" -> "break") and a sentence word arrives already lemmatised once.
        "=word" (an exact form, see lexicon.py) is kept as it is.
        """
        word = _norm(word)
        if word.startswith("=") and len(word) > 1:
            return word
        if word in self.function_words:
            return self.function_words[word]
        for _ in range(3):
            found = self.lookup.get(word)
            if not found:
                break
            found = found[0] if isinstance(found, list) else found
            if found == word:
                break
            word = found
        return word

    def candidates(self, form: str, lemma: str) -> Iterable[str]:
        yield "=" + form  # an exact-form pattern word wins
        yield self.canon(form) if form in self.function_words else self.canon(lemma)
        yield self.canon(form)
        hits = [rule for k in range(0, min(self._longest_suffix, len(form) - 1) + 1)
                for rule in self._rules_by_suffix.get(form[len(form) - k:] if k else "", ())]
        for _, old, new in sorted(hits):  # in the tables' order, as spaCy's rule lemmatizer
            yield self.canon(form[: len(form) - len(old)] + new)


# --------------------------------------------------------------------------- the finder


@dataclass
class _Match:
    entry: LexiconEntry
    words: tuple[int, ...]  # positions (in the keyed sentence) of the pattern's words
    start: int  # first and last keyed positions, inclusive
    end: int


class CueFinder:
    """Finds one language's cues in sentences; build once per (nlp, lang, lexicon): see cue_finder()."""

    def __init__(self, nlp, lang: str, lexicon: Lexicon, modifiers: Sequence[ModifierRule] | None = None):
        self.lang = lang
        self.lexicon = lexicon
        self.entries = lexicon.entries(lang)
        self.keyer = _Keyer(lang)
        self.articles = _ARTICLES.get(lang, set())
        rules = [r for r in (load_modifiers() if modifiers is None else modifiers) if r.lang == lang]
        self._set_up_modifiers(rules)
        self._set_up_patterns(nlp)
        self._words: dict[tuple[int, int], _Word | None] = {}
        self._lemma_keys: dict[tuple[int, int], tuple[str, ...]] = {}
        self.version = f"{lexicon.version}-{_modifiers_hash(rules)}-r{RULES_VERSION}"

    # ----------------------------------------------------------------- set-up

    def _set_up_patterns(self, nlp) -> None:
        """Key every pattern word, then load the contiguous patterns into a PhraseMatcher and
        the segments of the gapped ones, over a private vocabulary of keys."""
        keyed: list[tuple[LexiconEntry, list[str | int]]] = []
        for entry in self.entries:
            parts: list[str | int] = []
            for part in entry.parts:
                if isinstance(part, int) or part.startswith("="):
                    parts.append(part)
                else:  # a pattern word may be several tokens ("cessez-le-feu" is one, "all-out" three)
                    parts.extend(self.keyer.canon(t.text) for t in nlp.tokenizer(part)
                                 if not t.is_space and _norm(t.text) not in self.articles)
            keyed.append((entry, _tidy_gaps(entry, parts)))
        self.pattern_words = {p for _, parts in keyed for p in parts if isinstance(p, str)}
        # Each entry as the matcher sees it; two entries with the same keys are one cue twice.
        self.keyed_patterns = {entry.pattern: tuple(parts) for entry, parts in keyed}
        self.vocab = Vocab()
        self.phrase_matcher = PhraseMatcher(self.vocab)
        self._entry_by_label: dict[str, LexiconEntry] = {}
        # A gapped pattern is a chain of contiguous segments ("relation", 8, "dégrader"): the
        # PhraseMatcher finds the segments, _chain() checks their order and the gaps. (spaCy's
        # Matcher with "{0,8}" wildcards did the same at a cost of ~1 ms per sentence.)
        self._gapped: dict[str, list[tuple[LexiconEntry, list[str], list[int]]]] = defaultdict(list)
        segment_labels: set[str] = set()
        for index, (entry, parts) in enumerate(keyed):
            if all(isinstance(p, str) for p in parts):
                label = str(index)
                self._entry_by_label[label] = entry
                self.phrase_matcher.add(label, [Doc(self.vocab, words=[str(p) for p in parts])])
                continue
            segments: list[list[str]] = [[]]
            gaps: list[int] = []
            for part in parts:
                if isinstance(part, int):
                    segments.append([])
                    gaps.append(part)
                else:
                    segments[-1].append(part)
            labels = ["seg " + " ".join(segment) for segment in segments]
            for label, segment in zip(labels, segments, strict=True):
                if label not in segment_labels:
                    segment_labels.add(label)
                    self.phrase_matcher.add(label, [Doc(self.vocab, words=segment)])
            self._gapped[labels[0]].append((entry, labels, gaps))

    def _set_up_modifiers(self, rules: list[ModifierRule]) -> None:
        self.boundaries = {r.words[0] for r in rules if r.kind == "boundary" and r.scope != "degree"}
        # Conjunctions bound only the intensifier and attenuator windows: "intérêts communs et
        # profondes divergences" does not make the interests deep, while "could retaliate and
        # expel" keeps its modality.
        self.degree_boundaries = {r.words[0] for r in rules if r.kind == "boundary" and r.scope == "degree"}
        self.carriers = {r.words[0] for r in rules if r.kind == "carrier" and len(r.words) == 1}
        self.carriers_of_subject = {r.words for r in rules if r.kind == "carrier" and len(r.words) == 2}
        self.exceptions = [r for r in rules if r.kind == "exception"]
        # Topic rules (the complement of a statement: "condamne l'essai") and background rules (a
        # tension named as the subject of a cooperative act: "discussed the war"); both name the
        # category of the governing cue.
        self.topic_rules = [r for r in rules if r.kind in ("topic", "background")]
        self._statement_categories = {" ".join(r.words) for r in self.topic_rules if r.kind == "topic"}
        self.window_rules = [r for r in rules if r.scope in WINDOW_SCOPES and r.kind not in ("topic", "background")]
        self.child_rules = [r for r in rules if r.scope == "child"]
        self.modality_children = {w: r for r in self.child_rules if r.kind == "modality" for w in r.words}
        head = [r for r in rules if r.scope == "head" and r.kind not in ("topic", "background", "ending")]
        self.head_rules = {r.words[0]: r for r in head if len(r.words) == 1}
        # A verb with its object: "mettre fin à", "mettre un terme à" (verb -> {object: rule}).
        self.head_pairs: dict[str, dict[str, ModifierRule]] = defaultdict(dict)
        for r in head:
            if len(r.words) == 2:
                self.head_pairs[r.words[0]][r.words[1]] = r
        # A hostility that comes to an end ("the war had ended", "la guerre a pris fin"): the parse
        # rows name the verb (and its object) the cue is the subject of.
        endings = [r for r in rules if r.kind == "ending" and r.scope == "head"]
        self.ending_heads = {r.words[0]: r for r in endings if len(r.words) == 1}
        self.ending_pairs = {r.words: r for r in endings if len(r.words) == 2}
        self.double_negation = ModifierRule(self.lang, "modality", "double negation", (), DOUBLE_NEGATION_FACTOR,
                                            "-", 0, "a denied denial: possible, not done")
        self.morph_rules = [r for r in rules if r.scope == "morph"]
        # (rule, feature, value): "Mood=Cnd" split once, not for every verb of every cue.
        self.morph_features = [(r, *r.words[0].partition("=")[::2]) for r in self.morph_rules]
        # The negation child rules with their words ("ne ... plus" -> ("ne", "plus")).
        self.negation_children = [(r, tuple(w for w in r.words if w != "...")) for r in self.child_rules
                                  if r.kind == "negation"]
        # Negation particles found after a "ne" ("ne sont plus", "n'a jamais").
        self.particles = {
            w: r for r in self.child_rules if r.kind == "negation" for w in r.words
            if w in ("pas", "plus", "jamais", "guère", "point", "rien", "personne", "nullement", "aucunement")
        }
        # One-word intensifiers and attenuators, for the parse rule on predicate adjectives.
        self.degree_words: dict[str, list[ModifierRule]] = defaultdict(list)
        for rule in rules:
            if rule.kind in _DEGREE_KINDS and len(rule.words) == 1:
                self.degree_words[rule.words[0]].append(rule)
        self._rules_by_last: dict[str, list[ModifierRule]] = defaultdict(list)
        self._rules_by_first: dict[str, list[ModifierRule]] = defaultdict(list)
        for rule in self.window_rules:
            if rule.scope in ("before", "around"):
                self._rules_by_last[rule.words[-1].lstrip("=").lower()].append(rule)
            if rule.scope in ("after", "around"):
                self._rules_by_first[rule.words[0].lstrip("=").lower()].append(rule)
        self._rules_by_any_first: dict[str, list[ModifierRule]] = defaultdict(list)
        for rule in self.window_rules:
            self._rules_by_any_first[rule.words[0].lstrip("=").lower()].append(rule)
        self._exceptions_by_first: dict[str, list[ModifierRule]] = defaultdict(list)
        for rule in self.exceptions:
            self._exceptions_by_first[rule.words[0]].append(rule)  # rule.scope: the kind it blocks
        self._max_window = max((r.distance + len(r.words) for r in self.window_rules), default=0)

    def is_statement(self, category: str) -> bool:
        """Cues of this category are statements whose object is their topic ("condamne X")."""
        return category in self._statement_categories

    # ----------------------------------------------------------------- matching

    def _word(self, token: Token) -> _Word | None:
        """The word's key and window information; None for a word matching leaves out (spaces,
        quote marks, articles). Cached by string-store ids: no string work on a cache hit."""
        cache_key = (token.orth, token.lemma)
        if cache_key in self._words:
            return self._words[cache_key]
        text = token.text
        found = None
        if not (token.is_space or text in _QUOTES or text.lower() in self.articles):
            form = _norm(text)
            if form in _STOP_PUNCT or form in self.boundaries:
                key = _STOP
            else:
                lemma = _norm(token.lemma_) if token.lemma_ else form
                key = next((c for c in self.keyer.candidates(form, lemma) if c in self.pattern_words), _OTHER)
            words = frozenset({form, _norm(token.lemma_), self.keyer.canon(token.lemma_)} if token.lemma_ else {form})
            stop = (token.is_punct and text not in _WINDOW_TRANSPARENT) or form in self.boundaries
            found = _Word(
                key, form, words, stop, form in self.degree_boundaries,
                tuple(r for w in words for r in self._rules_by_last.get(w, ())),
                tuple(r for w in words for r in self._rules_by_first.get(w, ())),
                tuple(r for w in words for r in self._rules_by_any_first.get(w, ())),
            )
        if len(self._words) > 200_000:
            self._words.clear()
        self._words[cache_key] = found
        return found

    def _matches(self, keys: list[str]) -> list[_Match]:
        if all(k in (_OTHER, _STOP) for k in keys):
            return []
        doc = Doc(self.vocab, words=keys)
        found: list[_Match] = []
        segments: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for label_id, start, end in self.phrase_matcher(doc):
            label = self.vocab.strings[label_id]
            entry = self._entry_by_label.get(label)
            if entry is not None:
                found.append(_Match(entry, tuple(range(start, end)), start, end - 1))
            else:
                segments[label].append((start, end))
        if segments:
            stops = [i for i, k in enumerate(keys) if k == _STOP]
            for first, occurrences in list(segments.items()):
                for entry, labels, gaps in self._gapped.get(first, ()):
                    for start, end in occurrences:
                        for words in self._chain(segments, labels, gaps, 1, start, end, stops):
                            found.append(_Match(entry, tuple(range(start, end)) + words, start, words[-1]))
        return found

    def _chain(self, segments, labels, gaps, index, prev_start, prev_end, stops) -> Iterable[tuple[int, ...]]:
        """Every way to place segments[index:] after a segment ending at prev_end: each within
        its gap and with no sentence stop in between; yields the placed segments' positions."""
        if index == len(labels):
            yield ()
            return
        for start, end in segments.get(labels[index], ()):
            if prev_end <= start <= prev_end + gaps[index - 1] and not any(prev_end <= s < start for s in stops):
                for rest in self._chain(segments, labels, gaps, index + 1, start, end, stops):
                    yield tuple(range(start, end)) + rest

    @staticmethod
    def _resolve_overlaps(found: list[_Match]) -> list[_Match]:
        """Most pattern words first, then the tighter span, then the earlier one."""
        found.sort(key=lambda m: (-len(m.words), m.end - m.start, m.start, -abs(m.entry.weight)))
        taken: set[int] = set()
        kept: list[_Match] = []
        for match in found:
            if taken.isdisjoint(match.words):
                taken.update(match.words)
                kept.append(match)
        return sorted(kept, key=lambda m: m.start)

    # ----------------------------------------------------------------- public

    def find(self, sent: Span, base: int = 0) -> list[Cue]:
        """The cues of one sentence, with offsets ``base + token.idx`` into the article's text."""
        tokens, words = [], []
        cache, describe = self._words, self._word
        for token in sent:
            cache_key = (token.orth, token.lemma)
            word = cache[cache_key] if cache_key in cache else describe(token)
            if word is not None:
                tokens.append(token)
                words.append(word)
        kept = self._resolve_overlaps(self._matches([w.key for w in words]))
        if not kept or all(m.entry.category == NOT_A_CUE for m in kept):
            return []
        ctx = _SentenceContext(self, sent, tokens, words, kept)
        cues_kept = [m for m in kept if m.entry.category != NOT_A_CUE]
        found = {m.start: self._modifiers(m, ctx) for m in cues_kept}
        self._relate(cues_kept, found, ctx)
        weighed = {m.start: self._combine(m, found[m.start], ctx) for m in cues_kept}
        self._failed_occasions(cues_kept, found, weighed)
        absorbed = self._absorbed(cues_kept, found, weighed, ctx)
        cues = []
        for match in cues_kept:
            if match.start in absorbed:
                continue
            first, last = tokens[match.start], tokens[match.end]
            start, end = first.idx, last.idx + len(last.text)
            weight, modifiers = weighed[match.start]
            cues.append(Cue(
                start=base + start,
                end=base + end,
                text=ctx.text[start - sent.start_char:end - sent.start_char],
                pattern=match.entry.pattern,
                category=match.entry.category,
                base_weight=match.entry.weight,
                weight=weight,
                modifiers=tuple(modifiers),
            ))
        return cues

    # ----------------------------------------------------------------- modifiers

    def _modifiers(self, match: _Match, ctx: _SentenceContext) -> dict[str, _Hit]:
        """The modifiers of one cue, the strongest of each kind; two negations make a double one."""
        found: dict[str, _Hit] = {}
        negations: list[_Hit] = []
        is_tension = match.entry.weight > 0

        def offer(hit: _Hit) -> None:
            kind = hit.rule.kind
            if kind == "ending":
                # The end of a hostility negates it; a meeting or a truce that ends is no cue's
                # negation ("the summit ended with a pledge").
                if not is_tension:
                    return
                kind = "negation"
            if kind == "background":
                # Talking about cooperation is still cooperation; discussing sanctions against a
                # country is a step towards them (modifiers.tsv).
                if not is_tension or match.entry.category == "sanctions":
                    return
                kind = "topic"
            if kind == "negation":
                negations.append(hit)
            best = found.get(kind)
            stronger = (best is None or (kind == "intensifier" and hit.rule.factor > best.rule.factor)
                        or (kind in ("attenuator", "modality", "topic") and hit.rule.factor < best.rule.factor))
            if stronger:
                found[kind] = hit

        use_parse = ctx.has_parse
        for hit in ctx.window_hits(match):
            if hit.rule.kind in ("negation", "ending") and use_parse:
                continue  # the parse decides French negation
            offer(hit)
        if use_parse:
            for hit in ctx.parse_hits(match):
                offer(hit)
        elif len(negations) > 1:
            # Without a parse: a negation particle before a negating verb denies the denial
            # ("has not ruled out talks", "did not refuse to meet").
            particles = [h for h in negations if h.rule.words[-1] in _NEGATION_PARTICLES and h.at is not None]
            verbs = [h for h in negations if h.rule.words[-1] not in _NEGATION_PARTICLES and h.at is not None]
            outer = next((p for p in particles for v in verbs if p.at < v.at), None)
            if outer is not None:
                inner = next(v for v in verbs if outer.at < v.at)
                del found["negation"]
                offer(_Hit(self.double_negation, f"{outer.trigger} ... {inner.trigger}", outer.at))
        # A statement that is itself the cue's negation ("refused to condemn") is no topic of it.
        topic, negation = found.get("topic"), found.get("negation")
        if topic and negation and topic.at is not None and topic.at == negation.at:
            del found["topic"]
        return found

    def _relate(self, matches: list[_Match], found: dict[int, dict[str, _Hit]], ctx: _SentenceContext) -> None:
        """A topic of a denied statement is background only ("n'a pas condamné l'essai nucléaire")."""
        for match in matches:
            topic = found[match.start].get("topic")
            if topic is None or topic.rule.kind != "topic" or topic.at is None:
                continue
            statement = ctx.cue_at.get(topic.at)
            if statement is not None and "negation" in found.get(statement.start, {}):
                rule = topic.rule
                found[match.start]["topic"] = _Hit(
                    ModifierRule(rule.lang, "topic", rule.phrase, rule.words, DENIED_TOPIC_FACTOR, rule.scope,
                                 rule.distance, "topic of a denied statement"),
                    topic.trigger + " (denied)", topic.at)

    @staticmethod
    def _failed_occasions(matches, found, weighed) -> None:
        """A meeting whose outcome the sentence denies is the occasion of a failure.

        "The summit failed to produce an agreement", "les négociations n'ont permis aucune
        avancée": the denied outcome is the news; the meeting, which did take place, would
        otherwise outweigh it (a meeting -1.5..-2.5, a denied outcome at most +2.7).
        """
        failed = [m for m in matches if m.entry.category in _OUTCOME_CATEGORIES
                  and "negation" in found[m.start] and weighed[m.start][0] > 0]
        if not failed:
            return
        trigger = failed[0].entry.pattern
        for match in matches:
            weight, notes = weighed[match.start]
            if match.entry.category == "consultation" and "negation" not in found[match.start] and weight < 0:
                weighed[match.start] = (round(weight * FAILED_OCCASION_FACTOR, 2),
                                        notes + [f"occasion of a failure '{trigger}' (denied): x{FAILED_OCCASION_FACTOR:g}"])

    @staticmethod
    def _absorbed(matches, found, weighed, ctx) -> set[int]:
        """Cues that only served as another cue's negation, which then reads the other way.

        "refused to condemn the invasion": the refusal is the condemnation denied (alignment), not a
        disagreement beside it; "refused to meet" keeps both, since both read as tension.
        """
        absorbed: set[int] = set()
        for match in matches:
            negation = found[match.start].get("negation")
            if negation is None or negation.at is None:
                continue
            negator = ctx.cue_at.get(negation.at)
            if negator is None or negator is match:
                continue
            weight = weighed[match.start][0]
            if weight and (weight > 0) != (negator.entry.weight > 0):
                absorbed.add(negator.start)
        return absorbed

    def _combine(self, match: _Match, found: dict[str, _Hit], ctx: _SentenceContext) -> tuple[float, list[str]]:
        weight = match.entry.weight
        notes: list[str] = []
        for kind in ("intensifier", "attenuator", "modality", "topic"):
            if kind in found:
                rule, trigger, _ = found[kind]
                weight *= rule.factor
                label = {"topic": "topic of", "background": "background of"}.get(rule.kind, kind)
                if rule is self.double_negation:
                    label = "double negation"
                notes.append(f"{label} '{trigger}': x{rule.factor:g}")
        if "negation" in found:
            rule, trigger, _ = found["negation"]
            weight *= rule.factor
            capped = abs(weight) > NEGATION_CAP
            if capped:
                weight = NEGATION_CAP if weight > 0 else -NEGATION_CAP
            notes.append(f"negation '{trigger}': x{rule.factor:g}" + (f", capped at {NEGATION_CAP:g}" if capped else ""))
        weight = round(min(SCORE_MAX, max(SCORE_MIN, weight)), 2)
        if ctx.in_quotes(match):
            notes.append("in quotes: no change")
        if ctx.in_question(match):
            notes.append("in a question: no change")
        return weight, notes


class _SentenceContext:
    """What the modifier rules need to know about one sentence, computed once for all its cues."""

    def __init__(self, finder: CueFinder, sent: Span, tokens: list[Token], words: list[_Word], kept: list[_Match]):
        self.finder = finder
        self.sent = sent
        self.tokens = tokens
        self.infos = words
        self.position = {t.i: p for p, t in enumerate(tokens)}
        # Every token of a parsed sentence has a relation (the root's is "ROOT"); asking the Doc
        # (has_annotation) would scan the whole article for every sentence.
        self.has_parse = bool(tokens[0].dep) if tokens else False
        self.cue_at = {p: m for m in kept if m.entry.category != NOT_A_CUE for p in m.words}
        self.cue_words = set(self.cue_at)
        self._exempt: dict[tuple[str, int], bool] = {}
        # The parse rules of every cue of a sentence climb to the same few verbs: their children
        # and modality hits are worked out once per sentence (by token index).
        self._children_of: dict[int, list[Token]] = {}
        self._verb_modality_of: dict[int, tuple[list[Token], list[_Hit], list[_Hit]]] = {}
        # A cue's root and governors are asked for by several rules (by match start, root index).
        self._root_of: dict[int, Token] = {}
        self._governors_of: dict[int, list[Token]] = {}
        self._longest_exception = max((len(r.words) for r in finder.exceptions), default=0)
        # Doc.text and Span.text rebuild the text from the tokens on every call: sliced from the
        # doc's text, read once per doc and shared with the other stages.
        self.text = span_text(sent)

    # Exceptions are computed for the few positions the rules look at.

    def form(self, p: int) -> str:
        return self.infos[p].form

    def words(self, p: int) -> frozenset[str]:
        return self.infos[p].words

    def stop(self, p: int) -> bool:
        return self.infos[p].stop

    # ----------------------------------------------------------------- windows

    def _phrase_at(self, words: tuple[str, ...], start: int) -> bool:
        if start < 0 or start + len(words) > len(self.tokens):
            return False
        for offset, word in enumerate(words):
            p = start + offset
            if word.startswith("="):
                if self.tokens[p].text != word[1:]:
                    return False
            elif word not in self.words(p):
                return False
        return True

    def _exempt_at(self, kind: str, p: int) -> bool:
        """Whether an exception phrase for this kind covers position p ("sans" in "sans précédent")."""
        key = (kind, p)
        found = self._exempt.get(key)
        if found is None:
            found = False
            for start in range(max(0, p - self._longest_exception + 1), p + 1):
                for word in self.words(start):
                    for rule in self.finder._exceptions_by_first.get(word, ()):
                        if (rule.scope in (kind, "all") and start + len(rule.words) > p
                                and self._phrase_at(rule.words, start)):
                            found = True
            self._exempt[key] = found
        return found

    def _blocked(self, kind: str, positions: Iterable[int | None]) -> bool:
        return any(self._exempt_at(kind, p) for p in positions if p is not None)

    def _trigger(self, rule: ModifierRule, start: int) -> str | None:
        """The phrase's text if it may act here (not inside an exception for its kind)."""
        span = range(start, start + len(rule.words))
        if self._blocked(rule.kind, span):
            return None
        return " ".join(self.tokens[p].text for p in span)

    def _framed(self, act: int, cue: int) -> bool:
        """Whether the words between an act and a cue make the cue its topic (_TOPIC_MARKERS)."""
        markers = _TOPIC_MARKERS.get(self.finder.lang, set())
        return act + 1 == cue or any(self.form(q) in markers for q in range(act + 1, cue))

    def window_hits(self, match: _Match) -> Iterable[_Hit]:
        finder = self.finder
        # Leftwards from the cue: a phrase ending at p, at most rule.distance words before.
        p = match.start - 1
        degree_blocked = False
        infos = self.infos
        while p >= 0 and match.start - 1 - p <= finder._max_window:
            info = infos[p]
            for rule in info.ending_rules:
                if degree_blocked and rule.kind in _DEGREE_KINDS:
                    continue
                start = p - len(rule.words) + 1
                if (match.start - 1 - p <= rule.distance and self._phrase_at(rule.words, start)
                        and not any(infos[q].stop for q in range(start, p + 1))):
                    trigger = self._trigger(rule, start)
                    if trigger:
                        yield _Hit(rule, trigger, start)
            if p in self.cue_words:
                if not self.has_parse and not degree_blocked:  # "constructive and friendly": no topic
                    other = self.cue_at[p]
                    for rule in finder.topic_rules:
                        if (rule.scope == "before" and match.start - 1 - p <= rule.distance
                                and " ".join(rule.words) == other.entry.category
                                and (rule.kind != "background" or self._framed(p, match.start))):
                            yield _Hit(rule, " ".join(self.tokens[q].text for q in other.words), p)
                break
            if info.stop:
                break
            degree_blocked = degree_blocked or info.bounds_degree
            p -= 1
        # Rightwards.
        p = match.end + 1
        degree_blocked = False
        while p < len(infos) and p - match.end - 1 <= finder._max_window:
            info = infos[p]
            for rule in info.starting_rules:
                if degree_blocked and rule.kind in _DEGREE_KINDS:
                    continue
                if p - match.end - 1 <= rule.distance and self._phrase_at(rule.words, p):
                    trigger = self._trigger(rule, p)
                    if trigger:
                        yield _Hit(rule, trigger, p)
            if info.stop or p in self.cue_words:
                break
            degree_blocked = degree_blocked or info.bounds_degree
            p += 1
        # Inside the gaps of a gapped cue ("tensions did not ease"), in either direction.
        words = set(match.words)
        for p in range(match.start + 1, match.end):
            if p in words:
                continue
            for rule in infos[p].first_rules:
                end = p + len(rule.words) - 1
                if end < match.end and words.isdisjoint(range(p, end + 1)) and self._phrase_at(rule.words, p):
                    trigger = self._trigger(rule, p)
                    if trigger:
                        yield _Hit(rule, trigger, p)

    # ----------------------------------------------------------------- French parse

    def _root(self, match: _Match) -> Token:
        """The pattern word highest in the parse ("dégradées" in "relations ... dégradées")."""
        found = self._root_of.get(match.start)
        if found is None:
            candidates = [self.tokens[p] for p in match.words]
            found = self._root_of[match.start] = min(candidates, key=lambda t: (sum(1 for _ in t.ancestors), t.i))
        return found

    def _inside(self, token: Token) -> bool:
        return self.sent.start <= token.i < self.sent.end

    def _governors(self, root: Token) -> list[Token]:
        """The words governing the cue within its clause, nearest first.

        Climbs through complements and objects; stops at relative and adverbial clauses and at
        a conjunct that has its own subject or auxiliary (an independent clause) or whose first
        conjunct is of another word class (a parse error). From a conjunct without one, it skips
        the first conjunct and continues from that conjunct's governor, since both share it
        ("pourrait imposer des sanctions et expulser des diplomates").
        """
        chain = self._governors_of.get(root.i)
        if chain is not None:
            return chain
        chain = self._governors_of[root.i] = []
        current = root
        while len(chain) < _MAX_CHAIN:
            head = current.head
            if head is current or not self._inside(head) or current.dep_ in _CLAUSE_DEPS:
                break
            if current.dep_ == "conj":
                if any(c.dep_.startswith(("nsubj", "aux")) for c in self._children(current)):
                    break
                if _word_class(current) != _word_class(head):
                    break  # a verb conjoined to a noun is a parse error: trust nothing above it
                current = head
                continue
            chain.append(head)
            current = head
        return chain

    def _negator(self, token: Token, own: frozenset[int] = frozenset()) -> tuple[ModifierRule, str] | None:
        """The negation that applies to this word, with its words as readable text.

        A negation child rule ("pas", "aucun", "sans", "ne ... plus") on the word; or a "ne" on
        the word with a particle close after it: the parser attaches "plus" and "pas" to
        neighbouring words as often as to the verb ("ne sont plus aussi tendues"); or a "ne" with
        a negative subject ("personne ne parle de normalisation"). Words of the cue itself
        ("ne ~3 tolérer ~2 pas") do not count.
        """
        start, end = self.sent.start, self.sent.end
        children = [c for c in self._children(token) if start <= c.i < end and c.i not in own]
        forms = {_norm(c.text): c for c in children}
        if "n'" in forms:
            forms.setdefault("ne", forms["n'"])
        for rule, words in self.finder.negation_children:
            if not all(w in forms for w in words):
                continue
            hits = [forms[w] for w in words]
            if self._blocked("negation", (self.position.get(c.i) for c in hits)):
                continue
            if "ne" in forms and "ne" not in words:
                hits.insert(0, forms["ne"])
            return rule, " ... ".join(c.text for c in hits)
        if "ne" in forms:
            ne = forms["ne"]
            doc = token.doc
            for i in range(ne.i + 1, min(max(token.i, ne.i) + 3, self.sent.end)):
                particle = _norm(doc[i].text)
                rule = self.finder.particles.get(particle)
                if rule is not None and i not in own and not self._blocked("negation", [self.position.get(i)]):
                    return rule, f"{ne.text} ... {doc[i].text}"
            for child in children:
                rule = self.finder.particles.get(_norm(child.text))
                if rule is not None and child.dep_.startswith("nsubj"):
                    return rule, f"{child.text} {ne.text}"
        return None

    def _depends_on_particle(self, root: Token) -> tuple[ModifierRule, str] | None:
        """"n'y a plus de dialogue", parsed with the cue under the particle "plus"."""
        head = root.head
        rule = self.finder.particles.get(_norm(head.text))
        if rule is None or head is root or not self._inside(head):
            return None
        doc = head.doc
        before = doc[max(self.sent.start, head.i - 4): head.i]
        ne = next((t for t in before if _norm(t.text) in ("ne", "n'")), None)
        return (rule, f"{ne.text} ... {head.text}") if ne is not None else None

    def parse_hits(self, match: _Match) -> Iterable[_Hit]:
        finder = self.finder
        root = self._root(match)
        own = {self.tokens[p].i for p in match.words}

        # Negation on the cue's own words (its head first), on a verb it complements ("n'a pas
        # voulu condamner"), or on a "carrier" verb above it in the clause ("n'ont pas signé
        # d'accord", "n'ont pas réussi à s'entendre"); not through another cue ("n'a pas condamné
        # les frappes" leaves the strikes standing) nor from a subject ("les sanctions n'ont pas eu
        # d'effet").
        determiner = self._negating_determiner(match)
        if determiner:
            yield determiner
        hit = self._ending(root)
        if hit:
            yield hit
        # A denied denial by a quantifier ("n'exclut aucune coopération") is the whole reading.
        denied_denial = determiner is not None and determiner.rule is finder.double_negation
        places = [] if denied_denial else [root] + [self.tokens[p] for p in match.words if self.tokens[p] is not root]
        current = root
        for _ in range(3):
            head = current.head
            if head is current or not self._inside(head):
                break
            # "n'a aucune intention d'attaquer": an intention noun carries its clause's negation.
            if current.dep_ not in _NEGATION_PATH_DEPS and not (
                    current.dep_ == "acl" and self._is_carrier(head)):
                break
            other = self.cue_at.get(self.position.get(head.i))
            if other is not None and head.i not in own and finder.is_statement(other.entry.category):
                break
            if current.dep_ == "xcomp" or self._is_carrier(head):
                places.append(head)
            current = head
        head = root.head
        if root.dep_.startswith("nsubj") and self._inside(head):  # "la rencontre n'a pas eu lieu"
            for verb, obj in finder.carriers_of_subject:
                if _norm(head.lemma_) == verb and any(_norm(c.lemma_) == obj for c in head.children):
                    places.append(head)
        for place in places:
            if place is not root and self._negating_head(place) is not None:
                continue  # "n'exclut pas de rencontrer": a denied denial, read below
            hit = self._negator(place, frozenset(own))
            if hit:
                yield _Hit(*hit)
                break
        else:
            hit = None if denied_denial else self._depends_on_particle(root)
            if hit:
                yield _Hit(*hit)

        # Intensifiers and attenuators the window cannot see: a predicate adjective ("les tensions
        # restent fortes", "sont vives"). (Adjacent modifiers are the windows' job: the small
        # parser attaches adjectives to the wrong noun too often to trust it further away.)
        describing = []
        if root.dep_.startswith("nsubj") and self._inside(root.head):
            predicate = root.head
            if predicate.pos_ == "ADJ":
                describing.append(predicate)
            describing.extend(c for c in predicate.children if c.dep_ == "xcomp" and c.pos_ == "ADJ")
        for word in describing:
            if word.i in own:
                continue
            for key in {_norm(word.text), _norm(word.lemma_)}:
                for rule in finder.degree_words.get(key, ()):
                    yield _Hit(rule, word.text)

        chain = self._governors(root)
        # The topic of a statement: "a condamné l'essai nucléaire", "salue l'accord" -- a
        # complement of the statement, not its subject ("une crise oppose Bakou et Erevan").
        for below, governor in zip([root, *chain], chain[:3], strict=False):
            other = self.cue_at.get(self.position.get(governor.i))
            if other is not None and governor.i not in own:
                if below.dep_.startswith(("nsubj", "csubj")):
                    break
                markers = _TOPIC_MARKERS.get(finder.lang, set())
                about = below.dep_ == "obj" or any(
                    c.dep_ == "case" and _norm(c.text) in markers for c in below.children)
                for rule in finder.topic_rules:
                    if (rule.scope == "head" and " ".join(rule.words) == other.entry.category
                            and (rule.kind != "background" or about)):
                        yield _Hit(rule, governor.text, self.position.get(governor.i))
                break
        # A governing "refuser", "cesser", "la fin de", "mettre fin à" ... negates the cue it has
        # as complement ("cesser les frappes"; not "suspendu ... une semaine après la rencontre"),
        # unless itself negated: "ne cesse de" and "ne signifie pas la fin des rivalités" cancel
        # it; a verb denied with a particle ("n'exclut pas de rencontrer", "n'a pas refusé") leaves
        # the cue possible. Not through a statement cue ("a refusé de condamner l'invasion": the
        # invasion is what is talked about).
        below = root
        for governor in chain[:2]:
            if below.dep_ not in _NEGATION_PATH_DEPS:
                break
            position = self.position.get(governor.i)
            rule = self._negating_head(governor)
            other = self.cue_at.get(position)
            if (rule is None and other is not None and governor.i not in own
                    and finder.is_statement(other.entry.category)):
                break
            if rule is not None and governor.i not in own:
                denied = self._negator(governor)
                negated = denied or any(_norm(c.text) in ("ne", "n'") for c in governor.children)
                verb = governor.head
                if not negated and governor.pos_ in ("NOUN", "PROPN") and self._inside(verb) and verb is not governor:
                    negated = self._negator(verb)
                if not negated:
                    yield _Hit(rule, governor.text, position)
                elif denied and governor.pos_ in ("VERB", "AUX"):
                    yield _Hit(finder.double_negation, f"{denied[1]} {governor.text}", position)
                break
            below = governor

        # Modality: a governing modal verb (or its auxiliary), a conditional or future verb,
        # a "si" clause.
        verbs = [root, *chain]
        for verb in verbs:
            auxiliaries, mood_hits, child_hits = self._verb_modality(verb)
            for word in ([verb] if verb is not root else []) + auxiliaries:
                rule = next((finder.head_rules[k] for k in self._lemmas(word) if k in finder.head_rules), None)
                if rule is not None and rule.kind == "modality" and word.i not in own:
                    yield _Hit(rule, word.text)
            yield from mood_hits
            yield from child_hits

    def _children(self, token: Token) -> list[Token]:
        found = self._children_of.get(token.i)
        if found is None:
            found = self._children_of[token.i] = list(token.children)
        return found

    def _verb_modality(self, verb: Token) -> tuple[list[Token], list[_Hit], list[_Hit]]:
        """A verb's auxiliaries in the sentence, the modality of its (or their) mood or tense, and
        its modality children ("si")."""
        found = self._verb_modality_of.get(verb.i)
        if found is None:
            finder = self.finder
            children = self._children(verb)
            auxiliaries = [c for c in children if c.dep_.startswith("aux") and self._inside(c)]
            mood_hits = [_Hit(rule, word.text) for word in [verb, *auxiliaries]
                         for rule, feature, value in finder.morph_features if value in word.morph.get(feature)]
            child_hits = []
            for child in children:
                rule = finder.modality_children.get(_norm(child.text))
                if rule is not None and self._inside(child):
                    child_hits.append(_Hit(rule, child.text))
            found = self._verb_modality_of[verb.i] = (auxiliaries, mood_hits, child_hits)
        return found

    def _negating_determiner(self, match: _Match) -> _Hit | None:
        """"aucune avancée", "nul progrès", "pas le moindre progrès", "aucune véritable avancée".

        Looked for by position, since the small parser often hangs the quantifier elsewhere (on
        the verb, or as the head of the noun). An adjective may stand between. Under a denying
        verb ("n'exclut aucune intervention") it is a denied denial: possible, not done.
        """
        p = match.start - 1
        if p >= 0 and self.tokens[p].pos_ == "ADJ" and self.form(p) not in _NEGATING_DETERMINERS | {"moindre"}:
            p -= 1
        if p < 0 or self.stop(p) or p in self.cue_words:
            return None
        form = self.form(p)
        if form == "moindre" and p >= 1 and self.form(p - 1) in _BEFORE_MOINDRE:
            words, start = (self.form(p - 1),), p - 1
        elif form in _NEGATING_DETERMINERS:
            words, start = (form,), p
        else:
            return None
        rule = next((r for r in self.finder.child_rules if r.kind == "negation" and r.words == words), None)
        if rule is None or self._blocked("negation", range(start, p + 1)):
            return None
        trigger = " ".join(self.tokens[q].text for q in range(start, p + 1))
        root = self._root(match)
        for governor in self._governors(root)[:2]:
            if governor.i not in {self.tokens[q].i for q in match.words} and self._negating_head(governor):
                return _Hit(self.finder.double_negation, f"{governor.text} {trigger}", self.position.get(governor.i))
        return _Hit(rule, trigger, start)

    def _ending(self, root: Token) -> _Hit | None:
        """The cue (or the noun it qualifies: "l'état de guerre") is the subject of an ending verb:
        "la guerre a pris fin", "les hostilités ont cessé". Not when that verb is itself denied
        or takes an infinitive."""
        finder = self.finder
        subject = root
        if subject.dep_ == "nmod" and self._inside(subject.head) and subject.head.pos_ == "NOUN":
            subject = subject.head
        verb = subject.head
        if not subject.dep_.startswith("nsubj") or not self._inside(verb) or verb is subject:
            return None
        rule = next((finder.ending_heads[k] for k in self._lemmas(verb) if k in finder.ending_heads), None)
        trigger = verb.text
        if rule is None:
            for child in verb.children:
                found = finder.ending_pairs.get((_norm(verb.lemma_), _norm(child.lemma_)))
                if found is not None and child.dep_ in ("obj", "obl", "obl:arg"):
                    rule, trigger = found, f"{verb.text} {child.text}"
                    break
        # "la guerre n'a pas pris fin"; "la tension ne cesse de monter" (keeps on), "les frappes
        # ont cessé de viser les civils" (an infinitive: the verb is an aspect, not an end).
        if (rule is None or self._negator(verb) is not None
                or any(_norm(c.text) in ("ne", "n'") or c.dep_ in ("xcomp", "ccomp") for c in verb.children)):
            return None
        return _Hit(rule, trigger, self.position.get(verb.i))

    def _lemmas(self, word: Token) -> tuple[str, ...]:
        """The model's lemma and the lookup lemma of the form: the small model leaves some verbs
        unlemmatised ("cherche" tagged with the lemma "cherche")."""
        cache_key = (word.orth, word.lemma)  # they depend on the form and lemma only: cached across sentences
        lemma_keys = self.finder._lemma_keys
        found = lemma_keys.get(cache_key)
        if found is None:
            lemma = _norm(word.lemma_)
            keys = [lemma, self.finder.keyer.canon(word.text)]
            if self.finder.lang == "fr":  # a first-group verb left as its form: "cherche" -> "chercher"
                form = _norm(word.text)
                for ending in ("ent", "es", "ez", "e"):
                    if form.endswith(ending):
                        keys.append(form[: -len(ending)] + "er")
                        break
            found = tuple(dict.fromkeys(keys))
            if len(lemma_keys) > 200_000:
                lemma_keys.clear()
            lemma_keys[cache_key] = found
        return found

    def _is_carrier(self, word: Token) -> bool:
        return any(k in self.finder.carriers for k in self._lemmas(word))

    def _negating_head(self, word: Token) -> ModifierRule | None:
        """The negation rule of a governing word: "refuser", "la fin de", or a verb with its
        object ("mettre fin à", "mettre un terme à")."""
        finder = self.finder
        for lemma in self._lemmas(word):
            rule = finder.head_rules.get(lemma)
            if rule is not None and rule.kind == "negation":
                return rule
        objects = finder.head_pairs.get(_norm(word.lemma_))
        if objects:
            for child in word.children:
                rule = objects.get(_norm(child.lemma_))
                if rule is not None and rule.kind == "negation" and child.dep_ in ("obj", "obl", "obl:arg"):
                    return rule
        return None

    # ----------------------------------------------------------------- notes

    def in_quotes(self, match: _Match) -> bool:
        """Whether the cue's first word stands inside quotation marks opened in this sentence."""
        first = self.tokens[match.start]
        before = self.text[: first.idx - self.sent.start_char]
        depth = sum(before.count(q) for q in _OPENING_QUOTES) - sum(before.count(q) for q in _CLOSING_QUOTES)
        return depth > 0 or before.count('"') % 2 == 1

    def in_question(self, match: _Match) -> bool:
        last = self.tokens[match.end]
        return "?" in self.text[last.idx + len(last.text) - self.sent.start_char:]


def _tidy_gaps(entry: LexiconEntry, parts: list[str | int]) -> list[str | int]:
    """Merge the gaps around a word that was an article ("relation ~2 la ~2 crise")."""
    tidy: list[str | int] = []
    for part in parts:
        if isinstance(part, int) and tidy and isinstance(tidy[-1], int):
            tidy[-1] += part
        else:
            tidy.append(part)
    while tidy and isinstance(tidy[0], int):
        tidy.pop(0)
    while tidy and isinstance(tidy[-1], int):
        tidy.pop()
    if not tidy:
        raise LexiconError(
            f"{entry.source}: pattern '{entry.pattern}' has no word left once the articles "
            f"(le, la, les, the, a, an), which matching leaves out, are set aside; add a word"
        )
    return tidy


def _modifiers_hash(rules: Sequence[ModifierRule]) -> str:
    import hashlib

    text = "\n".join(f"{r.kind}\t{r.phrase}\t{r.factor:g}\t{r.scope}\t{r.distance}" for r in rules)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


@functools.lru_cache(maxsize=16)
def cue_finder(nlp, lang: str, lexicon: Lexicon) -> CueFinder:
    """The CueFinder for this pipeline, language and lexicon, built once and reused."""
    return CueFinder(nlp, lang, lexicon)
