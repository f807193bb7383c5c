"""Readers: turn one dropped file into Articles, or say clearly why it cannot be read.

``read_file`` is the only entry point the ingest and the watcher need. A file that cannot be read
at all raises ``RejectedInput``, whose ``reason`` says what is wrong *and* what to do, because that
text ends up in ``rejected/NAME.reason.txt`` and in the dashboard's upload message. A file holding
several records (JSON list, JSONL, zip) gives one ``RecordError`` per bad record and still returns
the good ones: one bad line must not cost the analyst the other 99.

Dates: a ``Date:`` header (or the format's own date: HTML metadata, a JSON field, an e-mail's Date)
sets ``published``, and ``published_source`` says where it came from. When a file carries no date
of its own, the article gets the file's modification date with ``published_source="file-mtime"``:
the pipeline prefers a date it finds in the text itself ("Première publication : 12/04/2017") over
that fallback (pipeline.WEAK_DATE_SOURCES). So an undated article is stored and flagged, never
rejected: an analyst would rather fix a date than lose the article.

One module per format; this module only dispatches on the extension and applies the limits.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from tracker.records import Article

from . import archive, documents, html, jsondocs, mail, text
from .common import ReadResult, RecordError, RejectedInput, decode_text
from .safeopen import FOLDER_LINK_REASON, LINK_REASON, NONBLOCK, is_inside, open_inside, read_descriptor

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ReadResult",
    "RecordError",
    "RejectedInput",
    "accepted_extensions",
    "decode_text",
    "read_bytes",
    "read_file",
]

# A text file above this size is almost certainly not one news article (a book, a log dump).
# Configurable: `tracker watch --max-mb`, `read_file(max_bytes=...)`.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# PDF, Word and zip files carry images and fonts besides the text, so they get more room.
CONTAINER_SIZE_FACTOR = 10

Reader = Callable[[Path, bytes], ReadResult]

READERS: dict[str, Reader] = {
    ".txt": text.read_text,
    ".md": text.read_text,
    ".html": html.read_html,
    ".htm": html.read_html,
    ".json": jsondocs.read_json,
    ".jsonl": jsondocs.read_jsonl,
    ".pdf": documents.read_pdf,
    ".docx": documents.read_docx,
    ".eml": mail.read_eml,
}
CONTAINERS = {".pdf", ".docx", ".zip"}


def accepted_extensions() -> list[str]:
    return sorted([*READERS, ".zip"])


def _human_size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{max(size, 1) / 1024:.0f} KB"


def size_limit(extension: str, max_bytes: int) -> int:
    return max_bytes * CONTAINER_SIZE_FACTOR if extension in CONTAINERS else max_bytes


def check_extension(name: str) -> str:
    """The lower-case extension if we read it; RejectedInput listing the accepted ones otherwise."""
    extension = Path(name).suffix.lower()
    if extension not in READERS and extension != ".zip":
        kind = f"'{extension}' files" if extension else "files without an extension"
        raise RejectedInput(
            f"{kind} are not read; save the article in one of these formats and drop it again: "
            + ", ".join(accepted_extensions())
        )
    return extension


def check_size(size: int, extension: str, max_bytes: int) -> None:
    if size == 0:
        raise RejectedInput("the file is empty: nothing to read; add the article text and drop it again")
    limit = size_limit(extension, max_bytes)
    if size > limit:
        raise RejectedInput(
            f"the file is {_human_size(size)}, over the {_human_size(limit)} limit for {extension} files; "
            "split it into one file per article, or raise the limit (tracker watch --max-mb)"
        )


def read_bytes(path: Path, data: bytes, *, file_date: date, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read the content of a file named ``path`` (which need not exist: a zip entry, an upload).

    ``file_date`` is the fallback publication date (see the module docstring).
    """
    extension = check_extension(path.name)
    check_size(len(data), extension, max_bytes)
    if extension == ".zip":
        results: ReadResult = []
        for entry in archive.zip_entries(path, data, max_bytes=max_bytes):
            if isinstance(entry, RecordError):
                results.append(entry)
                continue
            try:
                inner = read_bytes(entry.path, entry.data, file_date=entry.file_date, max_bytes=max_bytes)
            except RejectedInput as rejected:
                results.append(RecordError(f"entry {entry.name}", rejected.reason))
                continue
            results.extend(
                RecordError(f"entry {entry.name}, {r.record}", r.reason) if isinstance(r, RecordError) else r
                for r in inner
            )
        if not results:
            raise RejectedInput("the zip archive holds no files; put the articles in it and drop it again")
        return results
    if extension in (".pdf", ".docx"):  # their text is bounded by the limit too, as it unpacks
        results = (documents.read_pdf if extension == ".pdf" else documents.read_docx)(path, data, max_bytes)
    else:
        results = READERS[extension](path, data)
    if len(results) == 1 and isinstance(results[0], Article) and not _has_letters(results[0].text):
        # no language to detect in it (the detector guessed 'sr'): say what is wrong instead
        raise RejectedInput(NO_WORDS_REASON)
    return [
        replace(r, published=file_date, published_source="file-mtime")
        if isinstance(r, Article) and r.published is None
        else r
        for r in results
    ]


NO_WORDS_REASON = (
    "the article text holds no words, only punctuation, digits or symbols; "
    "check that the file holds the article's text and drop it again"
)


def _has_letters(text: str) -> bool:
    return any(char.isalpha() for char in text)


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, within: Path | None = None) -> ReadResult:
    """Read one dropped file into Articles (and RecordErrors for the bad records of multi-record files).

    Raises RejectedInput, with a reason for the analyst, when nothing in the file can be read.
    With ``within`` (the drop folder) the file must resolve inside that folder (see safeopen).
    """
    data, mtime = read_limited(path, within=within, max_bytes=max_bytes)
    return read_bytes(path, data, file_date=datetime.fromtimestamp(mtime).date(), max_bytes=max_bytes)


def read_limited(path: Path, *, within: Path | None, max_bytes: int) -> tuple[bytes, float]:
    """The bytes of a file (checked against the size limit of its extension) and its mtime.

    With ``within``, a link out of that folder is refused before anything is read.
    """
    path = Path(path)
    if within is not None and os.path.lexists(path) and not is_inside(path, within):
        raise RejectedInput(FOLDER_LINK_REASON if path.is_dir() else LINK_REASON)
    extension = check_extension(path.name)
    if not os.path.lexists(path):
        raise RejectedInput("the file is gone (moved or deleted before it could be read); drop it again")
    if path.is_dir():
        raise RejectedInput("this is a folder, not a file; drop the files inside it instead")
    try:
        descriptor = open_inside(path, within) if within is not None else os.open(path, os.O_RDONLY | NONBLOCK)
    except PermissionError:
        raise RejectedInput("the file cannot be read (permission denied); give read permission and drop it again") from None
    except FileNotFoundError:
        raise RejectedInput("the file is gone (moved or deleted before it could be read); drop it again") from None
    try:
        stat = os.fstat(descriptor)
        check_size(stat.st_size, extension, max_bytes)
        data = read_descriptor(descriptor, size_limit(extension, max_bytes))
    finally:
        os.close(descriptor)
    check_size(len(data), extension, max_bytes)  # it may have grown since the stat
    return data, stat.st_mtime
