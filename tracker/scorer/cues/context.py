"""What the modifier rules need to know about one sentence, worked out once for all its cues.

The parse rules of every cue of a sentence climb to the same few verbs: a word's children, a
verb's auxiliaries and mood hits, a cue's root and governors, the exceptions at a position are
cached here per sentence; a word's lemma keys across sentences (keys.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from spacy.tokens import Span, Token

from tracker.scorer.lexicon import NOT_A_CUE
from tracker.scorer.mentions import span_text

from ..morph_values import morph_values
from .keys import WordKeyer
from .matching import Match, Word
from .rules import ModifierRule, ModifierTable
from .words import norm

# Dependency relations a modality or negation does not reach across (another clause).
_CLAUSE_DEPS = {"acl:relcl", "advcl", "parataxis", "appos", "dep", "punct", "discourse", "vocative",
                "list", "reparandum", "orphan", "ROOT", "root", "csubj", "csubj:pass"}
_MAX_CHAIN = 6  # governors climbed at most
# Relations of a word that only qualifies its head (a fronted participle, an adverbial phrase).
_MODIFIER_DEPS = frozenset({"obl:mod", "advcl", "acl", "advmod", "amod"})
# Relations by which a governing verb takes an object ("mettre fin à", "prendre fin").
OBJECT_DEPS = ("obj", "obl", "obl:arg", "compound:prt")
_OPENING_QUOTES = {"«", "“", "„", "‹"}
_CLOSING_QUOTES = {"»", "”", "›"}


class Hit(NamedTuple):
    """A modifier found for a cue: the rule, its words as text, and where (keyed position, if known)."""

    rule: ModifierRule
    trigger: str
    at: int | None = None


class VerbModality(NamedTuple):
    auxiliaries: list[Token]  # the verb's auxiliaries in the sentence
    mood_hits: list[Hit]  # the modality of its (or their) mood or tense
    child_hits: list[Hit]  # its modality children ("si")


def _word_class(token: Token) -> str:
    return {"AUX": "VERB", "PROPN": "NOUN"}.get(token.pos_, token.pos_)


class SentenceContext:
    """One sentence's words, cues and parse, as the modifier rules read them."""

    def __init__(self, table: ModifierTable, keyer: WordKeyer, sent: Span, tokens: list[Token],
                 infos: list[Word], kept: list[Match]):
        self.table = table
        self.relations = table.relations
        self.words_of_language = table.words
        self.keyer = keyer
        self.sent = sent
        self.tokens = tokens
        self.infos = infos
        self.position = {t.i: p for p, t in enumerate(tokens)}
        # Every token of a parsed sentence has a relation (the root's is "ROOT"); asking the Doc
        # (has_annotation) would scan the whole article for every sentence.
        self.has_parse = table.reads_parse and bool(tokens[0].dep) if tokens else False
        self.cue_at = {p: m for m in kept if m.entry.category != NOT_A_CUE for p in m.words}
        self.cue_words = set(self.cue_at)
        self._exempt: dict[tuple[str, int], bool] = {}
        self._children_of: dict[int, list[Token]] = {}
        self._head_of: dict[int, Token] = {}
        self._dep_of: dict[int, str] = {}
        self._verb_modality_of: dict[int, VerbModality] = {}
        # A cue's root and governors are asked for by several rules (by match start, root index).
        self._root_of: dict[int, Token] = {}
        self._governors_of: dict[int, list[Token]] = {}
        # Doc.text and Span.text rebuild the text from the tokens on every call: sliced from the
        # doc's text, read once per doc and shared with the other stages.
        self.text = span_text(sent)

    def form(self, p: int) -> str:
        return self.infos[p].form

    def words(self, p: int) -> frozenset[str]:
        return self.infos[p].words

    def stop(self, p: int) -> bool:
        return self.infos[p].stop

    def cue_of(self, token: Token) -> Match | None:
        """The cue the word belongs to, if any."""
        p = self.position.get(token.i)
        return None if p is None else self.cue_at.get(p)

    def text_of(self, positions: Iterable[int]) -> str:
        return " ".join(self.tokens[p].text for p in positions)

    # ----------------------------------------------------------------- phrases and exceptions

    def phrase_at(self, words: tuple[str, ...], start: int) -> bool:
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
            for start in range(max(0, p - self.table.longest_exception + 1), p + 1):
                for word in self.words(start):
                    for rule in self.table.exceptions_by_first.get(word, ()):
                        if (rule.scope in (kind, "all") and start + len(rule.words) > p
                                and self.phrase_at(rule.words, start)):
                            found = True
            self._exempt[key] = found
        return found

    def blocked(self, kind: str, positions: Iterable[int | None]) -> bool:
        """Whether an exception for this kind covers one of the positions (computed for the few the rules ask)."""
        return any(self._exempt_at(kind, p) for p in positions if p is not None)

    def trigger(self, rule: ModifierRule, start: int) -> str | None:
        """The phrase's text if it may act here (not inside an exception for its kind)."""
        span = range(start, start + len(rule.words))
        if self.blocked(rule.kind, span):
            return None
        return self.text_of(span)

    # ----------------------------------------------------------------- the parse

    def root(self, match: Match) -> Token:
        """The pattern word highest in the parse ("dégradées" in "relations ... dégradées")."""
        found = self._root_of.get(match.start)
        if found is None:
            candidates = [self.tokens[p] for p in match.words]
            # Of two words as high, the one that is no modifier: "Signé en 2019, l'accord ... a été
            # suspendu" is the agreement (the suspended subject), not the fronted participle.
            found = self._root_of[match.start] = min(
                candidates, key=lambda t: (sum(1 for _ in t.ancestors), self.dep(t) in _MODIFIER_DEPS, t.i))
        return found

    def inside(self, token: Token) -> bool:
        return self.sent.start <= token.i < self.sent.end

    def children(self, token: Token) -> list[Token]:
        found = self._children_of.get(token.i)
        if found is None:
            found = self._children_of[token.i] = self.relations.children(token)
        return found

    def head(self, token: Token) -> Token:
        found = self._head_of.get(token.i)
        if found is None:
            found = self._head_of[token.i] = self.relations.head(token)
        return found

    def dep(self, token: Token) -> str:
        """The word's relation to its head, in Universal Dependencies names (relations.py)."""
        found = self._dep_of.get(token.i)
        if found is None:
            found = self._dep_of[token.i] = self.relations.dep(token)
        return found

    def governors(self, root: Token) -> list[Token]:
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
            head, dep = self.head(current), self.dep(current)
            if head is current or not self.inside(head) or dep in _CLAUSE_DEPS:
                break
            if dep == "conj":
                if any(self.dep(c).startswith(("nsubj", "aux")) for c in self.children(current)):
                    break
                if _word_class(current) != _word_class(head):
                    break  # a verb conjoined to a noun is a parse error: trust nothing above it
                if head.pos_ == "PROPN" and current.pos_ == "NOUN":
                    break  # "support to the Philippines and concern over ...": a second act, not a name's twin
                current = head
                continue
            chain.append(head)
            current = head
        return chain

    def verb_modality(self, verb: Token) -> VerbModality:
        found = self._verb_modality_of.get(verb.i)
        if found is None:
            table = self.table
            children = self.children(verb)
            auxiliaries = [c for c in children if self.dep(c).startswith("aux") and self.inside(c)]
            mood_hits = [Hit(rule, word.text) for word in [verb, *auxiliaries]
                         for rule, feature, value in table.morph_features if value in morph_values(word, feature)]
            child_hits = []
            for child in children:
                rule = table.modality_children.get(norm(child.text))
                if rule is not None and self.inside(child):
                    child_hits.append(Hit(rule, child.text))
            found = self._verb_modality_of[verb.i] = VerbModality(auxiliaries, mood_hits, child_hits)
        return found

    def lemmas(self, word: Token) -> tuple[str, ...]:
        return self.keyer.lemmas(word)

    def is_carrier(self, word: Token) -> bool:
        return any(k in self.table.carriers for k in self.lemmas(word))

    def has_ne(self, word: Token) -> bool:
        """Whether a "ne" hangs on the word ("ne cesse de")."""
        ne_forms = self.words_of_language.ne_forms
        return any(norm(c.text) in ne_forms for c in self.children(word))

    def negating_head(self, word: Token) -> ModifierRule | None:
        """The negation rule of a governing word: "refuser", "la fin de", or a verb with its
        object ("mettre fin à", "mettre un terme à")."""
        table = self.table
        for lemma in self.lemmas(word):
            rule = table.head_rules.get(lemma)
            if rule is not None and rule.kind == "negation":
                return rule
        objects = table.head_pairs.get(norm(word.lemma_))
        if objects:
            for child in self.children(word):
                rule = objects.get(norm(child.lemma_))
                if rule is not None and rule.kind == "negation" and self.dep(child) in OBJECT_DEPS:
                    return rule
        return None

    def negator(self, token: Token, own: frozenset[int] = frozenset()) -> tuple[ModifierRule, str] | None:
        """The negation that applies to this word, with its words as readable text.

        A negation child rule ("pas", "aucun", "sans", "ne ... plus") on the word; or a "ne" on
        the word with a particle close after it: the parser attaches "plus" and "pas" to
        neighbouring words as often as to the verb ("ne sont plus aussi tendues"); or a "ne" with
        a negative subject ("personne ne parle de normalisation"). Words of the cue itself
        ("ne ~3 tolérer ~2 pas") do not count.
        """
        start, end = self.sent.start, self.sent.end
        children = [c for c in self.children(token) if start <= c.i < end and c.i not in own]
        forms = {norm(c.text): c for c in children}
        for bearer in self.relations.negation_bearers(children):
            forms.setdefault(norm(bearer.text), bearer)
        ne = self.words_of_language.ne
        for other in self.words_of_language.get("ne")[1:]:  # "n'" counts as "ne"
            if other in forms:
                forms.setdefault(ne, forms[other])
        for rule, words in self.table.negation_children:
            if not all(w in forms for w in words):
                continue
            hits = [forms[w] for w in words]
            if self.blocked("negation", (self.position.get(c.i) for c in hits)):
                continue
            if ne and ne in forms and ne not in words:
                hits.insert(0, forms[ne])
            return rule, " ... ".join(c.text for c in hits)
        if ne and ne in forms:
            return self._particle_near_ne(token, forms[ne], children, own)
        return None

    def _particle_near_ne(self, token: Token, ne: Token, children: list[Token],
                          own: frozenset[int]) -> tuple[ModifierRule, str] | None:
        """A negation particle a few words after the word's "ne", or its negative subject."""
        doc = token.doc
        particles = self.table.particles
        for i in range(ne.i + 1, min(max(token.i, ne.i) + 3, self.sent.end)):
            rule = particles.get(norm(doc[i].text))
            if rule is not None and i not in own and not self.blocked("negation", [self.position.get(i)]):
                return rule, f"{ne.text} ... {doc[i].text}"
        for child in children:
            rule = particles.get(norm(child.text))
            if rule is not None and self.dep(child).startswith("nsubj"):
                return rule, f"{child.text} {ne.text}"
        return None

    def depends_on_particle(self, root: Token) -> tuple[ModifierRule, str] | None:
        """"n'y a plus de dialogue", parsed with the cue under the particle "plus"."""
        head = self.head(root)
        rule = self.table.particles.get(norm(head.text))
        if rule is None or head is root or not self.inside(head):
            return None
        before = head.doc[max(self.sent.start, head.i - 4): head.i]
        ne_forms = self.words_of_language.ne_forms
        ne = next((t for t in before if norm(t.text) in ne_forms), None)
        return (rule, f"{ne.text} ... {head.text}") if ne is not None else None

    # ----------------------------------------------------------------- notes

    def in_quotes(self, match: Match) -> bool:
        """Whether the cue's first word stands inside quotation marks opened in this sentence."""
        first = self.tokens[match.start]
        before = self.text[: first.idx - self.sent.start_char]
        depth = sum(before.count(q) for q in _OPENING_QUOTES) - sum(before.count(q) for q in _CLOSING_QUOTES)
        return depth > 0 or before.count('"') % 2 == 1

    def in_question(self, match: Match) -> bool:
        last = self.tokens[match.end]
        return "?" in self.text[last.idx + len(last.text) - self.sent.start_char:]
