"""Filtering and ordering roles: pure functions over their summary records.

They work on `views.roles.role_row` records rather than models, so `roles list`
never needs more of a cached knowledge base than those rows.
"""

from __future__ import annotations

from collections.abc import Sequence


def filter_roles(
    rows: Sequence[dict],
    family: str | None = None,
    min_remote: int = 0,
    beginner_only: bool = False,
) -> list[dict]:
    """The rows of roles in `family` (an id; None for all) with a remote score of at
    least `min_remote` (0-100), only beginner-friendly ones when `beginner_only`; in order."""
    return [
        row
        for row in rows
        if (family is None or row["family"] == family)
        and row["remote_score"] >= min_remote
        and (row["beginner_friendly"] or not beginner_only)
    ]


_NUMERIC_KEYS = {"remote": "remote_score", "it-overlap": "it_overlap", "pay": "pay_median"}


def sort_roles(rows: Sequence[dict], key: str) -> list[dict]:
    """'title' sorts A-Z; the numeric keys sort best first, unknown values last, ties by title."""
    by_title = sorted(rows, key=lambda row: (row["title"].lower(), row["slug"]))
    if key == "title":
        return by_title
    if key not in _NUMERIC_KEYS:
        raise ValueError(f"unknown sort key: {key}")
    field = _NUMERIC_KEYS[key]
    known = [row for row in by_title if row[field] is not None]
    unknown = [row for row in by_title if row[field] is None]
    return sorted(known, key=lambda row: -row[field]) + unknown
