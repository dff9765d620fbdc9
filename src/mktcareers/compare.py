"""Side-by-side comparisons of families and roles. Pure functions; no printing.

The verdict of a family comparison is built from the numbers it reports, so it
changes when the knowledge base does.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from mktcareers.models import Family, KnowledgeBase, Role
from mktcareers.search import SUGGESTION_CUTOFF, RoleFinder, normalise, rank_names
from mktcareers.similarity import Similarity, similarity

TOP_N = 8
# A skill is "typical" of a family when at least this share of its roles need it at level 3+.
TYPICAL_SHARE = 0.3
WORKING_LEVEL = 3
BRIDGE_COUNT = 3
IT_FAMILY = "it"


@dataclass(frozen=True)
class Side:
    family: Family | None = None
    role: Role | None = None


@dataclass(frozen=True)
class SideError:
    query: str
    suggestions: tuple[str, ...]


def resolve_side(
    query: str, kb: KnowledgeBase, finder: RoleFinder | None = None
) -> Side | SideError:
    """A family (by id or name) or a role (as `role show` resolves it).

    `finder` is a RoleFinder over kb.roles when the caller has one.
    """
    wanted = normalise(query)
    for family in kb.families.values():
        if wanted in (normalise(family.id), normalise(family.name)):
            return Side(family=family)
    match = (finder or RoleFinder.of(kb.roles)).resolve(query)
    if match.position is not None:
        return Side(role=kb.roles[match.position])
    families = [
        (normalise(name).split(), family.id)
        for family in kb.families.values()
        for name in (family.id, family.name)
    ]
    close_families: list[str] = []
    for family_id, score in rank_names(query, families):
        if score >= SUGGESTION_CUTOFF and family_id not in close_families:
            close_families.append(family_id)
    return SideError(query, tuple(close_families) + match.suggestions)


# ------------------------------------------------------------------ families


@dataclass(frozen=True)
class Spread:
    low: float
    median: float
    high: float


@dataclass(frozen=True)
class FamilySummary:
    family: Family
    roles: tuple[Role, ...]
    teleworkable_share: float | None  # of roles Dingel & Neiman rate
    teleworkable_rated: int
    remote: Spread
    it_overlap: Spread | None
    pay_median: Spread | None
    growth_median: float | None
    top_skills: tuple[tuple[str, float], ...]  # (skill id, share of roles at level 3+)
    top_tools: tuple[tuple[str, float], ...]  # (tool, share of roles listing it)


def _spread(values: Sequence[float | None]) -> Spread | None:
    known = [value for value in values if value is not None]
    if not known:
        return None
    return Spread(min(known), statistics.median(known), max(known))


def skill_shares(roles: Sequence[Role]) -> dict[str, float]:
    """Share of roles needing each skill at a working level or above."""
    counts = Counter(
        skill.id for role in roles for skill in role.skills if skill.level >= WORKING_LEVEL
    )
    return {skill: count / len(roles) for skill, count in counts.items()}


def tool_shares(roles: Sequence[Role]) -> dict[str, float]:
    counts = Counter(tool for role in roles for tool in set(role.tools))
    return {tool: count / len(roles) for tool, count in counts.items()}


def _top(shares: dict[str, float]) -> tuple[tuple[str, float], ...]:
    ranked = sorted(shares.items(), key=lambda item: (-item[1], item[0]))
    return tuple((name, round(share, 3)) for name, share in ranked[:TOP_N])


def summarise_family(family: Family, kb: KnowledgeBase) -> FamilySummary:
    roles = tuple(role for role in kb.roles if role.family == family.id)
    if not roles:
        raise ValueError(f"family '{family.id}' has no roles")
    flags = [role.derived.teleworkable for role in roles if role.derived is not None]
    rated = [flag for flag in flags if flag is not None]
    growth = _spread(
        [role.derived.outlook.growth_pct for role in roles if role.derived is not None]
    )
    return FamilySummary(
        family=family,
        roles=roles,
        teleworkable_share=sum(rated) / len(rated) if rated else None,
        teleworkable_rated=len(rated),
        remote=_spread([role.remote.score for role in roles]),
        it_overlap=_spread([role.it_overlap for role in roles]),
        pay_median=_spread([role.pay_median for role in roles]),
        growth_median=growth.median if growth else None,
        top_skills=_top(skill_shares(roles)),
        top_tools=_top(tool_shares(roles)),
    )


@dataclass(frozen=True)
class Bridge:
    role: Role
    it_overlap: int
    technical_skills: tuple[str, ...]  # its strongest technical skills, by name
    it_codes: tuple[str, ...]  # crosswalked codes in computer occupations (15-xxxx, 11-3021)


@dataclass(frozen=True)
class FamilyComparison:
    left: FamilySummary
    right: FamilySummary
    shared_skills: tuple[str, ...]  # typical of both families
    shared_tools: tuple[str, ...]
    bridges: tuple[Bridge, ...]  # non-IT roles closest to IT
    similarity: int  # mean similarity over every pair of one role from each side
    verdict: tuple[str, ...]


def _is_it_code(code: str) -> bool:
    return code.startswith("15-") or code.startswith("11-3021")


def bridge_roles(roles: Sequence[Role], kb: KnowledgeBase) -> tuple[Bridge, ...]:
    ranked = sorted(
        (role for role in roles if role.it_overlap is not None),
        key=lambda role: (-role.it_overlap, role.slug),
    )
    bridges = []
    for role in ranked[:BRIDGE_COUNT]:
        technical = sorted(
            (skill for skill in role.skills if skill.type == "technical"),
            key=lambda skill: (-skill.level, skill.name),
        )
        bridges.append(
            Bridge(
                role=role,
                it_overlap=role.it_overlap,
                technical_skills=tuple(skill.name for skill in technical[:4]),
                it_codes=tuple(link.code for link in role.onet if _is_it_code(link.code)),
            )
        )
    return tuple(bridges)


def compare_families(left: Family, right: Family, kb: KnowledgeBase) -> FamilyComparison:
    left_summary, right_summary = summarise_family(left, kb), summarise_family(right, kb)
    left_skills, right_skills = skill_shares(left_summary.roles), skill_shares(right_summary.roles)
    shared_skills = sorted(
        (
            skill
            for skill in left_skills.keys() & right_skills.keys()
            if left_skills[skill] >= TYPICAL_SHARE and right_skills[skill] >= TYPICAL_SHARE
        ),
        key=lambda skill: (-(left_skills[skill] + right_skills[skill]), skill),
    )
    left_tools, right_tools = tool_shares(left_summary.roles), tool_shares(right_summary.roles)
    shared_tools = sorted(
        (
            tool
            for tool in left_tools.keys() & right_tools.keys()
            if left_tools[tool] >= TYPICAL_SHARE / 2 and right_tools[tool] >= TYPICAL_SHARE / 2
        ),
        key=lambda tool: (-(left_tools[tool] + right_tools[tool]), tool),
    )
    non_it = [
        summary for summary in (left_summary, right_summary) if summary.family.id != IT_FAMILY
    ]
    bridges = bridge_roles(non_it[0].roles, kb) if len(non_it) == 1 else ()
    comparison = FamilyComparison(
        left=left_summary,
        right=right_summary,
        shared_skills=tuple(shared_skills[:TOP_N]),
        shared_tools=tuple(shared_tools[:TOP_N]),
        bridges=bridges,
        similarity=round(
            statistics.mean(
                similarity(a, b).score for a in left_summary.roles for b in right_summary.roles
            )
        ),
        verdict=(),
    )
    return replace(comparison, verdict=verdict(comparison, kb))


def _percent(share: float) -> str:
    return f"{round(100 * share)}%"


def verdict(comparison: FamilyComparison, kb: KnowledgeBase) -> tuple[str, ...]:
    """Plain answers built only from the comparison's numbers."""
    lines = []
    summaries = (comparison.left, comparison.right)
    it_side = next((s for s in summaries if s.family.id == IT_FAMILY), None)
    other = next((s for s in summaries if s.family.id != IT_FAMILY), None)
    if it_side and other and it_side.it_overlap and other.it_overlap:
        floor = it_side.it_overlap.low
        in_range = [
            role for role in other.roles if role.it_overlap is not None and role.it_overlap >= floor
        ]
        gap = it_side.it_overlap.median - other.it_overlap.median
        if gap <= 10:
            answer = "Largely yes"
        elif len(in_range) >= len(other.roles) / 2:
            answer = "Partly"
        else:
            answer = "Mostly no"
        named = ", ".join(f"{role.slug} ({role.it_overlap})" for role in in_range) or "none"
        lines.append(
            f"Is {other.family.name.lower()} an IT job? {answer}. The median "
            f"{other.family.id} role scores {other.it_overlap.median:g}/100 for IT overlap, "
            f"against "
            f"{it_side.it_overlap.median:g} for IT roles. {len(in_range)} of {len(other.roles)} "
            f"{other.family.id} roles {'reaches' if len(in_range) == 1 else 'reach'} the IT range "
            f"(at least {floor:g}, the lowest IT role): {named}."
        )
        if comparison.shared_skills:
            names = [kb.skills[skill].name.lower() for skill in comparison.shared_skills[:4]]
            lines.append(f"What the two fields share most: {', '.join(names)}.")
    for summary in summaries:
        share = summary.teleworkable_share
        remote = summary.remote
        if remote.median >= 80:
            answer = "Mostly yes"
        elif remote.median >= 60:
            answer = "Often"
        else:
            answer = "Often not"
        least = min(summary.roles, key=lambda role: (role.remote.score, role.slug))
        telework = (
            f"Dingel & Neiman count {_percent(share)} of the {summary.teleworkable_rated} rated "
            f"{summary.family.name.lower()} roles as doable from home; "
            if share is not None
            else ""
        )
        lines.append(
            f"Are {summary.family.name.lower()} jobs remote? {answer}. {telework}our remote scores "
            f"have a median of {remote.median:g}/100 (range {remote.low:g}-{remote.high:g}); the "
            f"least remote is {least.slug} ({least.remote.score})."
        )
    return tuple(lines)


