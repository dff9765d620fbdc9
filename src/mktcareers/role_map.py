"""The points of `mktcareers map`: every role at (remote suitability, IT overlap), the
marker letter of its family, and each family's medians. Pure functions; no printing.

Both numbers are a role's own: `remote_score` is Role.remote.score (0-100, the remote
rubric, docs/remote-rubric.md) and `it_overlap` its derived IT overlap (0-100,
scripts/build_derived.py, docs/method.md), as `roles list` shows them.
"""

from __future__ import annotations

import statistics
import string
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    from mktcareers.models import Family, RoleSummary

# The marker of every family past the 52 that get a letter of their own.
SHARED_MARKER = "*"
# The middle of both 0-100 scales: the map's halves (right: more remote; upper: more IT).
MIDDLE = 50


class MapPoint(msgspec.Struct, frozen=True):
    """One role on the map: `remote_score` across (0-100), `it_overlap` up (0-100; None
    when the role has no derived numbers, so it is not placed), `marker` its family's
    letter."""

    slug: str
    title: str
    family: str
    marker: str
    remote_score: int
    it_overlap: int | None
    beginner_friendly: bool


class FamilyReading(msgspec.Struct, frozen=True):
    """A family's roles on the map: how many (`roles`; `placed` of them have an IT
    overlap), their median remote suitability and IT overlap (0-100, a .5 where the
    count is even; `it_overlap_median` None when none is placed), and how many reach
    MIDDLE on each scale (`remote_upper` of `roles`, `it_overlap_upper` of `placed`)."""

    family: str
    name: str
    marker: str
    roles: int
    placed: int
    remote_median: float
    it_overlap_median: float | None
    remote_upper: int
    it_overlap_upper: int


class RoleMap(msgspec.Struct, frozen=True):
    """The map: `points` in the order of the summaries given, `families` in the
    knowledge base's order of families (only those with roles here)."""

    points: tuple[MapPoint, ...]
    families: tuple[FamilyReading, ...]

    @property
    def placed(self) -> tuple[MapPoint, ...]:
        """The points with both numbers, which the picture draws."""
        return tuple(point for point in self.points if point.it_overlap is not None)

    @property
    def unplaced(self) -> tuple[MapPoint, ...]:
        """The points without an IT overlap (no derived numbers yet)."""
        return tuple(point for point in self.points if point.it_overlap is None)


def family_markers(families: Sequence[tuple[str, str]]) -> dict[str, str]:
    """family id -> its marker letter, for (id, name) pairs in order: the first letter
    of the id, then of the name, not taken by an earlier family, in ASCII upper case
    (marketing -> M, it -> I, équipe -> E), else the first free letter A-Z, then a-z; past 52
    families, SHARED_MARKER."""
    taken: set[str] = set()
    markers: dict[str, str] = {}
    letters = set(string.ascii_uppercase)
    spare = string.ascii_uppercase + string.ascii_lowercase
    for family_id, name in families:
        if family_id in markers:
            continue
        # an accented letter counts as its base letter (é -> E); other scripts do not
        spelled = unicodedata.normalize("NFKD", family_id + name).upper()
        own = [character for character in spelled if character in letters]
        marker = next((letter for letter in [*own, *spare] if letter not in taken), SHARED_MARKER)
        taken.add(marker)
        markers[family_id] = marker
    return markers


def role_map(summaries: Sequence[RoleSummary], families: Mapping[str, Family]) -> RoleMap:
    """The map of `summaries` (models.RoleSummary, any filter already applied);
    `families` (id -> models.Family, the knowledge base's order) name and order the
    families. A family a role names that `families` lacks comes after them, named by
    its id."""
    present = {summary.family for summary in summaries}
    ordered = [(family.id, family.name) for family in families.values() if family.id in present]
    known = {family_id for family_id, _ in ordered}
    for summary in summaries:
        if summary.family not in known:
            known.add(summary.family)
            ordered.append((summary.family, summary.family))
    # Letters are given over every family of the knowledge base, so a filter never
    # changes a family's letter.
    markers = family_markers([(family.id, family.name) for family in families.values()] + ordered)
    points = tuple(
        MapPoint(
            slug=summary.slug,
            title=summary.title,
            family=summary.family,
            marker=markers[summary.family],
            remote_score=summary.remote_score,
            it_overlap=summary.it_overlap,
            beginner_friendly=summary.beginner_friendly,
        )
        for summary in summaries
    )
    readings = []
    for family_id, name in ordered:
        mine = [point for point in points if point.family == family_id]
        overlaps = [point.it_overlap for point in mine if point.it_overlap is not None]
        readings.append(
            FamilyReading(
                family=family_id,
                name=name,
                marker=markers[family_id],
                roles=len(mine),
                placed=len(overlaps),
                remote_median=statistics.median(point.remote_score for point in mine),
                it_overlap_median=statistics.median(overlaps) if overlaps else None,
                remote_upper=sum(point.remote_score >= MIDDLE for point in mine),
                it_overlap_upper=sum(overlap >= MIDDLE for overlap in overlaps),
            )
        )
    return RoleMap(points, tuple(readings))
