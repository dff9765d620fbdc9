"""mktcareers path."""

from typing import Annotated

import typer

from mktcareers.cli import completion
from mktcareers.cli.common import (
    APP_SETTINGS,
    FormatOption,
    NameWordsCommand,
    alternate_title_note,
    ambiguous,
    exit_on_code_problem,
    name_argument,
    number_option,
    present,
    same_on_both_sides,
    side_looseness,
    store,
    unknown,
)
from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

app = typer.Typer(**APP_SETTINGS)


class PathCommand(NameWordsCommand):
    """path's FROM and TO typed without quotes: FROM a role or an occupation by a
    slug, code, title or alternate title, TO a family or a role by one of its names."""

    joiner = " to "

    def loose_names(self, ctx, names: list[str]) -> int | None:
        from mktcareers.resolution import resolve_name

        opened = store(ctx)
        finder = opened.finder()
        start = resolve_name(finder, opened.titles(), names[0])
        if start.position is None:
            return None
        loose = int(start.via == "words")
        if len(names) == 1:
            return loose
        target = side_looseness(names[1], opened.knowledge(), finder)
        return None if target is None else loose + target


@app.command(cls=PathCommand)
def path(
    ctx: typer.Context,
    source: Annotated[
        str,
        name_argument(
            "FROM",
            "Your job now: a role, an O*NET-SOC code, or any job title O*NET knows.",
            completion.START,
        ),
    ],
    target: Annotated[
        str | None,
        name_argument(
            "TO",
            "A role or a family (marketing, it); leave out for the best moves in each.",
            completion.SIDE,
        ),
    ] = None,
    limit: Annotated[
        int, number_option("--limit", "-n", low=1, high=100, help="Moves to list per family.")
    ] = 5,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """What it takes to move from your job into a role, or the best moves from it.

    Examples:

      mktcareers path journalist copywriter

      mktcareers path "help desk specialist" marketing

      mktcareers path 25-2031.00

      mktcareers path it-support-specialist marketing-technologist --format json
    """
    from mktcareers import compare as comparing
    from mktcareers.occupations import label
    from mktcareers.resolution import OCCUPATION, resolve_name

    opened = store(ctx)
    finder, index = opened.finder(), opened.titles()
    exit_on_code_problem(index, source)
    start = resolve_name(finder, index, source)
    if start.candidates:
        ambiguous(source, start.candidates, "give the slug or O*NET-SOC code of the one you mean.")
    if start.position is None:
        unknown(
            "role or occupation",
            source,
            start.suggestions,
            f"try 'mktcareers search \"{source}\"', or give an O*NET-SOC code such as 27-3023.00.",
        )
    if start.via == "alternate title":
        alternate_title_note(source, label(index, start.position))
    knowledge = opened.knowledge()
    side = None
    if target is not None:
        try:
            side = comparing.resolve_side(target, knowledge, finder)
        except comparing.UnknownSide as missing:
            if missing.candidates:
                ambiguous(target, missing.candidates, "give the slug of the one you mean.")
            families = ", ".join(knowledge.families)
            hint = f"TO is a role from 'mktcareers roles list' or a family ({families})."
            unknown("role or family", target, missing.suggestions, hint)
    if start.kind == OCCUPATION:
        _from_occupation(opened, opened.occupation(start.position), side, limit, fmt)
    else:
        _from_role(knowledge, knowledge.roles[start.position], side, limit, fmt)


def _from_role(knowledge, start, side, limit, fmt) -> None:
    from mktcareers import moves
    from mktcareers.views import moves as moves_view
    from mktcareers.views import occupation_moves as view
    from mktcareers.views.roles import role_record

    if side is None or side.family is not None:
        groups = {
            family.name: moves.closest_moves(start, _roles_of(knowledge, family.id), limit)
            for family in _families(knowledge, side)
        }
        hint = f"See one move in full: mktcareers path {start.slug} SLUG"
        present(
            fmt,
            lambda: view.closest_by_family(start.title, groups, hint),
            lambda: view.closest_record(role_record(start), groups),
        )
        return
    if side.role.slug == start.slug:
        same_on_both_sides("FROM and TO", "role", start.slug, "pick another TO, or leave it out.")
    move = moves.transition(start, side.role)
    present(fmt, lambda: moves_view.transition(move), lambda: moves_view.transition_record(move))


def _from_occupation(opened, start, side, limit, fmt) -> None:
    from mktcareers import occupation_moves as moves
    from mktcareers.views import occupation_moves as view

    if not moves.comparable(start):
        output.error(
            f"O*NET rates no skills, interests or job zone for {start.code} ({start.title}): "
            "there is nothing to compare it with.",
            "try a more specific occupation: mktcareers search "
            f'"{start.title.split(",")[0]}" --kind occupation',
        )
        raise typer.Exit(1)
    knowledge, profiles = opened.knowledge(), opened.profiles()
    if side is None or side.family is not None:
        groups = {
            family.name: moves.closest_roles(
                start, _roles_of(knowledge, family.id), profiles, limit
            )
            for family in _families(knowledge, side)
        }
        hint = f"See one move in full: mktcareers path {start.code} SLUG"
        present(
            fmt,
            lambda: view.closest_by_family(f"{start.title} ({start.code})", groups, hint),
            lambda: view.closest_record(view.occupation_summary(start), groups),
        )
        return
    move = moves.occupation_move(start, side.role, profiles)
    present(
        fmt,
        lambda: view.occupation_transition(move),
        lambda: view.occupation_transition_record(move),
    )


def _families(knowledge, side):
    """The family TO names, or every family that has roles."""
    if side is not None:
        return [side.family]
    used = {role.family for role in knowledge.roles}
    return [family for family in knowledge.families.values() if family.id in used]


def _roles_of(knowledge, family: str):
    return [role for role in knowledge.roles if role.family == family]
