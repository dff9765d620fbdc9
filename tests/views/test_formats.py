import csv
import io
import json
import re
import subprocess
import sys

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mktcareers.views.formats import MACHINE_FORMATS, OutputFormat, flatten, render
from mktcareers.views.inert import inert

ROWS = [
    {"slug": "a", "score": 1, "ok": True, "codes": ["x", "y"], "pay": {"median": 10}},
    {"slug": "b|c", "score": None, "ok": False, "codes": [], "pay": {"median": None}},
]


def test_every_machine_format_is_handled():
    assert set(MACHINE_FORMATS) == set(OutputFormat) - {OutputFormat.table}
    for fmt in MACHINE_FORMATS:
        assert render(ROWS, fmt).endswith("\n")


def test_json_and_yaml_round_trip():
    assert json.loads(render(ROWS, OutputFormat.json)) == ROWS
    assert yaml.safe_load(render(ROWS, OutputFormat.yaml)) == ROWS


def test_csv_flattens_nested_values():
    rows = list(csv.DictReader(io.StringIO(render(ROWS, OutputFormat.csv))))
    assert rows[0] == {"slug": "a", "score": "1", "ok": "true", "codes": "x; y", "pay.median": "10"}
    assert rows[1] == {"slug": "b|c", "score": "", "ok": "false", "codes": "", "pay.median": ""}


def test_markdown_escapes_pipes():
    lines = render(ROWS, OutputFormat.md).splitlines()
    assert lines[0] == "| slug | score | ok | codes | pay.median |"
    assert lines[3] == "| b\\|c |  | false |  |  |"


def test_single_object_as_markdown_is_field_value():
    text = render({"slug": "a", "pay": {"median": 5}}, OutputFormat.md)
    assert text.splitlines()[2:] == ["| slug | a |", "| pay.median | 5 |"]


def test_flatten_keeps_lists_of_objects_as_json():
    assert flatten({"skills": [{"id": "seo"}]}) == {"skills": '[{"id": "seo"}]'}


def test_table_is_not_a_machine_format():
    with pytest.raises(ValueError):
        render(ROWS, OutputFormat.table)


def test_single_object_with_records_gets_a_table_per_list():
    record = {
        "code": "AE",
        "matches": [{"slug": "copywriter", "fit": 90, "reasons": ["a", "b"]}, {"slug": "x"}],
    }
    assert render(record, OutputFormat.md) == (
        "| field | value |\n|---|---|\n| code | AE |\n"
        "\n### matches\n\n"
        "| slug | fit | reasons |\n|---|---|---|\n"
        "| copywriter | 90 | a; b |\n| x |  |  |\n"
    )


def test_json_lists_one_record_per_line_and_objects_indented():
    text = render(ROWS, OutputFormat.json)
    lines = text.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(ROWS) + 2
    assert [json.loads(line.strip().rstrip(",")) for line in lines[1:-1]] == ROWS
    one = render(ROWS[0], OutputFormat.json)
    assert one.startswith("{\n  ") and json.loads(one) == ROWS[0]
    assert json.loads(render([], OutputFormat.json)) == []


@pytest.mark.parametrize(
    "args",
    [
        ("roles", "list"),
        ("role", "show", "seo-specialist"),
        ("compare", "marketing", "it"),
        ("path", "copywriter", "seo-specialist"),
        ("search", "google ads"),
        ("skill", "show", "python"),
        ("quiz", "items"),
    ],
    ids=" ".join,
)
def test_machine_formats_never_import_rich(args):
    """Rich is half of a command's start-up: only a table may pay for it. The table is
    checked too, so that this test can fail. Run twice: parsed, then from the cache."""

    def imported(fmt: str) -> set[str]:
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "mktcareers", *args, "--format", fmt],
            capture_output=True,
            text=True,
            check=True,
        )
        lines = result.stderr.splitlines()
        return {line.rsplit("|", 1)[-1].strip() for line in lines if line.startswith("import")}

    for _ in range(2):
        assert not {name for name in imported("json") if name.split(".")[0] == "rich"}
    assert "rich.table" in imported("table")


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("json", "[]\n"), ("yaml", "[]\n"), ("csv", ""), ("md", "")],
)
def test_no_rows_is_an_empty_document_in_every_format(fmt, expected):
    from mktcareers.views.formats import OutputFormat, render

    assert render([], OutputFormat(fmt)) == expected


