"""The target of an act named after a place preposition: "Syrian forces fired rockets at Israel",
"une incursion en Irak de l'armée turque", "Chinese firms invested $2bn in Egypt", "Israeli jets struck
targets near Damascus airport", "frappé un dépôt dans le centre de la Syrie", "a dépêché des avions
au Liban". The preposition's phrase hangs on an act (data/roles.tsv, list `place_act`), so the
country is what the act is aimed at, a party, not the place where something else happens. Real
places stay places: "met in Beijing", "talks in Geneva", "signed in Paris", "réunis à Doha" (no
act), "struck a deal in Geneva" (an act word whose object is a deal or talks), "killed in an attack
in Kabul", "strikes hit targets in Syria" (nobody named does the act: no country subject, pronoun or
country word on the act noun; with no country as its source the act forms no pair anyway).

Read from the parse: from the country up its heads, through what only locates the phrase (a
preposition, a place or area noun, a name, the noun the country qualifies: "Egypt's central bank",
"la région de Homs") and through the object of a verb ("struck targets", "dépêché des avions"), to
the first word that is neither. That word decides: an act, or nothing. The small French parser
often hangs a noun on its own adjective ("frappes israéliennes sur le territoire syrien"): when the
climb finds no act, an act word a few words before in the same clause decides, if it acts.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from tracker.scorer.mentions.decision import RoleDecision
from tracker.scorer.mentions.gazetteer import mention_index
from tracker.scorer.mentions.pieces import fold_word, join_key, phrase_key
from tracker.scorer.mentions.sentence import SentenceContext
from tracker.scorer.mentions.wordlists import CLAUSE_BREAKS, grammar_words, stem_match, verb_stems

_COUNTRY_KINDS = frozenset({"name", "capital", "demonym"})
_OBJECT_DEPS = frozenset({"obj", "dobj"})
_OF_PREPOSITIONS = grammar_words("of_preposition")
_POSSESSIVES = grammar_words("possessive")
# The act's own words around the noun: who does it ("frappes israéliennes", "its strikes", "l'armée turque").
_AGENT_DEPS = frozenset({"poss", "amod", "nmod", "compound", "det", "nmod:poss"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "obl:agent", "agent", "csubj"})
# A verb that depends on another takes its agent from it: "pledged to invest", "accusé d'avoir déployé".
_DEPENDENT_VERB_DEPS = frozenset({"xcomp", "advcl", "pcomp", "acl", "ccomp", "conj"})
_VERB_CLIMB = 3
_CONJ_CLIMB = 3  # conjuncts read back to the first one ("des drones, des roquettes et des missiles")
_CLIMB_LIMIT = 6
_AGENT_DEPTH = 3
_SURFACE_WIDTH = 8  # pieces read back from the mention for an act word when the parse finds none (as the dative rule)
_AGENT_WIDTH = 3  # pieces read around an act noun for its agent


class Act(NamedTuple):
    """The act a target's phrase hangs on, and who does it when a country word beside it says so."""

    word: Token
    # "frappes israéliennes", "l'armée turque": a country word on the act noun. None when the agent
    # is elsewhere (a verb's subject, the subject of "carried out strikes", a possessive's antecedent).
    agent: Token | None


def act_target(ctx: SentenceContext, first: int, last: int) -> RoleDecision | None:
    """The country of pieces first..last is the target of an act its phrase hangs on, or None.

    When the act is a noun with its agent named on it ("la frappe américaine en Syrie"), the
    decision carries the span of the act's words: the target is a side of that act only.
    """
    span = _span_tokens(ctx, first, last)
    act = _act_above(ctx, span) or _act_before(ctx, first, span)
    if act is None:
        return None
    reason = f"target of '{act.word.text}' (place_act)"
    if act.agent is None:
        return RoleDecision("actor", reason, True)
    words = [act.word, act.agent, *span]
    act_span = (min(w.idx for w in words), max(w.idx + len(w) for w in words))
    return RoleDecision("actor", f"{reason}, done by '{act.agent.text}'", True, act_span)


