import pytest

from mktcareers.search import resolve_role


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("seo-specialist", "seo-specialist"),
        ("seo", "seo-specialist"),
        ("SEO Analyst", "seo-specialist"),
        ("  Seo Specialist ", "seo-specialist"),
        ("ppc", "ppc-specialist"),
        ("Copywriter", "copywriter"),
        ("marketing technologist", "marketing-technologist"),
        ("Data Scientist", "data-scientist"),
    ],
)
def test_clear_matches_resolve(bundled, query, slug):
    match = resolve_role(query, bundled.roles)
    assert match.role is not None and match.role.slug == slug


@pytest.mark.parametrize(
    ("query", "suggestions"),
    [
        ("seo-specalist", ("seo-specialist",)),
        ("emial marketing", ("email-marketing-manager",)),
        ("sofware develper", ("software-developer",)),
        ("cybersecurty", ("cybersecurity-analyst",)),
        ("developer", ("software-developer", "web-developer")),
        ("zzzzqqq", ()),
        ("", ()),
    ],
)
def test_typos_and_ambiguity_only_suggest(bundled, query, suggestions):
    match = resolve_role(query, bundled.roles)
    assert match.role is None
    assert match.suggestions == suggestions
