"""The record a role rule returns: which role a mention takes, and why."""

from __future__ import annotations

from typing import NamedTuple


class RoleDecision(NamedTuple):
    """A role rule's answer for one mention (a rule with nothing to say returns None)."""

    role: str  # actor | topic | place | mediator | former
    reason: str = ""  # why, shown in the mention's detail ("after 'sous l'égide de'"); "" for plain actors
    # Given by a preposition ("sur la Syrie", "brokered by Qatar"): such a role spreads over the
    # countries coordinated after it, and a list's head does not override it.
    from_preposition: bool = False
    # The target of an act noun named with its agent ("la frappe américaine en Syrie"): the doc
    # offsets of the act's words, agent and target; the target is a side of that act only.
    act_span: tuple[int, int] | None = None
    # A country that only describes a noun ("the US allies"): the doc offsets of that noun, whose cue
    # names no act of the sentence (modifier_roles.undescribed_cues).
    described: tuple[int, int] | None = None
    # What a place is to the sentence, read by the pair rules (pairs.py) instead of the reason's words:
    # "venue" (where a meeting or an event between others is held: "arrivé à New Delhi pour le sommet",
    # "the Kremlin state dinner"), "struck mission" (where a mission an act hit stands: "struck the embassy
    # in Kabul"), "dateline" (where the report was filed: "DOHA —"), "capital" (a demonym on the word
    # capital: "la capitale russe", named as its capital is); "" otherwise.
    place_as: str = ""
    # Named only to describe another: the country before it in an apposition ("la Russie, alliée de la
    # Biélorussie"), a non-state group it backs ("Rwanda-backed rebels"), what stands before it ("un proche
    # de Moscou"), the allies it names ("the US allies").
    describes: bool = False
    # A demonym's decision by the noun it qualifies ("qualifies 'capitale'"): that noun; "" for any other.
    qualifies: str = ""
    # A demonym sharing the noun of another one before or after it ("qatarie, égyptienne et américaine").
    shared: bool = False


ACTOR = RoleDecision("actor")

# A demonym on one of these names its country's capital ("la capitale russe", "the Russian capital").
_CAPITAL_NOUNS = frozenset({"capital", "capitale"})


def capital_word(noun: str) -> str:
    """The place_as of a demonym qualifying `noun`: "capital" for the word capital, else ""."""
    return "capital" if noun in _CAPITAL_NOUNS else ""
