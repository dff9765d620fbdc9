"""`map`: every role on one picture, remote suitability (0-100) across and IT overlap
(0-100) up, and the record of its points that --format prints.

The picture is a grid of characters drawn here, not by a plotting library: a role's
place is its family's letter and a number (M7), the legend under it lists each place's
roles with their two scores, and nothing depends on colour. Roles too close to label
apart on the grid share one place (the legend lists them all). Narrower than
MIN_PICTURE_WIDTH, each family's roles are listed instead; an output that cannot
encode box-drawing characters gets plain ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from mktcareers.role_map import MIDDLE
from mktcareers.views.formats import pick
from mktcareers.views.widgets import Either, group, heading, row_line, table, text

if TYPE_CHECKING:
    from rich.console import RenderableType

    from mktcareers.role_map import FamilyReading, MapPoint, RoleMap
    from mktcareers.views.inert import InertText

# Narrower than this the picture's places crowd into few columns: a list instead.
MIN_PICTURE_WIDTH = 50
# Wider than this the picture gains nothing: the places are already apart.
MAX_PICTURE_WIDTH = 120
# IT overlap rows: 0, 10, ..., 100, a label on every second one.
ROW_STEP = 10
ROWS = 100 // ROW_STEP + 1
LABEL_EVERY = 2
AXIS_TICKS = (0, 20, 40, 60, 80, 100)
# "100 ┤": the IT overlap labels and the axis, left of the grid.
GUTTER = 5
# The legend's title column from TITLE_WIDTH up, its "IT overlap" header (not "IT")
# from FULL_HEADERS up.
TITLE_WIDTH = 100
FULL_HEADERS = 80
FAMILY_STYLES = ("magenta", "cyan", "yellow", "green", "blue", "red")

# Lines and arrows, and the plain ones for an output that cannot encode them.
GLYPHS = {"axis": "│", "tick": "┤", "corner": "└", "rule": "─", "mark": "┬", "guide": "·"}
PLAIN_GLYPHS = {"axis": "|", "tick": "+", "corner": "+", "rule": "-", "mark": "+", "guide": "."}
ARROWS, PLAIN_ARROWS = ("↑", "→"), ("^", "->")


def map_points(role_map: RoleMap) -> list[dict]:
    """The record `map --format` prints: one point per role, in knowledge-base order:
    slug, title, family, marker (the family's letter on the picture), remote_score
    (0-100), it_overlap (0-100, None when not placed), beginner_friendly."""
    fields = ("slug", "title", "family", "marker", "remote_score", "it_overlap")
    return [pick(point, *fields, "beginner_friendly") for point in role_map.points]


class Place(NamedTuple):
    """Roles drawn as one label: `key` numbers it (top to bottom, left to right),
    `row` (0 is IT overlap 0) and `column` (of the grid) are where its label starts,
    `label` the letters of its families and the key (M7, IM12)."""

    key: int
    row: int
    column: int
    points: tuple[MapPoint, ...]
    label: str


def places(points: Sequence[MapPoint], columns: int, markers: Sequence[str]) -> list[Place]:
    """The places of `points` on a grid `columns` wide (remote 0 at column 0, 100 at
    the last): on each row, a point whose label would touch the label before it joins
    that place. `markers` gives the order of the family letters within a label."""
    digits = len(str(max(len(points), 1)))
    rows: dict[int, list[MapPoint]] = {}
    for point in points:
        rows.setdefault(_row(point.it_overlap), []).append(point)
    found = []
    for row in sorted(rows, reverse=True):
        ordered = sorted(rows[row], key=lambda point: (point.remote_score, point.slug))
        current: list[MapPoint] = []
        start = 0
        for point in ordered:
            column = _column(point.remote_score, columns)
            letters = {member.marker for member in [*current, point]}
            # the label so far plus a space, with a key of at most `digits` digits
            if current and column <= start + len(letters) + digits:
                current.append(point)
                continue
            if current:
                found.append((row, start, tuple(current)))
            current, start = [point], column
        found.append((row, start, tuple(current)))
    result = []
    for key, (row, column, members) in enumerate(found, start=1):
        letters = sorted({member.marker for member in members}, key=_order(markers))
        result.append(Place(key, row, column, members, "".join(letters) + str(key)))
    return result


def _order(markers: Sequence[str]):
    return lambda letter: markers.index(letter) if letter in markers else len(markers)


def _row(it_overlap: int | None) -> int:
    """The grid row of an IT overlap (0-100), rounded half up."""
    return int(max(0, min(it_overlap or 0, 100)) / ROW_STEP + 0.5)


def _column(score: int, columns: int) -> int:
    """The grid column of a 0-100 score on a grid `columns` wide, rounded half up."""
    return int(max(0, min(score, 100)) * (columns - 1) / 100 + 0.5)


def map_view(role_map: RoleMap, width: int) -> RenderableType:
    """The picture, its legend and the reading, for a terminal `width` columns wide;
    narrower than MIN_PICTURE_WIDTH, or with no role to place, each family's roles
    as a list, and the reading."""
    width = min(width, MAX_PICTURE_WIDTH)
    drawn = None
    if width >= MIN_PICTURE_WIDTH and role_map.placed:
        drawn = _picture(role_map, width)
    parts: list = []
    if drawn is None:
        why = (
            f"Too narrow for the map (it needs {MIN_PICTURE_WIDTH} columns)"
            if role_map.placed
            else "No role has an IT overlap to place it by"
        )
        parts.append(text(f"{why}: each family's roles, most remote first.", style="dim"))
        parts += _family_lists(role_map)
    else:
        picture, found = drawn
        parts += [picture, _legend(found, width)]
        if role_map.unplaced:
            slugs = ", ".join(point.slug for point in role_map.unplaced)
            parts.append(text(f"Not on the map (no IT overlap yet): {slugs}."))
    parts.append(text(reading(role_map)))
    return group(*parts)


def _picture(role_map: RoleMap, width: int) -> tuple[InertText, list[Place]] | None:
    """The picture as lines of text at most `width` wide, and its places; None when no
    grid fits."""
    from rich.cells import cell_len

    from mktcareers.views.console import can_show

    markers = [family.marker for family in role_map.families]
    styles = _styles(role_map)
    placed = role_map.placed
    columns = width - GUTTER - 1
    found = places(placed, columns, markers)
    # a label starts at its point, so the longest may reach past the grid's last column
    while columns > 1 and GUTTER + _reach(found, columns) > width:
        columns -= GUTTER + _reach(found, columns) - width
        found = places(placed, columns, markers)
    if columns < MIN_PICTURE_WIDTH - GUTTER - 10:
        return None
    plain = not can_show("".join(GLYPHS.values()) + "".join(ARROWS))
    glyphs = PLAIN_GLYPHS if plain else GLYPHS
    up, right = PLAIN_ARROWS if plain else ARROWS
    reach = _reach(found, columns)
    grid = [[(" ", "")] * reach for _ in range(ROWS)]
    middle_column = _column(MIDDLE, columns)
    for row in range(ROWS):
        grid[row][middle_column] = (glyphs["guide"], "dim")
    grid[MIDDLE // ROW_STEP] = [(glyphs["guide"], "dim")] * columns + [(" ", "")] * (
        reach - columns
    )
    for place in found:
        at = place.column
        for letter in place.label.rstrip("0123456789"):
            grid[place.row][at] = (letter, f"bold {styles.get(letter, '')}".strip())
            at += 1
        one_family = len(place.label) - len(str(place.key)) == 1
        for digit in str(place.key):
            grid[place.row][at] = (digit, styles.get(place.label[0], "") if one_family else "")
            at += 1

    picture = text()
    picture.append(f"IT overlap (0-100) {up}\n", style="bold")
    for row in range(ROWS - 1, -1, -1):
        label = row * ROW_STEP
        if row % LABEL_EVERY == 0:
            picture.append(f"{label:>3} {glyphs['tick']}")
        else:
            picture.append(f"    {glyphs['axis']}")
        cells = grid[row]
        while cells and cells[-1][0] == " ":
            cells = cells[:-1]
        for character, style in cells:
            picture.append(character, style=style or None)
        picture.append("\n")
    axis = [glyphs["rule"]] * reach
    numbers = [" "] * (reach + 2)
    for tick in AXIS_TICKS:
        at = _column(tick, columns)
        axis[at] = glyphs["mark"]
        shown = str(tick)
        start = max(0, at - len(shown) // 2)
        numbers[start : start + len(shown)] = shown
    picture.append(f"    {glyphs['corner']}{''.join(axis)}\n")
    picture.append(f"     {''.join(numbers).rstrip()}\n")
    caption = f"Remote suitability (0-100) {right}"
    picture.append(" " * max(0, GUTTER + reach - len(caption)) + caption + "\n", style="bold")
    # the families' letters, then what a label of several letters means (MI8: roles of
    # both families share the place), a line broken between entries, never inside one
    used = 0
    for letters, meaning in _key(role_map, found):
        entry = cell_len(letters) + 1 + cell_len(meaning)
        if used and used + 2 + entry > width:
            picture.append("\n")
            used = 0
        elif used:
            picture.append("  ")
            used += 2
        picture.append(letters, style=f"bold {styles.get(letters, '')}".strip())
        picture.append(f" {meaning}")
        used += entry
    fullest = max(found, key=lambda place: len(place.points))
    shared = (
        f"{fullest.label} holds {len(fullest.points)} roles: close ones share a place"
        if len(fullest.points) > 1
        else "Each place is one role"
    )
    picture.append(f"\n{shared}, listed below. Dots mark {MIDDLE}.")
    return picture, found


def _key(role_map: RoleMap, found: Sequence[Place]) -> list[tuple[str, str]]:
    """(letters, what they mean) for the key under the map: each family's letter and
    name, then each mix of letters a place has ("MI: roles of both families share
    the place"), so a label such as MI8 reads without the legend."""
    names = {family.marker: family.name for family in role_map.families}
    key = [(family.marker, family.name) for family in role_map.families]
    mixes = dict.fromkeys(
        place.label.rstrip("0123456789") for place in found if len(place.points) > 1
    )
    for letters in mixes:
        if len(letters) < 2:
            continue
        if len(letters) == len(names) == 2:
            whose = "roles of both families"
        else:
            whose = " and ".join(names[letter] for letter in letters) + " roles"
        key.append((f"{letters}:", f"{whose} share the place"))
    return key


def _styles(role_map: RoleMap) -> dict[str, str]:
    """marker -> the colour of its family's letters (on top of the letter, never instead)."""
    return {
        family.marker: FAMILY_STYLES[index % len(FAMILY_STYLES)]
        for index, family in enumerate(role_map.families)
    }


def _reach(found: Sequence[Place], columns: int) -> int:
    """The columns the grid takes: `columns`, or to the end of the longest label."""
    return max([columns, *(place.column + len(place.label) for place in found)])


def _legend(found: Sequence[Place], width: int) -> Either:
    """Each place's roles with their scores: a table, or a line per role where the
    table does not fit."""
    with_title = width >= TITLE_WIDTH
    legend = table()
    legend.add_column("Place", no_wrap=True)
    legend.add_column("Role", no_wrap=True)
    if with_title:
        legend.add_column("Title", overflow="fold")
    legend.add_column("Remote", justify="right", no_wrap=True)
    legend.add_column(
        "IT overlap" if width >= FULL_HEADERS else "IT", justify="right", no_wrap=True
    )
    lines = []
    for place in found:
        members = sorted(place.points, key=lambda point: (-point.remote_score, point.slug))
        for index, point in enumerate(members):
            cells = [text(place.label if index == 0 else ""), text(point.slug)]
            if with_title:
                cells.append(text(point.title))
            legend.add_row(*cells, str(point.remote_score), str(point.it_overlap))
            lines.append(row_line(f"{place.label} {point.slug}", *_scores(point, "not rated")))
    return Either(legend, group(heading("Place role: remote, IT overlap"), *lines), whole=True)


def _scores(point: MapPoint, unrated: str) -> tuple[str, str]:
    """A point's remote suitability and IT overlap as shown, `unrated` for no overlap."""
    overlap = unrated if point.it_overlap is None else str(point.it_overlap)
    return str(point.remote_score), overlap


def _family_lists(role_map: RoleMap) -> list:
    """Each family's roles, most remote first, as "slug: 93, 19" (remote suitability,
    IT overlap) under one header saying so."""
    parts = [heading("Role: remote, IT overlap")]
    styles = _styles(role_map)
    for family in role_map.families:
        title = text(family.marker, style=f"bold {styles[family.marker]}")
        title.append_text(heading(f"  {family.name}"))
        parts.append(title)
        mine = [point for point in role_map.points if point.family == family.family]
        mine.sort(key=lambda point: (-point.remote_score, point.slug))
        parts += [row_line(point.slug, *_scores(point, "not rated")) for point in mine]
    return parts


def reading(role_map: RoleMap) -> str:
    """The picture in words, from its numbers: each family's medians and how many of
    its roles reach the middle (MIDDLE) of each scale."""
    return "Reading: " + " ".join(_family_reading(family) for family in role_map.families)


def _family_reading(family: FamilyReading) -> str:
    roles = f"{family.roles} role{'s' if family.roles != 1 else ''}"
    said = (
        f"{family.name} ({family.marker}, {roles}): remote median "
        f"{_number(family.remote_median)}, "
        f"{family.remote_upper} of {family.roles} at {MIDDLE} or more"
    )
    if family.it_overlap_median is None:
        return said + "; IT overlap not rated."
    return (
        f"{said}; IT overlap median {_number(family.it_overlap_median)}, "
        f"{family.it_overlap_upper} of {family.placed} at {MIDDLE} or more."
    )


def _number(value: float) -> str:
    """86 or 85.5: a median of whole scores is whole or ends in .5."""
    return f"{value:g}" if value == int(value) else f"{value:.1f}"
