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


# ------------------------------------------------------------------ links and folders


def test_a_link_is_written_through_when_its_targets_folder_exists(tmp_path):
    (tmp_path / "real").mkdir()
    target, link = tmp_path / "real" / "new.json", tmp_path / "link.json"
    link.symlink_to(target)  # dangling until the write
    assert userdata.write_atomic(link, "new\n", make_folder=False) == target
    assert link.is_symlink() and target.read_text() == "new\n"
    assert userdata.write_atomic(tmp_path / "plain.json", "x\n") == tmp_path / "plain.json"


@pytest.mark.parametrize("make_folder", [True, False])
@pytest.mark.parametrize("missing", ["nowhere/x.json", "nowhere/deeper/x.json"])
def test_no_folder_is_ever_made_through_a_link(tmp_path, make_folder, missing):
    link = tmp_path / "here" / "link.json"
    link.parent.mkdir()
    link.symlink_to(tmp_path / missing)
    folder = (tmp_path / missing).parent
    with pytest.raises(FileNotFoundError, match=f"whose folder {folder} does not exist"):
        userdata.write_atomic(link, "data\n", make_folder=make_folder)
    assert not (tmp_path / "nowhere").exists() and os.listdir(link.parent) == ["link.json"]


def test_a_missing_folder_is_an_error_unless_it_may_be_made(tmp_path):
    path = tmp_path / "nodir" / "deeper" / "x.json"
    with pytest.raises(FileNotFoundError, match=f"folder {path.parent} does not exist"):
        userdata.write_atomic(path, "data\n", make_folder=False)
    assert os.listdir(tmp_path) == []
    userdata.write_atomic(path, "data\n")  # our own folders are made
    assert path.read_text() == "data\n"


@pytest.mark.parametrize("through_a_link", [False, True])
def test_a_fifo_is_refused_by_kind(tmp_path, through_a_link):
    fifo, link = tmp_path / "pipe.json", tmp_path / "link.json"
    os.mkfifo(fifo)
    link.symlink_to(fifo)
    with pytest.raises(OSError, match="it is a FIFO, not a regular file"):
        userdata.write_atomic(link if through_a_link else fifo, "data\n", make_folder=False)
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and link.is_symlink()
    assert sorted(os.listdir(tmp_path)) == ["link.json", "pipe.json"]


def test_a_link_keeps_its_targets_mode(tmp_path):
    target, link = tmp_path / "target.json", tmp_path / "link.json"
    target.write_text("old\n")
    target.chmod(0o600)
    link.symlink_to(target)
    userdata.write_atomic(link, "new\n", make_folder=False)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text() == "new\n"


# ------------------------------------------------------------------ stale temporary files


def stale_file(path, seconds, content=b"half"):
    """A file at `path` last written `seconds` ago."""
    path.write_bytes(content)
    return aged(path, seconds)


def aged(path, seconds):
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)
    return path


def test_stale_temporaries_of_other_names_are_removed_from_our_folder(tmp_path):
    other = ".kb-deadbeefdeadbeef.msgpack"
    stale = stale_file(tmp_path / f"{other}.q.tmp", 86400, b"\0" * 5_000_000)
    young = stale_file(tmp_path / f"{other}.abcd1234.tmp", 1800)  # another writer at work
    keep = {
        "notes.tmp": "file",  # not our name pattern
        ".x.tmp": "file",
        ".cfg.Upper.tmp": "file",  # mkstemp's random part is lower case
        ".kb-1.msgpack.aaaa.tmp": "folder",
        ".kb-2.msgpack.bbbb.tmp": "link",
    }
    for name, kind in keep.items():
        if kind == "file":
            (tmp_path / name).write_text("mine")
        elif kind == "folder":
            (tmp_path / name).mkdir()
        else:
            (tmp_path / name).symlink_to(tmp_path / "notes.tmp")
        aged(tmp_path / name, 86400)
    userdata.write_atomic(tmp_path / "kb-0.msgpack", b"ours", ours=True)
    assert not stale.exists() and young.exists()
    assert all((tmp_path / name).exists() or (tmp_path / name).is_symlink() for name in keep)


def test_other_names_are_left_alone_in_a_folder_we_do_not_own(tmp_path):
    theirs = stale_file(tmp_path / ".report.json.abcdefgh.tmp", 86400)
    userdata.write_atomic(tmp_path / "results.json", "{}\n", make_folder=False)
    assert theirs.exists()


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_another_users_stale_temporary_is_left(tmp_path):
    theirs = tmp_path / ".kb-x.msgpack.abcdefgh.tmp"
    theirs.write_text("theirs")
    os.chown(theirs, 1234, 1234)
    aged(theirs, 86400)
    userdata.write_atomic(tmp_path / "kb-0.msgpack", b"ours", ours=True)
    assert theirs.exists()


def test_the_cleanup_looks_at_a_bounded_number_of_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(userdata, "MAX_ENTRIES_LOOKED_AT", 5)
    for number in range(20):
        stale_file(tmp_path / f".kb-{number}.msgpack.abcdefgh.tmp", 86400)
    assert userdata.remove_stale_temporaries(tmp_path / "kb-x.msgpack", every_name=True) <= 5
    assert len(os.listdir(tmp_path)) >= 15
    monkeypatch.setattr(userdata, "MAX_ENTRIES_LOOKED_AT", 1000)
    assert userdata.remove_stale_temporaries(tmp_path / "kb-x.msgpack", every_name=True) >= 1
    assert os.listdir(tmp_path) == []
