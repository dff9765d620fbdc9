"""Issue 14's property tests: real processes in varied environments and over files that
are not what they seem. Whatever the terminal (COLUMNS, PYTHONIOENCODING, NO_COLOR, TERM)
and whatever kind of file stands where one is read or written (FIFO, symlink loop,
dangling link, directory, oversize, a device), the program ends within its time, with
exit 0, 1 or 2, no traceback, and a message naming the path when it refuses one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mktcareers.kb.location import bundled_dir
from mktcareers.kb.store import compiled_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs and symlinks are POSIX")

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# A hang is a failure: no command of ours should take this long even on a busy machine.
TIME_LIMIT = 60

COMMANDS = [
    ["roles", "list"],
    ["roles", "list", "--format", "md"],
    ["roles", "list", "--format", "csv"],
    ["role", "show", "seo-specialist"],
    ["role", "show", "copywriter", "--format", "yaml"],
    ["compare", "marketing", "it"],
    ["compare", "seo-specialist", "web-developer"],
    ["path", "it-support-specialist"],
    ["path", "journalist", "marketing"],
    ["search", "analytics"],
    ["occupation", "show", "27-3023"],
    ["skills", "list"],
    ["skill", "show", "seo"],
    ["quiz", "items", "--short"],
    ["kb", "validate"],
    ["map"],
]
ENCODINGS = ["ascii", "latin-1", "cp1252", "utf-8", "utf-16", "ascii:replace"]
COLUMNS = ["0", "1", "-5", "abc", "", "12", "40", "80", "200", "99999"]
TERMS = [None, "", "dumb", "xterm-256color", "vt100"]


def run_tool(
    args, env_changes: dict, tmp_path: Path, stdin: str = ""
) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("MKTCAREERS_")}
    env.pop("_TYPER_FORCE_DISABLE_TERMINAL", None)
    env["MKTCAREERS_CACHE_DIR"] = str(tmp_path / "cache")
    env["MKTCAREERS_STATE_DIR"] = str(tmp_path / "state")
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-m", "mktcareers", *args],
        input=stdin.encode(),
        capture_output=True,
        env=env,
        timeout=TIME_LIMIT,
        cwd=tmp_path,
    )


def text_of(raw: bytes) -> str:
    for encoding in ("utf-8", "utf-16"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


@SETTINGS
@given(
    args=st.sampled_from(COMMANDS),
    encoding=st.sampled_from(ENCODINGS),
    columns=st.sampled_from(COLUMNS),
    no_color=st.sampled_from([None, "1", ""]),
    term=st.sampled_from(TERMS),
)
def test_every_view_works_in_any_terminal(
    tmp_path_factory, args, encoding, columns, no_color, term
):
    tmp_path = tmp_path_factory.mktemp("env")
    env = {"PYTHONIOENCODING": encoding, "COLUMNS": columns, "NO_COLOR": no_color, "TERM": term}
    done = run_tool(args, env, tmp_path)
    # decoded as the terminal's encoding: guessing would read cp1252 bytes as UTF-16
    out = done.stdout.decode(encoding.split(":")[0], "replace")
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, (args, env, err)
    assert "Traceback" not in out + err, (args, env, err)
    assert out.strip(), (args, env)  # something usable was printed
    lines = out.splitlines()
    assert lines and lines[0].strip(), (args, env, lines[:2])  # no blank first line
    if encoding.startswith(("ascii", "latin-1", "cp1252")):
        done.stdout.decode(encoding.split(":")[0])  # every byte is of the terminal's encoding
    # a huge COLUMNS never pads lines with thousands of spaces (a Markdown or CSV row is
    # as long as its data)
    if "--format" not in args:
        assert max(len(line) for line in lines) <= 200, (args, env)
    if no_color is not None or term == "dumb":
        assert "\x1b[" not in out, (args, env)


# ----------------------------------------------------------------- file kinds

KINDS = ["fifo", "loop", "dangling", "directory", "oversize", "dev-zero", "empty", "utf16-no-bom"]


def plant(path: Path, kind: str) -> None:
    """Put a file of `kind` at `path` (whatever stood there is removed first)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "loop":
        other = path.with_name(path.name + ".other")
        path.symlink_to(other)
        other.symlink_to(path)
    elif kind == "dangling":
        path.symlink_to(path.with_name("nowhere"))
    elif kind == "directory":
        path.mkdir()
        (path / "inside.yaml").write_text("a: 1\n")
    elif kind == "oversize":
        with path.open("wb") as file:
            file.truncate(80_000_000)  # sparse: no disk used, but far over every limit
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "utf16-no-bom":
        path.write_bytes("slug: x\n".encode("utf-16-le"))


TARGETS = {
    # where: (how to make the path, the command that reads it)
    "role-file": (lambda root, tmp: root / "roles" / "seo-specialist.yaml", ["roles", "list"]),
    "new-role-file": (
        lambda root, tmp: root / "roles" / "zz-planted.yaml",
        ["role", "show", "seo"],
    ),
    "skills-file": (lambda root, tmp: root / "skills.yaml", ["skills", "list"]),
    "derived-file": (lambda root, tmp: root / "generated" / "derived.yaml", ["kb", "validate"]),
    "occupations": (
        lambda root, tmp: root / "generated" / "occupations.json",
        ["occupation", "show", "27-3023"],
    ),
    "kb-folder": (lambda root, tmp: root, ["roles", "list"]),
    "quiz-file": (lambda root, tmp: root / "quiz.yaml", ["quiz", "items"]),
    "questions-file": (lambda root, tmp: root / "questions.yaml", ["ask", "remote"]),
    "answers": (lambda root, tmp: tmp / "answers.yaml", ["quiz", "--answers", "answers.yaml"]),
    "save-target": (
        lambda root, tmp: tmp / "saved.json",
        ["quiz", "--answers", "good.yaml", "--save", "saved.json", "-f", "json"],
    ),
}


