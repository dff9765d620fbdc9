"""Read a quiz answers file: a YAML or JSON mapping of item id -> answer 1..5.

Read with the same safe, line-aware reader as the knowledge base, so every
problem names the file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

from mktcareers.kb import yamldoc
from mktcareers.kb.fields import INVALID, format_path
from mktcareers.models import Quiz
from mktcareers.quiz.items import check_answers

# The key a line of a flat mapping holds ("  id: 3" -> "id"), tabs and spaces before it.
_OWN_KEY = re.compile(r"^[ \t]*([^\s#'\"\[\]{}&*!|>%@`-][^:#]*?)[ \t]*:(?:\s|$)")
STDIN = "-"
STDIN_NAME = "standard input"


class AnswersError(Exception):
    """The answers file cannot be used; `problems` lists each reason as file:line: message.

    `about_items` is True when the file was read and parsed but names an unknown item
    or gives a wrong answer (the item list helps then), False when the file itself
    cannot be read or is not valid YAML/JSON."""

    def __init__(self, problems: list[str], about_items: bool = False) -> None:
        self.problems = problems
        self.about_items = about_items
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
        raise AnswersError([f"{name}: is a folder, not a file"]) from None
    except OSError as error:
        raise AnswersError([f"{name}: cannot read file: {error.strerror or error}"]) from None
    except yamldoc.YamlDocError as error:
        raise AnswersError([_syntax(name, error, lambda: _lines_of(path))]) from None
    return _checked(name, document, quiz)


def read_answers_text(raw: bytes, quiz: Quiz, name: str = STDIN_NAME) -> dict[str, int]:
    """The answers in `raw`, YAML or JSON bytes read from somewhere other than a file
    (standard input), checked as read_answers checks a file's; AnswersError naming
    `name`. At most yamldoc.MAX_FILE_BYTES are accepted."""
    if len(raw) > yamldoc.MAX_FILE_BYTES:
        raise AnswersError([f"{name}: over {yamldoc.MAX_FILE_BYTES:,} bytes, the limit"])
    try:
        text = yamldoc._text(raw)  # the byte-order marks files may start with, as for files
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise AnswersError([f"{name}:{line}: not UTF-8 text"]) from None
    try:
        document = yamldoc.parse(text)
    except yamldoc.YamlDocError as error:
        raise AnswersError([_syntax(name, error, text.splitlines)]) from None
    return _checked(name, document, quiz)


def _lines_of(path: Path | str) -> list[str]:
    """The file's lines, for naming the key of a line with a syntax error; [] when it
    cannot be read again."""
    from mktcareers.kb.safefile import read_regular

    try:
        return read_regular(path, yamldoc.MAX_FILE_BYTES).decode("utf-8", "replace").splitlines()
    except (OSError, ValueError):
        return []


def _syntax(name: str, error: yamldoc.YamlDocError, lines) -> str:
    """A YAML syntax error as file:line: key: message. An answers file is a flat
    mapping, so the key named is the one on the line itself, if any (the reader's
    guess from indentation would join keys a stray indent put under another)."""
    where = f"{name}:{error.line}" if error.line else name
    field = ""
    if error.line:
        text = lines()
        found = _OWN_KEY.match(text[error.line - 1]) if error.line <= len(text) else None
        field = f"{found.group(1).strip()}: " if found else ""
    return f"{where}: {field}{error.message}"


def _checked(name: str, document: yamldoc.Document, quiz: Quiz) -> dict[str, int]:
    """The answers in a parsed document, checked against `quiz`; AnswersError."""
    if document.data is None:
        empty = "nothing was read (it is empty)" if name == STDIN_NAME else "file is empty"
        raise AnswersError([f"{name}: {empty}"])
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
        raise AnswersError(lines, about_items=bool(problems))
    return answers


def _field(path: yamldoc.Path) -> str:
    return f"{format_path(path)}: " if path else ""
