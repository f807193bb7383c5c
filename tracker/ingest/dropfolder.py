"""The drop folder: files dropped into the inbox are read, scored, stored and moved away.

Layout (everything inside the inbox, so an analyst sees one folder)::

    inbox/                      drop files here (only this level is watched)
    inbox/archive/2024-05-17/   files read, with their articles stored (or already stored)
    inbox/rejected/             files that could not be read, each with NAME.reason.txt beside it

Promises, and how they are kept:

- Nothing is deleted. Files are moved, never overwritten (a name already taken gets " (2)"), and a
  file that cannot be read goes to rejected/ with the reason, in words for the analyst.
- A file still being written is not read half-way: it is read once its size and modification time
  have not changed for ``debounce`` seconds, and temporary names (``.part``, ``.crdownload``,
  ``~$x.docx``, dot files) are never read. A program that pauses longer than that while writing
  should write under a temporary name and rename the file when done (browsers do).
- No article is stored twice. The store writes each article in one transaction under its content
  hash; a crash after storing and before moving leaves the file in the inbox, and reading it again
  finds its articles already stored ("duplicate") and archives it.
- One bad file never stops the watcher: any failure on one file rejects that file, with the reason,
  and the watcher goes on. If the *database* fails (unreachable, locked), files stay in the inbox
  and are retried: that is not the file's fault.
- Files dropped while the watcher was down are taken first when it starts, and the inbox is
  rescanned every few seconds in case the operating system dropped an event.

A zip is unpacked into the inbox (safe names, size limits: see readers.archive) and archived; its
files are then read like any other. A folder dropped into the inbox is emptied into it, once its
content has not changed between two scans, as "folder__name.ext" files.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from datetime import time as dtime
from pathlib import Path

from tracker import readers
from tracker.ingest.inprocess import (
    DUPLICATE,
    REJECTED,
    STORED,
    Outcome,
    has_control,
    ingest_file,
    is_temporary,
    log_outcome,
    printable_name,
)
from tracker.readers import safeopen
from tracker.readers.archive import safe_filename, zip_entries

log = logging.getLogger(__name__)

ARCHIVE_DIR = "archive"
REJECTED_DIR = "rejected"
INBOX_DIR = "inbox"
REASON_SUFFIX = ".reason.txt"

DEFAULT_DEBOUNCE = 0.5  # seconds a file must stay unchanged before it is read
RESCAN_SECONDS = 5.0  # a full look at the inbox, in case an event was lost
RETRY_SECONDS = 10.0  # after a database failure, the file is tried again this much later
# An empty file is often a file just created by a slow writer: give it longer before rejecting it.
EMPTY_GRACE_FACTOR = 4


def default_inbox(db: str | None = None) -> Path:
    """The drop folder when none is named: $TRACKER_INBOX, else ``inbox/`` beside the SQLite
    database file (so ``--db ./tracker.db`` drops into ``./inbox``), else ``inbox/`` in the
    user's data folder (PostgreSQL)."""
    if os.environ.get("TRACKER_INBOX"):
        return Path(os.environ["TRACKER_INBOX"]).expanduser()
    from tracker.store import resolve_url

    url = resolve_url(db)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).parent / INBOX_DIR
    import platformdirs

    from tracker.store.db import APP_NAME

    return Path(platformdirs.user_data_dir(APP_NAME)) / INBOX_DIR


@dataclass
class FileResult:
    """What happened to one dropped file: its outcomes and where it went."""

    name: str  # the file's name in the inbox
    outcomes: list[Outcome] = field(default_factory=list)
    moved_to: Path | None = None
    unpacked: list[Path] = field(default_factory=list)  # a zip's files, now in the inbox

    @property
    def rejected(self) -> bool:
        return self.moved_to is not None and self.moved_to.parent.name == REJECTED_DIR


# ---------------------------------------------------------------------------------- moving files


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


def _write_hidden(folder: Path, data: bytes, *, mtime: float | None = None) -> Path:
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


def _publish(temporary: Path, target: Path) -> Path:
    """Give a hidden file its name (or "name (2)" ...) in one step, never overwriting."""
    try:
        return move_without_overwrite(temporary, target.parent, target.name)
    finally:
        temporary.unlink(missing_ok=True)


def write_new_file(target: Path, data: bytes, *, mtime: float | None = None) -> Path:
    """Write ``data`` to ``target`` (or "target (2)" when taken) without ever showing a partial file."""
    return _publish(_write_hidden(target.parent, data, mtime=mtime), target)


