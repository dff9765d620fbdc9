"""The mktcareers command line: the root command, with each subcommand in its own module.

A subcommand's module (mktcareers.cli.*) is imported and turned into a
click command only when it is run, asked for help or completed, so
`mktcareers roles list` pays for one module, not for all of them.
"""

import importlib
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from mktcareers import __version__
from mktcareers.cli.common import CONTEXT, SuggestingGroup
from mktcareers.views import console as output

# name -> (the module whose `app` it is, the one line shell completion shows for it),
# in the order help lists them. tests/test_cli.py keeps each line equal to what the
# command's own help gives.
COMMANDS = {
    "ask": ("mktcareers.cli.ask", "Answer a common question about digital..."),
    "questions": ("mktcareers.cli.questions", "List the questions 'mktcareers ask'..."),
    "roles": ("mktcareers.cli.roles", "List and filter roles."),
    "role": ("mktcareers.cli.role", "Look at one role in depth."),
    "occupation": ("mktcareers.cli.occupation", "Look at one O*NET occupation in depth."),
    "compare": ("mktcareers.cli.compare", "Compare two fields, two roles, or a role..."),
    "path": ("mktcareers.cli.path", "What it takes to move from your job into a..."),
    "map": ("mktcareers.cli.map", "Map roles by remote work and IT overlap."),
    "search": ("mktcareers.cli.search", "Find roles and O*NET occupations by title,..."),
    "skills": ("mktcareers.cli.skills", "List the skill catalogue."),
    "skill": ("mktcareers.cli.skill", "Look at one skill and the roles that need it."),
    "quiz": ("mktcareers.cli.quiz", "Take a self-assessment and see which roles..."),
    "kb": ("mktcareers.cli.kb", "Check the knowledge base."),
}


class LazyGroup(SuggestingGroup):
    """A group whose subcommands are built from their modules on first use (and which
    suggests a mistyped one from their names alone)."""

    def list_commands(self, ctx) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx, name: str):
        if name not in COMMANDS:
            return None
        command = typer.main.get_command(importlib.import_module(COMMANDS[name][0]).app)
        command.name = name
        return command

    def shell_complete(self, ctx, incomplete: str) -> list:
        """Subcommand names with their help line, then the root's options, without
        importing a subcommand's module: `mktcareers ro<TAB>` needs only names."""
        from typer.core import CompletionItem

        names = [
            CompletionItem(name, help=summary)
            for name, (_, summary) in COMMANDS.items()
            if name.startswith(incomplete)
        ]
        # TyperGroup's own shell_complete adds the same names by building every
        # command; the class above it (click's Command) adds the options.
        return names + super(TyperGroup, self).shell_complete(ctx, incomplete)


app = typer.Typer(
    name="mktcareers",
    cls=LazyGroup,
    # no arguments: the start screen (main below), not the help
    invoke_without_command=True,
    context_settings=CONTEXT,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _data_dir(value: str | None) -> Path | None:
    """--data as a path; an empty value is a usage error, not the current folder."""
    if value is None:
        return None
    if not value.strip():
        raise typer.BadParameter("give a folder; an empty value names none.")
    return Path(value)


def _version(value: bool) -> None:
    if value:
        output.write(f"mktcareers {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            metavar="DIR",
            help="Knowledge base directory to use instead of the bundled one "
            "(also: MKTCAREERS_DATA).",
            show_default=False,
            callback=_data_dir,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Explore digital marketing and IT careers: roles, skills, remote work and pay.

    Numbers come from O*NET, the U.S. Bureau of Labor Statistics and
    Dingel & Neiman (2020); see 'mktcareers role show SLUG' for sources.

    Examples:

      mktcareers roles list --family marketing --sort remote

      mktcareers role show seo-specialist

      mktcareers role show "SEO Analyst" --format json

      mktcareers ask "is it an IT job"
    """
    ctx.obj = data
    if ctx.invoked_subcommand is None:
        from mktcareers.cli.ask import start

        start(data)
