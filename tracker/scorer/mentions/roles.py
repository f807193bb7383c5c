"""A mention's role from its own words: the rules of ``ROLE_RULES`` are tried in order and the
first with an answer decides; a mention no rule claims is an actor.

Leaders are read apart: the article's date says whether the person is in office (actor) or not
(former), and a leader named in no term of office that day is no mention at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from tracker.scorer.leaders import resolve_people
from tracker.scorer.mentions.decision import ACTOR, RoleDecision
from tracker.scorer.mentions.demonym_roles import (
    demonym_role,
    origin_role,
    private_person_role,
    shared_noun_role,
)
from tracker.scorer.mentions.gazetteer import Found, mention_index
from tracker.scorer.mentions.modifier_roles import (
    after_role,
    group_role,
    leads_organisation,
    mediating_subject,
)
from tracker.scorer.mentions.pieces import fold_word
from tracker.scorer.mentions.preposition_roles import (
    border_place,
    history_only,
    mediator_only,
    preposition_role,
)
from tracker.scorer.mentions.sentence import SentenceContext
from tracker.scorer.mentions.target_roles import (
    act_noun_target,
    act_target,
    apposition_partner,
    described_by_country,
)
from tracker.scorer.mentions.wordlists import CLAUSE_BREAKS, grammar_words


class Reading(NamedTuple):
    """What a match is and the role it takes."""

    country: str  # ISO alpha-3; "A+B" for a phrase naming two countries ("les deux Corées")
    kind: str  # name | demonym | capital | institution | person
    what: str  # what was matched, for the mention's detail
    decision: RoleDecision


MEDIA_TITLE_REACH = 3  # capitalised words read after a name for a news outlet's title ("Pakistan Point News")
_OF_PREPOSITIONS = grammar_words("of_preposition")
GIVEN_NAMES = 2  # French: capitalised given names read between a demonym and a surname ("syrien Ali Mahmoud Abbas")
NAME_REACH = 6  # capitalised words of a title and a name read after a demonym ("Qatari Emir Sheikh Tamim")

# A rule reads one match of the sentence (its kind given apart: a prefix reads as a demonym).
RoleRule = Callable[[SentenceContext, Found, str], RoleDecision | None]


def read_role(ctx: SentenceContext, match: Found, on: date) -> Reading | None:
    """The match's country, kind and role; None for a leader out of every term on that day."""
    entry = match.entry
    if entry.kind == "person":
        return _read_person(ctx, match, on)
    kind = "demonym" if entry.kind == "prefix" else entry.kind
    what = f"{kind} '{entry.form}' = {entry.code}"
    for rule in ROLE_RULES:
        decision = rule(ctx, match, kind)
        if decision is not None:
            return Reading(entry.code, kind, what, decision)
    return Reading(entry.code, kind, what, ACTOR)


def _read_person(ctx: SentenceContext, match: Found, on: date) -> Reading | None:
    """A leader in office acts (or mediates, after a mediator phrase); out of office, a former."""
    person = resolve_people([name for name, _ in match.entry.people], on)
    if person is None:
        return None
    mediator = ctx.phrase_before(ctx.skip_determiners(match.first), "mediator")
    if person.role == "actor" and mediator:
        decision = RoleDecision("mediator", f"after '{mediator[0]}'", True)
    elif person.role == "actor" and ctx.near_before(match.first, "former", 3, use_lemma=False):
        decision = RoleDecision("former", "after a word for a former office")
    elif person.role == "actor" and (mediating := mediating_subject(ctx, match.last)):
        decision = mediating  # "Joao Lourenco, who has been mediating between Kinshasa and Kigali"
    else:
        decision = RoleDecision(person.role)
    nationality = _nationality_before(ctx, match.first)
    if nationality and nationality[0] != person.country:
        code, demonym = nationality
        return Reading(code, "person", f"'{ctx.text_of(match.first, match.last)}' after '{demonym}': a {code} "
                                       f"person of that name, not {person.detail}", decision)
    return Reading(person.country, "person", person.detail, decision)


