"""Families of roles (families.yaml): finding one by name, summarising its roles, and
comparing two. Pure functions; no printing.

The verdict of a family comparison is built from the numbers it reports, so it
changes when the knowledge base does. The IT questions (is this an IT job? which
roles bridge to IT?) are asked only when one side is the `it` family, the family
IT overlap is measured against; any other two families get the rest.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence

import msgspec

from mktcareers.models import Family, KnowledgeBase, Role
from mktcareers.similarity import similarity

TOP_N = 8
# A skill is "typical" of a family when at least this share of its roles need it at level 3+.
TYPICAL_SHARE = 0.3
WORKING_LEVEL = 3
BRIDGE_COUNT = 3
IT_FAMILY = "it"


class EmptyFamily(ValueError):
    """A family with no roles: there is nothing to summarise or compare."""

    def __init__(self, family: Family) -> None:
        self.family = family
        super().__init__(f"family '{family.id}' has no roles")


class Spread(msgspec.Struct, frozen=True):
    """The lowest, median and highest of some numbers, in their own units."""

    low: float
    median: float
    high: float


class FamilySummary(msgspec.Struct, frozen=True):
    """A family's roles in numbers: shares are 0-1, remote and IT overlap 0-100 scores,
    pay in USD a year, growth in percent over ten years."""

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
    """tool -> share (0-1) of `roles` that list it. Spellings that are one name once
    normalised ('HubSpot', 'Hubspot') count once, under the spelling most roles use;
    `kb validate` warns about other near-duplicates ('Jira', 'Atlassian Jira')."""
    from mktcareers.names import normalise

    spellings: dict[str, Counter] = {}  # normalised name -> spelling -> roles using it
    listing: Counter = Counter()  # normalised name -> roles listing it in any spelling
    for role in roles:
        keys = {}
        for tool in role.tools:
            keys.setdefault(normalise(tool), tool)
        for key, tool in keys.items():
            spellings.setdefault(key, Counter())[tool] += 1
            listing[key] += 1
    return {
        spellings[key].most_common(1)[0][0]: count / len(roles) for key, count in listing.items()
    }


def _top(shares: dict[str, float]) -> tuple[tuple[str, float], ...]:
    ranked = sorted(shares.items(), key=lambda item: (-item[1], item[0]))
    return tuple((name, round(share, 3)) for name, share in ranked[:TOP_N])


def summarise_family(family: Family, kb: KnowledgeBase) -> FamilySummary:
    """The numbers of `family`'s roles in `kb` (see FamilySummary); raises EmptyFamily
    when it has none."""
    roles = tuple(role for role in kb.roles if role.family == family.id)
    if not roles:
        raise EmptyFamily(family)
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


class Bridge(msgspec.Struct, frozen=True):
    """A non-IT role close to IT: its IT overlap (0-100), strongest technical skills,
    the O*NET codes it shares with computer occupations and the technical skills that
    add most to its IT overlap (docs/method.md)."""

    role: Role
    it_overlap: int
    technical_skills: tuple[str, ...]  # its strongest technical skills, by name
    it_codes: tuple[str, ...]  # crosswalked codes in computer occupations (15-xxxx, 11-3021)
    it_skills: tuple[str, ...] = ()  # names of its skills IT roles need too, most first


class FamilyComparison(msgspec.Struct, frozen=True):
    """Two families side by side: their summaries, what both typically need, the roles
    bridging to IT (when one side is IT), the mean similarity (0-100) and the verdict."""

    left: FamilySummary
    right: FamilySummary
    shared_skills: tuple[str, ...]  # typical of both families
    shared_tools: tuple[str, ...]
    bridges: tuple[Bridge, ...]  # non-IT roles closest to IT
    similarity: int  # mean similarity over every pair of one role from each side
    verdict: tuple[str, ...]


def _is_it_code(code: str) -> bool:
    return code.startswith("15-") or code.startswith("11-3021")


def bridge_roles(roles: Sequence[Role]) -> tuple[Bridge, ...]:
    """The BRIDGE_COUNT roles of `roles` with the highest IT overlap (the score of
    derived.yaml, which includes the role's own skills), highest first, ties by slug."""
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
                it_skills=role.skill_names(role.derived.it_overlap.shared_skills),
            )
        )
    return tuple(bridges)


def compare_families(left: Family, right: Family, kb: KnowledgeBase) -> FamilyComparison:
    """Compare two families of `kb` (see FamilyComparison); raises EmptyFamily when
    either has no roles."""
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
    bridges = bridge_roles(non_it[0].roles) if len(non_it) == 1 else ()
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
    return msgspec.structs.replace(comparison, verdict=verdict(comparison, kb))


def it_verdict(comparison: FamilyComparison, kb: KnowledgeBase) -> tuple[str, ...]:
    """Is the non-IT side an IT job, and what the two fields share most, in plain
    sentences built from the comparison's numbers; () unless one side is the IT
    family and both have IT overlap scores."""
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
    return tuple(lines)


def remote_answer(median: float) -> str:
    """The short answer to "are these jobs remote?" for a median remote score (0-100):
    "Mostly yes" from 80, "Often" from 60, else "Often not" (compare's verdict and
    `ask` say the same)."""
    if median >= 80:
        return "Mostly yes"
    if median >= 60:
        return "Often"
    return "Often not"


def _percent(share: float) -> str:
    return f"{round(100 * share)}%"


def verdict(comparison: FamilyComparison, kb: KnowledgeBase) -> tuple[str, ...]:
    """Plain answers built only from the comparison's numbers: `it_verdict`'s, then
    whether each side's jobs are remote."""
    lines = list(it_verdict(comparison, kb))
    for summary in (comparison.left, comparison.right):
        share = summary.teleworkable_share
        remote = summary.remote
        answer = remote_answer(remote.median)
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
