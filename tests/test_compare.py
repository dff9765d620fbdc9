import json
import re

import pytest
import yaml

from mktcareers import compare
from mktcareers.kb.loading import load
from mktcareers.similarity import pearson, similarity, skill_overlap


def test_family_comparison_numbers(bundled):
    result = compare.compare_families(
        bundled.families["marketing"], bundled.families["it"], bundled
    )
    marketing = [role for role in bundled.roles if role.family == "marketing"]
    assert len(result.left.roles) == len(marketing)
    overlaps = sorted(role.it_overlap for role in marketing)
    assert result.left.it_overlap.low == overlaps[0]
    assert result.left.it_overlap.high == overlaps[-1]
    assert result.bridges[0].role.it_overlap == overlaps[-1]
    assert all(bridge.role.family == "marketing" for bridge in result.bridges)
    assert result.shared_skills and all(skill in bundled.skills for skill in result.shared_skills)


def verdict_of(root):
    knowledge = load(root)
    result = compare.compare_families(
        knowledge.families["marketing"], knowledge.families["it"], knowledge
    )
    return " ".join(result.verdict)


def test_verdict_follows_the_data(kb_dir):
    before = verdict_of(kb_dir)
    assert "1 of 19 marketing roles reaches the IT range" in before
    assert "the least remote is field-marketing-manager" in before
    derived_path = kb_dir / "generated" / "derived.yaml"
    derived = yaml.safe_load(derived_path.read_text())
    derived["roles"]["copywriter"]["it_overlap"]["score"] = 90
    derived_path.write_text(yaml.safe_dump(derived))
    role_path = kb_dir / "roles" / "field-marketing-manager.yaml"
    role_path.write_text(re.sub(r"rating: \d", "rating: 4", role_path.read_text()))
    after = verdict_of(kb_dir)
    assert "2 of 19 marketing roles reach the IT range" in after
    assert "copywriter (90)" in after
    assert "field-marketing-manager" not in after
    assert before != after


def test_role_comparison_partitions_skills(bundled):
    left, right = bundled.role("seo-specialist"), bundled.role("web-developer")
    result = compare.compare_roles(left, right)
    shared = {pair.id for pair in result.shared_skills}
    only_left = {pair.id for pair in result.only_left}
    only_right = {pair.id for pair in result.only_right}
    assert shared | only_left == {skill.id for skill in left.skills}
    assert shared | only_right == {skill.id for skill in right.skills}
    assert not shared & only_left and not shared & only_right
    assert result.similarity == similarity(left, right)


def test_similarity_properties(bundled):
    seo, ppc, dev = (
        bundled.role(slug) for slug in ("seo-specialist", "ppc-specialist", "software-developer")
    )
    assert similarity(seo, seo).score == 100
    assert skill_overlap(seo, dev) == skill_overlap(dev, seo)
    # SEO is more like PPC than like software development.
    assert similarity(seo, ppc).score > similarity(seo, dev).score
    assert pearson([1, 1, 1], [1, 2, 3]) is None


def test_role_family_comparison(bundled):
    result = compare.compare_role_family(
        bundled.role("marketing-technologist"), bundled.families["it"], bundled
    )
    assert result.closest[0][0].family == "it"
    assert 0 <= result.similarity <= 100
    scores = [score for _, score in result.closest]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("query", "kind", "value"),
    [
        ("marketing", "family", "marketing"),
        ("Information technology", "family", "it"),
        ("seo", "role", "seo-specialist"),
        ("SEO Analyst", "role", "seo-specialist"),
    ],
)
def test_resolve_side(bundled, query, kind, value):
    side = compare.resolve_side(query, bundled)
    assert (side.family.id if kind == "family" else side.role.slug) == value


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


def test_cli_compare_unknown_side(run):
    result = run("compare", "markting", "it")
    assert result.exit_code == 1
    assert "Unknown role or family 'markting'. Did you mean: marketing" in result.stderr
    nothing = run("compare", "zzzzqq", "it")
    assert nothing.exit_code == 1 and "use a family (marketing, it)" in nothing.stderr
