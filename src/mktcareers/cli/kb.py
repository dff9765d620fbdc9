"""mktcareers kb validate."""

from pathlib import Path
from typing import Annotated

import typer

from mktcareers.cli.common import CONTEXT
from mktcareers.views import console as output

app = typer.Typer(no_args_is_help=True, context_settings=CONTEXT)


@app.callback()
def kb() -> None:
    """Check the knowledge base."""


@app.command("validate")
def kb_validate(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="Knowledge base directory (default: --data, MKTCAREERS_DATA or the bundled one)."
        ),
    ] = None,
) -> None:
    """Check a knowledge base and list every problem at once.

    Examples:

      mktcareers kb validate

      mktcareers kb validate ./my-roles
    """
    from mktcareers.kb import loading as knowledge_base

    root = knowledge_base.resolve_dir(directory or ctx.obj)
    problems = knowledge_base.validate(root)
    if problems:
        for problem in problems:
            output.note(f"{problem}")
        count = len(problems)
        output.error(f"{count} problem{'s' if count != 1 else ''} in {root}.")
        raise typer.Exit(1)
    knowledge = knowledge_base.load(root)
    output.write(
        f"OK: {root} has {len(knowledge.roles)} roles, {len(knowledge.skills)} skills, "
        f"{len(knowledge.sources)} sources.\n"
    )
