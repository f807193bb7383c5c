"""Sides of a sentence's act: countries named together on one side are not a pair.

Event coders read "Chile, Peru and Bolivia protested to Argentina" as three sources and one target:
its pairs are ARG-BOL, ARG-CHL and ARG-PER, never BOL-CHL. The same holds on the target's side ("a
rappelé ses ambassadeurs au Venezuela et au Nicaragua") and for demonyms ("diplomates russes et
biélorusses"). A coordination is recognised on the surface, from the words between the countries
(data/sides.tsv), so it reads French and English alike and does not depend on the small models'
parse of long enumerations. It sets a pair aside only when the sentence also names an actor country
outside the coordination, the act's other side, and only when the act is one that goes from one
side to the other (an accusation, a sanction, aid, a strike). Mutual acts (agreements, talks,
normalisation, a relation that improves or worsens, "traded fire", "each other") make the countries
named together each other's counterpart: "le Tchad et le Soudan ont convenu, sous l'égide de Doha"
keeps SDN-TCD, and "entre Alger et Paris" names the two sides of a relation, never one side. A
mutual word damped to the background ("malgré les prétentions rivales de A et B") or in a
background clause makes no mutual act. Companions join a side too ("B and C joined A in boycotting D", "A, aux côtés de B, ..."), and
countries listed after "avec"/"with" are each the counterpart of the subject's mutual act ("rompre
les relations avec A, B et C"), not each other's. So are guests and destinations listed after a
directed word ("a visit to Vanuatu and Fiji", "invited Burkina Faso and Niger"), and a list after
"with" when no country stands on the other side ("NATO stands with Japan and South Korea"). A group
phrase between two countries ("the US and their key allies including Japan", "et leurs alliés, dont
le Japon") puts the second in the first one's group, on its side whatever the act.

A list whose predicate is a membership ("A and B are both members of the bloc") names no act between its
countries, whatever the body's name reads; a country after an echo word ("A expelled envoys of C, as did
B", "tout comme B") does the subject's act again, on the subject's side, and keeps its pair with C.

Delegates are the exception to mutual acts: countries coordinated under one plural role noun ("the
foreign ministers of Egypt, Iraq and Jordan", "les chefs de la diplomatie française et allemande",
"Thai and Cambodian officers") are one side when the sentence names the other one, by a counterpart
("met their Syrian counterpart", "ont reçu leur homologue ukrainien") or by "with"/"avec" before
another country ("held talks with Tanzania's president"). Without either, the delegates met each
other ("les ministres de la RDC et du Rwanda se sont engagés") and stay a pair.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from tracker.records import Cue, Mention, SetAside, Setting, make_pair
from tracker.scorer.dates.vocabulary import vocabulary

_WORD = re.compile(r"\w+'?|[^\w\s]")
_SENTENCE_START = re.compile(r"[.!?]\s+|\n+")  # a sentence boundary before a mention (an abbreviation only loses a fronted phrase)
# Cue categories of mutual acts (tracker/scorer/lexicon.py): their countries are each other's counterpart.
MUTUAL_CATEGORIES = frozenset({"agreement", "consultation", "normalisation", "improvement", "deterioration",
                               "disagreement", "alliance"})
# Mutual acts on a relation (cutting, restoring, improving ties; a dispute): a relation has two sides,
# so countries listed before "with X" ("A, B and C severed ties with D") all stand on the side facing X.
# Talks and agreements stay open to three parties ("Japan and South Korea held talks with the US").
RELATION_CATEGORIES = frozenset({"normalisation", "improvement", "deterioration", "disagreement"})
# A mutual cue damped below this share of its weight stands in the background (concessions such as
# "malgré"/"despite" x0.2, background clauses x0.25); degree words and reported speech damp it less.
MUTUAL_FLOOR = 0.3
ROLE_REACH = 8  # words read before a coordination for its role noun ("les ministres des Affaires étrangères de")
ROLE_AFTER = 3  # words read after it ("Thai and Cambodian military officers")
COMITATIVE_REACH = 4  # words read before another country for "with"/"avec" ("with their Tanzanian ...")
WITNESS_REACH = 8  # words read after it for a witness ("with Egyptian and American delegations attending as mediators")
LIST_CLOSED_AFTER = 3  # countries of a comma list that a joiner before a non-country item closes
# Countries listed with no other side named (three or more) are no pair unless their act is mutual:
# "Brazil, India and Saudi Arabia stayed away", "Vietnam, Malaysia and Brunei also claim parts of the sea".
LONE_LIST = 3
OWNED_REACH = 5  # tokens between a list's possessive and its relation noun ("'s long-running dispute")
GAP_REMNANT = 2  # words a gapped clause keeps after its subject ("et B un", "and B as many")
MEMBERSHIP_REACH = 60  # characters read after a list for its membership predicate ("are both founding members")
ECHO_REACH = 8  # words between an echo phrase and its country ("as will King Carl Gustaf and Queen Silvia of")
ECHO_CHARS = 80  # characters read before a country for an echo phrase
GROUP_REACH = 10  # words of a group phrase between two countries (", the EU and their key allies including")


@cache
def _words() -> dict[str, frozenset[str]]:
    """kind -> words, from data/sides.tsv (multi-word joiners keep their spaces)."""
    kinds: dict[str, set[str]] = {}
    text = (resources.files("tracker.scorer") / "data" / "sides.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for kind, word in rows[1:]:  # the first row names the columns
        kinds.setdefault(kind, set()).add(word.strip().lower())
    kinds["joiner"] |= kinds.get("allies", set())
    return {kind: frozenset(words) for kind, words in kinds.items()}


def side_words() -> dict[str, frozenset[str]]:
    """The word lists of data/sides.tsv by kind (for frames_members)."""
    return _words()


def word_tokens(gap: str) -> list[str]:
    """The words of a text as the lists match them (lowercase, multi-word joiners as commas)."""
    return _tokens(gap)


def _tokens(gap: str) -> list[str]:
    gap = _phrase_joiners().sub(",", gap.lower().replace("\u2019", "'"))
    return _WORD.findall(gap)


@cache
def _phrase_joiners() -> re.Pattern[str]:
    """The joiners of several words ("as well as") as whole words, the longest first: "s'est jointe"
    before "s'est joint", "aux côtés des" before "aux côtés de" (a fixed order, whatever the hash seed)."""
    phrases = sorted((w for w in _words()["joiner"] if " " in w), key=lambda w: (-len(w), w))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in phrases) + r")(?!\w)")


def _coordinated(gap: str) -> bool:
    """The words between two countries join them: a joiner, articles, a repeated preposition."""
    tokens = _after_join_lead(gap, _tokens(gap))
    words = _words()
    if not any(t in words["joiner"] for t in tokens):
        return False
    allowed = words["joiner"] | words["article"] | words["repeated"]
    return all(t in allowed for t in tokens)


def _after_join_lead(gap: str, tokens: list[str]) -> list[str]:
    """"A and B said they would be joining C", "A a fait savoir qu'il rejoindrait B": a report verb and
    its pronoun (sides.tsv join_lead) before a joiner of joining (join_word in the gap) are the joining
    countries' own words, no break between the two sides of the coordination."""
    words = _words()
    lowered = f" {gap.lower()} "
    if not any(f" {w} " in lowered for w in words.get("join_word", ())):
        return tokens
    i = 0
    while i < len(tokens) and tokens[i] in words.get("join_lead", ()):
        i += 1
    return tokens[i:]


