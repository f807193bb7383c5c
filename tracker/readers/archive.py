"""Zip archives of articles, and safe file names for anything that names a file for us.

A zip's entry names and an upload's file name are written by someone else: they can hold
``../``, absolute paths, control characters or names that hide the file (dot files), so they are
reduced to a plain name before anything touches the disk. Sizes are checked on the bytes actually
read, never trusted from the archive's directory (a zip bomb lies there).
"""

from __future__ import annotations

import io
import re
import stat
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from .common import RecordError, RejectedInput

MAX_ENTRIES = 1000
# Total unpacked bytes allowed per zip, as a multiple of the per-file limit.
TOTAL_FACTOR = 20
# Entries that operating systems add to archives and that are never articles: skipped silently.
_JUNK_PARTS = ("__MACOSX",)
_JUNK_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
_MAX_NAME = 120  # bytes, so that " (99)" and ".reason.txt" still fit the file system's 255


def safe_filename(name: str, *, default: str = "upload") -> str:
    """A name that stays inside the folder it is written to: no directories, no leading dot,
    no control or shell-special characters, a bounded length, the extension kept."""
    name = unicodedata.normalize("NFC", name.replace("\\", "/"))
    parts = [p for p in PurePosixPath(name).parts if p not in ("", ".", "..", "/")]
    name = "_".join(parts)
    name = re.sub(r"[\x00-\x1f\x7f]", "", name)
    name = re.sub(r"[^\w .,()+=@-]", "_", name).strip(" .")
    name = name.lstrip("-~$_") or default
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    if len(name.encode()) > _MAX_NAME:  # in bytes: file systems count bytes (255), not characters
        extension = _bytes_prefix(extension, 16)
        keep = _MAX_NAME - len(extension.encode()) - 1
        name = f"{_bytes_prefix(stem, keep)}.{extension}" if dot else _bytes_prefix(stem, _MAX_NAME)
    return name


def _bytes_prefix(text: str, size: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 form is at most ``size`` bytes (whole characters)."""
    return text.encode()[:size].decode("utf-8", errors="ignore")


@dataclass(frozen=True)
class ZipEntry:
    name: str  # the name as in the archive, for reasons ("entry articles/a.txt")
    path: Path  # where the entry would be: "<zip's folder>/<zip stem>__<safe name>"
    data: bytes
    file_date: date


def _skipped(info: zipfile.ZipInfo) -> bool:
    path = PurePosixPath(info.filename.replace("\\", "/"))
    if info.is_dir() or any(part in _JUNK_PARTS for part in path.parts):
        return True
    if path.name.casefold() in _JUNK_NAMES or path.name.startswith((".", "~$")):
        return True
    return stat.S_ISLNK(info.external_attr >> 16)


def zip_entries(path: Path, data: bytes, *, max_bytes: int) -> Iterator[ZipEntry | RecordError]:
    """Each article file in the zip, or a RecordError saying why an entry is left out.

    Raises RejectedInput when the archive itself cannot be opened or is too big as a whole.
    """
    from . import CONTAINERS, size_limit  # the per-format limits live with the dispatcher

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [info for info in archive.infolist() if not _skipped(info)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise RejectedInput("the zip archive is damaged or not a zip; make it again and drop it again") from None
    if len(infos) > MAX_ENTRIES:
        raise RejectedInput(
            f"the zip holds {len(infos)} files, over the limit of {MAX_ENTRIES}; split it into smaller zips"
        )
    total_limit = budget = max_bytes * TOTAL_FACTOR
    stem = safe_filename(path.stem, default="archive")
    with archive:
        for info in infos:
            label = f"entry {info.filename}"
            extension = PurePosixPath(info.filename).suffix.lower()
            if extension == ".zip":
                yield RecordError(label, "a zip inside a zip is not unpacked; unpack it and drop its files")
                continue
            if info.flag_bits & 0x1:
                yield RecordError(label, "the entry is protected by a password; unpack it yourself and drop the file")
                continue
            limit = size_limit(extension, max_bytes) if extension in CONTAINERS else max_bytes
            try:
                with archive.open(info) as member:
                    content = member.read(min(limit, budget) + 1)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as error:
                yield RecordError(label, f"the entry cannot be unpacked ({error}); make the zip again")
                continue
            if len(content) > min(limit, budget):
                if len(content) > budget:  # the limit on the whole, not what was left of it
                    raise RejectedInput(
                        f"the zip unpacks to more than {total_limit // (1024 * 1024)} MB, over the limit for one zip; "
                        "split it into smaller zips"
                    )
                yield RecordError(label, f"the entry is over the {limit // (1024 * 1024)} MB limit for one file; split it")
                continue
            budget -= len(content)
            try:
                entry_date = date(*info.date_time[:3])
            except ValueError:
                entry_date = date.today()
            yield ZipEntry(
                name=info.filename,
                path=path.parent / safe_filename(f"{stem}__{safe_filename(info.filename, default='entry')}"),
                data=content,
                file_date=entry_date,
            )