def copy_kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(bundled_dir(), root, ignore=shutil.ignore_patterns("raw"))
    return root


@SETTINGS
@given(target=st.sampled_from(sorted(TARGETS)), kind=st.sampled_from(KINDS))
def test_no_file_kind_hangs_or_crashes_any_reader(tmp_path_factory, target, kind):
    tmp_path = tmp_path_factory.mktemp("files")
    root = copy_kb(tmp_path)
    (tmp_path / "good.yaml").write_text("")  # an answers file with no answers: a clean refusal
    where, args = TARGETS[target]
    path = where(root, tmp_path)
    plant(path, kind)
    done = run_tool(["--data", str(root), *args], {"COLUMNS": "80"}, tmp_path)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode in (0, 1, 2), (target, kind, done.returncode, err)
    assert "Traceback" not in err + text_of(done.stdout), (target, kind, err)
    if done.returncode == 1 and target not in ("save-target",):
        assert path.name in err or str(path) in err, (target, kind, err)


@SETTINGS
@given(kind=st.sampled_from(KINDS), args=st.sampled_from(COMMANDS[:6]))
def test_a_planted_cache_file_never_hangs_or_breaks_a_command(tmp_path_factory, kind, args):
    """Another user of a shared cache folder plants something at the compiled file's path."""
    tmp_path = tmp_path_factory.mktemp("cache")
    root = copy_kb(tmp_path)
    cache = tmp_path / "cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MKTCAREERS_CACHE_DIR", str(cache))
        target = compiled_path(root)
    env = {"COLUMNS": "80", "MKTCAREERS_CACHE_DIR": str(cache)}
    plant(target, kind)
    done = run_tool(["--data", str(root), *args], env, tmp_path)
    err = done.stderr.decode("utf-8", "replace")
    # the cache is only a cache: the command still answers from the files
    assert done.returncode == 0, (kind, args, err)
    assert "Traceback" not in err, (kind, err)


def test_the_planted_cache_path_is_the_one_the_tool_writes(tmp_path):
    """Without this the cache property above could plant files nobody reads."""
    root = copy_kb(tmp_path)
    cache = tmp_path / "cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MKTCAREERS_CACHE_DIR", str(cache))
        target = compiled_path(root)
    done = run_tool(
        ["--data", str(root), "roles", "list"], {"MKTCAREERS_CACHE_DIR": str(cache)}, tmp_path
    )
    assert done.returncode == 0
    assert target.is_file(), sorted(cache.iterdir())


EXTREMES = [
    {"COLUMNS": "99999", "PYTHONIOENCODING": "ascii", "NO_COLOR": "1", "TERM": "dumb"},
    {"COLUMNS": "0", "PYTHONIOENCODING": "cp1252"},
    {"COLUMNS": "abc", "PYTHONIOENCODING": "latin-1", "TERM": None},
]


@pytest.mark.parametrize("env", EXTREMES, ids=["huge-ascii", "zero-cp1252", "text-latin1"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_view_at_the_extremes(tmp_path, args, env):
    """The property above samples; this tries every view at the worst settings."""
    done = run_tool(args, env, tmp_path)
    encoding = env["PYTHONIOENCODING"]
    out = done.stdout.decode(encoding)  # every byte is of the terminal's encoding
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0 and "Traceback" not in err, (args, env, err)
    lines = out.splitlines()
    assert lines and lines[0].strip(), (args, env, lines[:2])
    if "--format" not in args:  # a Markdown or CSV row is as long as its data
        assert max(len(line) for line in lines) <= 200, (args, env)  # huge COLUMNS is capped


@pytest.mark.parametrize("args", [["rols", "list"], ["role", "show"], ["--bogus"]], ids=" ".join)
def test_a_usage_error_is_not_padded_to_a_huge_width(tmp_path, args):
    done = run_tool(args, {"COLUMNS": "99999"}, tmp_path)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2 and err.strip(), err
    assert max(len(line) for line in err.splitlines()) <= 200, err[:300]


@pytest.mark.parametrize("target", ["derived-file", "occupations", "quiz-file", "questions-file"])
@pytest.mark.parametrize("kind", ["loop", "dangling"])
def test_an_optional_file_that_is_a_broken_link_is_named_not_ignored(tmp_path, target, kind):
    """An optional file (derived numbers, occupations, a kb's own quiz or questions) that is
    a link to nowhere is refused by name, never taken for an absent file."""
    root = copy_kb(tmp_path)
    where, args = TARGETS[target]
    path = where(root, tmp_path)
    plant(path, kind)
    done = run_tool(["--data", str(root), *args], {"COLUMNS": "80"}, tmp_path)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1, (target, kind, err)
    assert path.name in err and "Traceback" not in err, (target, kind, err)