def _grouped(gap: str) -> str | None:
    """The group word ending the words between two countries when they open with a joiner and name
    a group ("and their key allies including", "et leurs alliés, dont", "and the alliance's partners"):
    the country after belongs to the group of the one before (data/sides.tsv, group_end and group_noun)."""
    tokens = _tokens(gap)
    while tokens and tokens[-1] in _words()["article"]:
        tokens.pop()  # "dont le Japon", "including the Philippines"
    if not tokens or tokens[0] not in _words()["joiner"] or len(tokens) > GROUP_REACH:
        return None
    if not all(t.isalnum() or t == "," or t.rstrip("'").isalnum() for t in tokens):
        return None  # a clause boundary or a quote: no group phrase
    words = f" {' '.join(tokens)}"
    end = next((w for w in sorted(_words().get("group_end", ())) if words.endswith(f" {w}")), None)
    # ", including" or ", dont" alone names no group ("sanctions on Russia, including France and
    # Germany"; "Le Maroc, dont l'Algérie conteste ..."): the gap must hold a group noun ("allies")
    nouns = _words().get("group_noun", frozenset())
    return end if end and any(t in nouns for t in _WORD.findall(gap.lower())) else None


BEFORE_REACH = 40  # characters read back from a coordination for the word that frames it
TRIP_REACH = 160  # characters read back from a list after "including" for the trip whose stops it names
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*\s|\n")  # a sentence's end, a closing quote or bracket included
_TRIP_BREAKS = frozenset({",", ";", ":", "(", ")", '"', "«", "»", "“", "”", "—", "–"})  # between a trip and its ", including"


def _words_before(text: str, start: int) -> list[str]:
    """The words of the BEFORE_REACH characters before `start`, articles left out: the last of them is
    the word that frames a coordination ("entre", "avec", "sur", a joint word)."""
    article = _words()["article"]
    return [t for t in _tokens(text[max(0, start - BEFORE_REACH) : start]) if t not in article]


def _after_between(text: str, first: Mention) -> bool:
    """ "entre (les) ..." right before the coordination."""
    words = _words()
    before = _words_before(text, first.start)
    return bool(before) and before[-1] in words["between"]


def _joined_by_a_word(gap: str) -> bool:
    """A joiner other than a bare comma ("et", "and", "ainsi que", "along with")."""
    lowered = f" {gap.lower()} "
    return any(f" {w} " in lowered for w in _words()["joiner"] if w != ",") or any(
        t != "," and t in _words()["joiner"] for t in _tokens(gap))


def _closed(run: list[Mention], words_joined: list[bool], after: str = "") -> list[Mention]:
    """The run up to its last word joiner: a list ends with "et"/"and" ("A, B et C"), while a comma
    after its end is a clause boundary ("... opposé le Tchad au Soudan, l'Égypte a livré ...").
    A list of three or more countries may end on another item ("les États-Unis, la France, la
    Belgique et des experts de l'ONU") or on a word that closes it ("notamment", "among others"):
    such a word right after its last country closes it."""
    last = max((i for i, joined in enumerate(words_joined) if joined), default=-1)
    if last < 0 and len(run) >= LIST_CLOSED_AFTER and _list_ends(_leading_joiner(after)):
        return run
    return run[: last + 2] if last >= 0 else []


def _list_ends(words: str) -> bool:
    """A joiner ("et des experts") or a word closing a list ("notamment", "among others")."""
    return _joined_by_a_word(words) or any(f" {w} " in f" {words} " for w in _words().get("list_end", ()))


def _leading_joiner(after: str) -> str:
    """The first word or two after a run ("et", "ainsi que"), to test as a joiner."""
    return " ".join(_WORD.findall(after.lower().replace("\u2019", "'"))[:2])


_CLAUSE_END = re.compile(r"[^.;:!?,()\"\u00ab\u00bb\u201c\u201d]{0,30}?(?=[.;:!?,)\"\u00bb\u201d]|$)")


