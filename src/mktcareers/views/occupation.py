"""`occupation show`: one O*NET occupation as panels, and everything known about it as a record."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from mktcareers.views.formats import pick
from mktcareers.views.widgets import (
    MISSING,
    Either,
    bar,
    group,
    label_values,
    money,
    panel,
    riasec_bars,
    row_line,
    table,
    text,
    yes_no,
)

if TYPE_CHECKING:
    from rich.console import Group

    from mktcareers.models import Occupation

STRONGEST = 8  # skills and knowledge areas shown, by level


def occupation_profile(occupation: Occupation, closest: Mapping[str, Sequence]) -> Group:
    """The occupation as panels; `closest` is family name -> its closest roles
    (occupation_moves.OccupationMove, best first)."""
    header = text()
    header.append(occupation.title, style="bold")
    header.append(f"  ({occupation.code})", style="dim")
    if occupation.alternate_titles:
        # "; ", since many titles hold a comma ("Naval Flight Officer, Bombardier/Navigator")
        shown = "; ".join(occupation.alternate_titles[:12])
        more = len(occupation.alternate_titles) - 12
        header.append("\nAlso called: ", style="dim")
        header.append(shown + (f" and {more} more" if more > 0 else ""), style="dim")
    return group(
        panel("Occupation (O*NET-SOC)", header),
        panel("At a glance", _facts(occupation)),
        panel(
            "Work interests (O*NET RIASEC, 1-7)",
            text(MISSING, style="dim")
            if occupation.riasec is None
            else riasec_bars(occupation.riasec, 2),
        ),
        panel("Strongest skills (O*NET level, 0-7)", _levels(occupation, occupation.skills)),
        panel("Strongest knowledge (O*NET level, 0-7)", _levels(occupation, occupation.knowledge)),
        panel(
            "Technology used (O*NET categories)",
            text(", ".join(occupation.technology_categories) or MISSING),
        ),
        panel("Closest roles (similarity 0-100, docs/method.md)", _closest(closest)),
        *(
            [text(f"See a move in full: mktcareers path {occupation.code} SLUG", style="dim")]
            if closest
            else []
        ),
    )


def _closest(closest: Mapping[str, Sequence]):
    """Each family's name, then its closest roles (views.occupation_moves.moves_listing)."""
    from mktcareers.views.occupation_moves import moves_listing

    if not closest:
        return text("O*NET rates nothing to compare this occupation by.", style="dim")
    return moves_listing(closest)


def _facts(occupation: Occupation) -> Either:
    facts = []
    facts.append(("Job zone (O*NET, 1-5)", str(occupation.job_zone or MISSING)))
    pay = (
        f"{money(occupation.pay_median)} a year; 10th-90th percentile "
        f"{money(occupation.pay_p10)}-{money(occupation.pay_p90)}"
    )
    facts.append(("Median pay (US)", text(_for_bls(pay, occupation.pay_bls))))
    growth = MISSING if occupation.growth_pct is None else f"{occupation.growth_pct:+.1f}%"
    openings = MISSING if occupation.annual_openings is None else f"{occupation.annual_openings:,}"
    outlook = f"growth {growth}; {openings} openings a year"
    facts.append(("Outlook 2024-34", text(_for_bls(outlook, occupation.outlook_bls))))
    facts.append(("Typical entry education", text(occupation.entry_education or MISSING)))
    home = f"{yes_no(occupation.teleworkable)} (Dingel & Neiman 2020)"
    facts.append(("Can be done from home", home))
    overlap = MISSING if occupation.it_overlap is None else str(occupation.it_overlap)
    facts.append(("IT overlap (0-100)", overlap))
    return label_values(facts)


def _for_bls(figures: str, bls: tuple[str, str] | None) -> str:
    """`figures` and the BLS occupation they are for, or that BLS publishes none."""
    if bls is None:
        return "not published by BLS for this occupation"
    return f"{figures}  [BLS {bls[0]} {bls[1]}]"


def _levels(occupation: Occupation, levels: Mapping[str, float]):
    """A table of the strongest levels, or one line each where a name would not fit."""
    if not levels:
        return text("not rated by O*NET", style="dim")
    rows = table()
    rows.add_column("Name", ratio=1)
    rows.add_column("Level (0-7)", no_wrap=True)
    rows.add_column("", justify="right", no_wrap=True)
    each = []
    for name, value in strongest(levels):
        rows.add_row(text(name), bar(value, 7, width=14), f"{value:.2f}")
        each.append(row_line(name, f"{value:.2f}/7"))
    rows = Either(rows, group(*each))
    if not occupation.gap_filled_from:
        return rows
    note = text(
        "O*NET does not rate this occupation: levels are the mean of "
        + ", ".join(occupation.gap_filled_from)
        + " (docs/method.md).",
        style="dim",
    )
    return group(rows, note)


def strongest(levels: Mapping[str, float]) -> list[tuple[str, float]]:
    """The STRONGEST highest (name, level) pairs, highest first, then by name."""
    return sorted(levels.items(), key=lambda item: (-item[1], item[0]))[:STRONGEST]


def occupation_record(occupation: Occupation, closest: Mapping[str, Sequence]) -> dict:
    """Everything known about one occupation, for `occupation show --format json`."""
    record = pick(
        occupation,
        *("code", "title", "alternate_titles", "job_zone", "riasec"),
        *("pay_median", "pay_p10", "pay_p90", "pay_bls", "growth_pct", "annual_openings"),
        *("outlook_bls", "entry_education", "teleworkable", "skills", "knowledge"),
        *("gap_filled_from", "technology_categories", "it_overlap"),
    )
    for key in ("pay_bls", "outlook_bls"):
        bls = record[key]
        record[key] = None if bls is None else {"code": bls[0], "title": bls[1]}
    record["closest_roles"] = {
        family: [
            {"slug": move.target.slug, "similarity": move.similarity.score, "size": move.size}
            for move in moves
        ]
        for family, moves in closest.items()
    }
    return record
