"""How alike two roles are: skills, work interests and preparation (docs/method.md).

Follows the idea of Nesta's "Mapping Career Causeways": a move is viable when
the skills overlap, the work is of interest, and the preparation is similar.
"""

from __future__ import annotations

import math

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
    skills: float  # 0-1
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
    r = pearson(
        [left.derived.riasec[area] for area in RIASEC],
        [right.derived.riasec[area] for area in RIASEC],
    )
    return None if r is None else (r + 1) / 2


def zone_closeness(left: Role, right: Role) -> float | None:
    """1 - |difference of O*NET job zones (1-5)| / 4, 0-1; None without job zones."""
    if left.derived is None or right.derived is None:
        return None
    return 1 - abs(left.derived.job_zone - right.derived.job_zone) / 4


def similarity(left: Role, right: Role) -> Similarity:
    """How alike two roles are (see Similarity and METHOD)."""
    skills = skill_overlap(left, right)
    interests = interest_similarity(left, right)
    zone = zone_closeness(left, right)
    parts = [(skills, SKILL_WEIGHT), (interests, INTEREST_WEIGHT), (zone, ZONE_WEIGHT)]
    known = [(value, weight) for value, weight in parts if value is not None]
    score = sum(value * weight for value, weight in known) / sum(weight for _, weight in known)
    return Similarity(
        score=round(100 * score),
        skills=round(skills, 3),
        interests=None if interests is None else round(interests, 3),
        job_zone=None if zone is None else round(zone, 3),
    )
