"""`path`: one career move in full, or the closest moves from a role, as panels or records."""

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
    group,
    level,
    panel,
    table,
    text,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Group

    from mktcareers.models import Role
    from mktcareers.moves import SkillGap, Transition


def transition(move: Transition) -> Group:
    source, target = move.source, move.target
    head = text()
    head.append(f"{source.title} -> {target.title}: ", style="bold")
    head.append(f"{move.size} (similarity {move.similarity.score}/100)")
    if move.job_zone_change:
        direction = "more" if move.job_zone_change > 0 else "less"
        head.append(
            f"\nThe target usually needs {direction} preparation "
            f"(O*NET job zone {move.job_zone_change:+d})."
        )
    head.append(f"\n{move.similarity.method}.", style="dim")
    build = table()
    build.add_column("Skill to build", overflow="fold", ratio=1)
    build.add_column("You", no_wrap=True)
    build.add_column("Needed", no_wrap=True)
    build.add_column("Priority", justify="right", no_wrap=True)
    for gap in move.skills_to_build:
        you = level(gap.current_level) if gap.current_level else "new"
        build.add_row(text(gap.name), you, level(gap.target_level), str(gap.priority))
    bring = text(
        ", ".join(f"{gap.name} ({gap.current_level}/5)" for gap in move.skills_you_bring)
        or "none yet"
    )
    return group(
        panel("The move", head),
        panel("Skills you already bring", bring),
        panel(
            "Skills to build, most important first (gap x level needed)",
            build if move.skills_to_build else text("none"),
        ),
        panel(
            "Certifications to consider",
            bullets(target.certifications) if target.certifications else text(MISSING),
        ),
        panel(f"Getting started as {target.title}", getting_started(target.getting_started)),
    )


def transition_record(move: Transition) -> dict:
    target = move.target
    return {
        "from": role_record(move.source),
        "to": role_record(target),
        "similarity": similarity_record(move.similarity),
        "size": move.size,
        "job_zone_change": move.job_zone_change,
        "skills_you_bring": [_gap(gap) for gap in move.skills_you_bring],
        "skills_to_build": [_gap(gap) for gap in move.skills_to_build],
        "certifications": list(target.certifications),
        "getting_started": steps_record(target),
    }


def _gap(gap: SkillGap) -> dict:
    return pick(gap, "skill=id", "name", "type", "current_level", "target_level", "priority")


def moves_table(source: Role, found: Sequence[Transition]) -> Group:
    moves = table()
    longest_slug = max((len(move.target.slug) for move in found), default=4)
    moves.add_column("Move to", no_wrap=True, min_width=longest_slug)
    moves.add_column("Similarity", justify="right", no_wrap=True)
    moves.add_column("Size", overflow="fold")
    moves.add_column("To build", justify="right", no_wrap=True)
    for move in found:
        moves.add_row(
            text(move.target.slug),
            str(move.similarity.score),
            move.size,
            str(len(move.skills_to_build)),
        )
    hint = text(f"See one move in full: mktcareers path {source.slug} SLUG", style="dim")
    return group(panel(f"Closest moves from {source.title}", moves), hint)


def moves_record(source: Role, found: Sequence[Transition]) -> dict:
    return {
        "from": role_record(source),
        "moves": [
            {
                "slug": move.target.slug,
                "title": move.target.title,
                "family": move.target.family,
                "similarity": move.similarity.score,
                "size": move.size,
                "skills_to_build": len(move.skills_to_build),
            }
            for move in found
        ],
    }
