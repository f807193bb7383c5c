"""How `tracker watch` stops: Ctrl+C after the file being read, SIGTERM at once, and by force if need be.

- Ctrl+C (SIGINT): the file being read is finished (stored, moved, reported); a second Ctrl+C stops
  at once.
- SIGTERM (a service manager, a shutdown) waits for no file: the one being read stays in the inbox
  and is read again at the next start (its articles stored so far are duplicates then). Once the
  database is closed the process ends without the interpreter's slow teardown.
- Python runs signal handlers only in the main thread between two bytecodes, and a C call can hold
  it for long (SQLite waits up to 30 s for a lock another process holds). So the signals also wake
  a thread of their own (signal.set_wakeup_fd), which ends the process at a second SIGTERM, or when
  the first has not stopped it within GRACE_SECONDS: as a kill would, which the drop folder is
  built to survive (one transaction per article; the file stays in the inbox).
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator

from tracker.exiting import exit_without_teardown, flush_output

GRACE_SECONDS = 3.0
FORCED_EXIT_STATUS = 128 + signal.SIGTERM  # what a shell shows for a process ended by SIGTERM


@contextlib.contextmanager
def stop_signals(stop: Callable[[], None]) -> Iterator[list[int]]:
    """Within: SIGINT and SIGTERM call stop() as above, and the KeyboardInterrupt that ends the block
    at once ends it quietly; yields the signals received, in order."""
    received: list[int] = []

    def after_this_file(signum, _frame) -> None:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # a second Ctrl+C stops at once
        received.append(signum)
        stop()

    def at_once(signum, _frame) -> None:
        received.append(signum)
        stop()
        raise KeyboardInterrupt

    previous = {signal.SIGINT: signal.signal(signal.SIGINT, after_this_file),
                signal.SIGTERM: signal.signal(signal.SIGTERM, at_once)}
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    previous_wakeup = signal.set_wakeup_fd(wake_write, warn_on_full_buffer=False)
    done = threading.Event()
    enforcer = threading.Thread(target=_enforce, args=(wake_read, done), name="stop-enforcer", daemon=True)
    enforcer.start()
    try:
        yield received
    except KeyboardInterrupt:
        pass
    finally:
        signal.set_wakeup_fd(previous_wakeup)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        done.set()
        with contextlib.suppress(OSError):
            os.write(wake_write, b"\0")
        enforcer.join()
        os.close(wake_read)
        os.close(wake_write)


def exit_after_sigterm(received: list[int], close: Callable[[], None]) -> None:
    """After a SIGTERM: close (the database), then end the process without the interpreter's
    teardown, which took 11 s for the models and lexicon on a loaded machine (the stop itself 0.1 s).

    It ends as any finished command does (tracker/exiting.py): the exit handlers run (logging's, which
    writes what is still buffered for the service manager's journal; temporary folders'), output is
    flushed, a failed flush is reported (status 120). Where exit_without_teardown would wait for a
    thread still running, a SIGTERM does not: the output is flushed and the process ends."""
    if signal.SIGTERM not in received:
        return
    close()
    exit_without_teardown(0)
    os._exit(0 if flush_output() else 120)


def _enforce(wake: int, done: threading.Event) -> None:
    """Read the signals' numbers as they arrive; end the process at a second SIGTERM, or
    GRACE_SECONDS after the first if the main thread is still in the way."""
    first_term: float | None = None
    while True:
        timeout = None if first_term is None else max(0.0, first_term + GRACE_SECONDS - time.monotonic())
        ready, _, _ = select.select([wake], [], [], timeout)
        if done.is_set():
            return
        if not ready:
            _force(f"still busy {GRACE_SECONDS:.0f} s after SIGTERM")
        for signum in os.read(wake, 64):
            if signum != signal.SIGTERM:
                continue
            if first_term is not None:
                _force("a second SIGTERM")
            first_term = time.monotonic()


def _force(why: str) -> None:
    with contextlib.suppress(OSError):
        os.write(2, f"Stopped by force ({why}); the file being read stays in the inbox.\n".encode())
    os._exit(FORCED_EXIT_STATUS)
