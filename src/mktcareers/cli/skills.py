"""mktcareers skills list."""

from enum import StrEnum
from typing import Annotated

import typer

from mktcareers.cli.common import FormatOption, noun_app, present, store
from mktcareers.views.formats import OutputFormat

app = noun_app("List the skill catalogue.")


class SkillType(StrEnum):
    """The skill types --type accepts."""

    technical = "technical"
    non_technical = "non-technical"


@app.command("list")
def skills_list(
    ctx: typer.Context,
    skill_type: Annotated[
        SkillType | None,
        typer.Option(
            "--type",
            case_sensitive=False,
            metavar="TYPE",
            help="Only skills of this type: technical or non-technical.",
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List the skill catalogue, with how many roles need each skill.

    Examples:

      mktcareers skills list

      mktcareers skills list --type technical --format csv
    """
    from mktcareers.skills import usage_counts
    from mktcareers.views import skills as skills_view

    knowledge = store(ctx).knowledge()
    chosen = sorted(
        (
            skill
            for skill in knowledge.skills.values()
            if skill_type is None or skill.type == skill_type
        ),
        key=lambda skill: (skill.type, skill.name.lower()),
    )
    counts = usage_counts(knowledge)
    present(
        fmt,
        lambda: skills_view.skills_table(chosen, counts),
        lambda: [skills_view.skill_row(skill, counts[skill.id]) for skill in chosen],
    )
