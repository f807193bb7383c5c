"""Roles given by the words before a mention: a preposition ("sur la Syrie", "en Syrie", "à
Moscou"), a noun and de/of ("l'avenir de la Syrie"), a mediator phrase ("sous l'égide de"), a border
between two countries where a natural event happened."""

from __future__ import annotations

import re

from tracker.scorer.mentions.decision import RoleDecision
from tracker.scorer.mentions.gazetteer import PhraseIndex, mention_index
from tracker.scorer.mentions.pieces import join_key, phrase_key
from tracker.scorer.mentions.sentence import SentenceContext
from tracker.scorer.mentions.wordlists import CLAUSE_BREAKS, SENTENCE_BREAKS, grammar_words

_COUNTRY_KINDS = frozenset({"name", "capital", "demonym"})
_PAST_WAR_PREPOSITIONS = frozenset({"with", "against"})
_YEAR = re.compile(r"^(1[5-9]|20)\d\d(s|-\d\d(\d\d)?)?$")  # "1962", "1990s", "1980-88"
_WAR_PREPOSITIONS = grammar_words("war_preposition")
_POSSESSIVES = grammar_words("possessive")
_CONJUNCTIONS = grammar_words("conjunction")
_OF_WORDS = grammar_words("of_word")
_ABOUT_PREPOSITIONS = grammar_words("about_preposition")
_ON_PREPOSITIONS = grammar_words("on_preposition")
_OF_PREPOSITIONS = grammar_words("of_preposition")
_BETWEEN = grammar_words("between")
_LIST_GOES_ON = grammar_words("list_goes_on")
_POST_JOINERS = frozenset({"et", "and"})
_PLURAL_OF = frozenset({"des"})  # "la guerre des États-Unis" is the United States' war, no war's name
_REPEATED = grammar_words("repeated_preposition")
_OWNED_NOUNS = grammar_words("owned_noun", "en")  # "in Uganda imports", "in U.S. custody": whose, not where
TITLE_REACH = 8  # pieces between an envoy's title and its post's preposition: a sovereign's style or a state's official name ("son ambassadeur de Sa Majesté le Sultan à", "de la République fédérale d'Allemagne à")
BODY_AFTER_REACH = 3  # words after a fronted "In X," up to the state body ("the foreign ministry")
SIDELINES_REACH = 4  # pieces between "en marge de" and a visit's preposition ("en marge de son voyage à")
_DATE_WORDS = {lang: grammar_words("date_word", lang) for lang in ("fr", "en")}
_VISIT_DETAILS = {"fr": grammar_words("visit_detail", "fr")}
_VISIT_OPENERS = frozenset({"during", "on"})  # English: "in Cotonou, during/on X's state visit"
_VISIT_REACH = 9  # pieces read after "during"/"on" for the visit word ("President Paul Kagame's two-day state visit")
# A noun before de/of and the role it gives the country after: "l'avenir de la Syrie" (topic),
# "le sol de la Syrie" (place), "the summit of Washington" (a capital only: venue).
_NOUNS_BEFORE_OF = (
    ("topic_noun_de", "topic"),
    ("market_noun", "topic"),
    ("place_noun", "place"),
    ("venue_noun", "place"),
)


def noun_before(ctx: SentenceContext, at: int, listname: str) -> str | None:
    """The noun right before a preposition, if listed: "guerre en", "guerre civile en", "avenir politique de"."""
    if at < 1:
        return None
    if at >= 2 and ctx.has(listname, join_key(ctx.keys[at - 2], ctx.keys[at - 1])):
        return join_key(ctx.keys[at - 2], ctx.keys[at - 1])
    for form in (ctx.keys[at - 1], ctx.lemma(at - 1)):
        if ctx.has(listname, form):
            return form
    if ctx.lang == "fr" and at >= 2 and ctx.pos(at - 1) == "ADJ":
        for form in (ctx.keys[at - 2], ctx.lemma(at - 2)):
            if ctx.has(listname, form):
                return form
    return None


def against_another(ctx: SentenceContext, i: int) -> bool:
    """Piece i is a preposition (en/in/contre/against/on) followed by a country: "... en Ukraine"."""
    if i >= len(ctx.keys) or ctx.keys[i] not in _WAR_PREPOSITIONS:
        return False
    j = i + 1
    while j < len(ctx.keys) and ctx.has("determiner", ctx.keys[j]):
        j += 1
    return j < len(ctx.keys) and mention_index(ctx.lang).has_kind(ctx.keys[j], _COUNTRY_KINDS)


