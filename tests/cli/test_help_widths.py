"""Every command's --help at 40, 60 and 80 columns: each option's names and each
metavar (its value's placeholder, a number's range) is whole on one line, never
split mid-word or cut with an ellipsis, no word of the help text is broken or left
out, it starts with its usage line (not a blank one), and no line is wider than the
terminal."""

import re

import pytest
import typer.main

from mktcareers.cli.app import app

WIDTHS = (40, 60, 80)


def every_command():
    """(words after `mktcareers`, the command) for the root, each group and command."""
    stack = [((), typer.main.get_command(app))]
    while stack:
        path, command = stack.pop()
        yield path, command
        names = command.list_commands(None) if hasattr(command, "list_commands") else []
        stack.extend(((*path, name), command.get_command(None, name)) for name in names)


COMMANDS = dict(every_command())


def shown_words(command, path) -> set[str]:
    """The option names and metavar words --help shows for `command`'s parameters."""
    ctx = typer.Context(command, info_name=" ".join(("mktcareers", *path)))
    words = set()
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if param.param_type_name == "option":
            words.update(param.opts)
            if not param.is_flag:
                words.update(param.make_metavar(ctx).split())
        else:
            words.update(param.make_metavar(ctx).strip("{}[].").split())
        describe = getattr(param.type, "_describe_range", None)
        if describe is not None:
            words.add(f"[{describe()}]")
    return words


CASES = [(path, width) for path in COMMANDS for width in WIDTHS]


@pytest.mark.parametrize(
    ("path", "width"),
    CASES,
    ids=lambda value: str(value) if isinstance(value, int) else " ".join(value) or "(root)",
)
def test_help_never_breaks_a_metavar(run, path, width):
    result = run(*path, "--help", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= width
    assert lines[0].startswith("Usage: mktcareers"), lines[:2]
    assert "…" not in result.stdout and "..." not in result.stdout.replace("[ARGS]...", "")
    # every word of the help at full width is there whole at this width
    wide = run(*path, "--help", env={"COLUMNS": "100"}).stdout
    assert sorted(wide.split()) == sorted(result.stdout.split())
    for word in shown_words(COMMANDS[path], path):
        whole = re.compile(rf"(?<![\w<|-]){re.escape(word)}(?![\w>|…-])")
        assert any(whole.search(line) for line in lines), (
            f"{word!r} is broken at {width} columns:\n{result.stdout}"
        )


def test_choices_are_named_in_the_help_text(run):
    """A choice's metavar names what it is (FORMAT); the help text lists the choices."""
    for path, command in COMMANDS.items():
        for param in command.params:
            choices = getattr(param.type, "choices", None)
            if choices is None:
                continue
            text = " ".join(run(*path, "--help").stdout.replace("│", " ").split())
            for choice in choices:
                assert re.search(rf"\b{re.escape(str(choice))}\b", text), (path, choice)


@pytest.mark.parametrize("group", ["roles", "role", "kb", "occupation", "skill"])
def test_a_group_alone_shows_its_help(run, group):
    result = run(group, env={"COLUMNS": "40"})
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"Usage: mktcareers {group}"), lines[:2]
    assert "Commands:" in lines and max(map(len, lines)) <= 40