# Text from a knowledge base that a spreadsheet would run or a terminal would obey.
FORMULAS = [
    '=HYPERLINK("http://example.invalid","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
CONTROLS = {
    "\x1b]0;title\x07": "\\x1b]0;title\\x07",
    "csi\x9b31m": "csi\\x9b31m",
    "\u202eesrever": "\\u202eesrever",
    "\u2066isolate\u2069": "\\u2066isolate\\u2069",
    "mark\u200e\u200f": "mark\\u200e\\u200f",
    "nel\x85 del\x7f": "nel\\x85 del\\x7f",
    "back\x08 cr\r": "back\\x08 cr\\x0d",
}
# What no csv or md output may hold: C0 but tab and newline, DEL, C1, bidi controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("text", FORMULAS)
@pytest.mark.parametrize("fmt", ["csv", "md"])
def test_csv_and_md_cells_never_start_a_formula(fmt, text):
    rows = [{"title": text, "aliases": ["ok", text]}]
    output = render(rows, OutputFormat(fmt))
    if fmt == "csv":
        row = next(csv.DictReader(io.StringIO(output)))
        cell, aliases = row["title"], row["aliases"]
    else:
        cell, aliases = output.splitlines()[2].split(" | ")[:2]
        cell = cell.removeprefix("| ")
    assert cell.startswith("'") and not RAW_CONTROL.search(output)
    assert aliases.startswith("ok; '")  # each item of a list too: ';' may split cells


@pytest.mark.parametrize(
    "text", ["-3.5", "-3", "+4", "-0.5e3", ".5", "-7.", "plain", "a=b", "x-y", "", "'=kept"]
)
@pytest.mark.parametrize("fmt", ["csv", "md"])
def test_numbers_and_plain_text_are_left_alone(fmt, text):
    output = render([{"value": text, "number": -6.4}], OutputFormat(fmt))
    if fmt == "csv":
        assert next(csv.DictReader(io.StringIO(output))) == {"value": text, "number": "-6.4"}
    else:
        assert output.splitlines()[2] == f"| {text} | -6.4 |"


@pytest.mark.parametrize(("text", "shown"), list(CONTROLS.items()))
@pytest.mark.parametrize("fmt", ["csv", "md"])
def test_csv_and_md_show_controls_as_escapes(fmt, text, shown):
    output = render([{f"key{text}": f"a {text}"}], OutputFormat(fmt))
    assert not RAW_CONTROL.search(output)
    if fmt == "csv":
        assert list(csv.reader(io.StringIO(output))) == [[f"key{shown}"], [f"a {shown}"]]
    else:
        escaped = shown.replace("\\", "\\\\")
        assert output.splitlines()[0] == f"| key{escaped} |"
        assert output.splitlines()[2] == f"| a {escaped} |"


def test_csv_keeps_tab_and_newline_inside_a_cell_and_md_joins_lines():
    rows = [{"text": "one\ttwo\nthree", "pipe": "a|b"}]
    assert next(csv.DictReader(io.StringIO(render(rows, OutputFormat.csv))))["text"] == (
        "one\ttwo\nthree"
    )
    assert render(rows, OutputFormat.md).splitlines()[2] == "| one\ttwo three | a\\|b |"


@pytest.mark.parametrize(("text", "shown"), list(CONTROLS.items()))
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_json_and_yaml_escape_controls_and_keep_the_exact_text(fmt, text, shown):
    for records in ([{"title": text, "tools": [f"é {text}"]}], {f"key{text}": text}):
        output = render(records, OutputFormat(fmt))
        assert not RAW_CONTROL.search(output), output
        decoded = json.loads(output) if fmt == "json" else yaml.safe_load(output)
        assert decoded == records


def test_json_escapes_only_what_it_must():
    text = render({"title": "é \u202e \x9b \x1b"}, OutputFormat.json)
    assert text == '{\n  "title": "é \\u202e \\u009b \\u001b"\n}\n'
    # A YAML scalar with a control is written with escapes only, accents too.
    assert render({"title": "é \u202e", "x": "é"}, OutputFormat.yaml) == (
        'title: "\\xE9 \\u202E"\nx: é\n'
    )


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.text(max_size=5), children, max_size=3)
        ),
        max_leaves=8,
    )
)
@settings(max_examples=300)
def test_json_decodes_to_the_exact_value_and_holds_no_raw_control(value):
    for records in ({"value": value}, [{"value": value}, {"other": value}]):
        output = render(records, OutputFormat.json)
        assert json.loads(output) == records
        assert not RAW_CONTROL.search(output)


@pytest.fixture(params=[FORMULAS[0], FORMULAS[2], "\x1b]0;pwned\x07 \x9b \u202eTitle\u2066"])
def hostile_title(request, kb_dir):
    """The bundled knowledge base with copywriter's title and an alias replaced by
    hostile text."""
    path = kb_dir / "roles" / "copywriter.yaml"
    text = path.read_text()
    text = text.replace("title: Copywriter", f"title: {json.dumps(request.param)}", 1)
    alias = json.dumps("@" + request.param)
    text = text.replace("  - Digital Copywriter", f"  - {alias}", 1)
    path.write_text(text)
    return kb_dir, request.param


@pytest.mark.parametrize(
    "args",
    [("roles", "list"), ("role", "show", "copywriter"), ("search", "marketing copywriter")],
    ids=" ".join,
)
@pytest.mark.parametrize("fmt", ["json", "yaml", "csv", "md"])
def test_commands_write_hostile_text_safely(run, hostile_title, args, fmt):
    kb, title = hostile_title
    result = run("--data", str(kb), *args, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert not RAW_CONTROL.search(result.stdout), result.stdout
    if fmt in ("json", "yaml"):
        data = json.loads(result.stdout) if fmt == "json" else yaml.safe_load(result.stdout)
        rows = data if isinstance(data, list) else [data]
        assert title in [row["title"] for row in rows]
        if args[0] == "role":
            assert "@" + title in data["aliases"]
        return
    shown = ("'" if title.startswith(("=", "-")) else "") + inert(title)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert shown in [row["title"] for row in rows]
        cells = [cell for row in rows for cell in row.values()]
    else:
        markdown = shown.replace("\\", "\\\\").replace("|", "\\|")
        assert f" {markdown} |" in result.stdout
        cells = [cell for line in result.stdout.splitlines() for cell in line.split(" | ")]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@", "\t", "\r"))]
    if args[0] == "role" and fmt == "csv":
        assert f"'@{inert(title)}" in rows[0]["aliases"].split("; ")
