"""`path` from an O*NET occupation: one move into a role in full, or the closest roles
by family (also in `occupation show`), as panels or records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mktcareers.views.compare import similarity_record
from mktcareers.views.formats import pick
from mktcareers.views.role import steps_record
from mktcareers.views.roles import role_record
from mktcareers.views.widgets import (
    MISSING,
    bullets,
    getting_started,
    grid,
    group,
    money,
    panel,
    table,
    text,
    yes_no,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from rich.console import Group
    from rich.table import Table

    from mktcareers.models import Occupation
    from mktcareers.occupation_moves import ElementGap, OccupationMove

SHOWN_GAPS = 10  # O*NET areas to grow shown in the table view (records have them all)


def occupation_transition(move: OccupationMove) -> Group:
    """One move from an occupation into a role, in full."""
    source, target = move.source, move.target
    head = text()
    head.append(f"{source.title} ({source.code}) -> {target.title}: ", style="bold")
    head.append(f"{move.size} (similarity {move.similarity.score}/100)")
    head.append(f"\n{move.similarity.method}.", style="dim")
    grow = table()
    grow.add_column("O*NET skill or knowledge", overflow="fold", ratio=1)
    grow.add_column("You", justify="right", no_wrap=True)
    grow.add_column("Needed", justify="right", no_wrap=True)
    for gap in move.to_grow[:SHOWN_GAPS]:
        grow.add_row(text(gap.name), f"{gap.current:.1f}", f"{gap.needed:.1f}")
    more = len(move.to_grow) - SHOWN_GAPS
    growing = group(grow, text(f"and {more} more (--format json lists all)", style="dim"))
    own = ", ".join(
        f"{skill.name} ({skill.level}/5)"
        for skill in sorted(target.skills, key=lambda skill: (-skill.level, skill.name))
    )
    return group(
        panel("The move", head),
        panel("What changes", _changes(move)),
        panel(
            "Strengths you bring (O*NET levels the role needs, 0-7)",
            text(", ".join(gap.name for gap in move.strengths) or "none at the role's level yet"),
        ),
        panel(
            "O*NET skills and knowledge to grow (level 0-7, biggest gap x level first)",
            _growing(move, grow, growing if more > 0 else grow),
        ),
        panel(f"What {target.title} work asks for (level 1-5)", text(own or MISSING)),
        panel(
            "Certifications to consider",
            bullets(target.certifications) if target.certifications else text(MISSING),
        ),
        panel(f"Getting started as {target.title}", getting_started(target.getting_started)),
    )


def _growing(move: OccupationMove, grow: Table, shown):
    if move.similarity.skills is None:
        return text(
            "O*NET rates no skills or knowledge for one side of this move: the similarity "
            "comes from work interests and job zone alone.",
            style="dim",
        )
    return shown if move.to_grow else text("none: you have every level the role needs")


def _changes(move: OccupationMove) -> Table:
    source, derived = move.source, move.target.derived
    rows = grid(2)
    rows.add_column(style="bold", no_wrap=True)
    rows.add_column(overflow="fold")
    pay = f"{money(source.pay_median)} -> {money(derived and derived.pay.median)}"
    if move.pay_change:
        pay += f" ({_money_change(move.pay_change)} a year)"
    rows.add_row("Median pay (US, BLS)", pay)
    home = f"{yes_no(source.teleworkable)} -> {yes_no(derived and derived.teleworkable)}"
    rows.add_row("Can be done from home", home + " (Dingel & Neiman 2020)")
    rows.add_row("Remote suitability of the role", f"{move.target.remote.score}/100")
    overlap = (
        f"{_or_missing(source.it_overlap)} -> {_or_missing(derived and derived.it_overlap.score)}"
    )
    rows.add_row("IT overlap (0-100)", overlap + _signed(move.it_overlap_change))
    zones = f"{_or_missing(source.job_zone)} -> {_or_missing(derived and derived.job_zone)}"
    rows.add_row("Job zone (O*NET, 1-5)", zones + _signed(move.job_zone_change))
    return rows


def _or_missing(value: object) -> str:
    return MISSING if value is None else str(value)


def _signed(change: int | None) -> str:
    return "" if not change else f" ({change:+d})"


def occupation_transition_record(move: OccupationMove) -> dict:
    target = move.target
    return {
        "from": occupation_summary(move.source),
        "to": role_record(target),
        "similarity": similarity_record(move.similarity),
        "size": move.size,
        "pay_change": move.pay_change,
        "it_overlap_change": move.it_overlap_change,
        "job_zone_change": move.job_zone_change,
        "strengths": [_gap(gap) for gap in move.strengths],
        "to_grow": [_gap(gap) for gap in move.to_grow],
        "role_skills": [
            pick(skill, "skill=id", "name", "type", "level") for skill in target.skills
        ],
        "certifications": list(target.certifications),
        "getting_started": steps_record(target),
    }


def occupation_summary(occupation: Occupation) -> dict:
    """The few facts a move needs of its occupation."""
    return pick(occupation, "code", "title", "job_zone", "pay_median", "teleworkable", "it_overlap")


def _gap(gap: ElementGap) -> dict:
    return pick(gap, "kind", "name", "current", "needed", "gap", "priority")


# ------------------------------------------------------------------ closest by family


# Below this many columns the closest moves are listed one per line, not as a table.
TABLE_WIDTH = 74


def closest_by_family(
    title: str,
    groups: Mapping[str, Sequence],
    hint: str,
    width: int,
    *,
    to_build: str = "to build",
) -> Group:
    """`title`, then under each family's name (-> moves.Transition or OccupationMove,
    best first) its closest moves: the role, similarity, size of the step, the change
    in median pay and how many things there are to build; a table when `width`
    (columns) allows, else one wrapped line per move, so no value is ever cut."""
    parts = [text(title, style="bold")]
    every = [move for found in groups.values() for move in found]
    longest_slug = max((len(move.target.slug) for move in every), default=4)
    for family, found in groups.items():
        parts.append(text(f"\n{family}", style="bold"))
        if not found:
            parts.append(text("no roles", style="dim"))
        elif width >= TABLE_WIDTH:
            parts.append(_moves_table(found, longest_slug, to_build))
        else:
            parts.extend(_move_line(move, to_build) for move in found)
    return group(*parts, text(hint, style="dim"))


def _moves_table(found: Sequence, longest_slug: int, to_build: str) -> Table:
    rows = table()
    rows.add_column("Move to", no_wrap=True, min_width=longest_slug)
    rows.add_column("Score", justify="right", no_wrap=True)
    rows.add_column("Size", min_width=len("moderate"))  # wraps between words only
    rows.add_column("Pay change", justify="right", no_wrap=True)
    rows.add_column(to_build.capitalize(), justify="right", no_wrap=True)
    for move in found:
        rows.add_row(
            text(move.target.slug),
            str(move.similarity.score),
            move.size,
            _money_change(move.pay_change),
            str(len(move.gaps)),
        )
    return rows


def _move_line(move, to_build: str):
    line = text()
    line.append(move.target.slug, style="bold")
    line.append(
        f": {move.similarity.score}/100, {move.size}, pay {_money_change(move.pay_change)}, "
        f"{len(move.gaps)} {to_build}"
    )
    return line


def _money_change(change: int | None) -> str:
    return MISSING if change is None else f"{'+' if change >= 0 else '-'}${abs(change):,}"


def closest_record(source: dict, groups: Mapping[str, Sequence]) -> dict:
    return {
        "from": source,
        "moves": [
            {
                "slug": move.target.slug,
                "title": move.target.title,
                "family": move.target.family,
                "similarity": move.similarity.score,
                "size": move.size,
                "pay_change": move.pay_change,
                "to_build": len(move.gaps),
            }
            for found in groups.values()
            for move in found
        ],
    }
