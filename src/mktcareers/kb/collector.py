"""Read knowledge-base files and gather every problem with its file, line and field."""

from __future__ import annotations

from pathlib import Path

from mktcareers.kb import yamldoc
from mktcareers.kb.errors import Problem
from mktcareers.kb.fields import INVALID, format_path


class Collector:
    """Reads documents and gathers problems, naming files relative to `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def name(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def add(self, path: Path, line: int | None, field: str, message: str) -> None:
        self.problems.append(Problem(self.name(path), line, field, message))

    def add_at(
        self, path: Path, document: yamldoc.Document, field_path: yamldoc.Path, message: str
    ) -> None:
        """A problem with the value at `field_path` of the document read from `path`."""
        self.add(path, document.line_of(field_path), format_path(field_path), message)

    def read(
        self, path: Path, checker, max_bytes: int = yamldoc.MAX_FILE_BYTES
    ) -> tuple[object, yamldoc.Document | None]:
        """The checked data of the file at `path` (INVALID after reporting why), and
        its document when it could be parsed."""
        try:
            document = yamldoc.read(path, max_bytes)
        except FileNotFoundError:
            self.add(path, None, "", "file not found")
            return INVALID, None
        except OSError as error:
            self.add(path, None, "", f"cannot read file: {error.strerror or error}")
            return INVALID, None
        except yamldoc.YamlDocError as error:
            self.add(path, error.line, error.field, error.message)
            return INVALID, None
        if document.data is None:
            self.add(path, None, "", "file is empty")
            return INVALID, document
        for fault in document.faults:
            self.add(path, fault.line, format_path(fault.path), fault.message)
        if document.data is INVALID:
            return INVALID, document

        def report(field_path, message):
            self.add_at(path, document, field_path, message)

        return checker(document.data, (), report), document
