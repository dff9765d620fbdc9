"""Read a file only when it is a regular file of bounded size.

A FIFO, socket or device is refused before it is opened (opening a FIFO waits
for a writer; a device can stream forever), and so is a file over its limit.
The file is then opened without waiting and checked again, in case it was
swapped between the two looks.
"""

from __future__ import annotations

import errno
import os
import stat

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class RefusedFile(OSError):
    """A path that is not a regular file, or a file over its size limit; `strerror` says
    which, as a sentence for the user."""


def open_regular(
    path, max_bytes: int, *, follow_symlinks: bool = True, owner_only: bool = False
) -> int:
    """A descriptor of the regular file at `path` (at most `max_bytes`), opened without
    waiting, after os.stat (os.lstat when not `follow_symlinks`) said it may be.

    With `owner_only`, another user's file is refused before it is opened. Raises
    RefusedFile for a FIFO, socket, device, symlink (when not followed), oversize file,
    another user's file, or a file swapped between the look and the open;
    IsADirectoryError for a directory; any other OSError as `os.open` would.
    """
    info = os.stat(path, follow_symlinks=follow_symlinks)
    _check(info, max_bytes)
    if owner_only and hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise RefusedFile(errno.EPERM, "another user's file")
    flags = _OPEN_FLAGS | (0 if follow_symlinks else getattr(os, "O_NOFOLLOW", 0))
    descriptor = os.open(path, flags)
    opened = os.fstat(descriptor)
    if (opened.st_ino, opened.st_dev) != (info.st_ino, info.st_dev):
        os.close(descriptor)
        raise RefusedFile(errno.EAGAIN, "the file changed while it was opened")
    return descriptor


def read_regular(path, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path`, at most `max_bytes` of them.

    Raises what open_regular raises, and RefusedFile when the file grew past
    `max_bytes` after it was checked.
    """
    with open(open_regular(path, max_bytes), "rb") as stream:
        raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:  # it grew since it was checked
        raise _too_large(max_bytes)
    return raw


def _check(info: os.stat_result, max_bytes: int) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    if not stat.S_ISREG(mode):
        kinds = {stat.S_ISFIFO: "a FIFO", stat.S_ISSOCK: "a socket", stat.S_ISLNK: "a link"}
        kind = next((name for test, name in kinds.items() if test(mode)), "a device")
        raise RefusedFile(errno.EINVAL, f"not a regular file ({kind})")
    if info.st_size > max_bytes:
        raise _too_large(max_bytes)


def _too_large(max_bytes: int) -> RefusedFile:
    return RefusedFile(errno.EFBIG, f"file is over {max_bytes:,} bytes, the limit for this file")
