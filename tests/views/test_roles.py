"""`roles list`: every role's summary record, and a table that never cuts a slug or a number."""

import json

import pytest

ROW_KEYS = {
    "slug",
    "title",
    "family",
    "remote_score",
    "teleworkable",
    "it_overlap",
    "pay_median",
    "job_zone",
    "growth_pct",
    "annual_openings",
    "riasec",
    "beginner_friendly",
    "onet_codes",
    "pay_socs",
    "pay_shares",
    "same_pay_as",
}


def test_roles_list_json(run, bundled):
    result = run("roles", "list", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == len(bundled.roles) >= 27
    for row in rows:
        assert set(row) == ROW_KEYS
        assert row["onet_codes"] and row["pay_median"] and row["job_zone"]
        assert set(row["riasec"]) == set("RIASEC") and row["growth_pct"] is not None
    seo = next(row for row in rows if row["slug"] == "seo-specialist")
    role = bundled.role("seo-specialist")
    assert seo == {
        "slug": "seo-specialist",
        "title": "SEO Specialist",
        "family": "marketing",
        "remote_score": role.remote.score,
        "teleworkable": True,
        "it_overlap": role.derived.it_overlap.score,
        "pay_median": role.derived.pay.median,
        "job_zone": role.derived.job_zone,
        "growth_pct": role.derived.outlook.growth_pct,
        "annual_openings": role.derived.outlook.annual_openings,
        "riasec": role.derived.riasec,
        "beginner_friendly": True,
        "onet_codes": ["13-1161.01"],
        "pay_socs": ["13-1161"],
        "pay_shares": [1.0],
        "same_pay_as": sorted(
            row["slug"]
            for row in rows
            if row["pay_socs"] == ["13-1161"] and row["pay_shares"] == [1.0]
            if row["slug"] != "seo-specialist"
        ),
    }
    # market research analysts and PPC specialists are paid from BLS's 13-1161 too
    assert {"market-research-analyst", "ppc-specialist"} <= set(seo["same_pay_as"])


def test_roles_list_table(run):
    result = run("roles", "list", "--family", "it")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any("Slug" in line and "Title" in line and "Pay" in line for line in lines)
    assert any(line.split()[:1] == ["software-developer"] for line in lines if line.strip())
    assert "seo-specialist" not in result.stdout
    assert "\x1b[" not in result.stdout  # no colour codes into a pipe


@pytest.mark.parametrize("columns", [60, 70, 80])
def test_roles_list_table_narrow_never_cuts_slugs_or_numbers(run, bundled, columns):
    result = run("roles", "list", "--sort", "pay", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= columns
    assert "…" not in result.stdout
    for role in bundled.roles:
        assert role.slug in result.stdout
        assert f"${role.pay_median:,}" in result.stdout


@pytest.mark.parametrize(
    ("columns", "family", "title_shown"),
    [("130", None, True), ("100", "it", True), ("100", None, True), ("80", None, False)],
)
def test_roles_list_titles_beside_slugs_where_they_fit(run, columns, family, title_shown):
    """Titles are the first column left out as the width shrinks; the slug stays."""
    args = ("roles", "list") if family is None else ("roles", "list", "--family", family)
    result = run(*args, env={"COLUMNS": columns})
    header = result.stdout.splitlines()[0]
    assert header.startswith("Slug")
    assert ("Title" in header) is title_shown
    assert ("Software Developer" in result.stdout) is title_shown
    assert "software-developer" in result.stdout
