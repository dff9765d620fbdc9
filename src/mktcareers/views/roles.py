"""`roles list`: the summary record of a role, and the table of them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mktcareers.views.formats import pick
from mktcareers.views.widgets import MISSING, Field, Listing, group, money, text, yes_no

if TYPE_CHECKING:
    from rich.console import Group

    from mktcareers.models import Role, RoleSummary
    from mktcareers.views.inert import InertText


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


def with_same_pay(row: dict, summaries: Sequence[RoleSummary], index=None) -> dict:
    """`row` (a role_row) with `same_pay_as`: the other roles of `summaries` whose pay
    comes from the same BLS occupations in the same shares (roles.same_pay_as; `index`
    is roles.same_pay_index(summaries), made once for many rows)."""
    from mktcareers.roles import same_pay_as

    shares = list(zip(row["pay_socs"], row["pay_shares"], strict=True))
    return {**row, "same_pay_as": same_pay_as(row["slug"], shares, summaries, index)}


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


def roles_list(rows: Sequence[dict], summaries: Sequence[RoleSummary]) -> Group:
    """`roles list`: the table of `rows` (role_row), then which of `summaries` (the same
    roles) show one pay figure because they share a BLS occupation."""
    note = same_pay_note(summaries)
    return roles_table(rows) if note is None else group(roles_table(rows), note)
