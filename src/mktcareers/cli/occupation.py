"""mktcareers occupation show."""

from typing import Annotated

import typer

from mktcareers.cli.common import FormatOption, name_argument, noun_app, present, store, unknown
from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

app = noun_app("Look at one O*NET occupation in depth.")


@app.command("show")
def occupation_show(
    ctx: typer.Context,
    name: Annotated[
        str,
        name_argument(
            "CODE|TITLE", "An O*NET-SOC code, title or alternate title, e.g. 27-3023.00."
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
    index = knowledge.occupation_index()
    match = resolve_occupation(index, name)
    if match.candidates:
        output.error(
            f"'{name}' is a title of {len(match.candidates)} occupations: "
            + "; ".join(label(index, position) for position in match.candidates)
            + ".",
            "give the code of the one you mean.",
        )
        raise typer.Exit(1)
    if match.position is None:
        unknown(
            "occupation",
            name,
            match.suggestions,
            "give an O*NET-SOC code such as 27-3023.00, or a job title.",
        )
    chosen = knowledge.occupation(match.position)
    present(
        fmt,
        lambda: occupation_view.occupation_profile(chosen),
        lambda: occupation_view.occupation_record(chosen),
    )
