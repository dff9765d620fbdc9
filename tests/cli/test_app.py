import itertools
import json
import re
import subprocess
import sys

import pytest
import yaml

from mktcareers import __version__
from mktcareers.cli.app import app


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"mktcareers {__version__}\n"


def program(*args, **options):
    """The installed entry point, as a shell would run it."""
    return subprocess.run(
        [sys.executable, "-m", "mktcareers", *args],
        capture_output=True,
        text=True,
        check=False,
        **options,
    )


def test_program_keeps_exit_codes_and_messages():
    assert program("--version").stdout == f"mktcareers {__version__}\n"
    assert program("--data", ".", "--version").stdout == f"mktcareers {__version__}\n"
    unknown = program("role", "show", "nobody-at-all")
    assert unknown.returncode == 1 and "Unknown role 'nobody-at-all'" in unknown.stderr
    assert program("roles", "list", "--sort", "nonsense").returncode == 2
    listed = program("roles", "list", "-f", "json")
    assert listed.returncode == 0 and json.loads(listed.stdout)


def test_output_into_a_closed_pipe_ends_quietly():
    """`mktcareers roles list | head -1`: the reader leaves early; no traceback, no noise."""
    import os

    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    unbuffered = {**buffered, "PYTHONUNBUFFERED": "1"}
    for args, env in itertools.product(
        (["roles", "list"], ["roles", "list", "-f", "json"], ["role", "show", "seo"]),
        (buffered, unbuffered),
    ):
        process = subprocess.Popen(
            [sys.executable, "-m", "mktcareers", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        process.stdout.close()  # the reader is gone before anything is written
        stderr = process.stderr.read()
        process.stderr.close()
        assert process.wait(timeout=60) in (0, 1)
        assert stderr == b"", stderr


@pytest.mark.parametrize("incomplete", ["", "r", "ro", "role", "s", "sk", "q", "-", "--", "x"])
def test_completion_of_subcommands_equals_what_typer_builds(incomplete):
    """The lazy group completes from its table; Typer's own way builds every command."""
    import typer.main
    from typer.core import TyperGroup

    root = typer.main.get_command(app)
    ctx = root.make_context("mktcareers", [], resilient_parsing=True)
    ours = root.shell_complete(ctx, incomplete)
    theirs = TyperGroup.shell_complete(root, ctx, incomplete)
    assert [(i.value, i.help) for i in ours] == [(i.value, i.help) for i in theirs]
    assert ours or incomplete == "x"


def test_shell_completion_end_to_end():
    env = {
        "_MKTCAREERS_COMPLETE": "complete_bash",
        "COMP_WORDS": "mktcareers ro",
        "COMP_CWORD": "1",
    }
    import os

    result = program(env={**os.environ, **env})
    assert result.returncode == 0
    assert result.stdout.split() == ["roles", "role"]


def test_python_dash_m_help():
    result = subprocess.run(
        [sys.executable, "-m", "mktcareers", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "roles" in result.stdout and "Examples" in result.stdout


def commands(prefix=()):
    """The path of every command that does something, built as --help would build it."""
    import typer.main

    stack = [(prefix, typer.main.get_command(app))]
    while stack:
        path, current = stack.pop()
        names = current.list_commands(None) if hasattr(current, "list_commands") else []
        for name in names:
            stack.append(((*path, name), current.get_command(None, name)))
        if not names:
            yield path


def test_every_subcommand_module_is_found():
    from mktcareers.cli.app import COMMANDS

    found = {" ".join(path) for path in commands()}
    assert found == {
        "roles list",
        "role show",
        "occupation show",
        "compare",
        "path",
        "map",
        "search",
        "skills list",
        "skill show",
        "quiz items",
        "quiz results",
        "kb validate",
        "ask",
        "questions",
    }
    assert {path.split()[0] for path in found} | {"quiz"} == set(COMMANDS)


@pytest.mark.parametrize("path", list(commands()), ids=lambda path: " ".join(path))
def test_every_command_has_help_with_examples(run, path):
    result = run(*path, "-h")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "mktcareers " + " ".join(path) in result.stdout


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--family", "it"], lambda row: row["family"] == "it"),
        (["--min-remote", "80"], lambda row: row["remote_score"] >= 80),
        (["--beginner"], lambda row: row["beginner_friendly"]),
    ],
)
def test_roles_list_filters(run, args, check):
    rows = json.loads(run("roles", "list", *args, "-f", "json").stdout)
    assert rows and all(check(row) for row in rows)


def test_roles_list_sort_pay(run):
    rows = json.loads(run("roles", "list", "--sort", "pay", "-f", "json").stdout)
    pays = [row["pay_median"] for row in rows]
    assert pays == sorted(pays, reverse=True)


def every_command():
    """Every command and group (a group such as quiz has options of its own)."""
    import typer.main

    stack = [typer.main.get_command(app)]
    while stack:
        current = stack.pop()
        yield current
        names = current.list_commands(None) if hasattr(current, "list_commands") else []
        stack.extend(current.get_command(None, name) for name in names)


def test_every_choice_option_ignores_case():
    choices = {  # a Choice type is the one with choices
        f"{command.name} {param.name}": param.type.case_sensitive
        for command in every_command()
        for param in command.params
        if hasattr(param.type, "choices")
    }
    assert {"list sort", "list skill_type", "show fmt"} <= set(choices)
    assert not any(choices.values()), choices


@pytest.mark.parametrize(
    "args",
    [
        ["roles", "list", "--sort", "Pay"],
        ["roles", "list", "--sort", "IT-OVERLAP"],
        ["skills", "list", "--type", "Technical"],
        ["role", "show", "seo", "--format", "JSON"],
        ["roles", "list", "-f", "Csv"],
    ],
)
def test_choices_in_any_case(run, args):
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert run(*(arg.lower() for arg in args)).stdout == result.stdout


@pytest.mark.parametrize("fmt", ["yaml", "csv", "md"])
def test_roles_list_other_formats(run, fmt):
    result = run("roles", "list", "--format", fmt)
    assert result.exit_code == 0
    assert "seo-specialist" in result.stdout
    if fmt == "yaml":
        assert yaml.safe_load(result.stdout)[0]["slug"]
    if fmt == "csv":
        assert result.stdout.splitlines()[0].startswith("slug,title,family,remote_score")


@pytest.mark.parametrize("name", ["seo", "SEO Analyst", "seo-specialist"])
def test_role_show_resolves_names(run, name):
    result = run("role", "show", name)
    assert result.exit_code == 0
    assert "SEO Specialist" in result.stdout
    for heading in ("At a glance", "Skills", "Remote work", "How to get started", "Sources"):
        assert heading in result.stdout


def test_role_show_unknown_suggests(run):
    result = run("role", "show", "seo-specalist")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Unknown role 'seo-specalist'. Did you mean: seo-specialist?" in result.stderr


def test_role_show_nothing_close(run):
    result = run("role", "show", "zzzzqqq")
    assert result.exit_code == 1
    assert "Unknown role 'zzzzqqq'." in result.stderr
    assert "mktcareers roles list" in result.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["roles", "list", "--min-remote", "101"], 2),
        (["roles", "list", "--sort", "size"], 2),
        (["role", "show"], 2),
        (["role", "show", "seo", "--format", "xml"], 2),
        (["nonsense"], 2),
    ],
)
def test_usage_errors_exit_2(run, args, code):
    result = run(*args)
    assert result.exit_code == code
    assert "Traceback" not in result.output


