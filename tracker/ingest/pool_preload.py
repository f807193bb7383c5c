"""Imported only by the scoring pool's fork server (tracker.ingest.pool), never by the rest of the code.

Importing it loads what every worker needs whatever language it reads (spaCy, the scorer's modules,
the lexicon, the language identifier: tracker.ingest.pool.preload) once, in the fork server; every
pool worker then forks from it with all of that already in memory (shared copy-on-write) instead of
loading it again. The models are not loaded here: each worker loads a language's model when it is
first sent an article in that language, so that on a corpus in two languages the two models load at
once in two processes rather than one after the other before any worker starts (ProcessBackend).
Measured: results equal to the in-process scorer's.
"""

import contextlib

from tracker.gc_tuning import collect_less, long_lived

collect_less()  # before the imports and the models; the workers fork from this server: its pace is theirs

from tracker.ingest.pool import preload  # noqa: E402 -- after collect_less

# A preload that raises kills the fork server; each worker's initializer meets the same error
# and reports it where the analyst sees it.
with contextlib.suppress(Exception), long_lived():  # the workers' collections never walk (nor write) it
    preload()