def _reason_text(name: str, outcomes: list[Outcome], *, rejected: bool) -> str:
    now = datetime.now().strftime("%Y-%m-%d %H:%M")
    bad = [o for o in outcomes if o.outcome == REJECTED]
    stored = sum(o.outcome == STORED for o in outcomes)
    duplicates = sum(o.outcome == DUPLICATE for o in outcomes)
    if rejected and len(bad) == 1 and bad[0].record is None:
        head = f"{name} was set aside on {now}; nothing from it was stored.\n\nWhy: {bad[0].reason}\n"
    else:
        kept = f"{stored} article(s) stored, {duplicates} already stored" if not rejected else "nothing from it was stored"
        lines = [f"- {o.record or 'the file'}: {o.reason}" for o in bad]
        head = f"{name} was read on {now}: {kept}. These parts were not read:\n\n" + "\n".join(lines) + "\n"
    return head + (
        "\nThe file is kept here. Fix it as said above and drop it into the inbox again "
        "(articles already stored are recognised and not stored twice).\n"
    )


# ------------------------------------------------------------------------------ one file at a time

# Files being processed in this process: the watcher thread and a dashboard upload must not both
# take the same file. (Another process racing on it is safe too: the store refuses a second copy
# and the second move finds the file gone.)
_CLAIMED: set[Path] = set()
_CLAIMS_LOCK = threading.Lock()
# spaCy pipelines are not promised to be thread-safe, and scoring is CPU-bound anyway.
_PROCESS_LOCK = threading.Lock()


@contextlib.contextmanager
def _claim(path: Path) -> Iterator[bool]:
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


class DatabaseFailure(Exception):
    """The store could not be written: the file stays in the inbox and is retried."""


def _database_error(error: BaseException) -> bool:
    from sqlalchemy.exc import OperationalError

    from tracker.store import StoreError

    return isinstance(error, OperationalError | StoreError) and not _is_invalid_record(error)


def _is_invalid_record(error: BaseException) -> bool:
    from tracker.store import InvalidRecord

    return isinstance(error, InvalidRecord)


class DatabaseFile:
    """The SQLite file a store writes to, as it was when the watcher started (device, inode).

    Deleting or replacing the file under a running process does not stop SQLite: it goes on
    writing to the deleted file (still open), says "stored", and no other process ever sees those
    articles. So before each file is stored its database file must still be the same one; when it
    is gone or replaced, nothing is stored (files stay in the inbox) and the error says so.
    """

    def __init__(self, store):
        engine = getattr(store, "engine", None)
        url = getattr(engine, "url", None)
        database = url.database if url is not None and url.get_backend_name() == "sqlite" else None
        self.path = Path(database) if database and database != ":memory:" else None
        self.identity = self._identity()

    def _identity(self) -> tuple[int, int] | None:
        if self.path is None:
            return None
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return (stat.st_dev, stat.st_ino)

    def check(self) -> None:
        """Raise DatabaseFailure when the database file was deleted or replaced since the start."""
        if self.path is None or self.identity is None:
            return
        now = self._identity()
        if now != self.identity:
            what = "deleted" if now is None else "replaced by another file"
            raise DatabaseFailure(
                f"the database file {self.path} was {what} while the watcher was running; nothing more is "
                "stored until the watcher is restarted (stop it and start it again: it opens the database anew)"
            )


