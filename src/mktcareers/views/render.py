"""Rich views of roles. Knowledge-base text always goes through Text (defined below):
never parsed as markup, and with no control characters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from mktcareers.models import RIASEC, RIASEC_NAMES
from mktcareers.views.inert import inert

if TYPE_CHECKING:  # views of lists and searches never need the model classes defined
    from mktcareers.models import KnowledgeBase, Role, Source


class Text(RichText):
    """rich.text.Text whose strings are made inert (mktcareers.inert): every Text of a
    view is one of these, so no text from a knowledge base can steer the terminal."""

    def __init__(self, text: str = "", *args, **kwargs) -> None:
        super().__init__(inert(text), *args, **kwargs)

    def append(self, text, style=None):
        return super().append(inert(text) if isinstance(text, str) else text, style)


BAR_WIDTH = 20
MISSING = "—"


def bar(value: float | None, maximum: float, width: int = BAR_WIDTH) -> Text:
    """A text bar that reads without colour: ████████░░░░ 62."""
    if value is None:
        return Text(MISSING, style="dim")
    filled = round(width * max(0.0, min(value, maximum)) / maximum)
    text = Text()
    text.append("█" * filled, style="cyan")
    text.append("░" * (width - filled), style="dim")
    return text


def money(value: int | None) -> str:
    return MISSING if value is None else f"${value:,}"


def yes_no(value: bool | None, unknown: str = "not rated") -> str:
    return unknown if value is None else ("yes" if value else "no")


# Column sets by terminal width, so that slugs (what users type next) and
# numbers are never wrapped or cut: the title goes first, then the family.
WIDE_TABLE = 120
FULL_HEADERS = 80
WITH_FAMILY = 70


def roles_table(rows: Sequence[dict], width: int = WIDE_TABLE) -> Table:
    """`roles list`: one line per role summary record (records.role_row)."""
    longest_slug = max((len(row["slug"]) for row in rows), default=4)
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    columns = [("Slug", lambda row: Text(row["slug"]), {"min_width": longest_slug})]
    if width >= WIDE_TABLE:
        columns.append(("Title", lambda row: Text(row["title"]), {"overflow": "fold"}))
    if width >= WITH_FAMILY:
        columns.append(("Family", lambda row: Text(row["family"]), {"min_width": 9}))
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
        table.add_column(header, **{"no_wrap": "overflow" not in options, **options})
    for row in rows:
        table.add_row(*(cell(row) for _, cell, _ in columns))
    return table


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def _bullets(items: Sequence[str]) -> Text:
    text = Text()
    for index, item in enumerate(items):
        if index:
            text.append("\n")
        text.append("• ")
        text.append(item)
    return text


def _scores(role: Role) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_row("Remote suitability", bar(role.remote.score, 100), f"{role.remote.score}/100")
    overlap = role.it_overlap
    grid.add_row("IT overlap", bar(overlap, 100), MISSING if overlap is None else f"{overlap}/100")
    return grid


def _facts(role: Role) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row("Family", Text(role.family))
    grid.add_row("Beginner-friendly", yes_no(role.beginner_friendly))
    derived = role.derived
    if derived is None:
        grid.add_row("Data", Text("no derived numbers (run scripts/build_derived.py)", style="dim"))
        return grid
    pay = derived.pay
    top = " (90th percentile top-coded)" if pay.top_coded else ""
    grid.add_row(
        "Median pay (US)",
        f"{money(pay.median)} a year; 10th-90th percentile {money(pay.p10)}-{money(pay.p90)}{top}"
        f"  [SOC {', '.join(pay.soc_codes)}]",
    )
    outlook = derived.outlook
    growth = MISSING if outlook.growth_pct is None else f"{outlook.growth_pct:+.1f}%"
    openings = MISSING if outlook.annual_openings is None else f"{outlook.annual_openings:,}"
    grid.add_row(
        "Outlook 2024-34",
        f"growth {growth}; {openings} openings a year across SOC {outlook.openings_soc}",
    )
    grid.add_row("Typical entry education", Text(outlook.entry_education or MISSING))
    grid.add_row("Job zone (O*NET, 1-5)", str(derived.job_zone))
    grid.add_row(
        "Can be done from home",
        f"{yes_no(derived.teleworkable)} (Dingel & Neiman 2020)",
    )
    return grid


def _riasec(role: Role) -> Table | Text:
    if role.derived is None:
        return Text(MISSING, style="dim")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    for area in RIASEC:
        value = role.derived.riasec[area]
        grid.add_row(f"{area} {RIASEC_NAMES[area]}", bar(value - 1, 6, 14), f"{value:.2f}")
    return grid


def _skills(role: Role) -> Table:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column("Skill", overflow="fold")
    table.add_column("Type", no_wrap=True)
    table.add_column("Level", no_wrap=True)
    for skill in sorted(role.skills, key=lambda item: (-item.level, item.name)):
        table.add_row(Text(skill.name), skill.type, _level(skill.level))
    return table


def _remote(role: Role) -> Group:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column("Factor (weight)", overflow="fold")
    table.add_column("Rating", no_wrap=True)
    table.add_column("Why", overflow="fold", ratio=1)
    for factor in role.remote.factors:
        table.add_row(
            Text(f"{factor.name} ({factor.weight})"),
            f"{factor.rating}/4",
            Text(factor.reason),
        )
    parts: list[RenderableType] = [table]
    if role.remote.challenges:
        challenges = Text()
        for index, challenge in enumerate(role.remote.challenges):
            if index:
                challenges.append("\n")
            challenges.append(f"• {challenge.kind}: ", style="bold")
            challenges.append(challenge.note)
        parts += [_heading("Remote challenges"), challenges]
    return Group(*parts)


def _getting_started(role: Role) -> Group:
    steps = role.getting_started
    return Group(
        _heading("Skills to build"),
        _bullets(steps.skills_to_build),
        _heading("Portfolio and experience"),
        _bullets(steps.portfolio),
        _heading("Where to network"),
        _bullets(steps.networking),
        _heading("Where to look for openings"),
        _bullets(steps.job_search),
    )


def _onet(role: Role) -> Table:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column("O*NET-SOC", no_wrap=True)
    table.add_column("Weight", justify="right", no_wrap=True)
    table.add_column("Occupation and why", overflow="fold", ratio=1)
    for link in role.onet:
        why = Text()
        if link.title:
            why.append(link.title, style="bold")
            why.append("\n")
        why.append(link.reason)
        table.add_row(link.code, f"{link.weight:.2f}", why)
    return table


def _sources(role: Role, sources: Mapping[str, Source]) -> Text:
    text = Text()
    for index, source_id in enumerate(role.sources):
        source = sources[source_id]
        if index:
            text.append("\n")
        text.append(f"[{source.id}] ", style="bold")
        text.append(f"{source.title}. {source.publisher}, {source.version} ({source.year}). ")
        text.append(f"Licence: {source.licence}.", style="dim")
    return text


def _panel(title: str, body: RenderableType) -> Panel:
    return Panel(body, title=Text(title, style="bold"), title_align="left", box=box.ROUNDED)


def role_profile(role: Role, sources: Mapping[str, Source], titles: Mapping[str, str]) -> Group:
    """`role show`: `sources` by id, and `titles` of the roles in role.next_roles by slug."""
    header = Text()
    header.append(role.title, style="bold")
    header.append(f"  ({role.slug})", style="dim")
    header.append("\n")
    header.append(role.summary)
    if role.aliases:
        header.append("\nAlso called: ", style="dim")
        header.append(", ".join(role.aliases), style="dim")
    next_roles = Text(
        ", ".join(f"{titles.get(slug, slug)} ({slug})" for slug in role.next_roles) or MISSING
    )
    return Group(
        _panel("Role", header),
        _panel("At a glance", Group(_scores(role), Text(""), _facts(role))),
        _panel("What the job involves", _bullets(role.responsibilities)),
        _panel("Skills", _skills(role)),
        _panel("Tools", Text(", ".join(role.tools) or MISSING)),
        _panel(
            "Certifications",
            _bullets(role.certifications) if role.certifications else Text(MISSING),
        ),
        _panel("Remote work", _remote(role)),
        _panel("Work interests (O*NET RIASEC, 1-7)", _riasec(role)),
        _panel("How to get started", _getting_started(role)),
        _panel("Typical next roles", next_roles),
        _panel("O*NET crosswalk", _onet(role)),
        _panel("Sources", _sources(role, sources)),
    )


def _level(level: int) -> str:
    return "●" * level + "○" * (5 - level)


def search_table(hits) -> Table:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    longest_slug = max((len(hit.role.slug) for hit in hits), default=4)
    table.add_column("Slug", no_wrap=True, min_width=longest_slug)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Matched", overflow="fold", ratio=1)
    for hit in hits:
        matched = Text()
        for index, match in enumerate(hit.matches[:3]):
            if index:
                matched.append("; ")
            matched.append(f"{match.field}: ", style="dim")
            matched.append(match.text)
        table.add_row(Text(hit.role.slug), f"{hit.score:.0f}", matched)
    return table


def skills_table(skills: Sequence, counts: dict[str, int]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    longest_id = max((len(skill.id) for skill in skills), default=2)
    table.add_column("Id", no_wrap=True, min_width=longest_id)
    table.add_column("Skill", overflow="fold", ratio=1)
    table.add_column("Type", no_wrap=True, min_width=13)
    table.add_column("Roles", justify="right", no_wrap=True)
    for skill in skills:
        table.add_row(Text(skill.id), Text(skill.name), skill.type, str(counts.get(skill.id, 0)))
    return table


def skill_profile(skill, uses) -> Group:
    header = Text()
    header.append(skill.name, style="bold")
    header.append(f"  ({skill.id}, {skill.type})", style="dim")
    header.append("\n")
    header.append(skill.description)
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    longest_slug = max((len(use.role.slug) for use in uses), default=4)
    table.add_column("Role", no_wrap=True, min_width=longest_slug)
    table.add_column("Family", no_wrap=True)
    table.add_column("Level needed", no_wrap=True)
    for use in uses:
        table.add_row(Text(use.role.slug), Text(use.role.family), _level(use.level))
    body = table if uses else Text("No role in the knowledge base needs this skill.", style="dim")
    return Group(_panel("Skill", header), _panel(f"Roles that need it ({len(uses)})", body))


# ------------------------------------------------------------------ compare


def _two_columns(left_title: str, right_title: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, expand=True)
    table.add_column("", style="bold", no_wrap=True)
    table.add_column(Text(left_title), overflow="fold", ratio=1)
    table.add_column(Text(right_title), overflow="fold", ratio=1)
    return table


def _spread_text(spread, fmt=lambda value: f"{value:g}") -> str:
    if spread is None:
        return MISSING
    return f"{fmt(spread.median)} (range {fmt(spread.low)}-{fmt(spread.high)})"


def _share(value: float | None) -> str:
    return MISSING if value is None else f"{round(100 * value)}%"


def family_comparison(comparison, kb: KnowledgeBase) -> Group:
    left, right = comparison.left, comparison.right
    table = _two_columns(left.family.name, right.family.name)
    table.add_row("Core focus", _bullets(left.family.core_focus), _bullets(right.family.core_focus))
    table.add_row("Roles", str(len(left.roles)), str(len(right.roles)))
    table.add_row("Similarity (role pairs)", f"{comparison.similarity}/100", "")
    table.add_row(
        "Doable from home (D&N)", _share(left.teleworkable_share), _share(right.teleworkable_share)
    )
    table.add_row("Remote score", _spread_text(left.remote), _spread_text(right.remote))
    table.add_row("IT overlap", _spread_text(left.it_overlap), _spread_text(right.it_overlap))
    table.add_row(
        "Median pay (US)",
        _spread_text(left.pay_median, lambda v: money(round(v))),
        _spread_text(right.pay_median, lambda v: money(round(v))),
    )
    growth = [
        MISSING if s.growth_median is None else f"{s.growth_median:+.1f}%" for s in (left, right)
    ]
    table.add_row("Growth 2024-34 (median)", *growth)

    def skills(summary) -> Text:
        return Text(
            ", ".join(
                f"{kb.skills[skill].name} {_share(share)}" for skill, share in summary.top_skills
            )
        )

    def tools(summary) -> Text:
        return Text(", ".join(f"{tool} {_share(share)}" for tool, share in summary.top_tools))

    table.add_row("Top skills (share at level 3+)", skills(left), skills(right))
    table.add_row("Top tools (share of roles)", tools(left), tools(right))
    shared = Text()
    shared.append("Skills: ", style="bold")
    shared.append(", ".join(kb.skills[skill].name for skill in comparison.shared_skills) or MISSING)
    shared.append("\nTools: ", style="bold")
    shared.append(", ".join(comparison.shared_tools) or MISSING)
    parts = [
        _panel(f"{left.family.name} vs {right.family.name}", table),
        _panel("What both sides share", shared),
    ]
    if comparison.bridges:
        bridges = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
        bridges.add_column("Bridge role", no_wrap=True)
        bridges.add_column("IT overlap", justify="right", no_wrap=True)
        bridges.add_column("Why", overflow="fold", ratio=1)
        for bridge in comparison.bridges:
            why = "Technical skills: " + ", ".join(bridge.technical_skills)
            if bridge.it_codes:
                why += f"; built on IT occupations {', '.join(bridge.it_codes)}"
            bridges.add_row(Text(bridge.role.slug), str(bridge.it_overlap), Text(why))
        parts.append(_panel("Bridge roles (closest to IT)", bridges))
    parts.append(_panel("Verdict (from the numbers above)", _bullets(comparison.verdict)))
    return Group(*parts)


def _level_or_dash(level: int | None) -> str:
    return MISSING if level is None else _level(level)


def role_comparison(comparison) -> Group:
    left, right = comparison.left, comparison.right
    table = _two_columns(left.slug, right.slug)
    table.add_row("Summary", Text(left.summary), Text(right.summary))
    table.add_row("Family", Text(left.family), Text(right.family))
    table.add_row("Remote score", str(left.remote.score), str(right.remote.score))
    for factor, other in zip(left.remote.factors, right.remote.factors, strict=False):
        table.add_row(Text(f"  {factor.name}"), f"{factor.rating}/4", f"{other.rating}/4")
    overlap = [MISSING if r.it_overlap is None else str(r.it_overlap) for r in (left, right)]
    table.add_row("IT overlap", *overlap)
    table.add_row("Median pay (US)", money(left.pay_median), money(right.pay_median))

    def derived(role, pick) -> str:
        return MISSING if role.derived is None else pick(role.derived)

    table.add_row(
        "Growth 2024-34",
        *(derived(r, lambda d: f"{d.outlook.growth_pct:+.1f}%") for r in (left, right)),
    )
    table.add_row("Job zone", *(derived(r, lambda d: str(d.job_zone)) for r in (left, right)))
    table.add_row("RIASEC (top 3)", *(derived(r, _holland) for r in (left, right)))
    table.add_row(
        "Tools",
        Text(", ".join(comparison.only_left_tools) or MISSING),
        Text(", ".join(comparison.only_right_tools) or MISSING),
    )
    table.add_row("Tools in common", Text(", ".join(comparison.shared_tools) or MISSING), "")
    skills = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    skills.add_column("Skill", overflow="fold", ratio=1)
    skills.add_column(Text(left.slug), no_wrap=True)
    skills.add_column(Text(right.slug), no_wrap=True)
    for label, pairs in (
        ("shared", comparison.shared_skills),
        (f"only {left.slug}", comparison.only_left),
        (f"only {right.slug}", comparison.only_right),
    ):
        if pairs:
            skills.add_row(Text(label, style="bold"), "", "")
        for pair in pairs:
            skills.add_row(
                Text(f"  {pair.name}"),
                _level_or_dash(pair.left_level),
                _level_or_dash(pair.right_level),
            )
    similar = comparison.similarity
    summary = Text()
    summary.append(f"Similarity {similar.score}/100", style="bold")
    summary.append(f"\n{similar.method}.", style="dim")
    return Group(
        _panel(f"{left.title} vs {right.title}", table),
        _panel("Skills", skills),
        _panel("How alike", summary),
    )


def _holland(derived) -> str:
    ranked = sorted(RIASEC, key=lambda area: -derived.riasec[area])
    return "".join(ranked[:3])


def role_family_comparison(comparison, kb: KnowledgeBase) -> Group:
    role, family = comparison.role, comparison.family
    table = _two_columns(role.slug, f"{family.family.name} (median of {len(family.roles)})")
    table.add_row("Remote score", str(role.remote.score), f"{family.remote.median:g}")
    table.add_row(
        "IT overlap",
        MISSING if role.it_overlap is None else str(role.it_overlap),
        MISSING if family.it_overlap is None else f"{family.it_overlap.median:g}",
    )
    table.add_row(
        "Median pay (US)",
        money(role.pay_median),
        MISSING if family.pay_median is None else money(round(family.pay_median.median)),
    )
    details = Text()
    details.append(f"Similarity to the family: {comparison.similarity}/100", style="bold")
    details.append(" (mean of its similarity to each role)\nClosest: ")
    details.append(
        ", ".join(f"{other.slug} ({score})" for other, score in comparison.closest) or MISSING
    )
    details.append("\nTypical of the family, missing here: ")
    details.append(", ".join(kb.skills[s].name for s in comparison.missing_typical) or "none")
    details.append("\nUnusual for the family: ")
    details.append(", ".join(kb.skills[s].name for s in comparison.unusual) or "none")
    return Group(_panel(f"{role.title} vs {family.family.name}", table), _panel("Fit", details))


# ------------------------------------------------------------------ paths


def transition(move) -> Group:
    source, target = move.source, move.target
    head = Text()
    head.append(f"{source.title} -> {target.title}: ", style="bold")
    head.append(f"{move.size} (similarity {move.similarity.score}/100)")
    if move.job_zone_change:
        direction = "more" if move.job_zone_change > 0 else "less"
        head.append(
            f"\nThe target usually needs {direction} preparation "
            f"(O*NET job zone {move.job_zone_change:+d})."
        )
    head.append(f"\n{move.similarity.method}.", style="dim")
    build = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    build.add_column("Skill to build", overflow="fold", ratio=1)
    build.add_column("You", no_wrap=True)
    build.add_column("Needed", no_wrap=True)
    build.add_column("Priority", justify="right", no_wrap=True)
    for gap in move.skills_to_build:
        you = _level(gap.current_level) if gap.current_level else "new"
        build.add_row(Text(gap.name), you, _level(gap.target_level), str(gap.priority))
    bring = Text(
        ", ".join(f"{gap.name} ({gap.current_level}/5)" for gap in move.skills_you_bring)
        or "none yet"
    )
    parts = [
        _panel("The move", head),
        _panel("Skills you already bring", bring),
        _panel(
            "Skills to build, most important first (gap x level needed)",
            build if move.skills_to_build else Text("none"),
        ),
        _panel(
            "Certifications to consider",
            _bullets(target.certifications) if target.certifications else Text(MISSING),
        ),
        _panel(f"Getting started as {target.title}", _getting_started(target)),
    ]
    return Group(*parts)


def moves_table(source, found) -> Group:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    longest_slug = max((len(move.target.slug) for move in found), default=4)
    table.add_column("Move to", no_wrap=True, min_width=longest_slug)
    table.add_column("Similarity", justify="right", no_wrap=True)
    table.add_column("Size", overflow="fold")
    table.add_column("To build", justify="right", no_wrap=True)
    for move in found:
        table.add_row(
            Text(move.target.slug),
            str(move.similarity.score),
            move.size,
            str(len(move.skills_to_build)),
        )
    hint = Text(f"See one move in full: mktcareers path {source.slug} SLUG", style="dim")
    return Group(_panel(f"Closest moves from {source.title}", table), hint)


def quiz_items(items) -> Table:
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column("Id", no_wrap=True, min_width=max(len(item.id) for item in items))
    table.add_column("Kind", no_wrap=True)
    table.add_column("About", no_wrap=True)
    table.add_column("Short", no_wrap=True)
    table.add_column("Text", overflow="fold", ratio=1)
    for item in items:
        about = item.area or item.measures or item.skill or ""
        table.add_row(
            Text(item.id), item.kind, Text(about), "yes" if item.short else "", Text(item.text)
        )
    return table


def _gap(gap) -> str:
    have = "not rated" if gap.have is None else f"you {gap.have}"
    return f"{gap.name} (needs {gap.need}, {have})"


def quiz_result(result) -> Group:
    from mktcareers.quiz.reasons import DISCLAIMER, reasons

    profile = Table.grid(padding=(0, 1))
    profile.add_column(no_wrap=True)
    profile.add_column(no_wrap=True)
    profile.add_column(justify="right", no_wrap=True)
    for area in RIASEC:
        value = result.profile[area]
        profile.add_row(
            f"{area} {RIASEC_NAMES[area]}",
            bar(None if value is None else value - 1, 6, width=14),
            MISSING if value is None else f"{value:.1f}",
        )
    code = Text()
    code.append("Your Holland code: ", style="bold")
    code.append(result.holland_code or MISSING)
    code.append(
        f"  ({', '.join(RIASEC_NAMES[area] for area in result.holland_code)})"
        if result.holland_code
        else ""
    )
    code.append(f"\nYou answered {result.answered} of {result.asked} items.", style="dim")
    parts = [_panel("Your interest profile (1-7)", Group(profile, code))]
    if result.message:
        parts.append(_panel("No ranking", Text(result.message)))
    else:
        body = []
        for rank, match in enumerate(result.matches, start=1):
            head = Text()
            head.append(f"{rank}. {match.role.title}", style="bold")
            head.append(f"  fit {match.fit}/100  ")
            head.append(match.role.slug, style="cyan")
            body.append(head)
            body.append(_bullets(reasons(match)))
            if match.skills_to_build:
                build = Text("Skills to build first: ", style="bold")
                build.append(", ".join(_gap(gap) for gap in match.skills_to_build))
                body.append(build)
            body.append(Text())
        first = result.matches[0].role.slug if result.matches else "SLUG"
        body.append(
            Text(
                f"Next: mktcareers role show {first}\n"
                f"      mktcareers path YOUR-CURRENT-ROLE {first}",
                style="dim",
            )
        )
        parts.append(_panel("Roles that fit you best", Group(*body)))
    parts.append(Text(DISCLAIMER, style="dim"))
    return Group(*parts)
