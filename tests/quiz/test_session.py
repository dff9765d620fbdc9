"""The quiz's rules without a terminal: saved progress, where to start, replies."""

import pytest

from mktcareers.kb.loading import load
from mktcareers.kb.location import bundled_dir
from mktcareers.kb.quizfile import load_quiz
from mktcareers.quiz import progress as state
from mktcareers.quiz import session as sessions
from mktcareers.quiz.items import ordered_items
from mktcareers.quiz.session import Reply, Start


@pytest.fixture(scope="module")
def quiz():
    return load_quiz(load(bundled_dir()))


SAVED = state.Progress(short=True, answers={"r1": 4}, position=1)


@pytest.mark.parametrize(
    ("saved", "resume", "start"),
    [
        (None, False, Start.NEW),
        (None, True, Start.NOTHING_TO_RESUME),
        (SAVED, True, Start.RESUME),
        (SAVED, False, Start.ASK),
    ],
)
def test_how_to_start(saved, resume, start):
    assert sessions.how_to_start(saved, resume) is start


@pytest.mark.parametrize(
    ("content", "progress", "problem"),
    [
        (None, None, None),
        (SAVED.to_json().encode(), SAVED, None),
        (b"{not json", None, "not valid JSON"),
        (b'{"kind": "else"}', None, "not a mktcareers quiz progress file"),
    ],
)
def test_find_saved(tmp_path, content, progress, problem):
    path = tmp_path / "progress.json"
    if content is not None:
        path.write_bytes(content)
    found = sessions.find_saved(path)
    assert found.progress == progress
    if problem is None:
        assert found.problem is None and found.kept_as is None
        assert path.exists() == (content is not None)
    else:
        assert problem in found.problem
        assert not path.exists() and found.kept_as.read_bytes() == content


def test_find_saved_stuck_when_it_cannot_be_moved(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    path.write_text("{not json")

    def read_only_folder(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sessions, "set_aside", read_only_folder)
    with pytest.raises(sessions.StuckProgress) as stuck:
        sessions.find_saved(path)
    assert "not valid JSON" in stuck.value.problem
    assert stuck.value.error.strerror == "Permission denied"
    assert path.read_text() == "{not json"


@pytest.mark.parametrize(
    ("short", "saved", "expect_short", "answers", "position"),
    [
        (False, None, False, {}, 0),
        (True, None, True, {}, 0),
        # a saved quiz keeps its own length, whatever --short says
        (True, state.Progress(False, {"r1": 4}, 1), False, {"r1": 4}, 1),
        (False, state.Progress(True, {"r1": 4, "i1": 2}, 2), True, {"r1": 4, "i1": 2}, 2),
        # answers to items the quiz no longer has are dropped; a position past the end is clamped
        (False, state.Progress(True, {"r1": 4, "gone": 3}, 999), True, {"r1": 4}, 19),
    ],
)
def test_begin(quiz, short, saved, expect_short, answers, position):
    session = sessions.begin(quiz, short, saved)
    assert session.short is expect_short
    assert session.items == ordered_items(quiz, short=expect_short)
    assert session.answers == answers and session.position == position


@pytest.mark.parametrize(
    ("replies", "outcomes", "answers", "position"),
    [
        (["4", " 5 "], [Reply.MOVED, Reply.MOVED], {"r1": 4, "i1": 5}, 2),
        (["b"], [Reply.AT_FIRST], {}, 0),
        (["3", "b", ""], [Reply.MOVED, Reply.MOVED, Reply.MOVED], {"r1": 3}, 1),
        ([""], [Reply.INVALID], {}, 0),  # nothing to keep yet
        (["maybe", "9", "S"], [Reply.INVALID, Reply.INVALID, Reply.MOVED], {}, 1),
        (["2", "b", "skip"], [Reply.MOVED, Reply.MOVED, Reply.MOVED], {}, 1),
        (["2", "Q"], [Reply.MOVED, Reply.QUIT], {"r1": 2}, 1),
    ],
)
def test_replies(quiz, replies, outcomes, answers, position):
    session = sessions.begin(quiz, short=True)
    assert [session.reply(text) for text in replies] == outcomes
    assert session.answers == answers and session.position == position
    assert session.progress() == state.Progress(True, answers, position)


def test_done_and_answered(quiz):
    session = sessions.begin(quiz, short=True)
    for _ in session.items:
        session.reply("3")
    assert session.done and session.answered() == len(session.items) == 19
    session.answers["not-in-this-quiz"] = 1
    assert session.answered() == 19
