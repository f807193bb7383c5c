"""Relations named by "between"/"entre": each such phrase names the two sides of its own relation.

"Talks between Serbia and Kosovo resumed, the first since the meeting between Greece and North Macedonia"
names two relations, SRB-XKX and GRC-MKD: a country named only in the first phrase and one named only
in the second have no act between them (GRC-SRB, MKD-XKX ...). A phrase's countries are the actors among the words
after its "between" (data/sides.tsv, kind between), up to the next "between", a semicolon, a comma that
no country follows (a list goes on: "between Chile, Peru and Bolivia") or BETWEEN_WORDS words. One
phrase alone sets nothing aside: a third country outside it may act on the relation ("Turkey hosted
talks between Russia and Ukraine" is read by the mediator rules).
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.records import Mention, SetAside
from tracker.scorer.frames import _WORD, side_words

BETWEEN_WORDS = 12  # words read after "between" for the phrase's countries


def _phrases(mentions: Sequence[Mention], text: str, start: int, end: int) -> list[tuple[int, int, set[str]]]:
    """Each "between" phrase of the sentence text[start:end]: its offsets and its countries (two or more)."""
    words = side_words()["between"]
    actors = sorted((m for m in mentions if m.role == "actor" and m.kind != "anaphora"), key=lambda m: m.start)
    openings = [start + w.start() for w in _WORD.finditer(text[start:end]) if w.group().lower() in words]
    phrases: list[tuple[int, int, set[str]]] = []
    for n, opening in enumerate(openings):
        limit = openings[n + 1] if n + 1 < len(openings) else end
        stop = opening
        for count, w in enumerate(_WORD.finditer(text[opening:limit])):
            at = opening + w.start()
            if w.group() == ";" or count > BETWEEN_WORDS:
                break
            if w.group() == "," and not any(_right_after(text, at + 1, m) for m in actors):
                break
            stop = opening + w.end()
        inside = {m.country for m in actors if opening <= m.start and m.end <= stop}
        if len(inside) >= 2:
            phrases.append((opening, stop, inside))
    return phrases


def _right_after(text: str, at: int, mention: Mention) -> bool:
    """The mention starts right after position `at` (an article aside)."""
    if mention.start < at:
        return False
    gap = _WORD.findall(text[at : mention.start].lower())
    return len(gap) <= 1 and all(w in side_words()["article"] for w in gap)


def between_sides(
    pairs: Sequence[tuple[str, str]], mentions: Sequence[Mention], text: str, start: int, end: int
) -> tuple[list[tuple[str, str]], list[SetAside]]:
    """The pairs kept, and those set aside because their countries are named only in two different
    "between" phrases, each naming its own relation."""
    if len(pairs) < 2:
        return list(pairs), []
    phrases = _phrases(mentions, text, start, end)
    if len(phrases) < 2:
        return list(pairs), []
    in_phrases = set().union(*(countries for _, _, countries in phrases))
    outside = {m.country for m in mentions if m.role == "actor" and m.kind != "anaphora" and start <= m.start < end
               and not any(a <= m.start and m.end <= b for a, b, _ in phrases)}
    kept: list[tuple[str, str]] = []
    aside: list[SetAside] = []
    for a, b in pairs:
        together = any(a in countries and b in countries for _, _, countries in phrases)
        if {a, b} <= in_phrases and not {a, b} & outside and not together:
            aside.append(SetAside((a, b), f"{a} and {b} are named in different 'between' phrases: "
                                          "each names the sides of its own relation"))
        else:
            kept.append((a, b))
    return kept, aside
