"""Machine-readable output: one function turns records into json, yaml, csv or md.

Every command hands its records here instead of formatting by hand, so a field
means the same thing in every format. Rich is never imported on this path, and
each format's module only when it is used (shell completion imports this file
for OutputFormat alone).
"""

from __future__ import annotations

from enum import StrEnum


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
        import yaml

        unicode = _unicode_output()
        return yaml.safe_dump(records, sort_keys=False, allow_unicode=unicode, width=100)
    rows = records if isinstance(records, list) else [records]
    if not rows:
        return ""  # no rows, no columns: a CSV or Markdown table of nothing is empty
    flat = [flatten(row) for row in rows]
    columns = _columns(flat)
    if fmt is OutputFormat.csv:
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: _cell(value) for key, value in row.items()} for row in flat)
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
        return json.dumps(records, indent=2, ensure_ascii=ascii_only) + "\n"
    lines = ",\n  ".join(json.dumps(record, ensure_ascii=ascii_only) for record in records)
    return f"[\n  {lines}\n]\n"


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
                flat[name] = "; ".join(_cell(item) for item in value)
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


def _is_table(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _markdown_object(record: dict) -> str:
    """One object as a field/value table, then each list of records as a table of its own."""
    fields = flatten({key: value for key, value in record.items() if not _is_table(value)})
    text = _markdown(["field", "value"], [{"field": k, "value": v} for k, v in fields.items()])
    for key, value in record.items():
        if _is_table(value):
            rows = [flatten(row) for row in value]
            text += f"\n### {key}\n\n" + _markdown(_columns(rows), rows)
    return text


def _markdown(columns: list[str], rows: list[dict]) -> str:
    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    lines = [
        "| " + " | ".join(escape(column) for column in columns) + " |",
        "|" + "|".join("---" for _ in columns) + "|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(escape(_cell(row.get(column))) for column in columns) + " |")
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
