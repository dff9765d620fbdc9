"""The user's folders and atomic writes."""

import os
import stat
import time

import pytest

from mktcareers import userdata
from mktcareers.quiz import progress as state


def test_state_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(userdata.ENV_VARS["state"], str(tmp_path / "mine"))
    assert state.progress_path() == tmp_path / "mine" / state.PROGRESS_FILE
    monkeypatch.delenv(userdata.ENV_VARS["state"])
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert userdata.user_dir("state") == tmp_path / "xdg" / "mktcareers"


@pytest.mark.parametrize("kind", ["state", "cache"])
def test_each_folder_has_its_variable(monkeypatch, tmp_path, kind):
    monkeypatch.setenv(userdata.ENV_VARS[kind], str(tmp_path / kind))
    assert userdata.user_dir(kind) == tmp_path / kind


def test_cache_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(userdata.ENV_VARS["cache"])
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert userdata.user_dir("cache") == tmp_path / "xdg" / "mktcareers"


def test_write_atomic_replaces_whole_files_and_leaves_no_temporaries(tmp_path):
    path = tmp_path / "deep" / "file.json"
    userdata.write_atomic(path, "first\n")
    userdata.write_atomic(path, "second\n")
    assert path.read_text() == "second\n"
    assert os.listdir(path.parent) == ["file.json"]


def test_write_atomic_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "file.json"
    path.write_text("old\n")

    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(userdata.os, "replace", broken_replace)
    with pytest.raises(OSError):
        userdata.write_atomic(path, "new\n")
    assert path.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["file.json"]


def test_write_atomic_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "file.json"
    path.write_text("old\n")
    path.chmod(0o640)
    userdata.write_atomic(path, "new\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_text() == "new\n"


def test_write_atomic_removes_what_a_killed_writer_left(tmp_path):
    path = tmp_path / "file.json"
    old, fresh, other = (
        tmp_path / name for name in (".file.json.a.tmp", ".file.json.b.tmp", ".x.tmp")
    )
    for leftover in (old, fresh, other):
        leftover.write_text("half")
    hour_ago = time.time() - 3600
    for leftover in (old, other):
        os.utime(leftover, (hour_ago, hour_ago))
    userdata.write_atomic(path, "whole\n")
    assert not old.exists() and fresh.exists() and other.exists()


def test_write_atomic_never_replaces_what_is_not_a_regular_file(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        userdata.write_atomic(fifo, "data\n")
    with pytest.raises(OSError, match="not a regular file"):
        userdata.write_atomic(tmp_path, "data\n")  # a folder
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and sorted(os.listdir(tmp_path)) == ["pipe"]


def test_write_atomic_writes_through_a_symlink(tmp_path):
    target, link = tmp_path / "target.md", tmp_path / "link.md"
    target.write_text("old\n")
    link.symlink_to(target)
    userdata.write_atomic(link, "new\n")
    assert link.is_symlink() and target.read_text() == "new\n"


def test_a_new_file_gets_the_permissions_of_the_umask(tmp_path):
    previous = os.umask(0o027)
    try:
        userdata.write_atomic(tmp_path / "new.json", "{}\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_a_file_of_ours_is_replaced_whatever_stands_there(tmp_path):
    elsewhere, link, fifo = tmp_path / "elsewhere", tmp_path / "link", tmp_path / "fifo"
    elsewhere.write_text("theirs\n")
    link.symlink_to(elsewhere)
    os.mkfifo(fifo)
    for path in (link, fifo):
        userdata.write_atomic(path, "ours\n", ours=True)
        assert not path.is_symlink() and path.is_file() and path.read_text() == "ours\n"
    assert elsewhere.read_text() == "theirs\n"  # never written through
