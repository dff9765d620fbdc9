"""`role show`: one role's profile as panels, and everything known about it as a record."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from msgspec.structs import asdict

from mktcareers.views.roles import role_record
from mktcareers.views.widgets import (
    MISSING,
    bar,
    bullets,
    getting_started,
    grid,
    group,
    heading,
    level,
    money,
    panel,
    riasec_bars,
    table,
    text,
    yes_no,
)

if TYPE_CHECKING:
    from rich.console import Group, RenderableType
    from rich.table import Table

    from mktcareers.models import Role, Source
    from mktcareers.views.inert import InertText


def role_profile(role: Role, sources: Mapping[str, Source], titles: Mapping[str, str]) -> Group:
    """`sources` by id, and `titles` of the roles in role.next_roles by slug."""
    header = text()
    header.append(role.title, style="bold")
    header.append(f"  ({role.slug})", style="dim")
    header.append("\n")
    header.append(role.summary)
    if role.aliases:
        header.append("\nAlso called: ", style="dim")
        header.append(", ".join(role.aliases), style="dim")
    next_roles = text(
        ", ".join(f"{titles.get(slug, slug)} ({slug})" for slug in role.next_roles) or MISSING
    )
    return group(
        panel("Role", header),
        panel("At a glance", group(_scores(role), text(""), _facts(role))),
        panel("What the job involves", bullets(role.responsibilities)),
        panel("Skills", _skills(role)),
        panel("Tools", text(", ".join(role.tools) or MISSING)),
        panel(
            "Certifications",
            bullets(role.certifications) if role.certifications else text(MISSING),
        ),
        panel("Remote work", _remote(role)),
        panel(
            "Work interests (O*NET RIASEC, 1-7)",
            text(MISSING, style="dim")
            if role.derived is None
            else riasec_bars(role.derived.riasec, 2),
        ),
        panel("How to get started", getting_started(role.getting_started)),
        panel("Typical next roles", next_roles),
        panel("O*NET crosswalk", _onet(role)),
        panel("Sources", _sources(role, sources)),
    )


def _scores(role: Role) -> Table:
    scores = grid()
    scores.add_column(style="bold", no_wrap=True)
    scores.add_column(no_wrap=True)
    scores.add_column(justify="right", no_wrap=True)
    scores.add_row("Remote suitability", bar(role.remote.score, 100), f"{role.remote.score}/100")
    overlap = role.it_overlap
    scores.add_row(
        "IT overlap", bar(overlap, 100), MISSING if overlap is None else f"{overlap}/100"
    )
    return scores


def _facts(role: Role) -> Table:
    facts = grid(2)
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    facts.add_row("Family", text(role.family))
    facts.add_row("Beginner-friendly", yes_no(role.beginner_friendly))
    derived = role.derived
    if derived is None:
        facts.add_row(
            "Data", text("no derived numbers (run scripts/build_derived.py)", style="dim")
        )
        return facts
    pay = derived.pay
    top = " (90th percentile top-coded)" if pay.top_coded else ""
    facts.add_row(
        "Median pay (US)",
        f"{money(pay.median)} a year; 10th-90th percentile {money(pay.p10)}-{money(pay.p90)}{top}"
        f"  [SOC {', '.join(pay.soc_codes)}]",
    )
    outlook = derived.outlook
    growth = MISSING if outlook.growth_pct is None else f"{outlook.growth_pct:+.1f}%"
    openings = MISSING if outlook.annual_openings is None else f"{outlook.annual_openings:,}"
    facts.add_row(
        "Outlook 2024-34",
        f"growth {growth}; {openings} openings a year across SOC {outlook.openings_soc}",
    )
    facts.add_row("Typical entry education", text(outlook.entry_education or MISSING))
    facts.add_row("Job zone (O*NET, 1-5)", str(derived.job_zone))
    facts.add_row(
        "Can be done from home",
        f"{yes_no(derived.teleworkable)} (Dingel & Neiman 2020)",
    )
    return facts


def _skills(role: Role) -> Table:
    skills = table()
    skills.add_column("Skill", overflow="fold")
    skills.add_column("Type", no_wrap=True)
    skills.add_column("Level", no_wrap=True)
    for skill in sorted(role.skills, key=lambda item: (-item.level, item.name)):
        skills.add_row(text(skill.name), skill.type, level(skill.level))
    return skills


def _remote(role: Role) -> Group:
    factors = table()
    factors.add_column("Factor (weight)", overflow="fold")
    factors.add_column("Rating", no_wrap=True)
    factors.add_column("Why", overflow="fold", ratio=1)
    for factor in role.remote.factors:
        factors.add_row(
            text(f"{factor.name} ({factor.weight})"),
            f"{factor.rating}/4",
            text(factor.reason),
        )
    parts: list[RenderableType] = [factors]
    if role.remote.challenges:
        challenges = text()
        for index, challenge in enumerate(role.remote.challenges):
            if index:
                challenges.append("\n")
            challenges.append(f"• {challenge.kind}: ", style="bold")
            challenges.append(challenge.note)
        parts += [heading("Remote challenges"), challenges]
    return group(*parts)


def _onet(role: Role) -> Table:
    links = table()
    links.add_column("O*NET-SOC", no_wrap=True)
    links.add_column("Weight", justify="right", no_wrap=True)
    links.add_column("Occupation and why", overflow="fold", ratio=1)
    for link in role.onet:
        why = text()
        if link.title:
            why.append(link.title, style="bold")
            why.append("\n")
        why.append(link.reason)
        links.add_row(link.code, f"{link.weight:.2f}", why)
    return links


def _sources(role: Role, sources: Mapping[str, Source]) -> InertText:
    cited = text()
    for index, source_id in enumerate(role.sources):
        source = sources[source_id]
        if index:
            cited.append("\n")
        cited.append(f"[{source.id}] ", style="bold")
        cited.append(f"{source.title}. {source.publisher}, {source.version} ({source.year}). ")
        cited.append(f"Licence: {source.licence}.", style="dim")
    return cited


def role_detail(role: Role, sources: Mapping[str, Source]) -> dict:
    """Everything known about one role, for `role show --format json`; `sources` by id."""
    derived = role.derived
    return {
        **role_record(role),
        "aliases": list(role.aliases),
        "summary": role.summary,
        "responsibilities": list(role.responsibilities),
        "skills": [
            {"id": skill.id, "name": skill.name, "level": skill.level, "type": skill.type}
            for skill in role.skills
        ],
        "tools": list(role.tools),
        "certifications": list(role.certifications),
        "next_roles": list(role.next_roles),
        "getting_started": steps_record(role),
        "remote": {
            "score": role.remote.score,
            "factors": [asdict(factor) for factor in role.remote.factors],
            "challenges": [asdict(challenge) for challenge in role.remote.challenges],
        },
        "pay": _pay(role),
        "outlook": asdict(derived.outlook) if derived else None,
        "it_overlap_detail": _overlap(role),
        "onet": [asdict(link) for link in role.onet],
        "sources": [asdict(sources[source_id]) for source_id in role.sources],
    }


def steps_record(role: Role) -> dict[str, list[str]]:
    """How to get started as `role`, as lists of steps by kind."""
    return {key: list(value) for key, value in asdict(role.getting_started).items()}


def _pay(role: Role) -> dict | None:
    if role.derived is None:
        return None
    pay = asdict(role.derived.pay)
    pay["soc_codes"] = list(pay["soc_codes"])
    return pay


def _overlap(role: Role) -> dict | None:
    if role.derived is None:
        return None
    overlap = role.derived.it_overlap
    return {
        "score": overlap.score,
        "profile_similarity": overlap.profile_similarity,
        "tool_category_similarity": overlap.tool_category_similarity,
        "gap_filled": {code: list(relatives) for code, relatives in overlap.gap_filled.items()},
    }
