"""The pieces the views share: the one table, inert text, bars, money and levels."""

import pytest
from rich import box
from rich.console import Console

from mktcareers.similarity import Similarity
from mktcareers.views import widgets
from mktcareers.views.inert import InertText


def plain(renderable, width: int = 60) -> str:
    console = Console(width=width, color_system=None, highlight=False, emoji=False)
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


def test_every_table_is_drawn_alike():
    table = widgets.table()
    assert (table.box, table.header_style, table.pad_edge, table.expand) == (
        box.SIMPLE_HEAD,
        "bold",
        False,
        False,
    )
    assert not table.show_edge  # no blank line above the header
    assert widgets.table(expand=True).expand


def test_text_is_inert_and_never_markup():
    shown = widgets.text("[bold]x[/] \x1b[31m")
    assert isinstance(shown, InertText)
    shown.append("\x07 [link=https://evil.example]y[/link]")
    assert shown.plain == "[bold]x[/] \\x1b[31m\\x07 [link=https://evil.example]y[/link]"
    assert plain(shown) == shown.plain + "\n"


def test_inert_text_is_one_class_by_its_own_name():
    assert InertText is widgets.text().__class__
    assert InertText.__qualname__ == "InertText"


@pytest.mark.parametrize(
    ("value", "maximum", "width", "shown"),
    [
        (62, 100, 10, "██████░░░░"),
        (0, 100, 4, "░░░░"),
        (150, 100, 4, "████"),  # clipped, never longer than its width
        (-3, 100, 4, "░░░░"),
        (None, 100, 4, widgets.MISSING),
    ],
)
def test_bar(value, maximum, width, shown):
    assert widgets.bar(value, maximum, width).plain == shown


@pytest.mark.parametrize(
    ("function", "value", "shown"),
    [
        (widgets.money, 81250, "$81,250"),
        (widgets.money, None, widgets.MISSING),
        (widgets.yes_no, True, "yes"),
        (widgets.yes_no, False, "no"),
        (widgets.yes_no, None, "not rated"),
        (widgets.level, 3, "●●●○○"),
        (widgets.level_or_dash, None, widgets.MISSING),
    ],
)
def test_values_read_without_colour(function, value, shown):
    assert function(value) == shown


def test_riasec_bars_show_every_area_and_what_is_missing():
    shown = plain(widgets.riasec_bars(dict.fromkeys("RIASE", 4.0) | {"C": None}, 1))
    lines = shown.splitlines()
    assert [line.split()[0] for line in lines] == list("RIASEC")
    assert lines[0].endswith("4.0") and lines[-1].endswith(widgets.MISSING)


def test_panel_titles_are_inert():
    assert "\x1b" not in plain(widgets.panel("\x1b[31mred", widgets.text("body")))


def _listing() -> widgets.Listing:
    fields = [
        widgets.Field("Slug"),
        widgets.Field("Title", prose=True, drop=1),
        widgets.Field("Family", drop=2),
        widgets.Field("Median pay", "right", short="Pay"),
    ]
    rows = [
        ("marketing-automation-specialist", "Marketing Automation Specialist", "marketing", "$1"),
        ("seo-specialist", "SEO Specialist", "marketing", "$76,910"),
    ]
    return widgets.Listing(fields, rows)


@pytest.mark.parametrize(
    ("width", "header"),
    [
        (120, ["Slug", "Title", "Family", "Median", "pay"]),
        (70, ["Slug", "Title", "Family", "Pay"]),  # the title wraps: "Marketing Automation"
        (60, ["Slug", "Family", "Median", "pay"]),  # the title goes first
        (42, ["Slug", "Pay"]),  # then the family, then the long header
    ],
)
def test_a_listing_leaves_out_titles_first_then_shortens_headers(width, header):
    shown = plain(_listing(), width)
    assert shown.splitlines()[0].split() == header
    assert max(len(line) for line in shown.splitlines()) <= width
    assert "marketing-automation-specialist" in shown and "$76,910" in shown


def test_a_listing_stacks_rows_with_labels_when_no_table_fits():
    shown = plain(_listing(), 36)
    lines = [line.rstrip() for line in shown.splitlines()]
    assert lines[:3] == [
        "marketing-automation-specialist",
        "  Title: Marketing Automation",
        "  Specialist",
    ]
    assert "  Family marketing; Median pay $1" in lines
    assert max(len(line) for line in lines) <= 36


def test_a_listing_never_breaks_a_word():
    """Whatever the width, every word printed is a whole word of a header or a cell."""
    whole = {"Slug", "Title", "Family", "Median", "pay", "Pay", "marketing", "$1", "$76,910"}
    whole |= {"marketing-automation-specialist", "seo-specialist", "SEO"}
    whole |= {"Marketing", "Automation", "Specialist"}
    for width in range(32, 121):
        printed = {word.strip(":;") for word in plain(_listing(), width).split()}
        assert printed - {"─" * len(word) for word in printed} <= whole, width


@pytest.mark.parametrize(
    ("similarity", "words"),
    [
        (
            Similarity(score=80, skills=0.55, interests=(0.93 + 1) / 2, job_zone=1.0),
            "many skills in common; interests match strongly; the same job zone (preparation)",
        ),
        (
            Similarity(score=40, skills=0.2, interests=(0.35 + 1) / 2, job_zone=0.75),
            "some skills in common; interests match moderately; 1 job zone apart (preparation)",
        ),
        (
            Similarity(score=10, skills=0.05, interests=(-0.3 + 1) / 2, job_zone=0.5),
            "few skills in common; interests point different ways; 2 job zones apart (preparation)",
        ),
        (
            Similarity(score=10, skills=0.35, interests=(0.1 + 1) / 2, job_zone=None),
            "a fair share of skills in common; interests match only weakly",
        ),
    ],
)
def test_similarity_in_words_by_the_bands_of_docs_method(similarity, words):
    assert widgets.similarity_words(similarity).startswith(words)
