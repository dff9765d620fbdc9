"""Every view at 40, 60, 80 and 120 columns, through the CLI: the facts a reader came
for (taken from the view's own --format json record) appear with every word whole,
no line is wider than the terminal, nothing is cut with "…" (a panel title may end in
one: the body says it in full), and no view starts with a blank line."""

import json
import re

import pytest

WIDTHS = (40, 60, 80, 120)


def _money(value: int) -> str:
    return f"${value:,}"


def _change(value: int) -> str:
    return f"{'+' if value >= 0 else '-'}${abs(value):,}"


def _roles_list(record):
    return [fact for row in record for fact in (row["slug"], _money(row["pay_median"]))]


def _role_show(record):
    return [
        record["title"],
        record["summary"],
        _money(record["pay_median"]),
        f"{record['remote_score']}/100",
        *(skill["name"] for skill in record["skills"]),
        *record["tools"],
        *(factor["reason"] for factor in record["remote"]["factors"]),
        *(f"{value:.2f}" for value in record["riasec"].values()),
    ]


def _compare_roles(record):
    sides = (record["left"], record["right"])
    return [
        *(side["summary"] for side in sides),
        *(_money(side["pay_median"]) for side in sides),
        *(pair["name"] for key in ("shared_skills", "only_left_skills") for pair in record[key]),
        *record["only_left_tools"],
        *record["only_right_tools"],
    ]


def _compare_families(record):
    return [
        *(bridge["slug"] for bridge in record["bridge_roles"]),
        *(side["name"] for side in (record["left"], record["right"])),
        *record["verdict"],
        *record["shared_tools"],
    ]


def _compare_role_family(record):
    return [role["slug"] for role in record["closest_roles"]]


def _closest_moves(record):
    return [
        fact
        for move in record["moves"]
        for fact in (move["slug"], move["size"], _change(move["pay_change"]))
    ]


def _occupation_move(record):
    return [
        record["from"]["code"],
        record["to"]["title"],
        _change(record["pay_change"]),
        *(gap["name"] for gap in record["to_grow"][:10]),
        *(skill["name"] for skill in record["role_skills"]),
    ]


def _role_move(record):
    return [
        _money(record["from"]["pay_median"]),
        _money(record["to"]["pay_median"]),
        *(gap["name"] for gap in record["skills_to_build"]),
        *(gap["name"] for gap in record["skills_you_bring"]),
        *record["certifications"],
    ]


def _skills_list(record):
    return [fact for skill in record for fact in (skill["id"], skill["name"])]


def _skill_show(record):
    return [record["name"], record["description"], *(role["slug"] for role in record["roles"])]


def _search(record):
    return [hit["slug"] or hit["code"] for hit in record] + [hit["title"] for hit in record]


def _occupation_show(record):
    return [
        record["code"],
        record["title"],
        _money(record["pay_median"]),
        *record["alternate_titles"][:12],
        *record["technology_categories"],
        *(role["slug"] for roles in record["closest_roles"].values() for role in roles),
    ]


# (arguments, the facts of its --format json record that must read whole)
VIEWS = [
    (("roles", "list"), _roles_list),
    (("role", "show", "seo-specialist"), _role_show),
    (("role", "show", "marketing-automation-specialist"), _role_show),
    (("compare", "seo-specialist", "web-developer"), _compare_roles),
    (("compare", "marketing-automation-specialist", "network-support-specialist"), _compare_roles),
    (("compare", "marketing", "it"), _compare_families),
    (("compare", "copywriter", "marketing"), _compare_role_family),
    (("path", "it-support-specialist"), _closest_moves),
    (("path", "27-3023"), _closest_moves),
    (("path", "27-3023.00", "copywriter"), _occupation_move),
    (("path", "copywriter", "seo-specialist"), _role_move),
    (("path", "it-support-specialist", "marketing-automation-specialist"), _role_move),
    (("skills", "list"), _skills_list),
    (("skill", "show", "seo"), _skill_show),
    (("search", "seo"), _search),
    (("occupation", "show", "journalist"), _occupation_show),
]

_SEPARATORS = re.compile(r"[\s│╭╮╰╯─]+")
_EDGES = ",;:.()[]'\""


