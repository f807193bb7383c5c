"""The target of an act named after a place preposition: "Hamas fired rockets at Israel", "une
incursion en Irak de l'armée turque", "Chinese firms invested $2bn in Egypt", "Israeli jets struck
targets near Damascus airport", "frappé un dépôt dans le centre de la Syrie", "a dépêché des avions
au Liban". The preposition's phrase hangs on an act (data/roles.tsv, list `place_act`), so the
country is what the act is aimed at, a party, not the place where something else happens. Real
places stay places: "met in Beijing", "talks in Geneva", "signed in Paris", "réunis à Doha" (no
act), "struck a deal in Geneva" (an act word whose object is a deal or talks), "killed in an attack
in Kabul" (an act noun with no agent: nobody named does it).

Read from the parse: from the country up its heads, through what only locates the phrase (a
preposition, a place or area noun, a name, the noun the country qualifies: "Egypt's central bank",
"la région de Homs") and through the object of a verb ("struck targets", "dépêché des avions"), to
the first word that is neither. That word decides: an act, or nothing. The small French parser
often hangs a noun on its own adjective ("frappes israéliennes sur le territoire syrien"): when the
climb finds no act, an act word a few words before in the same clause decides, if it acts.
"""

from __future__ import annotations

from spacy.tokens import Token

from tracker.scorer.mentions.decision import RoleDecision
from tracker.scorer.mentions.gazetteer import mention_index
from tracker.scorer.mentions.pieces import fold_word, phrase_key
from tracker.scorer.mentions.sentence import SentenceContext
from tracker.scorer.mentions.wordlists import CLAUSE_BREAKS, stem_match, verb_stems

_COUNTRY_KINDS = frozenset({"name", "capital", "demonym"})
_OBJECT_DEPS = frozenset({"obj", "dobj"})
# The act's own words around the noun: who does it ("frappes israéliennes", "its strikes", "l'armée turque").
_AGENT_DEPS = frozenset({"poss", "amod", "nmod", "compound", "det", "nmod:poss"})
_CLIMB_LIMIT = 6
_AGENT_DEPTH = 3
_SURFACE_WIDTH = 6  # pieces read back from the mention for an act word when the parse finds none
_AGENT_WIDTH = 3  # pieces read around an act noun for its agent

def act_target(ctx: SentenceContext, first: int, last: int) -> RoleDecision | None:
    """The country of pieces first..last is the target of an act its phrase hangs on, or None."""
    span = _span_tokens(ctx, first, last)
    act = _act_above(ctx, span) or _act_before(ctx, first, span)
    return RoleDecision("actor", f"target of '{act.text}' (place_act)", True) if act else None


def _act_above(ctx: SentenceContext, span: list[Token]) -> Token | None:
    """The act the mention's phrase hangs on in the parse, climbing through what only locates it."""
    token = _span_head(span)
    for _ in range(_CLIMB_LIMIT):
        head = token.head
        if head.i == token.i:
            return None
        if _act_word(ctx, head) and _acts(ctx, head, span):
            return head
        if not _locates(ctx, token, head):
            return None
        token = head
    return None


def _act_before(ctx: SentenceContext, first: int, span: list[Token]) -> Token | None:
    """An act word among the few pieces before the mention, in its clause, that acts."""
    for i in range(first - 1, max(-1, first - 1 - _SURFACE_WIDTH), -1):
        if ctx.keys[i] in CLAUSE_BREAKS:
            return None
        token = ctx.token(i)
        if _act_word(ctx, token) and _acts(ctx, token, span):
            return token
    return None


def _span_tokens(ctx: SentenceContext, first: int, last: int) -> list[Token]:
    start, end = ctx.pieces[first].start, ctx.pieces[last - 1].end
    tokens = [t for t in ctx.sent if start <= t.idx < end]
    return tokens or [ctx.token(first)]


def _span_head(tokens: list[Token]) -> Token:
    """The mention's token whose head is outside the mention ("Arabia" of "Saudi Arabia")."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])


def _word_in(ctx: SentenceContext, token: Token, listname: str) -> str | None:
    for form in (fold_word(token.lemma_ or token.text), fold_word(token.text)):
        if ctx.has(listname, form):
            return form
    stems = verb_stems(ctx.lang).get(listname)
    if stems and token.pos_ in {"VERB", "AUX"} and stem_match(stems, fold_word(token.text)):
        return fold_word(token.text)
    return None


def _act_word(ctx: SentenceContext, token: Token) -> str | None:
    if token.pos_ not in {"NOUN", "VERB", "PROPN"}:
        return None
    return _word_in(ctx, token, "place_act")


def _acts(ctx: SentenceContext, act: Token, span: list[Token]) -> bool:
    """The act is done by someone: a verb not about a deal ("struck a deal in Geneva"), a noun with
    its agent named or made the object of a verb ("carried out strikes", "a mené une incursion")."""
    if any(c.dep_ in _OBJECT_DEPS and _word_in(ctx, c, "discussion_noun") for c in act.children):
        return False
    if act.pos_ == "VERB":
        return True
    if act.dep_ in _OBJECT_DEPS:
        return True
    inside = {t.i for t in span}
    return _agent_below(ctx, act, inside, _AGENT_DEPTH) or _agent_beside(ctx, act, inside)


def _agent_beside(ctx: SentenceContext, act: Token, target: set[int]) -> bool:
    """A country word or a possessive right around the act noun ("frappes israéliennes", "its
    strikes", "Russia's invasion"), whatever the parse made of them."""
    sent = act.sent
    start, end = max(sent.start, act.i - _AGENT_WIDTH), min(sent.end, act.i + _AGENT_WIDTH)
    for token in sent.doc[start:end]:
        if token.i == act.i or token.i in target:
            continue
        if fold_word(token.text) in CLAUSE_BREAKS and token.i > act.i:
            return False
        if "Poss=Yes" in str(token.morph) or mention_index(ctx.lang).has_kind(phrase_key(token.text), _COUNTRY_KINDS):
            return True
    return False


def _agent_below(ctx: SentenceContext, token: Token, target: set[int], depth: int) -> bool:
    """A country word or a possessive among the act noun's dependents (the target itself aside)."""
    if depth == 0:
        return False
    for child in token.children:
        if child.i not in target and _is_agent_word(ctx, child):
            return True
        if _agent_below(ctx, child, target, depth - 1):
            return True
    return False


def _is_agent_word(ctx: SentenceContext, token: Token) -> bool:
    if token.dep_ in {"poss", "nmod:poss"} or "Poss=Yes" in str(token.morph):
        return True
    return token.dep_ in _AGENT_DEPS and mention_index(ctx.lang).has_kind(phrase_key(token.text), _COUNTRY_KINDS)


def _locates(ctx: SentenceContext, token: Token, head: Token) -> bool:
    """The head only places the phrase, so the climb goes on: a preposition, a place or area noun,
    a name, the noun the country qualifies, or the object of a verb (the act is the verb)."""
    if head.pos_ == "ADP" or head.pos_ == "PROPN":
        return True
    if head.pos_ not in {"NOUN", "ADJ"}:
        return False
    if _word_in(ctx, head, "place_noun") or _word_in(ctx, head, "area_noun"):
        return True
    if head.dep_ in _OBJECT_DEPS and head.head.pos_ == "VERB":
        return True
    return token.dep_ in {"poss", "compound"} or mention_index(ctx.lang).has_kind(phrase_key(head.text), _COUNTRY_KINDS)
