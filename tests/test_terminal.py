"""End to end, in a real pseudo-terminal: the installed `mktcareers` takes a quiz that is
interrupted with Ctrl-C and resumed, and prints a role at 60 and 200 columns, with and
without colour. POSIX only (stdlib pty)."""

import json
import os
import re
import select
import sys
import time
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")

INSTALLED = Path(sys.executable).with_name("mktcareers")
COMMAND = [str(INSTALLED)] if INSTALLED.exists() else [sys.executable, "-m", "mktcareers"]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


class Terminal:
    """A program running in a pseudo-terminal of the given size."""

    def __init__(self, args, env, columns=100, lines=40) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the program
            os.execvpe(COMMAND[0], [*COMMAND, *args], env)
        size = lines.to_bytes(2, "little") + columns.to_bytes(2, "little") + bytes(4)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, size)
        self.output = b""
        self.status = None

    def read_until(self, pattern: str, count: int = 1, timeout: float = 30) -> str:
        """Read until `pattern` has appeared `count` times in all output so far."""
        deadline = time.monotonic() + timeout
        while len(re.findall(pattern, self.text)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"waited for {pattern!r} x{count}; got:\n{self.text[-2000:]}")
            if not self._read(0.2):
                break
        return self.text

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def wait(self, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._read(0.1)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                while self._read(0.05):
                    pass
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, 9)
        raise AssertionError(f"still running; output:\n{self.text[-2000:]}")

    @property
    def text(self) -> str:
        return ANSI.sub("", self.output.decode("utf-8", "replace")).replace("\r", "")

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # the program has ended and closed its side
            return False
        self.output += chunk
        return bool(chunk)


@pytest.fixture
def env(tmp_path):
    return {
        **{k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")},
        "TERM": "xterm-256color",
        "MKTCAREERS_STATE_DIR": str(tmp_path / "state"),
        "MKTCAREERS_CACHE_DIR": str(tmp_path / "cache"),
        "COLUMNS": "100",
        "LINES": "40",
    }


PROMPT = r"Answer \(1-5"
LIKED = ("Artistic", "Enterprising")


def answer_for(screen: str) -> bytes:
    """A creative, enterprising person: 5 for Artistic and Enterprising items, 1 for the
    other interests, 3 for the rest."""
    headers = re.findall(r"\n\d+/\d+(?: +(\w+))?\n", screen)  # "3/19  Artistic"; "13/19"
    area = headers[-1] if headers else ""
    if area in LIKED:
        return b"5\r"
    if area in ("Realistic", "Investigative", "Social", "Conventional"):
        return b"1\r"
    return b"3\r"


def test_quiz_interrupted_resumed_and_finished(env, tmp_path):
    first = Terminal(["quiz", "--short"], env)
    for asked in range(1, 4):
        screen = first.read_until(PROMPT, count=asked)
        first.send(answer_for(screen))
    first.read_until(PROMPT, count=4)
    first.send(b"\x03")  # Ctrl-C
    assert first.wait() == 130
    assert "Continue with: mktcareers quiz --resume" in first.text
    progress = json.loads((tmp_path / "state" / "quiz-progress.json").read_text())
    assert len(progress["answers"]) == 3

    second = Terminal(["quiz", "--resume"], env)
    for asked in range(1, 17):  # the 16 items left of the short quiz's 19
        screen = second.read_until(PROMPT, count=asked)
        second.send(answer_for(screen))
    assert second.wait() == 0
    results = second.text
    assert "not a validated" in results  # the disclaimer
    top = re.findall(r"Next: mktcareers role show (\S+)", results)  # for the best match
    assert top and top[0] in {
        "copywriter",
        "public-relations-specialist",
        "graphic-designer",
        "community-manager",
        "content-marketer",
        "brand-manager",
    }, results[-3000:]
    # finished: nothing left to resume, the results kept for `quiz results`
    assert [path.name for path in (tmp_path / "state").glob("*.json")] == ["quiz-results.json"]


def visible_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("columns", [60, 200])
def test_role_show_fits_any_width_and_cuts_nothing(env, columns):
    shown = Terminal(["role", "show", "seo-specialist"], {**env, "COLUMNS": str(columns)}, columns)
    assert shown.wait() == 0
    lines = visible_lines(shown.text)
    assert max(len(line) for line in lines) <= columns
    flat = " ".join(" ".join(line.strip("│╭╮╰╯─ ") for line in lines).split())
    for expected in (
        "SEO Specialist (seo-specialist)",
        "$78,760 a year",
        "Screaming Frog SEO Spider",
        "13-1161.01",
        "Typical next roles",
    ):
        assert expected in flat, (expected, flat[:3000])


def sgr_codes(raw: bytes) -> list[str]:
    return re.findall(r"\x1b\[([0-9;]*)m", raw.decode("utf-8", "replace"))


def colours(raw: bytes) -> list[str]:
    """SGR parameters that set a colour (foreground, background, 256 and true colour)."""
    found = []
    for code in sgr_codes(raw):
        parts = code.split(";")
        found += [p for p in parts if p and (30 <= int(p) <= 49 or 90 <= int(p) <= 107)]
    return found


def test_role_show_is_coloured_on_a_terminal_and_not_with_no_color(env):
    coloured = Terminal(["role", "show", "seo-specialist"], env)
    assert coloured.wait() == 0
    assert colours(coloured.output)
    plain = Terminal(["role", "show", "seo-specialist"], {**env, "NO_COLOR": "1"})
    assert plain.wait() == 0
    assert not colours(plain.output)
    assert plain.text.split() == coloured.text.split()  # the same words either way
