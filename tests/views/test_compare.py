"""`compare`: the record of each kind of comparison, and its panels."""

import json


def test_cli_compare_families_json(run):
    result = run("compare", "marketing", "it", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["kind"] == "family-family"
    assert data["left"]["family"] == "marketing" and data["right"]["family"] == "it"
    assert {"shared_skills", "shared_tools", "bridge_roles", "verdict", "similarity"} <= set(data)
    assert 0 <= data["similarity"]["score"] <= 100
    assert data["verdict"][0].startswith("Is digital marketing an IT job?")


def test_cli_compare_roles_json(run):
    data = json.loads(run("compare", "seo-specialist", "web-developer", "-f", "json").stdout)
    assert data["kind"] == "role-role"
    assert data["left"]["slug"] == "seo-specialist" and data["right"]["slug"] == "web-developer"
    assert 0 <= data["similarity"]["score"] <= 100 and data["similarity"]["method"]
    pair = next(item for item in data["shared_skills"] if item["skill"] == "html-css")
    assert set(pair) == {"skill", "name", "type", "left_level", "right_level"}


def test_cli_compare_role_family_both_orders(run):
    role_first = json.loads(run("compare", "marketing-technologist", "it", "-f", "json").stdout)
    family_first = json.loads(run("compare", "it", "marketing-technologist", "-f", "json").stdout)
    assert role_first["kind"] == "role-family" and family_first["kind"] == "family-role"
    assert role_first["left"] == family_first["right"]


def test_cli_compare_tables(run):
    families = run("compare", "marketing", "it")
    assert families.exit_code == 0
    assert "Verdict (from the numbers above)" in families.stdout
    roles = run("compare", "seo", "web-developer")
    assert roles.exit_code == 0 and "Similarity" in roles.stdout
