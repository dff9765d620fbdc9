"""How alike two roles are: skills, work interests and preparation (docs/method.md).

Follows the idea of Nesta's "Mapping Career Causeways": a move is viable when
the skills overlap, the work is of interest, and the preparation is similar.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import msgspec

from mktcareers.models import RIASEC, Role

SKILL_WEIGHT, INTEREST_WEIGHT, ZONE_WEIGHT = 0.6, 0.3, 0.1
METHOD = (
    "0.6 x skill overlap (weighted Jaccard of required levels) + 0.3 x work-interest "
    "similarity ((Pearson r of RIASEC profiles + 1) / 2) + 0.1 x job-zone closeness "
    "(1 - |difference| / 4); parts without data are left out and the weights rescaled"
)


class Similarity(msgspec.Struct, frozen=True):
    """How alike two roles are: `score` 0-100 and its parts, each 0-1 (None without
    the data it needs), with the method that combines them."""

    score: int  # 0-100
    skills: float | None  # 0-1; None only for an occupation or role without ratings
    interests: float | None  # 0-1, None without RIASEC data
    job_zone: float | None  # 0-1, None without job zones
    method: str = METHOD


def skill_overlap(left: Role, right: Role) -> float:
    """Weighted Jaccard: shared levels over the larger of each skill's two levels."""
    left_levels = {skill.id: skill.level for skill in left.skills}
    right_levels = {skill.id: skill.level for skill in right.skills}
    skills = left_levels.keys() | right_levels.keys()
    shared = sum(min(left_levels.get(s, 0), right_levels.get(s, 0)) for s in skills)
    total = sum(max(left_levels.get(s, 0), right_levels.get(s, 0)) for s in skills)
    return shared / total if total else 0.0


def pearson(left: list[float], right: list[float]) -> float | None:
    """Correlation of two equal-length lists; None when either is flat."""
    left_mean, right_mean = sum(left) / len(left), sum(right) / len(right)
    left_dev = [value - left_mean for value in left]
    right_dev = [value - right_mean for value in right]
    norm = math.sqrt(sum(d * d for d in left_dev) * sum(d * d for d in right_dev))
    if norm == 0:
        return None
    return sum(a * b for a, b in zip(left_dev, right_dev, strict=True)) / norm


def interest_similarity(left: Role, right: Role) -> float | None:
    """(Pearson r of the two RIASEC profiles + 1) / 2, 0-1; None without profiles or
    when one is flat."""
    if left.derived is None or right.derived is None:
        return None
    return interest_closeness(left.derived.riasec, right.derived.riasec)


def interest_closeness(left: Mapping[str, float] | None, right: Mapping[str, float] | None):
    """(Pearson r of two RIASEC profiles (interest area -> 1-7) + 1) / 2, 0-1; None
    when either is missing or flat."""
    if not left or not right:
        return None
    r = pearson([left[area] for area in RIASEC], [right[area] for area in RIASEC])
    return None if r is None else (r + 1) / 2


def zone_closeness(left: Role, right: Role) -> float | None:
    """1 - |difference of O*NET job zones (1-5)| / 4, 0-1; None without job zones."""
    if left.derived is None or right.derived is None:
        return None
    return zones_closeness(left.derived.job_zone, right.derived.job_zone)


def zones_closeness(left: int | None, right: int | None) -> float | None:
    """1 - |left - right| / 4 for two O*NET job zones (1-5), 0-1; None if one is missing."""
    if left is None or right is None:
        return None
    return 1 - abs(left - right) / 4


def similarity(left: Role, right: Role) -> Similarity:
    """How alike two roles are (see Similarity and METHOD)."""
    return combine(
        skill_overlap(left, right), interest_similarity(left, right), zone_closeness(left, right)
    )


def combine(
    skills: float | None, interests: float | None, zone: float | None, method: str = METHOD
) -> Similarity:
    """The Similarity of three parts (each 0-1, None when unknown): SKILL_WEIGHT,
    INTEREST_WEIGHT and ZONE_WEIGHT of them, the weights of unknown parts rescaled."""
    parts = [(skills, SKILL_WEIGHT), (interests, INTEREST_WEIGHT), (zone, ZONE_WEIGHT)]
    known = [(value, weight) for value, weight in parts if value is not None]
    weights = sum(weight for _, weight in known)
    score = sum(value * weight for value, weight in known) / weights if weights else 0.0
    return Similarity(
        score=round(100 * score),
        skills=None if skills is None else round(skills, 3),
        interests=None if interests is None else round(interests, 3),
        job_zone=None if zone is None else round(zone, 3),
        method=method,
    )
