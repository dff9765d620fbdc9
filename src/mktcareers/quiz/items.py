"""The quiz's items in the order they are asked, and answers checked against them."""

from __future__ import annotations

from collections.abc import Mapping

from mktcareers.models import RIASEC, Quiz, QuizItem

# Every item is answered on a five-point scale.
LOWEST, HIGHEST = 1, 5


def ordered_items(quiz: Quiz, short: bool = False) -> tuple[QuizItem, ...]:
    """The items in the order they are asked: interests taking turns by area, then
    preferences, then the background question, then skills."""
    chosen = [item for item in quiz.items if item.short or not short]
    by_area = [[item for item in chosen if item.area == area] for area in RIASEC]
    interests = [
        column[index]
        for index in range(max(map(len, by_area), default=0))
        for column in by_area
        if index < len(column)
    ]
    rest = [
        item
        for kind in ("preference", "background", "skill")
        for item in chosen
        if item.kind == kind
    ]
    return (*interests, *rest)


def check_answers(quiz: Quiz, data: object) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Answers from a mapping of item id -> 1..5, and (key, message) for each problem."""
    if not isinstance(data, Mapping):
        return {}, [("", "expected a mapping of item id to an answer from 1 to 5")]
    known = {item.id for item in quiz.items}
    answers, problems = {}, []
    for key, value in data.items():
        if key not in known:
            from mktcareers.names import did_you_mean  # only when there is something to suggest

            problems.append((str(key), f"unknown item id '{key}'{did_you_mean(key, known)}"))
        elif isinstance(value, bool) or not isinstance(value, int):
            problems.append((key, f"expected a whole number from 1 to 5, got {value!r}"))
        elif not LOWEST <= value <= HIGHEST:
            problems.append((key, f"{value} is out of range (1-5)"))
        else:
            answers[key] = value
    return answers, problems
