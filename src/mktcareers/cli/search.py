"""mktcareers search."""

from typing import Annotated

import typer

from mktcareers.cli.common import APP_SETTINGS, FormatOption, name_argument, present, store
from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

app = typer.Typer(**APP_SETTINGS)


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, name_argument("QUERY", "Words to look for: a title, skill or tool.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=500, help="Show at most N roles.")
    ] = 10,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Find roles by title, alias, skill or tool, forgiving typos.

    Examples:

      mktcareers search "google ads"

      mktcareers search python --limit 5

      mktcareers search "emial marketing" --format json
    """
    from mktcareers.views import search as search_view

    hits = store(ctx).finder().search(query, limit=limit)
    if fmt is OutputFormat.table and not hits:
        output.error(f"nothing matches '{query}'.", "try fewer or different words.")
        raise typer.Exit(1)
    present(
        fmt,
        lambda: search_view.search_table(hits),
        lambda: [search_view.search_row(hit) for hit in hits],
    )
