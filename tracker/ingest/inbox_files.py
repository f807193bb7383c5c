"""The inbox's files on disk: moving without overwriting, writing without showing a partial file,
reason files, safe names, and the claims and locks that keep one file in one reader's hands."""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from tracker.ingest.inprocess import DUPLICATE, REJECTED, STORED, Outcome, has_control, is_temporary
from tracker.readers import safeopen

ARCHIVE_DIR = "archive"
REJECTED_DIR = "rejected"
INBOX_DIR = "inbox"
REASON_SUFFIX = ".reason.txt"


def move_without_overwrite(source: Path, folder: Path, name: str | None = None) -> Path:
    """Move ``source`` into ``folder`` under its name (or ``name``), or "name (2).ext" etc. when
    that is taken.

    A hard link then an unlink makes "is the name free?" and "take it" one step, so two
    processes moving files at once cannot overwrite each other.
    """
    folder.mkdir(parents=True, exist_ok=True)
    wanted = Path(name or source.name)
    for number in itertools.count(1):
        target = folder / (wanted.name if number == 1 else f"{wanted.stem} ({number}){wanted.suffix}")
        try:
            os.link(source, target, follow_symlinks=False)  # a link moves as a link, never its target
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links (some network shares, FAT)
            if os.path.lexists(target):
                continue
            os.replace(source, target)
            return target
        os.unlink(source)
        return target
    raise AssertionError("unreachable")


def write_hidden(folder: Path, data: bytes, *, mtime: float | None = None) -> Path:
    """Write ``data`` under a dot-name in ``folder``: the watcher and the analyst ignore it."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".incoming.{os.getpid()}.{threading.get_ident()}.{time.monotonic_ns()}.part"
    try:
        with open(temporary, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mtime is not None:
            os.utime(temporary, (mtime, mtime))
    except BaseException:  # a full disk: no hidden half-file left behind per retry
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def publish(temporary: Path, target: Path) -> Path:
    """Give a hidden file its name (or "name (2)" ...) in one step, never overwriting."""
    try:
        return move_without_overwrite(temporary, target.parent, target.name)
    finally:
        temporary.unlink(missing_ok=True)


def write_new_file(target: Path, data: bytes, *, mtime: float | None = None) -> Path:
    """Write ``data`` to ``target`` (or "target (2)" when taken) without ever showing a partial file."""
    return publish(write_hidden(target.parent, data, mtime=mtime), target)


def reason_text(name: str, outcomes: list[Outcome], *, rejected: bool) -> str:
    now = datetime.now().strftime("%Y-%m-%d %H:%M")
    bad = [o for o in outcomes if o.outcome == REJECTED]
    stored = sum(o.outcome == STORED for o in outcomes)
    duplicates = sum(o.outcome == DUPLICATE for o in outcomes)
    if rejected and len(bad) == 1 and bad[0].record is None:
        head = f"{name} was set aside on {now}; nothing from it was stored.\n\nWhy: {bad[0].reason}\n"
    else:
        kept = f"{stored} article{'s' * (stored != 1)} stored, {duplicates} already stored" if not rejected else "nothing from it was stored"
        lines = [f"- {o.record or 'the file'}: {o.reason}" for o in bad]
        head = f"{name} was read on {now}: {kept}. These parts were not read:\n\n" + "\n".join(lines) + "\n"
    return head + (
        "\nThe file is kept here. Fix it as said above and drop it into the inbox again "
        "(articles already stored are recognised and not stored twice).\n"
    )


# ----------------------------------------------------------------------------- claims and locks


# Files being processed in this process: the watcher thread and a dashboard upload must not both
# take the same file. (Another process racing on it is safe too: the store refuses a second copy
# and the second move finds the file gone.)
_CLAIMED: set[Path] = set()
_CLAIMS_LOCK = threading.Lock()
# spaCy pipelines are not promised to be thread-safe, and scoring is CPU-bound anyway.
PROCESS_LOCK = threading.Lock()


@contextlib.contextmanager
def claim(path: Path) -> Iterator[bool]:
    key = path.absolute()
    with _CLAIMS_LOCK:
        if key in _CLAIMED:
            claimed = False
        else:
            _CLAIMED.add(key)
            claimed = True
    try:
        yield claimed
    finally:
        if claimed:
            with _CLAIMS_LOCK:
                _CLAIMED.discard(key)


# A name longer than this (in bytes) is renamed before it is read: " (99)" and ".reason.txt" must
# still fit in the file system's 255 bytes when the file moves.
MAX_NAME_BYTES = 200


def unsafe_name(name: str) -> bool:
    """Whether a file name holds undecodable bytes, control, escape or direction characters, or is too long."""
    return has_control(name) or len(os.fsencode(name)) > MAX_NAME_BYTES


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[bool]:
    """An exclusive lock on the file itself, held while it is read and moved: a second watcher on the
    same inbox skips it (instead of reading it again and logging its articles as duplicates), and
    finds it gone once the first one has moved it. True when the lock is ours (or cannot be had at
    all: a link, a file system without locks)."""
    import fcntl

    try:
        descriptor = os.open(path, os.O_RDONLY | safeopen.NOFOLLOW | safeopen.NONBLOCK)
    except OSError:
        yield True  # a link or a vanished file: reading it decides
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        except OSError:
            yield True
            return
        try:
            same = os.fstat(descriptor).st_ino == os.lstat(path).st_ino
        except OSError:
            same = False  # moved away by the watcher that held the lock
        yield same
    finally:
        os.close(descriptor)


def is_file_or_link(path: Path) -> bool:
    """A regular file, or a link of any kind (which is rejected, not followed)."""
    return path.is_symlink() or path.is_file()


def folder_files(folder: Path) -> list[Path]:
    """The files of a dropped folder to move up into the inbox: regular files and links (to files
    or folders, which move as links and are rejected there), never what a link leads to."""
    found = []
    for root, dirs, names in os.walk(folder):
        links = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        for name in [*names, *links]:
            path = Path(root) / name
            if not is_temporary(name) and (path.is_symlink() or path.is_file()):
                found.append(path)
    return sorted(found)


def waiting_files(inbox: Path) -> list[Path]:
    """Files in the inbox that will be read (not folders, not temporary names), oldest first."""
    if not inbox.is_dir():
        return []
    found = []
    with os.scandir(inbox) as entries:
        for entry in entries:
            with contextlib.suppress(OSError):
                # A link is listed too (by its own date): it is rejected, never followed.
                if (entry.is_file() or entry.is_symlink()) and not is_temporary(entry.name):
                    found.append((entry.stat(follow_symlinks=False).st_mtime, entry.name))
    return [inbox / name for _, name in sorted(found)]
