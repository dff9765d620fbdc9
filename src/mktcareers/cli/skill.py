"""mktcareers skill show."""

from typing import Annotated

import typer

from mktcareers.cli.common import CONTEXT, FormatOption, present, store
from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

app = typer.Typer(no_args_is_help=True, context_settings=CONTEXT)


@app.callback()
def skill() -> None:
    """Look at one skill and the roles that need it."""


@app.command("show")
def skill_show(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(help='A skill\'s id or name, e.g. python or "Web analytics".')
    ],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show a skill and every role that needs it, at what level.

    Examples:

      mktcareers skill show python

      mktcareers skill show "web analytics" --format json
    """
    from mktcareers.skills import resolve_skill, skill_usage
    from mktcareers.views import skill as skill_view

    knowledge = store(ctx).knowledge()
    match = resolve_skill(name, knowledge.skills)
    if match.skill is None:
        if match.suggestions:
            output.error(f"Unknown skill '{name}'. Did you mean: {', '.join(match.suggestions)}?")
        else:
            output.error(
                f"Unknown skill '{name}'.", "run 'mktcareers skills list' to see every skill."
            )
        raise typer.Exit(1)
    uses = skill_usage(match.skill.id, knowledge.roles)
    present(
        fmt,
        lambda: skill_view.skill_profile(match.skill, uses),
        lambda: skill_view.skill_detail(match.skill, uses),
    )
