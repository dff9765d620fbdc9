"""Tool names: one spelling per tool in the bundled roles, `kb validate` warns about
near-duplicates (normalised comparison and rapidfuzz), and `compare` counts a tool once."""

import itertools
import json
import re

import pytest

from mktcareers.kb.loading import load
from mktcareers.kb.names_check import near_duplicate_tools, tool_near_duplicates


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Jira", "Atlassian Jira"),
        ("Confluence", "Atlassian Confluence"),
        ("Amazon Web Services", "Amazon Web Services (AWS)"),
        ("AWS", "Amazon Web Services (AWS)"),
        ("Microsoft Power BI", "Microsoft PowerBI"),
        ("HubSpot", "Hubspot"),
        ("Hootsuite", "Hootsuit"),
        ("Tableau", "Tablaeu"),
        ("Excel", "Microsoft Excel"),
        ("Séo Tool", "SEO tool"),
    ],
)
def test_near_duplicates(first, second):
    assert near_duplicate_tools(first, second) and near_duplicate_tools(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Google Ads", "Google Ads Editor"),
        ("Google Ad Manager", "Google Tag Manager"),
        ("Jira", "Jira Service Management"),
        ("Microsoft Windows", "Microsoft Windows Server"),
        ("Salesforce", "Salesforce Marketing Cloud"),
        ("Zoom", "Zoom Webinars"),
        ("Google Analytics", "Adobe Analytics"),
        ("MySQL", "PostgreSQL"),
        ("R", "Go"),
        ("Microsoft 365", "Microsoft 365 admin center"),
    ],
)
def test_different_tools(first, second):
    assert not near_duplicate_tools(first, second)


def test_the_bundled_roles_spell_each_tool_one_way(bundled, kb_dir):
    names = sorted({tool for role in bundled.roles for tool in role.tools})
    pairs = [(a, b) for a, b in itertools.combinations(names, 2) if near_duplicate_tools(a, b)]
    assert pairs == []
    assert tool_near_duplicates(bundled.roles, kb_dir) == []
    assert "Jira" in names and "Atlassian Jira" not in names


def rename_tool(kb_dir, slug: str, old: str, new: str) -> None:
    path = kb_dir / "roles" / f"{slug}.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"\n  - {old}\n" in text, (slug, old)
    path.write_text(text.replace(f"\n  - {old}\n", f"\n  - {new}\n", 1), encoding="utf-8")


RENAMES = [
    ("web-developer", "Jira", "Atlassian Jira"),
    ("software-developer", "Confluence", "Atlassian Confluence"),
    ("systems-administrator", "Amazon Web Services (AWS)", "Amazon Web Services"),
    ("social-media-manager", "Hootsuite", "Hootsuit"),
]


def test_kb_validate_warns_at_each_second_spelling(run, kb_dir):
    for slug, old, new in RENAMES:
        rename_tool(kb_dir, slug, old, new)
    result = run("kb", "validate", str(kb_dir))
    assert result.exit_code == 0  # warnings do not fail validation
    assert f"{len(RENAMES)} warnings above." in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == len(RENAMES)
    for (slug, old, new), warning in zip(RENAMES, sorted(warnings, key=_slug_order), strict=True):
        path = kb_dir / "roles" / f"{slug}.yaml"
        line = path.read_text(encoding="utf-8").splitlines().index(f"  - {new}") + 1
        assert warning.startswith(f"warning: roles/{slug}.yaml:{line}: tools["), warning
        assert f"tool '{new}' looks like tool '{old}' of role " in warning


def _slug_order(warning: str) -> int:
    slugs = [slug for slug, _, _ in RENAMES]
    return slugs.index(re.search(r"roles/([a-z-]+)\.yaml", warning).group(1))


def test_the_spelling_more_roles_use_is_the_one_kept(kb_dir):
    """Three roles say 'Atlassian Jira', more say 'Jira': each of the three is warned."""
    for slug in ("web-developer", "software-developer", "cybersecurity-analyst"):
        rename_tool(kb_dir, slug, "Jira", "Atlassian Jira")
    roles = load(kb_dir).roles
    found = tool_near_duplicates(roles, kb_dir)
    assert sorted(problem.file for problem in found) == [
        "roles/cybersecurity-analyst.yaml",
        "roles/software-developer.yaml",
        "roles/web-developer.yaml",
    ]
    assert all("'Atlassian Jira' looks like tool 'Jira'" in p.message for p in found)


def test_compare_families_counts_a_tool_once_in_any_case(run, kb_dir, bundled):
    before = json.loads(
        run("--data", str(kb_dir), "compare", "marketing", "it", "-f", "json").stdout
    )
    rename_tool(kb_dir, "web-developer", "Jira", "JIRA")
    rename_tool(kb_dir, "software-developer", "Git", "git")
    after = json.loads(
        run("--data", str(kb_dir), "compare", "marketing", "it", "-f", "json").stdout
    )
    assert after["right"]["top_tools"] == before["right"]["top_tools"]
    tools = {item["tool"]: item["share"] for item in after["right"]["top_tools"]}
    it_roles = [role for role in bundled.roles if role.family == "it"]
    with_jira = [role for role in it_roles if "Jira" in role.tools]
    assert len(with_jira) >= 5  # 'Atlassian Jira' was three of them, counted apart
    assert tools["Jira"] == pytest.approx(len(with_jira) / len(it_roles), abs=0.01)
    assert "JIRA" not in tools and "git" not in tools


def test_compare_roles_matches_tools_by_normalised_name(run, kb_dir):
    rename_tool(kb_dir, "email-marketing-manager", "HubSpot", "Hubspot")
    record = json.loads(
        run(
            "--data",
            str(kb_dir),
            "compare",
            "email-marketing-manager",
            "content-marketer",
            "--format",
            "json",
        ).stdout
    )
    assert "Hubspot" in record["shared_tools"]
    assert "Hubspot" not in record["only_left_tools"]
    assert "HubSpot" not in record["only_right_tools"]
