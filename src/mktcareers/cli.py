"""The mktcareers command line: the root command, with each subcommand in its own module.

A subcommand's module (mktcareers.commands.*) is imported and turned into a
click command only when it is run, asked for help or completed, so
`mktcareers roles list` pays for one module, not for all of them.
"""

import importlib
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from mktcareers import __version__, output

CONTEXT = {"help_option_names": ["-h", "--help"]}

# name -> the module whose `app` it is, in the order help lists them.
COMMANDS = {
    "roles": "mktcareers.commands.roles",
    "role": "mktcareers.commands.role",
    "compare": "mktcareers.commands.compare",
    "path": "mktcareers.commands.path",
    "search": "mktcareers.commands.search",
    "skills": "mktcareers.commands.skills",
    "skill": "mktcareers.commands.skill",
    "quiz": "mktcareers.commands.quiz",
    "kb": "mktcareers.commands.kb",
}


class LazyGroup(TyperGroup):
    """A group whose subcommands are built from their modules on first use."""

    def list_commands(self, ctx) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx, name: str):
        if name not in COMMANDS:
            return None
        command = typer.main.get_command(importlib.import_module(COMMANDS[name]).app)
        command.name = name
        return command


app = typer.Typer(
    name="mktcareers",
    cls=LazyGroup,
    no_args_is_help=True,
    context_settings=CONTEXT,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        output.write(f"mktcareers {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Knowledge base directory to use instead of the bundled one "
            "(also: MKTCAREERS_DATA).",
            show_default=False,
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
    """
    ctx.obj = data
