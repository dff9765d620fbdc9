"""Read a quiz answers file: a YAML or JSON mapping of item id -> answer 1..5.

Read with the same safe, line-aware reader as the knowledge base, so every
problem names the file and line.
"""

from __future__ import annotations

from pathlib import Path

from mktcareers.kb import yamldoc
from mktcareers.kb.fields import INVALID, format_path
from mktcareers.models import Quiz
from mktcareers.quiz.items import check_answers


class AnswersError(Exception):
    """The answers file cannot be used; `problems` lists each reason as file:line: message."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def read_answers(path: Path | str, quiz: Quiz) -> dict[str, int]:
    """The answers (item id -> 1-5) in the YAML or JSON file at `path`, checked against
    `quiz`; raises AnswersError listing every problem as file:line: message."""
    name = str(path)
    try:
        document = yamldoc.read(Path(path))
    except FileNotFoundError:
        raise AnswersError([f"{name}: file not found"]) from None
    except IsADirectoryError:
        raise AnswersError([f"{name}: is a directory, not a file"]) from None
    except OSError as error:
        raise AnswersError([f"{name}: cannot read file: {error.strerror or error}"]) from None
    except yamldoc.YamlDocError as error:
        where = f"{name}:{error.line}" if error.line else name
        field = f"{error.field}: " if error.field else ""
        raise AnswersError([f"{where}: {field}{error.message}"]) from None
    if document.data is None:
        raise AnswersError([f"{name}: file is empty"])
    lines = [
        f"{name}:{fault.line}: {_field(fault.path)}{fault.message}" for fault in document.faults
    ]
    data = document.data
    if isinstance(data, dict):  # a refused value is reported above, not again
        data = {key: value for key, value in data.items() if value is not INVALID}
    answers, problems = check_answers(quiz, data) if data is not INVALID else ({}, [])
    if problems or lines:
        for key, message in problems:
            line = document.line_of((key,) if key else ())
            where = f"{name}:{line}" if line else name
            lines.append(f"{where}: {key + ': ' if key else ''}{message}")
        raise AnswersError(lines)
    return answers


def _field(path: yamldoc.Path) -> str:
    return f"{format_path(path)}: " if path else ""
