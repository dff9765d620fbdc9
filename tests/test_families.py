import re

import pytest
import yaml
from conftest import DESIGN_ROLES

from mktcareers import families
from mktcareers.kb.loading import load
from mktcareers.models import Family
from mktcareers.names import find_named, spellings


def test_family_comparison_numbers(bundled):
    result = families.compare_families(
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
    result = families.compare_families(
        knowledge.families["marketing"], knowledge.families["it"], knowledge
    )
    return " ".join(result.verdict)


def test_verdict_follows_the_data(kb_dir):
    before = verdict_of(kb_dir)
    assert "1 of 20 marketing roles reaches the IT range" in before
    assert "the least remote is field-marketing-manager" in before
    derived_path = kb_dir / "generated" / "derived.yaml"
    derived = yaml.safe_load(derived_path.read_text())
    derived["roles"]["copywriter"]["it_overlap"]["score"] = 90
    derived_path.write_text(yaml.safe_dump(derived))
    role_path = kb_dir / "roles" / "field-marketing-manager.yaml"
    role_path.write_text(re.sub(r"rating: \d", "rating: 4", role_path.read_text()))
    after = verdict_of(kb_dir)
    assert "2 of 20 marketing roles reach the IT range" in after
    assert "copywriter (90)" in after
    assert "field-marketing-manager" not in after
    assert before != after


@pytest.mark.parametrize(
    ("query", "family_id"),
    [
        ("marketing", "marketing"),
        ("IT", "it"),
        ("information technology", "it"),
        ("Digital-Marketing", "marketing"),
        ("markting", None),
        ("", None),
    ],
)
def test_find_family(bundled, query, family_id):
    found = find_named(query, bundled.families)
    assert (found.id if found else None) == family_id


def test_family_spellings_name_every_family_by_id_and_name(bundled):
    written = spellings(bundled.families)
    assert written == {
        "marketing": "marketing",
        "Digital marketing": "marketing",
        "it": "it",
        "Information technology": "it",
    }


def test_bridges_need_no_knowledge_base(bundled):
    marketing = [role for role in bundled.roles if role.family == "marketing"]
    bridges = families.bridge_roles(marketing)
    overlaps = [bridge.it_overlap for bridge in bridges]
    assert len(bridges) == families.BRIDGE_COUNT and overlaps == sorted(overlaps, reverse=True)


def test_a_family_without_roles_cannot_be_summarised(bundled):
    empty = Family(id="empty", name="Empty", summary="No roles.", core_focus=())
    with pytest.raises(families.EmptyFamily, match="family 'empty' has no roles"):
        families.summarise_family(empty, bundled)


def test_two_families_without_it_get_no_it_verdict(design_kb):
    knowledge = load(design_kb)
    result = families.compare_families(
        knowledge.families["design"], knowledge.families["marketing"], knowledge
    )
    assert [role.slug for role in result.left.roles] == sorted(DESIGN_ROLES)
    assert result.bridges == ()
    assert not any("IT job" in line for line in result.verdict)
    assert any(line.startswith("Are visual design jobs remote?") for line in result.verdict)
