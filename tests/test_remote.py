import pytest

from mktcareers.models import RemoteFactor
from mktcareers.remote import remote_score


def factors(*pairs):
    return [
        RemoteFactor(f"f{index}", "F", weight, rating, "r")
        for index, (weight, rating) in enumerate(pairs)
    ]


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([(30, 4), (25, 4), (15, 4), (15, 4), (15, 4)], 100),
        ([(30, 0), (25, 0), (15, 0), (15, 0), (15, 0)], 0),
        ([(30, 4), (25, 4), (15, 4), (15, 3), (15, 3)], 93),  # 92.5 rounds half up
        ([(30, 2), (25, 1), (15, 2), (15, 1), (15, 2)], 40),  # 15+6.25+7.5+3.75+7.5
    ],
)
def test_score_is_weighted_share_of_top_rating(pairs, expected):
    assert remote_score(factors(*pairs)) == expected


def test_bundled_scores_come_from_factors(bundled):
    for role in bundled.roles:
        assert role.remote.score == remote_score(role.remote.factors)
        assert {factor.id for factor in role.remote.factors} == {
            f.id for f in bundled.rubric.factors
        }


def test_remote_contrast_is_real(bundled):
    scores = {role.slug: role.remote.score for role in bundled.roles}
    assert scores["advertising-sales-agent"] < 50
    assert scores["field-marketing-manager"] < 50
    assert scores["seo-specialist"] > 80
