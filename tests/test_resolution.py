"""resolution.resolve_name: one order for names that may be a role or an occupation
(slug or code, title or alias, alternate title, word match, then suggestions), never
a silent pick among several."""

import unicodedata

import pytest

from mktcareers.models import Occupation, RoleNames
from mktcareers.resolution import OCCUPATION, ROLE, resolve_name
from mktcareers.search import RoleFinder
from mktcareers.titles import Titles


def occupation(code: str, title: str, *alternates: str) -> Occupation:
    return Occupation(
        code=code,
        title=title,
        alternate_titles=alternates,
        job_zone=None,
        riasec=None,
        pay_median=None,
        pay_p10=None,
        pay_p90=None,
        pay_bls=None,
        growth_pct=None,
        annual_openings=None,
        outlook_bls=None,
        entry_education=None,
        teleworkable=None,
        skills={},
        knowledge={},
        gap_filled_from=(),
        technology_categories=(),
    )


def role(slug: str, title: str, *aliases: str) -> RoleNames:
    return RoleNames(slug, title, "marketing", aliases, (), ())


# Every tier has a name that a later tier also has, so the order shows.
ROLES = [
    role("copywriter", "Copywriter", "Ad Writer", "Shared Alias"),
    role("seo-specialist", "SEO Specialist", "Search Optimiser"),
    role("content-marketer", "Content Marketer", "Shared Alias"),
    role("27-3043", "A Role Named Like A Code"),
]
OCCUPATIONS = [
    occupation("27-3043.00", "Writers and Authors", "Copywriter", "Writer", "Ad Writer"),
    occupation("27-3043.05", "Poets, Lyricists and Creative Writers", "Writer"),
    occupation("27-3023.00", "News Analysts, Reporters, and Journalists", "Journalist", "SEO"),
    occupation("13-1161.00", "Market Research Analysts", "Content Marketer", "Analyst"),
    occupation("13-2011.00", "Accountants and Auditors", "Analyst"),
    occupation("13-1161.01", "Search Optimiser"),
]


def resolver(roles, occupations):
    """resolve_name over these roles and occupations, answering (ROLE, slug),
    (OCCUPATION, code) or, when it finds neither, the Resolved itself."""
    finder, titles = RoleFinder(roles), Titles.of(occupations, [])

    def resolved(name: str):
        found = resolve_name(finder, titles, name)
        if found.kind == ROLE:
            return ROLE, roles[found.position].slug
        if found.kind == OCCUPATION:
            return OCCUPATION, titles.codes[found.position]
        return found

    return resolved


@pytest.fixture(scope="module")
def resolve():
    return resolver(ROLES, OCCUPATIONS)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # 1. an exact slug, then an exact code (".00" may be left out)
        ("copywriter", (ROLE, "copywriter")),
        ("27-3043", (ROLE, "27-3043")),  # a slug beats a code
        ("27-3043.00", (OCCUPATION, "27-3043.00")),
        ("27-3023", (OCCUPATION, "27-3023.00")),
        # 2. an exact title or alias (a role's title beats its alias elsewhere)
        ("Writers and Authors", (OCCUPATION, "27-3043.00")),
        ("ad writer", (ROLE, "copywriter")),  # a role's alias beats an alternate title
        # 3. an exact alternate title
        ("journalist", (OCCUPATION, "27-3023.00")),
        ("seo", (OCCUPATION, "27-3023.00")),  # ... beats a role's word match
        # 4. every word a whole word of a role's name
        ("specialist", (ROLE, "seo-specialist")),
        ("optimiser", (ROLE, "seo-specialist")),
        ("content marketer", (ROLE, "content-marketer")),  # a role's title beats an alternate
    ],
)
def test_the_first_tier_that_finds_the_name_wins(resolve, typed, expected):
    assert resolve(typed) == expected


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [
        ("writer", ("27-3043.00 (Writers and Authors)", "27-3043.05 (Poets")),
        ("analyst", ("13-1161.00 (Market", "13-2011.00 (Accountants")),
        ("shared alias", ("copywriter (Copywriter)", "content-marketer (Content Marketer)")),
        # a role and an occupation with one name at the same tier
        ("search optimiser", ("seo-specialist (SEO Specialist)", "13-1161.01 (Search Optimiser)")),
    ],
)
def test_a_shared_name_lists_every_candidate_and_picks_none(resolve, typed, candidates):
    found = resolve(typed)
    assert found.kind == "" and found.position is None
    assert len(found.candidates) == len(candidates)
    for label, start in zip(found.candidates, candidates, strict=True):
        assert label.startswith(start)


