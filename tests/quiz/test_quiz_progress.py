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


# ------------------------------------------------------------------ shared folders


def good_progress(path):
    state.save_progress(path, state.Progress(short=True, answers={"r1": 4}, position=1))
    return path


def planted(tmp_path, kind):
    """A progress file another user could have left, as `kind` says; its path."""
    path = tmp_path / "progress.json"
    if kind.startswith("mode "):
        good_progress(path).chmod(int(kind.split()[1], 8))
    elif kind == "link to our own file":
        path.symlink_to(good_progress(tmp_path / "elsewhere.json"))
    elif kind == "link to a missing file":
        path.symlink_to(tmp_path / "missing.json")
    elif kind == "link to a FIFO":
        os.mkfifo(tmp_path / "pipe")
        path.symlink_to(tmp_path / "pipe")
    elif kind == "FIFO":
        os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("mode 666", "other users can change it (mode 666), so it is not trusted"),
        ("mode 620", "other users can change it (mode 620), so it is not trusted"),
        ("mode 602", "other users can change it (mode 602), so it is not trusted"),
        ("link to our own file", "it is a link (to {tmp}/elsewhere.json), and links are not"),
        ("link to a missing file", "it is a link (to {tmp}/missing.json), and links are not"),
        ("link to a FIFO", "it is a link (to {tmp}/pipe), and links are not followed here"),
        ("FIFO", "it is not a regular file (a FIFO)"),
    ],
)
def test_progress_that_others_could_have_planted_is_refused(tmp_path, kind, reason):
    with pytest.raises(state.ProgressError) as refused:
        state.read_progress(planted(tmp_path, kind))
    assert str(refused.value).startswith(reason.format(tmp=tmp_path))


@pytest.mark.parametrize("mode", [0o600, 0o644, 0o400])
def test_progress_only_we_can_write_is_read(tmp_path, mode):
    path = good_progress(tmp_path / "progress.json")
    path.chmod(mode)
    assert state.read_progress(path) == state.Progress(short=True, answers={"r1": 4}, position=1)


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_another_users_progress_is_refused(tmp_path):
    path = good_progress(tmp_path / "progress.json")
    os.chown(path, 1234, 1234)
    with pytest.raises(state.ProgressError, match=r"belongs to another user \(uid 1234\)"):
        state.read_progress(path)
    theirs = good_progress(tmp_path / "theirs.json")
    os.chown(theirs, 1234, 1234)
    link = tmp_path / "link.json"
    link.symlink_to(theirs)
    with pytest.raises(state.ProgressError, match="it is a link"):
        state.read_progress(link)
