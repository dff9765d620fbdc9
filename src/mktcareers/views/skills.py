"""`skills list`: the skills catalogue with how many roles need each skill."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mktcareers.views.widgets import table, text

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from rich.table import Table

    from mktcareers.models import Skill


def skills_table(skills: Sequence[Skill], counts: Mapping[str, int]) -> Table:
    """One line per skill; `counts` holds how many roles need each skill, by id."""
    catalogue = table()
    longest_id = max((len(skill.id) for skill in skills), default=2)
    catalogue.add_column("Id", no_wrap=True, min_width=longest_id)
    catalogue.add_column("Skill", overflow="fold", ratio=1)
    catalogue.add_column("Type", no_wrap=True, min_width=13)
    catalogue.add_column("Roles", justify="right", no_wrap=True)
    for skill in skills:
        catalogue.add_row(
            text(skill.id), text(skill.name), skill.type, str(counts.get(skill.id, 0))
        )
    return catalogue


def skill_row(skill: Skill, role_count: int) -> dict:
    return {"id": skill.id, "name": skill.name, "type": skill.type, "roles": role_count}
