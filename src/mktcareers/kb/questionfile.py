"""The questions of a knowledge base (questions.yaml), or the bundled ones."""

from __future__ import annotations

import os
from pathlib import Path

from mktcareers.kb.collector import Collector
from mktcareers.kb.errors import KbError, Problem
from mktcareers.kb.fields import INVALID, SLUG, Field, ListOf, OneOf, Record, TextField, boolean
from mktcareers.kb.location import bundled_dir
from mktcareers.models import KnowledgeBase
from mktcareers.names import did_you_mean
from mktcareers.questions import (
    ANSWER_KINDS,
    DEFAULT_FAMILY,
    TOPICS,
    Question,
    phrasing_words,
)

QUESTIONS_FILE = "questions.yaml"
MAX_QUESTIONS = 200

QUESTIONS = Record(
    questions=ListOf(
        Record(
            id=SLUG,
            topic=OneOf(tuple(TOPICS)),
            text=TextField(160),
            answer=OneOf(tuple(ANSWER_KINDS)),
            family=Field(SLUG, required=False),
            role=Field(SLUG, required=False),
            start=Field(boolean, required=False),
            phrasings=Field(ListOf(TextField(160), 0, 30), required=False),
        ),
        1,
        MAX_QUESTIONS,
    )
)


def questions_path(root: Path | str) -> Path:
    """The questions file of the knowledge base at `root`, or the bundled one when it
    has none."""
    own = Path(root) / QUESTIONS_FILE
    return own if os.path.lexists(own) else bundled_dir() / QUESTIONS_FILE


def load_questions(root: Path | str) -> tuple[Question, ...]:
    """The questions of the knowledge base at `root` (its questions.yaml, else the
    bundled one), in the file's order. Needs no other file of the knowledge base, so
    the start screen shows them without compiling it. Raises KbError listing every
    problem: fields (schema above), duplicate ids, a role-* answer kind without `role`,
    a phrasing with the same words as another question's (questions.phrasing_words)."""
    path = questions_path(root)
    collector = Collector(path.parent)
    data, document = collector.read(path, QUESTIONS)
    if data is INVALID:
        raise KbError(collector.problems)
    questions, seen = [], set()
    owners: dict[tuple[str, ...], str] = {}  # a phrasing's words -> the question they ask
    for index, item in enumerate(data["questions"]):
        if item["id"] in seen:
            collector.add_at(
                path, document, ("questions", index, "id"), f"duplicate id '{item['id']}'"
            )
        seen.add(item["id"])
        for at, phrasing in [("text", item["text"]), *enumerate(item.get("phrasings", ()))]:
            words = phrasing_words(phrasing)
            owner = owners.setdefault(words, item["id"])
            if owner != item["id"]:
                field = (
                    ("questions", index, "text")
                    if at == "text"
                    else ("questions", index, "phrasings", at)
                )
                collector.add_at(
                    path, document, field, f"'{phrasing}' asks the same as question '{owner}'"
                )
        needs_role, _ = ANSWER_KINDS[item["answer"]]
        if needs_role and "role" not in item:
            collector.add_at(
                path,
                document,
                ("questions", index, "role"),
                f"missing required field for a '{item['answer']}' answer",
            )
        questions.append(
            Question(
                id=item["id"],
                topic=item["topic"],
                text=item["text"],
                answer=item["answer"],
                family=item.get("family", DEFAULT_FAMILY),
                role=item.get("role"),
                phrasings=tuple(item.get("phrasings", ())),
                start=item.get("start", False),
            )
        )
    if collector.problems:
        raise KbError(collector.problems)
    return tuple(questions)


def check_questions(knowledge: KnowledgeBase) -> list[Problem]:
    """The problems of the knowledge base's own questions.yaml (none when it has none):
    those load_questions finds, and families or roles the knowledge base lacks."""
    root = Path(knowledge.root)
    path = root / QUESTIONS_FILE
    if not os.path.lexists(path):  # a link to nowhere is read, and refused by name
        return []
    try:
        questions = load_questions(root)
    except KbError as error:
        return list(error.problems)
    slugs = [role.slug for role in knowledge.roles]
    problems = []
    for index, question in enumerate(questions):
        if question.family not in knowledge.families:
            problems.append(
                Problem(
                    QUESTIONS_FILE,
                    None,
                    f"questions[{index}].family",
                    f"unknown family '{question.family}'"
                    + did_you_mean(question.family, knowledge.families),
                )
            )
        if question.role is not None and question.role not in slugs:
            problems.append(
                Problem(
                    QUESTIONS_FILE,
                    None,
                    f"questions[{index}].role",
                    f"unknown role '{question.role}'{did_you_mean(question.role, slugs)}",
                )
            )
    return problems