class DropFolder:
    """An inbox with its archive/ and rejected/ folders, processed into a store.

    ``process(path)`` handles one file (the path a dashboard upload takes too); ``run()`` watches
    the folder until stopped; ``start()`` runs it in a background thread (``tracker serve``).
    """

    def __init__(
        self,
        inbox: Path,
        store,
        *,
        debounce: float = DEFAULT_DEBOUNCE,
        max_bytes: int = readers.DEFAULT_MAX_BYTES,
        lexicon=None,
        on_result: Callable[[FileResult], None] | None = None,
    ):
        self.inbox = Path(inbox)
        self.store = store
        self.debounce = debounce
        self.max_bytes = max_bytes
        self.lexicon = lexicon
        self.on_result = on_result
        self.archive = self.inbox / ARCHIVE_DIR
        self.rejected = self.inbox / REJECTED_DIR
        self.database_file = DatabaseFile(store)
        self._settling = _Settling(debounce)
        self._folders: dict[Path, tuple] = {}  # dropped folders -> what they held at the last scan
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._running = threading.Event()
        self._thread: threading.Thread | None = None

    # -- the folder

    def ensure_folders(self) -> None:
        for folder in (self.inbox, self.archive, self.rejected):
            folder.mkdir(parents=True, exist_ok=True)

    def waiting(self) -> list[Path]:
        """Files in the inbox that will be read (not folders, not temporary names), oldest first."""
        if not self.inbox.is_dir():
            return []
        found = []
        with os.scandir(self.inbox) as entries:
            for entry in entries:
                with contextlib.suppress(OSError):
                    # A link is listed too (by its own date): it is rejected, never followed.
                    if (entry.is_file() or entry.is_symlink()) and not is_temporary(entry.name):
                        found.append((entry.stat(follow_symlinks=False).st_mtime, entry.name))
        return [self.inbox / name for _, name in sorted(found)]

    # -- one file

    def process(self, path: Path) -> FileResult | None:
        """Read, store and move one inbox file; None when it is gone or taken by someone else.

        Raises DatabaseFailure when the store cannot be written (the file stays where it is).
        """
        path = Path(path)
        with _claim(path) as claimed:
            if not claimed or not _is_file_or_link(path):
                return None
            with _PROCESS_LOCK, _file_lock(path) as mine:
                if not mine or not _is_file_or_link(path):  # taken by another thread or watcher process
                    return None
                self.database_file.check()  # before anything moves: the file stays in the inbox
                path = self._safe_name(path)
                zipped = path.suffix.lower() == ".zip" and not safeopen.is_link(path)
                result = self._unpack(path) if zipped else self._ingest(path)
        if result is not None and self.on_result is not None:
            try:
                self.on_result(result)
            except Exception:  # a display problem must not stop the watcher
                log.exception("on_result failed for %s", path)
        return result

    def _safe_name(self, path: Path) -> Path:
        """A name that cannot be stored, moved or shown as it is (bytes that are not UTF-8, control
        or escape characters, too long for " (2)" and ".reason.txt" to fit) is first renamed in the
        inbox to a safe one: the file then goes to archive/ or rejected/ like any other."""
        if not unsafe_name(path.name):
            return path
        safe = safe_filename(printable_name(path.name), default="file")
        renamed = move_without_overwrite(path, self.inbox, safe)
        log.warning("renamed %s to %s: the name had bytes or characters that cannot be kept", printable_name(path.name),
                    renamed.name)
        return renamed

    def _ingest(self, path: Path) -> FileResult | None:
        try:
            outcomes = ingest_file(path, self.store, lexicon=self.lexicon, max_bytes=self.max_bytes, within=self.inbox)
            self.database_file.check()  # deleted while this file was read: it stays in the inbox
        except Exception as error:  # noqa: BLE001 -- one file must never stop the watcher
            if _database_error(error):
                raise DatabaseFailure(str(error)) from error
            log.exception("reading %s failed", path)
            outcome = Outcome(str(path), REJECTED, (
                f"reading the file failed ({type(error).__name__}: {error}); this is a bug in tension-tracker: "
                "please report it with the file"
            ))
            self._log(outcome)
            outcomes = [outcome]
        if not os.path.lexists(path):
            return None  # another process took it while we read it; its outcomes are logged
        return self._file_done(path, outcomes)

    def _file_done(self, path: Path, outcomes: list[Outcome], unpacked: list[Path] | None = None) -> FileResult:
        readable = [o for o in outcomes if o.outcome != REJECTED]
        rejected = not readable and not unpacked
        if rejected:
            folder = self.rejected
        elif all(o.outcome == DUPLICATE for o in outcomes) and outcomes:
            folder = self.archive / date.today().isoformat() / "duplicates"
        else:
            folder = self.archive / date.today().isoformat()
        reason = None
        if any(o.outcome == REJECTED for o in outcomes):
            # Written (hidden) before the file moves, named after: the file never shows without it
            # for longer than a rename.
            with contextlib.suppress(OSError):
                reason = _write_hidden(folder, _reason_text(path.name, outcomes, rejected=rejected).encode("utf-8"))
        moved = move_without_overwrite(path, folder)
        if reason is not None:
            with contextlib.suppress(OSError):
                _publish(reason, moved.with_name(moved.name + REASON_SUFFIX))
        return FileResult(path.name, outcomes, moved, unpacked or [])

    def _log(self, outcome: Outcome) -> None:
        try:
            log_outcome(self.store, outcome)
        except Exception as error:
            if _database_error(error):
                raise DatabaseFailure(str(error)) from error
            raise

    def _unpack(self, path: Path) -> FileResult:
        """Write a zip's article files into the inbox, then archive the zip itself."""
        outcomes: list[Outcome] = []
        written: list[Path] = []
        try:
            data, _ = readers.read_limited(path, within=self.inbox, max_bytes=self.max_bytes)
            entries = list(zip_entries(path, data, max_bytes=self.max_bytes))
        except readers.RejectedInput as rejected:
            outcomes.append(Outcome(str(path), REJECTED, rejected.reason))
            entries = []
        for entry in entries:
            if isinstance(entry, readers.RecordError):
                outcomes.append(Outcome(str(path), REJECTED, entry.reason, record=entry.record))
                continue
            target = self.inbox / entry.path.name
            if target.is_file() and target.read_bytes() == entry.data:
                written.append(target)  # unpacked before a crash and not read yet
                continue
            stamp = datetime.combine(entry.file_date, dtime(12)).timestamp()
            written.append(write_new_file(target, entry.data, mtime=stamp))
        if not entries and not outcomes:
            outcomes.append(Outcome(str(path), REJECTED, "the zip archive holds no files; put the articles in it and drop it again"))
        for outcome in outcomes:
            self._log(outcome)
        for file in written:
            self._settling.touch(file)
        self._wake.set()
        return self._file_done(path, outcomes, written)

    # -- watching

    def _scan(self) -> None:
        self._take_folders()
        for path in self.waiting():
            self._settling.touch(path)

    def _take_folders(self) -> None:
        """A folder dropped into the inbox: once nothing in it has changed between two scans, its
        files move up into the inbox as "folder__sub__name.ext" and are read like the others."""
        if not self.inbox.is_dir():
            return
        for entry in os.scandir(self.inbox):
            if not entry.is_dir(follow_symlinks=False) or entry.name in (ARCHIVE_DIR, REJECTED_DIR) or is_temporary(entry.name):
                continue
            folder = Path(entry.path)
            files = _folder_files(folder)
            signature = tuple((str(p), st.st_size, st.st_mtime_ns) for p in files for st in (p.lstat(),))
            if self._folders.get(folder) != signature:
                self._folders[folder] = signature  # not seen yet, or still being copied
                continue
            del self._folders[folder]
            for file in files:
                name = safe_filename("__".join(file.relative_to(self.inbox).parts), default="file")
                self._settling.touch(move_without_overwrite(file, self.inbox, name))
            for directory in sorted((d for d in folder.rglob("*") if d.is_dir() and not d.is_symlink()),
                                    key=lambda d: -len(d.parts)):
                with contextlib.suppress(OSError):
                    directory.rmdir()  # only empty ones: what is left in them (temporary files) stays
            with contextlib.suppress(OSError):
                folder.rmdir()

    def process_ready(self) -> list[FileResult]:
        """Process every file that has settled; the rest wait for the next call."""
        results = []
        for path in self._settling.ready():
            if self._stop.is_set():
                break
            try:
                result = self.process(path)
            except DatabaseFailure as failure:
                log.error("the database failed on %s: %s; the file stays in the inbox and is tried again in %.0f s",
                          printable_name(path.name), failure, RETRY_SECONDS)
                self._settling.retry_later(path, RETRY_SECONDS)
                continue
            except Exception:  # noqa: BLE001 -- e.g. the file cannot be moved: keep watching the others
                log.exception("%s could not be processed; tried again in %.0f s", printable_name(path.name), RETRY_SECONDS)
                self._settling.retry_later(path, RETRY_SECONDS)
                continue
            if result is not None:
                results.append(result)
        return results

    def run(self, *, once: bool = False, tick: float = 0.05) -> None:
        """Watch the inbox until ``stop()`` (or, with ``once``, until it is empty).

        Files already there are taken first; then watchdog's events say which files to look at,
        and a rescan every few seconds catches any event the system lost.
        """
        self.ensure_folders()
        self._stop.clear()
        observer = None
        if not once:
            from watchdog.observers import Observer

            # Watch first, then list: a file landing in between is seen by one or the other.
            observer = Observer()
            observer.schedule(_make_handler(self), str(self.inbox), recursive=False)
            observer.start()
        self._scan()
        self._running.set()
        last_scan = time.monotonic()
        try:
            while not self._stop.is_set():
                self.process_ready()
                if once and not self._settling.pending():
                    self._scan()
                    if not self._settling.pending():
                        return
                if time.monotonic() - last_scan > RESCAN_SECONDS:
                    self._scan()
                    last_scan = time.monotonic()
                self._wake.wait(timeout=self._settling.next_check(tick))
                self._wake.clear()
        finally:
            self._running.clear()
            if observer is not None:
                observer.stop()
                observer.join(timeout=5)

    def start(self) -> DropFolder:
        """Run the watcher in a daemon thread (for `tracker serve` and tests); stop() ends it."""
        self.ensure_folders()
        self._thread = threading.Thread(target=self.run, name="drop-folder", daemon=True)
        self._thread.start()
        self._running.wait(timeout=30)  # the observer is in place when start() returns
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def notice(self, path: Path) -> None:
        """A file in the inbox was created or changed (from the observer)."""
        if path.parent == self.inbox and not is_temporary(path.name):
            self._settling.touch(path)
            self._wake.set()


