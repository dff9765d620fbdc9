"""The pieces every Rich view is built from: inert text, the one kind of table, panels,
bars, and how money, levels and missing values read.

Each noun's view module keeps its machine record beside its Rich view, and machine
formats must never load Rich: so this module imports Rich only inside the functions
that build something, and a view module imports Rich through these alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Group, RenderableType
    from rich.panel import Panel
    from rich.table import Table

    from mktcareers.models import GettingStarted
    from mktcareers.views.inert import InertText

BAR_WIDTH = 20
MISSING = "—"


def text(value: str = "", style: str = "") -> InertText:
    """Text from anywhere, knowledge base included: never markup, never a control."""
    from mktcareers.views.inert import InertText

    return InertText(value, style=style)


def table(expand: bool = False) -> Table:
    """The table of every view: a bold header over a rule, no padding at the edges."""
    from rich import box
    from rich.table import Table

    return Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, expand=expand)


def grid(padding: int = 1) -> Table:
    """Columns without borders or headers, `padding` spaces apart."""
    from rich.table import Table

    return Table.grid(padding=(0, padding))


def group(*parts: RenderableType) -> Group:
    from rich.console import Group

    return Group(*parts)


def panel(title: str, body: RenderableType) -> Panel:
    from rich import box
    from rich.panel import Panel

    return Panel(body, title=text(title, style="bold"), title_align="left", box=box.ROUNDED)


def heading(value: str) -> InertText:
    return text(value, style="bold")


def bullets(items: Sequence[str]) -> InertText:
    result = text()
    for index, item in enumerate(items):
        if index:
            result.append("\n")
        result.append("• ")
        result.append(item)
    return result


def bar(value: float | None, maximum: float, width: int = BAR_WIDTH) -> InertText:
    """A text bar that reads without colour: ████████░░░░ 62."""
    if value is None:
        return text(MISSING, style="dim")
    filled = round(width * max(0.0, min(value, maximum)) / maximum)
    result = text()
    result.append("█" * filled, style="cyan")
    result.append("░" * (width - filled), style="dim")
    return result


def riasec_bars(profile: Mapping[str, float | None], digits: int) -> Table:
    """One line per RIASEC area: its name, a bar over the 1-7 scale, the value."""
    from mktcareers.models import RIASEC, RIASEC_NAMES

    areas = grid()
    areas.add_column(no_wrap=True)
    areas.add_column(no_wrap=True)
    areas.add_column(justify="right", no_wrap=True)
    for area in RIASEC:
        value = profile[area]
        areas.add_row(
            f"{area} {RIASEC_NAMES[area]}",
            bar(None if value is None else value - 1, 6, width=14),
            MISSING if value is None else f"{value:.{digits}f}",
        )
    return areas


def getting_started(steps: GettingStarted) -> Group:
    return group(
        heading("Skills to build"),
        bullets(steps.skills_to_build),
        heading("Portfolio and experience"),
        bullets(steps.portfolio),
        heading("Where to network"),
        bullets(steps.networking),
        heading("Where to look for openings"),
        bullets(steps.job_search),
    )


def money(value: int | None) -> str:
    return MISSING if value is None else f"${value:,}"


def yes_no(value: bool | None, unknown: str = "not rated") -> str:
    return unknown if value is None else ("yes" if value else "no")


def level(value: int) -> str:
    """A skill level out of five: ●●●○○."""
    return "●" * value + "○" * (5 - value)


def level_or_dash(value: int | None) -> str:
    return MISSING if value is None else level(value)
