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
import re
import stat
import time
from pathlib import Path
from typing import Literal

APP_NAME = "mktcareers"
ENV_VARS = {"state": "MKTCAREERS_STATE_DIR", "cache": "MKTCAREERS_CACHE_DIR"}
TEMPORARY_SUFFIX = ".tmp"
# A temporary file of the name being written this old (ns) belongs to a writer that
# was killed; one of another name (another knowledge base's) is given an hour.
LEFTOVER_NS = 60_000_000_000
STALE_NS = 3_600_000_000_000
MAX_ENTRIES_LOOKED_AT = 1000
# What tempfile.mkstemp(prefix=".NAME.", suffix=".tmp") names: a dot, the name, a
# dot, random letters, digits or underscores, ".tmp".
_TEMPORARY_NAME = re.compile(r"\.[^/]+\.[a-z0-9_]+\.tmp")


def user_dir(kind: Literal["state", "cache"]) -> Path:
    """The folder where mktcareers keeps its `kind` of files (it may not exist yet)."""
    chosen = os.environ.get(ENV_VARS[kind])
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # only when no variable names the folder

    if kind == "state":
        return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def write_atomic(
    path: Path, text: str | bytes, *, ours: bool = False, make_folder: bool = True
) -> Path:
    """Write `text` (UTF-8 when a str) to `path` so that a crash leaves the old file or
    the new one, never half; a file that already exists keeps its permission bits, a
    new one gets those of the umask. Returns the file written: `path`, or the target
    of the link that `path` is.

    The text goes to a temporary file in the same folder (named `.NAME.*.tmp`), is
    flushed to disk and renamed over the file in one step. A symlink is written
    through (its target is replaced, the link kept) only when the target's folder
    exists: no folder is ever made through a link. `path`'s own folder is made when
    `make_folder` (our state and cache folders), else a missing folder is an error.
    Stale temporary files in the folder are removed (see remove_stale_temporaries).

    Raises OSError when `path` is something other than a regular file (a device such
    as /dev/null, a FIFO, a folder: never replaced), a link whose target's folder is
    missing, a file where its folder or a parent should be (NotADirectoryError
    "PATH is a file, not a folder"), or the folder cannot be made or written. A path
    that is `ours` (a file only mktcareers writes, such as a compiled knowledge base)
    is replaced whatever is there, a link or a FIFO included, and never written through.
    """
    import tempfile  # 1.5 ms to import (random, hashes): only when writing

    path = Path(path)
    if make_folder:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            _refuse_file_in_the_way(path.parent)
            raise
    elif not path.parent.is_dir():
        _refuse_file_in_the_way(path.parent)
        raise FileNotFoundError(errno.ENOENT, f"folder {path.parent} does not exist", path)
    target = path if ours else _writable_target(path)
    try:
        mode = os.stat(target).st_mode & 0o7777 if not ours else 0o666 & ~_umask()
    except OSError:  # a new file: the permissions `open` would give it
        mode = 0o666 & ~_umask()
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=TEMPORARY_SUFFIX
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    remove_stale_temporaries(target, every_name=ours)
    return target


def _refuse_file_in_the_way(folder: Path) -> None:
    """Raise NotADirectoryError "PATH is a file, not a folder" when `folder`, or the
    nearest of its parents that exists, is not a folder (a file set as the state
    folder, say); return when nothing is in the way."""
    for place in (folder, *folder.parents):
        try:
            mode = os.stat(place).st_mode
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:
            return
        if not stat.S_ISDIR(mode):
            what = "a file" if stat.S_ISREG(mode) else _kind(mode)
            raise NotADirectoryError(errno.ENOTDIR, f"{place} is {what}, not a folder")
        return


def _writable_target(path: Path) -> Path:
    """The file that writing `path` replaces: `path`, or the target of the link it
    is when that target's folder exists. OSError for anything but a regular file."""
    try:
        is_link = stat.S_ISLNK(os.lstat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return path
    target = Path(os.path.realpath(path)) if is_link else path
    if is_link and not target.parent.is_dir():
        raise FileNotFoundError(
            errno.ENOENT,
            f"it is a link to {target}, whose folder {target.parent} does not exist",
            path,
        )
    try:
        kind = os.stat(target).st_mode  # through links: /dev/stdout is the pipe it names
    except FileNotFoundError:  # a link to a file not yet written
        return target
    if not stat.S_ISREG(kind):
        raise OSError(
            errno.EINVAL, f"it is {_kind(kind)}, not a regular file: never replaced", path
        )
    return target


def _kind(mode: int) -> str:
    kinds = {stat.S_ISDIR: "a folder", stat.S_ISFIFO: "a FIFO", stat.S_ISSOCK: "a socket"}
    return next((name for test, name in kinds.items() if test(mode)), "a device")


def _umask() -> int:
    current = os.umask(0o022)  # reading it means setting it; put back at once
    os.umask(current)
    return current


def remove_stale_temporaries(path: Path, *, every_name: bool = False) -> int:
    """Delete temporary files that killed writers left beside `path`; how many.

    Removed: `.NAME.*.tmp` of `path`'s own name older than LEFTOVER_NS and, when
    `every_name` (a folder only mktcareers writes, such as the cache), any file named
    like our temporaries (`.NAME.RANDOM.tmp`) older than STALE_NS. Only regular files
    of this user are removed, and at most MAX_ENTRIES_LOOKED_AT entries of the folder
    are looked at, so a huge folder costs a write little.
    """
    now = time.time_ns()
    own_prefix = f".{path.name}."
    uid = os.getuid() if hasattr(os, "getuid") else None
    removed = 0
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for looked_at, entry in enumerate(entries):
            if looked_at >= MAX_ENTRIES_LOOKED_AT:
                break
            name = entry.name
            if not name.endswith(TEMPORARY_SUFFIX):
                continue
            if name.startswith(own_prefix):
                oldest = now - LEFTOVER_NS
            elif every_name and _TEMPORARY_NAME.fullmatch(name):
                oldest = now - STALE_NS
            else:
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                theirs = uid is not None and info.st_uid != uid
                if stat.S_ISREG(info.st_mode) and not theirs and info.st_mtime_ns < oldest:
                    os.unlink(entry.path)
                    removed += 1
    return removed


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
