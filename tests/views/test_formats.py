import csv
import io
import json
import subprocess
import sys

import pytest
import yaml

from mktcareers.views.formats import MACHINE_FORMATS, OutputFormat, flatten, render

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
