import pytest

from mktcareers import compare
from mktcareers.similarity import pearson, similarity, skill_overlap


def test_role_comparison_partitions_skills(bundled):
    left, right = bundled.role("seo-specialist"), bundled.role("web-developer")
    result = compare.compare_roles(left, right)
    shared = {pair.id for pair in result.shared_skills}
    only_left = {pair.id for pair in result.only_left}
    only_right = {pair.id for pair in result.only_right}
    assert shared | only_left == {skill.id for skill in left.skills}
    assert shared | only_right == {skill.id for skill in right.skills}
    assert not shared & only_left and not shared & only_right
    assert result.similarity == similarity(left, right)


def test_similarity_properties(bundled):
    seo, ppc, dev = (
        bundled.role(slug) for slug in ("seo-specialist", "ppc-specialist", "software-developer")
    )
    assert similarity(seo, seo).score == 100
    assert skill_overlap(seo, dev) == skill_overlap(dev, seo)
    # SEO is more like PPC than like software development.
    assert similarity(seo, ppc).score > similarity(seo, dev).score
    assert pearson([1, 1, 1], [1, 2, 3]) is None


def test_role_family_comparison(bundled):
    result = compare.compare_role_family(
        bundled.role("marketing-technologist"), bundled.families["it"], bundled
    )
    assert result.closest[0][0].family == "it"
    assert 0 <= result.similarity <= 100
    scores = [score for _, score in result.closest]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("query", "kind", "value"),
    [
        ("marketing", "family", "marketing"),
        ("Information technology", "family", "it"),
        ("seo", "role", "seo-specialist"),
        ("SEO Analyst", "role", "seo-specialist"),
    ],
)
def test_resolve_side(bundled, query, kind, value):
    side = compare.resolve_side(query, bundled)
    assert (side.family.id if kind == "family" else side.role.slug) == value


def test_cli_compare_unknown_side(run):
    result = run("compare", "markting", "it")
    assert result.exit_code == 1
    assert "Unknown role or family 'markting'. Did you mean: marketing" in result.stderr
    nothing = run("compare", "zzzzqq", "it")
    assert nothing.exit_code == 1 and "use a family (marketing, it)" in nothing.stderr


@pytest.mark.parametrize(
    ("query", "suggestions"),
    [("seo-specalist", ("seo-specialist",)), ("zzzzqq", ())],
)
def test_unknown_side_is_an_exception_with_role_suggestions(bundled, query, suggestions):
    with pytest.raises(compare.UnknownSide) as unknown:
        compare.resolve_side(query, bundled)
    assert unknown.value.query == query and unknown.value.suggestions == suggestions


@pytest.mark.parametrize(
    ("left", "right", "message"),
    [
        ("seo", "seo", "LEFT and RIGHT are the same role (seo-specialist)."),
        ("seo", "SEO Analyst", "LEFT and RIGHT are the same role (seo-specialist)."),
        ("Marketing", "marketing", "LEFT and RIGHT are the same family (marketing)."),
    ],
)
def test_cli_compare_a_side_with_itself_is_an_error_as_path_is(run, left, right, message):
    """A comparison of one thing with itself says nothing, and two names that mean one
    role are more likely a slip than a wish: exit 1, as path does, naming the role."""
    result = run("compare", left, right, "-f", "json")
    assert result.exit_code == 1
    assert message in result.stderr and "Hint: compare it with another" in result.stderr
    assert result.stdout == ""


def test_cli_compare_a_role_with_its_own_family_is_fine(run):
    result = run("compare", "seo-specialist", "marketing", "-f", "json")
    assert result.exit_code == 0, result.stderr
