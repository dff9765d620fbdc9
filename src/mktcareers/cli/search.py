"""mktcareers search."""

from enum import StrEnum
from typing import Annotated

import typer

from mktcareers.cli.common import (
    APP_SETTINGS,
    FormatOption,
    NameWordsCommand,
    name_argument,
    number_option,
    present,
    store,
)
from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

app = typer.Typer(**APP_SETTINGS)


class Kind(StrEnum):
    all = "all"
    role = "role"
    occupation = "occupation"


@app.command(cls=NameWordsCommand)
def search(
    ctx: typer.Context,
    query: Annotated[str, name_argument("QUERY", "Words to look for: a job title, skill or tool.")],
    limit: Annotated[
        int,
        number_option(
            "--limit", "-n", low=1, high=500, help="Show at most N roles and N occupations."
        ),
    ] = 10,
    kind: Annotated[
        Kind,
        typer.Option(
            "--kind",
            "-k",
            case_sensitive=False,
            metavar="KIND",
            help="Look for all, role (roles only) or occupation (occupations only).",
        ),
    ] = Kind.all,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Find roles and O*NET occupations by title, alias, skill or tool, forgiving typos.

    A role matches by its own names, skills and tools, and by the alternate titles
    O*NET lists for its occupations; an occupation by its title and alternate titles.

    Examples:

      mktcareers search "paid search manager"

      mktcareers search journalist --kind occupation

      mktcareers search python --limit 5

      mktcareers search "emial marketing" --format json
    """
    from mktcareers.search import KINDS, search_all
    from mktcareers.views import search as search_view

    opened = store(ctx)
    kinds = KINDS if kind is Kind.all else (kind.value,)
    found = search_all(opened.finder(), opened.titles(), query, limit=limit, kinds=kinds)
    # a question ("is digital marketing remote") finds no role: point to its answer,
    # on stderr, so stdout keeps only the results
    pointer = None
    if not found.roles and kind is not Kind.occupation:
        from mktcareers.cli.ask import point_to_answer

        pointer = point_to_answer(ctx, query)
    if fmt is OutputFormat.table and not (found.roles or found.occupations):
        from mktcareers.occupations import is_code

        hint = pointer or "try fewer or different words."
        if is_code(query):
            hint = f"for an O*NET-SOC code, run: mktcareers occupation show {query.strip()}"
        output.error(f"nothing matches '{query}'.", hint)
        raise typer.Exit(1)
    if pointer:
        output.note(f"No role matches '{query}', but {pointer}")
    present(
        fmt,
        lambda: search_view.search_table(found),
        lambda: search_view.search_rows(found),
    )
