"""`roles list`: the summary record of a role, and the table of them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mktcareers.views.formats import pick
from mktcareers.views.widgets import MISSING, money, table, text

if TYPE_CHECKING:
    from rich.table import Table

    from mktcareers.models import Role, RoleSummary

# Column sets by terminal width, so that slugs (what users type next) and
# numbers are never wrapped or cut: the title goes first, then the family.
WIDE_TABLE = 120
FULL_HEADERS = 80
WITH_FAMILY = 70


def role_row(summary: RoleSummary) -> dict:
    """The record `roles list` prints for a role's summary (`RoleSummary.of(role)`)."""
    return pick(
        summary,
        *("slug", "title", "family", "remote_score", "teleworkable", "it_overlap"),
        *("pay_median", "job_zone", "growth_pct", "annual_openings", "riasec"),
        *("beginner_friendly", "onet_codes"),
    )


def role_record(role: Role) -> dict:
    """The summary record of a whole role (as `roles list` prints it)."""
    from mktcareers.models import RoleSummary

    return role_row(RoleSummary.of(role))


def roles_table(rows: Sequence[dict], width: int = WIDE_TABLE) -> Table:
    """One line per role summary record (role_row), with the columns `width` allows."""
    longest_slug = max((len(row["slug"]) for row in rows), default=4)
    roles = table()
    columns = [("Slug", lambda row: text(row["slug"]), {"min_width": longest_slug})]
    if width >= WIDE_TABLE:
        columns.append(("Title", lambda row: text(row["title"]), {"overflow": "fold"}))
    if width >= WITH_FAMILY:
        columns.append(("Family", lambda row: text(row["family"]), {"min_width": 9}))
    full = width >= FULL_HEADERS
    columns += [
        ("Remote", lambda row: str(row["remote_score"]), {"justify": "right", "min_width": 3}),
        (
            "IT overlap" if full else "IT",
            lambda row: MISSING if row["it_overlap"] is None else str(row["it_overlap"]),
            {"justify": "right", "min_width": 3},
        ),
        (
            "Median pay" if full else "Pay",
            lambda row: money(row["pay_median"]),
            {"justify": "right", "min_width": 8},
        ),
    ]
    for header, _, options in columns:
        roles.add_column(header, **{"no_wrap": "overflow" not in options, **options})
    for row in rows:
        roles.add_row(*(cell(row) for _, cell, _ in columns))
    return roles
