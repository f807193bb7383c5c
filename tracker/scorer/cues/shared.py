"""Exercises held together: a show of force by the two countries of a pair is their cooperation.

"Military exercises" by one country near another is a show of force (the lexicon's weight). Held by
the two countries of a pair named together -- coordinated ("Russian and Belarusian troops began
military exercises", "la Chine et la Russie ont mené des manœuvres") or named by one phrase for both
("les deux armées se sont livrées à des exercices") -- it is a joint exercise, cooperation between
them, as "joint exercise" reads; the third country they drill near keeps the show of force. The
exercise words are in data/lexicon/cue_words.tsv ("shared exercise").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from tracker.records import Cue, Mention

from .words import cue_words, norm

_WORD = re.compile(r"[^\W\d_]+['’]?|[,;]")

JOINT_CATEGORY = "material cooperation"


def shared_exercises(cues: Sequence[Cue], pair: tuple[str, str], together: bool, lang: str) -> list[Cue]:
    """The pair's cues, its show-of-force exercises read as joint when the pair is named together."""
    words = frozenset(cue_words(lang).get("shared exercise"))
    if not together or not words:
        return list(cues)
    return [_joint(c) if c.base_weight > 0 and is_exercise(c.pattern, words) else c for c in cues]


def is_exercise(pattern: str, words: frozenset[str]) -> bool:
    """Whether a pattern word is an exercise word or its plural ("=exercises", "=drills")."""
    return any(w in words or w.rstrip("s") in words for w in _pattern_words(pattern))


def named_together(pair: tuple[str, str], runs: Sequence[Sequence[Mention]], mentions: Sequence[Mention],
                   text: str, lang: str) -> bool:
    """Whether the pair's two countries are coordinated in one run, listed as forces ("the US Navy,
    the Indian Navy and ..."), or named by one phrase for both ("les deux armées", "both navies")."""
    if any(set(pair) <= {m.country for m in run} for run in runs):
        return True
    if any(set(pair) <= countries for countries in _listed_forces(mentions, text, lang)):
        return True
    spans: dict[tuple[int, int], set[str]] = {}
    for m in mentions:
        if m.kind == "anaphora" and m.role == "actor":
            spans.setdefault((m.start, m.end), set()).add(m.country)
    return any(set(pair) <= countries for countries in spans.values())


def _listed_forces(mentions: Sequence[Mention], text: str, lang: str) -> list[set[str]]:
    """The countries of runs of actors whose gaps hold only force nouns and list words ("the French Navy,
    the Italian Navy and the Greek ..."): the small parsers' coordinations stop at the noun."""
    words = cue_words(lang)
    forces, listing = frozenset(words.get("force noun")), frozenset(words.get("force list word"))
    allowed = forces | listing | words.articles
    actors = sorted((m for m in mentions if m.role == "actor" and m.kind != "anaphora"), key=lambda m: m.start)
    runs: list[set[str]] = []
    for previous, mention in zip(actors, actors[1:], strict=False):
        gap = [norm(w) for w in _WORD.findall(text[previous.end:mention.start])]
        if (mention.start >= previous.end and all(w in allowed for w in gap)
                and not forces.isdisjoint(gap) and not listing.isdisjoint(gap)):
            if runs and previous.country in runs[-1]:
                runs[-1].add(mention.country)
            else:
                runs.append({previous.country, mention.country})
    return runs


def _pattern_words(pattern: str) -> set[str]:
    return {norm(w).lstrip("=") for w in pattern.split() if not w.startswith("~")}


def _joint(cue: Cue) -> Cue:
    return dataclasses.replace(cue, base_weight=-abs(cue.base_weight), weight=-abs(cue.weight),
                               category=JOINT_CATEGORY,
                               modifiers=cue.modifiers + ("held by both countries of the pair: joint",))
