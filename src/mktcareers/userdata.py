"""The user's folders and atomic writes: everything mktcareers keeps on the user's disk.

Two folders, each overridable by one environment variable (tests point both at
temporary folders):

    state   quiz progress        $MKTCAREERS_STATE_DIR, else platformdirs' user
                                 state folder ($XDG_STATE_HOME/mktcareers,
                                 ~/.local/state/mktcareers on Linux)
    cache   compiled knowledge   $MKTCAREERS_CACHE_DIR, else platformdirs' user
            bases                cache folder ($XDG_CACHE_HOME/mktcareers,
                                 ~/.cache/mktcareers on Linux,
                                 ~/Library/Caches/mktcareers on macOS)
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from pathlib import Path
from typing import Literal

APP_NAME = "mktcareers"
ENV_VARS = {"state": "MKTCAREERS_STATE_DIR", "cache": "MKTCAREERS_CACHE_DIR"}
# A temporary file this old (ns) belongs to a writer that was killed.
LEFTOVER_NS = 60_000_000_000


def user_dir(kind: Literal["state", "cache"]) -> Path:
    """The folder where mktcareers keeps its `kind` of files (it may not exist yet)."""
    chosen = os.environ.get(ENV_VARS[kind])
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # only when no variable names the folder

    if kind == "state":
        return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def write_atomic(path: Path, text: str | bytes, *, ours: bool = False) -> None:
    """Write `text` (UTF-8 when a str) to `path` so that a crash leaves the old file or
    the new one, never half; a file that already exists keeps its permission bits, a
    new one gets those of the umask.

    The text goes to a temporary file in the same folder (named `.NAME.*.tmp`), is
    flushed to disk and renamed over `path` in one step. A symlink is written
    through (its target is replaced, the link kept). Temporary files of `path` older
    than LEFTOVER_NS, left by a writer that was killed, are removed. Raises OSError
    when `path` is something other than a regular file (a device such as /dev/null,
    a FIFO, a folder: never replaced) or the folder cannot be made or written. A path
    that is `ours` (a file only mktcareers writes, such as a compiled knowledge base) is
    replaced whatever is there, a link or a FIFO included, and never written through.
    """
    import tempfile  # 1.5 ms to import (random, hashes): only when writing

    if not ours:
        try:
            kind = os.stat(path).st_mode  # through links: /dev/stdout is the pipe it names
        except (FileNotFoundError, NotADirectoryError):  # mkdir below says which
            kind = None
        if kind is not None and not stat.S_ISREG(kind):
            raise OSError(errno.EINVAL, "it is not a regular file, so it is not replaced", path)
    path = Path(path if ours else os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = os.stat(path).st_mode & 0o7777 if not ours else 0o666 & ~_umask()
    except OSError:  # a new file: the permissions `open` would give it
        mode = 0o666 & ~_umask()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)
    _remove_leftovers(path)


def _umask() -> int:
    current = os.umask(0o022)  # reading it means setting it; put back at once
    os.umask(current)
    return current


def _remove_leftovers(path: Path) -> None:
    """Delete `.NAME.*.tmp` files beside `path` that a killed writer left behind."""
    oldest, prefix = time.time_ns() - LEFTOVER_NS, f".{path.name}."
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            leftover = entry.name.startswith(prefix) and entry.name.endswith(".tmp")
            if leftover and entry.stat(follow_symlinks=False).st_mtime_ns < oldest:
                os.unlink(entry.path)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
