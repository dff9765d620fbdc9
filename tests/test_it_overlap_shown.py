"""Where the IT overlap's parts are shown: `role show` (JSON and words) and the bridge
panel of `compare marketing it`, whose order follows the score."""

import json

import pytest
import yaml
from msgspec.structs import replace

from mktcareers import families
from mktcareers.views.role import it_overlap_parts

PARTS = {
    "score",
    "profile_similarity",
    "tool_category_similarity",
    "role_skill_similarity",
    "shared_skills",
    "onet_score",
    "gap_filled",
}


def test_role_show_json_gives_every_part(run, bundled):
    for role in bundled.roles:
        result = run("role", "show", role.slug, "--format", "json")
        assert result.exit_code == 0, role.slug
        detail = json.loads(result.stdout)["it_overlap_detail"]
        overlap = role.derived.it_overlap
        assert set(detail) == PARTS
        assert detail["score"] == overlap.score == role.it_overlap
        assert detail["role_skill_similarity"] == overlap.role_skill_similarity
        assert detail["onet_score"] == overlap.onet_score
        assert detail["shared_skills"] == list(overlap.shared_skills)
        assert set(detail["shared_skills"]) <= {skill.id for skill in role.skills}


def test_role_view_says_where_the_score_comes_from(run, bundled):
    shown = 0
    for role in bundled.roles:
        overlap = role.derived.it_overlap
        words = it_overlap_parts(role)
        assert f"{overlap.profile_similarity:+.2f}" in words
        assert f"{overlap.tool_category_similarity:.0%}" in words
        assert f"{overlap.role_skill_similarity:.0%}" in words
        for name in role.skill_names(overlap.shared_skills):
            assert name in words, (role.slug, name)
        shown += bool(overlap.shared_skills)
    assert shown
    role = bundled.role("seo-specialist")
    for columns in ("40", "80", "200"):
        result = run("role", "show", role.slug, env={"COLUMNS": columns})
        flat = " ".join(result.stdout.replace("\u2502", " ").split())  # panel sides out
        assert f"IT overlap {role.it_overlap}/100 from" in flat, columns
        # one family besides IT: it is named, not "the other families"
        assert " ".join(it_overlap_parts(role, ["digital marketing"]).split()) in flat, columns
        assert "other families" not in flat and " alike the IT" not in flat


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"role_skill_similarity": 0.0, "shared_skills": ()}, "share no technical skill"),
        ({"role_skill_similarity": None, "shared_skills": ()}, "not scored"),
        ({"profile_similarity": 0.05}, "halfway between IT and the other families"),
        ({"profile_similarity": 0.4}, "closer to IT than to the other families"),
    ],
)
def test_role_view_words_follow_the_parts(bundled, change, expected):
    role = bundled.role("seo-specialist")
    overlap = replace(role.derived.it_overlap, **change)
    changed = replace(role, derived=replace(role.derived, it_overlap=overlap))
    assert expected in it_overlap_parts(changed)


def _check_bridges(bridges, roles):
    """Bridge order follows the score: highest first, and no role left out scores higher."""
    scores = [bridge.it_overlap for bridge in bridges]
    assert scores == sorted(scores, reverse=True)
    assert [bridge.it_overlap for bridge in bridges] == [b.role.it_overlap for b in bridges]
    chosen = {bridge.role.slug for bridge in bridges}
    rest = [role.it_overlap for role in roles if role.slug not in chosen]
    assert len(bridges) == min(families.BRIDGE_COUNT, len(roles))
    assert not rest or max(rest) <= min(scores)


def test_bridge_panel_ranks_by_the_score(run, bundled):
    data = json.loads(run("compare", "marketing", "it", "--format", "json").stdout)
    bridges = data["bridge_roles"]
    marketing = {role.slug: role for role in bundled.roles if role.family == "marketing"}
    scores = [bridge["it_overlap"] for bridge in bridges]
    assert scores == sorted(scores, reverse=True)
    assert all(marketing[b["slug"]].it_overlap == b["it_overlap"] for b in bridges)
    left_out = [
        role.it_overlap
        for slug, role in marketing.items()
        if slug not in {bridge["slug"] for bridge in bridges}
    ]
    assert left_out and max(left_out) <= min(scores)
    for bridge in bridges:
        role = marketing[bridge["slug"]]
        assert bridge["it_skills"] == list(role.skill_names(role.derived.it_overlap.shared_skills))


def test_bridge_order_follows_any_scores(bundled):
    """Give the marketing roles other scores (reversed, then rotated): the bridges follow."""
    marketing = [role for role in bundled.roles if role.family == "marketing"]
    ranked = sorted(marketing, key=lambda role: role.it_overlap)
    for order in (ranked, ranked[3:] + ranked[:3]):
        rescored = [
            replace(
                role,
                derived=replace(
                    role.derived, it_overlap=replace(role.derived.it_overlap, score=100 - rank)
                ),
            )
            for rank, role in enumerate(order)
        ]
        bridges = families.bridge_roles(rescored)
        _check_bridges(bridges, rescored)
        assert [bridge.role.slug for bridge in bridges] == [
            role.slug for role in order[: families.BRIDGE_COUNT]
        ]


def test_derived_numbers_made_before_the_own_skills_part_still_load(run, kb_dir):
    """A knowledge base whose derived.yaml predates the own-skills part loads; the view
    says that part is not scored."""
    path = kb_dir / "generated" / "derived.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    for role in document["roles"].values():
        for key in ("role_skill_similarity", "shared_skills", "onet_score"):
            del role["it_overlap"][key]
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    env = {"MKTCAREERS_DATA": str(kb_dir), "COLUMNS": "200"}
    result = run("role", "show", "seo-specialist", "--format", "json", env=env)
    assert result.exit_code == 0, result.output
    detail = json.loads(result.stdout)["it_overlap_detail"]
    assert detail["role_skill_similarity"] is None and detail["shared_skills"] == []
    shown = run("role", "show", "seo-specialist", env=env)
    assert "own skills not scored" in " ".join(shown.stdout.replace("\u2502", " ").split())
