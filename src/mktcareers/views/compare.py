"""`compare`: two families, two roles, or a role and a family, side by side as panels
or as one record (its "kind" says which of the three)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mktcareers.views.formats import pick
from mktcareers.views.roles import pay_source, role_record
from mktcareers.views.widgets import (
    MISSING,
    Either,
    bullets,
    group,
    indent,
    level_or_dash,
    money,
    panel,
    row_line,
    similarity_words,
    table,
    text,
)

if TYPE_CHECKING:
    from rich.console import Group

    from mktcareers.compare import RoleComparison, RoleFamilyComparison, SkillPair
    from mktcareers.families import FamilyComparison, FamilySummary, Spread
    from mktcareers.models import Derived, KnowledgeBase, Role
    from mktcareers.similarity import Similarity


class _TwoSides:
    """Rows of a label and a value for each side: three columns where every word fits
    them, else each label over a line per side ("copywriter: 93")."""

    def __init__(self, left_title: str, right_title: str) -> None:
        self.titles = (left_title, right_title)
        self.rows: list[tuple] = []

    def add_row(self, label, left, right) -> None:
        """`right` "" for a fact of the two sides together (their similarity)."""
        self.rows.append((label, left, right))

    def view(self) -> Either:
        left_title, right_title = self.titles
        sides = table(expand=True)
        # measured instead of `sides`: Rich gives ratio columns no minimum width, so
        # the same columns without ratios say how wide the longest words make them
        probe = table()
        # a no_wrap column's cells still measure at their longest word: say its width
        longest = max((len(getattr(label, "plain", label)) for label, _, _ in self.rows), default=0)
        for columns in (sides, probe):
            columns.add_column("", style="bold", no_wrap=True, min_width=longest)
        for title in (left_title, right_title):  # a slug is one word: never cut
            sides.add_column(text(title), ratio=1, min_width=len(title))
            probe.add_column(text(title), min_width=len(title) + 1)  # ratios round down
        stacked = []
        for label, left, right in self.rows:
            sides.add_row(label, left, right)
            probe.add_row(label, left, right)
            name = text(getattr(label, "plain", label).strip(), style="bold")
            if right == "":
                stacked.append(row_line(name, left))
                continue
            stacked.append(name)
            for title, value in ((left_title, left), (right_title, right)):
                if not isinstance(value, str) and "\n" in value.plain:
                    value = text("\n").append_text(value)  # bullets start a line of their own
                stacked.append(indent(row_line(text(title), value)))
        return Either(sides, group(*stacked), measured=probe)


def _spread_text(spread: Spread | None, fmt=lambda value: f"{value:g}") -> str:
    if spread is None:
        return MISSING
    return f"{fmt(spread.median)} (range {fmt(spread.low)}-{fmt(spread.high)})"


def _share(value: float | None) -> str:
    return MISSING if value is None else f"{round(100 * value)}%"


# ------------------------------------------------------------------ family vs family


def family_comparison(comparison: FamilyComparison, kb: KnowledgeBase) -> Group:
    left, right = comparison.left, comparison.right
    sides = _TwoSides(left.family.name, right.family.name)
    sides.add_row("Core focus", bullets(left.family.core_focus), bullets(right.family.core_focus))
    sides.add_row("Roles", str(len(left.roles)), str(len(right.roles)))
    sides.add_row("Similarity (role pairs)", f"{comparison.similarity}/100", "")
    sides.add_row(
        "Doable from home (D&N)", _share(left.teleworkable_share), _share(right.teleworkable_share)
    )
    sides.add_row("Remote score", _spread_text(left.remote), _spread_text(right.remote))
    sides.add_row("IT overlap", _spread_text(left.it_overlap), _spread_text(right.it_overlap))
    sides.add_row(
        "Median pay (US)",
        _spread_text(left.pay_median, lambda v: money(round(v))),
        _spread_text(right.pay_median, lambda v: money(round(v))),
    )
    growth = [
        MISSING if s.growth_median is None else f"{s.growth_median:+.1f}%" for s in (left, right)
    ]
    sides.add_row("Growth 2024-34 (median)", *growth)

    def skills(summary):
        return text(
            ", ".join(
                f"{kb.skills[skill].name} {_share(share)}" for skill, share in summary.top_skills
            )
        )

    def tools(summary):
        return text(", ".join(f"{tool} {_share(share)}" for tool, share in summary.top_tools))

    sides.add_row("Top skills (share at level 3+)", skills(left), skills(right))
    sides.add_row("Top tools (share of roles)", tools(left), tools(right))
    shared = text()
    shared.append("Skills: ", style="bold")
    shared.append(", ".join(kb.skills[skill].name for skill in comparison.shared_skills) or MISSING)
    shared.append("\nTools: ", style="bold")
    shared.append(", ".join(comparison.shared_tools) or MISSING)
    parts = [
        panel(f"{left.family.name} vs {right.family.name}", sides.view()),
        panel("What both sides share", shared),
    ]
    if comparison.bridges:
        bridges = table()
        whys = []
        for bridge in comparison.bridges:
            if bridge.it_skills:
                why = "Skills IT roles need too: " + ", ".join(bridge.it_skills)
            else:
                why = "Technical skills: " + ", ".join(bridge.technical_skills)
            if bridge.it_codes:
                why += f"; built on IT occupations {', '.join(bridge.it_codes)}"
            whys.append(why)
        longest = max(len(slug) for slug in (b.role.slug for b in comparison.bridges))
        bridges.add_column("Bridge role", no_wrap=True, min_width=longest)
        bridges.add_column("IT overlap", justify="right", no_wrap=True)
        # a ratio column measures no minimum of its own: its longest word is it
        bridges.add_column("Why", ratio=1, min_width=max(map(len, " ".join(whys).split())))
        each = []
        for bridge, why in zip(comparison.bridges, whys, strict=True):
            bridges.add_row(text(bridge.role.slug), str(bridge.it_overlap), text(why))
            each.append(row_line(bridge.role.slug, f"IT overlap {bridge.it_overlap}", why))
        parts.append(panel("Bridge roles (closest to IT)", Either(bridges, group(*each))))
    parts.append(panel("Verdict (from the numbers above)", bullets(comparison.verdict)))
    return group(*parts)


def family_comparison_record(comparison: FamilyComparison) -> dict:
    return {
        "kind": "family-family",
        "left": _family_summary(comparison.left),
        "right": _family_summary(comparison.right),
        "shared_skills": list(comparison.shared_skills),
        "shared_tools": list(comparison.shared_tools),
        "bridge_roles": [
            {
                "slug": bridge.role.slug,
                "it_overlap": bridge.it_overlap,
                "technical_skills": list(bridge.technical_skills),
                "it_codes": list(bridge.it_codes),
                "it_skills": list(bridge.it_skills),
            }
            for bridge in comparison.bridges
        ],
        "similarity": {
            "score": comparison.similarity,
            "method": "mean role-to-role similarity over every pair of one role from each side",
        },
        "verdict": list(comparison.verdict),
    }


def _family_summary(summary: FamilySummary) -> dict:
    def spread(value: Spread | None) -> dict | None:
        return (
            None
            if value is None
            else {"low": value.low, "median": value.median, "high": value.high}
        )

    return {
        "family": summary.family.id,
        "name": summary.family.name,
        "core_focus": list(summary.family.core_focus),
        "roles": len(summary.roles),
        "teleworkable_share": summary.teleworkable_share,
        "teleworkable_rated": summary.teleworkable_rated,
        "remote_score": spread(summary.remote),
        "it_overlap": spread(summary.it_overlap),
        "pay_median": spread(summary.pay_median),
        "growth_pct_median": summary.growth_median,
        "top_skills": [{"skill": skill, "share": share} for skill, share in summary.top_skills],
        "top_tools": [{"tool": tool, "share": share} for tool, share in summary.top_tools],
    }


# ------------------------------------------------------------------ role vs role


def role_comparison(comparison: RoleComparison) -> Group:
    left, right = comparison.left, comparison.right
    sides = _TwoSides(left.slug, right.slug)
    sides.add_row("Summary", text(left.summary), text(right.summary))
    sides.add_row("Family", text(left.family), text(right.family))
    sides.add_row("Remote score", str(left.remote.score), str(right.remote.score))
    for factor, other in zip(left.remote.factors, right.remote.factors, strict=False):
        sides.add_row(text(f"  {factor.name}"), f"{factor.rating}/4", f"{other.rating}/4")
    overlap = [MISSING if r.it_overlap is None else str(r.it_overlap) for r in (left, right)]
    sides.add_row("IT overlap", *overlap)
    sides.add_row("Median pay (US)", money(left.pay_median), money(right.pay_median))
    sides.add_row("Pay from", *(text(_pay_from(role, other)) for role, other in _pair(comparison)))

    def derived(role, pick) -> str:
        return MISSING if role.derived is None else pick(role.derived)

    sides.add_row(
        "Growth 2024-34",
        *(derived(r, lambda d: f"{d.outlook.growth_pct:+.1f}%") for r in (left, right)),
    )
    sides.add_row("Job zone", *(derived(r, lambda d: str(d.job_zone)) for r in (left, right)))
    sides.add_row("RIASEC (top 3)", *(derived(r, _holland) for r in (left, right)))
    sides.add_row(
        "Tools",
        text(", ".join(comparison.only_left_tools) or MISSING),
        text(", ".join(comparison.only_right_tools) or MISSING),
    )
    sides.add_row("Tools in common", text(", ".join(comparison.shared_tools) or MISSING), "")
    skills = table()
    skills.add_column("Skill", ratio=1)
    skills.add_column(text(left.slug), no_wrap=True, min_width=len(left.slug))
    skills.add_column(text(right.slug), no_wrap=True, min_width=len(right.slug))
    each = []
    for label, pairs in (
        ("shared", comparison.shared_skills),
        (f"only {left.slug}", comparison.only_left),
        (f"only {right.slug}", comparison.only_right),
    ):
        if pairs:
            skills.add_row(text(label, style="bold"), "", "")
            each.append(text(label, style="bold"))
        for pair in pairs:
            levels = level_or_dash(pair.left_level), level_or_dash(pair.right_level)
            skills.add_row(text(f"  {pair.name}"), *levels)
            each.append(
                row_line(
                    text(f"  {pair.name}"), f"{left.slug} {levels[0]}", f"{right.slug} {levels[1]}"
                )
            )
    similar = comparison.similarity
    summary = text()
    summary.append(f"Similarity {similar.score}/100: ", style="bold")
    summary.append(f"{similarity_words(similar)}.")
    summary.append("\nHow it is worked out: docs/method.md.", style="dim")
    return group(
        panel(f"{left.title} vs {right.title}", sides.view()),
        panel("Skills", Either(skills, group(*each))),
        panel("How alike", summary),
    )


def _pair(comparison: RoleComparison):
    return ((comparison.left, comparison.right), (comparison.right, comparison.left))


def _same_pay(role: Role, other: Role) -> list[str]:
    """[other.slug] when both roles' pay comes from the same BLS occupations in the same
    shares (so they show the same figures), else []."""
    from mktcareers.models import soc_shares

    if role.derived is None or other.derived is None:
        return []
    return [other.slug] if soc_shares(role.onet) == soc_shares(other.onet) else []


def _pay_from(role: Role, other: Role) -> str:
    from mktcareers.models import soc_shares

    if role.derived is None:
        return MISSING
    shares = soc_shares(role.onet)
    socs, weights = [soc for soc, _ in shares], [share for _, share in shares]
    return pay_source(socs, weights, _same_pay(role, other))


def _holland(derived: Derived) -> str:
    from mktcareers.models import RIASEC

    ranked = sorted(RIASEC, key=lambda area: -derived.riasec[area])
    return "".join(ranked[:3])


def role_comparison_record(comparison: RoleComparison) -> dict:
    def side(role, other) -> dict:
        return {
            **role_record(role),
            "same_pay_as": _same_pay(role, other),
            "summary": role.summary,
            "remote_factors": {factor.id: factor.rating for factor in role.remote.factors},
        }

    return {
        "kind": "role-role",
        "left": side(comparison.left, comparison.right),
        "right": side(comparison.right, comparison.left),
        "shared_skills": [_skill_pair(pair) for pair in comparison.shared_skills],
        "only_left_skills": [_skill_pair(pair) for pair in comparison.only_left],
        "only_right_skills": [_skill_pair(pair) for pair in comparison.only_right],
        "shared_tools": list(comparison.shared_tools),
        "only_left_tools": list(comparison.only_left_tools),
        "only_right_tools": list(comparison.only_right_tools),
        "similarity": similarity_record(comparison.similarity),
    }


def _skill_pair(pair: SkillPair) -> dict:
    return pick(pair, "skill=id", "name", "type", "left_level", "right_level")


def similarity_record(value: Similarity) -> dict:
    """How alike two roles are, and how that was measured (also in `path` records)."""
    return pick(value, "score", "skills", "interests", "job_zone", "method")


# ------------------------------------------------------------------ role vs family


def role_family_comparison(comparison: RoleFamilyComparison, kb: KnowledgeBase) -> Group:
    role, family = comparison.role, comparison.family
    sides = _TwoSides(role.slug, f"{family.family.name} (median of {len(family.roles)})")
    sides.add_row("Remote score", str(role.remote.score), f"{family.remote.median:g}")
    sides.add_row(
        "IT overlap",
        MISSING if role.it_overlap is None else str(role.it_overlap),
        MISSING if family.it_overlap is None else f"{family.it_overlap.median:g}",
    )
    sides.add_row(
        "Median pay (US)",
        money(role.pay_median),
        MISSING if family.pay_median is None else money(round(family.pay_median.median)),
    )
    details = text()
    details.append(f"Similarity to the family: {comparison.similarity}/100", style="bold")
    details.append(" (mean of its similarity to each role)\nClosest: ")
    details.append(
        ", ".join(f"{other.slug} ({score})" for other, score in comparison.closest) or MISSING
    )
    details.append("\nTypical of the family, missing here: ")
    details.append(", ".join(kb.skills[s].name for s in comparison.missing_typical) or "none")
    details.append("\nUnusual for the family: ")
    details.append(", ".join(kb.skills[s].name for s in comparison.unusual) or "none")
    return group(
        panel(f"{role.title} vs {family.family.name}", sides.view()), panel("Fit", details)
    )


def role_family_comparison_record(comparison: RoleFamilyComparison, role_first: bool) -> dict:
    role_side, family_side = role_record(comparison.role), _family_summary(comparison.family)
    left, right = (role_side, family_side) if role_first else (family_side, role_side)
    return {
        "kind": "role-family" if role_first else "family-role",
        "left": left,
        "right": right,
        "similarity": {
            "score": comparison.similarity,
            "method": "mean similarity to each of the family's roles (see role-role similarity)",
        },
        "closest_roles": [
            {"slug": role.slug, "similarity": score} for role, score in comparison.closest
        ],
        "missing_typical_skills": list(comparison.missing_typical),
        "unusual_skills": list(comparison.unusual),
    }
