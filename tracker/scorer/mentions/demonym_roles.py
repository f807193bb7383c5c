"""Roles of demonyms, which take their role from the noun they qualify: "le dossier syrien" (topic),
"territoire syrien" (place), "la médiation qatarie" (mediator), "Russian oil" (origin of goods, a
topic), "le yuan chinois" (a currency, a topic), "l'ancien président américain" (former).

French reads the noun from the parse (or the nearest noun to the left); English has no parse
and reads the noun after the adjective.
"""

from __future__ import annotations

from tracker.scorer.mentions.decision import RoleDecision, capital_word
from tracker.scorer.mentions.gazetteer import mention_index
from tracker.scorer.mentions.modifier_roles import english_modifier_role, group_after, group_role, market_role
from tracker.scorer.mentions.pieces import fold_word, join_key
from tracker.scorer.mentions.preposition_roles import against_another, host_or_venue, noun_before
from tracker.scorer.mentions.sentence import SentenceContext
from tracker.scorer.mentions.wordlists import CLAUSE_BREAKS, grammar_words

_DEMONYM = ("demonym",)
AREA_VERB_REACH = 4  # pieces before "<demonym> airspace" read for a passage or an entry ("crossed Chinese airspace")
_SHARED_KINDS = ("demonym", "name", "prefix")  # country words that may qualify a noun a demonym before them shares
_COUNTRY_KINDS = frozenset({"name", "capital", "demonym", "institution", "person"})
_CONTRACTED_ARTICLES = frozenset({"du", "des", "au", "aux"})
_NOUN_TAGS = frozenset({"NOUN", "PROPN"})
_MEASURE_BARRIERS = CLAUSE_BREAKS - {","}  # "deported more than 2,300 Haitian migrants": a number's comma
PERSON_MEASURE_REACH = 10  # pieces read before a private person for a measure on a people ("a expulsé la semaine dernière plus de 20 000")
_SHARED_NOUN_JOINERS = {lang: grammar_words("shared_noun_joiner", lang) for lang in ("fr", "en")}
# Lists the small French model tags nouns of as adjectives or names ("le yuan chinois").
_NOUN_LISTS = ("topic_noun", "place_noun", "commodity_noun", "market_noun", "group_noun", "person_noun")
# A qualified noun of these lists gives its role to the demonym.
_NOUN_ROLES = (("mediator_noun", "mediator"), ("topic_noun", "topic"), ("place_noun", "place"), ("source_noun", "topic"))


def demonym_role(ctx: SentenceContext, first: int, last: int) -> RoleDecision | None:
    """Demonyms take their role from the noun they qualify."""
    if first > 0 and ctx.keys[first - 1] == "en":  # "traduit en russe": a language
        return RoleDecision("place", f"after '{ctx.pieces[first - 1].text}': a language or a location")
    if first > 0 and ctx.keys[first - 1] == "in" and (last >= len(ctx.pieces) or not ctx.pieces[last].text[:1].isalpha()):
        # "said in Russian."
        return RoleDecision("place", f"after '{ctx.pieces[first - 1].text}': a language or a location")
    if ctx.lang == "fr":
        return _french_demonym_role(ctx, first, last)
    return _english_demonym_role(ctx, first, last)


