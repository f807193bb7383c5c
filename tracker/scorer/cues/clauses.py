"""Background clauses: a sentence's act outweighs what its subordinate parts recall.

News sentences put the act in the main clause and its circumstances around it: "Even as their tariff
war escalated, A and B signed an agreement", "Malgré la crise ouverte par l'expulsion de diplomates,
A et B ont signé ...", "un prêt pour le réseau, pilonné depuis deux hivers par les missiles". Read
with the strongest cue winning, the background's hostile words beat the act. So each cue is marked
with the background part it stands in, if any (`Cue.setting`): an adverbial clause ("even as ...",
"après avoir signé ..."), a relative clause or participle on a noun ("which has accused ...",
"pilonné par ..."), an apposition, a phrase opened by a background preposition ("despite the
sanctions", "malgré la guerre") or locution ("in the wake of", "en dépit de", "au lendemain de"), a
clause opened by a background subordinator ("with tensions running high, ..."), or an adjective on a
proper noun ("war-torn Sudan", "l'Ukraine meurtrie": how the place is, not what the pair does); the
words are in cue_words.tsv. An infinitive on a noun is its content ("la décision de rompre"), and a
participle clause after the verb without a subordinator is the act's own next step ("held talks,
agreeing to reopen their airspace", "a convoqué l'ambassadeur, l'accusant de..."): neither is
background. Both languages: the French model speaks Universal Dependencies, the English one ClearNLP
labels; the relations below name both. Where the small French parser hangs the main clause on a fronted
part, the words decide: a fronted "Alors que ..., " / "Bien que ..., " clause ends at its comma, a
fronted phrase at a comma before a capitalised name, and an inverted reporting clause after the act
(", a annoncé le ministère") is no background of it.

Then, per pair (pipeline): when the pair's cues include an act in the main clause, its background
cues keep BACKGROUND_CLAUSE_FACTOR of their weight. A meeting is no such act (an "occasion category"):
"a reçu Tillerson, alors que les deux pays se livraient une guerre des mots" and "talks held amid
tensions" report the tension around the meeting; but a part opened by "after", "since", "après",
"depuis" (cue_words.tsv, prior opener) is what the meeting comes after: "met for the first time since
the fighting", "après s'être accusés pendant un an, ... se sont rencontrés" is the step past it, and
it keeps the share of a description. A pair whose only cues stand in a background part
keeps them whole, and so does a pair one of whose countries only the background part names: "le
président américain, qui a ordonné le premier bombardement contre le régime syrien, a provoqué un
regain de tensions entre Moscou et Washington" is the USA-SYR act, whatever the main clause says of
another pair.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Span, Token

from tracker.records import Cue, Mention, Setting

from ..morph_values import morph_values
from .context import SentenceContext
from .matching import Match
from .words import norm

BACKGROUND_CLAUSE_FACTOR = 0.25
# The note on a main clause's cue damped for a pair whose act a background part holds (damp_settings):
# that cue governs no such pair (pipeline).
ANOTHER_CLAUSE = "act of another clause"
# A meeting's description of its sides' past ("two countries that fought a border war") is no part of
# it at all: it keeps the share of a consultation's topic (cues/weighing.py).
DESCRIPTION_FACTOR = 0.1
# Clauses and phrases that qualify rather than report: adverbial clauses, clauses and participles on
# a noun, appositions (UD and ClearNLP names).
_BACKGROUND_DEPS = frozenset({"advcl", "acl", "acl:relcl", "relcl", "appos"})
# Where a preposition hangs: English makes it the head of its phrase ("prep"), French a "case"
# dependant of the noun or verb it introduces.
_PREPOSITION_DEP = "prep"
_CASE_DEP = "case"
_MARK_DEP = "mark"
_ADJECTIVE_DEP = "amod"
_MAX_CLIMB = 12
_CUT_DEPS = frozenset({"appos", "conj", "parataxis"})
# Background clauses on a noun take the noun as their subject ("a NATO exercise led by Italy").
_NOUN_CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "relcl"})
_VERBS = frozenset({"VERB", "AUX"})
# Parts that describe a noun (a side, a place, an object): clauses on it, appositions, adjectives.
_DESCRIBING_DEPS = frozenset({"acl", "acl:relcl", "relcl", "appos", _ADJECTIVE_DEP})


class Parse(Protocol):
    """What the background rules read of a sentence's parse (SentenceContext, or ParseView alone)."""

    def inside(self, token: Token) -> bool: ...

    def children(self, token: Token) -> list[Token]: ...


