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
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.records import Mention, SetAside
from tracker.scorer.dates.vocabulary import vocabulary
from tracker.scorer.frames import side_words, word_tokens

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