def _french_demonym_role(ctx: SentenceContext, first: int, last: int) -> RoleDecision | None:
    shared = _shared_noun_role_before(ctx, first)
    if shared is not None:
        return shared
    if _nationality_before_a_name(ctx, first, last):  # "l'extradition du Français Jean Dupont"
        return private_person_role(ctx, ctx.pieces[first].text, first)
    nouns = _french_noun_of(ctx, first)
    product = _model_code_before(ctx, first)
    if product is None:
        market = next(((noun, at) for noun, at in nouns if ctx.has("market_noun", noun)), None)
        if market is not None:
            return market_role(ctx, *market)
        product = next(((noun, at) for noun, at in nouns if ctx.has("commodity_noun", noun)), None)
    if product is not None:
        return origin_role(ctx, *product)
    group = next((noun for noun, _ in nouns if ctx.has("group_noun", noun)), None)
    if group is not None:  # "le Hezbollah libanais", "des rebelles syriens"
        return group_role(group)
    person = next(((noun, at) for noun, at in nouns if ctx.has("person_noun", noun)), None)
    if person is not None:  # "un alpiniste français", "un ressortissant libanais"
        return private_person_role(ctx, *person)
    mediated = next((noun for noun, at in nouns if ctx.phrase_before(ctx.skip_determiners(at), "mediator")), None)
    if mediated is not None:  # "sous l'égide de la diplomatie turque", "sous l'égide du président angolais"
        return RoleDecision("mediator", f"qualifies '{mediated}' after a mediator phrase")
    sovereign = noun_before(ctx, first, "sovereign_area")
    if sovereign:  # "violations de l'espace aérien grec": entered or defended, the country is involved
        return RoleDecision("actor", f"qualifies '{sovereign}': the sovereign area of a party", True)
    capital = next((at for noun, at in nouns if capital_word(noun)), None)
    visited = _visited_capital_fr(ctx, capital, first, last) if capital is not None else None
    if visited is not None:
        return visited
    for listname, role in _NOUN_ROLES:
        for noun, _ in nouns:
            if ctx.has(listname, noun):
                if role == "topic" and against_another(ctx, last):
                    return None  # "la guerre russe en Ukraine": the demonym is the war's agent
                return RoleDecision(role, f"qualifies '{noun}'", qualifies=noun, place_as=capital_word(noun))
    for _, at in nouns:
        if ctx.near_before(at, "former", 2, use_lemma=False):
            return RoleDecision("former", "qualifies a former office")
    return None


def _nationality_before_a_name(ctx: SentenceContext, first: int, last: int) -> bool:
    """French: a capitalised demonym used as a noun after an article, right before a person's
    name ("du Français Jean Dupont", "la Franco-Algérienne Leïla X"): a private person's
    nationality. A leader's name is a mention of its own and keeps its state a side."""
    if not ctx.pieces[first].text[:1].isupper() or first == 0 or last >= len(ctx.pieces):
        return False
    if not (ctx.has("determiner", ctx.keys[first - 1]) or ctx.keys[first - 1] in _CONTRACTED_ARTICLES):
        return False
    name = ctx.pieces[last]
    return (name.text[:1].isupper() and ctx.pos(last) == "PROPN"
            and not mention_index(ctx.lang).has_kind(ctx.keys[last], _COUNTRY_KINDS))


def _english_demonym_role(ctx: SentenceContext, first: int, last: int) -> RoleDecision | None:
    """English has no parse: the adjective comes before its noun."""
    shared = shared_noun_role(ctx, last)
    if shared is not None:
        return shared
    if not _is_plural_demonym(ctx, first, last):
        market = ctx.noun_after(last, "market_noun")
        if market is not None:
            return market_role(ctx, market, first)
    product = _english_product_after(ctx, last)
    if product is not None:
        return origin_role(ctx, product, first)
    group = group_after(ctx, last)
    if group is not None:
        return group
    person = _english_person_after(ctx, last)
    if person is not None:  # "the Colombian journalist", "a Pakistani national"
        return private_person_role(ctx, person, first)
    sovereign = ctx.area_after(last)
    passage = sovereign and ctx.near_before(first, "area_transit", AREA_VERB_REACH, barriers=CLAUSE_BREAKS)
    if passage and not ctx.near_before(first, "area_entry", AREA_VERB_REACH, barriers=CLAUSE_BREAKS):
        sovereign = None  # "flew through Ethiopian airspace on its way to Egypt": a passage, no party
    if sovereign:  # "violated Greek airspace", as French "l'espace aérien grec": entered or defended, a party
        return RoleDecision("actor", f"qualifies '{sovereign}': the sovereign area of a party", True)
    decision = english_modifier_role(ctx, last, ("mediator_noun", "topic_noun", "place_noun", "source_noun"))
    if decision and decision.role == "place":
        decision = _visited_capital(ctx, first, last) or decision
    if decision and decision.role == "topic":
        noun_end = last + 1 + (1 if ctx.has("modifier_en", ctx.keys[last]) else 0)
        if against_another(ctx, noun_end):
            return None  # "the Russian war in Ukraine": the demonym is the war's agent
    if decision:
        return decision
    place = _place_after_names(ctx, last)
    if place is not None:
        return RoleDecision("place", f"qualifies '{place}'", qualifies=place,
                            place_as=capital_word(place))
    if ctx.near_before(first, "former", 2, use_lemma=False):
        return RoleDecision("former", "after a word for a former office")
    return None


