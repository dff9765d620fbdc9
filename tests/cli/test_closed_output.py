"""Started with standard output closed (`mktcareers roles lst >&-`): a usage error still
reaches stderr with exit 2, and an answer that has nowhere to go is an error (exit 1)."""

import os
import subprocess
import sys

import pytest


def closed_stdout(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mktcareers", *args],
        preexec_fn=lambda: os.close(1),
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "100", **(env or {})},
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["roles", "lst"], "No such command 'lst'. Did you mean 'list'?"),
        (["role", "list"], "Did you mean 'mktcareers roles list'?"),
        (["--bogus"], "No such option: --bogus"),
        (["roles", "list", "--formt", "json"], "Did you mean '--format'?"),
        (["roles", "list", "--min-remote", "500"], "500 is not from 0 to 100."),
        (["role", "show"], "Missing argument 'NAME'."),
    ],
)
def test_usage_errors_reach_stderr_with_exit_2(args, message):
    done = closed_stdout(*args)
    assert done.returncode == 2
    assert message in " ".join(done.stderr.replace("│", " ").split())
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [["--help"], ["role", "show", "seo-specialist"], ["search", "python", "-f", "json"]],
)
def test_an_answer_with_nowhere_to_go_is_an_error(args):
    done = closed_stdout(*args)
    assert done.returncode == 1
    assert done.stderr == "Error: cannot write the output: standard output is closed.\n"


def test_a_user_error_keeps_its_message_and_exit_1():
    done = closed_stdout("role", "show", "seo-specalist")
    assert done.returncode == 1
    assert "Unknown role 'seo-specalist'. Did you mean: seo-specialist?" in done.stderr
