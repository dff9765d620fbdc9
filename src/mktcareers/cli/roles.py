"""mktcareers roles list."""

from enum import StrEnum
from typing import Annotated

import typer

from mktcareers.cli.common import (
    BeginnerOption,
    FamilyOption,
    FormatOption,
    exit_if_none_match,
    filtered_roles,
    noun_app,
    number_option,
    present,
    store,
)
from mktcareers.views.formats import OutputFormat

app = noun_app("List and filter roles.")


class SortKey(StrEnum):
    """The orders --sort accepts."""

    title = "title"
    remote = "remote"
    it_overlap = "it-overlap"
    pay = "pay"


@app.command("list")
def roles_list(
    ctx: typer.Context,
    family: FamilyOption = None,
    min_remote: Annotated[
        int,
        number_option(
            "--min-remote", low=0, high=100, help="Only roles with a remote score of at least N."
        ),
    ] = 0,
    beginner: BeginnerOption = False,
    sort: Annotated[
        SortKey,
        typer.Option(
            "--sort",
            case_sensitive=False,
            metavar="ORDER",
            help="Sort by title, or best first by remote, it-overlap or pay.",
        ),
    ] = SortKey.title,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List roles with their remote score, IT overlap and median pay.

    Examples:

      mktcareers roles list

      mktcareers roles list --family marketing --min-remote 80 --sort pay

      mktcareers roles list --beginner --format csv > roles.csv
    """
    from mktcareers.roles import same_pay_index, sort_roles
    from mktcareers.views import roles as roles_view

    opened = store(ctx)
    summaries, chosen = filtered_roles(opened, family, min_remote=min_remote, beginner=beginner)
    ordered = sort_roles(chosen, sort.value)
    index = same_pay_index(summaries)
    chosen = [
        roles_view.with_same_pay(roles_view.role_row(each), summaries, index) for each in ordered
    ]
    exit_if_none_match(
        fmt, chosen, {"--family": family, "--min-remote": min_remote, "--beginner": beginner}
    )
    present(fmt, lambda: roles_view.roles_list(chosen, ordered), lambda: chosen)
