"""Shell completion of the names commands take, through the variables the shells'
completion scripts set (_MKTCAREERS_COMPLETE with COMP_WORDS and COMP_CWORD for bash,
_TYPER_COMPLETE_ARGS for zsh and fish), in the program and in process."""

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from mktcareers.cli.app import app


def bash(line: str, env: dict | None = None) -> list[str]:
    """What bash offers for the last word of `line` (a trailing space: a new word)."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    result = CliRunner().invoke(
        app,
        [],
        env={
            "_MKTCAREERS_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(cword),
            **(env or {}),
        },
        prog_name="mktcareers",
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout.split()


def fish(line: str) -> list[tuple[str, str]]:
    """(value, help) of what fish offers for the last word of `line`."""
    result = CliRunner().invoke(
        app,
        [],
        env={
            "_MKTCAREERS_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_ARGS": line,
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        },
        prog_name="mktcareers",
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return [tuple(line.split("\t")) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mktcareers role show seo", ["seo-specialist"]),
        ("mktcareers role show SEO", ["seo-specialist"]),  # any case
        ("mktcareers role show Social-M", ["social-media-manager"]),
        ("mktcareers role show it-", ["it-manager", "it-support-specialist"]),
        ("mktcareers role show --format json seo", ["seo-specialist"]),
        ("mktcareers skill show pyth", ["python"]),
        ("mktcareers skill show PYTH", ["python"]),
        ("mktcareers compare marketing it-s", ["it-support-specialist"]),
        ("mktcareers compare i", ["it", "it-manager", "it-support-specialist"]),
        ("mktcareers path web-developer copyw", ["copywriter"]),
        ("mktcareers path cop", ["copywriter"]),
        ("mktcareers path 27-3043", ["27-3043.00", "27-3043.05"]),
        ("mktcareers occupation show 27-3043", ["27-3043.00", "27-3043.05"]),
        ("mktcareers roles list --family M", ["marketing"]),
        ("mktcareers roles list --family ", ["marketing", "it"]),
        ("mktcareers role show zzzz", []),
    ],
)
def test_names_complete_by_prefix(line, expected):
    assert bash(line) == expected


def test_every_role_slug_completes(bundled):
    slugs = [role.slug for role in bundled.roles]
    assert bash("mktcareers role show ") == slugs
    # a family first on compare's and path's sides, then the roles
    assert bash("mktcareers compare ") == [*bundled.families, *slugs]
    assert bash("mktcareers path web-developer ") == [*bundled.families, *slugs]
    assert bash("mktcareers skill show ") == list(bundled.skills)


def test_codes_complete_once_a_digit_is_typed(bundled):
    """`occupation show 15-12` lists the codes of that group; path's FROM offers codes
    only after a digit, so its roles are not buried under 1,016 codes."""
    codes = [job.code for job in bundled.occupations if job.code.startswith("15-12")]
    assert len(codes) > 10
    assert bash("mktcareers occupation show 15-12") == codes
    assert bash("mktcareers path 15-12") == codes
    assert len(bash("mktcareers occupation show ")) == len(bundled.occupations)
    assert not any(word[0].isdigit() for word in bash("mktcareers path "))


def test_titles_are_the_help_fish_and_zsh_show():
    assert fish("mktcareers role show seo") == [("seo-specialist", "SEO Specialist")]
    assert ("python", "Python") in fish("mktcareers skill show p")
    offered = dict(fish("mktcareers occupation show 27-3043"))
    assert offered["27-3043.00"] == "Writers and Authors"


def test_names_come_from_the_knowledge_base_data_names(kb_dir):
    """A role added to another knowledge base completes there, and there only; an
    edit is seen on the next Tab (the compiled file is made again)."""
    source = (kb_dir / "roles" / "seo-specialist.yaml").read_text()
    new = source.replace("slug: seo-specialist", "slug: seo-strategist", 1)
    (kb_dir / "roles" / "seo-strategist.yaml").write_text(new.replace("SEO Specialist", "SEOS"))
    assert bash(f"mktcareers --data {kb_dir} role show seo") == ["seo-specialist", "seo-strategist"]
    assert bash("mktcareers role show seo") == ["seo-specialist"]
    assert bash("mktcareers role show seo", env={"MKTCAREERS_DATA": str(kb_dir)}) == [
        "seo-specialist",
        "seo-strategist",
    ]
    (kb_dir / "roles" / "seo-strategist.yaml").unlink()
    assert bash(f"mktcareers --data {kb_dir} role show seo") == ["seo-specialist"]


def test_a_broken_knowledge_base_offers_nothing_quietly(kb_dir, tmp_path):
    (kb_dir / "skills.yaml").write_text("- [unclosed\n")
    assert bash(f"mktcareers --data {kb_dir} role show seo") == []
    assert bash(f"mktcareers --data {tmp_path / 'missing'} role show seo") == []


@pytest.mark.parametrize(
    ("shell", "variables", "expected"),
    [
        (
            "bash",
            {"COMP_WORDS": "mktcareers role show seo", "COMP_CWORD": "3"},
            "seo-specialist\n",
        ),
        (
            "zsh",
            {"_TYPER_COMPLETE_ARGS": "mktcareers role show seo"},
            """_arguments '*: :(("seo-specialist":"SEO Specialist"))'\n""",
        ),
        (
            "fish",
            {
                "_TYPER_COMPLETE_ARGS": "mktcareers occupation show 27-3043.0",
                "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            },
            "27-3043.00\tWriters and Authors\n27-3043.05\tPoets, Lyricists and Creative Writers\n",
        ),
    ],
)
def test_the_program_completes_in_each_shell(shell, variables, expected):
    env = {**os.environ, "_MKTCAREERS_COMPLETE": f"complete_{shell}", **variables}
    result = subprocess.run(
        [sys.executable, "-m", "mktcareers"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0
    assert result.stdout == expected
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mktcareers role show \uff53\uff45\uff4f", ["seo-specialist"]),  # full width
        ("mktcareers role show \uff33\uff25\uff2f-\uff33", ["seo-specialist"]),
        ("mktcareers role show Séo", ["seo-specialist"]),  # accent
        ("mktcareers skill show \uff30\uff39\uff34", ["python"]),
        ("mktcareers roles list --family \uff2d\uff21\uff32\uff2b", ["marketing"]),
    ],
)
def test_prefixes_are_folded_as_names_are(line, expected):
    assert bash(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mktcareers role show seo spec", ["specialist"]),
        ("mktcareers role show social media m", ["manager"]),
        ("mktcareers role show data sci", ["scientist"]),
        ("mktcareers compare seo-specialist web d", ["developer"]),
        ("mktcareers compare it social m", ["media"]),
        ("mktcareers role show seo xyz", []),
    ],
)
def test_names_typed_without_quotes_complete_word_by_word(line, expected):
    assert bash(line) == expected


def run_program(variables: dict) -> subprocess.CompletedProcess:
    env = {**os.environ, **variables}
    return subprocess.run(
        [sys.executable, "-m", "mktcareers"], capture_output=True, text=True, env=env, check=False
    )


@pytest.mark.parametrize(
    "variables",
    [
        {"COMP_WORDS": "mktcareers role show seo", "COMP_CWORD": "abc"},
        {"COMP_WORDS": "mktcareers compare it", "COMP_CWORD": "1.5"},
        {"COMP_WORDS": "mktcareers role show seo"},  # no COMP_CWORD
    ],
)
def test_a_broken_bash_request_offers_nothing_without_a_traceback(variables):
    result = run_program({"_MKTCAREERS_COMPLETE": "complete_bash", **variables})
    assert result.returncode in (0, 1)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("instruction", ["bogus", "complete_tcsh", "finish_bash", "x_"])
def test_an_unknown_completion_instruction_is_a_usage_error(instruction):
    result = run_program({"_MKTCAREERS_COMPLETE": instruction})
    assert result.returncode == 2
    assert result.stdout == ""
    assert "is no completion request" in result.stderr
    assert "Traceback" not in result.stderr


def test_zsh_offers_no_files_for_a_name_but_does_for_a_file_option():
    base = {"_MKTCAREERS_COMPLETE": "complete_zsh"}
    name = run_program({**base, "_TYPER_COMPLETE_ARGS": "mktcareers role show seo xyz"})
    assert name.returncode == 0 and name.stdout.strip() == ""
    answers = run_program({**base, "_TYPER_COMPLETE_ARGS": "mktcareers quiz --answers "})
    assert answers.stdout.strip() == "_files"
