"""Ending a finished command without the interpreter's teardown (tracker/exiting.py), and the scoring
pool's lanes closed at once (tracker.ingest.pool.ProcessBackend.close).

Each exit runs in a fresh interpreter: what is checked is how that process ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tracker.ingest.pool import ProcessBackend

ROOT = Path(__file__).resolve().parents[1]

# A process that leaves a trace of each way it may end: its exit handler, output still in its
# buffer (no newline, stdout a pipe), and an object the teardown would free (its __del__).
ENDING = """
import atexit, sys, threading, time
from tracker.exiting import exit_without_teardown
atexit.register(lambda: print("handler ran", end=" "))
class Freed:
    def __del__(self):
        sys.stdout.write("teardown ran ")
kept = Freed()
if "thread" in sys.argv:
    threading.Thread(target=lambda: (time.sleep(0.3), print("thread ended", end=" "))).start()
print("buffered", end=" ")
try:
    sys.exit(sys.argv[1] if sys.argv[1] == "message" else int(sys.argv[1]))
except SystemExit as done:
    exit_without_teardown(done.code)
    print("usual exit", end=" ")
    raise
"""


def _end(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", ENDING, *args], env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("status", [0, 3])
def test_a_finished_command_ends_with_its_status_handlers_run_and_output_flushed_without_teardown(status):
    done = _end(str(status))
    assert done.returncode == status
    assert done.stdout.split() == ["buffered", "handler", "ran"]  # no "teardown ran"


def test_a_thread_still_running_takes_the_usual_exit():
    done = _end("0", "thread")  # the interpreter waits for the thread; so must this exit
    assert done.returncode == 0
    assert "usual exit" in done.stdout and "thread ended" in done.stdout and "handler ran" in done.stdout


def test_an_exit_with_a_message_takes_the_usual_exit():
    done = _end("message")  # the interpreter prints the message and exits with 1
    assert done.returncode == 1
    assert "usual exit" in done.stdout and done.stderr.strip() == "message"


def test_the_cli_ends_with_its_status_and_output():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    shown = subprocess.run([sys.executable, "-m", "tracker.cli", "--version"], env=env, capture_output=True,
                           text=True, timeout=60)
    assert shown.returncode == 0 and shown.stdout.startswith("tracker, version")
    wrong = subprocess.run([sys.executable, "-m", "tracker.cli", "no-such-command"], env=env, capture_output=True,
                           text=True, timeout=60)
    assert wrong.returncode == 2 and "No such command" in wrong.stderr


class _SlowLane:
    """A lane whose worker takes a while to end."""

    def __init__(self, fails: bool = False):
        self.fails = fails
        self.closed: tuple[float, float, bool] | None = None

    def close(self, *, cancel: bool = False) -> None:
        start = time.perf_counter()
        time.sleep(0.4)
        self.closed = (start, time.perf_counter(), cancel)
        if self.fails:
            raise RuntimeError("worker gone")


def _backend(lanes: list[_SlowLane]) -> ProcessBackend:
    backend = ProcessBackend.__new__(ProcessBackend)  # no processes: only its closing is checked
    backend.lanes = lanes  # type: ignore[assignment]
    return backend


def test_the_pool_closes_its_lanes_at_once_not_one_after_the_other():
    lanes = [_SlowLane(), _SlowLane(), _SlowLane()]
    _backend(lanes).close(cancel=True)
    spans = [lane.closed for lane in lanes]
    assert all(span is not None and span[2] for span in spans)  # each told to cancel what waits
    assert max(s[0] for s in spans) < min(s[1] for s in spans)  # every close began before any ended
    assert threading.active_count() == 1 or all(not t.name.startswith("pool-close") for t in threading.enumerate())


def test_a_lane_that_fails_to_close_is_reported_after_the_others_closed():
    lanes = [_SlowLane(), _SlowLane(fails=True)]
    with pytest.raises(RuntimeError, match="worker gone"):
        _backend(lanes).close()
    assert all(lane.closed is not None for lane in lanes)
