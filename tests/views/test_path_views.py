"""`path` and `occupation show`: what the panels and records say (items a tester found)."""

import io
import json

from rich.console import Console

from mktcareers.views.occupation_moves import closest_by_family


def test_role_move_has_what_changes_and_its_record(run, bundled):
    shown = run("path", "copywriter", "seo-specialist", env={"COLUMNS": "120"}).stdout
    assert "What changes" in shown
    assert "$76,910 -> $78,760 (+$1,850 a year)" in shown
    before, after = (bundled.role(slug).it_overlap for slug in ("copywriter", "seo-specialist"))
    assert "IT overlap (0-100)" in shown and f"{before} -> {after} ({after - before:+d})" in shown
    data = json.loads(run("path", "copywriter", "seo-specialist", "--format", "json").stdout)
    assert data["pay_change"] == 78_760 - 76_910
    assert data["it_overlap_change"] == after - before
    assert data["teleworkable"] == {"from": True, "to": True}


def test_onet_gaps_say_skill_or_knowledge(run):
    shown = run("path", "journalist", "data-scientist", env={"COLUMNS": "120"}).stdout
    assert "O*NET skills and knowledge to build" in shown
    rows = [line for line in shown.splitlines() if " Mathematics " in line]
    assert len(rows) == 2
    assert any(" skill " in row for row in rows) and any(" knowledge " in row for row in rows)


def test_occupation_move_says_how_it_is_measured(run):
    shown = run("path", "27-3043", "content-marketer", env={"COLUMNS": "200"}).stdout
    assert "a move between two roles compares the roles' own skills" in shown
    assert "docs/method.md" in shown


def test_alternate_titles_are_joined_by_semicolons(run):
    """Many titles hold a comma ("Naval Flight Officer, Bombardier/Navigator")."""
    data = json.loads(run("occupation", "show", "53-2011.00", "--format", "json").stdout)
    shown = run("occupation", "show", "53-2011.00", env={"COLUMNS": "200"}).stdout
    flowing = " ".join(shown.replace("│", " ").split())  # the panel's lines as one
    assert "Also called: " + "; ".join(data["alternate_titles"][:12]) in flowing


def _render(renderable, width: int = 120) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def test_closest_moves_have_one_heading_and_one_column_name_from_either_side(run):
    from_job = run("path", "27-3023", "--limit", "1", env={"COLUMNS": "120"}).stdout
    from_role = run("path", "copywriter", "--limit", "1", env={"COLUMNS": "120"}).stdout
    assert from_job.startswith("Closest moves from News Analysts, Reporters, and Journalists")
    assert from_role.startswith("Closest moves from Copywriter")
    assert "To build" in from_job and "To build" in from_role
    data = json.loads(run("path", "27-3023", "--format", "json", "--limit", "1").stdout)
    assert all("to_build" in move for move in data["moves"])
    shown = _render(closest_by_family("Journalist (27-3023.00)", {}, "h"))
    assert shown.startswith("Closest moves from Journalist (27-3023.00)")
