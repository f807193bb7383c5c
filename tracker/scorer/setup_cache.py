"""Set-up the scorer computes once and later processes read back in milliseconds.

The cue patterns reduced to their keys (tens of thousands of phrases through the tokenizer and the
lemma tables) and the lemma tables themselves cost seconds before the first article. `cached`
keeps such plain data (str, int, float, tuples, lists, dicts) in the user cache folder
(platformdirs; $TRACKER_SETUP_CACHE names another folder, or "off"), in `marshal` format (data
only: reading a file runs no code).

A file's name is a hash of everything its value depends on: the caller's inputs, this package's
code and data files (tracker/scorer, so any change to a rule or a word list makes a new key), and
the Python version. So a stale file is never read, only left behind: the last KEEP per name stay, and
the whole folder is held under MAX_BYTES, the least recently used files deleted first (a file read
is marked used), so that checkouts, versions and per-file names cannot fill the disk.
A file is written to a temporary name and renamed into place, so two processes starting at once
each build and write a whole file and a reader never sees half of one; a file that cannot be read,
or does not hold its key, is rebuilt. The cache is never required: any failure to read or write it
only costs the build.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from tracker.gc_tuning import long_lived

APP_NAME = "tension-tracker"  # the same folder name as the store's (tracker/store/db.py)
CACHE_ENV = "TRACKER_SETUP_CACHE"
OFF = ("off", "0", "no", "false")
FORMAT = "1"  # bump when the layout of the cached values changes
SUFFIX = ".marshal"
KEEP = 8  # files kept per name: several checkouts or versions on one machine do not evict each other
# The whole folder's cap. One set of the scorer's files is about 80 MB (half of it the language
# identifier's): room for about six sets, the ones in use kept (several checkouts or versions on one
# machine); names made per file (an analyst's lexicon files) escape KEEP, and this cap holds them.
MAX_BYTES = 512 * 1024 * 1024
PACKAGE_DIR = Path(__file__).parent

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The folder of the set-up cache, or None when switched off."""
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen.lower() in OFF:
        return None
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME)) / "setup"


@functools.cache
def code_fingerprint() -> str:
    """A hash of the scorer's code and data files (each file's path and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(name: str, inputs: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in (FORMAT, sys.version, code_fingerprint(), name, *inputs):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:32]


def cached(name: str, inputs: Iterable[str], build: Callable[[], T]) -> T:
    """`build()`, or its value as stored by an earlier process for the same name and inputs."""
    folder = cache_dir()
    if folder is None:
        return build()
    key = cache_key(name, inputs)
    path = folder / f"{name}-{key}{SUFFIX}"
    found = _read(path, key)
    if found is not None:
        return found[0]
    value = build()
    _write(folder, name, path, key, value)
    return value


def _read(path: Path, key: str) -> tuple[Any] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None  # absent or unreadable: rebuilt
    # Hundreds of thousands of new containers, none in a cycle, kept as long as the process: the
    # garbage collector would walk them again and again while they are made and afterwards, for
    # nothing (a 1 MB file read in 0.3 s instead of 0.03 s once the models are loaded): long_lived.
    try:
        with long_lived():
            stored = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None  # corrupt: rebuilt
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
        return None
    _mark_used(path)
    return (stored[1],)


def _mark_used(path: Path) -> None:
    """Its modification time set to now: the folder's cap deletes the least recently used first."""
    with contextlib.suppress(OSError):  # a read-only folder, or deleted meanwhile: only the order changes
        os.utime(path)


def _write(folder: Path, name: str, path: Path, key: str, value: Any) -> None:
    try:
        data = marshal.dumps((key, value))
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
    except (OSError, ValueError):
        return  # unwritable folder or a value marshal cannot hold: the next process builds again
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return
    _prune(folder, name)
    _cap(folder, path)


def _prune(folder: Path, name: str) -> None:
    """Keep the KEEP most recently used files of this name (a read marks a file used: it touches it)."""
    try:
        files = sorted(folder.glob(f"{name}-{'?' * 32}{SUFFIX}"), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in files[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first


def _cap(folder: Path, written: Path) -> None:
    """Delete the least recently used files until the folder holds at most MAX_BYTES; never the
    file just written."""
    entries = []
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            status = path.stat()
        except OSError:
            continue  # deleted meanwhile by another process
        entries.append((status.st_mtime, status.st_size, path))
    total = sum(size for _mtime, size, _path in entries)
    for _mtime, size, path in sorted(entries):
        if total <= MAX_BYTES:
            break
        if path == written:
            continue
        try:
            path.unlink(missing_ok=True)
        except OSError:
            continue
        total -= size