def _has_agent(ctx: SentenceContext, at: int) -> bool:
    """A possessive or a country word right around a topic noun before its preposition
    ("Russia's war in", "sa guerre en", "la guerre russe en"), not past a conjunction."""
    index = mention_index(ctx.lang)
    for i in range(at - 1, max(-1, at - 4), -1):
        key = ctx.keys[i]
        if key in _CONJUNCTIONS:
            return False
        if key in _POSSESSIVES or index.has_kind(key, _COUNTRY_KINDS):
            return True
        if ctx.has("determiner", key):
            return False  # the noun's own article: "à Brasilia la crise au Venezuela" names no agent
    return False


LEAVE_REACH = 5  # pieces after "nationals in X" read for the leaving ("to leave", "à quitter le pays")
MEETING_REACH = 8  # pieces after "counterparts in X" read for a multilateral meeting ("at the African Union summit")
MULTILATERAL_TITLE_REACH = 2  # pieces before an envoy's title where a multilateral body may own it ("the UN High Commission")


def _diplomat_before(ctx: SentenceContext, at: int) -> bool:
    """An envoy's title right before the preposition, with only 'of', articles or country words between;
    not a multilateral body's envoy ("the UN representative in Uganda", "le haut-commissaire de l'ONU en
    Ouganda": the host is where the body's office stands, no party)."""
    title = _diplomat_at(ctx, at)
    return title is not None and not _multilateral_between(ctx, max(0, title - MULTILATERAL_TITLE_REACH), at)


def _multilateral_between(ctx: SentenceContext, first: int, end: int) -> bool:
    """A multilateral body's name (roles.tsv multilateral) among pieces first..end-1, capitalised ("UN", "ONU",
    "United Nations"; not the French article "un")."""
    for j in range(first, end):
        text = ctx.pieces[j].text
        if ctx.has("multilateral", ctx.keys[j]) and (text.isupper() or (len(text) > 3 and text[:1].isupper())):
            return True
        if j > first and ctx.has("multilateral", join_key(ctx.keys[j - 1], ctx.keys[j])) and text[:1].isupper():
            return True
    return False


def _diplomat_at(ctx: SentenceContext, at: int) -> int | None:
    """Where the envoy's title of `_diplomat_before` stands, or None. The title may stand before a
    coordination or a list of posts: "ses ambassadeurs aux Pays-Bas et en Suède", "its envoys to
    Venezuela and to Nicaragua", "ses ambassadeurs au Chili, en Bolivie, au Pérou et en Équateur" (each
    country's preposition repeats the first's): every post of the list is read back to the one title, past
    a joiner (a comma only after a country's word), each within TITLE_REACH of the post before it."""
    index = mention_index(ctx.lang)
    limit = at - TITLE_REACH
    i = at - 1
    while i >= max(0, limit):
        key = ctx.keys[i]
        if ctx.has("diplomatic_post", key) or ctx.has("diplomatic_post", ctx.lemma(i)):
            return i
        if i >= 1 and ctx.has("diplomatic_post", join_key(ctx.keys[i - 1], key)):  # "diplomatic mission"
            return i - 1
        if key in _POST_JOINERS or (key == "," and i >= 1 and (
                ctx.keys[i - 1] in index.entries or ctx.pieces[i - 1].text[:1].isupper())):
            limit = i - TITLE_REACH  # the post before the joiner, then its own title or the post before it
        elif not (key in _OF_WORDS or key in _REPEATED or ctx.pieces[i].text[:1].isupper() or key in index.entries
                  or ctx.has("post_word", key)):
            return None
        i -= 1
    return None


STRUCK_REACH = 5  # pieces read before a mission's building for the act that hits it
STRUCK_MISSION = "where the mission an act hit stands"  # the reason shown (place_as "struck mission")


def _struck_mission(ctx: SentenceContext, at: int) -> RoleDecision | None:
    """A mission's building hit by an act ("une frappe a détruit l'ambassade d'Iran à Damas", "a visé
    son consulat à Damas", "struck the embassy in Kabul"): the host city is only where it stands."""
    title = _diplomat_at(ctx, at)
    if title is None or not ctx.has("mission_building", ctx.keys[title]):
        return None
    act = ctx.near_before(title, "place_act", STRUCK_REACH) or ctx.near_before(title, "damage_act", STRUCK_REACH)
    if not act:
        return None
    return RoleDecision("place", f"{STRUCK_MISSION} ('{ctx.pieces[title].text}', '{act}')", True, place_as="struck mission")


def former_post(ctx: SentenceContext, at: int) -> RoleDecision | None:
    """A post held in the past: "ancien ambassadeur du Chili en Bolivie", "un ancien ambassadeur à
    Washington": a career, not an act of either country (as "l'ancien président américain")."""
    title = _diplomat_at(ctx, at)
    if title is not None and ctx.near_before(title, "former", 2, use_lemma=False):
        return RoleDecision("former", f"a former post ('{ctx.pieces[title].text}')", True)
    return None


