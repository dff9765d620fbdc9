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


def read_regular(path, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path`, at most `max_bytes` of them.

    Raises RefusedFile for a FIFO, socket, device or oversize file (never read),
    IsADirectoryError for a directory, and any other OSError as `open` would.
    """
    _check(os.stat(path), max_bytes)
    descriptor = os.open(path, _OPEN_FLAGS)
    with open(descriptor, "rb") as stream:
        _check(os.fstat(descriptor), max_bytes)
        raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:  # it grew since it was checked
        raise _too_large(max_bytes)
    return raw


def _check(info: os.stat_result, max_bytes: int) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    if not stat.S_ISREG(mode):
        kind = (
            "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        )
        raise RefusedFile(errno.EINVAL, f"not a regular file ({kind})")
    if info.st_size > max_bytes:
        raise _too_large(max_bytes)


def _too_large(max_bytes: int) -> RefusedFile:
    return RefusedFile(errno.EFBIG, f"file is over {max_bytes:,} bytes, the limit for this file")
