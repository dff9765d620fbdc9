"""Moves between roles: what you bring, what to build, and how big the step is."""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from mktcareers.models import Role
from mktcareers.similarity import Similarity, similarity

# Step sizes by similarity score (docs/method.md).
STEP_SIZES = (
    (70, "a short step"),
    (50, "a moderate move"),
    (35, "a big move"),
    (0, "a career change"),
)


class SkillGap(msgspec.Struct, frozen=True):
    """A skill the target role needs, at `target_level`, against your `current_level`
    (both on the 0-5 scale; 0 when you do not have it yet)."""

    id: str
    name: str
    type: str
    current_level: int  # 0 when you do not have it yet
    target_level: int

    @property
    def gap(self) -> int:
        return self.target_level - self.current_level

    @property
    def priority(self) -> int:
        """Level gap x how much the target needs the skill (its level)."""
        return self.gap * self.target_level


class Transition(msgspec.Struct, frozen=True):
    """A move from `source` to `target`: how alike they are, how big a step that is,
    the skills you bring and those to build, and the change in O*NET job zone (1-5 scale)."""

    source: Role
    target: Role
    similarity: Similarity
    size: str
    skills_you_bring: tuple[SkillGap, ...]  # already at or above the target's level
    skills_to_build: tuple[SkillGap, ...]  # highest priority first
    job_zone_change: int | None

    @property
    def gaps(self) -> tuple[SkillGap, ...]:
        """What the move asks you to build (as OccupationMove.gaps)."""
        return self.skills_to_build

    @property
    def it_overlap_change(self) -> int | None:
        """Target minus source IT overlap, points on the 0-100 scale; None when one is
        not rated (as OccupationMove.it_overlap_change)."""
        before, after = self.source.it_overlap, self.target.it_overlap
        return None if before is None or after is None else after - before

    @property
    def pay_change(self) -> int | None:
        """Target minus source median annual wage, USD a year; None when one is unknown."""
        before, after = self.source.derived, self.target.derived
        if before is None or after is None or None in (before.pay.median, after.pay.median):
            return None
        return after.pay.median - before.pay.median


def step_size(score: int) -> str:
    """How big a move a similarity `score` (0-100) is, in words (STEP_SIZES)."""
    return next(label for floor, label in STEP_SIZES if score >= floor)


def transition(source: Role, target: Role) -> Transition:
    """What moving from `source` to `target` takes (see Transition)."""
    current = {skill.id: skill.level for skill in source.skills}
    gaps = [
        SkillGap(skill.id, skill.name, skill.type, current.get(skill.id, 0), skill.level)
        for skill in target.skills
    ]
    bring = sorted((g for g in gaps if g.gap <= 0), key=lambda g: (-g.target_level, g.name))
    build = sorted(
        (g for g in gaps if g.gap > 0), key=lambda g: (-g.priority, -g.target_level, g.name)
    )
    similar = similarity(source, target)
    zone_change = (
        target.derived.job_zone - source.derived.job_zone
        if source.derived is not None and target.derived is not None
        else None
    )
    return Transition(
        source=source,
        target=target,
        similarity=similar,
        size=step_size(similar.score),
        skills_you_bring=tuple(bring),
        skills_to_build=tuple(build),
        job_zone_change=zone_change,
    )


def closest_moves(source: Role, roles: Iterable[Role], limit: int = 5) -> list[Transition]:
    """The `limit` other roles of `roles` most like `source`, best first (ties: fewer
    skills to build, then slug)."""
    return best(
        [transition(source, target) for target in roles if target.slug != source.slug], limit
    )


def best(moves: Iterable, limit: int) -> list:
    """The `limit` best of `moves` (Transition or occupation_moves.OccupationMove): the
    highest similarity first, then the fewest gaps to close, then by the role's slug."""
    ranked = sorted(
        moves, key=lambda move: (-move.similarity.score, len(move.gaps), move.target.slug)
    )
    return ranked[:limit]
