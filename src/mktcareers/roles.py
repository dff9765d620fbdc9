"""Filtering and ordering roles: pure functions over their summaries.

They work on `models.RoleSummary` records rather than whole roles, so `roles list`
never needs more of a compiled knowledge base than the summaries.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mktcareers.models import RoleSummary


def filter_roles(
    summaries: Sequence[RoleSummary],
    family: str | None = None,
    min_remote: int = 0,
    beginner_only: bool = False,
) -> list[RoleSummary]:
    return [
        summary
        for summary in summaries
        if (family is None or summary.family == family)
        and summary.remote_score >= min_remote
        and (summary.beginner_friendly or not beginner_only)
    ]


_NUMERIC_FIELDS = {"remote": "remote_score", "it-overlap": "it_overlap", "pay": "pay_median"}


def sort_roles(summaries: Sequence[RoleSummary], key: str) -> list[RoleSummary]:
    """'title' sorts A-Z; the numeric keys sort best first, unknown values last, ties by title."""
    by_title = sorted(summaries, key=lambda summary: (summary.title.lower(), summary.slug))
    if key == "title":
        return by_title
    if key not in _NUMERIC_FIELDS:
        raise ValueError(f"unknown sort key: {key}")
    field = _NUMERIC_FIELDS[key]
    known = [summary for summary in by_title if getattr(summary, field) is not None]
    unknown = [summary for summary in by_title if getattr(summary, field) is None]
    return sorted(known, key=lambda summary: -getattr(summary, field)) + unknown


def pay_basis(shares: Sequence[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
    """A role's pay basis as a key: its (SOC code, share) pairs (models.soc_shares)."""
    return tuple(tuple(pair) for pair in shares)


def same_pay_index(summaries: Sequence[RoleSummary]) -> dict[tuple, list[str]]:
    """The slugs of `summaries` by pay basis (pay_basis), in the order given: made
    once, it answers same_pay_as for every role in one look-up each (5,000 roles
    compared pairwise took seconds)."""
    index: dict[tuple, list[str]] = {}
    for summary in summaries:
        if summary.pay_shares:
            index.setdefault(pay_basis(summary.pay_shares), []).append(summary.slug)
    return index


def same_pay_as(
    slug: str,
    shares: Sequence[tuple[str, float]],
    summaries: Sequence[RoleSummary],
    index: dict[tuple, list[str]] | None = None,
) -> list[str]:
    """Slugs of the other roles whose pay is blended from the same BLS (SOC) occupations
    in the same shares as `shares` (models.soc_shares), so BLS gives them the same pay
    and growth figures: seo-specialist, ppc-specialist and market-research-analyst all
    come from 13-1161. Empty when `shares` is empty (no derived numbers). `index` is
    same_pay_index(summaries), when the caller has made it already."""
    if not shares:
        return []
    index = same_pay_index(summaries) if index is None else index
    return [other for other in index.get(pay_basis(shares), ()) if other != slug]


def pay_groups(summaries: Sequence[RoleSummary]) -> list[tuple[tuple[str, ...], list[str]]]:
    """The groups of two or more roles of `summaries` that share one pay basis (see
    same_pay_as), as (SOC codes, slugs in the order given), largest group first."""
    groups = same_pay_index(summaries)
    shared = [(tuple(soc for soc, _ in key), slugs) for key, slugs in groups.items()]
    return sorted(
        ((socs, slugs) for socs, slugs in shared if len(slugs) > 1),
        key=lambda item: (-len(item[1]), item[0]),
    )
