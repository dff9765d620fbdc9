"""Quiz progress files: saved, read back, refused with a reason, set aside."""

import json
import os
import subprocess
import sys

import pytest

from mktcareers.quiz import progress as state


def test_progress_round_trip(tmp_path):
    path = tmp_path / "progress.json"
    saved = state.Progress(short=True, answers={"r1": 4, "pref-code": 2}, position=5)
    state.save_progress(path, saved)
    assert state.read_progress(path) == saved
    assert json.loads(path.read_text())["kind"] == state.PROGRESS_KIND


def test_no_progress_is_none(tmp_path):
    assert state.read_progress(tmp_path / "absent.json") is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{oops", "not valid JSON"),
        (b"\xff\xfe\x00", "not valid JSON"),
        (b"[]", "not a mktcareers quiz progress file"),
        (b'{"kind": "something else"}', "not a mktcareers quiz progress file"),
        (
            b'{"kind": "mktcareers quiz progress", "version": 9, "short": true,'
            b' "position": 0, "answers": {}}',
            "unknown version",
        ),
        (
            b'{"kind": "mktcareers quiz progress", "version": 1, "short": "yes",'
            b' "position": 0, "answers": {}}',
            "'short'",
        ),
        (
            b'{"kind": "mktcareers quiz progress", "version": 1, "short": true,'
            b' "position": -1, "answers": {}}',
            "'position'",
        ),
        (
            b'{"kind": "mktcareers quiz progress", "version": 1, "short": true,'
            b' "position": 0, "answers": {"r1": 9}}',
            "'answers'",
        ),
    ],
)
def test_unusable_progress_says_why(tmp_path, content, reason):
    path = tmp_path / "progress.json"
    path.write_bytes(content)
    with pytest.raises(state.ProgressError, match=reason):
        state.read_progress(path)


def test_set_aside_keeps_the_file(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text("broken")
    first = state.set_aside(path)
    path.write_text("broken again")
    second = state.set_aside(path)
    assert first != second and not path.exists()
    assert first.read_text() == "broken" and second.read_text() == "broken again"


def test_a_fifo_as_progress_is_refused_without_blocking(tmp_path):
    """Opening a FIFO waits for a writer: the progress file is checked first."""
    path = tmp_path / "quiz-progress.json"
    os.mkfifo(path)
    code = (
        "import sys; from mktcareers.quiz import progress as p\n"
        "try: p.read_progress(sys.argv[1])\n"
        "except p.ProgressError as e: print(e)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "it is not a regular file (a FIFO)"
