"""`mktcareers map` through the command line: the picture at every width, its points in
the machine formats, a changed score that moves its role, colour and encodings."""

import json
import os
import re
import statistics
import subprocess
import sys

import pytest
import yaml

WIDTHS = (40, 60, 80, 120)
# A line of the grid: an IT overlap label or none, the axis, then the cells.
GRID_LINE = re.compile(r"^( {0,2}\d{1,3}| {3}) [┤│+|](.*)$")
# A place on the picture: its families' letters and its number.
PLACE = re.compile(r"[A-Za-z*]+\d+")
# A row of the legend: a place's label on its first role, the slug, (title,) two scores.
LEGEND_ROW = re.compile(r"^ ?([A-Za-z*]+\d+)? +([a-z0-9-]+) .*?(\d+) +(\d+) *$")


def _map(run, *args, width: int = 80, data=None, env=None) -> str:
    prefix = ("--data", str(data)) if data else ()
    columns = {"COLUMNS": str(width), "TERMINAL_WIDTH": str(width), **(env or {})}
    result = run(*prefix, "map", *args, env=columns)
    assert result.exit_code == 0, result.output
    return result.stdout


def _points(run, *args, data=None) -> list[dict]:
    return json.loads(_map(run, *args, "--format", "json", data=data))


def _grid(shown: str) -> dict[str, tuple[int, int]]:
    """place label -> (IT overlap of its row, column it starts at) on the picture."""
    found = {}
    lines = shown.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("IT overlap")))
    rows = [GRID_LINE.match(line) for line in lines[start + 1 : start + 12]]
    assert all(rows), lines[start : start + 12]
    for index, row in enumerate(rows):
        for place in PLACE.finditer(row.group(2)):
            found[place.group()] = (100 - 10 * index, place.start())
    return found


def _legend(shown: str) -> dict[str, str]:
    """slug -> the label of its place, from the legend's table (Place, Role, ...)."""
    lines = shown.splitlines()
    header = next(at for at, line in enumerate(lines) if line.split()[:2] == ["Place", "Role"])
    where, label = {}, None
    for line in lines[header + 2 :]:
        row = LEGEND_ROW.match(line)
        if row is None:
            break
        label = row.group(1) or label
        where[row.group(2)] = label
    return where


@pytest.mark.parametrize("width", WIDTHS)
def test_every_role_whole_and_every_line_fits(run, bundled, width):
    shown = _map(run, width=width)
    lines = shown.splitlines()
    assert max(len(line) for line in lines) <= width
    words = {word.strip(":,.") for line in lines for word in line.split()}
    for role in bundled.roles:
        assert role.slug in words, f"{role.slug} cut at {width} columns"
    assert "Reading:" in shown
    if width < 50:
        assert "Too narrow for the map" in shown and "Remote suitability" not in shown
    else:
        assert "Remote suitability (0-100)" in shown and "IT overlap (0-100)" in shown


@pytest.mark.parametrize("width", (60, 80, 120))
def test_legend_lists_every_place_the_picture_shows(run, bundled, width):
    shown = _map(run, width=width)
    drawn = _grid(shown)
    listed = _legend(shown) if width >= 60 else {}
    # every role in the legend once, at a place the picture shows
    assert sorted(listed) == sorted(role.slug for role in bundled.roles)
    assert set(listed.values()) == set(drawn)
    # roles whose labels would touch share a place: fewer places than roles here
    assert len(drawn) < len(bundled.roles)
    families = {role.slug: role.family for role in bundled.roles}
    letters = {"marketing": "M", "it": "I"}
    for slug, label in listed.items():
        assert letters[families[slug]] in label.rstrip("0123456789")


