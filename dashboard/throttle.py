"""Failed sign-ins counted per key (the client's address, the user name) over a sliding window.

Past a key's limit, further attempts under that key wait until its oldest counted failure leaves
the window, right password or not: guessing is slowed to a few tries per minute per name. Held in
memory per server process (a restart forgets it), bounded in size.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    failures: int  # this many failures within the window ...
    window_seconds: float  # ... and the next attempt waits


class FailureThrottle:
    """Counts failures per (kind, value) key; ``limits`` gives each kind its Limit."""

    MAX_KEYS = 10_000  # a flood of distinct names cannot grow it without bound

    def __init__(self, limits: dict[str, Limit], clock: Callable[[], float] = time.monotonic):
        self._limits = limits
        self._clock = clock
        self._failures: dict[tuple[str, Hashable], deque[float]] = {}
        self._lock = threading.Lock()

    def wait_seconds(self, **keys: Hashable) -> float:
        """How long before another attempt under these keys (kind=value) is heard; 0 when now."""
        now = self._clock()
        wait = 0.0
        with self._lock:
            for kind, value in keys.items():
                limit = self._limits[kind]
                times = self._recent((kind, value), now)
                if len(times) >= limit.failures:
                    wait = max(wait, times[-limit.failures] + limit.window_seconds - now)
        return wait

    def failed(self, **keys: Hashable) -> None:
        now = self._clock()
        with self._lock:
            if len(self._failures) >= self.MAX_KEYS:
                self._prune(now)
            for kind, value in keys.items():
                times = self._failures.setdefault((kind, value), deque(maxlen=self._limits[kind].failures))
                times.append(now)

    def forget(self, **keys: Hashable) -> None:
        with self._lock:
            for kind, value in keys.items():
                self._failures.pop((kind, value), None)

    def _recent(self, key: tuple[str, Hashable], now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        window = self._limits[key[0]].window_seconds
        while times and times[0] <= now - window:
            times.popleft()
        return times

    def _prune(self, now: float) -> None:
        for key in list(self._failures):
            if not self._recent(key, now):
                del self._failures[key]
        while len(self._failures) >= self.MAX_KEYS:  # all recent: drop the oldest keys
            del self._failures[next(iter(self._failures))]