def history_only(ctx: SentenceContext, first: int, last: int | None = None) -> RoleDecision | None:
    """Colonial or historical background right before the mention (articles skipped): "since
    independence from France", "colonised by Britain", "the 1990s war with Serbia": the country is
    no side of the sentence's act (lists `history` and `past_war_noun`); a past belonging ("when
    Montenegro was part of Serbia"), only as `_past_belonging` reads it."""
    end = ctx.skip_determiners(first)
    found = ctx.phrase_before(end, "history")
    if found:
        return RoleDecision("former", f"historical background after '{found[0]}'", True)
    found = ctx.phrase_before(end, "belonging")
    if found and last is not None and _past_belonging(ctx, found[1], last):
        return RoleDecision("former", f"a past belonging after '{found[0]}'", True)
    war = _past_war(ctx, end)
    return RoleDecision("former", f"the other side of a past war ('{war}')", True) if war else None


BELONGING_SUBJECT = 4  # pieces of the country name read before "was part of" ("the Central African Republic")
_RELATIVES = frozenset({"which", "that", "qui"})


def _past_belonging(ctx: SentenceContext, phrase: int, last: int) -> bool:
    """ "Montenegro was still part of Serbia", "South Sudan, which was part of Sudan": the whole is background
    only when its part is a country named as the subject and the whole is a plain name ("part of China's
    campaign", "part of a Russian offensive" name a current act), with no conflict named after it ("..., and
    the two fought a border war", "jusqu'à son annexion par la Russie": roles.tsv belonging_stop)."""
    if last < len(ctx.pieces) and (ctx.keys[last] == "'s" or ctx.pieces[last].hyphen_before):
        return False
    if any(ctx.has("belonging_stop", key) for key in ctx.keys[last:]):
        return False
    subject = phrase
    if subject >= 2 and ctx.keys[subject - 1] in _RELATIVES and ctx.keys[subject - 2] == ",":
        subject -= 2
    index = mention_index(ctx.lang)
    key = ""
    for start in range(subject - 1, max(-1, subject - 1 - BELONGING_SUBJECT), -1):
        key = join_key(ctx.keys[start], key) if key else ctx.keys[start]
        if index.has_kind(key, ("name",)):
            return True
    return False


PAST_WAR_REACH = 2  # words between the year and with/against ("1962 border war with")


def _past_war(ctx: SentenceContext, end: int) -> str | None:
    """English: "the 1990s war with", "its 1980-88 war against": a year or decade before a war noun,
    right before with/against."""
    if ctx.lang != "en" or end < 3 or ctx.keys[end - 1] not in _PAST_WAR_PREPOSITIONS:
        return None
    for noun in range(end - 2, max(-1, end - 2 - PAST_WAR_REACH), -1):
        if ctx.has("past_war_noun", ctx.keys[noun]):
            year = next((i for i in range(max(0, noun - PAST_WAR_REACH), noun) if _YEAR.match(ctx.keys[i])), None)
            return ctx.text_of(year, end) if year is not None else None
    return None


def mediator_only(ctx: SentenceContext, first: int) -> RoleDecision | None:
    """A mediator phrase right before the mention (articles skipped): "sous l'égide de", "brokered by"."""
    found = ctx.phrase_before(ctx.skip_determiners(first), "mediator")
    return RoleDecision("mediator", f"after '{found[0]}'") if found else None


