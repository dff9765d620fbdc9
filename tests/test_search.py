import random
import re

import pytest
from rapidfuzz import fuzz

from mktcareers.models import RoleNames
from mktcareers.names import (
    MAX_SUGGESTIONS,
    SUGGESTION_SPREAD,
    normalise,
    suggestion_floor,
)
from mktcareers.search import (
    ALIAS_WEIGHT,
    CERTIFICATION_WEIGHT,
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
        for certification in role.certifications:
            # the whole name, the name before "(", and each part in parentheses
            parts = {certification, certification.split("(")[0].strip()}
            parts |= {part.strip() for part in re.findall(r"\(([^()]*)\)", certification)}
            entries += [
                ("certification", part, certification, CERTIFICATION_WEIGHT)
                for part in parts
                if part
            ]
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


def suggestion_score(query, name):
    """names.spelling_scores written out: word by word without one-letter words (10
    less for each), or the whole without spaces less 10, whichever is better."""
    words = normalise(query).split()
    kept = [word for word in words if len(word) > 1]
    dropped = len(words) - len(kept)
    by_words = (
        name_score(" ".join(kept), name) - 10 * dropped
        if kept and dropped
        else name_score(query, name)
    )
    whole = fuzz.ratio(normalise(query).replace(" ", ""), normalise(name).replace(" ", "")) - 10
    return max(by_words, whole)


def direct_suggestions(query, roles):
    """Each role at its closest name; ties go to the alphabetically first such name
    (as names.suggest orders names), then to the role listed first."""
    best = {}
    for position, role in enumerate(roles):
        scored = [
            (suggestion_score(query, name), normalise(name))
            for name in (role.slug, role.title, *role.aliases)
        ]
        score = max(score for score, _ in scored)
        best[position] = (score, min(name for each, name in scored if each == score))
    top = max((score for score, _ in best.values()), default=0)
    floor = suggestion_floor(query)
    if floor is None:
        return ()
    kept = [p for p, (s, _) in best.items() if s >= floor and s >= top - SUGGESTION_SPREAD]
    kept.sort(key=lambda p: (-best[p][0], best[p][1], p))
    return tuple(roles[p].slug for p in kept[:MAX_SUGGESTIONS])


def random_queries(roles, count, seed, certifications=False):
    """Words from the knowledge base (with its certifications' words when asked), some
    with a typo, one to three at a time."""
    rng = random.Random(seed)
    words = sorted(
        {
            word
            for role in roles
            for text in (
                role.title,
                *role.aliases,
                *role.tools,
                *(s.name for s in role.skills),
                *(role.certifications if certifications else ()),
            )
            for word in normalise(text).split()
        }
    )
    queries = []
    for _ in range(count):
        chosen = rng.sample(words, rng.randint(1, 3))
        queries.append(" ".join(w if rng.random() < 0.5 else w[:-1] + "x" for w in chosen))
    return queries


def test_search_equals_the_direct_way(bundled, finder):
    for query in random_queries(bundled.roles, 60, seed=5, certifications=True):
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


# ---------------------------------------------------------------- roles and occupations
# search_all: roles by their own names and by the alternate titles of their O*NET codes,
# occupations by their titles. Small made-up knowledge bases pin the rules; the bundled
# one shows them at work on O*NET's titles.

from types import SimpleNamespace  # noqa: E402

from mktcareers.models import OnetLink  # noqa: E402
from mktcareers.names import name_scores  # noqa: E402
from mktcareers.search import (  # noqa: E402
    ALTERNATE_MAIN_BASE,
    ALTERNATE_OTHER_BASE,
    ALTERNATE_PER_SHARE,
    OCCUPATION_ALTERNATE_WEIGHT,
    search_all,
)
from mktcareers.titles import TitleMatch, Titles, title_texts  # noqa: E402


def occupation(code, title, *alternates):
    return SimpleNamespace(code=code, title=title, alternate_titles=alternates)


def made_up_role(slug, *links, aliases=()):
    """A role with no tools or skills, built on `links` ((code, weight), listed order)."""
    names = RoleNames(slug, slug.replace("-", " ").title(), "marketing", aliases, (), ())
    onet = tuple(OnetLink(code, weight, "") for code, weight in links)
    return names, SimpleNamespace(onet=onet)


OCCUPATIONS = [
    occupation("11-1111.00", "Widget Makers", "Gizmo Builder", "Widget Smith"),
    occupation("22-2222.00", "Gadget Fixers", "Gizmo Builder", "Gadget Mender"),
    occupation("33-3333.00", "Sprocket Painters", "Sprocket Artist"),
]


def made_up(*roles):
    names = [names for names, _ in roles]
    return RoleFinder(names), Titles.of(OCCUPATIONS, [links for _, links in roles])


def test_an_alternate_title_of_the_main_code_beats_one_of_a_secondary_code():
    # "Gizmo Builder" is an alternate title of both occupations; the first role is built
    # mainly on 22-2222, the second on 11-1111 with 22-2222 second at an equal weight.
    finder, titles = made_up(
        made_up_role("alpha-role", ("33-3333.00", 0.5), ("22-2222.00", 0.5)),
        made_up_role("beta-role", ("22-2222.00", 0.6), ("11-1111.00", 0.4)),
        made_up_role("gamma-role", ("33-3333.00", 0.9), ("11-1111.00", 0.1)),
    )
    found = search_all(finder, titles, "gadget mender")
    assert [hit.role.slug for hit in found.roles] == ["beta-role", "alpha-role"]
    main, secondary = found.roles
    assert main.score == pytest.approx(100 * (ALTERNATE_MAIN_BASE + ALTERNATE_PER_SHARE * 0.6))
    assert secondary.score == pytest.approx(
        100 * (ALTERNATE_OTHER_BASE + ALTERNATE_PER_SHARE * 0.5)
    )
    assert main.matches == (Matched("alternate title", "Gadget Mender", "22-2222.00"),)
    # equal weights: the first listed is the main code
    found = search_all(finder, titles, "Sprocket Artist")
    assert [hit.role.slug for hit in found.roles] == ["gamma-role", "alpha-role"]


def test_a_role_s_own_name_beats_an_alternate_title_of_its_main_code():
    finder, titles = made_up(
        made_up_role("widget-smith", ("33-3333.00", 1)),
        made_up_role("maker-role", ("11-1111.00", 1)),
    )
    found = search_all(finder, titles, "Widget Smith")
    assert [hit.role.slug for hit in found.roles] == ["widget-smith", "maker-role"]
    assert found.roles[0].matches[0] == Matched("title", "Widget Smith")


def test_occupation_rows_say_why_and_name_their_roles():
    finder, titles = made_up(
        made_up_role("beta-role", ("22-2222.00", 0.6), ("11-1111.00", 0.4)),
        made_up_role("alpha-role", ("11-1111.00", 1)),
    )
    found = search_all(finder, titles, "gizmo builder", kinds=["occupation"])
    assert found.roles == []
    assert [(hit.code, hit.roles) for hit in found.occupations] == [
        ("11-1111.00", ("beta-role", "alpha-role")),  # in role order, ties in O*NET's
        ("22-2222.00", ("beta-role",)),
    ]
    assert found.occupations[0].matches == (
        Matched("alternate title", "Gizmo Builder", "11-1111.00"),
    )
    assert found.occupations[0].score == pytest.approx(100 * OCCUPATION_ALTERNATE_WEIGHT)
    titled = search_all(finder, titles, "sprocket painters", kinds=["occupation"]).occupations
    assert titled[0].matches[0] == Matched("occupation title", "Sprocket Painters", "33-3333.00")
    assert titled[0].score == 100.0 and titled[0].roles == ()


def test_links_to_codes_without_an_occupation_are_left_out():
    finder, titles = made_up(made_up_role("lost-role", ("99-9999.00", 1)))
    assert search_all(finder, titles, "gizmo builder").roles == []


@pytest.fixture(scope="module")
def titles(bundled):
    return Titles.of(bundled.occupations, bundled.roles)


def test_titles_score_as_the_one_rule_does(bundled, titles):
    """The index finds and scores titles as names.name_scores scores every title."""
    names = [normalise(text) for text in title_texts(bundled.occupations)]
    assert names == [titles.name(entry) for entry in range(len(titles))]
    distinct = set(names)
    rng = random.Random(7)
    words = sorted({word for name in rng.sample(names, 300) for word in name.split()})
    queries = ["journalist", "emial marketing", "high school teacher", "a b c d e f"]
    for _ in range(40):
        chosen = rng.sample(words, rng.randint(1, 3))
        queries.append(" ".join(w if rng.random() < 0.6 else w[:-1] + "x" for w in chosen))
    for query in queries:
        expected = name_scores(query, distinct, SEARCH_CUTOFF)
        found = titles.scores(query, SEARCH_CUTOFF)
        assert {names[entry] for entry in found} == set(expected), query
        assert all(score == expected[names[entry]] for entry, score in found.items()), query


def test_an_entry_is_its_title_then_its_alternates(bundled, titles):
    assert len(titles) == sum(1 + len(o.alternate_titles) for o in bundled.occupations)
    first, last = bundled.occupations[0], bundled.occupations[-1]
    assert titles.name(1) == normalise(first.alternate_titles[0])
    matches = list(titles.matches(first.alternate_titles[0], 100))
    assert TitleMatch(1, 0, False, 100) in matches
    assert titles.written(TitleMatch(1, 0, False, 100)) == first.alternate_titles[0]
    assert titles.written(TitleMatch(0, 0, True, 100)) == first.title
    end = len(titles) - 1
    expected = last.alternate_titles[-1] if last.alternate_titles else last.title
    assert titles.name(end) == normalise(expected)


@pytest.mark.parametrize(
    ("query", "role", "code"),
    [
        ("DevOps Engineer", "software-developer", "15-1252.00"),
        ("Help Desk Technician", "it-support-specialist", "15-1232.00"),
        ("writer", "copywriter", "27-3043.00"),
        ("media buyer", "public-relations-specialist", "27-3031.00"),
        ("Business Intelligence Analyst", "marketing-data-analyst", "15-2051.01"),
    ],
)
def test_a_job_board_title_finds_the_role_built_on_its_occupation(
    bundled, finder, titles, query, role, code
):
    found = search_all(finder, titles, query, limit=3)
    assert found.roles[0].role.slug == role
    assert Matched("alternate title", found.roles[0].matches[0].text, code) in (
        found.roles[0].matches
    )
    assert code in [hit.code for hit in found.occupations]
    built_on = next(hit.roles for hit in found.occupations if hit.code == code)
    assert role in built_on
    assert built_on == tuple(r.slug for r in bundled.roles if code in {o.code for o in r.onet})


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("journalist", "27-3023.00"),
        ("Penetration Tester", "15-1299.04"),
        ("high school teacher", "25-2031.00"),
        ("jounralist", "27-3023.00"),  # a typo
        ("ＪＯＵＲＮＡＬＩＳＴ", "27-3023.00"),  # full width  # noqa: RUF001
        ("JOURNALİST", "27-3023.00"),  # a Turkish capital İ
        ("journa\u0301list", "27-3023.00"),  # an accent as a combining mark (NFD)
    ],
)
def test_an_occupation_is_found_by_its_titles_in_any_spelling(finder, titles, query, code):
    found = search_all(finder, titles, query, limit=3)
    assert found.occupations[0].code == code


