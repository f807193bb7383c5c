"""The garbage collector's pace for the tracker's processes (the CLI and the scoring pool's workers).

A start makes millions of objects that live as long as the process (spaCy's modules and models, the
lexicon, the gazetteer). At Python's default pace (a collection every 700 new objects, each older
generation every 10 collections of the younger) the collector walked them ~700 times during a
`tracker explain`: 0.6 s of its 4 s. Every 50,000 new objects it walks them ~40 times (0.2 s).
Cycles are still collected, a little later; memory hardly changes.

`long_lived` goes further for what is built once and kept (a language model): no collection while
it is built (its objects are young, so each collection would walk them all), and its objects are
then frozen (gc.freeze: moved out of the generations the collector walks), so later collections
walk only what the articles make. In the fork server, frozen objects are also never written to by
a collection, so the workers' copies of the models' memory pages stay shared.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

GC_THRESHOLDS = (50_000, 20, 20)


def collect_less() -> None:
    gc.set_threshold(*GC_THRESHOLDS)


@contextmanager
def long_lived() -> Iterator[None]:
    """Build objects that live as long as the process: no collection meanwhile, frozen afterwards."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()  # everything tracked so far: what the block built, and what came before it
            gc.enable()
