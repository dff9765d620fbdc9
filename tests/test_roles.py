from mktcareers.roles import filter_roles, sort_roles
from mktcareers.views.roles import role_row


def rows(knowledge):
    return [role_row(role) for role in knowledge.roles]


def test_filters_combine(bundled):
    chosen = filter_roles(rows(bundled), family="marketing", min_remote=80, beginner_only=True)
    assert chosen
    for row in chosen:
        assert row["family"] == "marketing" and row["remote_score"] >= 80
        assert row["beginner_friendly"]
    chosen_slugs = {row["slug"] for row in chosen}
    excluded = [role for role in bundled.roles if role.slug not in chosen_slugs]
    assert excluded and all(
        role.family != "marketing" or role.remote.score < 80 or not role.beginner_friendly
        for role in excluded
    )


def test_sorts(bundled):
    by_title = [row["title"].lower() for row in sort_roles(rows(bundled), "title")]
    assert by_title == sorted(by_title)
    by_pay = [row["pay_median"] for row in sort_roles(rows(bundled), "pay")]
    assert by_pay == sorted(by_pay, reverse=True)
    by_remote = [row["remote_score"] for row in sort_roles(rows(bundled), "remote")]
    assert by_remote == sorted(by_remote, reverse=True)
    by_overlap = [row["it_overlap"] for row in sort_roles(rows(bundled), "it-overlap")]
    assert by_overlap == sorted(by_overlap, reverse=True)