def test_kb_validate_bundled(run):
    result = run("kb", "validate")
    assert result.exit_code == 0
    assert result.stdout.startswith("OK: ")


def test_kb_validate_reports_every_problem(run, kb_dir):
    path = kb_dir / "roles" / "seo-specialist.yaml"
    path.write_text(path.read_text().replace("level: 5}", "level: 6}"))
    result = run("kb", "validate", str(kb_dir))
    assert result.exit_code == 1
    assert result.stderr.count("is out of range (1-5)") == 2
    assert "2 problems in" in result.stderr


def test_data_option_and_env_var(run, kb_dir):
    path = kb_dir / "roles" / "seo-specialist.yaml"
    path.write_text(path.read_text().replace("title: SEO Specialist", "title: Search Wizard"))
    by_option = run("--data", str(kb_dir), "role", "show", "seo-specialist", "-f", "json")
    assert json.loads(by_option.stdout)["title"] == "Search Wizard"
    by_env = run(
        "role", "show", "seo-specialist", "-f", "json", env={"MKTCAREERS_DATA": str(kb_dir)}
    )
    assert json.loads(by_env.stdout)["title"] == "Search Wizard"


def test_broken_kb_is_a_friendly_error(run, kb_dir):
    (kb_dir / "skills.yaml").write_text("skills: [\n")
    result = run("--data", str(kb_dir), "roles", "list")
    assert result.exit_code == 1
    assert (
        "skills.yaml:2: skills: invalid YAML: did not find expected node content" in result.stderr
    )
    assert "'[' or '{' above is never closed" in result.stderr
    assert "mktcareers kb validate" in result.stderr
    assert "Traceback" not in result.output