def _act_above(ctx: SentenceContext, span: list[Token]) -> Act | None:
    """The act the mention's phrase hangs on in the parse, climbing through what only locates it."""
    token = _span_head(span)
    for _ in range(_CLIMB_LIMIT):
        head = token.head
        if head.i == token.i:
            return None
        act = _act_of(ctx, head, span)
        if act:
            return act
        if not _locates(ctx, token, head):
            return None
        token = head
    return None


def _act_before(ctx: SentenceContext, first: int, span: list[Token]) -> Act | None:
    """An act word among the few pieces before the mention, in its clause, that acts. A meeting
    between them makes the place its venue ("sent envoys to talks in Doha"), and so does a second
    noun that locates nothing ("a raid at a solar panel factory in Georgia": the factory's place)."""
    nouns = 0
    for i in range(first - 1, max(-1, first - 1 - _SURFACE_WIDTH), -1):
        token = ctx.token(i)
        if ctx.keys[i] in CLAUSE_BREAKS or _word_in(ctx, token, "discussion_noun") or _word_in(ctx, token, "venue_noun"):
            return None
        act = _act_of(ctx, token, span)
        if act:
            return act
        if token.pos_ in {"NOUN", "PROPN"} and not _places(ctx, token):
            nouns += 1
            if nouns > 1:
                return None
    return None


def _places(ctx: SentenceContext, token: Token) -> bool:
    """A place or area noun, or a country word: it only locates what follows."""
    return bool(_word_in(ctx, token, "place_noun") or _word_in(ctx, token, "area_noun")) or _is_country_word(ctx, token)


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


def _act_of(ctx: SentenceContext, token: Token, span: list[Token]) -> Act | None:
    """The token as an act done by someone: a verb not about a deal ("struck a deal in Geneva"), a
    noun made the object of a verb ("carried out strikes", "a mené une incursion") or with its agent
    named on it ("frappes israéliennes", "its strikes", "l'armée turque")."""
    if token.pos_ not in {"NOUN", "VERB", "PROPN"} or not _word_in(ctx, token, "place_act"):
        return None
    if any(c.dep_ in _OBJECT_DEPS and _word_in(ctx, c, "discussion_noun") for c in token.children):
        return None
    inside = {t.i for t in span}
    if token.pos_ == "VERB":
        return Act(token, None) if _verb_has_agent(ctx, token, inside) else None
    agent = _agent_below(ctx, token, inside, _AGENT_DEPTH) or _agent_beside(ctx, token, inside)
    if agent is not None:
        return Act(token, agent if _is_country_word(ctx, agent) else None)
    first = _first_conjunct(token)
    if _done_by_its_verb(ctx, first) and _verb_has_agent(ctx, first.head, inside):
        return Act(token, None)  # "carried out strikes": the verb's subject does it
    return None  # "killed in an attack in Kabul": nobody named does it


def _first_conjunct(noun: Token) -> Token:
    """The first of the nouns coordinated with this one: the object of "a envoyé des drones et des
    missiles en Israël", "fired rockets and missiles at Israel" is the first, the others are its
    conjuncts and share its verb (a quantity word may head them: "une trentaine de chars et de blindés")."""
    for _ in range(_CONJ_CLIMB):
        if noun.dep_ != "conj" or noun.head.i == noun.i:
            break
        noun = noun.head
    return noun


def _done_by_its_verb(ctx: SentenceContext, noun: Token) -> bool:
    """The act noun is its verb's object, or hangs on a verb that only carries acts ("a effectué
    en début de semaine une frappe": the small French parser often makes such an object oblique)."""
    return noun.dep_ in _OBJECT_DEPS or (noun.head.pos_ == "VERB" and bool(_word_in(ctx, noun.head, "act_carrier")))


def _verb_has_agent(ctx: SentenceContext, verb: Token, target: set[int]) -> bool:
    """A country or a pronoun does the act: the verb's subject or agent ("Israeli jets struck"), or,
    for a verb that depends on another ("pledged to invest", "accused Rwanda of sending"), that
    one's subject or object. "Strikes hit targets in Syria" names nobody: Syria stays a place."""
    current = verb
    for _ in range(_VERB_CLIMB):
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS or (current is not verb and child.dep_ in _OBJECT_DEPS):
                if child.pos_ == "PRON" and child.dep_ in _SUBJECT_DEPS:
                    return True  # "it struck", "il a frappé": a country named before, or no pair
                if any(_is_country_word(ctx, w) for w in child.subtree if w.i not in target):
                    return True
        if current.dep_ not in _DEPENDENT_VERB_DEPS or current.head.i == current.i:
            return False
        current = current.head
    return False


