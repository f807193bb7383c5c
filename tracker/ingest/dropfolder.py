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
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as dtime
from pathlib import Path

from tracker import readers
from tracker.ingest.database_file import DatabaseFailure, DatabaseFile, is_database_error
from tracker.ingest.inbox_files import (
    ARCHIVE_DIR,
    INBOX_DIR,
    PROCESS_LOCK,
    REASON_SUFFIX,
    REJECTED_DIR,
    claim,
    file_lock,
    folder_files,
    is_file_or_link,
    move_without_overwrite,
    publish,
    reason_text,
    unsafe_name,
    waiting_files,
    write_hidden,
    write_new_file,
)
from tracker.ingest.inprocess import (
    DUPLICATE,
    REJECTED,
    STORED,
    Outcome,
    ingest_file,
    is_temporary,
    log_outcome,
    printable_name,
)
from tracker.ingest.settling import DEFAULT_DEBOUNCE, Settling
from tracker.readers import safeopen
from tracker.readers.archive import safe_filename, zip_entries

log = logging.getLogger(__name__)

RESCAN_SECONDS = 5.0  # a full look at the inbox, in case an event was lost
RETRY_SECONDS = 10.0  # after a database failure, the file is tried again this much later


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
        from tracker.alerts.check import AlertWatch

        self.alerts = AlertWatch(store)  # checked after stored articles, retried at each rescan
        self._settling = Settling(debounce)
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
        return waiting_files(self.inbox)

    # -- one file

    def process(self, path: Path) -> FileResult | None:
        """Read, store and move one inbox file; None when it is gone or taken by someone else.

        Raises DatabaseFailure when the store cannot be written (the file stays where it is).
        """
        path = Path(path)
        with claim(path) as claimed:
            if not claimed or not is_file_or_link(path):
                return None
            with PROCESS_LOCK, file_lock(path) as mine:
                if not mine or not is_file_or_link(path):  # taken by another thread or watcher process
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
            if is_database_error(error):
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
                reason = write_hidden(folder, reason_text(path.name, outcomes, rejected=rejected).encode("utf-8"))
        moved = move_without_overwrite(path, folder)
        if reason is not None:
            with contextlib.suppress(OSError):
                publish(reason, moved.with_name(moved.name + REASON_SUFFIX))
        return FileResult(path.name, outcomes, moved, unpacked or [])

    def _log(self, outcome: Outcome) -> None:
        try:
            log_outcome(self.store, outcome)
        except Exception as error:
            if is_database_error(error):
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
            files = folder_files(folder)
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
                if any(o.outcome == STORED for r in self.process_ready() for o in r.outcomes):
                    self.alerts.after_ingest()
                if once and not self._settling.pending():
                    self._scan()
                    if not self._settling.pending():
                        return
                if time.monotonic() - last_scan > RESCAN_SECONDS:
                    self._scan()
                    self.alerts.tick()
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


def _make_handler(folder: DropFolder):
    from watchdog.events import FileSystemEventHandler

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            if event.is_directory or event.event_type in ("deleted", "opened", "closed_no_write"):
                return
            target = getattr(event, "dest_path", "") or event.src_path
            folder.notice(Path(os.fsdecode(target)))

    return Handler()