def tokens(shown: str) -> set[str]:
    """The words printed, without the panels' borders and the punctuation around them."""
    return {word.strip(_EDGES) for word in _SEPARATORS.split(shown)} - {""}


def broken_words(shown: str, facts) -> list[str]:
    """The words of `facts` that are not printed whole (cut, broken or left out)."""
    printed = tokens(shown)
    return [
        word
        for fact in facts
        for word in (part.strip(_EDGES) for part in str(fact).split())
        if word and word not in printed
    ]


def _show(run, args, width: int) -> str:
    result = run(*args, env={"COLUMNS": str(width), "TERMINAL_WIDTH": str(width)})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("args", "facts"), VIEWS, ids=lambda value: " ".join(value) if isinstance(value, tuple) else ""
)
def test_every_view_reads_whole_at_every_width(run, args, facts, width):
    record = json.loads(run(*args, "--format", "json").stdout)
    shown = _show(run, args, width)
    lines = shown.splitlines()
    assert lines and lines[0].strip(), "a view starts with a blank line"
    assert max(len(line) for line in lines) <= width
    assert not [line for line in lines if "…" in line and not line.startswith("╭")]
    missing = broken_words(shown, facts(record))
    assert not missing, f"not whole at {width} columns: {missing[:8]}"


def test_the_check_finds_a_word_broken_across_lines():
    """The check above can fail: "Communica" / "tion" is no whole "Communication"."""
    assert broken_words("│ Communica │\n│ tion     │", ["Communication"]) == ["Communication"]
    assert broken_words("│ Communication, │", ["Communication"]) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_kb_validate_wraps_between_words(run, width):
    shown = _show(run, ("kb", "validate"), width)
    # a path longer than the width (an installed package's, in CI) takes a line of its own
    assert " ".join(shown.split()).startswith("OK: ")
    # a word longer than the width (the path) stays whole on a continuation line (indent 2)
    longest_word = max(len(word) for word in shown.split())
    assert max(len(line) for line in shown.splitlines()) <= max(width, longest_word + 2)
    assert re.search(r"\b\d+ roles,", " ".join(shown.split()))


@pytest.mark.parametrize(
    "args", [args for args, _ in VIEWS] + [("roles", "list", "--format", "table")], ids=" ".join
)
def test_no_view_starts_with_a_blank_line_in_a_pipe(run, args):
    """`mktcareers roles list | head -1` prints the header, not a blank line."""
    assert run(*args).stdout.splitlines()[0].strip()


def test_a_huge_columns_does_not_pad_lines_with_thousands_of_spaces(run):
    shown = run("role", "show", "copywriter", env={"COLUMNS": "99999"}).stdout
    assert max(len(line) for line in shown.splitlines()) <= 200


def test_narrow_lists_stack_each_row_with_labels(run):
    """Below the narrowest table, each role is its slug then its values, labelled;
    at 60 columns a table without title and family still fits."""
    narrow = _show(run, ("roles", "list"), 40)
    block = narrow.split("\ncopywriter\n", 1)[1].split("\ncybersecurity-analyst\n")[0]
    assert "Title: Copywriter" in block and "Median pay $76,910" in " ".join(block.split())
    table = _show(run, ("roles", "list"), 60)
    assert table.startswith("Slug ") and "Title" not in table.splitlines()[0]
    assert re.search(r"^copywriter +\d+ +\d+ +\$76,910", table, flags=re.MULTILINE)


@pytest.mark.parametrize("width", [40, 60])
def test_kb_validate_keeps_a_long_path_whole(run, kb_dir, width):
    """As the bundled path is in an installed package (CI): longer than the width."""
    deep = kb_dir.parent / ("a-folder-with-a-long-name-" * 3) / "kb"
    deep.parent.mkdir()
    kb_dir.rename(deep)
    shown = run("kb", "validate", str(deep), env={"COLUMNS": str(width)}).stdout
    assert str(deep) in shown.split()
    assert " ".join(shown.split()).startswith("OK: ")
    assert max(len(line) for line in shown.splitlines()) <= max(width, len(str(deep)) + 2)
