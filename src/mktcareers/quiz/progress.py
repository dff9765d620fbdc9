"""Quiz progress: the file that lets a quiz be resumed, read, saved, set aside and cleared.

Progress lives in the user state directory: $MKTCAREERS_STATE_DIR, else
$XDG_STATE_HOME/mktcareers, else ~/.local/state/mktcareers (on Windows
%LOCALAPPDATA%/mktcareers). It is plain JSON, never code.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import time
from pathlib import Path

import msgspec

from mktcareers.kb.safefile import RefusedFile, open_regular
from mktcareers.userdata import user_dir, write_atomic

PROGRESS_FILE = "quiz-progress.json"
PROGRESS_KIND = "mktcareers quiz progress"
PROGRESS_VERSION = 1
MAX_PROGRESS_BYTES = 1_000_000


def progress_path() -> Path:
    """Where quiz progress is saved: quiz-progress.json in the user's state folder."""
    return user_dir("state") / PROGRESS_FILE


class Progress(msgspec.Struct):
    """A quiz in progress: whether it is the short quiz, the answers so far (item id
    -> 1-5) and the position of the item to ask next (0-based)."""

    short: bool
    answers: dict[str, int] = {}
    position: int = 0

    def to_json(self) -> str:
        """The progress file's text: JSON with its kind and version, ending in a newline."""
        return (
            json.dumps(
                {
                    "kind": PROGRESS_KIND,
                    "version": PROGRESS_VERSION,
                    "short": self.short,
                    "position": self.position,
                    "answers": self.answers,
                },
                indent=2,
            )
            + "\n"
        )


class ProgressError(Exception):
    """A progress file that cannot be used; the message says why."""


def read_progress(path: Path) -> Progress | None:
    """The saved progress at `path`, None when there is none.

    Raises ProgressError, saying why, when the file cannot be trusted or read or is
    not progress this version wrote (at most MAX_PROGRESS_BYTES are read). The state
    folder may be shared, so only a regular file of this user that no one else can
    write is read: never a link, nor another user's file (see read_trusted).
    """
    raw = read_trusted(path)
    if raw is None:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ProgressError(f"it is not valid JSON ({error})") from None
    if not isinstance(data, dict) or data.get("kind") != PROGRESS_KIND:
        raise ProgressError("it is not a mktcareers quiz progress file")
    if data.get("version") != PROGRESS_VERSION:
        raise ProgressError(f"it has an unknown version ({data.get('version')!r})")
    short, position, answers = data.get("short"), data.get("position"), data.get("answers")
    if not isinstance(short, bool):
        raise ProgressError("'short' is not true or false")
    if isinstance(position, bool) or not isinstance(position, int) or position < 0:
        raise ProgressError("'position' is not a whole number of 0 or more")
    if not isinstance(answers, dict) or not all(
        isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5
        for value in answers.values()
    ):
        raise ProgressError("'answers' is not a mapping of item id to 1-5")
    return Progress(short=short, answers=dict(answers), position=position)


def read_trusted(
    path: Path, limit: int = MAX_PROGRESS_BYTES, what: str = "a quiz progress file"
) -> bytes | None:
    """The bytes of the state file at `path` (`what` it should be, for messages), None
    when there is none.

    ProgressError, saying why, for a link (never followed), a FIFO, socket or device
    (never opened), another user's file, a file others can write, or one over
    `limit` bytes.
    """
    try:  # never opened when it is a FIFO or device, nor read when oversized
        descriptor = open_regular(path, limit, follow_symlinks=False, owner_only=True)
    except (FileNotFoundError, NotADirectoryError):  # a file where the folder should be
        return None
    except RefusedFile as error:
        raise ProgressError(_refusal(path, error, what)) from None
    except OSError as error:
        raise ProgressError(f"cannot read it: {error.strerror or error}") from None
    with open(descriptor, "rb") as stream:
        mode = os.fstat(stream.fileno()).st_mode
        if hasattr(os, "getuid") and mode & (stat.S_IWGRP | stat.S_IWOTH):  # POSIX modes
            raise ProgressError(
                f"other users can change it (mode {stat.S_IMODE(mode):03o}), so it is not trusted"
            )
        try:
            raw = stream.read(limit + 1)
        except OSError as error:
            raise ProgressError(f"cannot read it: {error.strerror or error}") from None
    if len(raw) > limit:  # it grew since it was checked
        raise ProgressError(f"it is too large to be {what}")
    return raw


def _refusal(path: Path, error: RefusedFile, what: str) -> str:
    """Why open_regular refused the state file at `path`, as a clause."""
    if error.errno == errno.EFBIG:
        return f"it is too large to be {what}"
    if error.errno == errno.EPERM:
        with contextlib.suppress(OSError):
            return f"it belongs to another user (uid {os.lstat(path).st_uid}), so it is not trusted"
        return "it belongs to another user, so it is not trusted"
    if os.path.islink(path):
        with contextlib.suppress(OSError):
            return f"it is a link (to {os.readlink(path)}), and links are not followed here"
        return "it is a link, and links are not followed here"
    return f"it is {error.strerror}"


def save_progress(path: Path, progress: Progress) -> None:
    """Write `progress` to `path` atomically; OSError when it cannot be written."""
    write_atomic(path, progress.to_json())


def set_aside(path: Path) -> Path:
    """Move an unusable progress file out of the way (kept, not overwritten) to
    NAME.corrupt-YYYYmmdd-HHMMSS[-N] beside it, and return that path; OSError when
    it cannot be moved."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.replace(path, target)
    return target


def clear_progress(path: Path) -> None:
    """Delete the progress at `path` (a finished quiz); nothing when there is none."""
    Path(path).unlink(missing_ok=True)
