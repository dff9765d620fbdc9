"""mktcareers skill show."""

from typing import Annotated

import typer

from mktcareers.cli import completion
from mktcareers.cli.common import (
    FormatOption,
    NameWordsCommand,
    name_argument,
    noun_app,
    present,
    resolve_named,
    store,
)
from mktcareers.views.formats import OutputFormat

app = noun_app("Look at one skill and the roles that need it.")


@app.command("show", cls=NameWordsCommand)
def skill_show(
    ctx: typer.Context,
    name: Annotated[
        str,
        name_argument(
            "NAME", 'A skill\'s id or name, e.g. python or "Web analytics".', completion.SKILL
        ),
    ],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show a skill and every role that needs it, at what level.

    Examples:

      mktcareers skill show python

      mktcareers skill show "web analytics" --format json
    """
    from mktcareers.skills import skill_usage
    from mktcareers.views import skill as skill_view

    knowledge = store(ctx).knowledge()
    chosen = resolve_named(
        "skill", knowledge.skills, name, "run 'mktcareers skills list' to see every skill."
    )
    uses = skill_usage(chosen.id, knowledge.roles)
    present(
        fmt,
        lambda: skill_view.skill_profile(chosen, uses),
        lambda: skill_view.skill_detail(chosen, uses),
    )