def preposition_role(ctx: SentenceContext, first: int, last: int, kind: str) -> RoleDecision | None:
    """Roles given by what stands before the mention: a preposition, a noun + de, a mediator phrase.

    The first phrase found decides, even when it decides nothing (None: the mention acts).
    """
    end = ctx.skip_determiners(first)
    found = ctx.phrase_before(end, "mediator")
    if found:
        return RoleDecision("mediator", f"after '{found[0]}'", True)
    history = history_only(ctx, first, last if kind == "name" else None)
    if history:
        return history
    if ctx.phrase_before(end, "companion"):
        return None  # "aux côtés de l'Arabie saoudite": a partner in the act, not the coast ("côtes de")
    found = ctx.phrase_before(end, "topic_prep")
    if found:
        return _after_topic_preposition(ctx, found, end, kind, last)
    found = ctx.phrase_before(end, "visit_to")
    if found:
        return host_or_venue(ctx, f"host of a visit ('{found[0]}')", found[1], first, last)
    found = ctx.phrase_before(end, "place_prep")
    if found is None:
        found = ctx.phrase_before(end, "a_prep")
        # "versera une aide de 50 millions de dollars au Liban": the verb can be far, not past a clause.
        if found and noun_before(ctx, found[1], "topic_noun"):
            return _after_place_preposition(ctx, found, first, last, kind)  # "ont discuté de la situation au Yémen": a topic
        if found and ctx.near_before(found[1], "dative", 8, barriers=CLAUSE_BREAKS):
            return None  # "a demandé à Moscou", "livrer des armes à Taïwan": a recipient acts
        if found and kind == "name" and end < first and ctx.keys[found[1]] == "a":  # "à", folded
            return None  # "à la Russie" is a recipient; places are "en Russie", "à Moscou"
    if found and ctx.phrase_before(end, "overflown_prep") and len(ctx.named_countries - ctx.codes_at(first, last)) < 2:
        return None  # "des drones russes abattus au-dessus de la Pologne": no third country's act, a side
    if found:
        decision = _after_place_preposition(ctx, found, first, last, kind)
        visit = _visit_after(ctx, last) if decision is not None and decision.role == "place" else None
        if visit:
            return host_or_venue(ctx, f"host of the visit named after it ('{visit}')", found[1], first, last)
        return decision
    return _war_name(ctx, first, end, last) or _after_noun_of(ctx, end, kind)


def _war_name(ctx: SentenceContext, first: int, end: int, last: int) -> RoleDecision | None:
    """French: a war named after its country ("la guerre d'Algérie", "la guerre du Vietnam"): the
    country is the war's name, a topic (list war_name). Only in that fixed form: no article between the
    preposition and the country ("la guerre de la Russie" is Russia's war), a country that takes an
    article (list no_article: "la guerre d'Israël" may be Israel's), and no word of war_waged_with after
    it ("la guerre d'Irak contre l'Iran") nor a preposition and another country."""
    if end != first or end < 2 or ctx.keys[end - 1] not in _OF_PREPOSITIONS - _PLURAL_OF:
        return None
    if not ctx.has("war_name", ctx.keys[end - 2]) or ctx.has("no_article", phrase_key(ctx.text_of(first, last))):
        return None
    if against_another(ctx, last) or _waged_with(ctx, last):
        return None
    return RoleDecision("topic", f"the name of a war ('{ctx.pieces[end - 2].text} {ctx.pieces[end - 1].text}')", True)


def _waged_with(ctx: SentenceContext, at: int) -> bool:
    """Piece at is a word of war_waged_with, not before a year ("en 1958"); "à" as written, the verb "a" is no "à"."""
    if at >= len(ctx.pieces) or not ctx.has("war_waged_with", ctx.keys[at]):
        return False
    if ctx.keys[at] == "a" and ctx.pieces[at].text.lower() != "à":
        return False
    return not (at + 1 < len(ctx.pieces) and ctx.keys[at + 1][:1].isdigit())


def _after_topic_preposition(
    ctx: SentenceContext, found: tuple[str, int], end: int, kind: str, last: int
) -> RoleDecision | None:
    """After "sur", "about": a topic ("sur la Syrie"), unless a target word comes first ("pression sur l'Iran"),
    or the country owns the act the preposition names ("protested over China's decision"): its agent, a side."""
    prep, at = found
    if ctx.keys[at] in _ABOUT_PREPOSITIONS and at == end - 1:
        if kind == "institution" and ctx.keys[at] in _ON_PREPOSITIONS:
            # "on the White House lawn": a seat of power is a place
            return RoleDecision("place", f"after '{prep}'", True)
        talk = noun_before(ctx, at, "discussion_noun")
        if talk:  # "held talks on Ukraine": what the talks are about
            return RoleDecision("topic", f"'{talk} {prep}'", True)
        if ctx.near_before(at, "target", 3):
            return None  # "pression sur l'Iran", "tough on China", "missile over Japan": a target
    if at == end - 1 and noun_before(ctx, at, "discussion_noun") is None and _possessed_act(ctx, last):
        return None  # "protested over China's decision", "regarding Venezuela's announcement": the act's agent
    return RoleDecision("topic", f"after '{prep}'", True)


def _possessed_act(ctx: SentenceContext, last: int) -> bool:
    """English: "X's" then an act of X (list possessed_act; up to two lowercase words between: "X's
    cross-border raid", "X's recent announcement")."""
    if last >= len(ctx.keys) or ctx.keys[last] != "'s":
        return False
    for i in range(last + 1, min(last + 4, len(ctx.pieces))):
        if ctx.has("possessed_act", ctx.keys[i]):
            return True
        word = ctx.pieces[i].text
        if not word.replace("-", "").isalpha() or not word.islower():
            return False
    return False


