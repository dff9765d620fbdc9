"""Feedback while a knowledge base is parsed from YAML (the first run after an edit).

Small knowledge bases parse in a blink and say nothing. A large one (thousands
of roles) shows a Rich progress bar on stderr once parsing has taken half a
second, when stderr is a terminal, and reports how long it took when that was
over a second. Rich is imported only when the bar is actually shown.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

SHOW_AFTER = 0.5  # seconds of parsing before the progress bar appears
REPORT_OVER = 1.0  # seconds: a load at least this slow is reported


class LoadFeedback:
    """A `progress(done, total)` callback for kb.load, then `finish()` when it returns."""

    def __init__(self, stream=None, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream or sys.stderr
        self.clock = clock
        self.started = clock()
        self._progress = None
        self._task = None

    def __call__(self, done: int, total: int) -> None:
        if self._progress is None:
            if self.clock() - self.started < SHOW_AFTER or not _is_terminal(self.stream):
                return
            self._start(total)
        self._progress.update(self._task, completed=done, total=total)

    def finish(self, what: str | None) -> float:
        """Remove the bar and report the time taken to read `what` when it was slow
        (None: the load failed, say nothing). Returns the time taken."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
        elapsed = self.clock() - self.started
        if what is not None and elapsed >= REPORT_OVER:
            self.stream.write(f"Read {what} in {elapsed:.1f} s; it is cached for next time.\n")
        return elapsed

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        console = Console(file=self.stream, highlight=False, emoji=False)
        self._progress = Progress(
            TextColumn("Reading the knowledge base"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
        )
        self._task = self._progress.add_task("read", total=total)
        self._progress.start()


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
