"""`role show`: everything known about one role, as one record."""

import json

from mktcareers.views.roles import role_record


def test_role_show_json(run, bundled):
    result = run("role", "show", "seo-specialist", "--format", "json")
    assert result.exit_code == 0
    detail = json.loads(result.stdout)
    role = bundled.role("seo-specialist")
    assert set(detail) >= set(role_record(role))  # the summary record, and more
    assert set(detail["riasec"]) == set("RIASEC")
    assert detail["riasec"] == role.derived.riasec
    assert {"id": "seo", "name": "Search engine optimisation", "level": 5, "type": "technical"} in (
        detail["skills"]
    )
    assert [source["id"] for source in detail["sources"]] == list(role.sources)
    assert all(
        {"title", "publisher", "version", "year", "licence"} <= set(s) for s in detail["sources"]
    )
    assert detail["remote"]["score"] == role.remote.score
    assert detail["summary"] == role.summary
