"""mktcareers occupation show."""

from typing import Annotated

import typer

from mktcareers.cli import completion
from mktcareers.cli.common import (
    FormatOption,
    NameWordsCommand,
    alternate_title_note,
    ambiguous,
    exit_on_code_problem,
    exit_without_occupations,
    name_argument,
    noun_app,
    present,
    store,
    unknown,
)
from mktcareers.views.formats import OutputFormat

CLOSEST = 3  # roles shown per family

app = noun_app("Look at one O*NET occupation in depth.")


@app.command("show", cls=NameWordsCommand)
def occupation_show(
    ctx: typer.Context,
    name: Annotated[
        str,
        name_argument(
            "CODE|TITLE",
            "An O*NET-SOC code, title or alternate title, e.g. 27-3023.00.",
            completion.OCCUPATION,
        ),
    ],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show an O*NET occupation: job zone, interests, pay, outlook, skills and knowledge.

    Examples:

      mktcareers occupation show 27-3023.00

      mktcareers occupation show journalist

      mktcareers occupation show "news analyst" --format json
    """
    from mktcareers.occupations import label, resolve_occupation
    from mktcareers.views import occupation as occupation_view

    knowledge = store(ctx)
    index = knowledge.titles()
    exit_on_code_problem(index, name)
    if not len(index):
        exit_without_occupations()
    match = resolve_occupation(index, name)
    if match.candidates:
        labels = [label(index, position) for position in match.candidates]
        ambiguous(name, labels, "give the code of the one you mean.")
    if match.position is None:
        unknown(
            "occupation",
            name,
            match.suggestions,
            "give an O*NET-SOC code such as 27-3023.00, or a job title.",
        )
    if match.via == "alternate title":
        alternate_title_note(name, label(index, match.position))
    chosen = knowledge.occupation(match.position)
    closest = _closest_roles(knowledge, chosen)
    present(
        fmt,
        lambda: occupation_view.occupation_profile(chosen, closest),
        lambda: occupation_view.occupation_record(chosen, closest),
    )


def _closest_roles(opened, occupation) -> dict[str, list]:
    """Family name -> the CLOSEST roles of it most like `occupation` (OccupationMove)."""
    from mktcareers.occupation_moves import closest_roles, comparable

    if not comparable(occupation):
        return {}
    knowledge, profiles = opened.knowledge(), opened.profiles()
    return {
        family.name: closest_roles(
            occupation,
            [role for role in knowledge.roles if role.family == family.id],
            profiles,
            CLOSEST,
        )
        for family in knowledge.families.values()
        if any(role.family == family.id for role in knowledge.roles)
    }
