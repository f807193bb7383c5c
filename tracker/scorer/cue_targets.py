"""The country a cue names as its target, right after it: the act goes to that country's pairs.

A sentence with several pairs gives each cue to the pair named closest to it (pipeline.attribute_cues).
When the cue itself names whom it is aimed at, the act's target decides instead: "expressed support to
the Philippines and concern over the Chinese ship's actions" gives the support to the Philippines'
pairs and the concern to China's; "a reçu le soutien de Kim pour sa guerre contre l'Ukraine" gives the
war to Ukraine's pairs, not to the visit's. The target is an actor named just after the cue, behind a
target preposition of data/lexicon/cue_words.tsv ("against", "contre", "to", "à" ...) and articles
only; a cue whose own last word is that preposition ("concern over") needs nothing but articles.
Countries listed there (target joiners) are all its targets ("a rompu ses relations avec la Colombie, le Mexique et le
Venezuela"), a preposition repeated before each (data/sides.tsv, repeated) as the lists of frames.py read them: "a
rappelé ses ambassadeurs au Chili et en Bolivie" aims at both, not at the first alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tracker.records import Cue, Mention

from .cues.words import cue_words, norm
from .frames import side_words
from .parse_roles import (
    AGENT_DEPS,
    BY_PREPOSITIONS,
    OF_PREPOSITIONS,
    RELATIVE_DEPS,
    SUBJECT_DEPS,
    antecedent,
    doer,
    own_subjects,
    preposition_of,
)

# Characters between a cue's end and its target's name: a preposition and an article ("contre l'").
TARGET_REACH = 14
_GAP_WORD = re.compile(r"[^\W\d_]+['’]?|\S")


def cue_targets(cues: Sequence[Cue], mentions: Sequence[Mention], text: str, lang: str) -> dict[int, frozenset[str]]:
    """Cue start -> the countries the cue names as its target, for the cues that name one."""
    words = cue_words(lang)
    links, articles = frozenset(words.get("target preposition")), words.articles
    if not links:
        return {}
    actors = sorted((m for m in mentions if m.role == "actor"), key=lambda m: m.start)
    joiners = frozenset(words.get("target joiner"))
    found: dict[int, frozenset[str]] = {}
    for cue in cues:
        following = [m for m in actors if m.start >= cue.end]
        if not following or following[0].start - cue.end > TARGET_REACH:
            continue
        gap = _gap_words(text, cue.end, following[0].start)
        last = norm(cue.text.split()[-1]) if cue.text.split() else ""
        if _is_link(gap, links, articles) or (last in links and all(w in articles for w in gap)):
            # The list may go on with a country read as a place ("au Venezuela et au Nicaragua").
            named = sorted((m for m in mentions if m.start >= following[0].start and m.role in ("actor", "place")),
                           key=lambda m: m.start)
            found[cue.start] = _listed(named, text, links | articles | joiners | side_words()["repeated"])
    return found


def _gap_words(text: str, start: int, end: int) -> list[str]:
    return [norm(w) for w in _GAP_WORD.findall(text[start:end])]


def _listed(following: list[Mention], text: str, joining: frozenset[str]) -> frozenset[str]:
    """The first country after the cue and those listed with it ("au Venezuela et au Nicaragua")."""
    run = [following[0]]
    for mention in following[1:]:
        gap = _gap_words(text, run[-1].end, mention.start)
        if not gap or not all(w in joining for w in gap):
            break
        run.append(mention)
    return frozenset(m.country for m in run)


def _is_link(gap: list[str], links: frozenset[str], articles: frozenset[str]) -> bool:
    """A preposition of the target, then articles only: "against the", "contre l'", "aux"."""
    return bool(gap) and gap[0] in links and all(w in articles for w in gap[1:])


# --- the cue's own clause, from the dependency parse -------------------------------------------------

# Relations of a verb's or noun's dependants (Universal Dependencies for French, ClearNLP for English).
_SUBJECTS = SUBJECT_DEPS
_AGENTS = AGENT_DEPS  # "considéré par Séoul", "was condemned by Canada"
_BY = BY_PREPOSITIONS
# what a noun's act belongs to: "son soutien", "Israel's backing", "les frappes saoudiennes", "US sanctions"
_OWNERS = frozenset({"poss", "nmod:poss", "amod", "compound"})
# the parts a clause's acting countries are not named in: other clauses, appositions, lists of clauses
_CLAUSES = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "parataxis", "csubj", "xcomp", "pcomp",
                      "dep", "list"})
# a noun the act is done through, the verb itself no act ("a apporté son soutien", "made a protest to")
_CARRIED = frozenset({"obj", "dobj", "obl:arg", "nsubj:pass", "nsubjpass", "attr", "oprd"})
# a verb's dependants that name its other parties: objects, complements, prepositional phrases
_COMPLEMENTS = frozenset({"obj", "dobj", "iobj", "obl", "obl:arg", "obl:mod", "nsubj:pass", "nsubjpass", "prep",
                          "dative", "attr", "oprd", "nmod"})
_VERBS = frozenset({"VERB", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_MAX_CLIMB = 3


@dataclass(frozen=True)
class _Words:
    mutual: frozenset[str]  # "entre", "between": the countries it joins all act
    setting: frozenset[str]  # "malgré", "after", "over": what it introduces is no party of the act
    complement: frozenset[str]  # "for", "to": a noun it introduces is the verb's complement
    lang: str = "en"


@dataclass(frozen=True)
class CueRoles:
    """Character offsets (into Article.text) of the tokens that name a cue's acting side (its subject,
    agent or owner) and of those that name the other parties of its clause (objects, complements)."""

    agents: tuple[tuple[int, int], ...] = ()
    others: tuple[tuple[int, int], ...] = ()

    def countries(self, mentions: Sequence[Mention]) -> tuple[frozenset[str], frozenset[str]]:
        """The actor countries named in each role."""
        actors = [m for m in mentions if m.role == "actor"]
        return _named(actors, self.agents), _named(actors, self.others)


def cue_roles(sent: Span, cues: Sequence[Cue], base: int = 0, lang: str = "en") -> dict[int, CueRoles]:
    """Cue start -> the tokens naming the sides of the cue's own clause, for the cues the parse attaches.

    A verb's sides are its subject (or the agent of a passive) and its objects and complements; a verb
    with no subject of its own ("suscitant la colère d'Alger", "decided to cut ties") acts for the subject
    of the clause or noun it hangs on, a relative clause's for its noun. A noun's are its owner (a
    possessive, a demonym, a compound: "Israel's backing", "les frappes saoudiennes") and its complements;
    countries between which it stands ("entre/between", cue_words.tsv mutual preposition) are all acting
    sides. A noun that is the object of a verb that is no cue ("a apporté son soutien à", "made a protest
    to") takes that verb's sides as well. Parts that are clauses of their own (relative, adverbial,
    reported clauses, appositions) are not the cue's: "Madrid backs Rabat's plan, angering Algiers" gives
    the support to Madrid and Rabat and the anger to Algiers and Madrid. Who does a verb's act is
    parse_roles.doer's reading (an object-control verb's object does the act under it; a subject after "que"
    in an inserted clause is that clause's); an act noun with no owner of its own is owned by its first de/of
    complement ("le soutien de la France au Maroc"); a side read after a setting preposition that follows the
    cue ("après", "after", up to a comma) is none, wherever the parse hangs it."""
    if not sent.doc.has_annotation("DEP"):
        return {}
    found_words = cue_words(lang)
    words = _Words(frozenset(found_words.get("mutual preposition")), frozenset(found_words.get("setting preposition")),
                   frozenset(found_words.get("complement preposition")), lang)
    by_start = {base + t.idx: t for t in sent}
    cue_tokens = {t.i for c in cues for s in [c.start] for t in sent if s <= base + t.idx < c.end}
    found: dict[int, CueRoles] = {}
    for cue in cues:
        tokens = [t for t in sent if cue.start <= base + t.idx < cue.end]
        if not tokens or cue.start not in by_start:
            continue
        inside = {t.i for t in tokens}
        head = next((t for t in tokens if t.head.i not in inside or t.head == t), tokens[0])
        agents, others = _sides(head, inside, cue_tokens, words)
        agents, others = _before_setting(agents, max(inside), words), _before_setting(others, max(inside), words)
        if agents or others:
            found[cue.start] = CueRoles(_offsets(agents, base), _offsets(others, base))
    return found


def _before_setting(tokens: list[Token], cue_end: int, words: _Words) -> list[Token]:
    """The tokens but those read after a setting preposition that follows the cue ("a rappelé son ambassadeur
    après le soutien de Paris au plan marocain": the parse may hang "au plan marocain" on the verb, but the
    words after "après" up to a comma are the setting, no party of the recall)."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    kept = []
    for token in tokens:
        opened = False
        for between in doc[cue_end + 1 : token.i]:
            if between.is_punct:
                opened = False
            elif between.dep_ in ("case", "prep") and norm(between.text) in words.setting:
                opened = True
        if not opened:
            kept.append(token)
    return kept