def host_or_venue(ctx: SentenceContext, host_reason: str, at: int, first: int, last: int) -> RoleDecision:
    """The destination of a visit is its host, a party, unless the visit is for a multilateral
    meeting ("arrivé à New Delhi pour le sommet du G20"), for an event between two other countries
    ("arrivé à Washington pour la signature de l'accord entre le Rwanda et la RDC"), or only the
    occasion of another act ("En marge de son voyage à Washington, il a rencontré son homologue
    japonais"): then only its venue. `at` is where the visit's preposition stands."""
    if ctx.multilateral:
        return RoleDecision("place", f"venue of a multilateral meeting ('{ctx.multilateral}')", True, place_as="venue")
    sides = ctx.between_countries
    if len(sides) >= 2 and not sides & ctx.codes_at(first, last):
        return RoleDecision("place", f"venue of an event between {' and '.join(sorted(sides))}", True, place_as="venue")
    occasion = next((found for i in range(at, max(0, at - SIDELINES_REACH), -1)
                     if (found := ctx.phrase_before(i, "sidelines"))), None)
    if occasion:
        return RoleDecision("place", f"venue of a visit named as an occasion ('{occasion[0]}')", True, place_as="venue")
    guest = _third_counterpart(ctx, last, ctx.codes_at(first, last))
    if guest:
        return RoleDecision("place", f"venue of a meeting with a counterpart of another country ('{guest}')", True, place_as="venue")
    return RoleDecision("actor", host_reason, True)


def _third_counterpart(ctx: SentenceContext, last: int, host: frozenset[str]) -> str | None:
    """ "s'est rendu à Moscou, où il a rencontré son homologue syrien", "flew to Moscow to meet his
    Syrian counterpart": the visitor meets the counterpart of a third country there, and the host is
    only the venue. Its own counterpart ("son homologue russe") keeps the host a party. The first
    counterpart word decides, within the visit's clause: one comma opens it ("à Moscou, où il a
    rencontré"), the next one ends it ("..., avant un appel avec son homologue ukrainien")."""
    index = mention_index(ctx.lang)
    commas = 0
    for i in range(last, len(ctx.keys)):
        commas += ctx.keys[i] == ","
        if ctx.keys[i] in SENTENCE_BREAKS or commas > 1:
            return None
        if not ctx.has("counterpart", ctx.keys[i]):
            continue
        for j in (i - 1, i + 1):  # "his Syrian counterpart", "son homologue syrien"
            if 0 <= j < len(ctx.keys) and (codes := _demonym_codes(index, ctx.keys[j])):
                return ctx.text_of(min(i, j), max(i, j) + 1) if not codes & host else None
        return None
    return None


def _demonym_codes(index: PhraseIndex, key: str) -> frozenset[str]:
    """The countries a one-word demonym names ("syrien", "Syrian"), none for another word."""
    return frozenset(e.code for e in index.entries.get(key, ()) if e.kind == "demonym" and e.code)


def _visit_after(ctx: SentenceContext, last: int) -> str | None:
    """English: 'signed in Cotonou, during President Kagame's two-day state visit', 'in Hanoi on a
    three-day visit': the place a visit named right after is the visit's host. The visit word must
    come within a few words of "during"/"on", in the same clause."""
    if ctx.lang != "en":
        return None
    i = last + 1 if last < len(ctx.keys) and ctx.keys[last] == "," else last
    if i >= len(ctx.keys) or ctx.keys[i] not in _VISIT_OPENERS:
        return None
    for j in range(i + 1, min(len(ctx.keys), i + 1 + _VISIT_REACH)):
        if ctx.keys[j] in CLAUSE_BREAKS:
            return None
        if ctx.has("visit", ctx.keys[j]) or ctx.has("visit", ctx.lemma(j)):
            return ctx.pieces[j].text
    return None


def _before_a_date(ctx: SentenceContext, at: int) -> int:
    """Where the words before piece `at` start once a date right before it is set aside ("s'est
    rendu le 14 mars à Luanda": "rendu" is next to "à"), and the visit's details with it: its kind,
    length and time, the visitor's name or nationality ("une visite d'État de quatre jours en
    France", "la visite du président chinois Xi Jinping en Inde")."""
    words = _DATE_WORDS.get(ctx.lang, frozenset()) | _VISIT_DETAILS.get(ctx.lang, frozenset())
    while at > 0 and (ctx.keys[at - 1] in words or ctx.keys[at - 1].isdigit() or _visitor_word(ctx, at - 1)):
        at -= 1
    return at