def _visited_capital(ctx: SentenceContext, first: int, last: int) -> RoleDecision | None:
    """English: "arrived in the Omani capital", "a trip to the Kenyan capital of Nairobi": the capital word
    stands for its country as the capital's name would ("arrived in Muscat"), the host of the visit; the
    venue rules of a visit (a multilateral meeting, another pair's event) apply alike. Only one visitor:
    "Envoys of A and B arrived in the Qatari capital" names where they met, a venue."""
    if last >= len(ctx.keys) or not capital_word(ctx.keys[last]):
        return None
    if len(ctx.named_countries - ctx.codes_at(first, last)) != 1:
        return None
    found = ctx.phrase_before(ctx.skip_determiners(first), "visit_to")
    if found is None:
        return None
    return host_or_venue(ctx, f"host of a visit ('{found[0]}') to its capital", found[1], first, last)


_FR_TO_PLACE = frozenset({"dans", "à", "a", "en"})  # before "la capitale" in a visit ("s'est rendu dans la capitale")


def _visited_capital_fr(ctx: SentenceContext, at: int, first: int, last: int) -> RoleDecision | None:
    """French, as _visited_capital: "s'est rendu dans la capitale bolivienne", "en visite dans la capitale
    russe": the host of a visit of one visitor. `at` is the piece of "capitale"."""
    if len(ctx.named_countries - ctx.codes_at(first, last)) != 1:
        return None
    prep = ctx.skip_determiners(at) - 1
    if prep < 1 or ctx.keys[prep] not in _FR_TO_PLACE:
        return None
    visit = ctx.near_before(prep, "visit", 3)
    if visit is None:
        return None
    return host_or_venue(ctx, f"host of a visit ('{visit}' ... '{ctx.pieces[prep].text}') to its capital", prep, first, last)


def _french_noun_of(ctx: SentenceContext, first: int) -> list[tuple[str, int]]:
    """The noun a French demonym qualifies, as (form, piece) pairs: its parse head when the parse
    says so, else the nearest noun to its left (the small model sometimes attaches "territoire
    syrien" to the verb)."""
    nouns = []
    token = ctx.token(first)
    if token.dep_ in {"amod", "nmod", "appos"} and token.head.pos_ in {"NOUN", "PROPN"} and token.head.i < token.i:
        head_piece = ctx.piece_of(token.head)
        if head_piece is not None:
            nouns.append((fold_word(token.head.lemma_ or token.head.text), head_piece))
            nouns.append((ctx.keys[head_piece], head_piece))
            if head_piece + 1 < first:  # "station balnéaire égyptienne": the noun with its adjective
                nouns.append((join_key(ctx.keys[head_piece], ctx.keys[head_piece + 1]), head_piece))
            if token.dep_ == "amod":  # "hommes d'affaires algériens": the head, not the nearest noun
                return nouns
    i = first - 1
    skipped = 0
    while i >= 0 and skipped <= 2:
        key = ctx.keys[i]
        pos = ctx.pos(i)
        if ctx.pieces[i].hyphen_before and (pos == "NOUN" or any(ctx.has(name, key) for name in _NOUN_LISTS)):
            # "les garde-côtes chinois": the compound is the noun, not its last piece ("côtes", a place)
            start = i
            while start > 0 and ctx.pieces[start].hyphen_before:
                start -= 1
            nouns.append((" ".join(ctx.keys[start : i + 1]), start))
            break
        if pos == "NOUN" or any(ctx.has(name, key) for name in _NOUN_LISTS):
            nouns.append((ctx.lemma(i), i))
            nouns.append((ctx.keys[i], i))
            if i > 0:
                nouns.append((join_key(ctx.keys[i - 1], ctx.keys[i]), i - 1))
            break
        if pos != "ADJ" and not ctx.pieces[i + 1].hyphen_before:
            break
        i -= 1
        skipped += 1
    return nouns


