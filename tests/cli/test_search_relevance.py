"""What `search` puts first: technology names keep their dots and signs (.NET, C#,
C++, Node.js), and a query of stop words or single letters matches nothing by
similarity (every title holds "the" or "a")."""

import json

import pytest

# (query, kind and slug or code of the first hit)
FIRST = [
    ("c#", ("role", "software-developer")),
    ("C#", ("role", "software-developer")),
    (".net", ("role", "software-developer")),
    (".NET", ("role", "software-developer")),
    ("c++", ("role", "software-developer")),
    ("node.js", ("role", "web-developer")),
    ("Node.JS", ("role", "web-developer")),
    ("nodejs", ("role", "web-developer")),
    ("r", ("role", "data-scientist")),
    ("powershell", ("role", "systems-administrator")),
    ("seo", ("role", "seo-specialist")),
    ("web developer", ("role", "web-developer")),
    ("email marketing", ("role", "email-marketing-manager")),
    ("data scientist", ("role", "data-scientist")),
    ("registered nurse", ("occupation", "29-1141.00")),
]


def hits(run, query: str, *options: str) -> list[dict]:
    result = run("search", query, "-f", "json", *options)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def first(found: list[dict]) -> tuple[str, str]:
    return found[0]["kind"], found[0].get("slug") or found[0].get("code")


@pytest.mark.parametrize(("query", "expected"), FIRST, ids=[query for query, _ in FIRST])
def test_the_first_hit(run, query, expected):
    assert first(hits(run, query)) == expected


@pytest.mark.parametrize("query", [".net", "c#", "c++", "node.js"])
def test_technology_names_do_not_match_words_without_their_signs(run, query):
    """ ".net" is not the "net" of "Net Maker"; "c#" not the "c" of "C-Suite"."""
    for hit in hits(run, query, "--kind", "occupation"):
        titles = [hit["title"], *(match["text"] for match in hit.get("matches", []))]
        assert any(query.lower() in title.lower() for title in titles), hit


@pytest.mark.parametrize("query", ["the", "a", "of the", "x", "and", "a b", "q", "to"])
def test_stop_words_and_single_letters_match_nothing(run, query):
    assert hits(run, query) == []
    table = run("search", query)
    assert table.exit_code == 1
    assert "nothing matches" in table.stderr
