"""mktcareers compare."""

from typing import Annotated

import typer

from mktcareers.cli.common import CONTEXT, FormatOption, present, store
from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

app = typer.Typer(context_settings=CONTEXT)


@app.command()
def compare(
    ctx: typer.Context,
    left: Annotated[str, typer.Argument(help="A family (marketing, it) or a role.")],
    right: Annotated[str, typer.Argument(help="A family (marketing, it) or a role.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Compare two fields, two roles, or a role with a field, side by side.

    Examples:

      mktcareers compare marketing it

      mktcareers compare seo-specialist web-developer

      mktcareers compare marketing-technologist it --format json
    """
    from mktcareers import compare as comparing
    from mktcareers.views import compare as compare_view

    opened = store(ctx)
    knowledge, finder = opened.knowledge(), opened.finder()
    sides = []
    for query in (left, right):
        side = comparing.resolve_side(query, knowledge, finder)
        if isinstance(side, comparing.SideError):
            if side.suggestions:
                suggestions = ", ".join(side.suggestions)
                output.error(f"Unknown role or family '{query}'. Did you mean: {suggestions}?")
            else:
                output.error(
                    f"Unknown role or family '{query}'.",
                    f"use a family ({', '.join(knowledge.families)}) or a role from "
                    "'mktcareers roles list'.",
                )
            raise typer.Exit(1)
        sides.append(side)
    first, second = sides
    if first.family and second.family:
        result = comparing.compare_families(first.family, second.family, knowledge)
        record = compare_view.family_comparison_record(result)
        view = lambda: compare_view.family_comparison(result, knowledge)  # noqa: E731
    elif first.role and second.role:
        result = comparing.compare_roles(first.role, second.role)
        record = compare_view.role_comparison_record(result)
        view = lambda: compare_view.role_comparison(result)  # noqa: E731
    else:
        role, family = (first.role, second.family) if first.role else (second.role, first.family)
        result = comparing.compare_role_family(role, family, knowledge)
        record = compare_view.role_family_comparison_record(
            result, role_first=first.role is not None
        )
        view = lambda: compare_view.role_family_comparison(result, knowledge)  # noqa: E731
    present(fmt, view, lambda: record)
