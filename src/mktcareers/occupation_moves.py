"""Moves from any O*NET occupation into one of our roles (docs/method.md, "Moves from an
occupation"): how alike the work is, the O*NET skills and knowledge to grow, and what
changes in pay, working from home, IT overlap and preparation.

An occupation and a role are compared on O*NET's own terms: the occupation's skill and
knowledge levels (0-7) against the role's, blended from its O*NET-SOC codes by the
crosswalk's weights, each measured from the mean of all rated occupations, so that what
every job shares (speaking, reading, English) does not make a teacher look like a coder.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import msgspec

from mktcareers.models import Occupation, OnetProfiles, Role
from mktcareers.moves import best, step_size
from mktcareers.similarity import Similarity, combine, interest_closeness, zones_closeness

# "skills" or "knowledge" -> O*NET element name -> level, 0-7 (O*NET's level scale).
Ratings = dict[str, dict[str, float]]
KINDS = ("skills", "knowledge")
METHOD = (
    "0.6 x work-profile similarity (O*NET skill and knowledge levels, cosine about the "
    "mean occupation, below 0 counted as 0) + 0.3 x work-interest similarity ((Pearson r "
    "of RIASEC profiles + 1) / 2) + 0.1 x job-zone closeness (1 - |difference| / 4)"
)
# A difference of less than half a level point on O*NET's 0-7 scale is within the
# spread of its raters' answers: not shown as something to grow.
MIN_GAP = 0.5
# A strength carried over is an element the role needs at this level or more (the
# middle of O*NET's scale) that the occupation already has at that level.
STRENGTH_LEVEL = 3.5


class ElementGap(msgspec.Struct, frozen=True):
    """One O*NET skill or knowledge area: the occupation's level and the role's, 0-7."""

    kind: str  # "skills" or "knowledge"
    name: str  # O*NET's element name, e.g. "Writing", "Sales and Marketing"
    current: float  # the occupation's level, 0-7
    needed: float  # the role's level, 0-7

    @property
    def gap(self) -> float:
        return round(self.needed - self.current, 2)

    @property
    def priority(self) -> float:
        """Level gap x the level the role needs, as for moves between roles."""
        return round(self.gap * self.needed, 2)


class OccupationMove(msgspec.Struct, frozen=True):
    """A move from occupation `source` into role `target` (changes are target minus source)."""

    source: Occupation
    target: Role
    similarity: Similarity  # its `skills` part is the work-profile similarity, 0-1
    size: str  # moves.STEP_SIZES
    to_grow: tuple[ElementGap, ...]  # highest priority first
    strengths: tuple[ElementGap, ...]  # highest level needed first
    pay_change: int | None  # USD a year, of the median annual wage
    it_overlap_change: int | None  # points, 0-100 scale
    job_zone_change: int | None  # O*NET job zones, 1-5 scale

    @property
    def gaps(self) -> tuple[ElementGap, ...]:
        """What the move asks you to grow (as moves.Transition.gaps)."""
        return self.to_grow


def ratings_of(occupation: Occupation) -> Ratings:
    """The occupation's skill and knowledge levels by kind."""
    return {"skills": dict(occupation.skills), "knowledge": dict(occupation.knowledge)}


def _mean(weighted: Sequence[tuple[Ratings, float]]) -> Ratings:
    total = sum(weight for _, weight in weighted)
    first = weighted[0][0]
    return {
        kind: {
            name: sum(ratings[kind][name] * weight for ratings, weight in weighted) / total
            for name in first[kind]
        }
        for kind in KINDS
    }


def profiles(occupations: Iterable[Occupation], roles: Iterable[Role]) -> OnetProfiles:
    """The OnetProfiles of a knowledge base: the centre is the plain mean of the
    occupations O*NET rates itself (gap-filled ones would count their relatives twice);
    a role's ratings are the weighted mean over its codes that have ratings (a code
    not among `occupations`, or unrated, is left out; a role with none has no entry)."""
    by_code = {occupation.code: occupation for occupation in occupations if occupation.skills}
    rated = [ratings_of(o) for o in by_code.values() if not o.gap_filled_from]
    centre = _mean([(ratings, 1.0) for ratings in rated]) if rated else {}
    blended = {}
    for role in roles:
        links = [
            (ratings_of(by_code[link.code]), link.weight)
            for link in role.onet
            if link.code in by_code and link.weight > 0
        ]
        if links:
            blended[role.slug] = _mean(links)
    return OnetProfiles(centre, blended)


def profile_similarity(left: Ratings, right: Ratings, centre: Ratings) -> float:
    """Cosine of two ratings profiles measured from `centre`, -1 to 1 (0 when either
    sits on the centre): 1 is the same shape of work, 0 no closer than any two jobs."""
    a, b = [], []
    for kind in KINDS:
        for name, middle in centre[kind].items():
            a.append(left[kind][name] - middle)
            b.append(right[kind][name] - middle)
    norm = math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))
    return sum(x * y for x, y in zip(a, b, strict=True)) / norm if norm else 0.0


def comparable(occupation: Occupation) -> bool:
    """Whether O*NET rates anything a move compares for `occupation`: its skills and
    knowledge, its interests or its job zone (the 93 "All Other" occupations have none)."""
    return bool(occupation.skills or occupation.riasec or occupation.job_zone)


def occupation_move(source: Occupation, target: Role, profiles: OnetProfiles) -> OccupationMove:
    """What moving from `source` into `target` takes (OccupationMove). Parts without data
    (an occupation O*NET neither rates nor gap-fills, a role with no derived numbers)
    are left out of the similarity, as for roles."""
    wanted = profiles.roles.get(target.slug)
    have = ratings_of(source)
    derived = target.derived
    if wanted and source.skills and profiles.centre:
        work = max(0.0, profile_similarity(have, wanted, profiles.centre))
        gaps = [
            ElementGap(kind, name, round(have[kind][name], 2), round(level, 2))
            for kind in KINDS
            for name, level in wanted[kind].items()
        ]
    else:
        work, gaps = None, []
    similar = combine(
        work,
        interest_closeness(source.riasec, derived and derived.riasec),
        zones_closeness(source.job_zone, derived and derived.job_zone),
        METHOD,
    )
    grow = sorted(
        (gap for gap in gaps if gap.gap >= MIN_GAP), key=lambda gap: (-gap.priority, gap.name)
    )
    strengths = sorted(
        (gap for gap in gaps if gap.needed >= STRENGTH_LEVEL and gap.gap <= 0),
        key=lambda gap: (-gap.needed, gap.name),
    )
    return OccupationMove(
        source=source,
        target=target,
        similarity=similar,
        size=step_size(similar.score),
        to_grow=tuple(grow),
        strengths=tuple(strengths),
        pay_change=_change(derived and derived.pay.median, source.pay_median),
        it_overlap_change=_change(derived and derived.it_overlap.score, source.it_overlap),
        job_zone_change=_change(derived and derived.job_zone, source.job_zone),
    )


def _change(target: int | None, source: int | None) -> int | None:
    return None if target is None or source is None else target - source


def closest_roles(
    source: Occupation, roles: Iterable[Role], profiles: OnetProfiles, limit: int = 5
) -> list[OccupationMove]:
    """The `limit` roles of `roles` most like `source`, best first (ties: fewer areas
    to grow, then slug)."""
    return best([occupation_move(source, role, profiles) for role in roles], limit)