def _visitor_word(ctx: SentenceContext, i: int) -> bool:
    """A capitalised word inside the sentence (the visitor's name) or a nationality, in French."""
    if ctx.lang != "fr":
        return False
    return (i > 0 and ctx.pieces[i].text[:1].isupper()) or mention_index(ctx.lang).has_kind(ctx.keys[i], ("demonym",))


def _nationals_told_to_leave(ctx: SentenceContext, at: int, last: int) -> str | None:
    """ "told its citizens in Laos to go home", "a invité ses ressortissants au Soudan à rentrer au pays": the
    country where a state's nationals are (roles.tsv compatriot_noun) is the one they are told to leave (leave_verb
    within the clause after it), a side of that call, not a place. Without a leaving ("to stay indoors") it stays
    where they are; nor when the sentence names a third state, the danger they flee ("to leave Israel amid fears of
    an Iranian strike", "as Russian troops massed"): that state is the other side, the host only a place."""
    noun = noun_before(ctx, at, "compatriot_noun")
    if noun is None or len(ctx.named_countries) > 2:
        return None
    for j in range(last, min(len(ctx.keys), last + LEAVE_REACH)):
        if ctx.keys[j] in CLAUSE_BREAKS:
            return None
        if ctx.has("leave_verb", ctx.keys[j]) or ctx.has("leave_verb", ctx.lemma(j)):
            return f"{noun} ... {ctx.pieces[j].text}"
    return None


def _after_place_preposition(
    ctx: SentenceContext, found: tuple[str, int], first: int, last: int, kind: str = "name"
) -> RoleDecision | None:
    """'en Syrie', 'à Moscou', 'in Moscow': a place, unless a visit, an envoy or a war says otherwise.
    An envoy is posted to a country or its capital, not to an institution ("the envoy of X to Y, summoned to
    the ministry": the ministry is where he was summoned, not his post)."""
    prep, at = found
    if _modifies_a_noun(ctx, last, kind):
        return None  # "$1bn in Uganda imports", "staff at the Uganda embassy": whose, not where
    leaving = _nationals_told_to_leave(ctx, at, last)
    if leaving:
        return RoleDecision("actor", f"the country nationals are told to leave ('{leaving}')", True)
    owned = _possessed_sovereign_area(ctx, last)
    if owned:
        return RoleDecision("actor", f"'{owned}': the sovereign area of a party", True)
    meeting = _multilateral_between(ctx, last, min(len(ctx.pieces), last + MEETING_REACH))
    counterpart = _counterpart_there(ctx, at) if kind == "name" and not meeting else None
    if counterpart:
        return RoleDecision("actor", f"'{counterpart} {prep}': the counterparts' country", True)
    if kind != "institution" and _diplomat_before(ctx, at):
        # "l'ambassadeur russe à Washington": the host country is a party, unless the post is past
        return former_post(ctx, at) or _struck_mission(ctx, at)
    body = _body_seated_in(ctx, at)
    if body:
        return RoleDecision("actor", f"a state body seated there ('{body} {prep}')", True)
    body = _body_after_fronted_place(ctx, at, last)
    if body:
        return RoleDecision("actor", f"a state body seated there ('{prep} ..., {body}')", True)
    reaction = noun_before(ctx, at, "reaction_in")
    if reaction and ctx.keys[at] not in ("dans", "à", "a"):  # "criticism in France", "la colère en Algérie"
        return RoleDecision("actor", f"the reaction felt there ('{reaction} {prep}'): that country reacts", True)
    start = _before_a_date(ctx, at)
    visit = ctx.near_before(start, "visit", 3) or _landed(ctx, start) or (kind != "institution" and _received(ctx, start))
    if visit and ctx.keys[at] != "dans":  # "Scholz s'est rendu à Pékin", "en visite à Moscou"
        return host_or_venue(ctx, f"host of a visit ('{visit}' ... '{prep}')", at, first, last)
    noun = noun_before(ctx, at, "topic_noun")
    if noun:
        if _has_agent(ctx, at):
            # "Russia's war in Ukraine", "sa guerre en Ukraine", "la guerre russe en Ukraine":
            # with its agent named, the war is against this country, which is a party.
            return RoleDecision("actor", f"target of '{noun} {prep}' with its agent named", True)
        return RoleDecision("topic", f"'{noun} {prep}'", True)
    return RoleDecision("place", f"after '{prep}'", True)


_PASSIVE_AUX = frozenset({"aux:pass", "auxpass"})
_PASSIVE_SUBJECT = frozenset({"nsubj:pass", "nsubjpass"})


