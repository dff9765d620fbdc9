"""mktcareers roles list."""

from enum import StrEnum
from typing import Annotated

import typer

from mktcareers.cli.common import CONTEXT, FormatOption, present, store
from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

app = typer.Typer(no_args_is_help=True, context_settings=CONTEXT)


class Family(StrEnum):
    marketing = "marketing"
    it = "it"


class SortKey(StrEnum):
    title = "title"
    remote = "remote"
    it_overlap = "it-overlap"
    pay = "pay"


@app.callback()
def roles() -> None:
    """List and filter roles."""


@app.command("list")
def roles_list(
    ctx: typer.Context,
    family: Annotated[
        Family | None, typer.Option("--family", help="Only roles of this family.")
    ] = None,
    min_remote: Annotated[
        int,
        typer.Option(
            "--min-remote", min=0, max=100, help="Only roles with a remote score of at least N."
        ),
    ] = 0,
    beginner: Annotated[
        bool, typer.Option("--beginner", help="Only roles that suit beginners.")
    ] = False,
    sort: Annotated[
        SortKey, typer.Option("--sort", help="Sort by title, or best first by the others.")
    ] = (SortKey.title),
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List roles with their remote score, IT overlap and median pay.

    Examples:

      mktcareers roles list

      mktcareers roles list --family marketing --min-remote 80 --sort pay

      mktcareers roles list --beginner --format csv > roles.csv
    """
    from mktcareers.roles import filter_roles, sort_roles
    from mktcareers.views.records import role_row

    chosen = filter_roles(
        store(ctx).summaries(),
        family=family.value if family else None,
        min_remote=min_remote,
        beginner_only=beginner,
    )
    chosen = [role_row(summary) for summary in sort_roles(chosen, sort.value)]
    if fmt is OutputFormat.table and not chosen:
        output.error("no roles match these filters.", "loosen --min-remote or drop --beginner.")
        raise typer.Exit(1)
    present(fmt, lambda render: render.roles_table(chosen, output.width()), lambda: chosen)