def _agent_beside(ctx: SentenceContext, act: Token, target: set[int]) -> Token | None:
    """A country word or a possessive right around the act noun ("frappes israéliennes", "its
    strikes", "Russia's invasion"), whatever the parse made of them."""
    sent = act.sent
    start, end = max(sent.start, act.i - _AGENT_WIDTH), min(sent.end, act.i + _AGENT_WIDTH)
    for token in sent.doc[start:end]:
        if token.i == act.i or token.i in target:
            continue
        if fold_word(token.text) in CLAUSE_BREAKS and token.i > act.i:
            return None
        if "Poss=Yes" in str(token.morph) or _is_country_word(ctx, token):
            return token
    return None


def _agent_below(ctx: SentenceContext, token: Token, target: set[int], depth: int) -> Token | None:
    """A country word or a possessive among the act noun's dependents (the target itself aside)."""
    if depth == 0:
        return None
    for child in token.children:
        if child.i not in target and _is_agent_word(ctx, child):
            return child
        found = _agent_below(ctx, child, target, depth - 1)
        if found is not None:
            return found
    return None


def _is_agent_word(ctx: SentenceContext, token: Token) -> bool:
    if token.dep_ in {"poss", "nmod:poss"} or "Poss=Yes" in str(token.morph):
        return True
    return token.dep_ in _AGENT_DEPS and _is_country_word(ctx, token)


def _is_country_word(ctx: SentenceContext, token: Token) -> bool:
    return mention_index(ctx.lang).has_kind(phrase_key(token.text), _COUNTRY_KINDS)


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
    return token.dep_ in {"poss", "compound"} or _is_country_word(ctx, head)


_AGENT_PREPOSITIONS = frozenset({"par", "by"})
_NOUN_REACH = 4  # pieces read before an act noun for its agent ("Russia's full-scale invasion of")


def act_noun_target(ctx: SentenceContext, first: int, last: int) -> RoleDecision | None:
    """The country after de/of an act noun whose complement is its target (list `target_of`:
    "l'invasion de l'Ukraine par la Russie", "Russia's invasion of Ukraine", "the Russian invasion
    of Ukraine", "its invasion of Ukraine"), when the act's agent is named: a side of that act only
    (the decision carries the span from the agent to the target, as `act_target` does). A third
    country the sentence names for another act ("Paris et Moscou ... depuis l'invasion de
    l'Ukraine par la Russie") is then no counterpart of the target."""
    at = ctx.skip_determiners(first) - 1
    if at < 1 or ctx.keys[at] not in _OF_PREPOSITIONS:
        return None
    noun_at = _target_of_noun(ctx, at)
    if noun_at is None:
        return None
    agent = _agent_after(ctx, last) or _agent_before(ctx, noun_at, at)
    if agent is None:
        return None
    pieces = [ctx.pieces[i] for i in (agent, noun_at, first, last - 1)]
    span = (min(p.start for p in pieces), max(p.end for p in pieces))
    return RoleDecision("actor", f"target of '{ctx.pieces[noun_at].text}' done by '{ctx.pieces[agent].text}'",
                        True, span)


def _target_of_noun(ctx: SentenceContext, at: int) -> int | None:
    """Where the listed act noun right before the preposition stands (an adjective may follow it:
    "l'invasion russe de")."""
    for i in (at - 1, at - 2):
        if i >= 0 and (ctx.has("target_of", ctx.keys[i]) or ctx.has("target_of", ctx.lemma(i))):
            return i
        if i < 0 or not (ctx.pos(i) == "ADJ" or _is_country_piece(ctx, i)):
            return None
    return None


