"""The IT overlap's parts (docs/method.md): the role's own skills beside O*NET's, rebuilt
from the committed inputs, leave-one-out, and the stability table of docs/method.md."""

import importlib.util
import shutil
import statistics
import sys

import pytest
import yaml
from conftest import REPO

SCRIPTS = REPO / "scripts"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


build_derived = _script("build_derived")
stability = _script("it_overlap_stability")


def _reference(skills: dict[str, dict[str, int]]):
    """A reference of IT roles with `skills` (slug -> technical levels) and flat O*NET parts."""
    return build_derived.ItReference(
        vectors={slug: {"x": 1.0} for slug in skills},
        tech={slug: set() for slug in skills},
        centre={"x": 0.0},
        skills=skills,
    )


SYNTHETIC = _reference(
    {
        "dev": {"python": 5, "sql": 4, "cloud": 2},
        "ops": {"cloud": 5, "networking": 4, "sql": 2},
        "dba": {"sql": 5, "cloud": 3},
    }
)


def test_technical_it_profile_scores_high_and_non_technical_low():
    similarity = build_derived.role_skill_similarity
    technical, shared = similarity({"sql": 4, "cloud": 4, "python": 2}, SYNTHETIC, None)
    non_technical, none_shared = similarity({"communication": 5, "copywriting": 4}, SYNTHETIC, None)
    assert technical > 0.9 and shared[0] in ("sql", "cloud")
    assert non_technical == 0.0 and none_shared == []
    # Non-technical skills beside the same technical ones lower the part, never raise it.
    mixed, _ = similarity({"sql": 4, "cloud": 4, "python": 2, "communication": 5}, SYNTHETIC, None)
    assert 0 < mixed < technical
    # Technical skills no IT role lists add size but no overlap.
    craft, _ = similarity({"sql": 4, "cloud": 4, "python": 2, "seo": 5}, SYNTHETIC, None)
    assert craft < technical


def test_own_skill_profile_equal_to_the_it_profile_is_one():
    profile = build_derived.it_skill_profile(SYNTHETIC, None)
    # three roles: three times each mean level is a whole number, the same proportions
    levels = {skill: round(3 * level) for skill, level in profile.items()}
    assert build_derived.role_skill_similarity(levels, SYNTHETIC, None)[0] == pytest.approx(1.0)


def test_leave_one_out_leaves_the_role_out():
    assert build_derived.it_skill_profile(SYNTHETIC, "dev") == {
        "cloud": (5 + 3) / 2,
        "networking": 4 / 2,
        "sql": (2 + 5) / 2,
    }
    # python is only the developer's: left out, it shares nothing of it with the others.
    with_self, _ = build_derived.role_skill_similarity({"python": 5}, SYNTHETIC, None)
    without_self, _ = build_derived.role_skill_similarity({"python": 5}, SYNTHETIC, "dev")
    assert with_self > 0 and without_self == 0.0


def test_an_occupation_gets_the_o_net_parts_alone_rescaled():
    weights = build_derived.IT_WEIGHTS
    occupation = build_derived.it_overlap({"x": 1.0}, set(), SYNTHETIC, None)
    role = build_derived.it_overlap({"x": 1.0}, set(), SYNTHETIC, None, {"sql": 5})
    assert set(occupation) == {"score", "profile_similarity", "tool_category_similarity"}
    assert role["onet_score"] == occupation["score"]
    onet_share = weights["profile"] + weights["tools"]
    expected = (
        onet_share * occupation["score"] + 100 * weights["skills"] * role["role_skill_similarity"]
    )
    assert abs(role["score"] - expected) <= 1


# ----------------------------------------------------------------- bundled data


@pytest.fixture(scope="module")
def inputs():
    return stability.load_inputs()


