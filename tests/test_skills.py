import pytest

from mktcareers.names import find_named, spellings
from mktcareers.skills import skill_usage, usage_counts


@pytest.mark.parametrize(
    ("query", "skill_id"),
    [
        ("python", "python"),
        ("Web Analytics", "web-analytics"),
        ("Search engine optimisation", "seo"),
        ("pyhton", None),
        ("zzzzqq", None),
    ],
)
def test_find_skill(bundled, query, skill_id):
    found = find_named(query, bundled.skills)
    assert (found.id if found else None) == skill_id


@pytest.mark.parametrize(
    ("query", "suggestions"),
    [("pyhton", ["python"]), ("copywritng", ["copywriting"]), ("zzzzqq", [])],
)
def test_unknown_skills_get_the_closest_ids(bundled, query, suggestions):
    from mktcareers.names import suggest

    assert suggest(query, spellings(bundled.skills)) == suggestions


def test_usage_is_sorted_and_complete(bundled):
    uses = skill_usage("python", bundled.roles)
    expected = {role.slug for role in bundled.roles if any(s.id == "python" for s in role.skills)}
    assert {use.role.slug for use in uses} == expected
    levels = [use.level for use in uses]
    assert levels == sorted(levels, reverse=True)
    counts = usage_counts(bundled)
    assert counts["python"] == len(uses)
    assert set(counts) == set(bundled.skills)