def _sides(head: Token, inside: set[int], cue_tokens: set[int], words: _Words) -> tuple[list[Token], list[Token]]:
    agents: list[Token] = []
    others: list[Token] = [t for t in head.doc[min(inside):max(inside) + 1]]  # countries inside the cue's words
    inner_agents, inner_others = _inner_sides(head, inside, words)
    agents += inner_agents
    others += inner_others
    clause = head
    if head.pos_ in _NOUNS:
        own_agents, own_others = _noun_sides(head, inside, words)
        agents += own_agents
        others += own_others
        # a noun with sides of its own ("a deal between A and B") is not the act of the verb it hangs on
        between = any(preposition_of(c) in words.mutual for c in head.children)
        verb = None if between else _carrying_verb(head, words)
        if verb is None or verb.i in cue_tokens:
            return agents, others
        clause = verb
    if clause.pos_ not in _VERBS:
        return agents, others
    verb_agents, verb_others = _verb_sides(clause, inside | {head.i}, words)
    return agents + verb_agents, others + verb_others


def _inner_sides(head: Token, inside: set[int], words: _Words) -> tuple[list[Token], list[Token]]:
    """What the cue's other words govern ("rompu les relations avec X" names X on "relations"): the act's
    object and what it is done to ("expelled two Russian diplomats"), countries between which it stands
    ("talks between A and B were suspended") acting together."""
    agents: list[Token] = []
    others: list[Token] = []
    for token in head.doc[min(inside):max(inside) + 1]:
        if token == head or token.i not in inside:
            continue
        for child in token.children:
            if child.i in inside or child.dep_ in _CLAUSES:
                continue
            if preposition_of(child) in words.setting:
                continue
            if token.pos_ in _NOUNS and preposition_of(child) in words.mutual:
                agents += _reach(child)
            elif child.dep_ not in ("det", "case", "punct", "cc"):
                others += _reach(child)
    return agents, others


