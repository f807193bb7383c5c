"""Opening a dropped file without being led outside the folder it was dropped in.

Anyone who can write into the drop folder can leave a symbolic link there (``ln -s /etc/passwd
inbox/x.txt``); following it would read, store and show a file the analyst never dropped. So a
file read for a folder (the inbox, a folder given to ``tracker ingest``) must resolve inside that
folder, and the check holds at the moment of opening: the final name is opened with O_NOFOLLOW
(a link swapped in after the check fails to open instead of being followed) and, where the system
says which file a descriptor holds (/proc/self/fd), the opened file itself is checked again.
Hard links are left alone: they are the file itself, which its owner chose to put there.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .common import RejectedInput

LINK_OUTSIDE = (
    "is a link to a file outside the drop folder; copy the file itself into the folder"
)
LINK_REASON = f"the file {LINK_OUTSIDE}"
FOLDER_LINK_REASON = (
    "the folder is a link to a folder outside the drop folder; copy the files themselves into the folder"
)
NOT_REGULAR_REASON = (
    "this is not a regular file (a device, a pipe or a socket); drop the article as a plain file"
)
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a pipe dropped in the folder must not block the open


def is_inside(path: str | os.PathLike, root: str | os.PathLike) -> bool:
    """Whether ``path``, every link resolved, is ``root`` or under it (also resolved)."""
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def is_link(path: str | os.PathLike) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def _opened_path(descriptor: int) -> str | None:
    """The file a descriptor holds, as the kernel names it (Linux), or None where it cannot say."""
    try:
        return os.readlink(f"/proc/self/fd/{descriptor}")
    except OSError:
        return None


def open_inside(path: Path, root: Path) -> int:
    """A read-only descriptor on ``path``, which must be a regular file resolving inside ``root``.

    Raises RejectedInput (the reason for the analyst) otherwise. A link whose target is inside the
    folder is read through its target (opened without following any link at its last step).
    """
    if not is_inside(path, root):
        raise RejectedInput(FOLDER_LINK_REASON if os.path.isdir(path) else LINK_REASON)
    try:
        descriptor = os.open(os.path.realpath(path), os.O_RDONLY | NOFOLLOW | NONBLOCK)
    except OSError as error:
        if error.errno == errno.ELOOP:  # swapped for a link between the check and the open
            raise RejectedInput(LINK_REASON) from None
        raise
    try:
        opened = _opened_path(descriptor)
        if opened is not None and opened.startswith(os.sep) and not is_inside(opened, root):
            raise RejectedInput(LINK_REASON)
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            if stat.S_ISDIR(os.fstat(descriptor).st_mode):
                raise RejectedInput("this is a folder, not a file; drop the files inside it instead")
            raise RejectedInput(NOT_REGULAR_REASON)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def read_descriptor(descriptor: int, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes (one more tells the caller the file is over its limit)."""
    chunks: list[bytes] = []
    remaining = limit + 1
    while remaining > 0:
        chunk = os.read(descriptor, min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)
