"""mktcareers map."""

import typer

from mktcareers.cli.common import (
    APP_SETTINGS,
    BeginnerOption,
    FamilyOption,
    FormatOption,
    exit_if_none_match,
    filtered_roles,
    present,
    store,
)
from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

app = typer.Typer(**APP_SETTINGS)


@app.command("map")
def map_roles(
    ctx: typer.Context,
    family: FamilyOption = None,
    beginner: BeginnerOption = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Map roles by remote work and IT overlap.

    Every role on one picture: remote suitability (0-100) across, IT overlap
    (0-100) up. How far right a family sits answers "are digital marketing jobs
    remote?", how high "is digital marketing an IT job?". A place is a family's
    letter and a number (M7): the legend lists its roles with both scores, and a
    reading gives each family's medians. Below 50 columns the roles are listed
    instead; --format gives the points.

    Examples:

      mktcareers map

      mktcareers map --family marketing --beginner

      mktcareers map --format csv > points.csv
    """
    from mktcareers.role_map import role_map
    from mktcareers.views import map as map_view

    opened = store(ctx)
    _, chosen = filtered_roles(opened, family, beginner=beginner)
    exit_if_none_match(fmt, chosen, {"--family": family, "--beginner": beginner})
    mapped = role_map(chosen, opened.catalogues().families)
    present(
        fmt,
        lambda: map_view.map_view(mapped, output.width()),
        lambda: map_view.map_points(mapped),
    )
