"""`role show`: one role's profile as panels, and everything known about it as a record."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from msgspec.structs import asdict

from mktcareers.models import TOP_CODE, soc_shares
from mktcareers.remote import telework_contrast
from mktcareers.views.console import can_show
from mktcareers.views.roles import BEGINNER_FRIENDLY, pay_source, role_record
from mktcareers.views.widgets import (
    MISSING,
    Either,
    bar,
    bullet_mark,
    bullets,
    getting_started,
    grid,
    group,
    heading,
    label_values,
    level,
    money,
    panel,
    riasec_bars,
    row_line,
    table,
    text,
    yes_no,
)

if TYPE_CHECKING:
    from rich.console import Group, RenderableType

    from mktcareers.models import RemoteAdvantage, RemoteChallenge, Role, Source
    from mktcareers.remote import TeleworkContrast
    from mktcareers.views.inert import InertText


def role_profile(
    role: Role,
    sources: Mapping[str, Source],
    titles: Mapping[str, str],
    same_pay: Sequence[str] = (),
    other_families: Sequence[str] = (),
) -> Group:
    """`sources` by id, `titles` of the roles in role.next_roles by slug, `same_pay`
    the slugs of the roles whose pay comes from the same BLS occupations
    (roles.same_pay_as), and `other_families` the names of the families other than
    IT (for the IT overlap's words; see it_overlap_parts)."""
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
        panel(
            "At a glance",
            group(
                _scores(role),
                text(""),
                _facts(role, same_pay, other_families),
                text(BEGINNER_FRIENDLY, style="dim"),
            ),
        ),
        panel("What the job involves", bullets(role.responsibilities)),
        *([panel("How the work flows", _workflow(role))] if role.workflow else []),
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


def _scores(role: Role) -> Either:
    """Each score's name, bar and value on a line; or, narrower, the bar under the name."""
    overlap = role.it_overlap
    scores = [
        ("Remote suitability", role.remote.score, f"{role.remote.score}/100"),
        ("IT overlap", overlap, MISSING if overlap is None else f"{overlap}/100"),
    ]
    beside = grid()
    beside.add_column(style="bold", no_wrap=True)
    beside.add_column(no_wrap=True)
    beside.add_column(justify="right", no_wrap=True)
    stacked = []
    for name, value, shown in scores:
        beside.add_row(name, bar(value, 100), shown)
        under = text("  ")
        under.append_text(bar(value, 100))
        under.append(f" {shown}")
        stacked += [text(name, style="bold"), under]
    return Either(beside, group(*stacked), whole=True)


def _facts(role: Role, same_pay: Sequence[str] = (), other_families: Sequence[str] = ()) -> Either:
    facts: list[tuple[str, RenderableType]] = [
        ("Family", text(role.family)),
        ("Beginner-friendly", yes_no(role.beginner_friendly)),
    ]
    derived = role.derived
    if derived is None:
        missing = text("no derived numbers (run scripts/build_derived.py)", style="dim")
        return label_values([*facts, ("Data", missing)])
    pay = derived.pay
    top = f" (top-coded by BLS: at least {money(TOP_CODE)})" if pay.top_coded else ""
    shares = soc_shares(role.onet)
    facts += [
        (
            "Median pay (US)",
            f"{money(pay.median)} a year; 10th-90th percentile "
            f"{money(pay.p10)}-{money(pay.p90)}{top}",
        ),
        (
            "Pay from",
            text(pay_source([soc for soc, _ in shares], [share for _, share in shares], same_pay)),
        ),
    ]
    outlook = derived.outlook
    growth = MISSING if outlook.growth_pct is None else f"{outlook.growth_pct:+.1f}%"
    openings = MISSING if outlook.annual_openings is None else f"{outlook.annual_openings:,}"
    facts += [
        (
            "Outlook 2024-34",
            f"growth {growth}; {openings} openings a year across SOC {outlook.openings_soc}",
        ),
        ("Typical entry education", text(outlook.entry_education or MISSING)),
        ("Job zone (O*NET, 1-5)", str(derived.job_zone)),
        ("Can be done from home", f"{yes_no(derived.teleworkable)} (Dingel & Neiman 2020)"),
        (
            f"IT overlap {derived.it_overlap.score}/100 from",
            text(it_overlap_parts(role, other_families)),
        ),
    ]
    contrast = telework_contrast(role.remote, derived.teleworkable)
    if contrast is not None:
        facts.append(("Both hold because", text(_contrast_words(contrast))))
    return label_values(facts)


# A centred O*NET profile cosine this close to 0 is read as "halfway" (docs/method.md).
HALFWAY = 0.1


def it_overlap_parts(role: Role, other_families: Sequence[str] = ()) -> str:
    """The parts of `role`'s IT overlap in words, with their numbers (docs/method.md):
    O*NET work profile, O*NET technology categories, the role's own skills. The one
    family other than IT is named ("closer to digital marketing than to IT") when
    `other_families` (names, as they read mid-sentence) has one; "the other families"
    otherwise. Empty without derived numbers."""
    if role.derived is None:
        return ""
    overlap = role.derived.it_overlap
    profile = overlap.profile_similarity
    others = other_families[0] if len(other_families) == 1 else "the other families"
    if profile >= HALFWAY:
        lean = f"closer to IT than to {others}"
    elif profile <= -HALFWAY:
        lean = f"closer to {others} than to IT"
    else:
        lean = f"halfway between IT and {others}"
    parts = [
        f"O*NET work profile {lean} ({profile:+.2f} on -1 to 1)",
        f"O*NET technology categories {overlap.tool_category_similarity:.0%} like the IT roles'",
    ]
    own = overlap.role_skill_similarity
    if own is None:
        parts.append("own skills not scored (re-run scripts/build_derived.py)")
    elif not overlap.shared_skills:
        parts.append("own skills share no technical skill with the IT roles")
    else:
        parts.append(
            f"own skills {own:.0%} like the IT roles' technical skills "
            f"(most from {', '.join(role.skill_names(overlap.shared_skills))})"
        )
    return "; ".join(parts) + "."


def _contrast_words(contrast: TeleworkContrast) -> str:
    """One sentence reconciling the remote score with Dingel & Neiman's flag."""
    factors = " and ".join(f"'{f.name.lower()}' {f.rating}/4" for f in contrast.factors)
    if contrast.kind == "low score, teleworkable":
        return (
            "Dingel & Neiman say the occupation's tasks can be done from home; the remote "
            f"score ({contrast.score}/100) rates how this role is usually worked"
            + (f", held down by {factors}" if factors else "")
            + " (docs/remote-rubric.md)."
        )
    return (
        "Dingel & Neiman judge the occupation as a whole unable to work from home; this "
        f"role's usual work scores {contrast.score}/100"
        + (f", with {factors}" if factors else "")
        + " (docs/remote-rubric.md)."
    )


def _skills(role: Role) -> Either:
    skills = table()
    skills.add_column("Skill")
    skills.add_column("Type", no_wrap=True)
    skills.add_column("Level", no_wrap=True)
    each = []
    for skill in sorted(role.skills, key=lambda item: (-item.level, item.name)):
        skills.add_row(text(skill.name), skill.type, level(skill.level))
        each.append(row_line(skill.name, skill.type, level(skill.level)))
    return Either(skills, group(*each))


def _remote(role: Role) -> Group:
    factors = table()
    factors.add_column("Factor (weight)")
    factors.add_column("Rating", no_wrap=True)
    factors.add_column("Why", ratio=1)
    each = []
    for factor in role.remote.factors:
        name = f"{factor.name} ({factor.weight})"
        factors.add_row(text(name), f"{factor.rating}/4", text(factor.reason))
        line = row_line(name, f"{factor.rating}/4")
        line.append(f". {factor.reason}")
        each.append(line)
    # a reason is a sentence: it may wrap in a column of a third of the panel
    parts: list[RenderableType] = [Either(factors, group(*each), needs=_FACTOR_TABLE_WIDTH)]
    for title, noted in (
        ("Remote advantages", role.remote.advantages),
        ("Remote challenges", role.remote.challenges),
    ):
        if noted:
            parts += [heading(title), _kind_notes(noted)]
    return group(*parts)


def _kind_notes(noted: Sequence[RemoteAdvantage | RemoteChallenge]) -> InertText:
    """A bulleted line per remote advantage or challenge: "- name: note" (the kind's
    name from the rubric, its id when it has none)."""
    bullet = bullet_mark()
    lines = text()
    for index, item in enumerate(noted):
        if index:
            lines.append("\n")
        lines.append(f"{bullet} {item.name or item.kind}: ", style="bold")
        lines.append(item.note)
    return lines


def _workflow(role: Role) -> Group:
    """The stages in order on one line ("Research > Strategy > ..."), then each stage
    numbered with what the role does in it."""
    arrow = _ARROW if can_show(_ARROW) else _PLAIN_ARROW
    stages = [step.stage.capitalize() for step in role.workflow]
    steps = text()
    for number, step in enumerate(role.workflow, 1):
        if number > 1:
            steps.append("\n")
        steps.append(f"{number}. {step.stage.capitalize()}: ", style="bold")
        steps.append(step.note)
    return group(text(f" {arrow} ".join(stages), style="dim"), steps)


# Between the stages of a workflow; the plain one where the output cannot show it.
_ARROW, _PLAIN_ARROW = "\u2192", "->"


# Narrower than this, the remote factors' reasons would wrap a word or two a line.
_FACTOR_TABLE_WIDTH = 70


def _onet(role: Role) -> Either:
    links = table()
    links.add_column("O*NET-SOC", no_wrap=True)
    links.add_column("Weight", justify="right", no_wrap=True)
    links.add_column("Occupation and why", ratio=1)
    each = []
    for link in role.onet:
        why = text()
        if link.title:
            why.append(link.title, style="bold")
            why.append("\n")
        why.append(link.reason)
        links.add_row(link.code, f"{link.weight:.2f}", why)
        line = row_line(
            link.code, f"weight {link.weight:.2f}", *([link.title] if link.title else [])
        )
        line.append(f"\n{link.reason}")
        each.append(line)
    return Either(links, group(*each), needs=_FACTOR_TABLE_WIDTH)


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


def role_detail(role: Role, sources: Mapping[str, Source], same_pay: Sequence[str] = ()) -> dict:
    """Everything known about one role, for `role show --format json`; `sources` by id,
    `same_pay` as for role_profile."""
    derived = role.derived
    contrast = None if derived is None else telework_contrast(role.remote, derived.teleworkable)
    return {
        **role_record(role),
        "same_pay_as": list(same_pay) if derived else [],
        "aliases": list(role.aliases),
        "summary": role.summary,
        "responsibilities": list(role.responsibilities),
        "workflow": [asdict(step) for step in role.workflow],
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
            "challenges": [_kind_record(challenge) for challenge in role.remote.challenges],
            "advantages": [_kind_record(advantage) for advantage in role.remote.advantages],
        },
        "pay": _pay(role, same_pay),
        "remote_vs_teleworkable": None
        if contrast is None
        else {
            "kind": contrast.kind,
            "remote_score": contrast.score,
            "teleworkable": derived.teleworkable,
            "factors": {factor.id: factor.rating for factor in contrast.factors},
        },
        "outlook": asdict(derived.outlook) if derived else None,
        "it_overlap_detail": _overlap(role),
        "onet": [asdict(link) for link in role.onet],
        "sources": [asdict(sources[source_id]) for source_id in role.sources],
    }


