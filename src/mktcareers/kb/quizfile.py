"""The quiz items of a knowledge base (quiz.yaml), or the bundled ones."""

from __future__ import annotations

import os
from pathlib import Path

from mktcareers.kb.collector import Collector
from mktcareers.kb.errors import KbError
from mktcareers.kb.fields import INVALID
from mktcareers.kb.location import QUIZ_FILE, bundled_dir
from mktcareers.kb.schemas import QUIZ
from mktcareers.models import RIASEC, KnowledgeBase, Quiz, QuizItem
from mktcareers.names import did_you_mean

# The scale each kind uses when an item names none.
DEFAULT_SCALES = {"interest": "like", "skill": "level", "background": "preparation"}
# The field each kind needs (a background item needs none of them).
NEEDED_FIELD = {"interest": "area", "preference": "measures", "skill": "skill", "background": None}


def load_quiz(knowledge: KnowledgeBase) -> Quiz:
    """The quiz of the knowledge base, or the bundled quiz when it has none.

    Skill items of the bundled quiz whose skill this knowledge base lacks are
    left out; in a knowledge base's own quiz they are problems.
    """
    root = Path(knowledge.root)
    own = os.path.lexists(root / QUIZ_FILE)  # a link to nowhere is read, and refused by name
    path = (root if own else bundled_dir()) / QUIZ_FILE
    collector = Collector(root if own else path.parent)
    data, document = collector.read(path, QUIZ)
    if data is INVALID:
        raise KbError(collector.problems)

    def problem(field_path, message):
        collector.add_at(path, document, field_path, message)

    scales = {name: tuple(labels) for name, labels in data["scales"].items()}
    items, seen = [], set()
    for index, item in enumerate(data["items"]):
        kind = item["kind"]
        if item["id"] in seen:
            problem(("items", index, "id"), f"duplicate id '{item['id']}'")
        seen.add(item["id"])
        needed = NEEDED_FIELD[kind]
        if kind == "background" and any(i.kind == "background" for i in items):
            problem(("items", index, "kind"), "a quiz has at most one background item")
        for name in ("area", "measures", "skill"):
            if name == needed and name not in item:
                problem(("items", index, name), f"missing required field for a {kind} item")
            elif name != needed and name in item:
                problem(("items", index, name), f"only {_kind_of(name)} items have '{name}'")
        scale = item.get("scale", DEFAULT_SCALES.get(kind))
        if scale is None:
            problem(("items", index, "scale"), f"missing required field for a {kind} item")
            continue
        if scale not in scales:
            problem(
                ("items", index, "scale"), f"unknown scale '{scale}'{did_you_mean(scale, scales)}"
            )
            continue
        skill = item.get("skill")
        if skill is not None and skill not in knowledge.skills:
            if own:
                problem(
                    ("items", index, "skill"),
                    f"unknown skill '{skill}'{did_you_mean(skill, knowledge.skills)}",
                )
            continue
        items.append(
            QuizItem(
                id=item["id"],
                kind=kind,
                text=item["text"],
                scale=scales[scale],
                area=item.get("area"),
                measures=item.get("measures"),
                skill=skill,
                short=item.get("short", False),
            )
        )
    for short in (False, True):
        chosen = [item for item in items if item.short or not short]
        missing = [area for area in RIASEC if not any(i.area == area for i in chosen)]
        if missing:
            quiz_name = "short quiz" if short else "quiz"
            problem(("items",), f"the {quiz_name} has no interest item for {', '.join(missing)}")
    if collector.problems:
        raise KbError(collector.problems)
    return Quiz(items=tuple(items), path=str(path))


def _kind_of(field_name: str) -> str:
    return {"area": "interest", "measures": "preference", "skill": "skill"}[field_name]
