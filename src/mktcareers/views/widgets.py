"""The pieces every Rich view is built from: inert text, the one kind of table, panels,
bars, and how money, levels and missing values read.

Each noun's view module keeps its machine record beside its Rich view, and machine
formats must never load Rich: so this module imports Rich only inside the functions
that build something, and a view module imports Rich through these alone.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

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

    # show_edge=False: no blank line above the header, so a view never starts blank
    return _folding_table()(
        box=box.SIMPLE_HEAD,
        header_style="bold",
        pad_edge=False,
        show_edge=False,
        expand=expand,
    )


def grid(padding: int = 1) -> Table:
    """Columns without borders or headers, `padding` spaces apart."""
    return _folding_table().grid(padding=(0, padding))


@functools.cache
def _folding_table() -> type[Table]:
    """Rich's Table whose columns fold a word longer than the column onto the next
    line instead of cutting it with "…" (Rich's default): a value is never cut."""
    from rich.table import Table

    class FoldingTable(Table):
        def add_column(self, *args, overflow: str = "fold", **kwargs) -> None:
            super().add_column(*args, overflow=overflow, **kwargs)

    return FoldingTable


def group(*parts: RenderableType) -> Group:
    from rich.console import Group

    return Group(*parts)


def panel(title: str, body: RenderableType) -> FittedPanel:
    """A rounded panel whose title is never cut mid-word (FittedPanel)."""
    return FittedPanel(title, body)


class FittedPanel:
    """A rounded panel with a bold title on its top edge. When the whole title does not
    fit the width it is given, it moves inside the panel as its first line, wrapped
    between words: a title is never cut, and its scale or source ("Skills (level
    1-5)") stays with it."""

    def __init__(self, title: str, body: RenderableType) -> None:
        self.title = title
        self.body = body

    def _panel(self, width: int) -> Panel:
        from rich import box
        from rich.cells import cell_len
        from rich.console import Group
        from rich.panel import Panel

        title = text(self.title, style="bold")
        if cell_len(self.title) <= width - PANEL_TITLE_MARGIN:
            return Panel(self.body, title=title, title_align="left", box=box.ROUNDED)
        return Panel(Group(title, self.body), box=box.ROUNDED)

    def __rich_console__(self, console, options):
        yield self._panel(options.max_width)

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement.get(console, options, self._panel(options.max_width))


# Two corners, a rule and a space each side of a panel's title.
PANEL_TITLE_MARGIN = 6


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


class Field(NamedTuple):
    """One column of a Listing: its `header` (also the value's label when rows are
    stacked), `short` the header used where the full one would widen the column,
    `prose` True for text that may wrap between words (a title, a sentence; other
    cells stay on one line), and `drop` 0 for a column always shown, else the
    order in which columns are left out when narrow (1 first, then 2 ...)."""

    header: str
    justify: str = "left"
    prose: bool = False
    drop: int = 0
    short: str = ""


# Columns of a table are this far apart: a space, the (blank) rule and a space.
COLUMN_GAP = 3


class Listing:
    """The list view: one row per record, the first field its key (a slug or an id,
    what a reader types next). At a given width it is the first of these that fits:
    the table of every field; the table without the fields of drop 1, then 2 ...;
    the same with short headers; else each row stacked: the key in bold, then each
    value beside its label, packed into lines ("Remote 93; IT overlap 40; Median pay
    $76,910"), prose on lines of its own. A column never gets narrower than its
    longest word (a one-line column: its longest value), so no word is broken and
    no value dropped or cut; room left over goes to the prose columns, the first
    one first (what a reader came for)."""

    def __init__(
        self,
        fields: Sequence[Field],
        rows: Sequence[Sequence[str | InertText]],
        stacked: RenderableType | None = None,
    ) -> None:
        """`stacked`, when given, is drawn instead of the rows stacked field by field."""
        self.fields = list(fields)
        self.sections: list[tuple[str | None, list, RenderableType | None]] = []
        self.rows: list = []
        self.add_section(None, rows, stacked)

    def add_section(
        self,
        heading: str | None,
        rows: Sequence[Sequence[str | InertText]],
        stacked: RenderableType | None = None,
    ) -> None:
        """More rows under a bold `heading` (no rows: "none"), laid out like the rest:
        the same columns, as wide, so the sections line up."""
        rows = [[text(c) if isinstance(c, str) else c for c in row] for row in rows]
        self.sections.append((heading, rows, stacked))
        self.rows += rows

    def _needs(self, index: int, short: bool) -> tuple[int, int]:
        """(least, most) columns field `index` takes: words whole, lines whole."""
        from rich.cells import cell_len

        field = self.fields[index]
        header = field.short if short and field.short else field.header
        cells = [row[index].plain for row in self.rows]
        lines = [cell_len(line) for cell in cells for line in cell.splitlines()]
        words = [cell_len(word) for cell in cells for word in cell.split()]
        most = max([cell_len(header), *lines])
        if not field.prose:
            return most, most
        return max([*map(cell_len, header.split()), *words]), most

    def _widths(self, kept: list[int], short: bool, room: int) -> list[int] | None:
        """Each kept field's width within `room` columns, or None if they do not fit."""
        needs = [self._needs(index, short) for index in kept]
        widths = [least for least, _ in needs]
        spare = room - sum(widths) - COLUMN_GAP * (len(kept) - 1)
        if spare < 0:
            return None
        for position, index in enumerate(kept):
            if self.fields[index].prose:
                more = min(spare, needs[position][1] - widths[position])
                widths[position] += more
                spare -= more
        return widths

    def _table(self, kept: list[int], short: bool, widths: list[int]) -> Group:
        return self._by_section(lambda rows, _: self._rows_table(rows, kept, short, widths))

    def _by_section(self, draw) -> Group:
        """Each section's heading, then `draw(rows, stacked)` of its rows."""
        parts: list[RenderableType] = []
        for heading, rows, stacked in self.sections:
            if heading is None and not rows:
                continue
            if heading is not None:
                parts += [text("")] if parts else []
                parts.append(text(heading, style="bold"))
                if not rows:
                    parts.append(text("none", style="dim"))
                    continue
            parts.append(draw(rows, stacked))
        return group(*parts)

    def _rows_table(self, rows, kept: list[int], short: bool, widths: list[int]) -> Table:
        listed = table()
        for index, width in zip(kept, widths, strict=True):
            field = self.fields[index]
            header = field.short if short and field.short else field.header
            listed.add_column(header, justify=field.justify, width=width, no_wrap=not field.prose)
        for row in rows:
            listed.add_row(*(row[index] for index in kept))
        return listed

    def chosen(self, width: int) -> RenderableType:
        """What is drawn in `width` columns: a table, or the rows stacked."""
        levels = sorted({field.drop for field in self.fields if field.drop})
        for level in [0, *levels]:
            kept = [
                index
                for index, field in enumerate(self.fields)
                if not field.drop or field.drop > level or index == 0
            ]
            fitting = [
                (short, widths)
                for short in (False, True)
                if (widths := self._widths(kept, short, width)) is not None
            ]
            # full headers, unless short ones let prose stay on one line
            for short, widths in fitting:
                if short or all(
                    widths[position] >= self._needs(index, short)[1]
                    for position, index in enumerate(kept)
                ):
                    return self._table(kept, short, widths)
            if fitting:
                return self._table(kept, *fitting[-1])
        return self._by_section(
            lambda rows, stacked: self._stacked(rows, width) if stacked is None else stacked
        )

    def _stacked(self, rows, width: int) -> Group:
        from rich.cells import cell_len

        room = max(width - 2, 1)
        blocks: list[RenderableType] = []
        for row in rows:
            blocks.append(text(row[0].plain, style="bold"))
            line = text()
            for field, cell in zip(self.fields[1:], row[1:], strict=True):
                if field.prose:
                    if line.plain:
                        blocks.append(indent(line))
                        line = text()
                    own = text(f"{field.header}: ", style="dim")
                    blocks.append(indent(own.append_text(cell)))
                    continue
                chunk = text(f"{field.header} ", style="dim").append_text(cell)
                if line.plain and cell_len(line.plain) + 2 + cell_len(chunk.plain) > room:
                    blocks.append(indent(line))
                    line = text()
                if line.plain:
                    line.append("; ")
                line.append_text(chunk)
            if line.plain:
                blocks.append(indent(line))
        return group(*blocks)

    def __rich_console__(self, console, options):
        yield self.chosen(options.max_width)

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement.get(console, options, self.chosen(options.max_width))


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
    that does not fit, the name and value without the bar (the value is what counts);
    narrower still, each value on the line under its area's name."""
    from mktcareers.models import RIASEC, RIASEC_NAMES

    areas, bare, stacked = grid(), grid(), []
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
        stacked += [text(name), text(f"  {shown}")]
    return Either(areas, Either(bare, group(*stacked), whole=True), whole=True)


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


# Words for the parts of a similarity (docs/method.md, "Similarity in words"): the
# lowest value of each band, highest band first. Numbers stay in --format json.
SKILL_BANDS = (
    (0.5, "many skills in common"),
    (0.3, "a fair share of skills in common"),
    (0.15, "some skills in common"),
    (0.0, "few skills in common"),
)
# A move from an occupation compares O*NET's skill and knowledge levels (a cosine).
PROFILE_BANDS = (
    (0.7, "very alike skill and knowledge levels"),
    (0.4, "alike skill and knowledge levels"),
    (0.15, "somewhat alike skill and knowledge levels"),
    (0.0, "different skill and knowledge levels"),
)
# On Pearson's r of the two RIASEC profiles (-1 to 1): the quiz's bands (docs/quiz.md,
# quiz.reasons.INTEREST_BANDS), so the same words mean the same r everywhere.
INTEREST_BANDS = (
    (0.7, "interests match strongly"),
    (0.3, "interests match moderately"),
    (0.0, "interests match only weakly"),
    (-1.0, "interests point different ways"),
)


def band(value: float, bands: Sequence[tuple[float, str]]) -> str:
    """The words of the first band whose lowest value `value` reaches (else the last)."""
    return next((words for lowest, words in bands if value >= lowest), bands[-1][1])


def similarity_words(similarity, skill_bands: Sequence[tuple[float, str]] = SKILL_BANDS) -> str:
    """A similarity.Similarity's parts in words: "some skills in common; interests match
    strongly; the same job zone". `skills` and `interests` are 0-1 (interests is
    (r + 1) / 2), `job_zone` 1 - |difference| / 4; a part without data is left out."""
    words = []
    if similarity.skills is not None:
        words.append(band(similarity.skills, skill_bands))
    if similarity.interests is not None:
        words.append(band(2 * similarity.interests - 1, INTEREST_BANDS))
    if similarity.job_zone is not None:
        apart = round(4 * (1 - similarity.job_zone))
        words.append(
            "the same job zone (preparation)"
            if apart == 0
            else f"{apart} job zone{'s' * (apart > 1)} apart (preparation)"
        )
    return "; ".join(words)


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
