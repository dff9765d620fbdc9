"""`search`: each hit's record says its kind and what matched; the table reads at any width."""

import csv
import io
import json

import pytest

ROW_KEYS = {"slug", "title", "family", "score", "matches", "kind", "code", "roles"}


def test_search_json(run):
    result = run("search", "google ads", "--format", "json")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert hits[0]["slug"] == "ppc-specialist"
    assert {"field": "tool", "text": "Google Ads"} in hits[0]["matches"]
    assert all(set(hit) == ROW_KEYS for hit in hits)


def test_role_and_occupation_records_are_exact(run, bundled):
    result = run("search", "DevOps Engineer", "--limit", "1", "--format", "json")
    assert result.exit_code == 0, result.stderr
    role, occupation = json.loads(result.stdout)
    developer = bundled.role("software-developer")
    assert role == {
        "slug": "software-developer",
        "title": developer.title,
        "family": developer.family,
        "score": role["score"],
        "matches": [{"field": "alternate title", "text": "DevOps Engineer", "code": "15-1252.00"}],
        "kind": "role",
        "code": None,
        "roles": [],
    }
    assert occupation["kind"] == "occupation" and occupation["slug"] is None
    assert occupation["code"] == "15-1252.00" and occupation["title"] == "Software Developers"
    assert occupation["roles"] == ["software-developer"]
    assert occupation["matches"][0] == {
        "field": "alternate title",
        "text": "DevOps Engineer",
        "code": "15-1252.00",
    }
    assert 0 < role["score"] < occupation["score"] <= 100


@pytest.mark.parametrize(
    ("kind", "kinds"),
    [("role", {"role"}), ("occupation", {"occupation"}), ("all", {"role", "occupation"})],
)
def test_kind_option(run, kind, kinds):
    result = run("search", "writer", "--kind", kind, "-f", "json")
    assert {hit["kind"] for hit in json.loads(result.stdout)} == kinds


def test_csv_has_one_column_set_for_both_kinds(run):
    result = run("search", "media buyer", "-n", "2", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert set(rows[0]) == ROW_KEYS
    assert [row["kind"] for row in rows] == ["role", "role", "occupation", "occupation"]
    assert "public-relations-specialist" in rows[-1]["roles"] + rows[-2]["roles"]


@pytest.mark.parametrize("columns", [60, 80, 200])
def test_the_table_reads_at_any_width(run, columns):
    result = run("search", "emial marketing", "-n", "3", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    for slug in ("email-marketing-manager", "marketing-automation-specialist"):
        assert f"role {slug}" in result.stdout  # a slug is never cut
    assert "occupation 13-1161.00" in result.stdout
    assert "roles built on it:" in result.stdout
    assert "skill: Email marketing" in result.stdout


def test_the_table_names_the_code_of_a_role_s_alternate_title(run):
    result = run("search", "journalist", env={"COLUMNS": "100"})
    assert "occupation 27-3023.00 News Analysts, Reporters, and Journalists" in result.stdout
    assert "alternate title: Journalist" in result.stdout
    role = run("search", "DevOps Engineer", env={"COLUMNS": "100"})
    assert "alternate title of 15-1252.00: DevOps Engineer" in role.stdout


@pytest.mark.parametrize(
    "query, slug, certification",
    [
        ("google ads certification", "ppc-specialist", "Google Ads Search Certification"),
        ("meta certified", "social-media-manager", "Meta Certified"),
        ("ccna", "network-support-specialist", "Cisco Certified Network Associate"),
    ],
)
def test_search_shows_matched_certification(run, query, slug, certification):
    result = run("search", query, "--kind", "role", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    rows = result.stdout.split("role ")
    row = next(row for row in rows if row.startswith(slug))
    assert "certification: " in row and certification in " ".join(row.split())
