"""`roles list`: the summary record of a role, and the table of them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mktcareers.views.widgets import MISSING, money, table, text

if TYPE_CHECKING:  # lists are made from cached records: the model classes are never defined
    from rich.table import Table

    from mktcareers.models import Role

# Column sets by terminal width, so that slugs (what users type next) and
# numbers are never wrapped or cut: the title goes first, then the family.
WIDE_TABLE = 120
FULL_HEADERS = 80
WITH_FAMILY = 70


def role_row(role: Role) -> dict:
    """The summary record `roles list` prints."""
    derived = role.derived
    return {
        "slug": role.slug,
        "title": role.title,
        "family": role.family,
        "remote_score": role.remote.score,
        "teleworkable": derived.teleworkable if derived else None,
        "it_overlap": role.it_overlap,
        "pay_median": role.pay_median,
        "job_zone": derived.job_zone if derived else None,
        "growth_pct": derived.outlook.growth_pct if derived else None,
        "annual_openings": derived.outlook.annual_openings if derived else None,
        "riasec": dict(derived.riasec) if derived else None,
        "beginner_friendly": role.beginner_friendly,
        "onet_codes": [link.code for link in role.onet],
    }


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