# ------------------------------------------------------------------ roles


@dataclass(frozen=True)
class SkillPair:
    id: str
    name: str
    type: str
    left_level: int | None
    right_level: int | None


@dataclass(frozen=True)
class RoleComparison:
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
    left_tools, right_tools = set(left.tools), set(right.tools)
    return RoleComparison(
        left=left,
        right=right,
        shared_skills=shared,
        only_left=ordered(left_skills.keys() - right_skills.keys(), lambda p: p.left_level),
        only_right=ordered(right_skills.keys() - left_skills.keys(), lambda p: p.right_level),
        shared_tools=tuple(tool for tool in left.tools if tool in right_tools),
        only_left_tools=tuple(tool for tool in left.tools if tool not in right_tools),
        only_right_tools=tuple(tool for tool in right.tools if tool not in left_tools),
        similarity=similarity(left, right),
    )


@dataclass(frozen=True)
class RoleFamilyComparison:
    role: Role
    family: FamilySummary
    similarity: int  # mean similarity to the family's roles (the role itself left out)
    closest: tuple[tuple[Role, int], ...]  # the family's most similar roles
    missing_typical: tuple[str, ...]  # skill ids typical of the family that the role lacks
    unusual: tuple[str, ...]  # the role's skills that few of the family's roles need


def compare_role_family(role: Role, family: Family, kb: KnowledgeBase) -> RoleFamilyComparison:
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
