"""`path ROLE ROLE`: one career move between two roles in full, as panels or a record
(closest moves: views/occupation_moves.py closest_by_family)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mktcareers.views.compare import similarity_record
from mktcareers.views.formats import pick
from mktcareers.views.role import steps_record
from mktcareers.views.roles import role_record
from mktcareers.views.widgets import (
    MISSING,
    Either,
    bullets,
    getting_started,
    group,
    level,
    panel,
    row_line,
    similarity_words,
    table,
    text,
    what_changes,
)

if TYPE_CHECKING:
    from rich.console import Group

    from mktcareers.moves import SkillGap, Transition


def transition(move: Transition) -> Group:
    """`path ROLE ROLE`: one move between two roles, in full."""
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
    head.append(f"\n{similarity_words(move.similarity).capitalize()}.")
    bring = text(
        ", ".join(f"{gap.name} ({gap.current_level}/5)" for gap in move.skills_you_bring)
        or "none yet"
    )
    return group(
        panel("The move", head),
        panel("What changes", _changes(move)),
        panel("Skills you already bring", bring),
        panel("Skills to build", _building(move) if move.skills_to_build else text("none")),
        panel(
            "Certifications to consider",
            bullets(target.certifications) if target.certifications else text(MISSING),
        ),
        panel(f"Getting started as {target.title}", getting_started(target.getting_started)),
    )


def _building(move: Transition) -> Group:
    """The skills to build: a table, or one line each where a name would not fit."""
    build = table()
    build.add_column("Skill to build", ratio=1)
    build.add_column("You", no_wrap=True)
    build.add_column("Needed", no_wrap=True)
    build.add_column("Priority", justify="right", no_wrap=True)
    each = []
    for gap in move.skills_to_build:
        you = level(gap.current_level) if gap.current_level else "new"
        needed, priority = level(gap.target_level), str(gap.priority)
        build.add_row(text(gap.name), you, needed, priority)
        each.append(row_line(gap.name, f"you {you}", f"needed {needed}", f"priority {priority}"))
    order = text("Most important first: priority is the gap x the level needed.", style="dim")
    return group(order, Either(build, group(*each)))


def _changes(move: Transition) -> Either:
    """Pay, home working, remote score, IT overlap and job zone, before -> after."""
    before, after = move.source.derived, move.target.derived
    source, target = move.source, move.target
    return what_changes(
        pay=(before and before.pay.median, after and after.pay.median),
        home=(before and before.teleworkable, after and after.teleworkable),
        remote=(source.remote.score, target.remote.score),
        overlap=(source.it_overlap, target.it_overlap),
        zone=(before and before.job_zone, after and after.job_zone),
    )


def transition_record(move: Transition) -> dict:
    target = move.target
    before, after = move.source.derived, target.derived
    return {
        "from": role_record(move.source),
        "to": role_record(target),
        "similarity": similarity_record(move.similarity),
        "size": move.size,
        "job_zone_change": move.job_zone_change,
        "pay_change": move.pay_change,
        "it_overlap_change": move.it_overlap_change,
        "teleworkable": {
            "from": before and before.teleworkable,
            "to": after and after.teleworkable,
        },
        "skills_you_bring": [_gap(gap) for gap in move.skills_you_bring],
        "skills_to_build": [_gap(gap) for gap in move.skills_to_build],
        "certifications": list(target.certifications),
        "getting_started": steps_record(target),
    }


def _gap(gap: SkillGap) -> dict:
    return pick(gap, "skill=id", "name", "type", "current_level", "target_level", "priority")
