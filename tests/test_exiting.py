"""Ending a finished command without the interpreter's teardown (tracker/exiting.py), and the scoring
pool's lanes closed at once (tracker.ingest.pool.ProcessBackend.close).

Each exit runs in a fresh interpreter: what is checked is how that process ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tracker.ingest.pool import ProcessBackend

ROOT = Path(__file__).resolve().parents[1]
# buffered output, as a command's usually is (PYTHONUNBUFFERED would write each print at once)
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}, "PYTHONPATH": str(ROOT)}

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


def _end(*args: str, **streams) -> subprocess.CompletedProcess:
    streams = streams or {"capture_output": True}
    return subprocess.run([sys.executable, "-c", ENDING, *args], env=ENV, text=True, timeout=60, **streams)


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

    def __init__(self, fails: bool = False, interrupted: bool = False):
        self.fails = fails
        self.interrupted = interrupted
        self.closed: tuple[float, float, bool] | None = None

    def close(self, *, cancel: bool = False) -> None:
        start = time.perf_counter()
        time.sleep(0.4)
        self.closed = (start, time.perf_counter(), cancel)
        if self.interrupted:
            raise KeyboardInterrupt
        if self.fails:
            raise RuntimeError(f"worker gone {id(self)}")


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


def test_a_lane_that_fails_to_close_is_reported_after_the_others_closed():
    lanes = [_SlowLane(), _SlowLane(fails=True)]
    with pytest.raises(RuntimeError, match="worker gone"):
        _backend(lanes).close()
    assert all(lane.closed is not None for lane in lanes)


def test_output_that_cannot_be_written_is_reported_and_ends_with_120_as_the_interpreter_does():
    with open("/dev/full", "w") as full:  # every write: "No space left on device"
        done = _end("0", stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 120
    assert "No space left on device" in done.stderr


def test_a_reader_that_left_is_no_failure():
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the process writes (a `| head` that ended)
    try:
        done = _end("3", stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)
    assert done.returncode == 3 and done.stderr == ""


@pytest.mark.parametrize(("ending", "status"), [("", 0), ("raise RuntimeError('preload test')", 1)])
def test_the_fork_servers_exit_runs_the_handlers_and_keeps_its_status(ending, status):
    # the fork server imports tracker.ingest.pool_preload; its own exit is the one checked
    script = ("import atexit\natexit.register(lambda: print('handler ran'))\n"
              f"import tracker.ingest.pool_preload\n{ending}\n")
    done = subprocess.run([sys.executable, "-c", script], env=ENV, capture_output=True, text=True, timeout=120)
    assert done.returncode == status
    assert done.stdout.split() == ["handler", "ran"]
    assert ("preload test" in done.stderr) == bool(status)


def test_a_ctrl_c_while_closing_is_what_goes_on_and_a_lanes_failure_is_logged(caplog):
    lanes = [_SlowLane(interrupted=True), _SlowLane(fails=True)]
    with pytest.raises(KeyboardInterrupt):
        _backend(lanes).close()
    assert all(lane.closed is not None for lane in lanes)  # the others closed before it went on
    assert "worker gone" in caplog.text


def test_every_lane_that_fails_to_close_is_told(caplog):
    lanes = [_SlowLane(fails=True), _SlowLane(fails=True), _SlowLane(fails=True)]
    with pytest.raises(RuntimeError, match="worker gone") as raised:
        _backend(lanes).close()
    logged = caplog.text
    assert logged.count("worker gone") == 2 and str(raised.value) not in logged
