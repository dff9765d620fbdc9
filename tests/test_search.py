import pytest

from mktcareers.search import Matched, resolve_role, search_roles


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


@pytest.mark.parametrize(
    ("query", "first", "also"),
    [
        ("emial marketing", "email-marketing-manager", ["marketing-automation-specialist"]),
        ("google ads", "ppc-specialist", ["digital-marketing-manager"]),
        ("python", "data-scientist", ["software-developer", "marketing-data-analyst"]),
        ("seo", "seo-specialist", ["content-marketer"]),
        ("SEO Analyst", "seo-specialist", []),
        ("figma", "ux-ui-designer", ["graphic-designer"]),
        ("social media", "social-media-manager", ["community-manager"]),
        ("cybersecurty", "cybersecurity-analyst", []),
    ],
)
def test_search_finds_and_ranks(bundled, query, first, also):
    hits = search_roles(query, bundled.roles)
    slugs = [hit.role.slug for hit in hits]
    assert slugs[0] == first, slugs
    assert set(also) <= set(slugs)
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_says_what_matched(bundled):
    hits = search_roles("google ads", bundled.roles)
    assert Matched("tool", "Google Ads") in hits[0].matches
    python = search_roles("python", bundled.roles)
    assert all(any(m.text == "Python" for m in hit.matches) for hit in python)
    assert "Google Docs" not in {m.text for hit in hits for m in hit.matches}


def test_search_nothing_and_limit(bundled):
    assert search_roles("zzzzqqq", bundled.roles) == []
    assert len(search_roles("marketing", bundled.roles, limit=3)) == 3
