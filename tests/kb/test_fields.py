"""The field checkers and the "did you mean" they share with the rest of the program."""

import pytest

from mktcareers.kb.fields import INVALID, ListOf, Record, TextField, did_you_mean
from mktcareers.search import suggest

SLUGS = ["seo-specialist", "seo-analyst", "content-marketer", "copywriter"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("seo-specalist", ["seo-specialist"]),
        ("Seo-Specialist", ["seo-specialist"]),  # case folded
        ("ＳＥＯ-specialist", ["seo-specialist"]),  # full-width, NFKC-normalised  # noqa: RUF001
        ("SEO\u2010SPECIALIST", ["seo-specialist"]),  # a Unicode hyphen separates words too
        ("content-marketr", ["content-marketer"]),
        ("zzz", []),
        ("", []),
    ],
)
def test_suggest_compares_normalised_case_folded_words(word, expected):
    assert suggest(word, SLUGS, limit=1) == expected


def test_suggest_returns_the_choices_as_given_best_first():
    assert suggest("seo", ["SEO Analyst", "SEO Specialist", "Copywriter"]) == [
        "SEO Analyst",
        "SEO Specialist",
    ]
    assert suggest("ss", ["Straße"]) == []  # casefold makes ß "ss", but one word is too short
    assert suggest("strasse", ["Straße"]) == ["Straße"]
    assert suggest("seo", ["seo-a", "seo-b", "seo-c", "seo-d"], limit=2) == ["seo-a", "seo-b"]
    assert suggest("seo", []) == []


def test_suggest_refuses_what_is_not_text():
    with pytest.raises(TypeError):
        suggest("seo", [1, 2])


@pytest.mark.parametrize(
    ("word", "choices", "message"),
    [
        ("seoo", {"seo": 1, "sem": 2}, " (did you mean 'seo'?)"),
        ("ＳＥＯ", ["seo", "ppc"], " (did you mean 'seo'?)"),  # noqa: RUF001
        (3, ["seo"], ""),
        ("telepathy", ["communication", "time_zones"], ""),
    ],
)
def test_did_you_mean_names_the_closest_choice(word, choices, message):
    assert did_you_mean(word, choices) == message


def test_a_record_reports_unknown_and_missing_fields_with_a_suggestion():
    problems = []
    checker = Record(title=TextField(20), tools=ListOf(TextField(10), 1, 3))
    result = checker({"titel": "x", "tools": []}, (), lambda *problem: problems.append(problem))
    assert result is INVALID
    assert problems == [
        (("titel",), "unknown field 'titel' (did you mean 'title'?)"),
        (("title",), "missing required field"),
        (("tools",), "has 0 items; expected 1 to 3"),
    ]
