"""The garbage collector's pace for the tracker's processes (the CLI and the scoring pool's workers).

A start makes millions of objects that live as long as the process (spaCy's modules and models, the
lexicon, the gazetteer). At Python's default pace (a collection every 700 new objects, each older
generation every 10 collections of the younger) the collector walked them ~700 times during a
`tracker explain`: 0.6 s of its 4 s. Every 50,000 new objects it walks them ~40 times (0.2 s).
Cycles are still collected, a little later; memory hardly changes.
"""

from __future__ import annotations

import gc

GC_THRESHOLDS = (50_000, 20, 20)


def collect_less() -> None:
    gc.set_threshold(*GC_THRESHOLDS)
