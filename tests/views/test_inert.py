"""Text from a knowledge base can never take over the terminal: ANSI escapes,
other control characters, bidi overrides and Rich markup show as inert text in
every view and message, while machine formats keep the exact original string."""

import json

import pytest

from mktcareers.views.inert import inert

HOSTILE = (
    "Evil \x1b[31mRed\x1b[0m \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 "
    "[bold red]loud[/] [link=https://evil.example]click[/link] bell\x07 back\x08 "
    "csi\x9b31m \u202eesrever"
)
# Titles and tools have a length limit: the same tricks, shorter.
SHORT = "SEO \x1b[31mRed\x1b[0m [bold red]loud[/] bell\x07 csi\x9b31m \u202eesrever"
# What must never reach a terminal from the text above.
FORBIDDEN = ["\x1b", "\x07", "\x08", "\x9b", "\u202e"]


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar: the only way to put control characters in YAML."""
    return json.dumps(text)  # JSON string escapes are valid YAML double-quoted escapes


@pytest.fixture
def hostile_kb(kb_dir):
    path = kb_dir / "roles" / "seo-specialist.yaml"
    text = path.read_text()
    text = text.replace("title: SEO Specialist", f"title: {yaml_quoted(SHORT)}", 1)
    start = text.index("summary:")
    end = text.index("\nresponsibilities:", start)  # the summary is a folded block
    text = text[:start] + f"summary: {yaml_quoted(HOSTILE)}" + text[end:]
    text = text.replace("  - Screaming Frog SEO Spider", f"  - {yaml_quoted('Tool ' + SHORT)}")
    path.write_text(text)
    return kb_dir


def test_inert_shows_controls_as_escapes():
    assert inert("a\x1b[31mb") == "a\\x1b[31mb"
    assert inert("tab\tand\nnewline stay") == "tab\tand\nnewline stay"
    assert inert("\u202eabc\x9b") == "\\u202eabc\\x9b"
    assert inert("[bold]markup is not a control[/]") == "[bold]markup is not a control[/]"


@pytest.mark.parametrize(
    "args",
    [
        ("role", "show", "seo-specialist"),
        ("roles", "list"),
        ("search", "seo"),
        ("compare", "seo-specialist", "copywriter"),
        ("compare", "seo-specialist", "it"),
        ("path", "copywriter", "seo-specialist"),
        ("path", "seo-specialist"),
    ],
    ids=lambda args: " ".join(args),
)
def test_every_view_shows_hostile_text_inert(run, hostile_kb, args):
    result = run("--data", str(hostile_kb), *args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for character in FORBIDDEN:
        assert character not in result.output, (character, result.output)
    assert "\\x1b[31m" in result.output  # the hostile text is shown, escaped


def test_role_show_prints_markup_and_escapes_literally(run, hostile_kb):
    result = run(
        "--data", str(hostile_kb), "role", "show", "seo-specialist", env={"COLUMNS": "250"}
    )
    flat = " ".join(result.stdout.replace("│", " ").split())
    assert "[bold red]loud[/]" in flat
    assert "[link=https://evil.example]click[/link]" in flat
    assert "\\x1b[31mRed\\x1b[0m" in flat


def test_colour_on_a_terminal_adds_only_rich_styles(run, hostile_kb):
    """With colour forced, escapes appear, but only Rich's own style codes."""
    import re

    result = run(
        "--data", str(hostile_kb), "role", "show", "seo-specialist", env={"FORCE_COLOR": "1"}
    )
    assert result.exit_code == 0
    codes = re.findall(r"\x1b[^m]*m?", result.stdout)
    assert codes and all(re.fullmatch(r"\x1b\[[0-9;]*m", code) for code in codes), codes
    assert "\x1b]8" not in result.stdout  # no hyperlink from the knowledge base


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_machine_formats_keep_the_exact_text(run, hostile_kb, fmt):
    import yaml

    result = run("--data", str(hostile_kb), "role", "show", "seo-specialist", "-f", fmt)
    record = json.loads(result.stdout) if fmt == "json" else yaml.safe_load(result.stdout)
    assert record["title"] == SHORT
    assert record["summary"] == HOSTILE
    assert "Tool " + SHORT in record["tools"]


def test_messages_quoting_a_knowledge_base_are_inert(run, kb_dir):
    path = kb_dir / "roles" / "seo-specialist.yaml"
    text = path.read_text().replace("{skill: seo, level: 5}", '{skill: "x\\e[31m", level: 5}')
    path.write_text(text)
    result = run("--data", str(kb_dir), "roles", "list")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\\x1b[31m" in result.stderr
