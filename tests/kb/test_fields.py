"""The field checkers, and their "did you mean" (the rule itself is tested in test_names)."""

import pytest

from mktcareers.kb.fields import INVALID, ListOf, Record, TextField
from mktcareers.names import did_you_mean


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
