"""The `mktcareers` program: `--version` is answered at once, anything else goes to the CLI."""

from __future__ import annotations

import contextlib
import gc
import os
import sys

# Collect cycles only after this many new container objects (Python's default: 700).
GC_THRESHOLD = 50_000


def main() -> None:
    # Importing Typer and Rich makes tens of thousands of long-lived objects and next
    # to no garbage, yet at the default threshold the collector walks them about 40
    # times: 5-8 ms of a 100 ms command. A long command still collects, just rarely.
    gc.set_threshold(GC_THRESHOLD)
    if sys.argv[1:] in (["--version"], ["-V"]):
        # The one answer that needs neither Typer nor the knowledge base.
        from mktcareers import __version__

        sys.stdout.write(f"mktcareers {__version__}\n")
        _leave(0)
    from mktcareers.cli.app import app

    try:
        app(prog_name="mktcareers")
    except SystemExit as done:
        _leave(done.code)
    _leave(0)


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
    except OSError:
        code = code or 1
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
