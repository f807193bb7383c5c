"""The collector's pace (tracker/gc_tuning.py): what is built once and kept is frozen, not walked."""

from __future__ import annotations

import gc

import pytest

from tracker.gc_tuning import long_lived


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()  # give the test run its objects back to the collector


def test_what_a_long_lived_block_builds_is_frozen_and_collection_resumes(unfrozen):
    assert gc.isenabled()
    before = gc.get_freeze_count()
    with long_lived():
        assert not gc.isenabled()  # no collection while the block builds
        kept = [{"word": [i]} for i in range(1000)]  # invented data
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(kept)


def test_a_disabled_collector_stays_disabled(unfrozen):
    gc.disable()
    try:
        with long_lived():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_resumes_when_the_block_fails(unfrozen):
    with pytest.raises(ValueError), long_lived():
        raise ValueError("invented failure")
    assert gc.isenabled()
