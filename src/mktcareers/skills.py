"""The skill catalogue: finding a skill by name and the roles that need it."""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from mktcareers.models import KnowledgeBase, Role


class SkillUse(msgspec.Struct, frozen=True):
    """A role that needs a skill, at `level` (the catalogue's 1-5 scale)."""

    role: Role
    level: int


def skill_usage(skill_id: str, roles: Sequence[Role]) -> list[SkillUse]:
    """Roles that need the skill, highest level first, then by title."""
    uses = [
        SkillUse(role, need.level) for role in roles for need in role.skills if need.id == skill_id
    ]
    return sorted(uses, key=lambda use: (-use.level, use.role.title.lower()))


def usage_counts(kb: KnowledgeBase) -> dict[str, int]:
    """skill id -> how many roles need it, for every catalogue skill (0 for unused ones)."""
    counts = dict.fromkeys(kb.skills, 0)
    for role in kb.roles:
        for need in role.skills:
            counts[need.id] += 1
    return counts
