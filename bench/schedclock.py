"""Where an ingest's processes spend their time, from the kernel's per-thread counters
(/proc/PID/task/TID/schedstat): on a core, waiting for a core, or asleep (waiting for work, a pipe,
a lock, a future).

Why: the machine the benches run on is shared, and Linux's autogroup scheduling (on by default)
shares the cores between sessions, not between processes. An ingest started while another session
keeps the cores busy gets its session's share, about the same CPU per second whether it runs one
process or three: measured on 400 dense articles at load 5, `--workers 1` ran 0.45 of a core and
`--workers 2` two workers at 0.2 each, never asleep. Its wall time then says nothing of the pool.
What does not depend on the rest of the machine: the time the workers spent asleep (the pool
failed to feed them), and the wall time the run would take on idle cores, estimated step by step
from the CPU each process used (`idle_wall`).
"""

from __future__ import annotations

import bisect
import os
import threading
import time
from dataclasses import dataclass, field

STEP = 0.2  # seconds between samples: a few file reads per thread, ~1 ms of CPU


@dataclass
class Sample:
    at: float  # seconds since the clock started
    cpu: float  # the process's CPU seconds, all its threads (the sampling thread excepted)
    main_cpu: float  # its main thread's CPU seconds
    main_runq: float  # and the seconds that thread waited for a core


def read_process(pid: int, skip_tid: int | None = None) -> tuple[float, float, float] | None:
    """(CPU of all threads, main thread's CPU, main thread's run-queue wait) in seconds, or None
    when the process has ended."""
    cpu = main_cpu = main_runq = 0.0
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    for tid in tids:
        if skip_tid is not None and int(tid) == skip_tid:
            continue
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                run_ns, wait_ns, _slices = f.read().split()
        except (OSError, ValueError):
            continue  # a thread that just ended
        cpu += int(run_ns) / 1e9
        if int(tid) == pid:
            main_cpu, main_runq = int(run_ns) / 1e9, int(wait_ns) / 1e9
    return cpu, main_cpu, main_runq


def children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                found += [int(child) for child in f.read().split()]
    except OSError:
        pass
    return found


@dataclass
class SchedClock:
    """Samples this process and its descendants every STEP seconds, in a thread (a context manager)."""

    root: int = field(default_factory=os.getpid)
    samples: dict[int, list[Sample]] = field(default_factory=dict)
    parents: dict[int, int] = field(default_factory=dict)  # pid -> the pid that started it

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="schedclock")
        self._start = time.perf_counter()
        self._own_tid: int | None = None

    def __enter__(self) -> SchedClock:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()  # the last step: up to the end of the run

    def _run(self) -> None:
        self._own_tid = threading.get_native_id()
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(STEP)

    def sample(self) -> None:
        now = time.perf_counter() - self._start
        todo = [self.root]
        while todo:
            pid = todo.pop()
            read = read_process(pid, self._own_tid if pid == self.root else None)
            if read is None:
                continue
            self.samples.setdefault(pid, []).append(Sample(now, *read))
            for child in children(pid):
                self.parents.setdefault(child, pid)
                todo.append(child)

    def workers(self) -> list[int]:
        """The scoring workers: forked by a process the run started (the fork server), not by the run."""
        return [pid for pid, parent in self.parents.items() if parent != self.root]

    def summary(self, cores: int) -> dict:
        """CPU and run-queue seconds over every process, the workers' time asleep, and idle_wall."""
        last = {pid: series[-1] for pid, series in self.samples.items()}
        asleep = 0.0
        for pid in self.workers():
            series = self.samples[pid]
            life = series[-1].at - series[0].at
            asleep += max(0.0, life - (series[-1].main_cpu - series[0].main_cpu)
                          - (series[-1].main_runq - series[0].main_runq))
        return {
            "sched_cpu_seconds": sum(s.cpu for s in last.values()) - self._first_cpu(self.root),
            "runq_seconds": sum(s.main_runq for s in last.values()) - self._first_runq(self.root),
            "workers_asleep_seconds": asleep,
            "idle_wall_seconds": idle_wall(self.samples, cores),
        }

    def _first_cpu(self, pid: int) -> float:
        return self.samples[pid][0].cpu if pid in self.samples else 0.0

    def _first_runq(self, pid: int) -> float:
        return self.samples[pid][0].main_runq if pid in self.samples else 0.0


def idle_wall(samples: dict[int, list[Sample]], cores: int) -> float:
    """The wall time these processes would have taken on `cores` idle cores, step by step: a step
    takes the CPU of its busiest process, or all their CPU shared over the cores if that is longer;
    and its time with no process runnable (all asleep: waiting on the disk, a timer) as it was.
    An estimate: a process's CPU within a step is taken to be free of waits on the others."""
    times = sorted({s.at for series in samples.values() for s in series})
    index = {pid: [s.at for s in series] for pid, series in samples.items()}

    def at(pid: int, t: float) -> Sample | None:
        i = bisect.bisect_right(index[pid], t) - 1
        return samples[pid][i] if i >= 0 else None

    total = 0.0
    for a, b in zip(times, times[1:], strict=False):
        used, runnable = [], 0.0
        for pid in samples:
            start, end = at(pid, a), at(pid, b)
            if end is None:
                continue  # not started yet
            if start is None:  # started within the step: its CPU since its start, and taken as runnable
                used.append(end.cpu)
                runnable = 1.0
                continue
            used.append(end.cpu - start.cpu)
            runnable = max(runnable, (end.main_cpu + end.main_runq - start.main_cpu - start.main_runq) / (b - a))
        total += max(max(used, default=0.0), sum(used) / cores) + max(0.0, 1.0 - runnable) * (b - a)
    return total
