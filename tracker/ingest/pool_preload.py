"""Imported only by the scoring pool's fork server (tracker.ingest.pool), never by the rest of the code.

Importing it loads the models, the lexicon's matchers and the date tables once, in the fork server;
every pool worker then forks from it with all of that already in memory (shared copy-on-write)
instead of loading it again: the pool is ready in the time one process takes to load, and two
workers cost little more memory than one. Measured: results equal to the in-process scorer's.
"""

import contextlib

from tracker.gc_tuning import collect_less, long_lived

collect_less()  # before the imports and the models; the workers fork from this server: its pace is theirs

from tracker.ingest.pool import warm_up  # noqa: E402 -- after collect_less

# A preload that raises kills the fork server; each worker's initializer meets the same error
# (e.g. the French model is missing) and reports it where the analyst sees it.
with contextlib.suppress(Exception), long_lived():  # the workers' collections never walk (nor write) it
    warm_up()
