"""Side-by-side comparisons of two roles, or of a role with a family (the sides of
`mktcareers compare`). Families against families are in families.py. Pure
functions; no printing.
"""

from __future__ import annotations

import statistics

import msgspec

from mktcareers.families import (
    WORKING_LEVEL,
    FamilySummary,
    skill_shares,
    summarise_family,
)
from mktcareers.models import Family, KnowledgeBase, Role
from mktcareers.names import find_named, normalise
from mktcareers.search import RoleFinder
from mktcareers.similarity import Similarity, similarity


class Side(msgspec.Struct, frozen=True):
    """One side of a comparison: a family or a role (exactly one is set)."""

    family: Family | None = None
    role: Role | None = None


class UnknownSide(LookupError):
    """A side that is neither a family nor a role; `suggestions` are the closest
    roles' slugs (best first), or the roles a vague name fits; `candidates` the slugs
    of the roles that share the name."""

    def __init__(
        self, query: str, suggestions: tuple[str, ...], candidates: tuple[str, ...] = ()
    ) -> None:
        self.query = query
        self.suggestions = suggestions
        self.candidates = candidates
        super().__init__(f"no family or role '{query}'")


def resolve_side(query: str, kb: KnowledgeBase, finder: RoleFinder | None = None) -> Side:
    """A family (by id or name, any case) or else a role (as `role show` resolves it).

    `finder` is a RoleFinder over kb.roles when the caller has one. Raises
    UnknownSide when `query` is neither.
    """
    family = find_named(query, kb.families)
    if family is not None:
        return Side(family=family)
    match = (finder or RoleFinder.of(kb.roles)).resolve(query)
    if match.position is None:
        raise UnknownSide(query, match.suggestions, match.candidates)
    return Side(role=kb.roles[match.position])


class SkillPair(msgspec.Struct, frozen=True):
    """A skill in a role comparison, with the level (1-5) each side needs (None when
    that side does not need it)."""

    id: str
    name: str
    type: str
    left_level: int | None
    right_level: int | None


class RoleComparison(msgspec.Struct, frozen=True):
    """Two roles side by side: their skills split into shared and only-one-side (each
    highest level first), their tools likewise (in each role's order), and their similarity."""

    left: Role
    right: Role
    shared_skills: tuple[SkillPair, ...]
    only_left: tuple[SkillPair, ...]
    only_right: tuple[SkillPair, ...]
    shared_tools: tuple[str, ...]
    only_left_tools: tuple[str, ...]
    only_right_tools: tuple[str, ...]
    similarity: Similarity


def compare_roles(left: Role, right: Role) -> RoleComparison:
    """Compare two roles' skills, tools and similarity (see RoleComparison)."""
    left_skills = {skill.id: skill for skill in left.skills}
    right_skills = {skill.id: skill for skill in right.skills}

    def pair(skill_id: str) -> SkillPair:
        skill = left_skills.get(skill_id) or right_skills[skill_id]
        return SkillPair(
            skill.id,
            skill.name,
            skill.type,
            left_skills[skill_id].level if skill_id in left_skills else None,
            right_skills[skill_id].level if skill_id in right_skills else None,
        )

    def ordered(ids, level) -> tuple[SkillPair, ...]:
        pairs = [pair(skill_id) for skill_id in ids]
        return tuple(sorted(pairs, key=lambda item: (-level(item), item.name)))

    shared = ordered(
        left_skills.keys() & right_skills.keys(), lambda p: p.left_level + p.right_level
    )
    # Tools are matched by their normalised names: 'HubSpot' and 'Hubspot' are one tool.
    left_tools, right_tools = (
        {normalise(t) for t in left.tools},
        {normalise(t) for t in right.tools},
    )
    return RoleComparison(
        left=left,
        right=right,
        shared_skills=shared,
        only_left=ordered(left_skills.keys() - right_skills.keys(), lambda p: p.left_level),
        only_right=ordered(right_skills.keys() - left_skills.keys(), lambda p: p.right_level),
        shared_tools=tuple(tool for tool in left.tools if normalise(tool) in right_tools),
        only_left_tools=tuple(tool for tool in left.tools if normalise(tool) not in right_tools),
        only_right_tools=tuple(tool for tool in right.tools if normalise(tool) not in left_tools),
        similarity=similarity(left, right),
    )


class RoleFamilyComparison(msgspec.Struct, frozen=True):
    """A role against a family: its mean similarity (0-100) to the family's other roles,
    the closest of them, the family's typical skills it lacks and its own unusual skills."""

    role: Role
    family: FamilySummary
    similarity: int  # mean similarity to the family's roles (the role itself left out)
    closest: tuple[tuple[Role, int], ...]  # the family's most similar roles
    missing_typical: tuple[str, ...]  # skill ids typical of the family that the role lacks
    unusual: tuple[str, ...]  # the role's skills that few of the family's roles need


def compare_role_family(role: Role, family: Family, kb: KnowledgeBase) -> RoleFamilyComparison:
    """Compare a role with a family's roles (see RoleFamilyComparison); raises
    families.EmptyFamily when the family has no roles."""
    summary = summarise_family(family, kb)
    peers = [other for other in summary.roles if other.slug != role.slug]
    scored = sorted(
        ((other, similarity(role, other).score) for other in peers),
        key=lambda item: (-item[1], item[0].slug),
    )
    shares = skill_shares(summary.roles)
    has = {skill.id for skill in role.skills}
    return RoleFamilyComparison(
        role=role,
        family=summary,
        similarity=round(statistics.mean(score for _, score in scored)) if scored else 0,
        closest=tuple(scored[:3]),
        missing_typical=tuple(
            skill
            for skill, share in sorted(shares.items(), key=lambda item: (-item[1], item[0]))
            if share >= 0.5 and skill not in has
        ),
        unusual=tuple(
            skill.id
            for skill in sorted(role.skills, key=lambda s: (-s.level, s.id))
            if shares.get(skill.id, 0) < 0.2 and skill.level >= WORKING_LEVEL
        ),
    )
