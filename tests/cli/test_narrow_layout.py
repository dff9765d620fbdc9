"""Narrow terminals, through the CLI: at 20-30 columns no value is cut with "…" (a
label goes above its value instead; only a word wider than the screen folds);
messages on stderr wrap between words to the width and read the same once joined;
the map's key explains a label shared by two families (MI8)."""

import json
import re

import pytest
from conftest import unwrapped

NARROW = (20, 24, 30)
VIEWS = [
    ("roles", "list"),
    ("role", "show", "ppc"),
    ("role", "show", "seo-specialist"),
    ("compare", "marketing", "it"),
    ("compare", "ppc", "seo-specialist"),
    ("path", "journalist", "copywriter"),
    ("path", "it-support-specialist"),
    ("search", "hubspot"),
    ("search", "analyst"),
    ("occupation", "show", "registered nurse"),
    ("skill", "show", "seo"),
    ("questions",),
    ("map",),
]


def _shown(run, args, width: int, code: int = 0):
    result = run(*args, env={"COLUMNS": str(width)})
    assert result.exit_code == code, result.output
    return result


@pytest.mark.parametrize("width", NARROW)
@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_no_value_is_cut_when_narrow(run, args, width):
    shown = _shown(run, args, width).stdout
    lines = shown.splitlines()
    assert "…" not in shown, [line for line in lines if "…" in line][:3]
    assert max(map(len, lines)) <= width


@pytest.mark.parametrize("width", NARROW)
def test_interest_scores_whole_at_any_width(run, width):
    shown = _shown(run, ("role", "show", "ppc"), width).stdout
    record = json.loads(run("role", "show", "ppc", "--format", "json").stdout)
    for value in record["riasec"].values():
        assert re.search(rf"(?<![\d.]){value:.2f}(?!\d)", shown), (value, width)


@pytest.mark.parametrize("width", (*NARROW, 40))
def test_quiz_results_when_narrow(run, tmp_path, width):
    items = json.loads(run("quiz", "items", "--format", "json").stdout)
    answers = tmp_path / "answers.yaml"
    answers.write_text("".join(f"{item['id']}: {1 + len(item['id']) % 5}\n" for item in items))
    assert run("quiz", "--answers", str(answers)).exit_code == 0
    shown = _shown(run, ("quiz", "results"), width).stdout
    record = json.loads(run("quiz", "results", "--format", "json").stdout)
    assert "…" not in shown
    assert max(map(len, shown.splitlines())) <= width
    for value in record["profile"].values():
        assert re.search(rf"(?<![\d.]){value:.1f}(?!\d)", shown), (value, width)
    folded = "".join(shown.replace("│", "").split())
    for match in record["matches"]:
        assert match["slug"] in folded


def test_search_slug_folds_only_when_wider_than_the_screen(run):
    lines = _shown(run, ("search", "hubspot"), 34).stdout.splitlines()
    assert any(line.split()[:1] == ["marketing-automation-specialist"] for line in lines)


# ------------------------------------------------------------------ stderr

MESSAGES = [
    (("occupation", "show", "journalist"), 0),  # Note: ... an O*NET alternate title
    (("occupation", "show", "teacher"), 1),  # a list of 25 candidates
    (("role", "show", "marketing"), 1),
    (("compare", "copywriter", "nosuchrole"), 1),
]


def _words_fit(line: str, width: int) -> bool:
    """Within the width, or one word wider than it (a path or slug stays whole)."""
    return len(line) <= width or len(line.split()) == 1


@pytest.mark.parametrize("width", (20, 40, 60))
@pytest.mark.parametrize(
    ("args", "code"), MESSAGES, ids=lambda v: " ".join(v) if isinstance(v, tuple) else str(v)
)
def test_messages_wrap_to_the_width(run, args, code, width):
    narrow = _shown(run, args, width, code)
    wide = _shown(run, args, 200, code)
    assert narrow.wrapped_stderr, "no message"
    lines = narrow.wrapped_stderr.splitlines()
    assert all(_words_fit(line, width) for line in lines), lines
    # wrapping adds line breaks only: joined, it reads as at 200 columns
    assert narrow.stderr == wide.stderr
    if width < 60:
        assert len(lines) > len(wide.wrapped_stderr.splitlines())


@pytest.mark.parametrize("width", (40, 80))
def test_each_problem_starts_its_own_line(run, kb_dir, width):
    for role in (kb_dir / "roles").glob("*.yaml"):  # a problem for each role
        said = re.sub(r"(?m)^family: .*$", "family: no-such-family-of-roles", role.read_text())
        role.write_text(said)
    narrow = _shown(run, ("--data", str(kb_dir), "kb", "validate"), width, 1)
    wide = _shown(run, ("--data", str(kb_dir), "kb", "validate"), 200, 1)
    said = narrow.wrapped_stderr + narrow.stdout
    assert all(_words_fit(line, width) for line in said.splitlines())
    starts = [line for line in wide.wrapped_stderr.splitlines() if not line.startswith("    ")]
    assert len(starts) > 5
    for line in starts:  # each line of the wide message begins a line when narrow
        assert any(shown.startswith(line[:12]) for shown in said.splitlines()), line
    assert unwrapped(narrow.wrapped_stderr) == wide.wrapped_stderr


# ------------------------------------------------------------------ the map's key


@pytest.mark.parametrize("width", range(50, 131, 10))
def test_map_key_explains_shared_labels(run, width):
    shown = _shown(run, ("map",), width).stdout
    mixed = set(re.findall(r"\b([A-Z]{2,})\d+\b", shown))
    for letters in mixed:
        assert re.search(rf"\b{letters}: roles of both families share the place", shown)
    if not mixed:
        assert "share the place" not in shown
