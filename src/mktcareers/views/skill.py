"""`skill show`: one skill and the roles that need it, as panels or as a record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mktcareers.views.widgets import Field, Listing, group, level, panel, text

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
    roles = Listing(
        [
            Field("Role"),
            Field("Title", prose=True, drop=1),
            Field("Family"),
            Field("Level needed", short="Level"),
        ],
        [(use.role.slug, use.role.title, use.role.family, level(use.level)) for use in uses],
    )
    body = roles if uses else text("No role in the knowledge base needs this skill.", style="dim")
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
