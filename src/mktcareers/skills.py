"""The skill catalogue: finding a skill by name and the roles that need it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import msgspec

from mktcareers.models import KnowledgeBase, Role, Skill
from mktcareers.names import normalise


class SkillUse(msgspec.Struct, frozen=True):
    """A role that needs a skill, at `level` (the catalogue's 1-5 scale)."""

    role: Role
    level: int


def find_skill(query: str, skills: Mapping[str, Skill]) -> Skill | None:
    """The skill of `skills` (id -> Skill) whose id or name is `query`, ignoring case,
    spaces and punctuation; None when there is none."""
    wanted = normalise(query)
    for skill in skills.values():
        if wanted in (normalise(skill.id), normalise(skill.name)):
            return skill
    return None


def skill_spellings(skills: Mapping[str, Skill]) -> dict[str, str]:
    """Every way a skill is written (its id, its name) -> its id: what suggestions
    for an unknown skill are chosen from."""
    return {spelling: skill.id for skill in skills.values() for spelling in (skill.id, skill.name)}


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