def gapped(mention: Mention, text: str) -> bool:
    """A country after "et"/"and" (articles aside) with only a number after it up to the clause's end:
    a gapped clause sharing the verb of the one before ("A a renvoyé cinq attachés iraniens, et B trois",
    "A sent home three envoys, and B two"), the country its second subject (data/sides.tsv,
    gap_remnant)."""
    words = _words()
    before = [t for t in _tokens(text[max(0, mention.start - 20) : mention.start]) if t not in words["article"]]
    if not before or before[-1] == "," or before[-1] not in words["joiner"]:
        return False
    rest = _CLAUSE_END.match(text, mention.end)
    if rest is None or (rest.end() == len(text) and rest.end() - mention.end >= 30):
        return False
    remnant = _WORD.findall(rest.group().lower())
    remnants = words.get("gap_remnant", frozenset())
    return 0 < len(remnant) <= GAP_REMNANT and (
        " ".join(remnant) in remnants or all(t in remnants or t.isdigit() for t in remnant))


def _gapped_sides(mentions: Sequence[Mention], text: str) -> dict[tuple[str, str], str]:
    """A gapped clause's subject -> the same side as the sentence's first actor, the first clause's
    subject ("Oslo ..., et Helsinki deux": each sent envoys home, no act between them)."""
    actors = sorted((m for m in mentions if m.role == "actor" and m.kind != "anaphora"), key=lambda m: m.start)
    sides: dict[tuple[str, str], str] = {}
    for mention in actors[1:]:
        first = actors[0]
        if first.country != mention.country and gapped(mention, text):
            sides[make_pair(first.country, mention.country)] = (
                f"subjects of one verb ({first.text} / {mention.text}, a gapped clause): one side")
    return sides


def _echo_sides(mentions: Sequence[Mention], text: str) -> dict[tuple[str, str], str]:
    """A country after an echo word ("A recalled its envoy, as did B", "as will the King of B", "tout comme
    B", data/sides.tsv echo) does the act of the clause's subject again: it stands on the subject's side
    (the first actor named outside the echo phrase, with the countries coordinated with it), no pair with it."""
    sides: dict[tuple[str, str], str] = {}
    for run, echoes in echo_runs(mentions, text):
        for mention, word in echoes:
            for other in run:
                if other.country != mention.country:
                    sides[make_pair(other.country, mention.country)] = (
                        f"'{word}' {mention.text}: the same act as {other.text}, on its side")
    return sides


def echo_runs(mentions: Sequence[Mention], text: str) -> list[tuple[list[Mention], list[tuple[Mention, str]]]]:
    """The subject's side (its coordination, or itself) and the countries after an echo word with that word:
    one side of the act, which the cues' attribution reads as one list (pipeline.attribute_cues)."""
    actors = sorted((m for m in mentions if m.role == "actor" and m.kind != "anaphora"), key=lambda m: m.start)
    echoes = [(m, word) for m in actors if (word := _echo_before(m, text))]
    echoed = {id(m) for m, _ in echoes}
    opening = _fronted_end(text, actors[0].start, echoes[0][0].start) if echoes else 0
    subject = next((m for m in actors if id(m) not in echoed and m.start >= opening), None)
    if not echoes or subject is None:
        return []
    run = next((r for r in coordinations(mentions, text) if subject in r), [subject])
    return [(run, echoes)]


def _fronted_end(text: str, first: int, echo: int) -> int:
    """Where the main clause starts after a fronted phrase ("After talks with Iran, Qatar released ...",
    "Après un appel avec Kiev, Paris a promis ..."): the first comma of the sentence (the one holding the
    offset `first`) when it opens on a word of data/sides.tsv echo_fronted and the comma comes before the
    echo at `echo`; 0 otherwise. A country in that phrase is no subject of the act the echo repeats."""
    breaks = list(_SENTENCE_START.finditer(text, 0, first))
    start = breaks[-1].end() if breaks else 0
    opener = _WORD.match(text, start)
    comma = text.find(",", start, echo)
    if opener is None or comma < 0 or opener.group(0).lower() not in _words().get("echo_fronted", frozenset()):
        return 0
    return comma


def _echo_before(mention: Mention, text: str) -> str | None:
    """The echo phrase before the mention in its clause, a few words of its noun phrase between
    ("as will King Carl Gustaf of"), if any."""
    before = text[max(0, mention.start - ECHO_CHARS) : mention.start].lower().replace("\u2019", "'")
    before = re.split(r"[.;:!?()\"\u00ab\u00bb\u201c\u201d]", before)[-1]
    for phrase in sorted(_words().get("echo", ()), key=len, reverse=True):
        at = before.rfind(phrase)
        if at < 0 or (at > 0 and before[at - 1].isalnum()):
            continue
        # with no verb of its own, "tout comme B" mid-sentence may add an object as well ("Moscou menace la
        # Moldavie, tout comme l'Ukraine"): an echo only when it opens the sentence (data/sides.tsv echo_opening)
        if phrase in _words().get("echo_opening", frozenset()) and before[:at].strip():
            continue
        gap = before[at + len(phrase) :]
        words = _WORD.findall(gap)
        # the country is the echo's subject, not a complement ("as has been the case with Iran", "tout
        # comme en 2019 avec la Russie"): only its noun phrase may stand between (data/sides.tsv echo_stop)
        if "," not in gap and len(words) <= ECHO_REACH and _words().get("echo_stop", frozenset()).isdisjoint(words):
            return phrase
    return None


