"""Why a knowledge base cannot be used: one Problem per fault, all raised together."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """A NamedTuple, not a dataclass: every command imports this module, and a
    dataclass costs a millisecond to define."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"


class KbError(Exception):
    """The knowledge base cannot be used; `problems` says exactly why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))