def _received(ctx: SentenceContext, start: int) -> str | None:
    """A visitor received there, in the passive and right before the preposition (a date may stand between):
    "le ministre kényan a été reçu (lundi) à Kampala", "was received in Kampala". The one received must be
    a person ("la lettre a été reçue à Paris", "received treatment in Germany", "a reçu un prix en Suède":
    no visit)."""
    if start < 1 or not (ctx.has("reception", ctx.keys[start - 1]) or ctx.has("reception", ctx.lemma(start - 1))):
        return None
    verb = ctx.token(start - 1)
    if not any(child.dep_ in _PASSIVE_AUX for child in verb.children):
        return None
    subject = next((child for child in verb.children if child.dep_ in _PASSIVE_SUBJECT), None)
    if subject is None:
        return None
    at = ctx.piece_of(subject)
    person = subject.pos_ == "PROPN" or (at is not None and ctx.has("visitor_noun", ctx.lemma(at)))
    return ctx.pieces[start - 1].text if person and at is not None and not ctx.codes_at(at, at + 1) else None


def _landed(ctx: SentenceContext, start: int) -> str | None:
    """A landing is a visit when a visitor (visitor_noun or a leader's name) is named in the clause before it ("l'avion du
    président kényan a atterri en Ouganda"); a plane or a drone forced down, with no one on a visit, is not."""
    landing = ctx.near_before(start, "landing", 3)
    if not landing:
        return None
    index = mention_index(ctx.lang)
    for i in range(start - 1, -1, -1):
        if ctx.keys[i] in CLAUSE_BREAKS:
            return None
        if ctx.has("visitor_noun", ctx.keys[i]) or ctx.has("visitor_noun", ctx.lemma(i)):
            return landing
        if ctx.pieces[i].text[:1].isupper() and (index.has_kind(ctx.keys[i], ("person",)) or (i >= 1 and index.has_kind(
                join_key(ctx.keys[i - 1], ctx.keys[i]), ("person",)))):
            return landing  # "l'avion de <a leader's name> a atterri en France"
    return None


def _modifies_a_noun(ctx: SentenceContext, last: int, kind: str) -> bool:
    """English: a country's name right before a common noun after the preposition ("in Uganda imports", "at
    the Uganda embassy in Nairobi") qualifies that noun; the preposition's object is the noun, not the country,
    which is the owner of what is named. Only nouns of goods, money or hold (grammar_words owned_noun): any
    other keeps it a place ("in U.S. cities", "in Uganda days after the clash", "killed in Congo fighting")."""
    if ctx.lang != "en" or kind != "name" or last >= len(ctx.pieces):
        return False
    key, text = ctx.keys[last], ctx.pieces[last].text
    if ctx.has("diplomatic_post", key):
        return True
    return text.isalpha() and text.islower() and (key in _OWNED_NOUNS or ctx.lemma(last) in _OWNED_NOUNS)


def _possessed_sovereign_area(ctx: SentenceContext, last: int) -> str | None:
    """English: "entered Guyana's territorial waters", "in Japan's airspace": the waters or airspace a
    state claims, named with its possessive, as "the airspace of Lithuania" (_after_noun_of): a party."""
    if ctx.lang != "en" or last >= len(ctx.keys) or ctx.keys[last] != "'s":
        return None
    return ctx.area_after(last + 1)


def _counterpart_there(ctx: SentenceContext, at: int) -> str | None:
    """A counterpart word right before the place's preposition, with no country word of its own
    ("addressing his counterparts in Norway", "a appelé ses homologues en Grèce"): the counterparts
    are that country's officials, a party. "met his Chinese counterpart in Geneva", "son homologue
    chinois à Genève" name their own country: the city is then only where they meet. Only for a country's
    own name, not a capital ("called his counterpart in Vienna": a city where they meet), and not at a
    multilateral meeting named after it ("his counterparts in Uganda at the African Union summit": the union's
    members)."""
    if at < 1 or not ctx.has("counterpart", ctx.keys[at - 1]):
        return None
    index = mention_index(ctx.lang)
    if at >= 2 and index.has_kind(ctx.keys[at - 2], _COUNTRY_KINDS):
        return None
    return ctx.pieces[at - 1].text


def _body_seated_in(ctx: SentenceContext, at: int) -> str | None:
    """'the authorities in Kinshasa', 'officials in Beijing': a state body named by where it sits is
    that country acting. Not when a capitalised word or a possessive qualifies the body ("U.S.
    officials in Baghdad", "IMF officials in Washington", "Iran's officials in Iraq"): then the place
    is where they are."""
    if ctx.keys[at] != "in":
        return None
    body = noun_before(ctx, at, "body_in")
    if body is None:
        return None
    start = at - len(body.split())
    for i in range(start - 1, max(-1, start - 4), -1):
        key = ctx.keys[i]
        if ctx.has("determiner", key) or key in SENTENCE_BREAKS or key in _CONJUNCTIONS:
            break
        if key in _POSSESSIVES or ctx.pieces[i].text[:1].isupper():
            return None  # a country, an organisation or a possessive owns the body
    return body


