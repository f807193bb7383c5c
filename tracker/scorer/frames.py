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
keeps SDN-TCD, and "entre Alger et Paris" names the two sides of a relation, never one side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from tracker.records import Cue, Mention, SetAside, make_pair

_WORD = re.compile(r"\w+'?|[^\w\s]")
# Cue categories of mutual acts (tracker/scorer/lexicon.py): their countries are each other's counterpart.
MUTUAL_CATEGORIES = frozenset({"agreement", "consultation", "normalisation", "improvement", "deterioration",
                               "disagreement", "alliance"})


@cache
def _words() -> dict[str, frozenset[str]]:
    """kind -> words, from data/sides.tsv (multi-word joiners keep their spaces)."""
    kinds: dict[str, set[str]] = {}
    text = (resources.files("tracker.scorer") / "data" / "sides.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for kind, word in rows[1:]:  # the first row names the columns
        kinds.setdefault(kind, set()).add(word.strip().lower())
    return {kind: frozenset(words) for kind, words in kinds.items()}


def _tokens(gap: str) -> list[str]:
    gap = gap.lower().replace("\u2019", "'")
    for joiner in (w for w in _words()["joiner"] if " " in w):
        gap = gap.replace(joiner, ",")
    return _WORD.findall(gap)


def _coordinated(gap: str) -> bool:
    """The words between two countries join them: a joiner, articles, a repeated preposition."""
    tokens = _tokens(gap)
    words = _words()
    if not any(t in words["joiner"] for t in tokens):
        return False
    allowed = words["joiner"] | words["article"] | words["repeated"]
    return all(t in allowed for t in tokens)


def _after_between(text: str, first: Mention) -> bool:
    """ "entre (les) ..." right before the coordination."""
    words = _words()
    before = [t for t in _tokens(text[max(0, first.start - 40) : first.start]) if t not in words["article"]]
    return bool(before) and before[-1] in words["between"]


def coordinations(mentions: Sequence[Mention], text: str) -> list[list[Mention]]:
    """Runs of actor mentions (anaphora aside) joined by coordination, of two or more countries."""
    actors = sorted((m for m in mentions if m.role == "actor" and m.kind != "anaphora"), key=lambda m: m.start)
    runs: list[list[Mention]] = []
    for previous, mention in zip(actors, actors[1:], strict=False):
        if mention.start >= previous.end and _coordinated(text[previous.end : mention.start]):
            if runs and runs[-1][-1] is previous:
                runs[-1].append(mention)
            else:
                runs.append([previous, mention])
    return [run for run in runs if len({m.country for m in run}) > 1 and not _after_between(text, run[0])]


def _mutual(cues: Sequence[Cue], sentence: str) -> bool:
    if any(c.weight and c.category in MUTUAL_CATEGORIES for c in cues):
        return True
    lowered = f" {' '.join(_tokens(sentence))} "
    return any(f" {' '.join(_tokens(word))} " in lowered for word in _words()["reciprocal"])


def split_sides(
    pairs: Sequence[tuple[str, str]], mentions: Sequence[Mention], text: str, cues: Sequence[Cue], sentence: str
) -> tuple[list[tuple[str, str]], list[SetAside]]:
    """The pairs that cross the act's sides, and those set aside as one side, with the reason.

    `text` is the article's text (the mentions' offsets point into it), `sentence` the sentence's.
    """
    if len(pairs) < 2 or _mutual(cues, sentence):
        return list(pairs), []
    actors = {m.country for m in mentions if m.role == "actor" and m.kind != "anaphora"}
    same_side: dict[tuple[str, str], str] = {}
    for run in coordinations(mentions, text):
        side = sorted({m.country for m in run})
        others = sorted(actors - set(side))
        if not others:
            continue
        named = " / ".join(dict.fromkeys(m.text for m in run))
        reason = f"named together on one side ({named}); the other side: {', '.join(others)}"
        for i, a in enumerate(side):
            for b in side[i + 1 :]:
                same_side.setdefault(make_pair(a, b), reason)
    kept = [p for p in pairs if p not in same_side]
    return kept, [SetAside(p, same_side[p]) for p in pairs if p in same_side]