# A name longer than this (in bytes) is renamed before it is read: " (99)" and ".reason.txt" must
# still fit in the file system's 255 bytes when the file moves.
MAX_NAME_BYTES = 200


def unsafe_name(name: str) -> bool:
    """Whether a file name holds undecodable bytes, control, escape or direction characters, or is too long."""
    return has_control(name) or len(os.fsencode(name)) > MAX_NAME_BYTES


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[bool]:
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


def _is_file_or_link(path: Path) -> bool:
    """A regular file, or a link of any kind (which is rejected, not followed)."""
    return path.is_symlink() or path.is_file()


def _folder_files(folder: Path) -> list[Path]:
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


class _Settling:
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


def _make_handler(folder: DropFolder):
    from watchdog.events import FileSystemEventHandler

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            if event.is_directory or event.event_type in ("deleted", "opened", "closed_no_write"):
                return
            target = getattr(event, "dest_path", "") or event.src_path
            folder.notice(Path(os.fsdecode(target)))

    return Handler()


# ---------------------------------------------------------------------------------- uploads


def accept_upload(filename: str, content: bytes, store, inbox: Path, *, max_bytes: int = readers.DEFAULT_MAX_BYTES,
                  lexicon=None) -> list[Outcome]:
    """A file uploaded in the dashboard: written into the inbox under a safe name, then read
    exactly as a dropped file (same reasons, same archive/rejected), and its outcomes returned.

    A zip's files are read at once too, so the user sees every article's outcome.
    """
    folder = DropFolder(Path(inbox), store, max_bytes=max_bytes, lexicon=lexicon)
    folder.ensure_folders()
    name = safe_filename(filename)
    path = write_new_file(folder.inbox / name, content)
    outcomes: list[Outcome] = []
    queue = [path]
    while queue:
        current = queue.pop(0)
        try:
            result = folder.process(current)
        except DatabaseFailure as failure:
            outcomes.append(Outcome(str(current), REJECTED, (
                f"the database could not be written ({failure}); the file is kept in the drop folder and "
                "will be read when the database is back"
            )))
            continue
        if result is None:
            # The watcher thread took it first: its outcomes are in the ingest log.
            outcomes.extend(_logged_outcomes(store, current))
            continue
        outcomes.extend(result.outcomes)
        queue.extend(result.unpacked)
    return outcomes


