"""mktcareers path."""

from typing import Annotated

import typer

from mktcareers.cli.common import (
    APP_SETTINGS,
    FormatOption,
    name_argument,
    present,
    resolve_role,
    same_on_both_sides,
    store,
)
from mktcareers.views.formats import OutputFormat

app = typer.Typer(**APP_SETTINGS)


@app.command()
def path(
    ctx: typer.Context,
    source: Annotated[str, name_argument("FROM", "The role you have now.")],
    target: Annotated[
        str | None, name_argument("TO", "The role you want; leave out to list the closest.")
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=100, help="Closest moves to list.")
    ] = 5,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """What it takes to move from one role to another, or the closest moves from a role.

    Examples:

      mktcareers path copywriter seo-specialist

      mktcareers path it-support-specialist marketing-technologist --format json

      mktcareers path social-media-manager
    """
    from mktcareers import moves as paths
    from mktcareers.views import moves as moves_view

    opened = store(ctx)
    finder = opened.finder()
    start_at = resolve_role(finder, source)
    end_at = None if target is None else resolve_role(finder, target)
    knowledge = opened.knowledge()
    start = knowledge.roles[start_at]
    if end_at is None:
        found = paths.closest_moves(start, knowledge.roles, limit=limit)
        present(
            fmt,
            lambda: moves_view.moves_table(start, found),
            lambda: moves_view.moves_record(start, found),
        )
        return
    end = knowledge.roles[end_at]
    if end.slug == start.slug:
        same_on_both_sides("FROM and TO", "role", start.slug, "pick another TO, or leave it out.")
    move = paths.transition(start, end)
    present(fmt, lambda: moves_view.transition(move), lambda: moves_view.transition_record(move))