def coordinations(mentions: Sequence[Mention], text: str, joint: bool = False) -> list[list[Mention]]:
    """Runs of actor mentions (anaphora aside) joined by coordination, of two or more countries
    (a gapped clause's subject is no part of the run before it: see `gapped`). A run after "entre"
    or qualified by a joint word names two sides, no run of one side (kept with `joint`)."""
    actors = _unbracketed(sorted((m for m in mentions if m.role == "actor" and m.kind != "anaphora"),
                                 key=lambda m: m.start), text)
    runs: list[tuple[list[Mention], list[bool]]] = []
    blocs = _bloc_spans(actors)
    for previous, mention in zip(actors, actors[1:], strict=False):
        gap = _BRACKETED.sub(" ", text[previous.end : mention.start])
        if gapped(mention, text):
            continue
        one_bloc = (mention.start, mention.end) == (previous.start, previous.end) in blocs
        if one_bloc or (mention.start >= previous.end and (_coordinated(gap) or _grouped(gap))):
            joined = one_bloc or _joined_by_a_word(gap) or _grouped(gap) is not None
            if runs and runs[-1][0][-1] is previous:
                runs[-1][0].append(mention)
                runs[-1][1].append(joined)
            else:
                runs.append(([previous, mention], [joined]))
    closed = [_closed(run, joined, text[run[-1].end : run[-1].end + 20]) for run, joined in runs]
    return [run for run in closed if len({m.country for m in run}) > 1 and not _after_between(text, run[0])
            and (joint or not _joint(run, text))]


BLOC_MEMBERS = 3  # countries one phrase names at least for a bloc ("l'Alliance des États du Sahel"); two are a pair


def _bloc_spans(actors: Sequence[Mention]) -> frozenset[tuple[int, int]]:
    """The spans that name a bloc, three countries or more at once (places.tsv, a name of codes joined by "+"):
    its members stand on one side, as a list of them would. "Les deux Corées" names the two sides of a relation."""
    counts: dict[tuple[int, int], set[str]] = {}
    for mention in actors:
        counts.setdefault((mention.start, mention.end), set()).add(mention.country)
    return frozenset(span for span, codes in counts.items() if len(codes) >= BLOC_MEMBERS)


def _bloc_sides(mentions: Sequence[Mention]) -> dict[tuple[str, str], str]:
    """A bloc's members are one side whatever the act, mutual or "between" included ("tensions between Russia
    and the Baltic states", "the leaders of the Alliance of Sahel States met Putin"): one name, one side."""
    actors = [m for m in mentions if m.role == "actor" and m.kind != "anaphora"]
    sides: dict[tuple[str, str], str] = {}
    for start, end in _bloc_spans(actors):
        members = sorted({m.country for m in actors if (m.start, m.end) == (start, end)})
        name = next(m.text for m in actors if (m.start, m.end) == (start, end))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                sides[make_pair(a, b)] = f"members of one bloc ({name}): one side"
    return sides


# A short bracketed aside inside a list ("the Dominican Republic (DR) and Peru", "A (ex-B) et C") does
# not break it: its words are no part of the gap between two countries.
_BRACKETED = re.compile(r"\([^()]{1,30}\)")


def _unbracketed(actors: list[Mention], text: str) -> list[Mention]:
    """The actors but a country named again in brackets right after itself ("the Central African Republic (CAR)")."""
    kept: list[Mention] = []
    for mention in actors:
        if (kept and kept[-1].country == mention.country and text[kept[-1].end : mention.start].strip() == "("
                and text[mention.end : mention.end + 2].strip().startswith(")")):
            continue
        kept.append(mention)
    return kept


def joint_pairs(mentions: Sequence[Mention], text: str) -> set[tuple[str, str]]:
    """The pairs of countries a joint word names together ("les patrouilles communes de Manille et
    Tokyo"): what they do together is cooperation, so a third country's hostility in the
    sentence ("Pékin a protesté ...") is aimed at each of them, not between them."""
    return {make_pair(a.country, b.country)
            for run in coordinations(mentions, text, joint=True) if _joint(run, text)
            for i, a in enumerate(run) for b in run[i + 1 :] if a.country != b.country}


def _joint(run: Sequence[Mention], text: str) -> bool:
    """A joint word qualifying the coordination names what its countries do together, with each
    other: "les patrouilles communes de Manille et Tokyo", "des exercices conjoints du Chili
    et du Pérou", "Manila and Tokyo's joint patrols", "joint patrols by Chile and Peru"
    (data/sides.tsv, joint; a repeated preposition or "by" may stand between). The word qualifies an
    act noun (kind joint_act): a shared border is no act of theirs."""
    words = _words()
    joint = words.get("joint", frozenset())
    before = _words_before(text, run[0].start)
    while before and (before[-1] in words["repeated"] or before[-1] == "by"):
        before.pop()
    acts = words.get("joint_act", frozenset())
    if before and before[-1] in joint:
        return not acts.isdisjoint(before[-3:-1])  # "les patrouilles communes de", not "la frontière commune de"
    after = [t for t in _tokens(text[run[-1].end : run[-1].end + 40]) if t not in ("'", "\u2019", "s", "'s")]
    return bool(after) and after[0] in joint and not acts.isdisjoint(after[1:3])


def _has_phrase(words: frozenset[str], sentence: str) -> str | None:
    """The first of the phrases the sentence contains (on word boundaries), if any."""
    lowered = f" {' '.join(_tokens(sentence))} "
    return next((word for word, tokens in _phrase_tokens(words) if tokens in lowered), None)


