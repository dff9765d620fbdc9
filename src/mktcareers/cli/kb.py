"""mktcareers kb validate."""

from pathlib import Path
from typing import Annotated

import typer

from mktcareers.cli.common import noun_app
from mktcareers.views import console as output

app = noun_app("Check the knowledge base.")


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
    from mktcareers.kb.errors import KbError
    from mktcareers.kb.loading import validate
    from mktcareers.kb.location import resolve_dir

    root = resolve_dir(directory or ctx.obj)
    try:
        knowledge = validate(root)
    except KbError as error:
        for problem in error.problems:
            output.note(f"{problem}")
        count = len(error.problems)
        output.error(f"{count} problem{'s' if count != 1 else ''} in {str(root).rstrip('.')}.")
        raise typer.Exit(1) from None
    from mktcareers.kb.names_check import tool_near_duplicates

    warnings = tool_near_duplicates(knowledge.roles, root)
    for warning in warnings:
        output.note(f"warning: {warning}")
    occupations = (
        f", {len(knowledge.occupations):,} O*NET occupations"
        if knowledge.occupations
        else " and no O*NET occupations (generated/occupations.json is missing: occupation "
        "show and path from a job title have nothing to look in)"
    )
    warned = f" {len(warnings)} warning{'s' * (len(warnings) != 1)} above." * bool(warnings)
    output.write_wrapped(
        f"OK: {root} has {len(knowledge.roles)} roles, {len(knowledge.skills)} skills, "
        f"{len(knowledge.sources)} sources{occupations}.{warned}"
    )
