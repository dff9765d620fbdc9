"""Where a knowledge base is, and which files make it up. Imports nothing heavy."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "MKTCAREERS_DATA"
CORE_FILES = ("families.yaml", "skills.yaml", "sources.yaml", "remote_rubric.yaml")
DERIVED_FILE = Path("generated") / "derived.yaml"
OCCUPATIONS_FILE = Path("generated") / "occupations.json"
QUIZ_FILE = "quiz.yaml"


def bundled_dir() -> Path:
    """The knowledge base shipped with the package (or the repo's data/ in development)."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data"
    if (packaged / "roles").is_dir():
        return packaged
    return package.parents[1] / "data"


def resolve_dir(option: Path | str | None = None) -> Path:
    """--data wins, then $MKTCAREERS_DATA, then the bundled knowledge base."""
    chosen = option or os.environ.get(ENV_VAR) or None
    return Path(chosen).expanduser() if chosen else bundled_dir()


def directory_problem(root: Path) -> str | None:
    """Why `root` cannot be a knowledge base directory, in words, or None when it can:
    missing, not a directory (a file, a FIFO), a loop of symbolic links, unreadable."""
    import errno
    import stat

    try:
        info = os.stat(root)
    except FileNotFoundError:
        dangling = os.path.islink(root)
        return "knowledge base directory not found" + (" (a broken symbolic link)" * dangling)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "knowledge base path is a loop of symbolic links"
        return f"cannot open the knowledge base directory: {error.strerror or error}"
    if not stat.S_ISDIR(info.st_mode):
        return "knowledge base is not a directory"
    if not os.access(root, os.R_OK | os.X_OK):
        return "cannot read the knowledge base directory: permission denied"
    return None


def real_path(path: Path | str) -> str:
    """`path` made absolute with its symbolic links followed, as far as they go: a loop
    or a missing part is left as it is (Path.resolve raises on a loop)."""
    return os.path.realpath(os.fspath(path))


def _role_names(root: Path) -> list[str]:
    try:
        with os.scandir(Path(root) / "roles") as entries:
            return sorted(entry.name for entry in entries if entry.name.endswith(".yaml"))
    except OSError:  # missing, not a folder, a loop, unreadable: the loader says which
        return []


def role_files(root: Path) -> list[Path]:
    """The role files of a knowledge base, sorted by name."""
    roles = root / "roles"
    return [roles / name for name in _role_names(root)]


def kb_file_names(root: Path) -> list[str]:
    """Every file `load` reads, relative to `root` with '/' between folders: the
    catalogues, the role files, the derived numbers and the occupations."""
    return [
        *CORE_FILES,
        *(f"roles/{name}" for name in _role_names(root)),
        DERIVED_FILE.as_posix(),
        OCCUPATIONS_FILE.as_posix(),
    ]