@cache
def _phrase_tokens(words: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """Each phrase of a word list, in order, with its words as `_has_phrase` looks for them: tokenised once
    per list, not at every sentence."""
    return tuple((word, f" {' '.join(_tokens(word))} ") for word in sorted(words))


def _role_noun(run: Sequence[Mention], text: str) -> str | None:
    """The plural role noun the coordinated countries complement or qualify, if any: "the foreign
    ministers of Egypt and Jordan", "les chefs de la diplomatie saoudienne et iranienne", "Thai and
    Cambodian military officers" (only role complements and articles may stand between)."""
    words = _words()
    allowed = words["role_complement"] | words["article"]
    before = _tokens(text[max(0, run[0].start - 12 * ROLE_REACH) : run[0].start])[-ROLE_REACH:]
    after = _tokens(text[run[-1].end : run[-1].end + 12 * ROLE_AFTER])[:ROLE_AFTER]
    for side in (reversed(before), after):
        for token in side:
            if token in words["role_noun"]:
                return token
            if token not in allowed:
                break
    return None


def _other_side_named(run: Sequence[Mention], mentions: Sequence[Mention], text: str, sentence: str) -> str | None:
    """How the sentence names the other side of delegates: a counterpart, or "with"/"avec" before
    another actor country after them; None if it does not."""
    counterpart = _has_phrase(_words()["counterpart"], sentence)
    if counterpart:
        return f"'{counterpart}'"
    return _with_counterpart(run, mentions, text)


def _with_counterpart(run: Sequence[Mention], mentions: Sequence[Mention], text: str) -> str | None:
    """ "with"/"avec" before an actor country after the run (not a witness: "with X observers")."""
    side = {m.country for m in run}
    for m in mentions:
        if m.role == "actor" and m.kind != "anaphora" and m.country not in side and m.start >= run[-1].end:
            before = _tokens(text[max(run[-1].end, m.start - 12 * COMITATIVE_REACH) : m.start])
            comitative = next((t for t in before[-COMITATIVE_REACH:] if t in _words()["comitative"]), None)
            after = _tokens(text[m.end : m.end + 12 * WITNESS_REACH])[:WITNESS_REACH]
            witness = set(after) & _words()["third_party"]
            if comitative and not witness:
                return f"'{comitative} {m.text}'"
    return None


def _relation_counterpart(run: Sequence[Mention], relations: Sequence[Cue], mentions: Sequence[Mention],
                          text: str) -> str | None:
    """The counterpart the list's relation act names right after it ("severed diplomatic relations
    with Qatar", "ont rompu leurs relations avec le Qatar"), when the list stands before the act."""
    side = {m.country for m in run}
    for cue in (c for c in relations if c.start >= run[-1].end):
        for m in mentions:
            if m.role != "actor" or m.kind == "anaphora" or m.country in side or m.start < cue.end:
                continue
            gap = [t for t in _tokens(text[cue.end : m.start]) if t not in _words()["article"]]
            after = _tokens(text[m.end : m.end + 12 * WITNESS_REACH])[:WITNESS_REACH]
            if (len(gap) <= COMITATIVE_REACH and set(gap) & _words()["comitative"] and all(t.isalnum() for t in gap)
                    and not set(after) & _words()["third_party"]):
                return f"'{cue.text} {' '.join(gap)} {m.text}'"
    return None


def _relation_subject(run: Sequence[Mention], relations: Sequence[Cue], mentions: Sequence[Mention]) -> str | None:
    """The subject of the relation act the list stands after, named before that act: "Le Chili a
    rappelé ses ambassadeurs au Venezuela et au Nicaragua", "Rabat severed ties with Tehran and
    Damascus" (one country acting on each of the listed ones, not they on each other)."""
    side = {m.country for m in run}
    for cue in (c for c in relations if c.end <= run[0].start):
        subject = next((m for m in mentions if m.role == "actor" and m.kind != "anaphora" and m.country not in side
                        and m.end <= cue.start), None)
        if subject is not None:
            return f"'{subject.text} ... {cue.text}'"
    return None


def _comitative_before(run: Sequence[Mention], text: str) -> str | None:
    """ "avec"/"with" right before the coordination (articles aside): "rompre les relations avec la
    Chine, le Brésil et le Mexique", "ties with Egypt and Jordan" name the counterparts of the
    subject's mutual act, not each other's (unless they only witness it: "with X and Y observers").
    A directed word does the same for guests and destinations ("a visit to Vanuatu and Fiji",
    "invited Burkina Faso and Niger", "une visite au Mali et au Niger": a repeated preposition aside)."""
    words = _words()
    before = _words_before(text, run[0].start)
    leading = words["comitative"] | words.get("directed", frozenset())
    if before and before[-1] not in leading and before[-1] in words["repeated"]:
        before = before[:-1]
    if before and before[-1] in words.get("including", frozenset()) and _trip_before(text, run[0].start - 1):
        return before[-1]  # "a tour of Latin America until 26 April, including Argentina, Brazil and Chile"
    if not before or before[-1] not in leading:
        return None
    after = _tokens(text[run[-1].end : run[-1].end + 12 * WITNESS_REACH])[:WITNESS_REACH]
    return None if set(after) & words["third_party"] else before[-1]


def _trip_before(text: str, start: int) -> bool:
    """The list's ", including" (ending at `start`) hangs on a word of a trip (data/sides.tsv, kind
    trip) earlier in its sentence, with no other comma or clause break between: "a tour of Latin
    America until 26 April, including ..."; not "During his visit to Tokyo, Putin said countries
    including ...", nor a trip in the sentence before (cut at its end, closing quote included)."""
    span = text[max(0, start - TRIP_REACH) : start]
    ends = list(_SENTENCE_END.finditer(span))
    tokens = _tokens(span[ends[-1].end() :] if ends else span)
    if len(tokens) < 2 or tokens[-1] not in _words().get("including", frozenset()) or tokens[-2] != ",":
        return False
    trips = [i for i, t in enumerate(tokens) if t in _words().get("trip", frozenset())]
    return bool(trips) and _TRIP_BREAKS.isdisjoint(tokens[trips[-1] : -2])


def _main_acts(cues: Sequence[Cue], categories: frozenset[str]) -> list[Cue]:
    """The cues of these categories in the main clause, neither denied ("denounced the filling of the
    dam without an agreement") nor damped to the background ("malgré les prétentions rivales des
    Philippines et du Vietnam")."""
    return [c for c in cues if c.weight * c.base_weight > 0 and abs(c.weight) >= MUTUAL_FLOOR * abs(c.base_weight)
            and c.setting is None and c.category in categories and not _one_sided(c)]


def _one_sided(cue: Cue) -> bool:
    """A worry is held by one side about the other, not between them: "Japan, the US and Australia
    expressed concern over China's activities", "se sont dits inquiets des manœuvres chinoises"."""
    return not _words().get("one_sided", frozenset()).isdisjoint(_tokens(cue.text))


def mutual_act(cues: Sequence[Cue], sentence: str) -> bool:
    """The sentence's act is mutual: a mutual cue of the main clause, or a reciprocal word."""
    if _main_acts(cues, MUTUAL_CATEGORIES):
        return True
    return _has_phrase(_words()["reciprocal"], sentence) is not None


def _hostile_relation(cue: Cue) -> bool:
    """A cue of a hostile act on a relation: ties cut or worsening, a dispute (RELATION_CATEGORIES, tension side)."""
    return cue.category in RELATION_CATEGORIES and cue.base_weight > 0


def _owned_by(cue: Cue, run: Sequence[Mention], text: str) -> bool:
    """The cue is the list's own noun: possessed right after it ("China and Japan's long dispute") or
    qualified by it right before ("the dispute of China and Japan", "tensions between")."""
    if cue.start >= run[-1].end:
        gap = _tokens(text[run[-1].end : cue.start])
        return gap[:2] in (["'", "s"], ["\u2019", "s"]) and len(gap) <= OWNED_REACH
    if cue.end <= run[0].start:
        gap = [t for t in _tokens(text[cue.end : run[0].start]) if t not in _words()["article"]]
        return gap in (["of"], ["between"], ["de"], ["entre"])
    return False


def split_sides(
    pairs: Sequence[tuple[str, str]], mentions: Sequence[Mention], text: str, cues: Sequence[Cue], sentence: str
) -> tuple[list[tuple[str, str]], list[SetAside]]:
    """The pairs that cross the act's sides, and those set aside as one side, with the reason.

    `text` is the article's text (the mentions' offsets point into it), `sentence` the sentence's.
    """
    if not pairs:  # one pair may still be a list after "with" (_lone_list_reason)
        return [], []
    mutual = mutual_act(cues, sentence)
    # Hostility on a relation (ties cut, a dispute, tensions) is mutual between its two sides only: with a
    # country named outside the list, the list stands on one side facing it ("Venezuela and Ecuador shut
    # their embassies in Bogota", "opposition from Egypt and Sudan"). Hostility between listed countries
    # is written "between A and B" or "each other" (a reciprocal word), read apart.
    # The list's own relation ("China and Japan's dispute", "the tensions of A and B") stays theirs.
    actors = {m.country for m in mentions if m.role == "actor" and m.kind != "anaphora"}
    same_side: dict[tuple[str, str], str] = _gapped_sides(mentions, text)
    for pair, why in _echo_sides(mentions, text).items():
        same_side.setdefault(pair, why)
    for pair, why in _bloc_sides(mentions).items():
        same_side.setdefault(pair, why)
    for run in coordinations(mentions, text):
        side = sorted({m.country for m in run})
        others = sorted(actors - set(side))
        membership = _membership(run, text)
        reason: str | None
        if membership:
            reason = f"named together as {membership} ({' / '.join(dict.fromkeys(m.text for m in run))}): no act between them"
        elif others:
            facing = [c for c in cues if not _hostile_relation(c) or _owned_by(c, run, text)]
            # an exercise the list holds is joint among its members, whoever it is held near or with
            # ("A joined B and C warships for drills": B-C drill together; cues/shared.py reads its sign)
            together = (mutual and mutual_act(facing, sentence)) or _joint_exercise(run, cues, sentence)
            reason = _one_side_reason(run, others, together, mentions, text, sentence, cues)
        elif _named_again(run, mentions):
            reason = None  # "Japan and South Korea agreed to send envoys back to Tokyo and Seoul": named again
        else:
            reason = _lone_list_reason(run, _lone_mutual(run, cues, text, sentence), text)
        if reason is None:
            continue
        for i, a in enumerate(side):
            for b in side[i + 1 :]:
                same_side.setdefault(make_pair(a, b), reason)
    kept = [p for p in pairs if p not in same_side]
    return kept, [SetAside(p, same_side[p]) for p in pairs if p in same_side]


def _membership(run: Sequence[Mention], text: str) -> str | None:
    """The list's predicate is a membership ("A and B are both members of the bloc", "A et B sont tous
    deux membres de"): what they belong to, no act between them (data/sides.tsv, member_copula)."""
    words = _words()
    after = _tokens(text[run[-1].end : run[-1].end + MEMBERSHIP_REACH])
    copulas = [c.split() for c in words.get("member_copula", ())]
    copula = next((c for c in copulas if after[: len(c)] == c), None)
    if copula is None:
        return None
    rest = after[len(copula):]
    while rest and rest[0] in words.get("member_filler", frozenset()):
        rest = rest[1:]
    if not rest or rest[0] not in words.get("member_noun", frozenset()):
        return None
    # the sole predicate: "A and B are both members of NATO but have clashed ..." tells an act between them
    tail = _tokens(text[run[-1].end : _sentence_end(text, run[-1].end)])
    if not words.get("member_contrast", frozenset()).isdisjoint(tail) or any(
            a == "," and b in words.get("member_contrast_after_comma", frozenset()) for a, b in zip(tail, tail[1:], strict=False)):
        return None
    return f"'{' '.join(copula)} ... {rest[0]}'"


def _sentence_end(text: str, at: int) -> int:
    found = _SENTENCE_START.search(text, at)
    return found.start() if found else len(text)


def _named_again(run: Sequence[Mention], mentions: Sequence[Mention]) -> bool:
    """Every country of the run is also named as an actor outside it: the list names again countries
    the sentence already makes its sides ("Turkey and Israel agreed to return ambassadors to Ankara
    and Tel Aviv"), so it does not make them one side or an absent actor's counterparts."""
    inside = {(m.start, m.end) for m in run}
    outside = {m.country for m in mentions if m.role == "actor" and m.kind != "anaphora"
               and (m.start, m.end) not in inside}
    return {m.country for m in run} <= outside


def _lone_mutual(run: Sequence[Mention], cues: Sequence[Cue], text: str, sentence: str) -> bool:
    """Whether a list with no other side named does its act with each other: a joint exercise (an exercise
    word of cue_words.tsv "shared exercise" in a main-clause cue, or beside a material cooperation cue:
    "A, B and C joined forces for a naval exercise", "A, B, C and D are conducting drills"), or a mutual act.
    Hostility on a relation (ties cut, walking out, a dispute) is mutual between its two sides only, as for
    a list facing another country: "A, B and C quit the bloc" names no act among them, unless the relation
    is the list's own ("the dispute of A, B and C") or a reciprocal word says so."""
    if _joint_exercise(run, cues, sentence) or _exercise_alone(cues, sentence):
        return True
    facing = [c for c in cues if not _hostile_relation(c) or _owned_by(c, run, text)]
    return mutual_act(facing, sentence)


def _joint_exercise(run: Sequence[Mention], cues: Sequence[Cue], sentence: str) -> bool:
    """The list's own act is an exercise: the first main-clause cue after it (or one spanning it) names an
    exercise (cue_words.tsv "shared exercise"), or is material cooperation in a sentence naming one ("joined
    forces for a naval exercise"). Another cue first ("protested against the drills") makes the exercise
    the object of the list's act, not its act."""
    from tracker.scorer.cues.words import cue_words  # noqa: PLC0415 -- the cue words' module reads the lexicon

    words = frozenset(cue_words("en").get("shared exercise")) | frozenset(cue_words("fr").get("shared exercise"))
    main = [c for c in cues if c.weight * c.base_weight > 0 and abs(c.weight) >= MUTUAL_FLOOR * abs(c.base_weight)
            and c.setting is None]
    spanning = [c for c in main if c.start <= run[0].start and c.end >= run[-1].end]
    after = sorted((c for c in cues if c.start >= run[-1].end), key=lambda c: c.start)[:1]
    own = spanning + [c for c in after if c in main]
    if any(_exercise_word(t, words) for c in own for t in _tokens(c.text)):
        return True
    return any(c.category == "material cooperation" for c in own) and any(
        _exercise_word(t, words) for t in _tokens(sentence))


def _exercise_alone(cues: Sequence[Cue], sentence: str) -> bool:
    """A lone list's sentence reads no act of its main clause but names an exercise: the exercise is the
    list's own ("A, B and C begin their yearly naval drills"), no other act makes it their object."""
    from tracker.scorer.cues.words import cue_words  # noqa: PLC0415 -- the cue words' module reads the lexicon

    if any(c.setting is None for c in cues):
        return False
    words = frozenset(cue_words("en").get("shared exercise")) | frozenset(cue_words("fr").get("shared exercise"))
    return any(_exercise_word(t, words) for t in _tokens(sentence))


def _exercise_word(token: str, words: frozenset[str]) -> bool:
    """An exercise word, its plural or its French form with an accent ("exercices", "manœuvres")."""
    token = token.replace("œ", "oe")
    return token in words or token.rstrip("s") in words


def _lone_list_reason(run: Sequence[Mention], mutual: bool, text: str) -> str | None:
    """A list of LONE_LIST or more countries and no other side: listed together, they act on
    nothing named, unless the act is mutual ("Japan, South Korea and the US agreed ..."). A list
    after "with" or a directed word names the counterparts of an actor that is no country ("NATO
    stands in solidarity with Japan and South Korea"), whatever the act."""
    named = " / ".join(dict.fromkeys(m.text for m in run))
    comitative = _comitative_before(run, text)
    if comitative:
        return f"named together after '{comitative}' ({named}): each the counterpart of an actor that is no country"
    aimed = None if mutual else _aimed_before(run, text)
    if aimed:
        return f"named together after '{aimed}' ({named}): each the target of an actor that is no country"
    if mutual or len({m.country for m in run}) < LONE_LIST:
        return None
    return f"listed together on one side ({named}) and no other side named: no act between them"


def _aimed_before(run: Sequence[Mention], text: str) -> str | None:
    """ "on"/"against" right before the list, articles and a number aside ("penalties on nine Georgian and
    Armenian officers"): the list is the target of a one-way act (data/sides.tsv, kind aimed). A list
    of fewer than LONE_LIST countries needs an act noun before that word (kind aimed_act)."""
    words = _words()
    before = _words_before(text, run[0].start)
    if before and _is_number(before[-1]):
        before.pop()
    if not before or before[-1] not in words.get("aimed", frozenset()):
        return None
    if len({m.country for m in run}) < LONE_LIST and words.get("aimed_act", frozenset()).isdisjoint(before[-4:-1]):
        return None  # a pair under pressure "on India and Pakistan" stays each other's counterpart
    return before[-1]


def _is_number(word: str) -> bool:
    return word.replace(",", "").isdigit() or any(word in numbers for numbers in vocabulary().numbers.values())


def _allies_named(run: Sequence[Mention], text: str) -> str | None:
    """The allies joiner between two countries of the run, if any ("le Mali et ses alliés du Niger"),
    or the word ending a group phrase ("the US and their key allies including Japan")."""
    gaps = [text[a.end : b.start] for a, b in zip(run, run[1:], strict=False)]
    joined = " ".join(f" {gap.lower()} " for gap in gaps)
    allies = next((w for w in sorted(_words().get("allies", ())) if f" {w} " in joined), None)
    return allies or next((w for gap in gaps if (w := _grouped(gap))), None)


def _one_side_reason(
    run: Sequence[Mention], others: Sequence[str], mutual: bool, mentions: Sequence[Mention], text: str, sentence: str,
    cues: Sequence[Cue] = (),
) -> str | None:
    """Why the run is one side of the act, or None when its countries are each other's counterpart."""
    named = " / ".join(dict.fromkeys(m.text for m in run))
    allies = _allies_named(run, text)
    if allies:
        return f"named as allies on one side ({named}, '{allies}'); the other side: {', '.join(others)}"
    if not mutual:
        return f"named together on one side ({named}); the other side: {', '.join(others)}"
    distributive = _has_phrase(_words().get("distributive", frozenset()), sentence)
    # "A and B signed peace treaties with C in 1979 and 1994, respectively": each its own act; "the presidents of A
    # and B, X and Y respectively" names their persons, no act of each
    if distributive and _role_noun(run, text) is None:
        return f"named together, each with its own act ('{distributive}', {named}); the other side: {', '.join(others)}"
    comitative = _comitative_before(run, text)
    if comitative:
        return f"named together after '{comitative}' ({named}), each the counterpart of {', '.join(others)}"
    relations = _main_acts(cues, RELATION_CATEGORIES)
    relation = _relation_counterpart(run, relations, mentions, text)
    if relation:
        return f"named together before {relation}: one side ({named})"
    subject = _relation_subject(run, relations, mentions)
    if subject:
        return f"named together after {subject}: the other side ({named})"
    role = _role_noun(run, text)
    other = _other_side_named(run, mentions, text, sentence) if role else None
    if other is None:
        return None
    return f"{role} of one side ({named}); the other side ({', '.join(others)}) named by {other}"


def clause_sides(
    pairs: Sequence[tuple[str, str]], mentions: Sequence[Mention], clauses: dict[tuple[int, int], Setting],
    text: str = "",
) -> tuple[list[tuple[str, str]], list[SetAside]]:
    """The pairs kept, and those set aside because a country named only in a background clause
    pairs with a country the clause does not name, while the rest of the sentence names an act of
    its own: "Beijing threatened Lithuania after Vilnius allowed Taiwan to open an office" is no
    CHN-TWN act, nor "Bahrain and Qatar restored ties, after a Saudi-led boycott of Doha was lifted"
    a BHR-SAU one. With one country outside ("Beijing protested after Washington approved arms
    sales"), the clause names the other side of the main act and the pair stays. A country after an echo
    word ("as did B") does the main act again: its pairs stay."""
    if not clauses:
        return list(pairs), []
    actors = [m for m in mentions if m.role == "actor"]
    # "..., as did B": B's clause repeats the main act, so B is a side of it (_echo_sides)
    echoes = {m.country for m in actors if text and m.kind != "anaphora" and _echo_before(m, text)}
    kept: list[tuple[str, str]] = []
    aside: list[SetAside] = []
    for pair in pairs:
        if echoes & set(pair):
            kept.append(pair)
            continue
        reason = next((r for x, y in (pair, pair[::-1]) if (r := _outside_clause(x, y, actors, clauses))), None)
        if reason is None:
            kept.append(pair)
        else:
            aside.append(SetAside(pair, reason))
    return kept, aside


def _outside_clause(country: str, other: str, actors: Sequence[Mention],
                    clauses: dict[tuple[int, int], Setting]) -> str | None:
    own = [m for m in actors if m.country == country]
    parts = {clauses.get((m.start, m.end)) for m in own}
    if len(parts) != 1 or None in parts:
        return None
    clause = parts.pop()
    assert clause is not None

    def inside(m: Mention) -> bool:
        return clause.start <= m.start < clause.end

    if any(inside(m) for m in actors if m.country == other):
        return None
    if len({m.country for m in actors if not inside(m)}) < 2:
        return None
    return (f"{country} is named only in the background clause '{clause.word}', {other} only outside it: "
            "each is a side of its own clause's act")


def ranked_only(
    pairs: Sequence[tuple[str, str]], with_cues: set[tuple[str, str]], sentence: str
) -> tuple[list[tuple[str, str]], list[SetAside]]:
    """The pairs kept, and those set aside because the sentence ranks countries ("Finland and Denmark
    topped the ranking, Afghanistan came last", "Vietnam overtook Bangladesh as the second-largest
    exporter") and no cue of an act goes with the pair: being compared is no act between them."""
    word = _has_phrase(_words()["ranking"], sentence)
    if word is None:
        return list(pairs), []
    kept = [p for p in pairs if p in with_cues]
    reason = f"compared in a ranking ('{word}'), no act between them"
    return kept, [SetAside(p, reason) for p in pairs if p not in with_cues]