class _Children(Protocol):
    def children(self, token: Token) -> list[Token]: ...


@dataclass(frozen=True)
class ParseView:
    """A sentence's parse read through its language's relations, without cues (for mentions)."""

    sent: Span
    relations: _Children

    def inside(self, token: Token) -> bool:
        return self.sent.start <= token.i < self.sent.end

    def children(self, token: Token) -> list[Token]:
        return self.relations.children(token)



def _preposition_phrase(token: Token) -> str:
    """The preposition with its fixed words ("en dépit de")."""
    words = [token] + [c for c in token.children if c.dep_ == "fixed"]
    return " ".join(norm(w.text) for w in sorted(words, key=lambda w: w.i))


@dataclass(frozen=True)
class BackgroundWords:
    """One language's words that open a background part (cue_words.tsv)."""

    prepositions: frozenset[str]  # "despite", "malgré"
    nouns: frozenset[str]  # heads of prepositional locutions: "wake" (in the wake of), "dépit" (en dépit de)
    subordinators: frozenset[str]  # clause openers the parser may hang anywhere: "with" (with X doing Y)
    # relations of a background clause with an act of its own, whose countries are its sides
    # (mention_clauses); not a phrase: "despite calls from Washington" names a side of the main act
    own_act_clauses: frozenset[str] = frozenset()
    # prepositions of a state's duration: a state word qualified by one ("au point mort depuis un an",
    # "fermée depuis trois semaines") is what the act changes, its background
    lasting: frozenset[str] = frozenset()
    # French: words that open a background clause with the "que"/"où" after them ("alors que", "tandis
    # que", "au moment où"), read on the words when the small parser hangs the clause elsewhere
    openers: frozenset[str] = frozenset()
    # French: such words that open a background clause only at the sentence's start ("Bien que ..., "):
    # after a comma ("..., bien que X ait protesté") the clause is a concession whose act has its sides
    fronted: frozenset[str] = frozenset()


def _content_infinitive(token: Token) -> bool:
    """An infinitive on a noun is its content, not its background: "la décision de rompre les
    relations", "a plan to impose tariffs"."""
    return token.dep_ == "acl" and "Inf" in morph_values(token, "VerbForm")


def _next_step(ctx: Parse, token: Token) -> bool:
    """A present participle clause after its verb, set off by a comma, with no subordinator: the act's
    next step or its elaboration ("held talks, agreeing to ...", "a convoqué l'ambassadeur, l'accusant
    de ...", which the French model may hang on the noun as an apposition)."""
    if token.dep_ not in ("advcl", "appos") or token.i < token.head.i or token.left_edge.i == 0:
        return False
    if token.left_edge.nbor(-1).text != "," or any(c.dep_ == _MARK_DEP for c in ctx.children(token)):
        return False
    return token.tag_ == "VBG" or ("Part" in morph_values(token, "VerbForm") and "Pres" in morph_values(token, "Tense"))


def _reported_act(ctx: Parse, token: Token) -> bool:
    """The act a reporting clause set off after it reports: "Le Sénégal a rouvert sa frontière ..., a
    annoncé le ministère" (the small French model hangs the act on "annoncé" as an adverbial clause).
    The reporting verb follows the act after a comma, with no subject before it (inverted or none)."""
    head = token.head
    if token.dep_ != "advcl" or head.i <= token.i or head.pos_ not in _VERBS:
        return False
    before_head = [c for c in ctx.children(head) if c.i < head.i]
    if any(c.dep_.startswith("nsubj") for c in before_head):
        return False
    first = min([head.i] + [c.i for c in before_head if c.dep_.startswith("aux")])
    return first > 0 and head.doc[first - 1].text == "," and token.right_edge.i < first


def _reporting_after(ctx: Parse, token: Token) -> bool:
    """A finite verb hung after the act as an adverbial clause, right after a comma, with no subject
    or subordinator before it: the inverted reporting clause ("..., a annoncé la chancellerie"), which
    the small French model hangs on the act and lends the act's object as its subject. It says who
    reports, it sets no background."""
    if token.dep_ != "advcl" or token.pos_ not in _VERBS or token.i <= token.head.i:
        return False
    children = ctx.children(token)
    if any(c.dep_ == _MARK_DEP for c in children):
        return False
    first = min([token.i] + [c.i for c in children if c.i < token.i and c.dep_.startswith("aux")])
    if first == 0 or token.doc[first - 1].text != ",":
        return False
    return "Fin" in morph_values(token.doc[first], "VerbForm")


