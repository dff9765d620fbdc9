"""Quiz items and scoring: hand-made answer sets with the roles they must rank first."""

import statistics

import pytest
from msgspec.structs import replace

from mktcareers.kb.loading import load
from mktcareers.kb.location import bundled_dir
from mktcareers.kb.quizfile import load_quiz
from mktcareers.models import RIASEC
from mktcareers.quiz import scoring as quiz
from mktcareers.quiz.items import check_answers, ordered_items
from mktcareers.quiz.reasons import reasons
from mktcareers.similarity import pearson

CREATIVE_MARKETING = {
    "copywriter",
    "graphic-designer",
    "public-relations-specialist",
    "content-marketer",
    "social-media-manager",
    "brand-manager",
    "community-manager",
}


@pytest.fixture(scope="module")
def items():
    return load_quiz(load(bundled_dir()))


def interests(items, liked: str, liked_value: int = 5, other_value: int = 2) -> dict:
    """Answers that like every item of the `liked` areas and are lukewarm about the rest."""
    return {
        item.id: liked_value if item.area in liked else other_value
        for item in items.items
        if item.kind == "interest"
    }


# ------------------------------------------------------------------ the items


def test_items_cover_every_area_in_both_quizzes(items):
    full = ordered_items(items)
    short = ordered_items(items, short=True)
    for area in RIASEC:
        assert sum(item.area == area for item in full) >= 6
        assert sum(item.area == area for item in short) == 2
    assert sum(item.kind == "interest" for item in full) >= 36
    assert 16 <= len(short) <= 20
    measures = {item.measures for item in short if item.kind == "preference"}
    assert measures == {"remote", "creative", "people", "code"}


def test_items_are_asked_with_areas_taking_turns(items):
    order = ordered_items(items)
    assert [item.area for item in order[:12]] == list(RIASEC) * 2
    kinds = [item.kind for item in order]
    assert kinds == sorted(kinds, key=["interest", "preference", "background", "skill"].index)
    assert kinds.count("background") == 1


def test_every_item_has_its_fields(items):
    ids = [item.id for item in items.items]
    assert len(ids) == len(set(ids))
    for item in items.items:
        assert item.text.strip() and len(item.scale) == 5
        assert (item.area is not None) == (item.kind == "interest")
        assert (item.measures is not None) == (item.kind == "preference")
        assert (item.skill is not None) == (item.kind == "skill")
    background = [item for item in items.items if item.kind == "background"]
    assert len(background) == 1 and background[0].short  # both quizzes ask it


def test_skill_items_are_skills_that_separate_roles(bundled, items):
    """The rule in data/quiz.yaml: among the 24 most varied skills, every role needs two."""
    variance = {
        skill_id: statistics.pvariance(
            [next((s.level for s in role.skills if s.id == skill_id), 0) for role in bundled.roles]
        )
        for skill_id in bundled.skills
    }
    most_varied = set(sorted(variance, key=variance.get, reverse=True)[:24])
    asked = {item.skill for item in items.items if item.kind == "skill"}
    assert asked <= most_varied
    for role in bundled.roles:
        assert len(asked & {skill.id for skill in role.skills}) >= 2, role.slug


# ------------------------------------------------------------------ profile


def test_profile_sums_per_area_and_rescales_to_one_to_seven(items):
    answers = {"a1": 5, "a2": 3, "r1": 1, "i1": 2, "s1": 3, "e1": 4, "c1": 5}
    profile = quiz.interest_profile(items, answers)
    # A: answers 5 and 3 are 4 + 2 points over two items = 3 of 4 -> 1 + 6 * 3/4.
    assert profile == {"R": 1.0, "I": 2.5, "A": 5.5, "S": 4.0, "E": 5.5, "C": 7.0}
    assert quiz.holland_code(profile) == "CAE"  # A and E tie: R-I-A-S-E-C order decides


@pytest.mark.parametrize(
    ("profile", "code", "note"),
    [
        # Only Artistic liked: R and I sit at the floor and are never letters.
        ({"R": 1.0, "I": 1.0, "A": 7.0, "S": 1.0, "E": 1.0, "C": 1.0}, "A", "Only Artistic"),
        # The middle itself (4.0, 'not sure' on average) counts; just below does not.
        (
            {"R": 4.0, "I": 3.99, "A": 6.0, "S": 1.0, "E": 1.0, "C": 1.0},
            "AR",
            "Only Artistic and Realistic reach",
        ),
        ({"R": 2.0, "I": 3.0, "A": 3.5, "S": 1.0, "E": 3.9, "C": 1.0}, "", "No area reaches"),
        ({"R": 5.0, "I": 5.5, "A": 4.0, "S": 6.0, "E": 4.5, "C": 7.0}, "CSI", None),
        ({"R": None, "I": 5.0, "A": 5.0, "S": None, "E": 1.0, "C": None}, "IA", "Only Invest"),
    ],
)
def test_holland_code_lists_only_areas_at_or_above_the_middle(profile, code, note):
    assert quiz.holland_code(profile) == code
    said = quiz.holland_note(code)
    if note is None:
        assert said is None
    else:
        assert said.startswith(note) and "the middle of the scale (4 on 1-7" in said
        if code:
            assert f"has {len(code)} letter" in said