def test_hostile_text_is_inert(run, kb_dir):
    path = kb_dir / "roles" / "seo-specialist.yaml"
    hostile = "[bold red]pwned[/] [link=http://x]click[/link]"
    path.write_text(path.read_text().replace("title: SEO Specialist", f'title: "{hostile}"'))
    shown = run("--data", str(kb_dir), "role", "show", "seo-specialist")
    assert hostile in shown.stdout
    as_json = run("--data", str(kb_dir), "role", "show", "seo-specialist", "-f", "json")
    assert json.loads(as_json.stdout)["title"] == hostile


def test_search_table_and_no_match(run):
    table = run("search", "python", "--limit", "3")
    assert table.exit_code == 0
    assert "data-scientist" in table.stdout and "skill: Python" in table.stdout
    nothing = run("search", "zzzzqqq")
    assert nothing.exit_code == 1
    assert "nothing matches 'zzzzqqq'" in nothing.stderr


def test_skills_list(run, bundled):
    rows = json.loads(run("skills", "list", "--type", "technical", "-f", "json").stdout)
    assert rows and all(row["type"] == "technical" for row in rows)
    python = next(row for row in rows if row["id"] == "python")
    needing = sum(any(skill.id == "python" for skill in role.skills) for role in bundled.roles)
    assert python == {"id": "python", "name": "Python", "type": "technical", "roles": needing}
    every = json.loads(run("skills", "list", "-f", "json").stdout)
    table = run("skills", "list")
    assert table.exit_code == 0
    # the skills under a heading per type, non-technical first as sorted
    headings = re.findall(r"^(\S+) skills \((\d+)\)$", table.stdout, flags=re.MULTILINE)
    assert headings == [
        ("Non-technical", str(sum(r["type"] == "non-technical" for r in every))),
        ("Technical", str(len(rows))),
    ]


def test_skill_show(run, bundled):
    detail = json.loads(run("skill", "show", "Python", "-f", "json").stdout)
    assert detail["id"] == "python"
    needs = [
        (need.level, role) for role in bundled.roles for need in role.skills if need.id == "python"
    ]
    top = min(needs, key=lambda item: (-item[0], item[1].title.lower()))
    assert detail["roles"][0] == {
        "slug": top[1].slug,
        "title": top[1].title,
        "family": top[1].family,
        "level": top[0],
    }
    table = run("skill", "show", "python")
    assert f"Roles that need it ({len(detail['roles'])})" in table.stdout
    unknown = run("skill", "show", "pyhton")
    assert unknown.exit_code == 1
    assert "Unknown skill 'pyhton'. Did you mean: python?" in unknown.stderr


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["search", ""], 2, "has no letter or digit to look up"),
        (["search", "!!! ?"], 2, "has no letter or digit to look up"),
        (["search", "!!!", "-f", "json"], 2, "has no letter or digit to look up"),
        (["search", "zzzzqqq"], 1, "nothing matches 'zzzzqqq'"),
        (["search", "x" * 201], 2, "at most 200"),
        (["search", "journalist", "--kind", "robot"], 2, "Invalid value for '--kind'"),
    ],
)
def test_search_errors_are_one_line_without_a_traceback(run, args, code, said):
    result = run(*args)
    assert result.exit_code == code
    assert said in " ".join(result.stderr.replace("│", " ").split())
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_search_finds_occupations_where_no_role_matches(run):
    result = run("search", "journalist", "-f", "json")
    hits = json.loads(result.stdout)
    assert hits and {hit["kind"] for hit in hits} == {"occupation"}
    assert hits[0]["code"] == "27-3023.00"


def test_search_reads_the_same_from_the_compiled_file(run, cache_dir):
    """The first run searches what it parsed; the next ones the compiled titles part."""
    first = run("search", "Help Desk Technician", "-f", "json")
    assert list(cache_dir.glob("kb-*.msgpack"))
    again = run("search", "Help Desk Technician", "-f", "json")
    assert first.exit_code == again.exit_code == 0
    assert json.loads(again.stdout) == json.loads(first.stdout)
    kinds = [hit["kind"] for hit in json.loads(first.stdout)]
    assert kinds[0] == "role" and "occupation" in kinds


def test_search_without_occupations_finds_roles_only(run, kb_dir):
    (kb_dir / "generated" / "occupations.json").unlink()
    roles = run("--data", str(kb_dir), "search", "seo", "-f", "json")
    assert roles.exit_code == 0, roles.stderr
    assert {hit["kind"] for hit in json.loads(roles.stdout)} == {"role"}
    nothing = run("--data", str(kb_dir), "search", "journalist")
    assert nothing.exit_code == 1 and "nothing matches" in nothing.stderr