def _body_after_fronted_place(ctx: SentenceContext, at: int, last: int) -> str | None:
    """English: "In Beijing, the foreign ministry said", "In Pakistan's capital, Islamabad, officials
    condemned": a sentence opening on where an unqualified state body (list body_in) sits, that body the
    subject right after the comma, is that country acting. Not when a capitalised word qualifies the body
    ("In Kabul, U.S. officials said": the United States' people there)."""
    if ctx.lang != "en" or at != 0 or ctx.keys[at] != "in":
        return None
    i = last
    if ctx.keys[i : i + 2] == ["'s", "capital"]:  # "In Pakistan's capital, Islamabad,"
        i += 2
        name = i + 1  # the capital's name in apposition, up to its closing comma ("La Paz,")
        while name < min(i + 4, len(ctx.pieces)) and ctx.pieces[name].text[:1].isupper():
            name += 1
        if ctx.keys[i : i + 1] == [","] and name > i + 1 and ctx.keys[name : name + 1] == [","]:
            i = name
    if ctx.keys[i : i + 1] != [","]:
        return None
    i += 1
    for _ in range(BODY_AFTER_REACH):
        if i >= len(ctx.pieces):
            return None
        body = next((k for k in (ctx.two_pieces(i), ctx.keys[i]) if k and ctx.has("body_in", k)), None)
        if body:
            return body
        if not ctx.pieces[i].text.isalpha() or not ctx.pieces[i].text.islower():
            return None  # a name, a possessive or a clause: not the body's own words
        i += 1
    return None


def _after_noun_of(ctx: SentenceContext, end: int, kind: str) -> RoleDecision | None:
    """A listed noun and de/of before the mention: "l'avenir de la Syrie", "le sommet de Washington"."""
    if end < 1 or ctx.keys[end - 1] not in _OF_PREPOSITIONS:
        return None
    former = former_post(ctx, end)  # "ancien ambassadeur du Chili"
    if former is not None:
        return former
    sovereign = noun_before(ctx, end - 1, "sovereign_area")
    if sovereign:  # "dans les eaux territoriales du Vietnam": entered or defended, the country is involved
        return RoleDecision("actor", f"'{sovereign} {ctx.keys[end - 1]}': the sovereign area of a party", True)
    for listname, role in _NOUNS_BEFORE_OF:
        noun = noun_before(ctx, end - 1, listname)
        if noun and (listname != "venue_noun" or kind == "capital"):
            return RoleDecision(role, f"'{noun} {ctx.keys[end - 1]}'", True)
    return None


def border_place(ctx: SentenceContext, first: int) -> RoleDecision | None:
    """'An earthquake struck the border between Turkey and Syria', 'un séisme à la frontière entre
    la Turquie et la Syrie': with a natural event (or a bridge, a tunnel) in the sentence, the two
    countries of a border are where it happened. Without one, "clashes on the border between Armenia
    and Azerbaijan" is an act between them and they stay parties.

    Read backwards from the mention to "between"/"entre" over the list (conjunctions, articles,
    capitalised words, other countries), then a border noun right before it. A word of location right
    before it ("une vallée enclavée entre la Bolivie et le Paraguay", "a region lying between Sudan
    and Chad": roles.tsv location_word) makes the countries where something lies, with no event, unless
    the sentence names fighting (roles.tsv clash_event): "clashes in a valley lying between" its sides.
    """
    if not ctx.has_between:
        return None
    index = mention_index(ctx.lang)
    for j in range(ctx.skip_determiners(first) - 1, max(-1, first - 12), -1):
        key = ctx.keys[j]
        if key in _BETWEEN:
            if j >= 1 and ctx.has("location_word", ctx.keys[j - 1]) and not ctx.phrase_in("clash_event"):
                return RoleDecision("place", f"'{ctx.keys[j - 1]} {key}': where something lies", True)
            if not ctx.natural_event:
                return None
            noun = noun_before(ctx, j, "border_noun")
            if noun is None:
                return None
            return RoleDecision("place", f"'{noun} {key}' with '{ctx.natural_event}': where it happened", True)
        listed = key in _LIST_GOES_ON or ctx.has("determiner", key) or key in index.prefixes
        if key in SENTENCE_BREAKS or not (listed or ctx.pieces[j].text[:1].isupper()):
            return None
    return None
