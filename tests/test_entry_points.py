"""catalogue's entry points indexed by group (tracker/scorer/entry_points.py): the same selections."""

from __future__ import annotations

from importlib.metadata import entry_points

import catalogue

from tracker.scorer.entry_points import GroupIndexedEntryPoints, index_entry_points


def test_every_group_selects_the_same_entry_points_in_the_same_order():
    plain = entry_points()
    groups = {ep.group for ep in plain.select()} if not isinstance(plain, dict) else set(dict.keys(plain))
    index_entry_points()
    indexed = catalogue.AVAILABLE_ENTRY_POINTS
    assert isinstance(indexed, GroupIndexedEntryPoints)
    for group in [*groups, "no-such-group"]:
        assert list(indexed.select(group=group)) == list(plain.select(group=group))
    name = next(ep.name for ep in indexed)  # another selection goes through the plain one
    assert list(indexed.select(name=name)) == list(plain.select(name=name))
    index_entry_points()  # a second call keeps the index
    assert catalogue.AVAILABLE_ENTRY_POINTS is indexed
