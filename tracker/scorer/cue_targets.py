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

from tracker.records import Cue, Mention

from .cues.words import cue_words, norm
from .frames import side_words

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
