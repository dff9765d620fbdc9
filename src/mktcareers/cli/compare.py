"""mktcareers compare."""

from typing import Annotated

import typer

from mktcareers.cli import completion
from mktcareers.cli.common import (
    APP_SETTINGS,
    FormatOption,
    NameWordsCommand,
    ambiguous,
    name_argument,
    present,
    same_on_both_sides,
    side_looseness,
    store,
    unknown,
)
from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

app = typer.Typer(**APP_SETTINGS)


class CompareCommand(NameWordsCommand):
    """compare's LEFT and RIGHT typed without quotes: each a family or a role by
    one of its names (not by some of its words)."""

    joiner = " vs "

    def loose_names(self, ctx, names: list[str]) -> int | None:
        opened = store(ctx)
        knowledge, finder = opened.knowledge(), opened.finder()
        if len(names) != 2:
            return None
        loose = [side_looseness(name, knowledge, finder) for name in names]
        return None if None in loose else sum(loose)


SIDE_HELP = "A family of the knowledge base (bundled: marketing, it) or a role."


@app.command(cls=CompareCommand)
def compare(
    ctx: typer.Context,
    left: Annotated[str, name_argument("LEFT", SIDE_HELP, completion.SIDE)],
    right: Annotated[str, name_argument("RIGHT", SIDE_HELP, completion.SIDE)],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Compare two fields, two roles, or a role with a field, side by side.

    Examples:

      mktcareers compare marketing it

      mktcareers compare seo-specialist web-developer

      mktcareers compare marketing-technologist it --format json
    """
    from mktcareers import compare as comparing
    from mktcareers import families
    from mktcareers.names import spellings, suggest

    opened = store(ctx)
    knowledge, finder = opened.knowledge(), opened.finder()
    sides = []
    for query in (left, right):
        try:
            sides.append(comparing.resolve_side(query, knowledge, finder))
        except comparing.UnknownSide as side:
            if side.candidates:
                ambiguous(query, side.candidates, "give the slug of the one you mean.")
            close = suggest(query, spellings(knowledge.families))
            unknown(
                "role or family",
                query,
                [*close, *side.suggestions],
                f"use a family ({', '.join(knowledge.families)}) or a role from "
                "'mktcareers roles list'.",
            )
    first, second = sides
    if first.role is not None and first.role == second.role:
        hint = "compare it with another role, or with a family."
        same_on_both_sides("LEFT and RIGHT", "role", first.role.slug, hint)
    if first.family is not None and first.family == second.family:
        hint = "compare it with another family, or with a role."
        same_on_both_sides("LEFT and RIGHT", "family", first.family.id, hint)
    try:
        record, view = _comparison(first, second, knowledge)
    except families.EmptyFamily as empty:
        output.error(f"the family '{empty.family.id}' has no roles to compare.")
        raise typer.Exit(1) from None
    present(fmt, view, lambda: record)


def _comparison(first, second, knowledge):
    """The comparison of two compare.Side as (its record, its Rich view); raises
    families.EmptyFamily when a family side has no roles."""
    from mktcareers import compare as comparing
    from mktcareers import families
    from mktcareers.views import compare as compare_view

    if first.family and second.family:
        result = families.compare_families(first.family, second.family, knowledge)
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
    return record, view