def _nationality_before(ctx: SentenceContext, first: int) -> tuple[str, str] | None:
    """The country of a demonym apposed right before a name, given names and (English) capitalised
    titles allowed between: "son homologue syrien Ali Mahmoud Abbas", "Syrian Defence Minister Ali
    Abbas". The nationality decides who the person is over a leader's surname in the table."""
    index = mention_index(ctx.lang)
    i = first
    while i > 0 and first - i < NAME_REACH and ctx.pieces[i - 1].text[:1].isupper() and not index.has_kind(
            ctx.keys[i - 1], ("demonym",)) and (ctx.lang == "en" or first - i < GIVEN_NAMES):
        i -= 1
    if i == 0 or not index.has_kind(ctx.keys[i - 1], ("demonym",)):
        return None
    codes = {e.code for e in index.entries.get(ctx.keys[i - 1], ()) if e.kind == "demonym" and e.code}
    return (codes.pop(), ctx.pieces[i - 1].text) if len(codes) == 1 else None


def _a_news_outlet(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """'the Japan Times reported', 'selon China Daily': a name or capital followed (after at most two
    other capitalised words) by a capitalised word of a news outlet's title (list `media_title`) names
    the outlet, a report's source, not a party."""
    if kind not in ("name", "capital"):
        return None
    for after in range(match.last, min(len(ctx.pieces), match.last + MEDIA_TITLE_REACH)):
        word = ctx.pieces[after].text
        if not word[:1].isupper() or word.isupper():
            return None
        if ctx.has("media_title", ctx.keys[after]):  # "Japan Times", "Pakistan Point News"
            return RoleDecision("topic", f"news outlet '{ctx.text_of(match.first, after + 1)}', a source, not a party")
    return None


def _a_body_named_by_a_common_noun(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """ "la Réunion des ministres de la Défense": a country name that is also a common noun (list
    `common_noun_name`), heading a complement of/de and a lowercase noun, names a body, not the country
    ("la Réunion des deux côtés de l'île" is the island: no noun after "des")."""
    after = match.last
    if kind != "name" or not ctx.has("common_noun_name", ctx.keys[after - 1]) or after + 1 >= len(ctx.pieces):
        return None
    if ctx.keys[after] in _OF_PREPOSITIONS and ctx.pieces[after + 1].text[:1].islower() and ctx.pos(after + 1) == "NOUN":
        return RoleDecision("topic", f"'{ctx.text_of(match.first, after + 2)}': the common noun names a body, "
                                     "not the country")
    return None


def _leading_an_organisation(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    return leads_organisation(ctx, match.first, match.last)


def _a_currency_sign(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """'US$200,000', 'NZ$3.1 billion': a country form glued to a currency sign names the currency."""
    after = match.last
    glued = after < len(ctx.pieces) and ctx.pieces[after].start == ctx.pieces[after - 1].end
    if glued and ctx.has("currency_sign", ctx.keys[after]):
        return RoleDecision("topic", f"currency '{ctx.text_of(match.first, after + 1)}', not a party")
    return None


def _after_an_attitude(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """'pro-russe', 'anti-American': what the attitude is about is a topic."""
    first = match.first
    if ctx.pieces[first].hyphen_before and first > 0 and ctx.has("attitude", ctx.keys[first - 1]):
        return RoleDecision("topic", f"after '{ctx.keys[first - 1]}-'")
    return None


def _a_border_compound(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """English: 'clashes on the Kyrgyz-Tajik border', 'a firefight on the Kenya–Somalia
    border': a border named by two countries joined by a hyphen or a dash, with fighting in the sentence
    (roles.tsv clash_event) and no natural event, has the two countries as the sides of the fighting,
    as 'the border between A and B' does (border_place). Only when the sentence names no other country
    (capitals count): 'US and Pakistani troops traded fire on the Afghan-Pakistan border' has its sides
    named apart. With a fighter that is no state in the sentence (roles.tsv non_state_party) the two
    countries are the fighting's place: 'Pakistani troops killed five militants near the Afghan-Pakistan
    border' is no fighting between states."""
    if ctx.lang != "en":
        return None
    head = match.first
    while head > 0 and ctx.pieces[head].hyphen_before:
        head -= 1
    end = match.last
    while end < len(ctx.pieces) and ctx.pieces[end].hyphen_before:
        end += 1
    if head == match.first and end == match.last:
        return None
    noun = ctx.noun_after(end, "border_noun")
    if noun is None or ctx.natural_event:
        return None
    compound = ctx.codes_in(head, end)
    clash = ctx.phrase_in("clash_event")
    if clash is None or len(compound) < 2 or not ctx.named_countries <= compound:
        return None
    fighters = ctx.phrase_in("non_state_party")
    if fighters:  # the border is where the fighting took place, whichever country's word comes first
        return RoleDecision("place", f"'{ctx.text_of(head, end)} {noun}' with '{fighters}': fighters who are no state")
    return RoleDecision("actor", f"'{ctx.text_of(head, end)} {noun}' with '{clash}': the sides of fighting on their border")


BACKED_REACH = 3  # pieces read between "-backed" and its group ("the Rwanda-backed rebel front")
BACKED_BY_REACH = 4  # pieces read back from "backed by" for its group ("des milices armées et soutenues par")
_IN_PREPOSITIONS = frozenset({"in", "en", "dans", "au", "aux"})


def _backing_a_group(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """ "the Rwanda-backed rebel front", "Russian-backed separatists", "des milices soutenues par
    l'Iran": a country named as the backer of a non-state group (roles.tsv group_noun, named_group) describes
    the group; it is a side of that backing alone, so it pairs only with a country named in the same words
    ("Moscow-backed separatists in Moldova": the state the group fights), not with the sentence's
    other sides (the span reaches from the group to the backer, as an act's span does: pairs.act_sides).
    A state's own act of support ("Paris arme des rebelles") is no such description."""
    if kind not in ("name", "demonym", "capital"):
        return None
    last = match.last
    if ctx.lang == "en" and last < len(ctx.pieces) and ctx.pieces[last].hyphen_before and ctx.has(
            "backing_after", ctx.keys[last]):
        group = _group_within(ctx, range(last + 1, min(len(ctx.pieces), last + 1 + BACKED_REACH)))
        start = match.first
    else:
        found = ctx.phrase_before(ctx.skip_determiners(match.first), "backed_by")
        if found is None:
            return None
        group = _group_within(ctx, range(found[1] - 1, max(-1, found[1] - 1 - BACKED_BY_REACH), -1))
        start = group[1] if group else 0
    if group is None or _acting(ctx, group[1]):
        return None
    noun, at = group
    end = _where_it_fights(ctx, max(at, last - 1) + 1) or max(at, last - 1)
    span = (ctx.pieces[min(start, at)].start, ctx.pieces[end].end)
    return RoleDecision("actor", f"describes the non-state group '{noun}' it backs: a side of that backing alone",
                        True, span, describes=True)


def _acting(ctx: SentenceContext, at: int) -> bool:
    """Whether the group at piece `at` does the sentence's act: its noun phrase is a verb's subject, the verb no
    word of speech (`speech_verb`: "the movement said" only judges). A backed group that acts ("a rebel force
    backed by Khartoum attacked a border town") acts for its backer, a side (cue_agents keeps its cue)."""
    token = ctx.token(at)
    while token.dep_ in {"compound", "amod", "nmod", "flat", "flat:name"} and token.head.i != token.i:
        token = token.head
    if token.dep_ not in {"nsubj", "nsubj:pass", "nsubjpass"}:
        return False
    verb = token.head
    return not any(ctx.has("speech_verb", word) for word in (fold_word(verb.lemma_ or verb.text), fold_word(verb.text)))


def _group_within(ctx: SentenceContext, pieces: range) -> tuple[str, int] | None:
    """The first non-state group noun among `pieces` (a named one: "the Karo front"), stopping
    at a clause break."""
    for i in pieces:
        if ctx.keys[i] in CLAUSE_BREAKS:
            return None
        noun = next((w for w in (ctx.two_pieces(i), ctx.keys[i], ctx.lemma(i)) if w and ctx.has("group_noun", w)), None)
        if noun is None and ctx.has("named_group", ctx.keys[i]) and i > 0 and ctx.pieces[i - 1].text[:1].isupper():
            noun = ctx.text_of(i - 1, i + 1)
        if noun is not None:
            return noun, i
    return None


def _where_it_fights(ctx: SentenceContext, after: int) -> int | None:
    """ "separatists in eastern Ukraine": the last piece of a country named after in/en right after the group."""
    if after >= len(ctx.pieces) or ctx.keys[after] not in _IN_PREPOSITIONS:
        return None
    index = mention_index(ctx.lang)
    for i in range(after + 1, min(len(ctx.pieces), after + 4)):
        if index.has_kind(ctx.keys[i], ("name", "capital")):
            return i
    return None


def _inside_a_compound(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """'russo-américain', 'israélo-palestinien': each country takes the compound's role. A compound on a
    subject-matter noun ("le conflit russo-géorgien", "the Sino-Indian war") names that noun's two sides:
    they are the parties of the conflict it names, not its subject matter, so each stays an actor."""
    if match.entry.kind != "prefix" and not ctx.pieces[match.first].hyphen_before:
        return None
    head = match.first
    while head > 0 and ctx.pieces[head].hyphen_before:
        head -= 1
    end = match.last
    while end < len(ctx.pieces) and ctx.pieces[end].hyphen_before:
        end += 1
    decision = demonym_role(ctx, head, end)
    if decision is not None and decision.role == "topic" and ctx.has("topic_noun", decision.qualifies):
        return RoleDecision("actor", f"{decision.reason}: a compound names its two sides")
    return decision or mediator_only(ctx, head) or ACTOR


def _a_demonym(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    if kind != "demonym":
        return None
    decision = demonym_role(ctx, match.first, match.last)
    return (_target_of_an_act(ctx, match, decision) or mediator_only(ctx, match.first) or history_only(ctx, match.first)
            or mediating_subject(ctx, _after_title_and_name(ctx, match.last)) or ACTOR)


def _after_title_and_name(ctx: SentenceContext, last: int) -> int:
    """English: the piece after the capitalised title and name a demonym opens ("Angolan President
    Joao Lourenco, who has been mediating between ..."): the mediation words follow the person."""
    i = last
    while ctx.lang == "en" and i < len(ctx.pieces) and i - last < NAME_REACH and ctx.pieces[i].text[:1].isupper():
        i += 1
    return i


def _after_a_preposition(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    border = border_place(ctx, match.first)
    return border or _target_of_an_act(ctx, match, preposition_role(ctx, match.first, match.last, kind))


def _target_of_an_act(ctx: SentenceContext, match: Found, decision: RoleDecision | None) -> RoleDecision | None:
    """A place the sentence's act is aimed at is a party: "frappes sur le territoire syrien",
    "fired rockets at Israel" (target_roles)."""
    if decision is not None and decision.role == "place" and decision.place_as != "struck mission":
        return act_target(ctx, match.first, match.last) or decision
    return decision


def _target_of_an_act_noun(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """ "l'invasion de l'Ukraine par la Russie", "Russia's invasion of Ukraine": the target of an act
    noun named with its agent is a side of that act only (target_roles.act_noun_target); so is a
    country named in an apposition that describes another ("la Russie, alliée de la Biélorussie"); a
    country that only describes a noun before it ("deux républiques alliées de la Russie") is no side."""
    return (act_noun_target(ctx, match.first, match.last) or apposition_partner(ctx, match.first)
            or described_by_country(ctx, match.first))


GROUP_ADJECTIVES = 2  # adjectives read between a group noun and de/of ("les rebelles islamistes du Mali")


def _a_group_from(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """ "les rebelles islamistes du Mali", "the insurgents of Mali": a country after de/of and a non-state group
    (roles.tsv group_noun, adjectives allowed between) names where the group is from, as a demonym on it does
    (group_role); not the groups whose de/of names whom they stand against (`group_against`: "les opposants
    de Moscou"). A group that is a verb's direct object ("soutient les rebelles de Syrie") is what a state's
    act goes through to reach that country: the country stays a side."""
    if kind not in ("name", "capital"):
        return None
    at = ctx.skip_determiners(match.first) - 1
    if at < 1 or ctx.keys[at] not in _OF_PREPOSITIONS:
        return None
    i = at - 1
    # the small French model tags some adjectives as nouns ("les rebelles islamistes"): lowercase words of either
    while (i > 0 and at - 1 - i < GROUP_ADJECTIVES and ctx.pos(i) in {"ADJ", "NOUN"} and ctx.pieces[i].text.islower()
           and not ctx.has("group_noun", ctx.keys[i])):
        i -= 1
    noun = next((word for word in (ctx.two_pieces(i), ctx.keys[i], ctx.lemma(i))
                 if word and ctx.has("group_noun", word)), None)
    if noun is None or ctx.has("group_against", noun) or ctx.has("group_against", ctx.keys[i]):
        return None
    if ctx.token(i).dep_ in {"obj", "dobj"}:
        return None
    return group_role(noun)


def _people_from(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """ "migrants from Iraq", "des réfugiés en provenance de Syrie": a country after a private person noun
    (roles.tsv person_noun) and a word of origin (origin_prep) is where the people come from, no side, as
    the demonym in "Iraqi migrants" is; a measure on them ("deported migrants from Haiti") keeps it a side."""
    if kind not in ("name", "capital"):
        return None
    found = ctx.phrase_before(ctx.skip_determiners(match.first), "origin_prep")
    if found is None:
        return None
    person = ctx.phrase_before(found[1], "person_noun")
    if person is None or _measured_people(ctx, found, found[1] - 1, match.last):
        return None
    decision = private_person_role(ctx, person[0], person[1])
    # given by a preposition, the role spreads over a list ("visitors from China, Malaysia and India")
    return decision._replace(from_preposition=True) if decision else None


_AGENT_DEPS = frozenset({"agent", "obl:agent"})  # a passive with its agent: "expelled by India"
_FLEEING = frozenset({"fleeing", "fuyant"})


def _measured_people(ctx: SentenceContext, origin: tuple[str, int], person: int, last: int) -> bool:
    """The country of "people from X" stays a side when a state's act is told with it: "fleeing Russia's
    invasion" (an act of X's), a measure on the people as the verb above them ("pushed back hundreds of migrants
    from Turkey": person_measure) or a passive one ("Journalists from China were expelled by India")."""
    if ctx.keys[origin[1]] in _FLEEING and last < len(ctx.pieces) and ctx.keys[last] == "'s":
        return True
    token = ctx.token(person)
    for _ in range(4):
        if token.dep_ in _AGENT_DEPS:
            return True
        if token.pos_ in {"VERB", "AUX"} or token.head is token:
            break
        token = token.head
    return token.pos_ == "VERB" and (ctx.has("person_measure", token.lemma_.lower()) or ctx.has(
        "person_measure", token.text.lower()) or any(child.dep_ in _AGENT_DEPS for child in token.children))


def _mediating_between(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    return mediating_subject(ctx, match.last)


def _before_a_noun(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    last = match.last
    if ctx.lang == "en" and kind == "name" and last < len(ctx.pieces) and ctx.pieces[last].hyphen_before \
            and ctx.has("made_noun", ctx.keys[last]):
        # "Turkey-made drones", "US-built jets": the maker, as a demonym's "Turkish-made" (demonym_roles.py)
        return origin_role(ctx, ctx.keys[last], match.first)
    decision = after_role(ctx, match.first, match.last, kind)
    if decision is None and kind == "name" and ctx.lang == "en":
        # "with U.S. and Chinese observers present": a name used as a modifier shares the noun of
        # the demonym coordinated after it, as two demonyms do ("Qatari and Egyptian mediators").
        return shared_noun_role(ctx, match.last, demonym=False)
    return decision


def _a_deposed_leaders_country(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """English: "the ousted Sudanese President", "the toppled Afghan president": a word of the `deposed` list
    right before a country word that a title follows names a past office, not the state acting."""
    first = ctx.skip_determiners(match.first)
    if ctx.lang != "en" or kind not in ("name", "demonym") or first < 1 or match.last >= len(ctx.pieces):
        return None
    word = ctx.keys[first - 1]
    title = ctx.has("title", ctx.keys[match.last]) or ctx.has("title", ctx.two_pieces(match.last))
    return RoleDecision("former", f"'{ctx.pieces[first - 1].text}' before a title") if (
        title and ctx.has("deposed", word)) else None


def _former_country(ctx: SentenceContext, match: Found, kind: str) -> RoleDecision | None:
    """English: a word of the "former" list right before a name ("the former U.S. ambassador"). Not with a
    noun between ("former foes Peru and Ecuador"): the country is in apposition to it, the present state."""
    if ctx.lang == "en" and kind == "name" and ctx.near_before(match.first, "former", 1, use_lemma=False):
        return RoleDecision("former", "after a word for a former office")
    return None


ROLE_RULES: tuple[RoleRule, ...] = (
    _a_body_named_by_a_common_noun,
    _a_currency_sign,
    _a_news_outlet,
    _leading_an_organisation,
    _after_an_attitude,
    _a_deposed_leaders_country,
    _a_border_compound,
    _backing_a_group,
    _inside_a_compound,  # decides every compound (an actor when nothing else)
    _a_demonym,  # decides every demonym (an actor when nothing else)
    _target_of_an_act_noun,
    _a_group_from,
    _people_from,
    _after_a_preposition,
    _mediating_between,
    _before_a_noun,
    _former_country,
)
