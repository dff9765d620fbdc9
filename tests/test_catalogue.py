from mktcareers.catalogue import filter_roles, sort_roles


def test_filters_combine(bundled):
    chosen = filter_roles(bundled.roles, family="marketing", min_remote=80, beginner_only=True)
    assert chosen
    for role in chosen:
        assert role.family == "marketing" and role.remote.score >= 80 and role.beginner_friendly
    chosen_slugs = {role.slug for role in chosen}
    excluded = [role for role in bundled.roles if role.slug not in chosen_slugs]
    assert excluded and all(
        role.family != "marketing" or role.remote.score < 80 or not role.beginner_friendly
        for role in excluded
    )


def test_sorts(bundled):
    by_title = [role.title.lower() for role in sort_roles(bundled.roles, "title")]
    assert by_title == sorted(by_title)
    by_pay = [role.pay_median for role in sort_roles(bundled.roles, "pay")]
    assert by_pay == sorted(by_pay, reverse=True)
    by_remote = [role.remote.score for role in sort_roles(bundled.roles, "remote")]
    assert by_remote == sorted(by_remote, reverse=True)
    by_overlap = [role.it_overlap for role in sort_roles(bundled.roles, "it-overlap")]
    assert by_overlap == sorted(by_overlap, reverse=True)
