"""`quiz` and `quiz items`: the items, and a person's results, as tables and panels or records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mktcareers.views.formats import pick
from mktcareers.views.widgets import (
    MISSING,
    Either,
    bullets,
    group,
    panel,
    riasec_bars,
    table,
    text,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Group

    from mktcareers.models import QuizItem
    from mktcareers.quiz.results import QuizResult, SkillToBuild


# The item's text is what a reader came for: below this many columns for it, each item
# is listed as its id and facts over its text instead of as a table row.
TEXT_WIDTH = 36


def quiz_items(items: Sequence[QuizItem]) -> Either:
    """The items as a table when their text gets TEXT_WIDTH columns, else one block per
    item: its id, kind, area and whether it is short, then its text."""
    listed = table()
    facts = [
        (item.id, item.kind, item.area or item.measures or item.skill or "", item.short)
        for item in items
    ]
    widths = [max((len(str(row[at])) for row in facts), default=0) for at in range(3)]
    listed.add_column("Id", no_wrap=True, min_width=widths[0])
    listed.add_column("Kind", no_wrap=True)
    listed.add_column("About", no_wrap=True)
    listed.add_column("Short", no_wrap=True)
    listed.add_column("Text", ratio=1, min_width=TEXT_WIDTH)
    blocks = []
    for item, (item_id, kind, about, short) in zip(items, facts, strict=True):
        listed.add_row(text(item_id), kind, text(about), "yes" if short else "", text(item.text))
        head = text(item_id, style="bold")
        head.append(f"  {kind}" + (f", {about}" if about else "") + (", short" * short), "dim")
        body = text("  ").append_text(text(item.text))
        blocks += [head, body]
    needs = sum(widths) + len("Kind") + len("Short") + TEXT_WIDTH + 2 * 4
    return Either(listed, group(*blocks), needs=max(needs, sum(widths) + TEXT_WIDTH + 8))


def quiz_item(item: QuizItem) -> dict:
    """One quiz item, for `quiz items`."""
    return pick(item, "id", "kind", "area", "measures", "skill", "short", "text", "scale")


def quiz_result(result: QuizResult) -> Group:
    from mktcareers.models import RIASEC_NAMES
    from mktcareers.quiz.reasons import DISCLAIMER, reasons

    code = text()
    code.append("Your Holland code: ", style="bold")
    code.append(result.holland_code or MISSING)
    code.append(
        f"  ({', '.join(RIASEC_NAMES[area] for area in result.holland_code)})"
        if result.holland_code
        else ""
    )
    code.append(f"\nYou answered {result.answered} of {result.asked} items.", style="dim")
    parts = [panel("Your interest profile (1-7)", group(riasec_bars(result.profile, 1), code))]
    if result.message:
        parts.append(panel("No ranking", text(result.message)))
    else:
        body = []
        for rank, match in enumerate(result.matches, start=1):
            head = text()
            head.append(f"{rank}. {match.role.title}", style="bold")
            head.append(f"  fit {match.fit}/100  ")
            head.append(match.role.slug, style="cyan")
            body.append(head)
            body.append(bullets(reasons(match)))
            if match.skills_to_build:
                build = text("Skills to build first: ", style="bold")
                build.append(", ".join(_gap(gap) for gap in match.skills_to_build))
                body.append(build)
            body.append(text())
        first = result.matches[0].role.slug if result.matches else "SLUG"
        body.append(
            text(
                f"Next: mktcareers role show {first}\n"
                f'      mktcareers path "YOUR JOB TITLE" {first}',
                style="dim",
            )
        )
        parts.append(panel("Roles that fit you best", group(*body)))
    parts.append(text(DISCLAIMER, style="dim"))
    return group(*parts)


def _gap(gap: SkillToBuild) -> str:
    have = "not rated" if gap.have is None else f"you {gap.have}"
    return f"{gap.name} (needs {gap.need}, {have})"


def quiz_result_record(result: QuizResult) -> dict:
    """Quiz results: the profile, the Holland code and the best matches with why."""
    from mktcareers.quiz.reasons import DISCLAIMER, reasons
    from mktcareers.quiz.scoring import WEIGHTS

    return {
        "profile": {
            area: None if value is None else round(value, 2)
            for area, value in result.profile.items()
        },
        "holland_code": result.holland_code,
        "status": result.status,
        "message": result.message,
        "answered": result.answered,
        "asked": result.asked,
        "matches": [
            {
                "slug": match.role.slug,
                "title": match.role.title,
                "fit": match.fit,
                "interest_r": None if match.correlation is None else round(match.correlation, 3),
                "preferences": None if match.preferences is None else round(match.preferences, 3),
                "readiness": None if match.readiness is None else round(match.readiness, 3),
                "reasons": reasons(match),
                "skills_to_build": [
                    {"skill": gap.id, "name": gap.name, "have": gap.have, "need": gap.need}
                    for gap in match.skills_to_build
                ],
            }
            for match in result.matches
        ],
        "weights": dict(WEIGHTS),
        "disclaimer": DISCLAIMER,
    }
