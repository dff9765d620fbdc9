import random

import pytest
from rapidfuzz import fuzz

from mktcareers.models import RoleNames
from mktcareers.names import MAX_SUGGESTIONS, SUGGESTION_CUTOFF, SUGGESTION_SPREAD, normalise
from mktcareers.search import (
    ALIAS_WEIGHT,
    EXTRA_MATCH_BONUS,
    MAX_EXTRA_MATCHES,
    SEARCH_CUTOFF,
    SKILL_BASE,
    SKILL_PER_LEVEL,
    TOOL_BASE,
    TOOL_SPREAD,
    Matched,
    NameIndex,
    RoleFinder,
)


@pytest.fixture(scope="module")
def finder(bundled):
    return RoleFinder.of(bundled.roles)


def resolve_role(query, roles):
    match = RoleFinder.of(roles).resolve(query)
    return match.position, match.suggestions


def search_roles(query, roles, limit=20):
    return RoleFinder.of(roles).search(query, limit=limit)


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("seo-specialist", "seo-specialist"),
        ("seo", "seo-specialist"),
        ("SEO Analyst", "seo-specialist"),
        ("  Seo Specialist ", "seo-specialist"),
        ("ＳＥＯ－ＳＰＥＣＩＡＬＩＳＴ", "seo-specialist"),  # full-width: NFKC  # noqa: RUF001
        ("ppc", "ppc-specialist"),
        ("Copywriter", "copywriter"),
        ("marketing technologist", "marketing-technologist"),
        ("Data Scientist", "data-scientist"),
    ],
)
def test_clear_matches_resolve(bundled, query, slug):
    position, _ = resolve_role(query, bundled.roles)
    assert position is not None and bundled.roles[position].slug == slug


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
    position, suggested = resolve_role(query, bundled.roles)
    assert position is None
    assert suggested == suggestions


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


# ---------------------------------------------------------------- against the direct way
# The finder scores each distinct name once through an index. These tests check it
# against the plain definition: score every name of every role, one by one.


def name_score(query, name):
    query_words, words = normalise(query).split(), normalise(name).split()
    if not query_words or not words:
        return 0.0
    per_word = [max(fuzz.ratio(asked, word) for word in words) for asked in query_words]
    return sum(per_word) / len(per_word) - 2 * max(0, len(words) - len(query_words))


def direct_search(query, roles, limit):
    hits = []
    for role in roles:
        entries = [("title", role.title, role.title, 1.0), ("title", role.slug, role.title, 1.0)]
        entries += [("alias", alias, alias, ALIAS_WEIGHT) for alias in role.aliases]
        entries += [
            ("tool", tool, tool, TOOL_BASE + TOOL_SPREAD * (1 - n / len(role.tools)))
            for n, tool in enumerate(role.tools)
        ]
        for skill in role.skills:
            weight = SKILL_BASE + SKILL_PER_LEVEL * skill.level
            entries += [("skill", text, skill.name, weight) for text in (skill.name, skill.id)]
        best = {}
        for field, text, shown, weight in entries:
            score = name_score(query, text)
            if score >= SEARCH_CUTOFF:
                found = (field, shown)
                best[found] = max(best.get(found, 0), score * weight)
        if best:
            extra = min(MAX_EXTRA_MATCHES, len(best) - 1)
            score = round(min(100.0, max(best.values()) + EXTRA_MATCH_BONUS * extra), 1)
            matched = sorted(best, key=lambda found: -best[found])
            hits.append((role.slug, score, matched, all(f != "title" for f, _ in matched)))
    hits.sort(
        key=lambda hit: (-hit[1], hit[3], next(r.title.lower() for r in roles if r.slug == hit[0]))
    )
    return [(slug, score, matched) for slug, score, matched, _ in hits[:limit]]


def direct_suggestions(query, roles):
    """Each role at its closest name; ties go to the alphabetically first such name
    (as names.suggest orders names), then to the role listed first."""
    best = {}
    for position, role in enumerate(roles):
        scored = [
            (name_score(query, name), normalise(name))
            for name in (role.slug, role.title, *role.aliases)
        ]
        score = max(score for score, _ in scored)
        best[position] = (score, min(name for each, name in scored if each == score))
    top = max((score for score, _ in best.values()), default=0)
    kept = [
        p for p, (s, _) in best.items() if s >= SUGGESTION_CUTOFF and s >= top - SUGGESTION_SPREAD
    ]
    kept.sort(key=lambda p: (-best[p][0], best[p][1], p))
    return tuple(roles[p].slug for p in kept[:MAX_SUGGESTIONS])


def random_queries(roles, count, seed):
    """Words from the knowledge base, some with a typo, one to three at a time."""
    rng = random.Random(seed)
    words = sorted(
        {
            word
            for role in roles
            for text in (role.title, *role.aliases, *role.tools, *(s.name for s in role.skills))
            for word in normalise(text).split()
        }
    )
    queries = []
    for _ in range(count):
        chosen = rng.sample(words, rng.randint(1, 3))
        queries.append(" ".join(w if rng.random() < 0.5 else w[:-1] + "x" for w in chosen))
    return queries


def test_search_equals_the_direct_way(bundled, finder):
    for query in random_queries(bundled.roles, 60, seed=5):
        found = [
            (hit.role.slug, hit.score, [(m.field, m.text) for m in hit.matches])
            for hit in finder.search(query, limit=100)
        ]
        assert found == direct_search(query, bundled.roles, 100), query


def test_suggestions_equal_the_direct_way(bundled, finder):
    for query in random_queries(bundled.roles, 60, seed=6):
        assert finder.suggest(query) == direct_suggestions(query, bundled.roles), query


def test_index_round_trips_through_json(bundled, finder):
    """The cache stores the names and the index as plain JSON; nothing is lost."""
    import json

    names = [RoleNames(*json.loads(json.dumps(list(RoleNames.of(r))))) for r in bundled.roles]
    index = NameIndex(**json.loads(json.dumps(finder.index._asdict())))
    again = RoleFinder(names, index)
    for query in ("seo", "emial marketing", "python", "sofware develper"):
        assert again.resolve(query) == finder.resolve(query)
        assert [(h.role.slug, h.score) for h in again.search(query)] == [
            (h.role.slug, h.score) for h in finder.search(query)
        ]


def test_position_finds_exact_slugs_only(bundled, finder):
    assert bundled.roles[finder.position("seo-specialist")].slug == "seo-specialist"
    assert finder.position("SEO Specialist") is None
    assert finder.position("seo") is None