def _background_dep(ctx: Parse, token: Token) -> bool:
    if token.dep_ in _BACKGROUND_DEPS:
        return (not _content_infinitive(token) and not _next_step(ctx, token) and not _reported_act(ctx, token)
                and not _reporting_after(ctx, token))
    # "war-torn Sudan": an adjective on a proper noun describes the place
    return token.dep_ == _ADJECTIVE_DEP and token.head.pos_ == "PROPN"


def _opener(ctx: Parse, token: Token, words: BackgroundWords) -> Token | None:
    """The word opening a background phrase or clause headed by the token, if it heads one."""
    if token.dep_ == _PREPOSITION_DEP and _preposition_phrase(token) in words.prepositions:
        return token
    children = ctx.children(token)
    if any(c.dep_ == _CASE_DEP and _preposition_phrase(c) in words.prepositions for c in children):
        return token
    if any(c.dep_ == _MARK_DEP and norm(c.text) in words.subordinators for c in children):
        return token
    if norm(token.text) in words.nouns:
        if token.head.dep_ == _PREPOSITION_DEP and ctx.inside(token.head):  # English: "in" -> "wake"
            return token.head
        if any(c.dep_ == _CASE_DEP for c in children):  # French: "dépit" <- "en"
            return token
    return None


def _lasting_state(ctx: Parse, token: Token, words: BackgroundWords) -> bool:
    """A state, not an act, qualified by a phrase of its duration: "leurs discussions, au point mort
    depuis plus d'un an", "sa frontière, fermée depuis trois semaines". A finite verb or a participle
    with its auxiliary is an act ("bombarde l'Ukraine depuis février", "se sont dégradées depuis
    l'automne"), never a state here."""
    if not words.lasting or token.pos_ == "AUX" or "Fin" in morph_values(token, "VerbForm"):
        return False
    if any(c.dep_.startswith(("aux", "cop")) for c in ctx.children(token)):
        return False  # a clause's own verb ("se sont dégradées depuis l'automne"), not a state on a noun
    return any(c.dep_ == _CASE_DEP and _preposition_phrase(c) in words.lasting
               for child in ctx.children(token) if child.dep_ != _CASE_DEP for c in ctx.children(child))


def background_of(ctx: Parse, root: Token, words: BackgroundWords, floor: int = -1) -> Token | None:
    """The word that opens the background part the cue's root stands in, or None in the main clause.
    The climb stops before a word left of `floor` (a fronted clause's comma): the main clause that
    the parser hangs on the fronted clause is not inside it."""
    if root.head is not root and _lasting_state(ctx, root, words):
        return root
    current = root
    for _ in range(_MAX_CLIMB):
        if current.head.i < floor:
            return None  # hung on the fronted clause: the main clause
        if _background_dep(ctx, current):
            return current
        opener = _opener(ctx, current, words)
        if opener is not None:
            return opener
        head = current.head
        if head is current or not ctx.inside(head):
            return None
        current = head
    return None


def _in_description(ctx: Parse, word: Token) -> bool:
    """Whether the background part opened by the word describes a noun or stands inside a part that
    does: "their border, which Gitega closed after accusing Kigali", "a move that ended a standoff
    after a border war"."""
    current = word
    for _ in range(_MAX_CLIMB):
        if current.dep_ in _DESCRIBING_DEPS and _background_dep(ctx, current):
            return True
        head = current.head
        if head is current or not ctx.inside(head):
            return False
        current = head
    return False


def settings(matches: Sequence[Match], ctx: SentenceContext, words: BackgroundWords,
             base: int) -> dict[int, Setting]:
    """Match start -> the background part it stands in, for the cues that stand in one."""
    if not ctx.tokens or not ctx.tokens[0].dep:
        return {}  # no parse: nothing to tell clauses apart
    found = {}
    fronted = _fronted_clause(ctx.sent, words.openers | words.fronted)
    for match in matches:
        root = ctx.root(match)
        if fronted is not None and root.i < fronted[1].i:
            opener, comma = fronted
            found[match.start] = Setting(opener.text, base + opener.idx, base + comma.idx)
            continue
        word = background_of(ctx, root, words, fronted[1].i if fronted is not None else -1)
        if word is not None:
            start, end = _extent(word)
            if ctx.keyer.lang == "fr" and not start <= root.idx < end:
                # past where the part was cut: the main clause the small French parser hung on it
                # ("Après ..., A et B ont relancé"). Not in English, whose parser does not, and where
                # the cut at a comma would take acts out of their part (measured on unseen reporting)
                continue
            found[match.start] = Setting(word.text, base + start, base + end,
                                         _in_description(ctx, word) or _since_phrase(ctx, word, words))
    return found


