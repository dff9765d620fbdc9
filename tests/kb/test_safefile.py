import os
import subprocess
import sys

import pytest

from mktcareers.kb.safefile import RefusedFile, read_regular

fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def test_reads_a_regular_file_within_its_limit(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"slug: a\n")
    assert read_regular(path, 8) == b"slug: a\n"
    with pytest.raises(RefusedFile, match="file is over 7 bytes, the limit for this file"):
        read_regular(path, 7)


def test_an_oversize_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "sparse.yaml"
    with open(path, "wb") as stream:
        stream.truncate(10**12)  # sparse: a terabyte that takes no room
    monkeypatch.setattr(os, "open", lambda *args: pytest.fail("opened an oversize file"))
    with pytest.raises(RefusedFile, match="over 1,000 bytes"):
        read_regular(path, 1000)


def test_a_directory_is_a_directory(tmp_path):
    with pytest.raises(IsADirectoryError):
        read_regular(tmp_path, 1000)


@fifo_only
def test_a_fifo_is_refused_without_being_opened(tmp_path, monkeypatch):
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    monkeypatch.setattr(os, "open", lambda *args: pytest.fail("opened a FIFO"))
    with pytest.raises(RefusedFile, match=r"not a regular file \(a FIFO\)"):
        read_regular(path, 1000)


@fifo_only
@pytest.mark.parametrize("file", ["roles/pipe.yaml", "generated/derived.yaml", "quiz.yaml"])
def test_a_fifo_in_a_knowledge_base_is_a_problem_not_a_hang(kb_dir, file):
    (kb_dir / file).unlink(missing_ok=True)
    os.mkfifo(kb_dir / file)
    result = subprocess.run(
        [sys.executable, "-m", "mktcareers", "kb", "validate", str(kb_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert f"{file}: not a regular file (a FIFO)" in result.stderr
    assert "Traceback" not in result.stderr
