"""The skill catalogue: finding a skill by name and the roles that need it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mktcareers.models import KnowledgeBase, Role, Skill
from mktcareers.search import SUGGESTION_CUTOFF, SUGGESTION_SPREAD, normalise, rank_names


@dataclass(frozen=True)
class SkillMatch:
    skill: Skill | None
    suggestions: tuple[str, ...] = ()  # skill ids, best first, when skill is None


@dataclass(frozen=True)
class SkillUse:
    role: Role
    level: int


def resolve_skill(query: str, skills: dict[str, Skill]) -> SkillMatch:
    """An exact id or name resolves; anything else gets the closest ids as suggestions."""
    wanted = normalise(query)
    for skill in skills.values():
        if wanted in (normalise(skill.id), normalise(skill.name)):
            return SkillMatch(skill)
    named = [
        (normalise(name).split(), skill.id)
        for skill in skills.values()
        for name in (skill.id, skill.name)
    ]
    ranked = rank_names(query, named)
    suggestions: list[str] = []
    best = ranked[0][1] if ranked else 0
    for skill_id, score in ranked:
        if score < SUGGESTION_CUTOFF or score < best - SUGGESTION_SPREAD or len(suggestions) == 3:
            break
        if skill_id not in suggestions:
            suggestions.append(skill_id)
    return SkillMatch(None, tuple(suggestions))


def skill_usage(skill_id: str, roles: Sequence[Role]) -> list[SkillUse]:
    """Roles that need the skill, highest level first, then by title."""
    uses = [
        SkillUse(role, need.level) for role in roles for need in role.skills if need.id == skill_id
    ]
    return sorted(uses, key=lambda use: (-use.level, use.role.title.lower()))


def usage_counts(kb: KnowledgeBase) -> dict[str, int]:
    """How many roles need each catalogue skill (0 for unused ones)."""
    counts = dict.fromkeys(kb.skills, 0)
    for role in kb.roles:
        for need in role.skills:
            counts[need.id] += 1
    return counts
