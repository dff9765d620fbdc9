"""Shared fixtures. The environment is fixed before Typer or Rich is imported,
so output never depends on the terminal the tests run in."""

import os

os.environ["COLUMNS"] = "100"
os.environ["TERMINAL_WIDTH"] = "100"
os.environ["_TYPER_FORCE_DISABLE_TERMINAL"] = "1"
os.environ.pop("NO_COLOR", None)
os.environ.pop("FORCE_COLOR", None)

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mktcareers import userdata
from mktcareers.cli.app import app
from mktcareers.kb.loading import load
from mktcareers.kb.location import ENV_VAR, bundled_dir
from mktcareers.views.console import CONTINUED

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _no_user_kb(monkeypatch):
    """Tests never see a knowledge base the developer pointed at."""
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture(autouse=True)
def cache_dir(monkeypatch, tmp_path) -> Path:
    """Tests keep knowledge-base caches in a private folder, never the user's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(userdata.ENV_VARS["cache"], str(folder))
    return folder


@pytest.fixture(autouse=True)
def state_dir(monkeypatch, tmp_path) -> Path:
    """Tests keep quiz progress in a private folder, never the user's."""
    folder = tmp_path / "state"
    monkeypatch.setenv(userdata.ENV_VARS["state"], str(folder))
    return folder


@pytest.fixture(scope="session")
def bundled():
    return load(bundled_dir())


@pytest.fixture
def kb_dir(tmp_path) -> Path:
    """A private, editable copy of the bundled knowledge base."""
    target = tmp_path / "kb"
    shutil.copytree(bundled_dir(), target, ignore=shutil.ignore_patterns("raw"))
    return target


def unwrapped(said: str) -> str:
    """Messages on stderr as written before wrapping to the width: a line going on
    another (indented CONTINUED columns, views/console.wrapped) joined to it."""
    return re.sub(rf"\n {{{CONTINUED}}}(?! )", " ", said)


class Said:
    """A CliRunner result whose `stderr` is `unwrapped` (tests look for a message
    whatever the width wrapped it to); `wrapped_stderr` is what was written."""

    def __init__(self, result) -> None:
        self._result = result

    def __getattr__(self, name: str):
        return getattr(self._result, name)

    @property
    def stderr(self) -> str:
        return unwrapped(self._result.stderr)

    @property
    def wrapped_stderr(self) -> str:
        return self._result.stderr


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str, env: dict | None = None, input: str | None = None):
        result = runner.invoke(app, list(args), env=env, input=input, catch_exceptions=False)
        return Said(result)

    return invoke


# Bundled roles that the `design_kb` fixture moves into a third family.
DESIGN_ROLES = ("graphic-designer", "ux-ui-designer")


@pytest.fixture
def design_kb(kb_dir) -> Path:
    """The bundled knowledge base with a third family, `design` ("Visual design"),
    holding DESIGN_ROLES, and a fourth, `sales`, with no roles."""
    path = kb_dir / "families.yaml"
    path.write_text(
        path.read_text()
        + "  - id: design\n"
        + "    name: Visual design\n"
        + "    summary: Roles that shape how products and messages look.\n"
        + "    core_focus: [Layout and type]\n"
        + "  - id: sales\n"
        + "    name: Sales\n"
        + "    summary: Roles that sell.\n"
        + "    core_focus: [Closing deals]\n"
    )
    for slug in DESIGN_ROLES:
        role = kb_dir / "roles" / f"{slug}.yaml"
        text = role.read_text()
        changed = re.sub(r"(?m)^family: \w+$", "family: design", text, count=1)
        assert changed != text
        role.write_text(changed)
    return kb_dir
