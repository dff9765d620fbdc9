import pytest
from msgspec.structs import replace

from mktcareers.models import RoleSummary
from mktcareers.roles import filter_roles, sort_roles


def summaries(knowledge):
    return [RoleSummary.of(role) for role in knowledge.roles]


def test_filters_combine(bundled):
    chosen = filter_roles(summaries(bundled), family="marketing", min_remote=80, beginner_only=True)
    assert chosen
    for summary in chosen:
        assert summary.family == "marketing" and summary.remote_score >= 80
        assert summary.beginner_friendly
    chosen_slugs = {summary.slug for summary in chosen}
    excluded = [role for role in bundled.roles if role.slug not in chosen_slugs]
    assert excluded and all(
        role.family != "marketing" or role.remote.score < 80 or not role.beginner_friendly
        for role in excluded
    )


def test_sorts(bundled):
    by_title = [summary.title.lower() for summary in sort_roles(summaries(bundled), "title")]
    assert by_title == sorted(by_title)
    by_pay = [summary.pay_median for summary in sort_roles(summaries(bundled), "pay")]
    assert by_pay == sorted(by_pay, reverse=True)
    by_remote = [summary.remote_score for summary in sort_roles(summaries(bundled), "remote")]
    assert by_remote == sorted(by_remote, reverse=True)
    by_overlap = [summary.it_overlap for summary in sort_roles(summaries(bundled), "it-overlap")]
    assert by_overlap == sorted(by_overlap, reverse=True)


def test_unknown_values_sort_last(bundled):
    summary = RoleSummary.of(bundled.role("copywriter"))
    unknown = replace(summary, slug="a-role", title="A role", pay_median=None)
    ordered = sort_roles([unknown, *summaries(bundled)], "pay")
    assert ordered[-1] is unknown


def test_unknown_sort_key(bundled):
    with pytest.raises(ValueError, match="unknown sort key"):
        sort_roles(summaries(bundled), "colour")