@pytest.fixture(scope="module")
def derived():
    text = (REPO / "data" / "generated" / "derived.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["roles"]


def test_weights_add_up_to_one():
    assert sum(build_derived.IT_WEIGHTS.values()) == pytest.approx(1.0)


def test_committed_it_overlap_is_what_the_functions_compute(inputs, derived):
    computed = build_derived.it_overlaps(
        inputs.crosswalks, inputs.rated, inputs.categories, inputs.types
    )
    assert {slug: derived[slug]["it_overlap"] for slug in computed} == computed
    assert set(computed) == set(derived)


def test_committed_scores_follow_the_documented_formula(derived):
    """score = 100 x (w_profile x (cos + 1) / 2 + w_tools x jaccard + w_skills x skills),
    from the parts as stored (rounded to 3 decimals, so within half a point and a bit)."""
    weights = build_derived.IT_WEIGHTS
    for slug, role in derived.items():
        overlap = role["it_overlap"]
        onet = weights["profile"] * (overlap["profile_similarity"] + 1) / 2
        onet += weights["tools"] * overlap["tool_category_similarity"]
        score = 100 * (onet + weights["skills"] * overlap["role_skill_similarity"])
        assert abs(overlap["score"] - score) < 0.6, slug
        rescaled = 100 * onet / (weights["profile"] + weights["tools"])
        assert abs(overlap["onet_score"] - rescaled) < 0.6, slug
        assert 0 <= overlap["role_skill_similarity"] <= 1


def test_shared_skills_are_technical_skills_of_the_role_that_it_roles_need(inputs, derived):
    it_skills = {
        skill
        for crosswalk in inputs.crosswalks
        if crosswalk.family == "it"
        for skill, _ in crosswalk.skills
        if inputs.types[skill] == "technical"
    }
    for crosswalk in inputs.crosswalks:
        shared = derived[crosswalk.slug]["it_overlap"]["shared_skills"]
        own = {skill for skill, _ in crosswalk.skills}
        assert set(shared) <= own & it_skills, crosswalk.slug
        assert len(shared) <= build_derived.SHARED_SKILLS_SHOWN
        assert bool(shared) == (derived[crosswalk.slug]["it_overlap"]["role_skill_similarity"] > 0)


def test_it_role_is_left_out_of_its_own_skill_reference(inputs):
    """An IT role's own part is measured against the other IT roles only: the mean the
    builder uses equals the one computed here from the other role files."""
    vectors, _, tech = build_derived.role_profiles(
        inputs.crosswalks, inputs.rated, inputs.categories
    )
    reference = build_derived.it_reference(inputs.crosswalks, vectors, tech, inputs.types)
    it_roles = [crosswalk for crosswalk in inputs.crosswalks if crosswalk.family == "it"]
    for left_out in it_roles:
        others = [dict(c.skills) for c in it_roles if c.slug != left_out.slug]
        technical = {s for levels in others for s in levels if inputs.types[s] == "technical"}
        expected = {s: statistics.mean(levels.get(s, 0) for levels in others) for s in technical}
        profile = build_derived.it_skill_profile(reference, left_out.slug)
        assert profile == pytest.approx(expected), left_out.slug


def _roles_with_skills(tmp_path, slug: str, *lines: str):
    """A copy of the bundled role files where `slug` needs the skills of `lines` too."""
    roles = tmp_path / "roles"
    shutil.copytree(REPO / "data" / "roles", roles)
    path = roles / f"{slug}.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nskills:\n" in text
    path.write_text(text.replace("\nskills:\n", "\nskills:\n" + "".join(lines), 1))
    return roles


def test_own_skills_move_the_score_and_nothing_else(tmp_path):
    extra = ("  - {skill: sql, level: 5}\n", "  - {skill: python, level: 5}\n")
    assert not {"sql", "python"} & {s for s, _ in _crosswalk("copywriter").skills}
    roles = _roles_with_skills(tmp_path, "copywriter", *extra)
    changed = build_derived.build(roles)["roles"]["copywriter"]["it_overlap"]
    original = build_derived.build()["roles"]["copywriter"]["it_overlap"]
    assert changed["role_skill_similarity"] > original["role_skill_similarity"]
    assert changed["score"] > original["score"]
    assert {"sql", "python"} <= set(changed["shared_skills"])
    for part in ("profile_similarity", "tool_category_similarity", "onet_score"):
        assert changed[part] == original[part]


def test_unknown_skill_is_a_build_error(tmp_path):
    roles = _roles_with_skills(tmp_path, "copywriter", "  - {skill: no-such-skill, level: 2}\n")
    with pytest.raises(build_derived.BuildError, match="no-such-skill"):
        build_derived.build(roles)


def _crosswalk(slug: str):
    crosswalks = build_derived.load_crosswalks(REPO / "data" / "roles")
    return next(crosswalk for crosswalk in crosswalks if crosswalk.slug == slug)


# ----------------------------------------------------------------- stability


@pytest.mark.parametrize("part", list(build_derived.IT_WEIGHTS))
@pytest.mark.parametrize("step", [0.1, -0.1])
def test_moved_weights_move_one_part_and_keep_the_sum(part, step):
    weights = build_derived.IT_WEIGHTS
    moved = stability.moved_weights(weights, part, step)
    assert moved[part] == pytest.approx(weights[part] + step)
    assert sum(moved.values()) == pytest.approx(1.0)
    others = [name for name in weights if name != part]
    # the other two keep their ratio
    assert moved[others[0]] / moved[others[1]] == pytest.approx(
        weights[others[0]] / weights[others[1]]
    )


def test_stability_variants_leave_each_it_role_out(inputs):
    runs = stability.variants(inputs)
    it_slugs = {c.slug for c in inputs.crosswalks if c.family == "it"}
    leave_outs = [run for run in runs if run.kind == "leave-out"]
    assert len(leave_outs) == len(it_slugs)
    assert len([run for run in runs if run.kind == "weight"]) == 2 * len(build_derived.IT_WEIGHTS)
    for run in leave_outs:
        missing = set(runs[0].scores) - set(run.scores)
        assert len(missing) == 1 and missing <= it_slugs and run.label.endswith(missing.pop())
    assert runs[0].scores == {
        slug: overlap["score"]
        for slug, overlap in build_derived.it_overlaps(
            inputs.crosswalks, inputs.rated, inputs.categories, inputs.types
        ).items()
    }


def test_the_stability_table_in_method_md_is_current(inputs):
    document = stability.METHOD.read_text(encoding="utf-8")
    assert stability.with_table(document, stability.table(inputs)) == document, (
        "run: python scripts/it_overlap_stability.py --write"
    )


def test_the_stability_table_covers_every_role_outside_it(inputs):
    report = stability.table(inputs)
    for crosswalk in inputs.crosswalks:
        assert (f"| {crosswalk.slug} |" in report) == (crosswalk.family != "it"), crosswalk.slug
