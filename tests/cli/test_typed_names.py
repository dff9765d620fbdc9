"""Names a person types (roles, skills, families): resolved, or exit 1 with suggestions
from one rule (names.suggest). Families come from the knowledge base, not the code."""

import json

import pytest
from conftest import DESIGN_ROLES


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["role", "show", "seo-specalist"],
            "Unknown role 'seo-specalist'. Did you mean: seo-specialist?",
        ),
        (
            ["path", "copywriter", "seo-specalist"],
            "Unknown role 'seo-specalist'. Did you mean: seo-specialist?",
        ),
        (["skill", "show", "pyhton"], "Unknown skill 'pyhton'. Did you mean: python?"),
        (
            ["compare", "markting", "it"],
            "Unknown role or family 'markting'. Did you mean: marketing",
        ),
        (
            ["roles", "list", "--family", "markting"],
            "Unknown family 'markting'. Did you mean: marketing?",
        ),
        (
            ["roles", "list", "--family", "sales"],
            "Unknown family 'sales'.\nHint: use one of: marketing, it.",
        ),
        (
            ["skill", "show", "zzzzqq"],
            "Unknown skill 'zzzzqq'.\nHint: run 'mktcareers skills list'",
        ),
    ],
)
def test_unknown_names_exit_1_with_suggestions(run, args, message):
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.stderr and result.stdout == ""


@pytest.mark.parametrize("name", ["design", "DESIGN", "Visual design", "visual-design"])
def test_roles_list_takes_any_family_of_the_knowledge_base(run, design_kb, name):
    result = run("--data", str(design_kb), "roles", "list", "--family", name, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert sorted(row["slug"] for row in json.loads(result.stdout)) == sorted(DESIGN_ROLES)


def test_roles_list_suggests_the_knowledge_bases_families(run, design_kb):
    result = run("--data", str(design_kb), "roles", "list", "--family", "desgn")
    assert result.exit_code == 1
    assert "Unknown family 'desgn'. Did you mean: design?" in result.stderr
    nothing = run("--data", str(design_kb), "roles", "list", "--family", "zzzzqq")
    assert nothing.exit_code == 1
    assert "use one of: marketing, it, design, sales." in nothing.stderr


def test_a_family_without_roles_lists_nothing(run, design_kb):
    listed = run("--data", str(design_kb), "roles", "list", "--family", "Sales", "-f", "json")
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []
    table = run("--data", str(design_kb), "roles", "list", "--family", "sales")
    assert table.exit_code == 1 and "no roles match these filters" in table.stderr


def test_compare_takes_any_family_of_the_knowledge_base(run, design_kb):
    result = run("--data", str(design_kb), "compare", "design", "marketing", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "family-family" and data["left"]["family"] == "design"
    role_first = run(
        "--data", str(design_kb), "compare", "copywriter", "Visual design", "-f", "json"
    )
    assert json.loads(role_first.stdout)["kind"] == "role-family"
    typo = run("--data", str(design_kb), "compare", "desgn", "it")
    assert typo.exit_code == 1
    assert "Unknown role or family 'desgn'. Did you mean: design" in typo.stderr


def test_compare_a_family_without_roles_is_an_error(run, design_kb):
    result = run("--data", str(design_kb), "compare", "sales", "it")
    assert result.exit_code == 1
    assert "the family 'sales' has no roles to compare" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["roles", "list"], ["compare"]])
def test_family_help_names_the_bundled_families_as_examples(run, command):
    help_text = " ".join(run(*command, "-h").stdout.split())
    assert "bundled: marketing, it" in help_text
