"""role_map: the points, the families' letters and medians; and the picture drawn from
any set of points (views.map), at any width."""

import io
import re
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mktcareers.models import Family, RoleSummary
from mktcareers.role_map import SHARED_MARKER, family_markers, role_map


def _family(family_id: str, name: str) -> Family:
    return Family(id=family_id, name=name, summary="", core_focus=())


def _summary(slug: str, family: str, remote: int, overlap: int | None, beginner=False):
    return RoleSummary(
        slug=slug,
        title=slug.replace("-", " ").title(),
        family=family,
        remote_score=remote,
        teleworkable=None,
        it_overlap=overlap,
        pay_median=None,
        job_zone=None,
        growth_pct=None,
        annual_openings=None,
        riasec=None,
        beginner_friendly=beginner,
        onet_codes=(),
    )


@pytest.mark.parametrize(
    ("families", "expected"),
    [
        ([("marketing", "Digital marketing"), ("it", "IT")], ["M", "I"]),
        # a taken first letter: the id's next letter, then the name's
        ([("marketing", "Marketing"), ("media", "Media")], ["M", "E"]),
        ([("mm", "Mm"), ("m", "Media")], ["M", "E"]),
        # an accented letter counts as its base letter
        ([("é", "ü"), ("a", "A")], ["E", "A"]),
        ([("ñ-m", "Ñu"), ("x", "X")], ["N", "X"]),
        # no letter A-Z of its own (another script): the first free one
        ([("данные", "Данные"), ("a", "A")], ["A", "B"]),
        # ß is SS in upper case: a marker is still one letter
        ([("ß", "ß")], ["S"]),
    ],
)
def test_family_markers(families, expected):
    assert list(family_markers(families).values()) == expected


def test_family_markers_run_out_to_a_shared_marker():
    markers = family_markers([(f"f{index}", "") for index in range(60)])
    letters = list(markers.values())
    assert len(set(letters[:52])) == 52 and all(len(letter) == 1 for letter in letters)
    assert set(letters[52:]) == {SHARED_MARKER}


def test_role_map_points_families_and_medians():
    families = {"marketing": _family("marketing", "Marketing"), "it": _family("it", "IT")}
    summaries = [
        _summary("a", "it", 10, 90),
        _summary("b", "marketing", 90, 10),
        _summary("c", "marketing", 71, None),
        _summary("d", "marketing", 50, 60),
        _summary("e", "sales", 20, 20),  # a family the catalogue lacks
    ]
    mapped = role_map(summaries, families)
    assert [point.slug for point in mapped.points] == ["a", "b", "c", "d", "e"]
    assert [point.marker for point in mapped.points] == ["I", "M", "M", "M", "S"]
    assert [point.slug for point in mapped.unplaced] == ["c"]
    assert len(mapped.placed) == 4
    marketing, it, sales = mapped.families
    assert (marketing.family, it.family, sales.family) == ("marketing", "it", "sales")
    assert sales.name == "sales"
    assert marketing.roles == 3 and marketing.placed == 2
    assert marketing.remote_median == statistics.median([90, 71, 50]) == 71
    assert marketing.it_overlap_median == 35  # of 10 and 60
    assert marketing.remote_upper == 3 and marketing.it_overlap_upper == 1
    assert it.remote_upper == 0 and it.it_overlap_upper == 1


def test_a_filter_never_changes_a_familys_letter():
    families = {"media": _family("media", "Media"), "marketing": _family("marketing", "M")}
    only_marketing = role_map([_summary("b", "marketing", 90, 10)], families)
    assert only_marketing.points[0].marker == "A"  # media has M, marketing A
    assert [family.family for family in only_marketing.families] == ["marketing"]


def _render(mapped, width: int) -> str:
    from rich.console import Console

    from mktcareers.views.map import map_view

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False)
    console.print(map_view(mapped, width))
    return buffer.getvalue()


# a digit at the end: no slug is a word of the picture's own text
slugs = st.from_regex(r"[a-z]{1,12}(-[a-z]{1,12}){0,2}[0-9]", fullmatch=True)
points = st.lists(
    st.tuples(
        slugs,
        st.sampled_from(["marketing", "it", "design"]),
        st.integers(0, 100),
        st.integers(0, 100),
    ),
    min_size=1,
    max_size=60,
    unique_by=lambda point: point[0],
)


@settings(max_examples=60, deadline=None)
@given(points=points, width=st.integers(50, 160))
def test_any_points_at_any_width_draw_every_role_once(points, width):
    families = {
        "marketing": _family("marketing", "Marketing"),
        "it": _family("it", "IT"),
        "design": _family("design", "Design"),
    }
    mapped = role_map([_summary(*point) for point in points], families)
    shown = _render(mapped, width)
    lines = shown.splitlines()
    assert max(len(line) for line in lines) <= width
    start = next(at for at, line in enumerate(lines) if line.startswith("IT overlap"))
    grid = lines[start + 1 : start + 12]
    drawn = [
        label for line in grid for label in re.findall(r"[A-Z]+\d+", line[5:].replace("·", " "))
    ]
    # labels never run into each other: each is whole, and numbered 1..N once
    assert not any(re.search(r"\d[A-Z]", line) for line in grid), grid
    keys = sorted(int(re.sub("[A-Z]", "", label)) for label in drawn)
    assert keys == list(range(1, len(keys) + 1))
    legend = "\n".join(lines[start + 12 :]).split("Reading:")[0]
    for slug, *_ in points:
        assert len(re.findall(rf"(?<![\w-]){re.escape(slug)}(?![\w-])", legend)) == 1, slug
