"""`roles list`: the summary record of a role, and the table of them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mktcareers.views.formats import pick
from mktcareers.views.widgets import MISSING, money, table, text

if TYPE_CHECKING:
    from rich.table import Table

    from mktcareers.models import Role, RoleSummary
    from mktcareers.views.inert import InertText

# Column sets by terminal width, so that slugs (what users type next) and
# numbers are never wrapped or cut: the title goes first, then the family.
WIDE_TABLE = 120
FULL_HEADERS = 80
WITH_FAMILY = 70


def role_row(summary: RoleSummary) -> dict:
    """The record `roles list` prints for a role's summary (`RoleSummary.of(role)`):
    `pay_socs` and `pay_shares` (0-1, same order) are the BLS occupations its pay and
    growth come from (one code at 1.0, or a blend)."""
    return {
        **pick(
            summary,
            *("slug", "title", "family", "remote_score", "teleworkable", "it_overlap"),
            *("pay_median", "job_zone", "growth_pct", "annual_openings", "riasec"),
            *("beginner_friendly", "onet_codes"),
        ),
        "pay_socs": [soc for soc, _ in summary.pay_shares],
        "pay_shares": [share for _, share in summary.pay_shares],
    }


def with_same_pay(row: dict, summaries: Sequence[RoleSummary]) -> dict:
    """`row` (a role_row) with `same_pay_as`: the other roles of `summaries` whose pay
    comes from the same BLS occupations in the same shares (roles.same_pay_as)."""
    from mktcareers.roles import same_pay_as

    shares = list(zip(row["pay_socs"], row["pay_shares"], strict=True))
    return {**row, "same_pay_as": same_pay_as(row["slug"], shares, summaries)}


def pay_source(socs: Sequence[str], shares: Sequence[float], same_as: Sequence[str] = ()) -> str:
    """Where a role's pay comes from, in words: "BLS occupation 13-1161; same BLS
    occupation as ppc-specialist, market-research-analyst", or "blend of 11-2021 (60%)
    and 13-1161 (40%)" (a weighted mean of the occupations' figures)."""
    if not socs:
        return MISSING
    if len(socs) == 1:
        words = f"BLS occupation {socs[0]}"
        return words + (f"; same BLS occupation as {', '.join(same_as)}" if same_as else "")
    parts = [f"{soc} ({share * 100:.0f}%)" for soc, share in zip(socs, shares, strict=True)]
    words = f"blend of {', '.join(parts[:-1])} and {parts[-1]} (weighted mean of their figures)"
    return words + (f"; same blend as {', '.join(same_as)}" if same_as else "")


def same_pay_note(summaries: Sequence[RoleSummary]) -> InertText | None:
    """A line for `roles list` naming the roles that show one pay figure because BLS
    reports on one occupation for them (roles.pay_groups), or None when none do."""
    from mktcareers.roles import pay_groups

    groups = pay_groups(summaries)
    if not groups:
        return None
    note = text("Same pay figures because BLS reports one occupation for them:", style="dim")
    for socs, slugs in groups:
        note.append(f"\n  {' + '.join(socs)}: {', '.join(slugs)}", style="dim")
    return note


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


def roles_list(rows: Sequence[dict], summaries: Sequence[RoleSummary], width: int = WIDE_TABLE):
    """`roles list`: the table of `rows` (role_row), then which of `summaries` (the same
    roles) show one pay figure because they share a BLS occupation."""
    from mktcareers.views.widgets import group

    note = same_pay_note(summaries)
    return roles_table(rows, width) if note is None else group(roles_table(rows, width), note)