def _logged_outcomes(store, path: Path, wait: float = 30.0) -> list[Outcome]:
    """The outcomes another thread logged for ``path``, once it has moved the file away."""
    deadline = time.monotonic() + wait
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    frame = store.ingest_log_frame(limit=200)
    rows = frame[frame["path"] == str(path)]
    return [
        Outcome(row.path, row.outcome, row.reason or "", row.record, None if row.article_id != row.article_id else int(row.article_id))
        for row in rows.iloc[::-1].itertuples()
    ]


# ---------------------------------------------------------------------------------- status


@dataclass(frozen=True)
class DropStatus:
    inbox: Path
    waiting: list[Path]
    today: dict[str, int]  # outcome -> count since local midnight (records of files included)
    last_errors: list[dict]  # newest first: at (local time), path, record, reason


def _local_time(utc_naive) -> datetime:
    """The log's naive UTC time (a datetime or a pandas Timestamp) in the local time zone."""
    moment = utc_naive.to_pydatetime() if hasattr(utc_naive, "to_pydatetime") else utc_naive
    return moment.replace(tzinfo=UTC).astimezone()


def drop_status(store, inbox: Path, *, errors: int = 5) -> DropStatus:
    """What `tracker status` shows: the inbox, today's outcomes, the last rejections."""
    midnight_utc = datetime.combine(date.today(), dtime()).astimezone(UTC).replace(tzinfo=None)
    frame = store.ingest_log_frame(since=midnight_utc)
    today = {name: int((frame["outcome"] == name).sum()) if len(frame) else 0 for name in (STORED, DUPLICATE, REJECTED)}
    recent = store.ingest_log_frame(limit=500)
    bad = recent[recent["outcome"] == REJECTED].head(errors) if len(recent) else recent
    last_errors = [
        {"at": _local_time(row.at), "path": row.path, "record": row.record, "reason": row.reason}
        for row in bad.itertuples()
    ]
    return DropStatus(Path(inbox), DropFolder(Path(inbox), store).waiting(), today, last_errors)
