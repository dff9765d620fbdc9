"""Machine-readable output: one function turns records into json, yaml, csv or md.

Every command hands its records here instead of formatting by hand, so a field
means the same thing in every format. Rich is never imported on this path, and
each format's module only when it is used (shell completion imports this file
for OutputFormat alone).

Text from a knowledge base is data in every format, never something a terminal
or a spreadsheet runs. The characters that steer a terminal (inert.UNSAFE: C0
controls but tab and newline, DEL, C1 controls, bidi marks and overrides) are
written by json and yaml as their own escapes, so the decoded text stays exact;
csv and md have no escapes, so their cells show them as visible escapes such as
\\x1b or \\u202e, as the Rich views do. Tab and newline stay in csv cells
(a quoted cell may hold lines; neither moves the cursor back over text shown);
md turns a newline into a space, as a table row is one line. A csv or md cell
that a spreadsheet would read as a formula (it starts with = + - @, a tab or a
carriage return, and is not a number such as -3.5) gets a leading apostrophe, as
OWASP's CSV injection guidance says; so does each item of a joined list, for
spreadsheets that split cells at ';'.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

from mktcareers.views.inert import UNSAFE, inert


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"
    csv = "csv"
    md = "md"


MACHINE_FORMATS = (OutputFormat.json, OutputFormat.yaml, OutputFormat.csv, OutputFormat.md)


def render(records: list[dict] | dict, fmt: OutputFormat) -> str:
    """Text for `records` (a list of rows or one object) in a machine format."""
    if fmt is OutputFormat.json:
        return _json(records)
    if fmt is OutputFormat.yaml:
        return _yaml(records)
    rows = records if isinstance(records, list) else [records]
    if not rows:
        return ""  # no rows, no columns: a CSV or Markdown table of nothing is empty
    flat = [flatten(row) for row in rows]
    columns = _columns(flat)
    if fmt is OutputFormat.csv:
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(safe_cell(column) for column in columns)
        writer.writerows([safe_cell(row.get(column)) for column in columns] for row in flat)
        return buffer.getvalue()
    if fmt is OutputFormat.md:
        if not isinstance(records, list):
            return _markdown_object(records)
        return _markdown(columns, flat)
    raise ValueError(f"not a machine format: {fmt}")


def _json(records: list[dict] | dict) -> str:
    """One object indented; a list with one record per line, which reads well, greps
    well, and is written by json's C encoder (indenting uses its slow Python one)."""
    import json

    ascii_only = not _unicode_output()
    if not isinstance(records, list) or not records:
        text = json.dumps(records, indent=2, ensure_ascii=ascii_only) + "\n"
    else:
        lines = ",\n  ".join(json.dumps(record, ensure_ascii=ascii_only) for record in records)
        text = f"[\n  {lines}\n]\n"
    # json escapes C0 controls but writes DEL, C1 controls and bidi overrides as they
    # are. Outside its strings JSON holds only ASCII punctuation, digits, letters and
    # whitespace, so every one found is inside a string, where a \\u escape is exact.
    return UNSAFE.sub(_json_escape, text)


def _json_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def _yaml(records: list[dict] | dict) -> str:
    import yaml

    return yaml.dump(
        records,
        Dumper=_yaml_dumper(),
        sort_keys=False,
        allow_unicode=_unicode_output(),
        width=100,
    )


@cache
def _yaml_dumper():
    """yaml.SafeDumper, but a string holding an UNSAFE character is written as a
    double-quoted scalar with escapes. PyYAML escapes C0 and most C1 controls
    already, but writes bidi overrides and NEL (U+0085) as they are when it may write
    Unicode; this scalar alone is written as if it may not (an accent in it is then
    an escape too, which decodes to the same text)."""
    import yaml

    class SafeTextDumper(yaml.SafeDumper):
        def analyze_scalar(self, scalar):
            return self._escaping(scalar, super().analyze_scalar, scalar)

        def write_double_quoted(self, text, split=True):
            return self._escaping(text, super().write_double_quoted, text, split)

        def _escaping(self, text, method, *args):
            if not UNSAFE.search(text):
                return method(*args)
            allow_unicode, self.allow_unicode = self.allow_unicode, False
            try:
                return method(*args)
            finally:
                self.allow_unicode = allow_unicode

    return SafeTextDumper


def _unicode_output() -> bool:
    """Whether standard output takes any character. When it does not
    (PYTHONIOENCODING=ascii), JSON and YAML write escapes such as \\u00e9, which
    keep the exact text, instead of the '?' that would take its place."""
    import sys

    return (getattr(sys.stdout, "encoding", None) or "utf-8").lower().startswith("utf")


def flatten(record: dict, prefix: str = "") -> dict[str, str | int | float | bool | None]:
    """Nested dicts become dotted keys; lists of scalars are joined with '; '."""
    flat: dict = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            if all(not isinstance(item, dict | list) for item in value):
                flat[name] = "; ".join(_neutralise_formula(_cell(item)) for item in value)
            else:
                import json

                flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def _columns(rows: list[dict]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    return columns


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _neutralise_formula(text: str) -> str:
    """`text`, with an apostrophe first when a spreadsheet would run it as a formula."""
    if text.startswith(_FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_cell(value) -> str:
    """A csv or md cell for `value`: never a formula, no character that steers a terminal."""
    return inert(_neutralise_formula(_cell(value)))


def _is_table(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _markdown_object(record: dict) -> str:
    """One object as a field/value table, then each list of records as a table of its own."""
    fields = flatten({key: value for key, value in record.items() if not _is_table(value)})
    text = _markdown(["field", "value"], [{"field": k, "value": v} for k, v in fields.items()])
    for key, value in record.items():
        if _is_table(value):
            rows = [flatten(row) for row in value]
            heading = safe_cell(key).replace("\n", " ")
            text += f"\n### {heading}\n\n" + _markdown(_columns(rows), rows)
    return text


def _markdown(columns: list[str], rows: list[dict]) -> str:
    def escape(value) -> str:
        text = safe_cell(value)
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    lines = [
        "| " + " | ".join(escape(column) for column in columns) + " |",
        "|" + "|".join("---" for _ in columns) + "|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(escape(row.get(column)) for column in columns) + " |")
    return "\n".join(lines) + "\n"


def pick(record: object, *names: str) -> dict:
    """The named attributes of a record (a model or domain Struct) as a dict, in the
    order given, for a view's machine record. "key=attribute" gives the attribute
    another key; a tuple becomes a list, as JSON and YAML show it. Raises
    AttributeError for a name the record lacks."""
    picked = {}
    for name in names:
        key, _, attribute = name.partition("=")
        value = getattr(record, attribute or key)
        picked[key] = list(value) if isinstance(value, tuple) else value
    return picked
