"""Roles given by the words after a mention: English nouns used as modifiers ("the Syria
conflict", "Egyptian-brokered"), possessives of a subject matter ("North Korea's missile programme"),
currencies and markets ("the U.S. dollar"), a country leading an organisation ("the U.S.-led NATO
alliance") and a country mediating between two others ("Oman hosted talks between Iran and the US")."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.records import Cue, Mention
from tracker.scorer.mentions.decision import RoleDecision, capital_word
from tracker.scorer.mentions.gazetteer import anaphora_index, mention_index, scan
from tracker.scorer.mentions.preposition_roles import against_another, noun_before
from tracker.scorer.mentions.sentence import SentenceContext
from tracker.scorer.mentions.wordlists import CLAUSE_BREAKS, grammar_words

_MODIFIER_ROLES = {"mediator_noun": "mediator", "topic_noun": "topic", "place_noun": "place", "venue_noun": "place",
                   "source_noun": "topic"}  # a report's source is no party
_LEADING = grammar_words("leading", "en")
_LED_COMPOUNDS = grammar_words("led_compound", "en")
_RELATIVES = grammar_words("relative")
_MEDIATION_STOPS = grammar_words("mediation_stop")
_BETWEEN = grammar_words("between")
_CREDITED_FOR = grammar_words("credited_for", "en")
_AGAINST = grammar_words("turned_against")  # "X's case against Y": a possessed noun turned on another country
SEAT_EVENT_REACH = 4  # noun-phrase words read after a seat of power for its event ("White House peace-accord signing")
LED_NOUN_REACH = 3  # lowercase words read after "X-led" for its organisation noun ("the U.S.-led military alliance")
LED_NAME_REACH = 6  # all words read, a body's capitalised name included ("the Russia-led Collective Security Treaty Organization")
MEDIATION_REACH = 3  # lowercase words read after "X's" / "X for its" for a mediation word ("its role in mediating")


def market_role(ctx: SentenceContext, noun: str, at: int) -> RoleDecision | None:
    """A currency, share or market named after a country is what moves: "the U.S. dollar", "South
    Africa's rand", "le yuan chinois" are topics, so "the rand fell against the dollar" pairs no one.
    A sanction word just before keeps the country a target ("sanctions on Russian banks")."""
    if ctx.near_before(at, "target", 4, barriers=CLAUSE_BREAKS):
        return None
    return RoleDecision("topic", f"'{noun}': a currency or market, not a party")


def english_modifier_role(ctx: SentenceContext, last: int, lists: tuple[str, ...]) -> RoleDecision | None:
    """English modifiers take the role of their noun: "Egyptian-brokered", "US mediation", "Syrian soil"."""
    glued = last < len(ctx.pieces) and ctx.pieces[last].hyphen_before
    if glued and ctx.has("mediator_after", ctx.keys[last]):
        return RoleDecision("mediator", f"'-{ctx.pieces[last].text}'")
    if glued and ctx.has("based_after", ctx.keys[last]):  # "Qatar-based Al Jazeera": where it is based
        return RoleDecision("place", f"'-{ctx.pieces[last].text}': where something is based, no side")
    if glued and ctx.keys[last] in _LED_COMPOUNDS:
        noun = ctx.noun_after(last + 1, "mediator_noun")
        if noun:  # "Qatar-led mediation", "U.S.-backed mediation efforts"
            return RoleDecision("mediator", f"'-{ctx.pieces[last].text} {noun}'")
    for listname in lists:
        noun = ctx.noun_after(last, listname)
        if noun:
            return RoleDecision(_MODIFIER_ROLES[listname], f"qualifies '{noun}'", qualifies=noun,
                                place_as=capital_word(noun))
    return None


def group_role(noun: str) -> RoleDecision:
    """A demonym or possessive on a non-state group names where the group is from, not the state acting."""
    return RoleDecision("topic", f"qualifies the non-state group '{noun}': where it is from, not the state")


def group_after(ctx: SentenceContext, start: int) -> RoleDecision | None:
    """English: a non-state group right after ("Syrian rebels", "the Russian mercenary group Wagner",
    "Lebanon's Hezbollah"). Not after a hyphen: "Iranian-backed militias" names the backer."""
    if start < len(ctx.pieces) and ctx.pieces[start].hyphen_before:
        return None
    noun = ctx.noun_after(start, "group_noun")
    return group_role(noun) if noun else None


def _acted_on(ctx: SentenceContext, first: int) -> str | None:
    """A word just before a phrase that makes its country a party: "sanctions on", "curb", "frapper"."""
    return ctx.near_before(first, "acts_on", 3, barriers=CLAUSE_BREAKS) or ctx.near_before(
        first, "target", 3, barriers=CLAUSE_BREAKS
    )


def _possessed_topic(ctx: SentenceContext, first: int, last: int) -> RoleDecision | None:
    """'North Korea's missile programme', 'Taiwan's status', 'Ukraine's reconstruction': the subject
    matter, unless something is done to it ("curb Iran's nuclear programme": Iran is a party).

    Up to two lowercase words may stand between the possessive and its noun ("nuclear", "ballistic
    missile"); a capitalised word or a country ends the search.
    """
    if last >= len(ctx.keys) or ctx.keys[last] != "'s":
        return None
    i = last + 1
    for _ in range(3):
        if i >= len(ctx.pieces):
            return None
        two = ctx.two_pieces(i)
        market = next((word for word in (two, ctx.keys[i]) if word and ctx.has("market_noun", word)), None)
        if market:
            return market_role(ctx, market, first)
        noun = next((word for word in (two, ctx.keys[i]) if word and ctx.has("possessed_topic", word)), None)
        if noun:
            after = i + (2 if noun == two else 1)
            # "Mogadishu's case against Nairobi": the owner brings it against another country, a side
            if _acted_on(ctx, first) or (after < len(ctx.keys) and ctx.keys[after] in _AGAINST
                                         and against_another(ctx, after)):
                return None
            return RoleDecision("topic", f"'{ctx.pieces[last - 1].text}'s {noun}': the subject matter")
        word = ctx.pieces[i].text
        if not word.isalpha() or not word.islower():
            return None
        i += 1
    return None


def leads_organisation(ctx: SentenceContext, first: int, last: int) -> RoleDecision | None:
    """'the U.S.-led NATO alliance', "l'OTAN emmenée par les États-Unis": the organisation acts;
    the country leading it is only its description. A coalition is not in the list (see roles.tsv)."""
    if ctx.lang == "en" and last < len(ctx.keys) and ctx.pieces[last].hyphen_before and ctx.keys[last] in _LEADING:
        reach = LED_NOUN_REACH
        # a title-case headline ("Saudi-Led Coalition Bombs ... Group Base") capitalises every word: no name to read
        headline = ctx.pieces[last].text[:1].isupper()
        for i in range(last + 1, min(len(ctx.pieces), last + LED_NAME_REACH + 1)):
            two = ctx.two_pieces(i)
            noun = next((word for word in (two, ctx.keys[i]) if word and ctx.has("organisation", word)), None)
            if noun:
                return RoleDecision("topic", f"leads '{noun}': the organisation acts, not the country")
            if not ctx.pieces[i].text[:1].isalpha() or ctx.keys[i] in CLAUSE_BREAKS:
                return None
            if headline or not ctx.pieces[i].text[:1].isupper():  # a capitalised word belongs to the body's name
                reach -= 1
                if reach == 0:
                    return None
        return None
    found = ctx.phrase_before(ctx.skip_determiners(first), "led_by")
    if found is None:
        return None
    at = found[1]
    if at > 0 and ctx.keys[at - 1] == ",":
        at -= 1  # "NATO, led by the United States,"
    noun = noun_before(ctx, at, "organisation")
    if noun:
        return RoleDecision("topic", f"'{noun} {found[0]}': the organisation acts, not the country")
    return None


def mediating_subject(ctx: SentenceContext, last: int) -> RoleDecision | None:
    """'Ankara a proposé sa médiation entre Moscou et Kiev', 'Oman hosted talks between Iran and the US'.

    A mediation or hosting word within a few words after the country, then "entre"/"between"
    further on: the country stands between the two others. Another country word before the
    mediation word cancels it ("Tokyo et Pékin ont accueilli..."), and so does the absence of
    "entre"/"between" ("Tokyo a accueilli le Premier ministre chinois" is a bilateral visit).
    """
    if not ctx.has_between:
        return None
    index = mention_index(ctx.lang)
    stop = min(len(ctx.pieces), last + 6)
    i = last - 1
    while i + 1 < stop:
        i += 1
        key = ctx.keys[i]
        # "Qatar, which has mediated between ...", "le Qatar, qui a accueilli ... entre": a relative
        # clause about the country goes on describing it.
        if i == last and key == "," and i + 1 < len(ctx.keys) and ctx.keys[i + 1] in _RELATIVES:
            stop = min(len(ctx.pieces), last + 9)
            continue
        if key in _MEDIATION_STOPS or (key in index.entries and i > last):
            return None
        two = ctx.two_pieces(i)
        word = next((w for w in (two, key) if ctx.has("mediator_verb", w)), None)
        if word:
            if _between_two_others(ctx, i + 1):
                return RoleDecision("mediator", f"'{word}' ... '{'entre' if ctx.lang == 'fr' else 'between'}'")
            return None
    return None


def _between_two_others(ctx: SentenceContext, start: int) -> bool:
    """An "entre"/"between" after `start` that does not open "les deux pays"-like words: "la brouille
    entre les deux pays" after "a accueilli son homologue" is the host's own quarrel with its guest."""
    pieces = ctx.pieces
    for at in (i for i in range(start, len(ctx.keys)) if ctx.keys[i] in _BETWEEN):
        if not any(first == at + 1 for first, _, _ in scan(pieces, anaphora_index(ctx.lang))):
            return True
    return False


def _credited_mediation(ctx: SentenceContext, first: int, last: int) -> RoleDecision | None:
    """English: a country whose mediation or hosting the sentence names with a possessive is the
    go-between, no side: "thanks to Qatar's mediation efforts", "thanking Oman for its mediation",
    "praised Egypt for its role in mediating". Not "criticised Hungary for hosting Putin" (no
    possessive: Hungary did the hosting to a side's dismay), nor when the
    mediation is acted on ("rejected Qatar's mediation": a side of that refusal)."""
    if last >= len(ctx.keys):
        return None
    if ctx.keys[last] == "'s":
        start = last + 1
    elif ctx.keys[last] in _CREDITED_FOR and last + 1 < len(ctx.keys) and ctx.keys[last + 1] in {"its", "their"}:
        start = last + 2
    else:
        return None
    for i in range(start, min(len(ctx.pieces), start + MEDIATION_REACH)):
        word = next((w for w in (ctx.two_pieces(i), ctx.keys[i])
                     if w and (ctx.has("mediator_noun", w) or ctx.has("mediator_verb", w))), None)
        if word:
            # only the word right before counts: "held thanks to Qatar's mediation" is no act on it
            before = ctx.skip_determiners(first)
            if ctx.near_before(before, "acts_on", 1) or ctx.near_before(before, "target", 1):
                return None
            return RoleDecision("mediator", f"its '{word}' named: the go-between, no side")
        if not ctx.pieces[i].text.isalpha() or not ctx.pieces[i].text.islower():
            return None
    return None


DESCRIBED_REACH = 40  # characters from such a country to the noun it describes ("Washington's two most important allies")
_ALLIES_MODIFIERS = frozenset({"ADJ", "NUM", "ADV", "NOUN"})  # "closest security", "two most important"
ALLIES_REACH = 3  # lowercase words between a country and the allies it describes ("Washington's two most important allies")


def _describes_allies(ctx: SentenceContext, first: int, last: int) -> RoleDecision | None:
    """English: a country before "allies"/"partners" (list allies_noun, a noun), as a modifier or a possessive, up
    to ALLIES_REACH lowercase words between ("the US allies", "two key US allies", "Washington's two most
    important allies"), only describes them: the allies are the sides of the act, not it. Not after "one of",
    "among", "a" (list allies_one_of): "Kenya is one of Britain's closest partners" names one partner, and the
    relation with it."""
    if ctx.phrase_before(first, "allies_one_of") or ctx.phrase_before(ctx.skip_determiners(first), "allies_one_of"):
        return None
    i = last + 1 if last < len(ctx.keys) and ctx.keys[last] == "'s" else last
    for _ in range(ALLIES_REACH + 1):
        if i >= len(ctx.pieces):
            return None
        if (ctx.has("allies_noun", ctx.keys[i]) and ctx.pos(i) == "NOUN"
                and not (i + 1 < len(ctx.keys) and ctx.has("allies_verb_after", ctx.keys[i + 1]))):
            noun = ctx.pieces[i]
            return RoleDecision("topic", f"describes the '{noun.text}' it names: no side",
                                described=(noun.start, noun.end), describes=True)
        if not (ctx.pieces[i].text.isalpha() and ctx.pieces[i].text.islower()) or ctx.pos(i) not in _ALLIES_MODIFIERS:
            return None  # "Mexico and the three partners": a joiner, no modifier
        i += 1
    return None


def undescribed_cues(cues: Sequence[Cue], mentions: Sequence[Mention]) -> list[Cue]:
    """The cues but those on the allies a country only describes ("tensions between the US allies"): the
    alliance that noun names is the describing country's, which is no side, not an act of the sentence."""
    nouns = [(m.end, m.described) for m in mentions if m.role == "topic" and m.described]
    return [c for c in cues if not any(0 <= c.start - end <= DESCRIBED_REACH and c.start <= noun[0] < c.end
                                       for end, noun in nouns)]


def after_role(ctx: SentenceContext, first: int, last: int, kind: str) -> RoleDecision | None:
    """English nouns used as modifiers ("the Syria conflict", "the Paris agreement"),
    possessives of a subject matter ("North Korea's missile programme") and of a mediation
    ("Qatar's mediation", "thanked Oman for its mediation"), and a country describing allies ("the US
    allies")."""
    if ctx.lang != "en":
        return None
    if kind in {"name", "capital"}:
        decision = (_possessed_topic(ctx, first, last) or _credited_mediation(ctx, first, last)
                    or _describes_allies(ctx, first, last))
        if decision is not None:
            return decision
    if kind == "name" and last < len(ctx.keys) and ctx.keys[last] == "'s":
        decision = group_after(ctx, last + 1)  # "Lebanon's Hezbollah", "Yemen's Houthi rebels"
        if decision is not None:
            return decision
    if kind == "name":
        market = ctx.noun_after(last, "market_noun")
        if market is not None:
            return market_role(ctx, market, first)
        return english_modifier_role(ctx, last, ("mediator_noun", "topic_noun"))
    if kind == "capital":
        market = ctx.noun_after(last, "market_noun")
        if market is not None:  # "Tokyo stocks", "the London stock exchange"
            return market_role(ctx, market, first)
        return english_modifier_role(ctx, last, ("mediator_noun", "venue_noun"))
    if kind == "institution":
        return _seat_event(ctx, last)
    return None


def _seat_event(ctx: SentenceContext, last: int) -> RoleDecision | None:
    """ "a White House signing ceremony", "the Kremlin state dinner": a seat of power before the event
    it hosts (list seat_event), only nouns and adjectives of the same noun phrase between, is its venue."""
    for i in range(last, min(len(ctx.pieces), last + SEAT_EVENT_REACH)):
        if ctx.has("seat_event", ctx.keys[i]) or ctx.has("seat_event", ctx.lemma(i)):
            return RoleDecision("place", f"venue of the '{ctx.pieces[i].text}' it hosts", place_as="venue")
        if ctx.keys[i] in CLAUSE_BREAKS or ctx.pos(i) not in {"NOUN", "ADJ", "PROPN"}:
            return None
    return None

