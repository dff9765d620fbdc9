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
# Below this many columns for a value, a label/value grid puts each value under its label.
VALUE_WIDTH = 30
# Marks that read without colour, and the plain ones for an output that cannot encode them.
LEVEL_MARKS, PLAIN_LEVEL_MARKS = "●○", "#."
BAR_MARKS, PLAIN_BAR_MARKS = "█░", "#."
BULLET, PLAIN_BULLET = "•", "-"


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


def panel(title: str, body: RenderableType) -> FittedPanel:
    """A rounded panel whose title is never cut mid-word (FittedPanel)."""
    return FittedPanel(title, body)


class FittedPanel:
    """A rounded panel with a bold title on its top edge. When the title would not fit
    the width it is given, a scale or source in brackets at its end ("Skills (level
    1-5)") is left out, then words from its end, shown cut by "…": a title is never
    cut mid-word, and the body says what the scale is wherever it matters."""

    def __init__(self, title: str, body: RenderableType) -> None:
        self.title = title
        self.body = body

    def _panel(self, width: int) -> Panel:
        from rich import box
        from rich.panel import Panel

        title = fitted_title(self.title, width - PANEL_TITLE_MARGIN)
        return Panel(
            self.body, title=text(title, style="bold"), title_align="left", box=box.ROUNDED
        )

    def __rich_console__(self, console, options):
        yield self._panel(options.max_width)

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement.get(console, options, self._panel(options.max_width))


# Two corners, a rule and a space each side of a panel's title.
PANEL_TITLE_MARGIN = 6


def fitted_title(title: str, room: int) -> str:
    """`title`, or as much of it as fits `room` columns without cutting a word."""
    from rich.cells import cell_len

    if cell_len(title) <= room:
        return title
    if title.endswith(")") and " (" in title:
        title = title[: title.rindex(" (")]
        if cell_len(title) <= room:
            return title
    words = title.split(" ")
    while len(words) > 1 and cell_len(" ".join(words) + " …") > room:
        words.pop()
    return " ".join(words) + " …"


class Either:
    """`wide` where it fits the width Rich offers, else `narrow`: a table becomes one
    line per row before a column gets narrower than its longest word, so words,
    numbers, slugs and codes are never cut. `needs` is the width `wide` needs; by
    default Rich measures `measured` (`wide` unless given): the sum of each column's
    longest word, or with `whole` of each column's longest line (for tables whose
    cells must not wrap at all)."""

    def __init__(
        self,
        wide: RenderableType,
        narrow: RenderableType,
        needs: int | None = None,
        *,
        measured: RenderableType | None = None,
        whole: bool = False,
    ) -> None:
        self.wide, self.narrow, self.needs = wide, narrow, needs
        self.measured = wide if measured is None else measured
        self.whole = whole

    def chosen(self, console, options) -> RenderableType:
        from rich.measure import Measurement

        needs = self.needs
        if needs is None:
            # measured unconstrained: Rich clamps a measurement to the width it offers
            found = Measurement.get(console, options.update_width(UNCONSTRAINED), self.measured)
            needs = found.maximum if self.whole else found.minimum
        return self.wide if needs <= options.max_width else self.narrow

    def __rich_console__(self, console, options):
        yield self.chosen(console, options)

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement.get(console, options, self.chosen(console, options))


UNCONSTRAINED = 10_000


def label_values(rows: Sequence[tuple[str, RenderableType]], padding: int = 2) -> Either:
    """Labels in bold beside their values; where a value would get fewer than
    VALUE_WIDTH columns, each value goes on the lines under its label, indented."""
    from rich.cells import cell_len

    rows = [(label, text(value) if isinstance(value, str) else value) for label, value in rows]
    beside = grid(padding)
    beside.add_column(style="bold", no_wrap=True)
    beside.add_column()
    stacked = []
    for label, value in rows:
        beside.add_row(text(label), value)
        stacked += [text(label, style="bold"), indent(value)]
    longest = max((cell_len(label) for label, _ in rows), default=0)
    return Either(beside, group(*stacked), needs=longest + padding + VALUE_WIDTH)


def indent(body: RenderableType, columns: int = 2) -> RenderableType:
    """`body` with every line it wraps to `columns` in from the left."""
    from rich.padding import Padding

    return Padding(body, (0, 0, 0, columns))


def row_line(name: str | InertText, *values: str | InertText) -> InertText:
    """One row of a table as a line that wraps between words: "Name: value, value"."""
    line = text()
    line.append_text(text(name, style="bold") if isinstance(name, str) else name)
    line.append(": ")
    for index, value in enumerate(values):
        if index:
            line.append(", ")
        if isinstance(value, str):
            line.append(value)
        else:
            line.append_text(value)
    return line


