"""`roles list`: the summary record of a role, and the table of them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mktcareers.views.formats import pick
from mktcareers.views.widgets import MISSING, Field, Listing, group, money, text, yes_no

if TYPE_CHECKING:
    from rich.console import Group

    from mktcareers.models import Role, RoleSummary


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


# What "beginner-friendly" means, written where the flag first shows (roles list,
# role show) and in docs/method.md.
BEGINNER_FRIENDLY = (
    "Beginner-friendly: a role people are hired into as their first job in the field, "
    "without earlier experience in this kind of work (an editorial flag in each role file; "
    "--beginner lists only these)."
)


def roles_table(rows: Sequence[dict]) -> Group:
    """One line per role summary record (role_row): slug, title, family, whether it
    is beginner-friendly, remote score, IT overlap and median pay; the title, then the
    family, then the beginner flag left out where the
    width does not allow them (the slug, what users type next, always stays), each
    row stacked where even that does not fit; then what beginner-friendly means."""
    fields = [
        Field("Slug"),
        Field("Title", prose=True, drop=1),
        Field("Family", drop=2),
        Field("Beginner-friendly", short="Beginner", drop=3),
        Field("Remote", justify="right"),
        Field("IT overlap", justify="right", short="IT"),
        Field("Median pay", justify="right", short="Pay"),
    ]
    listed = Listing(
        fields,
        [
            (
                row["slug"],
                row["title"],
                row["family"],
                yes_no(row["beginner_friendly"]),
                str(row["remote_score"]),
                MISSING if row["it_overlap"] is None else str(row["it_overlap"]),
                money(row["pay_median"]),
            )
            for row in rows
        ],
    )
    return group(listed, text(""), text(BEGINNER_FRIENDLY, style="dim"))
