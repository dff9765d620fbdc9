"""Where a knowledge base is, and which files make it up. Imports nothing heavy."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "MKTCAREERS_DATA"
CORE_FILES = ("families.yaml", "skills.yaml", "sources.yaml", "remote_rubric.yaml")
DERIVED_FILE = Path("generated") / "derived.yaml"
QUIZ_FILE = "quiz.yaml"


def bundled_dir() -> Path:
    """The knowledge base shipped with the package (or the repo's data/ in development)."""
    packaged = Path(__file__).resolve().parent / "data"
    if (packaged / "roles").is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def resolve_dir(option: Path | str | None = None) -> Path:
    """--data wins, then $MKTCAREERS_DATA, then the bundled knowledge base."""
    chosen = option or os.environ.get(ENV_VAR) or None
    return Path(chosen).expanduser() if chosen else bundled_dir()


def role_files(root: Path) -> list[Path]:
    """The role files of a knowledge base, sorted by name."""
    roles = root / "roles"
    try:
        with os.scandir(roles) as entries:
            names = sorted(entry.name for entry in entries if entry.name.endswith(".yaml"))
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [roles / name for name in names]


def kb_files(root: Path) -> list[Path]:
    """Every file `load` reads: the catalogues, the role files and the derived numbers."""
    return [
        *(root / name for name in CORE_FILES),
        *role_files(root),
        root / DERIVED_FILE,
    ]
