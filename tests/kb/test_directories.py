"""A knowledge base directory that cannot be one (a loop of links, a broken link, a FIFO,
a file, nothing) is one problem naming the path and why, from every command; a damaged
compiled file is never read past its own size."""

import json
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


# ------------------------------------------------------------------ stale derived numbers

SEO = "roles/seo-specialist.yaml"


def _onet(kb_dir, old: str, new: str) -> None:
    path = kb_dir / SEO
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "listed"),
    [
        ("code: 13-1161.01", "code: 15-1252.00", "15-1252.00 (1)"),  # another code
        ("code: 13-1161.01", "code: 13-1161.00", "13-1161.00 (1)"),  # a sibling code
        (
            "    weight: 1.0\n    reason: Search",
            "    weight: 0.5\n    reason: part\n  - code: 15-1254.00\n    weight: 0.5\n"
            "    reason: Search",
            "13-1161.01 (0.5), 15-1254.00 (0.5)",
        ),  # a second code
    ],
)
def test_numbers_derived_for_other_codes_are_never_shown_and_validate_says_so(
    run, kb_dir, old, new, listed
):
    _onet(kb_dir, old, new)
    record = json.loads(run("--data", str(kb_dir), "role", "show", "seo", "-f", "json").stdout)
    assert record["pay_median"] is None and record["pay"] is None
    result = run("kb", "validate", str(kb_dir))
    flat = " ".join(result.output.split())
    assert result.exit_code == 1
    assert f"derived for 13-1161.01 (1), but seo-specialist.yaml lists {listed}" in flat
    assert "scripts/build_derived.py" in flat


def test_a_code_o_net_does_not_have_is_a_problem_naming_the_field(run, kb_dir):
    _onet(kb_dir, "code: 13-1161.01", "code: 99-9999.00")
    result = run("--data", str(kb_dir), "roles", "list")
    assert result.exit_code == 1
    assert "onet[0].code: '99-9999.00' is not one of O*NET's 1,016 occupation codes" in (
        " ".join(result.output.split())
    )


# ------------------------------------------------------------------ YAML that helps


def test_a_date_among_other_problems_hides_none_of_them(run, kb_dir):
    path = kb_dir / SEO
    text = path.read_text(encoding="utf-8")
    text = text.replace("beginner_friendly: true", "beginner_friendly: 2024-01-05", 1)
    text = text.replace("title: SEO Specialist", "title: 2024-01-05", 1)
    text = text.replace("level: 5", "level: 9", 1)
    path.write_text(text, encoding="utf-8")
    result = run("kb", "validate", str(kb_dir))
    flat = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "beginner_friendly: expected true or false" in flat
    assert "level" in flat and "9" in flat  # the second problem of the same file
    assert "timestamp" not in flat


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_role_saved_as_utf16_or_utf32_with_a_bom_loads(run, kb_dir, encoding):
    path = kb_dir / SEO
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))  # BOM first
    result = run("--data", str(kb_dir), "role", "show", "seo-specialist", "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "SEO Specialist"