def _model_code_before(ctx: SentenceContext, first: int) -> tuple[str, int] | None:
    """French: a model code right before the demonym ("des S-400 russes", "F-16 américains")."""
    i = first - 1
    if i >= 0 and any(c.isdigit() for c in ctx.keys[i]):
        while i > 0 and ctx.pieces[i].hyphen_before:
            i -= 1
        return ctx.text_of(i, first), i
    return None


def _has_digit(ctx: SentenceContext, i: int) -> bool:
    return any(c.isdigit() for c in ctx.keys[i])


def _english_product_after(ctx: SentenceContext, last: int) -> str | None:
    """The commodity an English demonym qualifies ("Russian oil", "Chinese-made drones"), a model
    code counting as one ("Russian S-400 missiles")."""
    i = last
    count = len(ctx.pieces)
    while i < count and (_has_digit(ctx, i) or (i + 1 < count and ctx.pieces[i + 1].hyphen_before and _has_digit(ctx, i + 1))):
        i += 1
    if i > last:
        return ctx.text_of(last, i)
    return ctx.noun_after(last, "commodity_noun")


def origin_role(ctx: SentenceContext, product: str, at: int) -> RoleDecision | None:
    """A commodity's origin is what is traded or talked about, not a party; with a trade word
    just before ("buy Russian oil", "acheter du pétrole russe"), the seller is a party (actor)."""
    if ctx.near_before(at, "trade_word", 4, barriers=CLAUSE_BREAKS):
        return None
    made = ctx.has("made_noun", product)  # "de fabrication iranienne": the maker, whatever is done to the goods
    if not made and ctx.near_before(at, "target", 6, barriers=CLAUSE_BREAKS):
        return None  # "tariffs on Chinese steel", "droits de douane sur l'acier mexicain": aimed at the country
    return RoleDecision("topic", f"{'maker' if made else 'origin'} of '{product}', not a party")


def _english_person_after(ctx: SentenceContext, last: int) -> str | None:
    """English: the private person a demonym qualifies ("the Colombian journalist"); "national" is
    also a modifier, so it is the person only when no noun follows ("a Pakistani national security
    adviser" is an official). Not after a hyphen ("Greek-owned")."""
    if last >= len(ctx.pieces) or ctx.pieces[last].hyphen_before:
        return None
    nxt = last + 1
    if ctx.has("person_noun", ctx.keys[last]) and (nxt >= len(ctx.pieces) or ctx.pos(nxt) not in _NOUN_TAGS):
        return ctx.keys[last]
    noun = ctx.noun_after(last, "person_noun")
    # "the Swedish minority government", "a Chinese minority stake": a role noun after it is the head, the state's
    ends = [i + 1 for i in range(last, min(last + 3, len(ctx.pieces))) if noun and ctx.keys[i] == noun.split()[-1]]
    if ends and ends[0] < len(ctx.pieces) and ctx.has("person_head_stop", ctx.keys[ends[0]]):
        return None
    return noun


