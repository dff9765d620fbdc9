"""The real program in the environments people start it in: closed or full output, a
closed input, an output encoding that cannot show every character, odd COLUMNS.
Never a traceback; data or a message naming what went wrong."""

import json
import os
import subprocess
import sys

import pytest

VIEWS = [
    ["roles", "list"],
    ["role", "show", "seo-specialist"],
    ["compare", "marketing", "it"],
    ["compare", "seo-specialist", "web-developer"],
    ["path", "copywriter", "seo-specialist"],
    ["search", "google ads"],
    ["skills", "list"],
    ["skill", "show", "python"],
    ["quiz", "items"],
    ["map"],
]


def program(args, env=None, **kwargs) -> subprocess.CompletedProcess:
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mktcareers", *args],
        env=environment,
        capture_output=kwargs.pop("capture_output", "stdout" not in kwargs),
        text=True,
        timeout=120,
        **kwargs,
    )


@pytest.mark.parametrize("args", [["--version"], ["--help"], *VIEWS[:3]])
def test_a_full_output_is_an_error_not_a_traceback(args):
    with open("/dev/full", "w") as full:
        done = program(args, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 1
    assert "Error: cannot write the output: No space left on device." in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["--version"], ["roles", "list"]])
def test_a_closed_output_is_an_error_not_a_traceback(args):
    done = subprocess.run(
        [sys.executable, "-m", "mktcareers", *args],
        preexec_fn=lambda: os.close(1),
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "standard output is closed" in done.stderr and "Traceback" not in done.stderr


def test_a_closed_input_ends_the_quiz_as_end_of_input_does():
    """No input at all is not an interruption: exit 1 with a hint to --answers."""
    done = subprocess.run(
        [sys.executable, "-m", "mktcareers", "quiz", "--short"],
        preexec_fn=lambda: os.close(0),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    said = " ".join(done.stderr.split())
    assert "no input: standard input" in said and "--answers FILE" in said


@pytest.mark.parametrize("args", VIEWS)
def test_an_ascii_output_shows_every_view(args):
    done = program(args, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() and "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [VIEWS[1], VIEWS[5]])
def test_json_on_an_ascii_output_keeps_the_exact_text(args):
    ascii_only = program([*args, "--format", "json"], env={"PYTHONIOENCODING": "ascii"})
    unicode = program([*args, "--format", "json"], env={"PYTHONIOENCODING": "utf-8"})
    assert ascii_only.stdout.isascii()
    assert json.loads(ascii_only.stdout) == json.loads(unicode.stdout)


@pytest.mark.parametrize("columns", ["0", "abc", "-5", "5"])
@pytest.mark.parametrize("args", [VIEWS[0], VIEWS[1], ["--help"]])
def test_columns_that_are_not_a_usable_width_still_show_the_view(columns, args):
    done = program(args, env={"COLUMNS": columns})
    assert done.returncode == 0, done.stderr
    assert "seo" in done.stdout.lower() or "Usage" in done.stdout


@pytest.mark.parametrize(
    "args", [["--help"], ["roles", "-h"], ["role", "show", "seo-specialist"], ["roles", "list"]]
)
def test_a_reader_that_has_gone_ends_quietly(args):
    """`mktcareers --help | head -1`: the reader leaves; we end with 0, saying nothing."""
    child = subprocess.Popen(
        [sys.executable, "-m", "mktcareers", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "80"},
    )
    child.stdout.close()  # gone before the first line is written
    _, errors = child.communicate(timeout=120)
    assert child.returncode == 0 and errors == b""