def _kind_record(item: RemoteAdvantage | RemoteChallenge) -> dict[str, str]:
    """A remote advantage or challenge for machine formats: its kind's id and note."""
    return {"kind": item.kind, "note": item.note}


def steps_record(role: Role) -> dict[str, list[str]]:
    """How to get started as `role`, as lists of steps by kind."""
    return {key: list(value) for key, value in asdict(role.getting_started).items()}


def _pay(role: Role, same_pay: Sequence[str]) -> dict | None:
    if role.derived is None:
        return None
    pay = asdict(role.derived.pay)
    pay["soc_codes"] = list(pay["soc_codes"])
    shares = soc_shares(role.onet)
    pay["source"] = "BLS OEWS May 2025"
    pay["blend"] = len(shares) > 1
    pay["shares"] = {soc: share for soc, share in shares}
    pay["same_bls_occupation_as"] = list(same_pay)
    pay["top_code"] = TOP_CODE
    return pay


def _overlap(role: Role) -> dict | None:
    if role.derived is None:
        return None
    overlap = role.derived.it_overlap
    return {
        "score": overlap.score,
        "profile_similarity": overlap.profile_similarity,
        "tool_category_similarity": overlap.tool_category_similarity,
        "role_skill_similarity": overlap.role_skill_similarity,
        "shared_skills": list(overlap.shared_skills),
        "onet_score": overlap.onet_score,
        "gap_filled": {code: list(relatives) for code, relatives in overlap.gap_filled.items()},
    }
