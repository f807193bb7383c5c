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


ACTOR = RoleDecision("actor")
