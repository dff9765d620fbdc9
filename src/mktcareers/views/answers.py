"""`ask`, `questions` and the start screen (`mktcareers` alone): a question's answer,
the list of questions, and where to start, each as a Rich view, with the records
--format prints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mktcareers.views.widgets import (
    Either,
    bullets,
    grid,
    group,
    heading,
    indent,
    panel,
    table,
    text,
)

if TYPE_CHECKING:
    from rich.console import Group

    from mktcareers.questions import Answer, Question, QuestionMatch

# The start screen's question column is at least this wide, or each command goes
# under its question.
QUESTION_WIDTH = 34
# What the start screen suggests besides the questions: (command, what it does).
FIRST_COMMANDS = (
    ("mktcareers roles list", "every role, with remote score, IT overlap and pay"),
    ("mktcareers quiz", "which roles fit you"),
    ('mktcareers search "WORDS"', "roles and jobs by title, skill or tool"),
)


def ask_command(question: Question) -> str:
    """The command that answers `question`."""
    return f"mktcareers ask {question.id}"


# ------------------------------------------------------------------ one answer


def answer_view(answer: Answer) -> Group:
    """The question, its short answer and the sentences behind it, then the commands
    that go deeper."""
    body = text()
    body.append_text(heading(answer.question.text))
    body.append("\n")
    body.append(answer.short, style="bold cyan")
    body.append("\n")
    body.append_text(bullets(answer.lines))
    deeper = text("\n".join(answer.commands))
    return group(
        panel("Answer (from the knowledge base's numbers)", body), panel("Go deeper", deeper)
    )


def answer_record(answer: Answer) -> dict:
    """What `ask --format` prints: the question, the answer in words, the numbers
    behind it (`facts`) and the commands that go deeper."""
    question = answer.question
    return {
        "id": question.id,
        "topic": question.topic,
        "question": question.text,
        "short": answer.short,
        "answer": list(answer.lines),
        "facts": answer.facts,
        "commands": list(answer.commands),
    }


# ------------------------------------------------------------------ the list


def questions_view(questions: Sequence[Question], topics: dict[str, str]) -> Group:
    """Every question by topic, numbered, with the id that asks it: a table, or one
    question a line and its command under it where a table does not fit."""
    parts = []
    number = 0
    for topic, title in topics.items():
        chosen = [q for q in questions if q.topic == topic]
        if not chosen:
            continue
        rows = table()
        rows.add_column("#", justify="right", no_wrap=True)
        rows.add_column("Question", ratio=1, min_width=20)
        ids = [q.id for q in chosen]
        rows.add_column("Ask with", no_wrap=True, min_width=max(map(len, ids)))
        stacked = []
        for question in chosen:
            number += 1
            rows.add_row(str(number), text(question.text), text(question.id))
            line = text(f"{number}. ")
            line.append_text(text(question.text))
            stacked.append(line)
            stacked.append(indent(text(ask_command(question), style="dim")))
        parts.append(panel(title, Either(rows, group(*stacked))))
    hint = text('Ask in your own words too: mktcareers ask "is it an IT job"', style="dim")
    return group(*parts, hint)


def questions_rows(questions: Sequence[Question]) -> list[dict]:
    """What `questions --format` prints: one row per question, in the list's order."""
    return [
        {
            "number": number,
            "id": question.id,
            "topic": question.topic,
            "question": question.text,
            "command": ask_command(question),
            "phrasings": list(question.phrasings),
        }
        for number, question in enumerate(questions, 1)
    ]


def no_match_lines(match: QuestionMatch) -> list[str]:
    """The closest questions of a typed one that matched none, one a line with the
    command that asks it."""
    return [f"{q.text}  ({ask_command(q)})" for q, _ in match.suggestions]


# ------------------------------------------------------------------ the start screen


def start_view(questions: Sequence[Question]) -> Group:
    """`mktcareers` with no arguments: the questions people ask and the command that
    answers each, then a few commands to explore with; fits 24 lines at 80 columns
    with up to ten questions of up to 48 characters. Narrower, each command goes
    under its question."""
    title = text()
    title.append("mktcareers", style="bold")
    title.append(": digital marketing and IT careers, answered from public data.")
    commands = [ask_command(q) for q in questions]
    asked = grid(padding=2)
    # narrower than this a question wraps into a thin column: stacked reads better
    asked.add_column(ratio=1, min_width=QUESTION_WIDTH)
    asked.add_column(no_wrap=True, min_width=max(map(len, commands), default=0))
    asked.add_row(heading("Questions people ask"), heading("The command that answers"))
    stacked = [heading("Questions people ask")]
    for question, command in zip(questions, commands, strict=True):
        asked.add_row(text(question.text), text(command))
        stacked.append(text(question.text))
        stacked.append(indent(text(command, style="dim")))
    explore = grid(padding=2)
    explore.add_column(no_wrap=True)
    explore.add_column(no_wrap=True)
    stacked_explore = []
    for command, does in FIRST_COMMANDS:
        explore.add_row(text(command), text(does, style="dim"))
        stacked_explore.append(text(command))
        stacked_explore.append(indent(text(does, style="dim")))
    more = text("Every question: mktcareers questions    Every command: mktcareers --help")
    return group(
        title,
        text(),
        Either(asked, group(*stacked)),
        text(),
        heading("Explore"),
        Either(explore, group(*stacked_explore), whole=True),
        text(),
        more,
    )