def test_only_artistic_answers_give_a_one_letter_code(bundled, items):
    answers = interests(items, "A", liked_value=5, other_value=1)
    result = quiz.score(items, answers, bundled.roles)
    assert result.holland_code == "A" and "Only Artistic" in result.holland_note


@pytest.mark.parametrize(
    ("r", "band"),
    [(0.95, "strong"), (0.7, "strong"), (0.69, "moderate"), (0.3, "moderate"),
     (0.29, "weak"), (0.09, "weak"), (0.0, "weak"), (-0.01, "opposite"), (None, None)],
)  # fmt: skip
def test_interest_bands(r, band):
    from mktcareers.quiz.reasons import interest_match

    assert interest_match(r) == band


@pytest.mark.parametrize(("zone", "stretched"), [(1, True), (3, None), (5, False)])
def test_background_answer_marks_roles_above_its_job_zone_as_a_stretch(
    bundled, items, zone, stretched
):
    answers = {**interests(items, "AE"), "background": zone}
    result = quiz.score(items, answers, bundled.roles, limit=len(bundled.roles))
    assert result.job_zone == zone
    for match in result.matches:
        assert match.stretch == (match.job_zone > zone)
        said = reasons(match, zone)
        assert any(
            line.startswith("A stretch" if match.stretch else "Within reach") for line in said
        )
        assert f"(job zone {match.job_zone} of 5; your answer matches zone {zone})" in said[-1]
    stretches = {match.stretch for match in result.matches}
    if stretched is not None:  # zone 1: every role asks more; zone 5: none does
        assert stretches == {stretched}
    else:
        assert stretches == {True, False}  # the bundled roles span zones 2-4 or so
    unasked = quiz.score(items, interests(items, "AE"), bundled.roles)
    assert unasked.job_zone is None and all(m.stretch is None for m in unasked.matches)
    assert not any("job zone" in line for m in unasked.matches for line in reasons(m))


def test_a_weak_best_match_says_so(bundled, items):
    from mktcareers.quiz.reasons import weak_note

    answers = interests(items, "AE")
    matches = quiz.score(items, answers, bundled.roles).matches
    assert weak_note(matches) is None  # a clear profile matches strongly
    weak = [replace(matches[0], correlation=0.09), *matches[1:]]
    assert "only weakly" in weak_note(weak)
    assert reasons(weak[0])[0].startswith("Your interests match only weakly")


def test_profile_leaves_unanswered_areas_empty(items):
    profile = quiz.interest_profile(items, {"a1": 5})
    assert profile["A"] == 7.0 and profile["R"] is None
    assert quiz.holland_code(profile) == "A"


# ------------------------------------------------------------------ ranking


def test_artistic_enterprising_profile_ranks_creative_marketing_first(bundled, items):
    result = quiz.score(items, interests(items, "AE"), bundled.roles, limit=5)
    assert result.status == "ok" and result.holland_code[:2] == "AE"
    top = [match.role.slug for match in result.matches]
    assert set(top[:3]) <= CREATIVE_MARKETING, top
    assert all(match.role.family == "marketing" for match in result.matches)
    fits = [match.fit for match in result.matches]
    assert fits == sorted(fits, reverse=True)


def test_realistic_investigative_conventional_with_code_ranks_it_first(bundled, items):
    answers = {**interests(items, "RIC"), "pref-code": 5}
    result = quiz.score(items, answers, bundled.roles, limit=5)
    assert result.holland_code == "RIC"
    assert all(match.role.family == "it" for match in result.matches), [
        match.role.slug for match in result.matches
    ]


def test_enterprising_profile_ranks_marketing_managers_first(bundled, items):
    result = quiz.score(items, interests(items, "E"), bundled.roles, limit=3)
    assert all(match.role.family == "marketing" for match in result.matches)
    assert all(
        "manager" in match.role.slug or "agent" in match.role.slug for match in result.matches
    )


def test_code_preference_moves_it_roles(bundled, items):
    base = interests(items, "IC")
    keen = quiz.score(items, {**base, "pref-code": 5}, bundled.roles, limit=10)
    averse = quiz.score(items, {**base, "pref-code": 1}, bundled.roles, limit=10)
    it_share = lambda result: sum(m.role.family == "it" for m in result.matches)  # noqa: E731
    assert it_share(keen) > it_share(averse)


def test_remote_preference_lowers_on_site_roles(bundled, items):
    base = interests(items, "E")
    every = len(bundled.roles)
    keen = quiz.score(items, {**base, "pref-remote": 5}, bundled.roles, limit=every)
    indifferent = quiz.score(items, {**base, "pref-remote": 1}, bundled.roles, limit=every)
    fit = lambda result, slug: next(m.fit for m in result.matches if m.role.slug == slug)  # noqa: E731
    # field marketing is rated 33 for remote work: wanting remote work costs it fit
    drop = lambda slug: fit(indifferent, slug) - fit(keen, slug)  # noqa: E731
    assert drop("field-marketing-manager") > drop("copywriter") >= 0


