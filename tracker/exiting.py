"""Leaving a finished CLI command without the interpreter's teardown.

When a command has finished (its database closed, its pool shut down, its output written), the
interpreter's own teardown still frees, one object at a time, everything the ~1,000 modules it
imported hold (SQLAlchemy, Alembic, pandas, spaCy and its models): 0.3-0.4 s of CPU at the end of
`tracker ingest corpus/` (measured: the time from the last exit handler to the process's end),
after the work is done and before the shell gets its prompt back. The operating system takes the
memory back at once, so none of it is needed.

So `tracker` ends as the interpreter would, up to that teardown: the exit handlers run
(multiprocessing's, logging's, temporary folders'), standard output and error are flushed, then
the process ends with the command's status (os._exit), or with 120 when that output could not be
written (a full disk), as the interpreter does. Not when another non-daemon thread is still
alive (the interpreter would wait for it) nor when the exit carries a message rather than a
status (the interpreter prints it): those exits take the usual way.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading


def exit_without_teardown(code: object) -> None:
    """End the process now with `code` (a SystemExit's) as the interpreter would, less its teardown;
    return (for the usual exit) when that is not safe."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # a message: the interpreter prints it and exits with 1
        return
    if any(thread is not threading.main_thread() and not thread.daemon and thread.is_alive()
           for thread in threading.enumerate()):
        return  # the interpreter would wait for it
    atexit._run_exitfuncs()  # what the interpreter runs first on exit, in the same order
    os._exit(status if flush_output() else 120)


def flush_output() -> bool:
    """Flush standard output and error as the interpreter does at exit: False when output could not
    be written (a full disk, /dev/full), after saying so on standard error, as CPython does (which
    then exits with 120). A reader that left (a closed pipe) or a stream closed or gone is no failure."""
    written = True
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            pass
        except OSError as exc:
            written = False
            with contextlib.suppress(Exception):  # as CPython words it, on the stream still open
                os.write(2, f"Exception ignored on flushing sys.{'stdout' if stream is sys.stdout else 'stderr'}:\n"
                            f"{type(exc).__name__}: {exc}\n".encode())
        except (AttributeError, ValueError):
            pass
    return written
