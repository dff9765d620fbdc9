"""The `mktcareers` program: `--version` is answered at once, anything else goes to the CLI."""

from __future__ import annotations

import contextlib
import errno
import gc
import io
import os
import sys

# Collect cycles only after this many new container objects (Python's default: 700).
GC_THRESHOLD = 50_000
# Narrower than this, Rich draws tables as blank rows; COLUMNS=0 would draw nothing.
MIN_COLUMNS = 20


def main() -> None:
    # Importing Typer and Rich makes tens of thousands of long-lived objects and next
    # to no garbage, yet at the default threshold the collector walks them about 40
    # times: 5-8 ms of a 100 ms command. A long command still collects, just rarely.
    gc.set_threshold(GC_THRESHOLD)
    _tame_environment()
    if sys.argv[1:] in (["--version"], ["-V"]):
        # The one answer that needs neither Typer nor the knowledge base.
        from mktcareers import __version__

        try:
            sys.stdout.write(f"mktcareers {__version__}\n")
        except BrokenPipeError:
            pass
        except OSError as error:
            _leave(_cannot_write(error))
        _leave(0)
    from mktcareers.cli.app import app

    output = _identity(sys.stdout)
    try:
        app(prog_name="mktcareers")
    except SystemExit as done:
        _leave(0 if done.code == 1 and _reader_gone(output) else done.code)
    except BrokenPipeError:
        _leave(0)  # the reader has gone (`| head -1`): nothing more to say
    except OSError as error:  # the output cannot be written: a full disk, a bad descriptor
        _leave(_cannot_write(error))
    _leave(0)


def _tame_environment() -> None:
    """Make the process safe to run wherever it is started, before Typer or Rich look.

    A closed standard input reads as empty (a quiz then stops as at end of input); a
    closed standard error discards messages; a closed standard output (`>&-`) fails
    the first write (_ClosedOutput), so an answer is an error (exit 1) while a usage
    error, written to stderr, is still shown with its exit 2. An output encoding that
    cannot show every character (PYTHONIOENCODING=ascii, LANG=C on old systems) shows '?' for them
    instead of failing. A COLUMNS that is not a width, or narrower than MIN_COLUMNS,
    is ignored or widened.
    """
    for descriptor in (0, 1, 2):  # lowest first: each open takes the one closed
        try:
            os.fstat(descriptor)
        except OSError:  # closed: hold it, so no file we open becomes our stdout
            os.open(os.devnull, os.O_RDWR)
    if sys.stdin is None:
        sys.stdin = open(os.devnull)  # noqa: SIM115 - for the life of the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the life of the process
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    for stream in (sys.stdout, sys.stderr):
        if not (getattr(stream, "encoding", None) or "").lower().startswith("utf"):
            with contextlib.suppress(AttributeError, ValueError):
                stream.reconfigure(errors="replace")
    columns = os.environ.get("COLUMNS", "").strip()
    if columns and not (columns.isdigit() and int(columns) >= MIN_COLUMNS):
        if columns.isdigit() and int(columns) > 0:
            os.environ["COLUMNS"] = str(MIN_COLUMNS)
        else:
            del os.environ["COLUMNS"]


class _ClosedOutput(io.TextIOBase):
    """Standard output when the process was started without one: any write raises
    OSError (EBADF, "standard output is closed"), which main reports as it reports
    a full disk; flushing nothing is fine."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _identity(stream) -> tuple[int, int] | None:
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return info.st_dev, info.st_ino


def _reader_gone(output: tuple[int, int] | None) -> bool:
    """Whether the reader of our output left while we wrote (`--help | head -1`): Rich
    then points standard output at os.devnull, Click wraps it in its PacifyFlushWrapper,
    and both end with SystemExit(1), where a command whose own flush finds the pipe
    closed ends quietly with 0 (see _leave)."""
    if type(sys.stdout).__name__ == "PacifyFlushWrapper":
        return True
    return output is not None and _identity(sys.stdout) not in (output, None)


def _cannot_write(error: OSError) -> int:
    """Say on stderr that the output could not be written; the exit code (1, or 0 when
    the reader has simply gone)."""
    if isinstance(error, BrokenPipeError):
        return 0
    with contextlib.suppress(OSError):
        reason = error.strerror or str(error)
        sys.stderr.write(f"Error: cannot write the output: {reason}.\n")
    return 1


def _leave(code: int | str | None) -> None:
    """Flush the output and exit with `code` (as SystemExit reads it) at once.

    A normal exit first tears the interpreter down, freeing every module and
    object one by one: after a command that took 60 ms that is another 15 ms
    spent on nothing. Nothing here needs it: the cache file is closed when the
    command ends and every file we write is already synced (userdata.write_atomic).
    When the reader of our output has gone (`mktcareers roles list | head -1`),
    the rest of the output is dropped without a word.
    """
    if code is None:
        code = 0
    elif not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader has gone: nothing more to say
    except OSError as error:
        code = code or _cannot_write(error)
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