def _carrying_verb(noun: Token, words: _Words) -> Token | None:
    """The verb whose object or complement the noun is ("a apporté son soutien", "made a protest to")."""
    if noun.dep_ in _CARRIED and noun.head.pos_ in _VERBS:
        return noun.head
    if (noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in _VERBS
            and norm(noun.head.text) in words.complement):  # "heading for an exercise", not "under a pact"
        return noun.head.head
    return None


def _noun_sides(noun: Token, skip: set[int], words: _Words) -> tuple[list[Token], list[Token]]:
    agents: list[Token] = []
    others: list[Token] = []
    between = False
    # "le soutien de la France au Maroc": with no owner nor agent of its own, an act noun's first de/of complement
    # is its owner, as it is its doer in cue_agents ("les frappes de l'Otan")
    owned = any(c.dep_ in _OWNERS or c.dep_ in _AGENTS or preposition_of(c) in _BY for c in noun.children)
    owner = None if owned else next((c for c in noun.children if c.i not in skip and c.dep_ not in _CLAUSES
                                     and preposition_of(c) in OF_PREPOSITIONS), None)
    for child in noun.children:
        if child.i in skip or child.dep_ in _CLAUSES or (child.dep_ == "conj" and child.pos_ in _VERBS):
            continue
        preposition = preposition_of(child)
        if preposition in words.setting:
            continue
        if child.dep_ in _OWNERS or child == owner:
            agents += _reach(child)
        elif preposition in words.mutual or (between and not preposition and child.pos_ in _NOUNS):
            # "entre Washington, Londres et Canberra", the list cut by the parse after its first name
            between = True
            agents += _reach(child)
        elif child.dep_ not in ("det", "case", "punct", "cc"):
            others += _reach(child)
    return agents, others


