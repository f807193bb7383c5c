"""Members of a body: countries listed as a forum's composition act on no one in that sentence.

"Créé en 2013, le forum réunit sept pays de la région (A, B, C ...) et trois membres observateurs
(D, E, F)" and "the group brings together five countries (A, B and C)" describe what a body is made
of: its members and observers never act on each other there, nor on the founder named beside them.
Such a list is read on the surface: countries alone in parentheses (joiners and articles between)
right after a member noun ("pays", "membres", "observers"), in a sentence with a composition verb
("réunit", "regroupe", "brings together", "comprises") before it (word lists in data/sides.tsv). The
lone-list rule of frames.py does not catch it: the body is the subject, and there may be two lists.
Without the verb ("les trois pays baltes (A, B, C) ont expulsé des diplomates russes") the list is a
side of the sentence's act like any other, and frames.split_sides reads it.

Blocs: countries listed in apposition to a plural noun naming them as one group ("l'Iran et les grandes
puissances (A, B, C, D, E et F) ont conclu un accord", "X and the permanent members of the Council
– A, B, C, D and E – plus F are negotiating", "les cinq pays européens – A, B, C, D – ont
réclamé l'arrêt de l'offensive de X") stand as one side facing the country named outside the list: its
members are never each other's counterpart there, and each is that country's. The list is read on the
surface (bloc_lists): three countries or more after an opening mark ("(", a dash, ":", ",") or word
("including", "notamment", "dont": data/sides.tsv bloc_opening), with a group noun (bloc_noun) a few words
before it; names that are no country may stand in it ("Bruxelles", "the European Union"), and "plus X"
after its closing mark adds X. A one-way act makes the list one side whenever another country acts in the
sentence (as for any list). A mutual act (an agreement, talks) does only when that country is coordinated
with the group ("X and the six powers (...)", "entre X et quatre pays arabes - ... -", "(...) et X") or
named after "with"/"avec": the members of "the three Baltic states – A, B and C – signed a defence pact,
as X massed troops" (invented) stay each other's counterparts, and a list with no other country is left
to the lone-list rules of frames.py ("the six nations – A, B, C ... – signed a treaty among themselves").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from tracker.records import Cue, Mention, SetAside, make_pair
from tracker.scorer.dates.vocabulary import vocabulary
from tracker.scorer.frames import LONE_LIST, mutual_act, side_words, word_tokens

_WORD = re.compile(r"\w+'?|[^\w\s]")
MEMBER_NOUN_REACH = 5  # words read before "(" for the member noun ("sept pays de la région (")
VERB_REACH = 4  # words read before the member noun for the composition verb ("brings together five coastal countries")
PARENTHESIS_REACH = 200  # characters read around a country for its parentheses


def _parenthesis(text: str, mention: Mention) -> tuple[int, int] | None:
    """The offsets of the "(" and ")" enclosing the mention, if any."""
    before = text[max(0, mention.start - PARENTHESIS_REACH) : mention.start]
    opening = before.rfind("(")
    if opening < 0 or ")" in before[opening:]:
        return None
    after = text[mention.end : mention.end + PARENTHESIS_REACH]
    closing = after.find(")")
    if closing < 0 or "(" in after[:closing]:
        return None
    return mention.start - len(before) + opening, mention.end + closing


def _only_names(text: str, span: tuple[int, int], inside: Sequence[Mention]) -> bool:
    """Nothing but names (the countries, other capitalised names: "Maurice", "l'Union européenne"),
    joiners and articles between the parentheses: a list of members, not a clause."""
    words = side_words()
    allowed = words["joiner"] | words["article"]
    cursor, gaps = span[0] + 1, []
    for mention in sorted(inside, key=lambda m: m.start):
        gaps.append(text[cursor : mention.start])
        cursor = max(cursor, mention.end)
    gaps.append(text[cursor : span[1]])
    words_between = [w for gap in gaps for w in _WORD.findall(gap.replace("\u2019", "'"))]
    return all(w.lower() in allowed or w[:1].isupper() for w in words_between)


def _member_noun(words: list[str]) -> int | None:
    """Where the member noun the parenthesis enumerates stands among the words before it ("sept pays
    de la région (", "trois observers (")."""
    reach = range(len(words) - 1, max(-1, len(words) - 1 - MEMBER_NOUN_REACH), -1)
    return next((n for n in reach if words[n] in side_words()["member_noun"]), None)


def _composition_verb(words: list[str], noun_at: int) -> str | None:
    """The composition verb right before the member noun, a number or a few words between ("réunit sept
    pays", "brings together five coastal countries"): a verb elsewhere in the sentence ("Moscou, qui
    compte riposter, a menacé les trois pays baltes (") composes nothing. "compte", "includes" (kind
    membership_verb_counted) only before a number: "compte sept pays", not "compte riposter"."""
    window = words[max(0, noun_at - VERB_REACH) : noun_at]
    lowered = f" {' '.join(window)} "
    counted = side_words().get("membership_verb_counted", frozenset())
    for verb in sorted(side_words()["membership_verb"] | counted):
        key = f" {' '.join(word_tokens(verb))} "
        if key not in lowered:
            continue
        after = lowered[lowered.index(key) + len(key) :].split()
        if verb not in counted or (after and _is_number(after[0])):
            return verb
    return _shared_verb(words, noun_at)


def _shared_verb(words: list[str], noun_at: int) -> str | None:
    """The verb of an earlier composition list this one is joined to ("réunit six pays (...) et deux
    observateurs (", "et trois membres observateurs ("): only a joiner, articles, a number and member
    nouns between its ")" and the member noun."""
    close = max((n for n in range(noun_at) if words[n] == ")"), default=-1)
    allowed = side_words()["joiner"] | side_words()["article"] | side_words()["member_noun"]
    if close < 0 or not all(w in allowed or _is_number(w) for w in words[close + 1 : noun_at]):
        return None
    opening = max((n for n in range(close) if words[n] == "("), default=-1)
    earlier = _member_noun(words[:opening]) if opening >= 0 else None
    return _composition_verb(words[:opening], earlier) if earlier is not None else None


def _is_number(word: str) -> bool:
    return word.isdigit() or any(word in numbers for numbers in vocabulary().numbers.values())


def member_lists(mentions: Sequence[Mention], text: str, start: int) -> dict[str, str]:
    """Country -> why it is only a member of a body, for countries named only in composition lists
    of the sentence starting at `start` in `text`."""
    actors = [m for m in mentions if m.role == "actor" and m.kind != "anaphora"]
    groups: dict[tuple[int, int], list[Mention]] = {}
    for mention in actors:
        span = _parenthesis(text, mention)
        if span is not None and span[0] >= start:
            groups.setdefault(span, []).append(mention)
    members: dict[str, str] = {}
    member_spans: set[tuple[int, int]] = set()
    for span, inside in groups.items():
        if len({m.country for m in inside}) < 2 or not _only_names(text, span, inside):
            continue
        words = word_tokens(text[start : span[0]])
        noun_at = _member_noun(words)
        verb = _composition_verb(words, noun_at) if noun_at is not None else None
        if noun_at is not None and verb:
            noun = words[noun_at]
            member_spans.add(span)
            for mention in inside:
                members[mention.country] = f"listed as {noun} in a body's composition after '{verb}'"
    outside = {m.country for m in actors if m.country in members and _parenthesis(text, m) not in member_spans}
    return {country: why for country, why in members.items() if country not in outside}


def members_only(
    pairs: Sequence[tuple[str, str]], mentions: Sequence[Mention], text: str, start: int
) -> tuple[list[tuple[str, str]], list[SetAside]]:
    """The pairs kept, and those set aside because a country of theirs is only listed in a body's
    composition: members and observers of a forum act on no one there."""
    if not pairs:
        return [], []
    members = member_lists(mentions, text, start)
    kept: list[tuple[str, str]] = []
    aside: list[SetAside] = []
    for pair in pairs:
        member = next((c for c in pair if c in members), None)
        if member is None:
            kept.append(pair)
        else:
            aside.append(SetAside(pair, f"{member} is {members[member]}: a member, no act between members"))
    return kept, aside


BLOC_NOUN_REACH = 7  # words read back from a list's opening mark for its group noun ("the permanent members of the Council –")
BLOC_NAME_WORDS = 4  # capitalised words of a name that is no country allowed between two members ("the European Union")
BLOC_WITH_REACH = 4  # words read before a group noun, or after the list before another country, for "with"/"avec"
BLOC_FACING_REACH = 10  # words between a country and the group noun it is coordinated with ("and the five permanent")
_OPENING = re.compile(r"(\(|--|[\u2013\u2014:,]|(?<=\s)-)\s*$")
_CLOSING = {"(": ")", "--": "--", "\u2013": "\u2013", "\u2014": "\u2014", "-": "-"}
_ACRONYM = re.compile(r"\(\s*[A-Z][A-Za-z.]*\s*\)")


class Bloc(NamedTuple):
    """A list of countries in apposition to a group noun (offsets in the article's text)."""

    noun: str
    noun_start: int  # where the group noun stands
    end: int  # the end of the list: its closing mark, or its last member
    members: list[Mention]


def _opening(text: str, start: int, at: int) -> tuple[str, int] | None:
    """The mark or word opening a list whose first country starts at `at`, and where it starts."""
    before = _article_end().sub("", text[start:at])
    mark = _OPENING.search(before)
    if mark:
        return mark.group(1), start + mark.start(1)
    lowered = before.lower().rstrip()
    for word in sorted(side_words().get("bloc_opening", ()), key=len, reverse=True):
        if lowered.endswith(word) and (len(lowered) == len(word) or not lowered[-len(word) - 1].isalnum()):
            opening = start + len(lowered) - len(word)
            comma = text[start:opening].rstrip()
            return word, start + (len(comma) - 1 if comma.endswith(",") else len(comma))
    return None


def _group_noun(text: str, start: int, opening: int) -> tuple[str, int] | None:
    """The group noun among the BLOC_NOUN_REACH words before the opening mark (after any country named
    before it: "United States" holds no group noun), with no punctuation but "+" between them."""
    nouns = side_words().get("bloc_noun", frozenset())
    words = list(re.finditer(r"\w+|[^\w\s]", text[start:opening]))[-BLOC_NOUN_REACH:]
    for w in reversed(words):
        if w.group().lower() in nouns:
            return w.group().lower(), start + w.start()
        if not w.group().isalnum() and w.group() not in ("+", "'", "\u2019"):
            return None
    return None


def _list_gap(gap: str) -> bool:
    """Only joiners, articles, "plus" and names that are no country between two members."""
    words = side_words()
    allowed = words["joiner"] | words["article"] | words.get("bloc_joiner", frozenset())
    tokens = word_tokens(_ACRONYM.sub(" ", gap))
    names = [t for t in tokens if t not in allowed]
    raw = {w.lower(): w for w in _WORD.findall(gap)}
    return len(names) <= BLOC_NAME_WORDS and all(raw.get(t, t)[:1].isupper() for t in names)


def bloc_lists(mentions: Sequence[Mention], text: str, start: int, end: int) -> list[Bloc]:
    """The lists of the sentence text[start:end] that are in apposition to a group noun (see the notes)."""
    actors = sorted((m for m in mentions if m.role == "actor" and m.kind != "anaphora" and start <= m.start < end),
                    key=lambda m: m.start)
    blocs: list[Bloc] = []
    i = 0
    while i < len(actors):
        first = actors[i]
        limit = max((m.end for m in actors[:i] if m.end <= first.start), default=start)
        opening = _opening(text, limit, first.start)
        noun = _group_noun(text, limit, opening[1]) if opening else None
        if opening is None or noun is None:
            i += 1
            continue
        closing = _CLOSING.get(opening[0])
        members = [first]
        stop = first.end
        j = i + 1
        while j < len(actors):
            gap = text[stop : actors[j].start]
            if actors[j].country == members[-1].country and gap.strip() == "(" and text[actors[j].end :].startswith(")"):
                stop = actors[j].end + 1  # "the United Arab Emirates (UAE)": the same country again
                j += 1
                continue
            if (closing and closing in gap) or not _list_gap(gap):
                break
            members.append(actors[j])
            stop = actors[j].end
            j += 1
        if closing:
            rest = text[stop:end]
            at = rest.find(closing)
            if at >= 0 and not _list_gap(rest[:at]):
                i += 1
                continue
            stop = stop + at + len(closing) if at >= 0 else end
            while j < len(actors) and _added_after(text[stop : actors[j].start]):
                members.append(actors[j])  # "... – plus Germany"
                stop = actors[j].end
                j += 1
        count = len({m.country for m in members})
        if count >= LONE_LIST or (count == 2 and _counted(text, limit, noun[1], count)):
            blocs.append(Bloc(noun[0], noun[1], stop, members))
            i = j
        else:
            i += 1
    return blocs


def _counted(text: str, start: int, noun_at: int, count: int) -> bool:
    """The group noun is counted by a number that matches its list ("two Gulf countries, A and B", "les deux
    pays voisins, A et B"): a list of two is a bloc then (one or two words may stand between number and noun)."""
    words = [w.lower() for w in _WORD.findall(text[start:noun_at])][-3:]
    spelled = {str(count)} | {w for numbers in vocabulary().numbers.values() for w, n in numbers.items() if n == count}
    return any(w in spelled for w in words)


def _added_after(gap: str) -> bool:
    """A bloc joiner ("plus"; articles aside) right after a list's closing mark: the country after it joins the list."""
    words = side_words()
    tokens = [t for t in word_tokens(gap) if t not in words["article"]]
    return len(tokens) in (1, 2) and tokens[-1] in words["bloc_joiner"] and tokens[:-1] in ([], [","])


@cache
def _article_end() -> re.Pattern[str]:
    """An article (sides.tsv) ending a text: "the ", "les ", "l'"."""
    articles = sorted(side_words()["article"], key=len, reverse=True)
    spelled = [rf"\b{re.escape(a[:-1])}['\u2019]\s*" if a.endswith("'") else rf"\b{re.escape(a)}\s+" for a in articles]
    return re.compile(rf"(?:{'|'.join(spelled)})$", re.IGNORECASE)


def _owner(bloc: Bloc, other: Mention, text: str) -> bool:
    """A country coordinated with the group noun through a possessive ("Poland and its EU partners – A, B
    and C –", "la France et ses partenaires (A, B et C)"): the group is its own, on its side."""
    if other.end > bloc.noun_start:
        return False
    words = side_words()
    gap = word_tokens(text[other.end : bloc.noun_start])
    return (bool(gap) and len(gap) <= BLOC_FACING_REACH and gap[0] in words["joiner"]
            and any(t in words["bloc_possessive"] for t in gap))


def _facing(bloc: Bloc, other: Mention, text: str) -> str | None:
    """How a country outside the list is named as the group's counterpart in a mutual act: coordinated
    with the group noun before it or with the list after it, or after "with"/"avec"."""
    words = side_words()
    word_joiners = {w for w in words["joiner"] if w != ","}
    comitative = next((t for t in word_tokens(text[max(0, bloc.noun_start - 30) : bloc.noun_start])[-BLOC_WITH_REACH:]
                       if t in words["comitative"]), None)
    if comitative:  # "a signé un accord avec les pays du Golfe (...)": the group is the counterpart
        return f"'{comitative} ... {bloc.noun}'"
    if other.end <= bloc.noun_start:
        gap = word_tokens(text[other.end : bloc.noun_start])
        if gap and len(gap) <= BLOC_FACING_REACH and all(t.isalnum() or t == "'" for t in gap) and (
                gap[0] in word_joiners):
            return f"'{other.text} {gap[0]} ... {bloc.noun}'"
        return None
    if other.start >= bloc.end:
        gap = [t for t in word_tokens(text[bloc.end : other.start]) if t not in words["article"] and t != ")"]
        if gap and len(gap) <= 3 and (gap[0] in word_joiners or gap[0] in words["comitative"]):
            return f"'{bloc.noun} ... {gap[0]} {other.text}'"
        before = word_tokens(text[max(bloc.end, other.start - 40) : other.start])
        with_word = next((t for t in before[-BLOC_WITH_REACH:] if t in words["comitative"]), None)
        if with_word:
            return f"'{with_word} {other.text}'"
    return None


def bloc_sides(
    pairs: Sequence[tuple[str, str]], mentions: Sequence[Mention], text: str, cues: Sequence[Cue], start: int,
    end: int,
) -> tuple[list[tuple[str, str]], list[SetAside]]:
    """The pairs kept, and those set aside because both countries are members of one list in apposition
    to a group noun that faces another country of the sentence (see the notes)."""
    if len(pairs) < 2:
        return list(pairs), []
    blocs = bloc_lists(mentions, text, start, end)
    if not blocs:
        return list(pairs), []
    mutual = mutual_act(cues, text[start:end])
    actors = [m for m in mentions if m.role == "actor" and m.kind != "anaphora"]
    same: dict[tuple[str, str], str] = {}
    for bloc in blocs:
        side = {m.country for m in bloc.members} | {m.country for m in actors if _owner(bloc, m, text)}
        others = [m for m in actors if m.country not in side]
        if not others:
            continue
        how = next((f for m in others if (f := _facing(bloc, m, text))), None) if mutual else "a one-way act"
        if how is None:
            continue
        named = " / ".join(dict.fromkeys(m.text for m in bloc.members))
        reason = (f"listed as one group ('{bloc.noun}': {named}) facing "
                  f"{', '.join(sorted({m.country for m in others}))} ({how}): one side")
        countries = sorted(side)
        for n, a in enumerate(countries):
            for b in countries[n + 1 :]:
                same.setdefault(make_pair(a, b), reason)
    kept = [p for p in pairs if p not in same]
    return kept, [SetAside(p, same[p]) for p in pairs if p in same]