def test_accents_and_width_are_one_spelling():
    """'Référenceur' typed in NFC, NFD, full width or without its accents is one name,
    as a role's alias and as an occupation's alternate title."""
    from unicodedata import normalize

    names, links = made_up_role("web-optimiser", ("11-1111.00", 1), aliases=("Référenceur",))
    occupations = [*OCCUPATIONS, occupation("44-4444.00", "Search Optimisers", "Référenceur")]
    finder, titles = RoleFinder([names]), Titles.of(occupations, [links])
    for typed in (
        normalize("NFC", "Référenceur"),
        normalize("NFD", "Référenceur"),
        "ＲＥＦＥＲＥＮＣＥＵＲ",  # noqa: RUF001
        "referenceur",
    ):
        found = search_all(finder, titles, typed)
        assert found.roles[0].matches[0] == Matched("alias", "Référenceur"), typed
        assert found.occupations[0].matches[0].text == "Référenceur", typed


def test_typos_still_find_roles_first_by_their_own_names(finder, titles):
    found = search_all(finder, titles, "emial marketing")
    assert found.roles[0].role.slug == "email-marketing-manager"
    assert found.occupations[0].code == "13-1161.00"
    assert "email-marketing-manager" in found.occupations[0].roles


@pytest.mark.parametrize("query", ["", "!!!", "   ", "x" * 200, "zzzzqqq"])
def test_nothing_to_find_finds_nothing(finder, titles, query):
    assert search_all(finder, titles, query) == ([], [])


