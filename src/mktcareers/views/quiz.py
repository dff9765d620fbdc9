"""`quiz`, `quiz results` and `quiz items`: the items, and a person's results, as tables
and panels, as a readable Markdown report, or as records.

The results are shown from their record (quiz_result_record), the same dict that
json and yaml write and that the state folder keeps, so `quiz results` shows a saved
result exactly as `quiz` showed it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from mktcareers.views.formats import OutputFormat, pick
from mktcareers.views.widgets import (
    Either,
    bullet_mark,
    grid,
    group,
    indent,
    panel,
    riasec_bars,
    table,
    text,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Group, RenderableType

    from mktcareers.models import QuizItem
    from mktcareers.quiz.results import QuizResult


# ------------------------------------------------------------------ quiz items

# The item's text is what a reader came for: below this many columns for it, each item
# is listed as its id and facts over its text instead of as a table row.
TEXT_WIDTH = 30
KIND_TITLES = {
    "interest": "Interests: how much would you like doing this?",
    "preference": "Preferences: what you want from work",
    "background": "Background: your education and experience",
    "skill": "Skills: how good you are today (optional)",
}


def _about(item: QuizItem) -> str:
    """What an item is about beyond its kind: its area or measure; a skill item's skill
    only when its id does not already say it (skill-<skill>)."""
    if item.kind == "skill":
        return "" if item.id == f"skill-{item.skill}" else item.skill or ""
    return item.area or item.measures or ""


def quiz_items(items: Sequence[QuizItem]) -> RenderableType:
    """The items in the order given, one table per kind under its title: id, what the
    item is about (area or measure, when there is one), whether it is in the short
    quiz, and its text. Where the text would get fewer than TEXT_WIDTH columns, the
    kind's items are listed as blocks instead: id and facts, then the text indented."""
    from mktcareers.models import RIASEC_NAMES

    kinds = list(dict.fromkeys(item.kind for item in items))
    parts: list[RenderableType] = []
    for kind in kinds:
        chosen = [item for item in items if item.kind == kind]
        about = [RIASEC_NAMES.get(_about(item), _about(item)) for item in chosen]
        listed = table()
        listed.add_column("Id", no_wrap=True)
        has_about = any(about)
        if has_about:
            listed.add_column("Area" if kind == "interest" else "About", no_wrap=True)
        listed.add_column("Short", no_wrap=True)
        listed.add_column("Text", ratio=1, min_width=TEXT_WIDTH)
        blocks = []
        for item, topic in zip(chosen, about, strict=True):
            short = "yes" if item.short else ""
            listed.add_row(
                text(item.id), *([text(topic)] if has_about else []), short, text(item.text)
            )
            head = text(item.id, style="bold")
            facts = [fact for fact in (topic, "short quiz" if item.short else "") if fact]
            if facts:
                head.append("  " + ", ".join(facts), style="dim")
            blocks += [head, indent(text(item.text), 4)]
        if parts:
            parts.append(text())
        parts.append(text(KIND_TITLES.get(kind, kind), style="bold"))
        # Measured by Rich: the table's narrowest, with TEXT_WIDTH for the text.
        parts.append(Either(listed, group(*blocks)))
    return group(*parts)


def quiz_item(item: QuizItem) -> dict:
    """One quiz item, for `quiz items`."""
    return pick(item, "id", "kind", "area", "measures", "skill", "short", "text", "scale")


# ------------------------------------------------------------------ results record


