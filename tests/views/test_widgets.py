"""The pieces the views share: the one table, inert text, bars, money and levels."""

import pytest
from rich import box
from rich.console import Console

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
