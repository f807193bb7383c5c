"""Settling: a dropped file is read only once its size and modification time have stopped changing."""

from __future__ import annotations

import threading
import time
from pathlib import Path

DEFAULT_DEBOUNCE = 0.5  # seconds a file must stay unchanged before it is read


# An empty file is often a file just created by a slow writer: give it longer before rejecting it.
EMPTY_GRACE_FACTOR = 4


class Settling:
    """Files seen in the inbox and since when their size and mtime have not changed."""

    def __init__(self, debounce: float):
        self.debounce = debounce
        self._lock = threading.Lock()
        # path -> ((size, mtime_ns) last seen, monotonic time it was first seen so, not before)
        self._files: dict[Path, tuple[tuple[int, int] | None, float, float]] = {}

    def touch(self, path: Path) -> None:
        with self._lock:
            if path not in self._files:
                self._files[path] = (None, time.monotonic(), 0.0)

    def retry_later(self, path: Path, delay: float) -> None:
        with self._lock:
            self._files[path] = (None, time.monotonic(), time.monotonic() + delay)

    def pending(self) -> bool:
        with self._lock:
            return bool(self._files)

    def next_check(self, tick: float) -> float:
        return tick if self.pending() else max(tick, 1.0)

    def ready(self) -> list[Path]:
        now = time.monotonic()
        settled = []
        with self._lock:
            for path, (signature, since, not_before) in list(self._files.items()):
                if now < not_before:
                    continue
                try:
                    stat = path.lstat()  # a link settles by its own date: it is never followed
                except OSError:
                    del self._files[path]  # gone: moved away by the writer or another process
                    continue
                current = (stat.st_size, stat.st_mtime_ns)
                if current != signature:
                    self._files[path] = (current, now, not_before)
                    continue
                wait = self.debounce * (EMPTY_GRACE_FACTOR if stat.st_size == 0 else 1)
                if now - since >= wait:
                    settled.append((stat.st_mtime_ns, path))
                    del self._files[path]
        return [path for _, path in sorted(settled)]
