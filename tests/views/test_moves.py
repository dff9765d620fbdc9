"""`path`: the record and panels of one move, and the closest moves."""

import json


def test_cli_path_json(run):
    result = run("path", "it-support-specialist", "marketing-technologist", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["from"]["slug"] == "it-support-specialist"
    assert data["to"]["slug"] == "marketing-technologist"
    assert 0 <= data["similarity"]["score"] <= 100
    assert data["skills_to_build"]
    for item in data["skills_to_build"]:
        assert {"skill", "current_level", "target_level"} <= set(item)
        assert item["current_level"] < item["target_level"]
    assert data["certifications"] and data["getting_started"]["portfolio"]


def test_cli_path_table_and_closest(run):
    table = run("path", "copywriter", "seo")
    assert table.exit_code == 0
    assert "Skills to build" in table.stdout and "Keyword research" in table.stdout
    closest = run("path", "copywriter", "--format", "json", "--limit", "3")
    data = json.loads(closest.stdout)
    assert data["from"]["slug"] == "copywriter"
    families = [move["family"] for move in data["moves"]]
    assert families == ["marketing"] * 3 + ["it"] * 3  # the best 3 of each family
    assert run("path", "copywriter").exit_code == 0