@pytest.mark.parametrize(
    "typed",
    [
        "JOURNALIST",
        "  journalist ",
        "\uff4a\uff4f\uff55\uff52\uff4e\uff41\uff4c\uff49\uff53\uff54",  # full-width (NFKC)
        "Journalist!",
        "journ\u0061list",
    ],
)
def test_every_spelling_is_compared_after_normalisation(resolve, typed):
    assert resolve(typed) == (OCCUPATION, "27-3023.00")


def test_decomposed_accents_match_composed_ones():
    finder = RoleFinder([role("referenceur", "Référenceur")])
    index = Titles.of([occupation("11-1111.00", "Rédacteur en chef", "Rédactrice")], [])
    nfd = unicodedata.normalize("NFD", "Rédactrice")
    assert nfd != "Rédactrice"
    assert resolve_name(finder, index, nfd).kind == OCCUPATION
    found = resolve_name(finder, index, unicodedata.normalize("NFD", "RÉFÉRENCEUR"))
    assert found.kind == ROLE


def test_an_unknown_name_suggests_roles_and_occupations_alike(resolve):
    found = resolve("jurnalist")
    assert found.kind == "" and not found.candidates
    assert found.suggestions[0].startswith("27-3023.00")
    assert resolve("copywritr").suggestions[0] == "copywriter"


@pytest.mark.parametrize("typed", ["", "   ", "?!", "zzqqxxvv", "99-9999.00"])
def test_nothing_is_found_for_names_nothing_has(resolve, typed):
    found = resolve(typed)
    assert found.kind == "" and found.position is None and not found.candidates


# ------------------------------------------------------------------ other spellings of a name


@pytest.fixture(scope="module")
def spelled():
    roles = [
        role("copywriter", "Copywriter"),
        role("field-marketing-manager", "Field and Event Marketing Manager"),
        role("social-media-manager", "Social Media Manager", "Community Lead"),
    ]
    occupations = [
        occupation("43-4041.00", "Credit Clerks", "Customer Service Representative"),
        occupation("43-4051.00", "Customer Service Representatives", "CSR"),
        occupation("35-3023.00", "Fast Food Workers", "Barista"),
        occupation("35-3023.01", "Baristas"),
        occupation("29-1141.00", "Registered Nurses", "Staff Nurse"),
        occupation("43-6011.00", "Executive Secretaries", "Secretary to the Board"),
        occupation("27-3043.00", "Writers & Authors", "Journalist Writer"),
    ]
    return resolver(roles, occupations)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # a title in the singular beats another occupation's alternate title as typed
        ("Customer Service Representative", (OCCUPATION, "43-4051.00")),
        ("barista", (OCCUPATION, "35-3023.01")),
        ("registered nurse", (OCCUPATION, "29-1141.00")),
        ("executive secretary", (OCCUPATION, "43-6011.00")),  # -ies
        ("staff nurses", (OCCUPATION, "29-1141.00")),  # an alternate title, plural
        ("copywriters", (ROLE, "copywriter")),
        ("copy writer", (ROLE, "copywriter")),  # without spaces
        ("Copy-Writers", (ROLE, "copywriter")),
        ("community leads", (ROLE, "social-media-manager")),
        ("writers and authors", (OCCUPATION, "27-3043.00")),  # '&' is 'and'
        ("Writers ＆ Authors", (OCCUPATION, "27-3043.00")),  # noqa: RUF001 (full-width)
    ],
)
def test_plural_spacing_and_ampersand_spellings_resolve(spelled, typed, expected):
    assert spelled(typed) == expected


@pytest.mark.parametrize("typed", ["and", "to", "the", "of and", "help"])
def test_words_that_name_nothing_match_nothing(spelled, typed):
    found = spelled(typed)
    assert found.kind == "" and not found.candidates and not found.suggestions


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("27-3043", "27-3043.00"),
        ("273043", "27-3043.00"),  # six digits
        ("27\u20133043", "27-3043.00"),  # an en dash
        ("\uff12\uff17-\uff13\uff10\uff14\uff13", "27-3043.00"),  # full-width digits
        (" 27-3043.00 ", "27-3043.00"),
    ],
)
def test_codes_in_other_forms_resolve(spelled, typed, code):
    assert spelled(typed) == (OCCUPATION, code)
