"""The bundled knowledge base keeps the rules its editorial content is written by
(docs/workflow.md, docs/remote-rubric.md): workflows, remote advantages and time
zones, the skills added for issue 15, collaboration tools and the entry-level role."""

import pytest

from mktcareers.kb.loading import load, validate
from mktcareers.models import WORKFLOW_STAGES
from mktcareers.search import RoleFinder

MANAGER_ROLES = (
    "digital-marketing-manager",
    "email-marketing-manager",
    "ecommerce-marketing-manager",
    "product-marketing-manager",
    "brand-manager",
    "field-marketing-manager",
    "social-media-manager",
    "community-manager",
    "it-manager",
)


def ratings(role) -> dict[str, int]:
    return {factor.id: factor.rating for factor in role.remote.factors}


def test_every_manager_role_has_a_workflow(bundled):
    managers = [role for role in bundled.roles if role.title.endswith("Manager")]
    assert {role.slug for role in managers} >= set(MANAGER_ROLES)
    assert [role.slug for role in managers if not role.workflow] == []


def test_workflows_keep_the_vocabulary_order_each_stage_once(bundled):
    order = list(WORKFLOW_STAGES)
    with_workflow = [role for role in bundled.roles if role.workflow]
    assert len(with_workflow) >= len(MANAGER_ROLES) + 5
    for role in with_workflow:
        stages = [step.stage for step in role.workflow]
        assert stages == sorted(stages, key=order.index), role.slug
        assert len(set(stages)) == len(stages) and len(stages) >= 3, role.slug
        assert all(step.note.endswith(".") for step in role.workflow), role.slug


def test_every_role_lists_two_to_four_advantages_of_defined_kinds(bundled):
    for role in bundled.roles:
        kinds = [advantage.kind for advantage in role.remote.advantages]
        assert 2 <= len(kinds) <= 4, role.slug
        assert set(kinds) <= set(bundled.rubric.advantage_kinds), role.slug


def test_advantages_follow_the_rubric_rules(bundled):
    """docs/remote-rubric.md: the ratings and score each advantage kind needs."""
    for role in bundled.roles:
        rated = ratings(role)
        kinds = {advantage.kind for advantage in role.remote.advantages}
        if "live-anywhere" in kinds:
            assert rated["no_onsite_presence"] == 4, role.slug
        if "autonomy" in kinds:
            assert rated["async_friendly"] >= 3, role.slug
        if "wider-job-market" in kinds:
            assert role.remote.score >= 70, role.slug
        if rated["no_onsite_presence"] <= 1:
            assert kinds <= {"flexibility", "no-commute", "accessibility"}, role.slug


@pytest.mark.parametrize(
    "slug",
    [
        "social-media-manager",
        "community-manager",
        "ppc-specialist",
        "seo-specialist",
        "software-developer",
        "email-marketing-manager",
        "field-marketing-manager",
        "product-marketing-manager",
        "digital-marketing-manager",
    ],
)
def test_time_zones_are_a_challenge_where_the_rubric_says(bundled, slug):
    kinds = [challenge.kind for challenge in bundled.role(slug).remote.challenges]
    assert kinds.count("time-zones") == 1


def test_adaptability_and_communication(bundled):
    adaptability = bundled.skills["adaptability"]
    assert adaptability.type == "non-technical" and adaptability.description
    levels = {
        role.slug: skill.level
        for role in bundled.roles
        for skill in role.skills
        if skill.id == "adaptability"
    }
    assert len(levels) >= 10 and set(levels.values()) <= {3, 4}
    for slug in ("digital-marketing-manager", "brand-manager", "ecommerce-marketing-manager"):
        skills = {skill.id: skill.level for skill in bundled.role(slug).skills}
        assert skills.get("communication") == 4, slug


@pytest.mark.parametrize(
    "query, tool, at_least",
    [
        ("slack", "Slack", 10),
        ("trello", "Trello", 5),
        ("google workspace", "Google Workspace", 3),
        ("microsoft teams", "Microsoft Teams", 5),
        ("zoom", "Zoom", 5),
        ("asana", "Asana", 5),
        ("notion", "Notion", 3),
    ],
)
def test_search_finds_roles_by_collaboration_tool(bundled, query, tool, at_least):
    listing = {role.slug for role in bundled.roles if tool in role.tools}
    assert len(listing) >= at_least
    hits = RoleFinder.of(bundled.roles).search(query, limit=100)
    found = {hit.role.slug for hit in hits if any(m.text == tool for m in hit.matches)}
    assert found == listing


def test_entry_level_role(bundled):
    role = bundled.role("digital-marketing-coordinator")
    assert role.beginner_friendly and role.family == "marketing"
    assert [(link.code, link.weight) for link in role.onet] == [("13-1161.00", 1.0)]
    assert "11-2011.00" in role.onet[0].reason  # why the title-matching code is not used
    derived = role.derived
    assert derived is not None and derived.pay.median and derived.job_zone
    assert role.workflow and role.remote.advantages
    assert "digital-marketing-coordinator" not in role.next_roles
    assert {"social-media-manager", "digital-marketing-manager"} <= set(role.next_roles)


def test_entry_level_role_shares_its_code_numbers(bundled):
    """A single code of weight 1.0: the role's derived pay and outlook are that code's."""
    coordinator = bundled.role("digital-marketing-coordinator").derived
    occupation = next(o for o in bundled.occupations if o.code == "13-1161.00")
    assert coordinator.pay.median == occupation.pay_median
    assert coordinator.outlook.growth_pct == occupation.growth_pct
    assert coordinator.job_zone == occupation.job_zone


def test_a_knowledge_base_without_advantages_or_workflows_still_loads(kb_dir):
    """Both are optional: knowledge bases written before them load unchanged."""
    rubric = kb_dir / "remote_rubric.yaml"
    text = rubric.read_text()
    rubric.write_text(text[: text.index("# What remote work gives")])
    for path in (kb_dir / "roles").glob("*.yaml"):
        path.write_text("\n".join(_without_blocks(path.read_text().split("\n"))))
    knowledge = validate(kb_dir)
    assert knowledge.rubric.advantage_kinds == {}
    assert all(not role.workflow and not role.remote.advantages for role in knowledge.roles)
    assert load(kb_dir).role("seo-specialist").remote.challenges


def _without_blocks(lines: list[str]) -> list[str]:
    """A role file's lines without its `workflow:` and `  advantages:` lists."""
    kept, skipping = [], None
    for line in lines:
        if line in ("workflow:", "  advantages:"):
            skipping = line.index(line.strip()) + 2  # the list items' indent
            continue
        if skipping is not None and line.startswith(" " * skipping + "- "):
            continue
        skipping = None
        kept.append(line)
    return kept