def _agent_after(ctx: SentenceContext, last: int) -> int | None:
    """ "par la Russie", "by Russia" right after the target: the piece of the agent country."""
    if last >= len(ctx.keys) or ctx.keys[last] not in _AGENT_PREPOSITIONS:
        return None
    i = last + 1
    while i < len(ctx.keys) and ctx.has("determiner", ctx.keys[i]):
        i += 1
    return i if i < len(ctx.keys) and _is_country_piece(ctx, i) else None


def _agent_before(ctx: SentenceContext, noun_at: int, at: int) -> int | None:
    """A country word beside the act noun ("Russia's", "Russian", "russe"), or a possessive
    ("its invasion"), which stands for the nearest country named before it."""
    for i in range(noun_at + 1, at):
        if _is_country_piece(ctx, i):
            return i
    for i in range(noun_at - 1, max(-1, noun_at - 1 - _NOUN_REACH), -1):
        if ctx.keys[i] in CLAUSE_BREAKS:
            return None
        if _is_country_piece(ctx, i):
            return i
        if ctx.keys[i] in _POSSESSIVES and ctx.keys[i] != "'s":
            return next((j for j in range(i - 1, -1, -1) if _is_country_piece(ctx, j)), None)
    return None


def _is_country_piece(ctx: SentenceContext, i: int) -> bool:
    return mention_index(ctx.lang).has_kind(ctx.keys[i], _COUNTRY_KINDS)


_APPOSITION_REACH = 3  # words between the comma and the relation noun ("la Russie, principale alliée de")


def apposition_partner(ctx: SentenceContext, first: int) -> RoleDecision | None:
    """A country named in an apposition that describes the country before it ("la Russie, alliée de
    la Biélorussie", "Iran, a close ally of Syria"): a partner of that country alone, named to
    describe it, so it pairs with no other country of the sentence (the span runs from the described
    country to this one, as an act's span does)."""
    found = ctx.phrase_before(ctx.skip_determiners(first), "apposition_relation")
    if found is None:
        return None
    comma = next((i for i in range(found[1] - 1, max(-1, found[1] - 1 - _APPOSITION_REACH), -1)
                  if ctx.keys[i] == ","), None)
    described = _country_ending_at(ctx, comma - 1) if comma is not None else None
    if described is None:
        return None
    span = (ctx.pieces[described].start, ctx.pieces[first].end)
    name = " ".join(piece.text for piece in ctx.pieces[described:comma])
    return RoleDecision("actor", f"describes '{name}' ('{found[0]}'), a partner of it alone", True, span,
                        describes=True)


_DESCRIBING_POS = frozenset({"NOUN", "ADJ", "NUM"})


def described_by_country(ctx: SentenceContext, first: int) -> RoleDecision | None:
    """French: a country named only to describe what stands before it ("deux républiques alliées de la
    Russie", "un proche de Moscou") is no side of the sentence's act. A phrase of the `described_by` list
    opening on an article names a person ("un proche de"); any other must follow a noun or adjective that
    is no country, so the group noun itself ("les alliés de la Russie") and appositions to a country
    (apposition_partner) are left alone."""
    if ctx.lang != "fr":
        return None
    found = ctx.phrase_before(ctx.skip_determiners(first), "described_by")
    if found is None:
        return None
    start = found[1]
    if not ctx.has("determiner", ctx.keys[start]):
        before = start - 1
        if before < 0 or ctx.pos(before) not in _DESCRIBING_POS or _is_country_piece(ctx, before):
            return None
    return RoleDecision("topic", f"describes what stands before it ('{found[0]}'), no side", describes=True)


_NAME_PIECES = 4  # pieces of the longest country name read before an apposition ("United Arab Emirates")


def _country_ending_at(ctx: SentenceContext, last: int) -> int | None:
    """Where the country name ending at piece `last` starts ("Saudi Arabia", "Iran"), or None."""
    if last < 0:
        return None
    key = ""
    for i in range(last, max(-1, last - _NAME_PIECES), -1):
        key = join_key(ctx.keys[i], key) if key else ctx.keys[i]
        if mention_index(ctx.lang).has_kind(key, _COUNTRY_KINDS):
            return i
    return None