def test_a_place_sits_where_its_roles_scores_put_it(run, bundled):
    shown = _map(run, width=80)
    drawn, listed = _grid(shown), _legend(shown)
    for role in bundled.roles:
        row, _ = drawn[listed[role.slug]]
        assert abs(row - role.it_overlap) <= 5, role.slug
    # left to right on one row follows the remote scores
    by_place = {}
    for role in bundled.roles:
        by_place.setdefault(listed[role.slug], []).append(role.remote.score)
    for first, (row, column) in drawn.items():
        for second, (other_row, other_column) in drawn.items():
            if row == other_row and column < other_column:
                assert min(by_place[first]) < min(by_place[second])


def test_json_points_are_the_roles_numbers(run, bundled):
    points = _points(run)
    assert [point["slug"] for point in points] == [role.slug for role in bundled.roles]
    for point, role in zip(points, bundled.roles, strict=True):
        assert point["remote_score"] == role.remote.score
        assert point["it_overlap"] == role.derived.it_overlap.score
        assert point["family"] == role.family
        assert point["marker"] == {"marketing": "M", "it": "I"}[role.family]
    listed = {row["slug"]: row for row in json.loads(_list(run))}
    for point in points:
        assert point["remote_score"] == listed[point["slug"]]["remote_score"]
        assert point["it_overlap"] == listed[point["slug"]]["it_overlap"]


def _list(run) -> str:
    result = run("roles", "list", "--format", "json")
    assert result.exit_code == 0
    return result.stdout


@pytest.mark.parametrize("fmt", ["yaml", "csv", "md"])
def test_other_formats_give_the_same_points(run, fmt):
    points = _points(run)
    shown = _map(run, "--format", fmt)
    if fmt == "yaml":
        assert yaml.safe_load(shown) == points
    else:
        for point in points:
            assert f"{point['slug']}" in shown
            assert re.search(
                rf"{point['slug']}.*\b{point['remote_score']}\b.*\b{point['it_overlap']}\b", shown
            )


def test_a_changed_score_moves_its_role(run, kb_dir):
    slug = "field-marketing-manager"
    before_points = {point["slug"]: point for point in _points(run, data=kb_dir)}
    before = _map(run, data=kb_dir)
    role_path = kb_dir / "roles" / f"{slug}.yaml"
    role_path.write_text(re.sub(r"rating: \d", "rating: 4", role_path.read_text()))
    derived_path = kb_dir / "generated" / "derived.yaml"
    derived = yaml.safe_load(derived_path.read_text())
    derived["roles"][slug]["it_overlap"]["score"] = 90
    derived_path.write_text(yaml.safe_dump(derived))

    after_points = {point["slug"]: point for point in _points(run, data=kb_dir)}
    assert after_points[slug]["remote_score"] == 100 > before_points[slug]["remote_score"]
    assert after_points[slug]["it_overlap"] == 90
    after = _map(run, data=kb_dir)
    (row_before, column_before) = _grid(before)[_legend(before)[slug]]
    (row_after, column_after) = _grid(after)[_legend(after)[slug]]
    assert row_after == 90 and abs(row_before - before_points[slug]["it_overlap"]) <= 5
    assert column_after > column_before
    # the reading follows: the marketing medians are the new points'
    assert _reading(after) != _reading(before)
    marketing = [point for point in after_points.values() if point["family"] == "marketing"]
    remote = statistics.median(point["remote_score"] for point in marketing)
    assert f"remote median {remote:g}," in _reading(after)


def _reading(shown: str) -> str:
    return " ".join(shown[shown.index("Reading:") :].split())


@pytest.mark.parametrize("width", (40, 80))
def test_the_reading_is_each_familys_medians(run, bundled, width):
    reading = _reading(_map(run, width=width))
    for family in bundled.families.values():
        roles = [role for role in bundled.roles if role.family == family.id]
        remote = statistics.median(role.remote.score for role in roles)
        overlap = statistics.median(role.it_overlap for role in roles)
        upper = sum(role.it_overlap >= 50 for role in roles)
        assert (
            f"{family.name} ({family.id[0].upper()}, {len(roles)} roles): "
            f"remote median {remote:g}," in reading
        )
        assert f"IT overlap median {overlap:g}, {upper} of {len(roles)} at 50 or more" in reading


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--family", "it"], lambda point: point["family"] == "it"),
        (["--family", "Digital marketing"], lambda point: point["family"] == "marketing"),
        (["--beginner"], lambda point: point["beginner_friendly"]),
    ],
)
def test_filters(run, bundled, args, check):
    points = _points(run, *args)
    assert points and all(check(point) for point in points)
    assert len(points) < len(bundled.roles)
    shown = _map(run, *args)
    assert all(point["slug"] in shown for point in points)