def _since_phrase(ctx: Parse, word: Token, words: BackgroundWords) -> bool:
    """A phrase opened by a preposition of duration ("son premier ambassadeur depuis la rupture de
    2017"): the past the act comes after, not the climate a meeting reports, so it weighs as little
    as a description of a side."""
    return any(c.dep_ == _CASE_DEP and _preposition_phrase(c) in words.lasting for c in ctx.children(word))


def mention_clauses(view: ParseView, words: BackgroundWords, spans: Sequence[tuple[int, int]],
                    base: int) -> dict[tuple[int, int], Setting]:
    """Mention offsets -> the background clause the mention is named in, for those named in one:
    "after Vilnius allowed Taiwan to open an office" (the clause and its subject), "a NATO exercise
    led by Italy" (a clause on a noun, with that noun)."""
    if not words.own_act_clauses or not view.sent or not view.sent[0].dep:
        return {}
    by_start = {base + t.idx: t for t in view.sent}
    found = {}
    for start, end in spans:
        token = by_start.get(start)
        if token is None:
            continue
        while token.i + 1 < view.sent.end and base + token.nbor().idx < end:
            token = token.nbor()  # the last word of a name ("New Zealand") is its head
        opened = _opened_clause(view, token, words.openers, words.fronted)
        if opened is not None:  # read on the words: the small parser often hangs these clauses elsewhere
            found[(start, end)] = Setting(opened[0], base + opened[1], base + opened[2])
            continue
        word = background_of(view, token, words)
        # A clause has a verb of its own: an adjective the parser hangs as a clause ("responsables
        # estoniens") or the name itself is no clause.
        if word is None or word.dep_ not in words.own_act_clauses or word.pos_ not in _VERBS or word is token:
            continue
        first, last = _extent(word)
        if word.dep_ in _NOUN_CLAUSE_DEPS:
            first = min(first, word.head.left_edge.idx)
        found[(start, end)] = Setting(word.text, base + first, base + last)
    return found


_OPENED_BY = frozenset({"que", "qu'", "où"})


def _fronted_clause(sent: Span, openers: frozenset[str]) -> tuple[Token, Token] | None:
    """French, on the words: a sentence opened by a background locution ("Alors que ...", "Bien
    que ...", "Au moment où ...") with a comma and a finite verb after it: (the locution's first
    word, the comma ending the clause). The small parser often hangs the main clause on the fronted
    one; the words say where it ends."""
    if not openers or len(sent) < 4:
        return None
    words = [t for t in sent if not t.is_punct or t.text == ","]
    start = next((t for i, t in enumerate(words[:3]) if norm(t.text) in openers
                  and i + 1 < len(words) and norm(words[i + 1].text) in _OPENED_BY), None)
    if start is None:
        return None
    comma = next((t for t in sent[start.i - sent.start + 2:] if t.text == ","), None)
    if comma is None or not any("Fin" in morph_values(t, "VerbForm") for t in sent[comma.i - sent.start + 1:]):
        return None
    return start, comma


def _opened_clause(view: ParseView, token: Token, openers: frozenset[str],
                   fronted: frozenset[str] = frozenset()) -> tuple[str, int, int] | None:
    """French, on the words: the clause a background locution opens ("alors que", "tandis que", "au
    moment où") that the mention stands in, with no comma between them: (the locution's first word,
    where the clause starts, where it ends: at its next comma or the sentence's end). A fronted clause
    ("Au moment où ..., Taipei a dénoncé ...") ends at its comma too, so the main clause stays out.
    A `fronted` word ("bien que") counts only as the sentence's first word."""
    if not openers and not fronted:
        return None
    doc, first = token.doc, view.sent.start
    for i in range(token.i - 1, first - 1, -1):
        if doc[i].text in (",", ";", ":", "«", "»", '"'):
            return None
        opens = norm(doc[i].text) in openers or (i == first and norm(doc[i].text) in fronted)
        if opens and i + 1 < token.i and norm(doc[i + 1].text) in _OPENED_BY:
            last = next((t for t in doc[token.i + 1:view.sent.end] if t.text in (",", ";")), None)
            end = last.idx if last is not None else view.sent[-1].idx + len(view.sent[-1].text)
            return doc[i].text, doc[i].idx, end
    return None