def quiz_result_record(result: QuizResult, completed: str) -> dict:
    """Quiz results as a record: when the quiz was completed (ISO 8601, UTC), the
    profile (area -> 1-7), the Holland code, a note on what it does not say by itself
    (areas unanswered, fewer letters, ties) and the ties (scoring.holland_ties), the
    status, your job zone (1-5, None unasked) and the best matches with why (fit 0-100, interest_r a
    Pearson r, preferences and readiness 0-1, the role's job_zone and whether it is a
    stretch from yours). It is what json and yaml write and what `quiz results` reads."""
    from mktcareers.quiz.reasons import DISCLAIMER, interest_match, reasons, weak_note
    from mktcareers.quiz.scoring import WEIGHTS

    return {
        "completed": completed,
        "profile": {
            area: None if value is None else round(value, 2)
            for area, value in result.profile.items()
        },
        "holland_code": result.holland_code,
        "holland_note": result.holland_note,
        "holland_ties": result.holland_ties,
        "status": result.status,
        "message": result.message,
        "weak_match_note": weak_note(result.matches),
        "answered": result.answered,
        "asked": result.asked,
        "job_zone": result.job_zone,
        "matches": [
            {
                "slug": match.role.slug,
                "title": match.role.title,
                "fit": match.fit,
                "interest_match": interest_match(match.correlation),
                "interest_r": None if match.correlation is None else round(match.correlation, 3),
                "preferences": None if match.preferences is None else round(match.preferences, 3),
                "readiness": None if match.readiness is None else round(match.readiness, 3),
                "job_zone": match.job_zone,
                "stretch": match.stretch,
                "reasons": reasons(match, result.job_zone),
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


def _code_names(code: str) -> str:
    from mktcareers.models import RIASEC_NAMES

    return ", ".join(RIASEC_NAMES.get(area, area) for area in code)


def _gap(gap: dict) -> str:
    have = "not rated" if gap["have"] is None else f"you {gap['have']}"
    return f"{gap['name']} (needs {gap['need']}, {have})"


def _headline(match: dict) -> str:
    """The words after a match's title: its fit, how its interests match, a stretch."""
    from mktcareers.quiz.reasons import INTEREST_WORDS

    words = [f"fit {match['fit']}/100"]
    if match["interest_match"] in INTEREST_WORDS:
        words.append(INTEREST_WORDS[match["interest_match"]].removeprefix("your "))
    if match["stretch"]:
        words.append("a stretch")
    return ", ".join(words)


def completed_words(completed: str) -> str:
    """'2026-11-30 16:02 UTC' for an ISO 8601 UTC time; the text itself if it is not one."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(completed).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return completed


# ------------------------------------------------------------------ results view


def _hanging_bullets(lines: Sequence[str]) -> RenderableType:
    """One bullet per line; a line that wraps continues under its text, not its bullet."""
    listed = grid()
    listed.add_column(no_wrap=True)
    listed.add_column()
    for line in lines:
        listed.add_row(bullet_mark(), text(line))
    return listed


def quiz_result(record: dict) -> Group:
    """The results record (quiz_result_record) as panels: the profile with the Holland
    code, then the matches with why, then the disclaimer and when it was completed."""
    code = text()
    code.append("Your Holland code: ", style="bold")
    holland = record["holland_code"]
    code.append(f"{holland} ({_code_names(holland)})" if holland else "none")
    profile_parts: list[RenderableType] = [riasec_bars(record["profile"], 1), code]
    if record["holland_note"]:
        profile_parts.append(text(record["holland_note"], style="dim"))
    profile_parts.append(
        text(f"You answered {record['answered']} of {record['asked']} items.", style="dim")
    )
    parts: list[RenderableType] = [panel("Your interest profile (1-7)", group(*profile_parts))]
    if record["message"]:
        parts.append(panel("No ranking", text(record["message"])))
    else:
        body: list[RenderableType] = []
        if record["weak_match_note"]:
            body += [text(record["weak_match_note"], style="yellow"), text()]
        for rank, match in enumerate(record["matches"], start=1):
            # The rank in a column of its own: a title that wraps stays under the title.
            head = grid(padding=0)
            head.add_column(no_wrap=True, width=3)
            head.add_column()
            title = text(match["title"], style="bold").append("  ")
            head.add_row(text(f"{rank}.", style="bold"), title.append(text(match["slug"], "cyan")))
            body.append(head)
            body.append(indent(text(_headline(match)), 3))
            lines = list(match["reasons"])
            if match["skills_to_build"]:
                skills = ", ".join(_gap(gap) for gap in match["skills_to_build"])
                lines.append(f"Skills to build first: {skills}")
            body.append(indent(_hanging_bullets(lines), 3))
            body.append(text())
        first = record["matches"][0]["slug"] if record["matches"] else "SLUG"
        body.append(
            text(
                f"Next: mktcareers role show {first}\n"
                f'      mktcareers path "YOUR JOB TITLE" {first}',
                style="dim",
            )
        )
        parts.append(panel("Roles that fit you best", group(*body)))
    parts.append(text(record["disclaimer"], style="dim"))
    parts.append(
        text(
            f"Completed {completed_words(record['completed'])}; "
            "see it again with: mktcareers quiz results",
            style="dim",
        )
    )
    return group(*parts)


# ------------------------------------------------------------------ files and formats


def quiz_result_rows(record: dict) -> list[dict]:
    """The results as CSV rows: one per match (rank, the match's numbers and words,
    reasons and skills to build joined by '; '), each with the Holland code and the
    profile, so a row stands alone; one row without a match when there is no ranking."""
    shared = {
        "completed": record["completed"],
        "holland_code": record["holland_code"],
        "job_zone_yours": record["job_zone"],
        "profile": record["profile"],
    }
    rows = []
    for rank, match in enumerate(record["matches"], start=1):
        row = {"rank": rank}
        row.update({key: value for key, value in match.items() if key != "skills_to_build"})
        row["job_zone_role"] = row.pop("job_zone")
        row["skills_to_build"] = [_gap(gap) for gap in match["skills_to_build"]]
        rows.append({**row, **shared})
    return rows or [{**shared, "status": record["status"], "message": record["message"]}]


# Inline Markdown: what makes code, emphasis, links, HTML, table cells or strike-through;
# at a line's start also what makes a heading, a list or a quote.
_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|~"})
_LINE_START_SPECIAL = "#+-=>"


def _md(value: object) -> str:
    """Knowledge-base or user text as inert Markdown: no formula start, no control
    character (formats.safe_cell), and Markdown's punctuation escaped, on one line."""
    from mktcareers.views.formats import safe_cell

    escaped = safe_cell(value).replace("\n", " ").translate(_MARKDOWN_SPECIAL)
    return "\\" + escaped if escaped.startswith(tuple(_LINE_START_SPECIAL)) else escaped


def quiz_report_md(record: dict) -> str:
    """The results as a Markdown report a person reads: the profile (a table), the
    Holland code, then each match with its fit, why and the skills to build."""
    from mktcareers.models import RIASEC, RIASEC_NAMES
    from mktcareers.views.formats import render

    lines = ["# Your mktcareers quiz results", ""]
    lines += [f"Completed {_md(completed_words(record['completed']))}.", ""]
    lines += ["## Your interest profile", ""]
    profile = [
        {"area": f"{area} {RIASEC_NAMES[area]}", "score (1-7)": record["profile"].get(area)}
        for area in RIASEC
    ]
    lines += [render(profile, OutputFormat.md).rstrip("\n"), ""]
    holland = record["holland_code"]
    code = f"{_md(holland)} ({_md(_code_names(holland))})" if holland else "none"
    lines.append(f"**Your Holland code:** {code}")
    if record["holland_note"]:
        lines += ["", _md(record["holland_note"])]
    lines += ["", f"You answered {record['answered']} of {record['asked']} items.", ""]
    if record["message"]:
        lines += ["## No ranking", "", _md(record["message"]), ""]
    else:
        lines += ["## Roles that fit you best", ""]
        if record["weak_match_note"]:
            lines += [f"> {_md(record['weak_match_note'])}", ""]
        for rank, match in enumerate(record["matches"], start=1):
            lines += [f"### {rank}. {_md(match['title'])} (`{match['slug']}`)", ""]
            headline = _md(_headline(match))
            lines += [headline[:1].upper() + headline[1:] + ".", ""]
            lines += [f"- {_md(reason)}" for reason in match["reasons"]]
            if match["skills_to_build"]:
                lines += ["", "Skills to build first:", ""]
                lines += [f"- {_md(_gap(gap))}" for gap in match["skills_to_build"]]
            lines += ["", f"More: `mktcareers role show {match['slug']}`", ""]
    lines += [f"*{_md(record['disclaimer'])}*", ""]
    return "\n".join(lines)


def quiz_result_text(record: dict, fmt: OutputFormat) -> str:
    """The results record in a machine format: json and yaml the record itself, csv
    one row per match (quiz_result_rows), md a readable report (quiz_report_md)."""
    from mktcareers.views.formats import render

    if fmt is OutputFormat.json or fmt is OutputFormat.yaml:
        return render(record, fmt)
    if fmt is OutputFormat.csv:
        return render(quiz_result_rows(record), fmt)
    if fmt is OutputFormat.md:
        return quiz_report_md(record)
    if fmt is OutputFormat.table:
        raise ValueError("a table is shown, not written: use quiz_result")
    assert_never(fmt)
