import pytest

from mktcareers.skills import resolve_skill, skill_usage, usage_counts


@pytest.mark.parametrize(
    ("query", "skill_id", "suggestions"),
    [
        ("python", "python", ()),
        ("Web Analytics", "web-analytics", ()),
        ("Search engine optimisation", "seo", ()),
        ("pyhton", None, ("python",)),
        ("copywritng", None, ("copywriting",)),
        ("zzzzqq", None, ()),
    ],
)
def test_resolve_skill(bundled, query, skill_id, suggestions):
    match = resolve_skill(query, bundled.skills)
    assert (match.skill.id if match.skill else None) == skill_id
    assert match.suggestions == suggestions


def test_usage_is_sorted_and_complete(bundled):
    uses = skill_usage("python", bundled.roles)
    expected = {role.slug for role in bundled.roles if any(s.id == "python" for s in role.skills)}
    assert {use.role.slug for use in uses} == expected
    levels = [use.level for use in uses]
    assert levels == sorted(levels, reverse=True)
    counts = usage_counts(bundled)
    assert counts["python"] == len(uses)
    assert set(counts) == set(bundled.skills)