def test_skill_ratings_raise_readiness(bundled, items):
    base = interests(items, "AE")
    every = len(bundled.roles)
    skilled = quiz.score(items, {**base, "skill-copywriting": 5}, bundled.roles, limit=every)
    novice = quiz.score(items, {**base, "skill-copywriting": 1}, bundled.roles, limit=every)
    copywriter = lambda result: next(m for m in result.matches if m.role.slug == "copywriter")  # noqa: E731
    assert copywriter(skilled).readiness == 1.0 and copywriter(novice).readiness == 0.0
    assert copywriter(skilled).fit > copywriter(novice).fit
    gaps = copywriter(novice).skills_to_build
    assert gaps[0].id == "copywriting" and gaps[0].have == 0  # rated gaps come first


def test_fit_is_the_documented_weighted_sum(bundled, items):
    answers = {**interests(items, "AE"), "pref-remote": 4, "skill-copywriting": 3}
    role = bundled.role("copywriter")
    profile = quiz.interest_profile(items, answers)
    r = pearson([profile[a] for a in RIASEC], [role.derived.riasec[a] for a in RIASEC])
    remote = 1 - 0.75 * (1 - role.remote.score / 100)
    readiness = 3 / 5  # copywriting: level 3 of the 5 the role needs
    expected = 0.60 * (r + 1) / 2 + 0.25 * remote + 0.15 * readiness
    match = quiz.score(items, answers, [role]).matches[0]
    assert match.fit == round(100 * expected)
    assert match.correlation == pytest.approx(r)


def test_roles_without_derived_numbers_are_scored_on_what_is_known(bundled, items):
    role = replace(bundled.role("copywriter"), derived=None)
    answers = {**interests(items, "AE"), "pref-remote": 5, "pref-code": 5}
    match = quiz.score(items, answers, [role]).matches[0]
    assert match.correlation is None and match.drivers == ()
    assert [check.measure for check in match.preference_fits] == ["remote"]
    assert match.fit == round(100 * role.remote.score / 100)


def test_scoring_is_deterministic(bundled, items):
    answers = interests(items, "SE")
    assert quiz.score(items, answers, bundled.roles) == quiz.score(
        items, answers, bundled.roles[::-1]
    )


@pytest.mark.parametrize("value", [1, 3, 5])
def test_flat_profile_gets_a_message_not_a_ranking(bundled, items, value):
    answers = {item.id: value for item in items.items}
    result = quiz.score(items, answers, bundled.roles)
    assert result.status == "flat" and result.matches == ()
    assert "cannot tell roles apart" in result.message


def test_nearly_flat_profile_is_flat_too(bundled, items):
    answers = interests(items, "", other_value=3)
    answers["a1"] = answers["a2"] = 5  # two of six Artistic items up: A is 5.0, the rest 4.0
    assert quiz.score(items, answers, bundled.roles).status == "ok"
    answers["a2"] = 3  # one item up: A is 4.5, only half a step above the rest
    result = quiz.score(items, answers, bundled.roles)
    assert result.status == "flat" and "0.5 on the 1-7 scale" in result.message


def test_unanswered_area_gets_a_message(bundled, items):
    answers = {k: v for k, v in interests(items, "A").items() if not k.startswith("s")}
    result = quiz.score(items, answers, bundled.roles)
    assert result.status == "incomplete" and result.matches == ()
    assert "Social" in result.message


def test_reasons_name_the_areas_and_preferences(bundled, items):
    answers = {**interests(items, "AE"), "pref-remote": 5, "pref-creative": 5}
    match = quiz.score(items, answers, [bundled.role("copywriter")]).matches[0]
    lines = reasons(match)
    assert lines[0].startswith("Your interests match strongly")
    assert "r =" not in " ".join(lines)  # words here; the number is in the record
    assert "Artistic (you 7.0, role 6.9)" in lines[0]
    assert f"remote score {bundled.role('copywriter').remote.score} (met)" in lines[1]
    assert "towards creative work" in lines[2] and lines[2].endswith("(met)")


# ------------------------------------------------------------------ answers


def test_check_answers_reports_every_problem(items):
    answers, problems = check_answers(
        items, {"a1": 5, "pref-remot": 3, "r1": 0, "i1": "4", "s1": True, "e1": 6, "c1": 2.5}
    )
    assert answers == {"a1": 5}
    assert dict(problems) == {
        "pref-remot": "unknown item id 'pref-remot' (did you mean 'pref-remote'?)",
        "r1": "0 is out of range (1-5)",
        "i1": "expected a whole number from 1 to 5, got '4'",
        "s1": "expected a whole number from 1 to 5, got True",
        "e1": "6 is out of range (1-5)",
        "c1": "expected a whole number from 1 to 5, got 2.5",
    }


@pytest.mark.parametrize("data", [[1, 2], "a1", 3])
def test_check_answers_wants_a_mapping(items, data):
    answers, problems = check_answers(items, data)
    assert answers == {} and "expected a mapping" in problems[0][1]