def test_limit_and_kinds(finder, titles):
    found = search_all(finder, titles, "manager", limit=4)
    assert len(found.roles) == 4 and len(found.occupations) == 4
    assert search_all(finder, titles, "manager", kinds=["role"]).occupations == []
    scores = [hit.score for hit in search_all(finder, titles, "manager").occupations]
    assert scores == sorted(scores, reverse=True)


# ---------------------------------------------------------------- certifications


@pytest.mark.parametrize(
    "query, certification",
    [
        ("google ads certification", "Google Ads Search Certification (Google Skillshop)"),
        ("hubspot", "HubSpot Inbound Marketing Certification (HubSpot Academy)"),
        ("hubspot academy", "HubSpot Email Marketing Certification (HubSpot Academy)"),
        ("cissp", "Certified Information Systems Security Professional (CISSP) (ISC2)"),
        ("comptia", "CompTIA A+ (CompTIA)"),
        ("pmp", "Project Management Professional (PMP) (Project Management Institute)"),
        ("itil", "ITIL 4 Foundation (PeopleCert)"),
        ("skillshop", "Google Analytics Certification (Google Skillshop)"),
    ],
)
def test_search_finds_every_role_listing_a_certification(bundled, finder, query, certification):
    holders = {role.slug for role in bundled.roles if certification in role.certifications}
    assert holders, f"no bundled role lists {certification}"
    found = {
        hit.role.slug
        for hit in finder.search(query, limit=100)
        if Matched("certification", certification) in hit.matches
    }
    assert found == holders


def test_every_certification_finds_its_roles_by_name(bundled, finder):
    """Any certification, typed as written before its parentheses, finds each role
    that lists it, shown whole as the match."""
    certifications = {name for role in bundled.roles for name in role.certifications}
    assert len(certifications) > 30
    for certification in certifications:
        query = certification.split("(")[0]
        holders = {role.slug for role in bundled.roles if certification in role.certifications}
        found = {
            hit.role.slug
            for hit in finder.search(query, limit=100)
            if Matched("certification", certification) in hit.matches
        }
        assert found == holders, certification


def test_a_certification_match_adds_to_a_tool_match(bundled, finder):
    """A role listing HubSpot as a tool and a HubSpot certification scores above the
    same role's tool match alone: each distinct match adds a little."""
    role = bundled.role("email-marketing-manager")
    assert "HubSpot" in role.tools and any("HubSpot" in c for c in role.certifications)
    without = RoleFinder([RoleNames.of(role)._replace(certifications=())])
    with_certification = RoleFinder([RoleNames.of(role)])
    assert (
        with_certification.search("hubspot")[0].score
        == without.search("hubspot")[0].score + EXTRA_MATCH_BONUS
    )
