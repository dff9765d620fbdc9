"""`skill show`: one skill and the roles that need it, as panels or as a record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mktcareers.views.widgets import Either, group, level, panel, row_line, table, text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Group

    from mktcareers.models import Skill
    from mktcareers.skills import SkillUse


def skill_profile(skill: Skill, uses: Sequence[SkillUse]) -> Group:
    header = text()
    header.append(skill.name, style="bold")
    header.append(f"  ({skill.id}, {skill.type})", style="dim")
    header.append("\n")
    header.append(skill.description)
    roles = table()
    longest_slug = max((len(use.role.slug) for use in uses), default=4)
    roles.add_column("Role", no_wrap=True, min_width=longest_slug)
    roles.add_column("Family", no_wrap=True)
    roles.add_column("Level needed", no_wrap=True)
    each = []
    for use in uses:
        roles.add_row(text(use.role.slug), text(use.role.family), level(use.level))
        each.append(row_line(use.role.slug, use.role.family, level(use.level)))
    body = (
        Either(roles, group(*each))
        if uses
        else text("No role in the knowledge base needs this skill.", style="dim")
    )
    return group(panel("Skill", header), panel(f"Roles that need it ({len(uses)})", body))


def skill_detail(skill: Skill, uses: Sequence[SkillUse]) -> dict:
    return {
        "id": skill.id,
        "name": skill.name,
        "type": skill.type,
        "description": skill.description,
        "roles": [
            {
                "slug": use.role.slug,
                "title": use.role.title,
                "family": use.role.family,
                "level": use.level,
            }
            for use in uses
        ],
    }
