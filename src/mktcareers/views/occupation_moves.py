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
    PROFILE_BANDS,
    Either,
    Field,
    Listing,
    bullets,
    getting_started,
    group,
    money_change,
    panel,
    row_line,
    similarity_words,
    table,
    text,
    what_changes,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from rich.console import Group

    from mktcareers.models import Occupation
    from mktcareers.occupation_moves import ElementGap, OccupationMove
    from mktcareers.views.inert import InertText

SHOWN_GAPS = 10  # O*NET areas to grow shown in the table view (records have them all)


# How a move from an occupation is measured, beside how a move between roles is.
MEASURED_ON_RATINGS = (
    "A move from an O*NET occupation is measured on O*NET's ratings of both sides; a move "
    "between two roles compares the roles' own skills, so the two scores differ "
    "(docs/method.md)."
)


def occupation_transition(move: OccupationMove) -> Group:
    """One move from an occupation into a role, in full."""
    source, target = move.source, move.target
    head = text()
    head.append(f"{source.title} ({source.code}) -> {target.title}: ", style="bold")
    head.append(f"{move.size} (similarity {move.similarity.score}/100)")
    head.append(f"\n{similarity_words(move.similarity, PROFILE_BANDS).capitalize()}.")
    head.append(f"\n{MEASURED_ON_RATINGS}", style="dim")
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
        panel("O*NET skills and knowledge to build", _growing(move)),
        panel(f"What {target.title} work asks for (level 1-5)", text(own or MISSING)),
        panel(
            "Certifications to consider",
            bullets(target.certifications) if target.certifications else text(MISSING),
        ),
        panel(f"Getting started as {target.title}", getting_started(target.getting_started)),
    )


# O*NET's two kinds of element, as a person reads them: both have a "Mathematics".
KIND_NAMES = {"skills": "skill", "knowledge": "knowledge"}


def _growing(move: OccupationMove):
    """The SHOWN_GAPS biggest gaps: a table, or one line each where a name would not fit."""
    if move.similarity.skills is None:
        return text(
            "O*NET rates no skills or knowledge for one side of this move: the similarity "
            "comes from work interests and job zone alone.",
            style="dim",
        )
    if not move.to_grow:
        return text("none: you have every level the role needs")
    grow = table()
    grow.add_column("Skill or knowledge", ratio=1)
    grow.add_column("Kind", no_wrap=True)
    grow.add_column("You", justify="right", no_wrap=True)
    grow.add_column("Needed", justify="right", no_wrap=True)
    each = []
    for gap in move.to_grow[:SHOWN_GAPS]:
        kind = KIND_NAMES.get(gap.kind, gap.kind)
        you, needed = f"{gap.current:.1f}", f"{gap.needed:.1f}"
        grow.add_row(text(gap.name), kind, you, needed)
        each.append(row_line(gap.name, kind, f"you {you}", f"needed {needed}"))
    parts = [
        text("O*NET levels 0-7, the biggest gap x level needed first.", style="dim"),
        Either(grow, group(*each)),
    ]
    more = len(move.to_grow) - SHOWN_GAPS
    if more > 0:
        parts.append(text(f"and {more} more (--format json lists all)", style="dim"))
    return group(*parts)


def _changes(move: OccupationMove) -> Either:
    source, derived = move.source, move.target.derived
    return what_changes(
        pay=(source.pay_median, derived and derived.pay.median),
        home=(source.teleworkable, derived and derived.teleworkable),
        remote=(None, move.target.remote.score),
        overlap=(source.it_overlap, derived and derived.it_overlap.score),
        zone=(source.job_zone, derived and derived.job_zone),
    )


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


def closest_by_family(source: str, groups: Mapping[str, Sequence], hint: str) -> Group:
    """ "Closest moves from `source`", then under each family's name (-> moves.Transition
    or OccupationMove, best first) its closest moves: the role (and its title where
    the width allows), similarity, size of the step, the change in median pay and how
    many things there are to build; a table where every value fits whole, else one
    wrapped line per move, so no value is ever cut."""
    return group(
        text(f"Closest moves from {source}\n", style="bold"),
        moves_listing(groups),
        text(hint, style="dim"),
    )


def moves_listing(groups: Mapping[str, Sequence]) -> Listing:
    """Under each family's name (-> moves.Transition or OccupationMove, best first), its
    moves one a row: the role's slug, its title where the width allows, similarity
    (0-100), size of the step, change in median pay (USD a year) and how many things
    there are to build; or one wrapped line per move where no table fits."""
    fields = [
        Field("Move to"),
        Field("Title", prose=True, drop=1),
        Field("Score", "right"),
        Field("Size"),
        Field("Pay change", "right", short="Pay"),
        Field("To build", "right", short="Build"),
    ]
    listing = Listing(fields, [])
    for family, found in groups.items():
        rows = [
            (
                move.target.slug,
                move.target.title,
                str(move.similarity.score),
                move.size,
                money_change(move.pay_change),
                str(len(move.gaps)),
            )
            for move in found
        ]
        listing.add_section(family, rows, stacked=group(*map(_move_line, found)))
    return listing


def _move_line(move) -> InertText:
    """One move on a line that wraps between words: slug, title, score, size, pay."""
    line = text()
    line.append(move.target.slug, style="bold")
    line.append(f" ({move.target.title})", style="dim")
    line.append(
        f": {move.similarity.score}/100, {move.size}, pay {money_change(move.pay_change)}, "
        f"{len(move.gaps)} to build"
    )
    return line


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
