"""The mktcareers command line: the root command, with each subcommand in its own module.

A subcommand's module (mktcareers.cli.*) is imported and turned into a
click command only when it is run, asked for help or completed, so
`mktcareers roles list` pays for one module, not for all of them.
"""

import functools
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
    suggests a mistyped one from their names alone), with plain help (_plain_help)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.context_class = _plain_help_context()

    def list_commands(self, ctx) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx, name: str):
        if name not in COMMANDS:
            return None
        command = typer.main.get_command(importlib.import_module(COMMANDS[name][0]).app)
        command.name = name
        _plain_help(command)
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

    def _main_shell_completion(self, ctx_args, prog_name, complete_var=None) -> None:
        """Shell completion through cli.completion.complete: no traceback for a
        broken request, a usage error for an unknown instruction."""
        from mktcareers.cli.completion import complete

        complete(self, ctx_args, prog_name, complete_var)

    def invoke(self, ctx):
        from typer._click.exceptions import NoArgsIsHelpError

        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError as shown:
            # A group given no subcommand (`mktcareers roles`): its plain help, which
            # Typer's Rich error handler would otherwise drop, as before on stdout.
            output.write(shown.format_message() + "\n")
            raise typer.Exit(2) from None

    def make_context(self, info_name, args, parent=None, **extra):
        # Help is laid out in the width views use, inherited by every subcommand's
        # context (Click's own default is never narrower than 50 columns).
        if parent is None:
            extra.setdefault("terminal_width", help_width())
        return super().make_context(info_name, args, parent=parent, **extra)

    def format_commands(self, ctx, formatter) -> None:
        _listed_commands(self, ctx, formatter)

    def format_help(self, ctx, formatter) -> None:
        mode, self.rich_markup_mode = self.rich_markup_mode, None
        try:
            super().format_help(ctx, formatter)
        finally:
            self.rich_markup_mode = mode


# Help is no wider than this, however wide the terminal: longer lines read badly.
HELP_MAX_WIDTH = 100


def help_width() -> int:
    """The columns --help is laid out in: COLUMNS or the terminal's (80 in a pipe),
    at most HELP_MAX_WIDTH. Rich is not imported for it."""
    import shutil

    return min(shutil.get_terminal_size().columns, HELP_MAX_WIDTH)


def _plain_help(command) -> None:
    """Make `command` and its subcommands print --help with Click's plain formatter
    (PlainHelp), which wraps every line between words to the width, where Typer's
    Rich panels cut option names and help text with "…" in a narrow terminal and
    start with a blank line. A group lists its commands by _listed_commands."""
    import types

    command.rich_markup_mode = None
    command.context_class = _plain_help_context()
    if hasattr(command, "commands"):
        command.format_commands = types.MethodType(_listed_commands, command)
    for sub in getattr(command, "commands", {}).values():
        _plain_help(sub)


def _listed_commands(group, ctx, formatter) -> None:
    """A group's commands in its help, each with its help's whole first sentence,
    wrapped, never shortened with "..." (as Click does) to fit the width."""
    from typer._click.utils import make_default_short_help

    rows = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is not None and not command.hidden:
            line = command.short_help or make_default_short_help(command.help or "", 10_000)
            rows.append((name, line))
    if rows:
        with formatter.section("Commands"):
            formatter.write_dl(rows)


# Below this many columns for an option's description beside its names, each
# description goes on the lines under its names instead.
HELP_TEXT_WIDTH = 24


@functools.cache
def _plain_help_context():
    """The Click context class whose help formatter (PlainHelp) never breaks a word:
    a word wider than the line (a long path) stays whole; an option list too narrow
    for its descriptions puts each under its option's names."""
    from typer._click import _textwrap
    from typer._click.core import Context
    from typer._click.formatting import HelpFormatter, term_len

    class WholeWords(_textwrap.TextWrapper):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, break_long_words=False, break_on_hyphens=False, **kwargs)

    # Click's wrap_text builds its wrapper from this module's TextWrapper on each call.
    _textwrap.TextWrapper = WholeWords

    class PlainHelp(HelpFormatter):
        def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
            rows = list(rows)
            names = min(max((term_len(first) for first, _ in rows), default=0), col_max)
            if self.width - self.current_indent - names - col_spacing >= HELP_TEXT_WIDTH:
                super().write_dl(rows, col_max, col_spacing)
                return
            for first, second in rows:
                self.write(f"{'':>{self.current_indent}}{first}\n")
                if second:
                    with self.indentation(), self.indentation():
                        self.write_text(second)

    class PlainHelpContext(Context):
        formatter_class = PlainHelp

    return PlainHelpContext


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