def heading(value: str) -> InertText:
    return text(value, style="bold")


def bullets(items: Sequence[str]) -> InertText:
    bullet = bullet_mark()
    result = text()
    for index, item in enumerate(items):
        if index:
            result.append("\n")
        result.append(f"{bullet} ")
        result.append(item)
    return result


def bullet_mark() -> str:
    return _marks(BULLET, PLAIN_BULLET)


def bar(value: float | None, maximum: float, width: int = BAR_WIDTH) -> InertText:
    """A text bar that reads without colour: ████████░░░░ 62."""
    if value is None:
        return text(MISSING, style="dim")
    filled = round(width * max(0.0, min(value, maximum)) / maximum)
    full, empty = _marks(BAR_MARKS, PLAIN_BAR_MARKS)
    result = text()
    result.append(full * filled, style="cyan")
    result.append(empty * (width - filled), style="dim")
    return result


def riasec_bars(profile: Mapping[str, float | None], digits: int) -> Either:
    """One line per RIASEC area: its name, a bar over the 1-7 scale, the value; where
    that does not fit, the name and value without the bar (the value is what counts)."""
    from mktcareers.models import RIASEC, RIASEC_NAMES

    areas, bare = grid(), grid()
    for columns in (areas, bare):
        columns.add_column(no_wrap=True)
    areas.add_column(no_wrap=True)
    for columns in (areas, bare):
        columns.add_column(justify="right", no_wrap=True)
    for area in RIASEC:
        value = profile[area]
        shown = MISSING if value is None else f"{value:.{digits}f}"
        name = f"{area} {RIASEC_NAMES[area]}"
        areas.add_row(name, bar(None if value is None else value - 1, 6, width=14), shown)
        bare.add_row(name, shown)
    return Either(areas, bare, whole=True)


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


def money_change(change: int | None) -> str:
    """A change of pay: +$14,710, -$3,000, or MISSING."""
    return MISSING if change is None else f"{'+' if change >= 0 else '-'}${abs(change):,}"


DINGEL_NEIMAN = " (Dingel & Neiman 2020)"
Side = tuple  # (before, after) of one fact of a move; None where it is not known


def what_changes(pay: Side, home: Side, remote: Side, overlap: Side, zone: Side) -> Either:
    """The "What changes" rows of a move, each before -> after with its change: median
    pay (USD a year), teleworkable, remote suitability (0-100; before None when the
    source is no role), IT overlap (0-100) and O*NET job zone (1-5)."""

    def change(before, after) -> int | None:
        return None if before is None or after is None else after - before

    def span(before, after) -> str:
        return f"{or_missing(before)} -> {or_missing(after)}"

    paid = f"{money(pay[0])} -> {money(pay[1])}"
    if change(*pay):
        paid += f" ({money_change(change(*pay))} a year)"
    if remote[0] is None:
        suitability = ("Remote suitability of the role", f"{remote[1]}/100")
    else:
        suitability = ("Remote suitability", f"{span(*remote)}/100" + signed(change(*remote)))
    return label_values(
        [
            ("Median pay (US, BLS)", paid),
            (
                "Can be done from home",
                f"{yes_no(home[0])} -> {yes_no(home[1])} (Dingel & Neiman 2020)",
            ),
            suitability,
            ("IT overlap (0-100)", span(*overlap) + signed(change(*overlap))),
            ("Job zone (O*NET, 1-5)", span(*zone) + signed(change(*zone))),
        ]
    )


def or_missing(value: object) -> str:
    return MISSING if value is None else str(value)


def signed(change: int | None) -> str:
    """ " (+3)" after a value that changed by 3, nothing when it did not change."""
    return "" if not change else f" ({change:+d})"


def yes_no(value: bool | None, unknown: str = "not rated") -> str:
    return unknown if value is None else ("yes" if value else "no")


def level(value: int) -> str:
    """A skill level out of five: ●●●○○ (###.. where the output cannot show ●○)."""
    full, empty = _marks(LEVEL_MARKS, PLAIN_LEVEL_MARKS)
    return full * value + empty * (5 - value)


def _marks(marks: str, plain: str) -> str:
    """`marks` where stdout can show them, else `plain` (as many characters): a
    '?' for each would lose what they tell."""
    from mktcareers.views.console import can_show

    return marks if can_show(marks) else plain


def level_or_dash(value: int | None) -> str:
    return MISSING if value is None else level(value)
