"""Imported only by the scoring pool's fork server (tracker.ingest.pool), never by the rest of the code.

Importing it loads what the workers need (spaCy, the scorer's modules, the lexicon, the language
identifier: tracker.ingest.pool.preload; then the models and the tables the first articles
build: tracker.ingest.pool.warm_up) once, in the fork server; every pool worker then forks from it
with all of that already in memory (shared copy-on-write) instead of loading it again.
Both models (tracker.ingest.pool.PRELOADED_LANGUAGES): with French alone, every worker that met English
(stated or not, a quoted paragraph included) loaded its own copy (tracker.ingest.pool's docstring).
Measured: results equal to the in-process scorer's.
"""

import atexit
import contextlib
import sys

from tracker.exiting import exit_without_teardown
from tracker.gc_tuning import collect_less, long_lived

collect_less()  # before the imports and the models; the workers fork from this server: its pace is theirs

from tracker.ingest.pool import PRELOADED_LANGUAGES, preload, warm_up  # noqa: E402 -- after collect_less

# A preload that raises kills the fork server; each worker's initializer meets the same error
# and reports it where the analyst sees it.
with contextlib.suppress(Exception), long_lived():  # the workers' collections never walk (nor write) it
    preload()
for _lang in PRELOADED_LANGUAGES:  # one at a time: a missing model is only reported by the worker sent that language
    with contextlib.suppress(Exception), long_lived():
        warm_up(languages=[_lang])


def _end_without_teardown() -> None:
    """The fork server ends when the process that started it does (its pipe closes). Its teardown
    would then free spaCy's and the scorer's objects one by one (0.2-0.4 s), and whatever reads that
    process's output waits for it too (the fork server holds its standard error: a pipe, a test,
    bench/startup.py): so the exit handlers run, then the server ends (tracker/exiting.py), with the
    status it was ending with: 1 after an uncaught exception (its traceback already printed)."""
    atexit.unregister(_end_without_teardown)  # the other handlers run once, from here
    exit_without_teardown(1 if _raised else 0)


_raised = False
_previous_excepthook = sys.excepthook


def _note_uncaught(kind, value, traceback) -> None:
    """An exception no one caught ends the server: its status is 1, as the interpreter's would be."""
    global _raised
    _raised = True
    _previous_excepthook(kind, value, traceback)


sys.excepthook = _note_uncaught
atexit.register(_end_without_teardown)  # the last registered: the first to run, at the server's exit