def _verb_sides(verb: Token, skip: set[int], words: _Words) -> tuple[list[Token], list[Token]]:
    agents: list[Token] = []
    others: list[Token] = []
    subjects = own_subjects(verb)  # not one the parse took from an inserted relative clause
    for child in verb.children:
        if child.i in skip or child.dep_ in _CLAUSES or (child.dep_ == "conj" and child.pos_ in _VERBS):
            continue
        if preposition_of(child) in words.setting:
            continue
        if child.dep_ in _SUBJECTS or child.dep_ in _AGENTS:
            if child in subjects:
                agents += _reach(child)
        elif child.dep_ in _COMPLEMENTS:
            others += _reach(child)
    if not agents:
        agents = _subject_of(verb, _MAX_CLIMB, words)
    return agents, others


def _subject_of(verb: Token, climb: int, words: _Words) -> list[Token]:
    """The acting side of a verb with no subject of its own (parse_roles.doer): a controlling object ("urged Russia
    to stop attacking"), the subject of the verb it depends on ("decided to cut ties"), its relative clause's
    noun, or, for a verb hanging on a noun, that noun's owner or the doer of the verb carrying the noun
    ("suscitant la colère" on "les propositions faites par ...")."""
    subjects, path = doer(verb, words.lang, climb)
    subjects = [s for s in subjects if preposition_of(s) not in words.setting]
    last = path[-1]
    if subjects:
        if last.dep_ in RELATIVE_DEPS and all(s.pos_ == "PRON" for s in subjects):
            return list(_reach(antecedent(subjects[0], last)))
        return [t for s in subjects for t in _reach(s)]
    head = last.head
    left = climb - len(path) + 1
    if left <= 0 or head == last:
        return []
    if head.pos_ in _NOUNS and last.dep_ in RELATIVE_DEPS:  # "La Turquie, qui ... a signé": its noun acts
        return list(_reach(head))
    if head.pos_ in _NOUNS and last.dep_ in ("acl", "conj", "xcomp"):
        owners = [t for c in head.children if c.dep_ in _OWNERS for t in _reach(c)]
        carrying = _carrying_verb(head, words)
        return owners or (_subject_of(carrying, left - 1, words) if carrying is not None else [])
    return []


def _reach(token: Token) -> list[Token]:
    """The token and its dependants, other clauses left out; a participle on a noun with no subject of its
    own is part of the noun ("l'accord conclu entre A et B"), but not its agent ("soutenu par C")."""
    found = [token]
    for child in token.children:
        if child.dep_ in _AGENTS and token.dep_ == "acl":
            continue
        if child.dep_ == "acl" and token.pos_ in _NOUNS and not any(c.dep_ in _SUBJECTS for c in child.children):
            found += _reach(child)
            continue
        if child.dep_ in _CLAUSES or (child.dep_ == "conj" and child.pos_ in _VERBS and token.pos_ in _VERBS):
            continue
        found += _reach(child)
    return found


def _offsets(tokens: Sequence[Token], base: int) -> tuple[tuple[int, int], ...]:
    return tuple(sorted({(base + t.idx, base + t.idx + len(t.text)) for t in tokens}))


def _named(mentions: Sequence[Mention], spans: tuple[tuple[int, int], ...]) -> frozenset[str]:
    return frozenset(m.country for m in mentions if any(s <= m.start < e for s, e in spans))