def _extent(word: Token) -> tuple[int, int]:
    """Where the background part opened by the word lies in the doc's text: its subtree, cut before
    an apposition or parallel clause hung on it to the right, or before a comma and a proper noun
    inside it: the small parsers make the main clause's subject part of a fronted phrase ("Malgré la
    crise ouverte par ..., l'Algérie et la France ont signé": "Algérie" as an apposition of
    "ouverte"; "In the middle of a dispute over tariffs, Mexico and ..." as a conjunct of "tariffs")."""
    last = word.right_edge
    for child in word.rights:
        if child.dep_ in _CUT_DEPS:
            last = child.left_edge.nbor(-1) if child.left_edge.i > word.i else word
            break
    for token in word.doc[word.i + 1:last.i]:
        if token.text == "," and _proper_noun_next(token):
            last = token.nbor(-1)
            break
    return word.left_edge.idx, last.idx + len(last.text)


def _proper_noun_next(comma: Token) -> bool:
    following = comma.doc[comma.i + 1:comma.i + 3]
    return any(_proper(t) for t in following) and (_proper(following[0]) or following[0].pos_ == "DET")


def _proper(token: Token) -> bool:
    """A proper noun, or a capitalised noun: the small French model tags many country and capital
    names as common nouns ("le Guatemala", "Athènes"), which a capital after a comma still tells."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper())


def damp_settings(cues: Sequence[Cue], pair: tuple[str, str], mentions: Sequence[Mention],
                  occasions: frozenset[str], prior: frozenset[str] = frozenset(), text: str = "") -> list[Cue]:
    """One pair's cues, those of a background part damped when the main clause reports an act.

    A main clause that reports a meeting damps only the parts that describe a side or an object
    ("talks on reopening their border, which Gitega closed after accusing Kigali", "ces deux pays
    qui se sont opposés lors de plusieurs guerres"): their past is not the meeting's climate.
    A background part that alone names a country of the pair is that pair's own act, kept whole.
    """
    main = [c for c in cues if c.setting is None and c.weight]
    act = any(c.category not in occasions for c in main)
    own = next((c.setting for c in cues if c.setting is not None and c.weight
                and _names_alone(c.setting, pair, mentions)), None)
    if own is not None and main and _other_actor_outside(cues, pair, mentions):
        # The part that alone names a country of the pair holds the pair's act: the main clause's
        # act is another pair's ("A a soutenu des rebelles contre le régime de B, soutenu lui par C":
        # B-C is the support, not A's act).
        return [_damped(c, own, BACKGROUND_CLAUSE_FACTOR, ANOTHER_CLAUSE)
                if c.setting is None else c for c in cues]
    if not main:
        return list(cues)
    factor = BACKGROUND_CLAUSE_FACTOR if act else DESCRIPTION_FACTOR
    return [_damped(c, c.setting, factor)
            if c.setting is not None and (act or c.setting.describes or _before_it(c.setting, prior, text))
            and not _names_alone(c.setting, pair, mentions) else c for c in cues]


def _before_it(setting: Setting, prior: frozenset[str], text: str) -> bool:
    """Whether the background part is what came before the act ("after ...", "since ...", "après
    s'être accusés ..."): a meeting held since or after a hostility is the step past it, not its
    climate, unlike one held amid it; like the sides' past, it keeps the share of a description."""
    opening = text[setting.start:setting.end].split(maxsplit=1)
    return norm(setting.word) in prior or bool(opening) and norm(opening[0]) in prior


def _other_actor_outside(cues: Sequence[Cue], pair: tuple[str, str], mentions: Sequence[Mention]) -> bool:
    """Whether the main clause (outside every background part of the cues) names an actor that is
    not of the pair: the main clause's act is then that actor's."""
    parts = [c.setting for c in cues if c.setting is not None]
    return any(m.role == "actor" and m.country not in pair
               and not any(s.start <= m.start < s.end for s in parts) for m in mentions)


def _names_alone(setting: Setting, pair: tuple[str, str], mentions: Sequence[Mention]) -> bool:
    """Whether one of the pair's countries is named inside the background part and nowhere else."""
    for country in pair:
        inside = [setting.start <= m.start < setting.end for m in mentions if m.country == country]
        if inside and all(inside):
            return True
    return False


def _damped(cue: Cue, setting: Setting, factor: float, kind: str = "") -> Cue:
    kind = kind or ("background clause" if factor == BACKGROUND_CLAUSE_FACTOR else "description of a side")
    note = f"{kind} '{setting.word}': x{factor:g}"
    return dataclasses.replace(cue, weight=round(cue.weight * factor, 2),
                               modifiers=cue.modifiers + (note,))