def test_a_filter_that_leaves_nothing_and_an_unknown_family(run, kb_dir):
    (kb_dir / "families.yaml").write_text(
        (kb_dir / "families.yaml").read_text()
        + "  - id: sales\n    name: Sales\n    summary: Roles that sell.\n"
        + "    core_focus: [Closing deals]\n"
    )
    empty = run("--data", str(kb_dir), "map", "--family", "sales")
    assert empty.exit_code == 1 and "no roles match" in empty.stderr
    assert run("--data", str(kb_dir), "map", "--family", "sales", "-f", "json").stdout == "[]\n"
    unknown = run("map", "--family", "markting")
    assert unknown.exit_code == 1 and "Did you mean: marketing?" in unknown.stderr


def test_a_third_family_gets_its_own_letter(run, design_kb):
    points = _points(run, data=design_kb)
    markers = {point["family"]: point["marker"] for point in points}
    assert markers == {"marketing": "M", "it": "I", "design": "D"}
    shown = _map(run, data=design_kb, width=80)
    assert "D Visual design" in shown
    listed = _legend(shown)
    for slug in ("graphic-designer", "ux-ui-designer"):  # alone, or with others (MD14)
        assert "D" in listed[slug].rstrip("0123456789")
    assert "Visual design (D, 2 roles)" in _reading(shown)


def test_letters_not_colour_carry_the_families(run):
    coloured = _map(run, env={"FORCE_COLOR": "1"})
    plain = _map(run)
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
    no_colour = _map(run, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not re.search(r"\x1b\[(?:[0-9;]*;)?3[0-7]m", no_colour)  # no foreground colour
    assert re.sub(r"\x1b\[[0-9;]*m", "", no_colour) == plain


def _program(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mktcareers", "map", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("width", (40, 60, 80))
def test_an_ascii_output_draws_the_picture_in_plain_characters(width):
    done = _program(env={"PYTHONIOENCODING": "ascii", "COLUMNS": str(width)})
    assert done.returncode == 0 and not done.stderr
    assert done.stdout.isascii() and "?" not in done.stdout
    if width >= 50:
        assert "Remote suitability (0-100) ->" in done.stdout
        assert re.search(r"^ 80 \+", done.stdout, flags=re.MULTILINE)
    assert "seo-specialist" in done.stdout


@pytest.mark.parametrize("columns", ["0", "1", "100000"])
def test_any_columns_draws_without_cutting(columns):
    done = _program(env={"COLUMNS": columns})
    assert done.returncode == 0 and not done.stderr
    # at COLUMNS=1 (read as 20) a 31-letter slug is folded over two lines, never cut
    assert "marketing-automation-specialist" in done.stdout.replace("\n", "")
    assert "seo-specialist" in done.stdout and "Reading:" in done.stdout


@pytest.mark.parametrize(
    ("width", "line"),
    [
        (40, r"^([a-z0-9-]+): (\d+), (\d+)$"),  # the families' lists
        (50, r"^[A-Z]+\d+ ([a-z0-9-]+): (\d+), (\d+)$"),  # the legend as lines
    ],
)
def test_narrow_lines_give_each_roles_two_scores(run, width, line):
    shown = _map(run, width=width)
    lines = re.finditer(line, shown, flags=re.MULTILINE)
    found = {match[1]: (int(match[2]), int(match[3])) for match in lines}
    assert "remote, IT overlap" in shown  # the header that says which number is which
    points = {point["slug"]: (point["remote_score"], point["it_overlap"]) for point in _points(run)}
    assert found == points
