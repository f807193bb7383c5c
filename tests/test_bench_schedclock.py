"""bench/schedclock.py: the estimate of an ingest's wall time on idle cores, and its per-process counters.

The estimate is what bench/ingest.py compares `--workers 1` and `--workers 2` on when the shared
machine's other sessions take the cores (its wall times then measure the machine, not the pool).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from schedclock import STEP, Sample, SchedClock, idle_wall  # noqa: E402

pytestmark = pytest.mark.skipif(not Path("/proc/self/schedstat").exists(), reason="Linux schedstat only")


def steady(cpu_per_second: float, runq_per_second: float, seconds: int, start: float = 0.0) -> list[Sample]:
    """A process sampled once a second, using this much CPU and waiting this long for a core each second."""
    return [Sample(start + t, cpu_per_second * t, cpu_per_second * t, runq_per_second * t) for t in range(seconds + 1)]


def test_one_process_starved_by_the_machine_takes_its_cpu_time():
    # 10 s of wall at a third of a core (the rest waiting for one): 3.3 s on an idle core.
    assert idle_wall({1: steady(1 / 3, 2 / 3, 10)}, cores=2) == pytest.approx(10 / 3)


def test_two_workers_share_two_idle_cores():
    # A parent asleep (waiting on its workers) and two workers at a fifth of a core each for 10 s:
    # 2 s of CPU each, side by side on two idle cores.
    samples = {1: steady(0.0, 0.0, 10), 2: steady(0.2, 0.8, 10), 3: steady(0.2, 0.8, 10)}
    assert idle_wall(samples, cores=2) == pytest.approx(2.0)
    # One core: their CPU adds up.
    assert idle_wall(samples, cores=1) == pytest.approx(4.0)


def test_time_with_nothing_runnable_is_kept():
    # 4 s where the one process sleeps (a disk, a timer): as long on idle cores.
    assert idle_wall({1: steady(0.0, 0.0, 4)}, cores=2) == pytest.approx(4.0)


def test_a_process_started_mid_run_counts_its_first_cpu():
    # The second process appears at 5 s with 1 s of CPU used already (its start-up), then runs at
    # half a core (the other half waiting for one).
    late = [Sample(5 + t, 1.0 + 0.5 * t, 1.0 + 0.5 * t, 0.5 * t) for t in range(6)]
    samples = {1: steady(0.0, 0.0, 10), 2: late}
    # Steps 0-4: nothing runnable (4 s); step 4-5: its first second of CPU; steps 5-10: 0.5 s each.
    assert idle_wall(samples, cores=2) == pytest.approx(4 + 1 + 5 * 0.5)


def test_clock_sees_a_busy_child_and_a_sleeping_grandchild():
    # A child that burns CPU and starts a grandchild that sleeps: the grandchild is a "worker"
    # (started by a process the run started) and its time is asleep, not on a core.
    script = ("import subprocess, sys, time\n"
              "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(1.5)'])\n"
              "end = time.process_time() + 0.6\n"
              "while time.process_time() < end: pass\n"
              "p.wait()\n")
    with SchedClock() as clock:
        subprocess.run([sys.executable, "-c", script], check=True)
        time.sleep(2 * STEP)
    summary = clock.summary(cores=2)
    assert summary["sched_cpu_seconds"] >= 0.6
    assert len(clock.workers()) == 1
    assert summary["workers_asleep_seconds"] >= 0.5
