"""`skills list`: the skills catalogue with how many roles need each skill."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mktcareers.views.widgets import Field, Listing, group, heading, text

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from rich.console import Group, RenderableType

    from mktcareers.models import Skill


def skills_table(skills: Sequence[Skill], counts: Mapping[str, int]) -> Group:
    """The skills under a heading per type (in the order given): one line per skill,
    its id, name and how many roles need it (`counts`, by id); each skill stacked
    where the width does not allow a table with whole words."""
    by_type: dict[str, list[Skill]] = {}
    for skill in skills:
        by_type.setdefault(skill.type, []).append(skill)
    parts: list[RenderableType] = []
    for kind, chosen in by_type.items():
        if parts:
            parts.append(text(""))
        parts.append(heading(f"{kind.capitalize()} skills ({len(chosen)})"))
        parts.append(
            Listing(
                [Field("Id"), Field("Skill", prose=True), Field("Roles", "right")],
                [(skill.id, skill.name, str(counts.get(skill.id, 0))) for skill in chosen],
            )
        )
    return group(*parts)


def skill_row(skill: Skill, role_count: int) -> dict:
    return {"id": skill.id, "name": skill.name, "type": skill.type, "roles": role_count}
