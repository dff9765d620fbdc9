"""mktcareers roles list."""

from enum import StrEnum
from typing import Annotated

import typer

from mktcareers.cli import completion
from mktcareers.cli.common import (
    FormatOption,
    noun_app,
    number_option,
    present,
    resolve_named,
    store,
    within_name_limit,
)
from mktcareers.cli.completion import NameType
from mktcareers.views import console as output
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
    family: Annotated[
        str | None,
        typer.Option(
            "--family",
            help="Only roles of this family: an id or name from the knowledge base's "
            "families.yaml (bundled: marketing, it).",
            metavar="FAMILY",
            show_default=False,
            callback=within_name_limit,
            click_type=NameType(completion.FAMILY),
        ),
    ] = None,
    min_remote: Annotated[
        int,
        number_option(
            "--min-remote", low=0, high=100, help="Only roles with a remote score of at least N."
        ),
    ] = 0,
    beginner: Annotated[
        bool, typer.Option("--beginner", help="Only roles that suit beginners.")
    ] = False,
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
    from mktcareers.roles import filter_roles, sort_roles
    from mktcareers.views import roles as roles_view

    opened = store(ctx)
    summaries = opened.summaries()
    chosen = filter_roles(
        summaries,
        family=None if family is None else _family_id(opened, summaries, family),
        min_remote=min_remote,
        beginner_only=beginner,
    )
    chosen = [roles_view.role_row(summary) for summary in sort_roles(chosen, sort.value)]
    if fmt is OutputFormat.table and not chosen:
        output.error("no roles match these filters.", "loosen --min-remote or drop --beginner.")
        raise typer.Exit(1)
    present(fmt, lambda: roles_view.roles_table(chosen, output.width()), lambda: chosen)


def _family_id(opened, summaries: list, name: str) -> str:
    """The id of the family `name` means, or exit 1 with suggestions.

    Each role summary names its family, so the usual answer (the id of a family
    with roles, in any case) needs nothing more than the summaries; a family's
    name, or a family without roles, is looked up among the knowledge base's
    families.
    """
    from mktcareers.names import normalise

    wanted = normalise(name)
    for summary in summaries:
        if normalise(summary.family) == wanted:
            return summary.family
    families = opened.catalogues().families
    return resolve_named("family", families, name, f"use one of: {', '.join(families)}.").id
