"""The quiz as a person takes it: the real program in a pseudo-terminal (stdlib `pty`), at
80 and 40 columns, with colours on: answer, go back, keep, skip, quit, resume, Ctrl-C,
resume again to the end, then `quiz results`.

CliRunner feeds stdin from a string and has no terminal; this drives the installed
program through the same line discipline a terminal gives it (echo, Enter as CR,
Ctrl-C as a signal), with the window size set by TIOCSWINSZ rather than COLUMNS."""

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time

import pytest

from mktcareers.kb.loading import load
from mktcareers.kb.location import bundled_dir
from mktcareers.kb.quizfile import load_quiz
from mktcareers.quiz import last_result
from mktcareers.quiz import progress as state
from mktcareers.quiz.items import ordered_items

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

TIMEOUT = 30  # seconds for one expected piece of output: start-up included
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


RUNNING: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def _no_program_left_running():
    """A failed expectation leaves its program running: end it here, so it cannot
    hang the run or warn about itself in another test."""
    yield
    while RUNNING:
        process = RUNNING.pop()
        if process.poll() is None:
            process.kill()
        process.wait(TIMEOUT)


class PseudoTerminal:
    """One run of mktcareers in a pseudo-terminal `columns` wide: what it wrote (colours
    stripped, CR LF as LF) and what it is asked to read, as a person types it."""

    def __init__(self, args, columns: int, state_dir) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"COLUMNS", "LINES", "TERMINAL_WIDTH", "_TYPER_FORCE_DISABLE_TERMINAL"}
            and not key.startswith(("NO_COLOR", "FORCE_COLOR"))
        }
        env.update(TERM="xterm-256color", MKTCAREERS_STATE_DIR=str(state_dir))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mktcareers", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,  # the pty becomes its controlling terminal: Ctrl-C works
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)
        RUNNING.append(self.process)
        self.raw = b""
        self.seen = 0  # how much of the text `expect` has consumed

    @property
    def text(self) -> str:
        decoded = self.raw.decode("utf-8", errors="replace")
        return ANSI.sub("", decoded).replace("\r\n", "\n")

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the program has ended and the terminal closed
            return False
        self.raw += chunk
        return bool(chunk)

    def expect(self, pattern: str) -> re.Match:
        """Wait for `pattern` (a regex) in what is written after the last match."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            found = re.compile(pattern).search(self.text, self.seen)
            if found:
                self.seen = found.end()
                return found
            if time.monotonic() > deadline or not self._read(deadline - time.monotonic()):
                if self.process.poll() is not None and not self._read(0.1):
                    raise AssertionError(f"ended without {pattern!r}:\n{self.text[-2000:]}")
                if time.monotonic() > deadline:
                    raise AssertionError(f"no {pattern!r} in {TIMEOUT}s:\n{self.text[-2000:]}")

    def type(self, line: str) -> None:
        """Type `line` and press Enter (a terminal sends CR)."""
        os.write(self.master, line.encode() + b"\r")

    def interrupt(self) -> None:
        """Press Ctrl-C (the terminal turns it into SIGINT for the program)."""
        os.write(self.master, b"\x03")

    def finish(self) -> int:
        """Read to the end; the exit status."""
        while self._read(1.0) or self.process.poll() is None:
            pass
        code = self.process.wait(TIMEOUT)
        os.close(self.master)
        return code


@pytest.fixture(scope="module")
def short_items():
    return ordered_items(load_quiz(load(bundled_dir())), short=True)


def answer_for(item) -> str:
    """A clear profile: Artistic and Enterprising liked, the rest disliked; mid answers
    for preferences, zone 2 for the background question, skills skipped."""
    if item.kind == "interest":
        return "5" if item.area in "AE" else "2"
    if item.kind == "background":
        return "2"
    return "3" if item.kind == "preference" else "s"


def paused(number: int, total: int, answered: int) -> str:
    """The message when the quiz stops, as a regex: stderr wraps it between any words."""
    said = f"Quiz paused at item {number} of {total} ({answered} answered); progress saved"
    return r"\s+".join(map(re.escape, said.split()))


def prompt(number: int, total: int) -> str:
    return rf"\n{number}/{total}\b[^\n]*\n(?:.*\n)*?Answer \(1-5"


@pytest.mark.parametrize("columns", [80, 40])
def test_quiz_in_a_terminal(tmp_path, short_items, columns):
    total = len(short_items)
    state_dir = tmp_path / "state"

    # Answer, go back (the answer given is offered), keep it, skip, answer, quit.
    quiz = PseudoTerminal(["quiz", "--short"], columns, state_dir)
    quiz.expect(r"Part 1 of 4")
    quiz.expect(prompt(1, total))
    quiz.type("4")
    quiz.expect(prompt(2, total))
    quiz.type("b")
    quiz.expect(r"\n1/\d+")
    quiz.expect(r"\[4\]: ")
    quiz.type("")  # Enter keeps the answer shown
    quiz.expect(prompt(2, total))
    quiz.type("s")
    quiz.expect(prompt(3, total))
    quiz.type("maybe")
    quiz.expect(r"Type a number from 1 to 5")
    quiz.type("5")
    quiz.expect(prompt(4, total))
    quiz.type("q")
    quiz.expect(paused(4, total, 2))
    assert quiz.finish() == 0
    saved = state.read_progress(state_dir / state.PROGRESS_FILE)
    assert saved.answers == {short_items[0].id: 4, short_items[2].id: 5}
    assert saved.position == 3

    # Resume where it stopped, answer two more, then Ctrl-C: saved, exit 130.
    quiz = PseudoTerminal(["quiz", "--resume"], columns, state_dir)
    quiz.expect(prompt(4, total))
    assert f"\n1/{total}" not in quiz.text
    for item in short_items[3:5]:
        quiz.type(answer_for(item))
    quiz.expect(prompt(6, total))
    quiz.interrupt()
    quiz.expect(paused(6, total, 4))
    assert quiz.finish() == 130
    assert state.read_progress(state_dir / state.PROGRESS_FILE).position == 5

    # Resume again and go to the end: the results, fitted to the terminal.
    quiz = PseudoTerminal(["quiz", "--resume"], columns, state_dir)
    for number, item in enumerate(short_items[5:], start=6):
        quiz.expect(prompt(number, total))
        quiz.type(answer_for(item))
    quiz.expect(r"Your Holland code: AE")
    assert quiz.finish() == 0
    results = quiz.text[quiz.text.index("Your interest profile") :]
    widest = max(len(line) for line in results.splitlines())
    assert widest <= columns and widest > columns - 10  # the terminal's width, not a default
    assert "Roles that fit you best" in results and "1." in results
    assert not (state_dir / state.PROGRESS_FILE).exists()
    kept = last_result.read_results(state_dir / last_result.RESULTS_FILE)
    first = kept["matches"][0]
    assert first["slug"] in results and f"fit {first['fit']}/100" in results
    answered_last = sum(answer_for(item) != "s" for item in short_items[5:])
    assert kept["job_zone"] == 2 and kept["answered"] == 2 + 2 + answered_last

    # And again later, without a question.
    shown = PseudoTerminal(["quiz", "results"], columns, state_dir)
    shown.expect(r"Your Holland code: AE")
    assert shown.finish() == 0
    assert first["slug"] in shown.text and f"fit {first['fit']}/100" in shown.text
    assert "Answer (1-5" not in shown.text
    assert max(len(line) for line in shown.text.splitlines()) <= columns


def test_ctrl_c_at_the_continue_question_exits_130(tmp_path, short_items):
    state_dir = tmp_path / "state"
    state_dir.mkdir()
    state.save_progress(
        state_dir / state.PROGRESS_FILE,
        state.Progress(short=True, answers={short_items[0].id: 4}, position=1),
    )
    quiz = PseudoTerminal(["quiz"], 80, state_dir)
    quiz.expect(r"Continue it\?")
    quiz.interrupt()
    assert quiz.finish() == 130
    assert state.read_progress(state_dir / state.PROGRESS_FILE).position == 1
    assert "Traceback" not in quiz.text
