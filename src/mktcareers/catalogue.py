"""Filtering and ordering roles: pure functions over models."""

from __future__ import annotations

from collections.abc import Sequence

from mktcareers.models import Role


def filter_roles(
    roles: Sequence[Role],
    family: str | None = None,
    min_remote: int = 0,
    beginner_only: bool = False,
) -> list[Role]:
    return [
        role
        for role in roles
        if (family is None or role.family == family)
        and role.remote.score >= min_remote
        and (role.beginner_friendly or not beginner_only)
    ]


_NUMERIC_KEYS = {
    "remote": lambda role: role.remote.score,
    "it-overlap": lambda role: role.it_overlap,
    "pay": lambda role: role.pay_median,
}


def sort_roles(roles: Sequence[Role], key: str) -> list[Role]:
    """'title' sorts A-Z; the numeric keys sort best first, unknown values last, ties by title."""
    by_title = sorted(roles, key=lambda role: (role.title.lower(), role.slug))
    if key == "title":
        return by_title
    if key not in _NUMERIC_KEYS:
        raise ValueError(f"unknown sort key: {key}")
    value = _NUMERIC_KEYS[key]
    known = [role for role in by_title if value(role) is not None]
    unknown = [role for role in by_title if value(role) is None]
    return sorted(known, key=lambda role: -value(role)) + unknown
