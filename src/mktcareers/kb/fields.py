"""Small declarative checkers for knowledge-base documents.

Each checker is called with (value, path, report) and returns the value when it
is valid or INVALID after reporting why. `report(path, message)` collects
problems so a whole file is checked in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mktcareers.names import did_you_mean

if TYPE_CHECKING:
    from mktcareers.kb.yamldoc import Path

Report = Callable[["Path", str], None]
# A value already reported: a checker's verdict, and what the YAML reader puts
# where it refused a value (yamldoc.Fault). Checkers pass it on without a word.
INVALID = object()


def _checked(check: Callable, value, path: Path, report: Report):
    return INVALID if value is INVALID else check(value, path, report)


def describe(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


@dataclass(frozen=True)
class TextField:
    max_length: int = 2000
    pattern: str | None = None
    hint: str = ""

    def __call__(self, value, path: Path, report: Report):
        if not isinstance(value, str):
            report(path, f"expected text, got {describe(value)}")
            return INVALID
        if not value.strip():
            report(path, "must not be empty")
            return INVALID
        if len(value) > self.max_length:
            report(path, f"is {len(value)} characters long; the limit is {self.max_length}")
            return INVALID
        if self.pattern and not re.fullmatch(self.pattern, value):
            report(path, f"'{value}' is not valid{': ' + self.hint if self.hint else ''}")
            return INVALID
        return value.strip()


SLUG = TextField(
    max_length=60,
    pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*",
    hint="use lowercase letters, digits and single hyphens, e.g. seo-specialist",
)
ONET_CODE = TextField(max_length=10, pattern=r"\d\d-\d\d\d\d\.\d\d", hint="use the form 13-1161.01")


@dataclass(frozen=True)
class NumberField:
    low: float
    high: float
    whole: bool = False  # only whole numbers (levels, ratings, years)

    def __call__(self, value, path: Path, report: Report):
        kind = "a whole number" if self.whole else "a number"
        valid_type = int if self.whole else int | float
        if isinstance(value, bool) or not isinstance(value, valid_type):
            report(path, f"expected {kind} from {self.low} to {self.high}, got {describe(value)}")
            return INVALID
        if not self.low <= value <= self.high:
            report(path, f"{value} is out of range ({self.low}-{self.high})")
            return INVALID
        return value if self.whole else float(value)


def IntegerField(low: int, high: int) -> NumberField:
    """A whole-number checker; capitalised to read like the checker classes."""
    return NumberField(low, high, whole=True)


def boolean(value, path: Path, report: Report):
    if not isinstance(value, bool):
        report(path, f"expected true or false, got {describe(value)}")
        return INVALID
    return value


def optional_boolean(value, path: Path, report: Report):
    return value if value is None else boolean(value, path, report)


def optional_number(value, path: Path, report: Report):
    if value is None:
        return None
    return NumberField(-1e12, 1e12)(value, path, report)


def any_text(value, path: Path, report: Report):
    if not isinstance(value, str):
        report(path, f"expected text, got {describe(value)}")
        return INVALID
    return value


@dataclass(frozen=True)
class OneOf:
    choices: tuple[str, ...]

    def __call__(self, value, path: Path, report: Report):
        if value not in self.choices:
            report(path, f"'{value}' is not one of: {', '.join(self.choices)}")
            return INVALID
        return value


@dataclass(frozen=True)
class ListOf:
    item: Callable
    min_items: int = 0
    max_items: int = 500

    def __call__(self, value, path: Path, report: Report):
        if not isinstance(value, list):
            report(path, f"expected a list, got {describe(value)}")
            return INVALID
        if not self.min_items <= len(value) <= self.max_items:
            report(path, f"has {len(value)} items; expected {self.min_items} to {self.max_items}")
        items = [
            _checked(self.item, item, (*path, index), report) for index, item in enumerate(value)
        ]
        return INVALID if any(item is INVALID for item in items) else items


@dataclass(frozen=True)
class MapOf:
    key: Callable
    value: Callable

    def __call__(self, value, path: Path, report: Report):
        if not isinstance(value, dict):
            report(path, f"expected a mapping, got {describe(value)}")
            return INVALID
        result, valid = {}, True
        for key, item in value.items():
            checked_key = self.key(key, (*path, key), report)
            checked = _checked(self.value, item, (*path, key), report)
            if checked_key is INVALID or checked is INVALID:
                valid = False
            else:
                result[checked_key] = checked
        return result if valid else INVALID


@dataclass(frozen=True)
class Field:
    check: Callable
    required: bool = True


class Record:
    """A mapping with known fields; unknown and missing fields are problems."""

    def __init__(self, **fields: Field | Callable) -> None:
        self.fields = {
            name: spec if isinstance(spec, Field) else Field(spec) for name, spec in fields.items()
        }

    def __call__(self, value, path: Path, report: Report):
        if not isinstance(value, dict):
            report(path, f"expected a mapping, got {describe(value)}")
            return INVALID
        result, valid = {}, True
        for key in value:
            if key not in self.fields:
                report((*path, key), f"unknown field '{key}'{did_you_mean(key, self.fields)}")
                valid = False
        for name, spec in self.fields.items():
            if name not in value:
                if spec.required:
                    report((*path, name), "missing required field")
                    valid = False
                continue
            checked = _checked(spec.check, value[name], (*path, name), report)
            if checked is INVALID:
                valid = False
            result[name] = checked
        return result if valid else INVALID


def format_path(path: Path) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