def private_person_role(ctx: SentenceContext, noun: str, at: int) -> RoleDecision | None:
    """A private person's nationality is no side: "a Pakistani national arrested in India", "un
    alpiniste français tué au Népal". A measure on a nation's people as a whole is aimed at their
    state, which stays a side ("deported 2,000 Haitian migrants", "visas pour les ressortissants ghanéens")."""
    if ctx.near_before(at, "person_measure", PERSON_MEASURE_REACH, barriers=_MEASURE_BARRIERS):
        return None
    return RoleDecision("topic", f"nationality of the private person '{noun}', not the state")


def _is_plural_demonym(ctx: SentenceContext, first: int, last: int) -> bool:
    """English "Americans", "Russians": a noun, which qualifies nothing ("Russians pound ...")."""
    key = ctx.keys[last - 1]
    if not key.endswith("s"):
        return False
    stem = join_key(" ".join(ctx.keys[first : last - 1]), key[:-1]) if last - first > 1 else key[:-1]
    return mention_index(ctx.lang).has_kind(stem, _DEMONYM)


def shared_noun_role(ctx: SentenceContext, last: int, demonym: bool = True) -> RoleDecision | None:
    """English: "Qatari and Egyptian mediators", "Swiss or Austrian resorts", "the Saudi and US mediators": a
    demonym followed by a conjunction and another country word qualifying a noun (a demonym, or a name used as
    one) shares that one's noun, so it takes its role (not "actor"): the joined phrase has one role. A name
    before (`demonym` False: "U.S. and Chinese observers") shares a demonym's noun only: "Armenia, Turkey press
    on" is two names, the second the verb's subject."""
    if last + 1 >= len(ctx.keys) or ctx.keys[last] not in _SHARED_NOUN_JOINERS["en"]:
        return None
    index = mention_index(ctx.lang)
    for width in (2, 1):
        end = last + 1 + width
        if end > len(ctx.keys):
            continue
        key = " ".join(ctx.keys[last + 1 : end])
        if index.has_kind(key, _SHARED_KINDS if demonym else _DEMONYM) and ctx.pieces[last + 1].text[:1].isupper():
            return _shared_role(ctx, last + 1, end)
    return None


def _shared_noun_role_before(ctx: SentenceContext, first: int) -> RoleDecision | None:
    """French: "des observateurs ghanéens et sénégalais", "le gaz russe ou qatari": the noun comes
    first, so a demonym after a conjunction and another demonym shares that one's noun and role."""
    joiner = first - 1
    if joiner < 1 or ctx.keys[joiner] not in _SHARED_NOUN_JOINERS["fr"]:
        return None
    index = mention_index(ctx.lang)
    for width in (2, 1):
        start = joiner - width
        if start >= 0 and index.has_kind(" ".join(ctx.keys[start:joiner]), _DEMONYM):
            return _shared_role(ctx, start, joiner)
    return None


def _shared_role(ctx: SentenceContext, first: int, last: int) -> RoleDecision | None:
    """The role of the demonym at first..last, when it is not an actor, as a shared one."""
    decision = demonym_role(ctx, first, last)
    if decision is None or decision.role == "actor":
        return None
    if decision.shared:  # a list: "qatarie, égyptienne et américaine"
        return decision
    return RoleDecision(decision.role, f"shares its noun with '{ctx.text_of(first, last)}' ({decision.reason})",
                        place_as=decision.place_as, shared=True)


def _place_after_names(ctx: SentenceContext, last: int) -> str | None:
    """English: a place noun after a demonym and a few capitalised words: "the Jordanian Red Sea port
    of Aqaba", "the Egyptian Sinai resort". A country word or a word that takes over as head
    ("the Iranian Foreign Ministry compound") stops it."""
    index = mention_index(ctx.lang)
    i = last
    while i < len(ctx.pieces) and i - last < 3 and ctx.pieces[i].text[:1].isupper() and ctx.pieces[i].text.isalpha():
        if any(entry.kind != "block" for entry in index.entries.get(ctx.keys[i], ())) or ctx.has("compound_head", ctx.keys[i]):
            return None
        i += 1
    if i == last:
        return None
    return ctx.noun_after(i, "place_noun")
