"""Views speak in words where a reader wants words; the numbers stay in --format json."""

import json
import re
from pathlib import Path

import pytest

from mktcareers.views.widgets import INTEREST_BANDS, SKILL_BANDS, band

MOVES_AND_COMPARISONS = [
    ("compare", "copywriter", "seo-specialist"),
    ("compare", "web-developer", "data-scientist"),
    ("path", "copywriter", "seo-specialist"),
    ("path", "it-support-specialist", "network-support-specialist"),
    ("path", "27-3023.00", "copywriter"),
]


@pytest.mark.parametrize("args", MOVES_AND_COMPARISONS, ids=" ".join)
def test_similarity_reads_in_words_and_its_numbers_stay_in_json(run, args):
    shown = run(*args, env={"COLUMNS": "120"}).stdout
    flowing = " ".join(shown.replace("│", " ").split()).lower()
    for formula in ("jaccard", "pearson", "cosine", "0.6 x", "r ="):
        assert formula not in flowing
    similarity = json.loads(run(*args, "--format", "json").stdout)["similarity"]
    assert band(2 * similarity["interests"] - 1, INTEREST_BANDS) in flowing
    if args[1] != "27-3023.00":  # a move from an occupation compares O*NET levels
        assert band(similarity["skills"], SKILL_BANDS) in flowing
    assert "Jaccard" in similarity["method"] or "cosine" in similarity["method"]


def test_the_bands_are_written_down_in_docs_method():
    method = (Path(__file__).resolve().parents[2] / "docs" / "method.md").read_text()
    for _, words in (*SKILL_BANDS, *INTEREST_BANDS):
        assert words in method


@pytest.mark.parametrize("args", [("roles", "list"), ("role", "show", "copywriter")], ids=" ".join)
@pytest.mark.parametrize("width", (40, 120))
def test_beginner_friendly_is_defined_where_it_shows(run, args, width):
    shown = run(*args, env={"COLUMNS": str(width)}).stdout
    flowing = " ".join(shown.replace("│", " ").split())
    assert re.search(r"Beginner-friendly: a role people are hired into as their first job", flowing)
