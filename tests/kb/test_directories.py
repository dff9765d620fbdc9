"""A knowledge base directory that cannot be one (a loop of links, a broken link, a FIFO,
a file, nothing) is one problem naming the path and why, from every command; a damaged
compiled file is never read past its own size."""

import os

import pytest

from mktcareers.kb import store as compiled
from mktcareers.kb.loading import load
from mktcareers.kb.store import Store


def loop(tmp_path):
    (tmp_path / "A").symlink_to(tmp_path / "B")
    (tmp_path / "B").symlink_to(tmp_path / "A")
    return tmp_path / "A", "loop of symbolic links"


def broken(tmp_path):
    (tmp_path / "C").symlink_to(tmp_path / "nowhere")
    return tmp_path / "C", "directory not found (a broken symbolic link)"


def fifo(tmp_path):
    os.mkfifo(tmp_path / "F")
    return tmp_path / "F", "is not a directory"


def plain_file(tmp_path):
    (tmp_path / "kb.yaml").write_text("roles: []\n")
    return tmp_path / "kb.yaml", "is not a directory"


def missing(tmp_path):
    return tmp_path / "absent", "directory not found"


def long_loop(tmp_path):
    for step in range(50):
        (tmp_path / f"L{step}").symlink_to(tmp_path / f"L{(step + 1) % 50}")
    return tmp_path / "L0", "loop of symbolic links"


KINDS = [loop, broken, fifo, plain_file, missing, long_loop]
COMMANDS = [
    ("roles", "list"),
    ("role", "show", "seo"),
    ("search", "seo"),
    ("quiz", "items"),
    ("path", "journalist"),
    ("occupation", "show", "journalist"),
    ("kb", "validate"),
]


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.__name__)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_directory_that_cannot_be_one_is_one_problem_from_every_command(
    run, tmp_path, kind, args
):
    where, why = kind(tmp_path)
    for how in (["--data", str(where)], []):
        env = {} if how else {"MKTCAREERS_DATA": str(where)}
        result = run(*how, *args, env=env)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        flat = " ".join(result.output.split())
        assert why in flat and where.name in flat


def test_a_compiled_head_longer_than_its_file_is_never_read(kb_dir, cache_dir, monkeypatch):
    Store.open(kb_dir, load)
    path = compiled.compiled_path(kb_dir)
    data = path.read_bytes()
    path.write_bytes((2**31).to_bytes(4, "little") + data[4:])  # a head of 2 GiB
    size = path.stat().st_size
    reads = []
    real_pread = os.pread

    def pread(descriptor, length, offset):
        reads.append(length)
        return real_pread(descriptor, length, offset)

    monkeypatch.setattr(compiled.os, "pread", pread)
    opened = Store.open(kb_dir, load)
    assert opened.summaries()  # compiled again from the YAML
    assert max(reads) <= size
