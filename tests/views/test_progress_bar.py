"""Feedback while a knowledge base is parsed: silent when quick, a bar and a time when slow."""

import io

from mktcareers.kb.loading import load
from mktcareers.views import progress as feedback
from mktcareers.views.progress import LoadFeedback


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_quick_load_says_nothing():
    clock, stream = Clock(), Terminal()
    shown = LoadFeedback(stream, clock)
    for done in range(1, 11):
        clock.now += 0.01
        shown(done, 10)
    assert shown.finish("the knowledge base") < feedback.REPORT_OVER
    assert stream.getvalue() == ""


def test_a_slow_load_shows_a_bar_then_reports_its_time():
    clock, stream = Clock(), Terminal()
    shown = LoadFeedback(stream, clock)
    shown(1, 4)
    assert stream.getvalue() == ""  # not yet: it has only just started
    clock.now += feedback.SHOW_AFTER + 0.1
    shown(2, 4)
    assert shown._progress is not None
    clock.now += 1.0
    shown(4, 4)
    assert shown.finish("the knowledge base (4 roles)") >= feedback.REPORT_OVER
    assert shown._progress is None
    assert "Read the knowledge base (4 roles) in 1.6 s; it is cached for next time." in (
        stream.getvalue()
    )


def test_no_bar_when_stderr_is_not_a_terminal_but_the_time_is_still_reported():
    clock, stream = Clock(), io.StringIO()
    shown = LoadFeedback(stream, clock)
    clock.now += 2.0
    shown(1, 2)
    assert shown._progress is None and stream.getvalue() == ""
    shown.finish("it")
    assert stream.getvalue() == "Read it in 2.0 s; it is cached for next time.\n"


def test_a_failed_load_reports_no_time():
    clock, stream = Clock(), io.StringIO()
    shown = LoadFeedback(stream, clock)
    clock.now += 5.0
    shown.finish(None)
    assert stream.getvalue() == ""


def test_kb_load_reports_every_file(kb_dir):
    calls = []
    knowledge = load(kb_dir, progress=lambda done, total: calls.append((done, total)))
    steps = len(knowledge.roles) + 1
    assert calls == [(done, steps) for done in range(1, steps + 1)]


def test_cli_is_silent_about_a_quick_first_load(run, kb_dir):
    result = run("--data", str(kb_dir), "roles", "list", "-f", "json")
    assert result.exit_code == 0 and result.stderr == ""
