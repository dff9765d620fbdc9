"""`search`: each hit's record says what matched."""

import json


def test_search_json(run):
    result = run("search", "google ads", "--format", "json")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert hits[0]["slug"] == "ppc-specialist"
    assert {"field": "tool", "text": "Google Ads"} in hits[0]["matches"]
    assert set(hits[0]) == {"slug", "title", "family", "score", "matches"}
