"""catalogue's entry-point look-ups answered from an index by group.

catalogue (spaCy's and thinc's registries, srsly's msgpack decoders) reads the installed entry
points once, at import, then selects those of a group at every registry access: srsly does it for
each msgpack blob it unpacks, spaCy for each factory and architecture it resolves. Loading the two
models makes ~370 such selections, each testing every entry point with EntryPoint.matches
(0.15-0.35 s of every start). `index_entry_points` gives catalogue the same entry points, whose
`select(group=...)` returns what the plain one returns (the entry points of that group, in their
order) from a dict built once; any other selection goes through the plain one.
"""

from __future__ import annotations

from importlib.metadata import EntryPoints
from typing import Any

import catalogue


class GroupIndexedEntryPoints(EntryPoints):
    """EntryPoints whose selection by group alone is a dict look-up."""

    __slots__ = ()
    by_group: dict[str, EntryPoints] = {}  # filled once, for the one instance catalogue holds

    def select(self, **params: Any) -> EntryPoints:
        if params.keys() == {"group"}:
            return self.by_group.get(params["group"], EntryPoints())
        return super().select(**params)


def index_entry_points() -> None:
    """Once per process, before the models load. catalogue holds what `entry_points()` returned:
    EntryPoints, or on Python 3.11 SelectableGroups (a dict by group whose `select` chains all the
    groups again at every call); anything else is left alone."""
    found = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if isinstance(found, GroupIndexedEntryPoints):
        return
    if isinstance(found, dict) and hasattr(found, "select"):
        every = [entry_point for members in dict.values(found) for entry_point in members]  # no deprecation warning
    elif isinstance(found, EntryPoints):
        every = list(found)
    else:
        return
    groups: dict[str, list[Any]] = {}
    for entry_point in every:
        groups.setdefault(entry_point.group, []).append(entry_point)
    GroupIndexedEntryPoints.by_group = {group: EntryPoints(members) for group, members in groups.items()}
    catalogue.AVAILABLE_ENTRY_POINTS = GroupIndexedEntryPoints(every)
