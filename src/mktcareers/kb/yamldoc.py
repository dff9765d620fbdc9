"""Read YAML documents safely into plain Python data, and say where each value came from.

PyYAML's loaders silently keep the last of two equal keys, construct whatever a
tag asks for and report no line numbers once data is built. We compose the node
graph (no object is constructed, so tags such as !!python/object never run),
bound how far its aliases expand, then build plain dicts, lists and scalars
ourselves, refusing every other tag, merge keys and duplicate keys.

A refused value is a `Fault` of its document (path, line, what to do), never an
error for the whole file: the rest is still built and checked, so one bad value
hides no other problem. Only what stops the parser (malformed YAML, a bomb, deep
nesting) fails the whole file, and its message names the field it was in.

Two builders share those rules. `read` (every knowledge-base file) records no
lines, which keeps a first parse close to the speed of a bare libyaml load; a
`Document` asked for a line reads its file again with the line-aware builder,
so the cost is paid only by files that have a problem to point at. `parse`
records lines from the start.
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from types import MethodType
from typing import NamedTuple

import yaml
from yaml.nodes import ScalarNode, SequenceNode

from mktcareers.kb.fields import INVALID
from mktcareers.kb.safefile import RefusedFile, read_regular

# Bounds that make hostile documents fail fast instead of exhausting memory.
MAX_FILE_BYTES = 1_000_000
MAX_NODES = 200_000
MAX_DEPTH = 100

Path = tuple[str | int, ...]

_YAML_TAG = "tag:yaml.org,2002:"
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_SCALAR_TAGS = {
    _STR_TAG,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


class YamlDocError(Exception):
    """A document that cannot be read; `line` is 1-based when known, `field` the dotted
    path of the mapping key the fault sits under when known ("" otherwise)."""

    def __init__(self, message: str, line: int | None = None, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.field = field


class Fault(NamedTuple):
    """A value refused while building (a tag, a duplicate or merge key): its path in the
    document, its 1-based line and what is wrong and what to do. The value itself
    reads as fields.INVALID (already reported), or is left out."""

    path: Path
    line: int
    message: str


class _Faulty(Exception):
    """The fast builder met a fault; the line-aware builder reads the file instead."""


class Document:
    """A document's data, and the line where each path of it starts.

    A document from `read` finds its lines only when first asked, by reading its
    file again with the line-aware builder (no lines if the file has since become
    unreadable). A slotted class: every command that parses imports this module.
    """

    __slots__ = ("_lines", "_max_bytes", "_path", "data", "faults")

    def __init__(
        self, data, lines=None, path=None, max_bytes: int = MAX_FILE_BYTES, faults=()
    ) -> None:
        self.data = data
        self._lines: dict[Path, int] | None = lines
        self._path = path
        self._max_bytes = max_bytes
        self.faults: tuple[Fault, ...] = tuple(faults)

    @property
    def lines(self) -> dict[Path, int]:
        if self._lines is None:
            try:
                self._lines = read(self._path, self._max_bytes, lines=True)._lines or {}
            except (OSError, YamlDocError):
                self._lines = {}
        return self._lines

    def line_of(self, path: Path) -> int | None:
        """Line of `path`, or of its nearest ancestor that has one."""
        lines = self.lines
        while True:
            if path in lines:
                return lines[path]
            if not path:
                return None
            path = path[:-1]


def read(path, max_bytes: int = MAX_FILE_BYTES, lines: bool = False) -> Document:
    """Read and parse a file, which must be a regular file (see `safefile`) of UTF-8 text.
    Its lines are found when first asked for, unless `lines` records them now.

    A document may hold MAX_NODES values, or one per two bytes of a larger file:
    honest files grow with their size, alias bombs do not.
    """
    try:
        raw = read_regular(path, max_bytes)
    except RefusedFile as error:
        raise YamlDocError(error.strerror) from None
    try:
        text = _text(raw)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlDocError("file is not UTF-8 text", line) from None
    max_nodes = max(MAX_NODES, len(raw) // 2)
    if not lines:
        try:
            return Document(_load_fast(text, max_nodes), None, path, max_bytes)
        except _Faulty:
            pass  # rare: build again, recording the faults' paths and lines
    return parse(text, max_nodes)


# Byte-order marks of the encodings Windows editors and PowerShell 5's `>` save in.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _text(raw: bytes) -> str:
    """The text of a file: UTF-8 (a byte-order mark allowed), or UTF-16/32 with a
    byte-order mark; raises YamlDocError (UnicodeDecodeError's line) otherwise."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise YamlDocError(f"file starts as {encoding.upper()} but is not") from None
    if b"\x00" in raw:
        odd = raw[1::2].count(0) > len(raw) // 4 or raw[0::2].count(0) > len(raw) // 4
        if odd:
            raise YamlDocError(
                "file looks like UTF-16 text without a byte-order mark: save it as UTF-8"
            )
        raise YamlDocError("file is binary, not YAML text")
    return raw.decode("utf-8-sig")


def parse(text: str, max_nodes: int = MAX_NODES) -> Document:
    """Parse one YAML document, recording lines. Raises YamlDocError on anything unsafe
    or malformed."""
    node = _compose(text)
    if node is None:
        return Document(None, {})
    _check_expansion(node, max_nodes)
    lines: dict[Path, int] = {}
    faults: list[Fault] = []
    scalars = _loader_class(_safe_loader()).scalar_constructors
    data = _build(node, scalars, lines, (), faults)
    return Document(data, lines, faults=faults)


def _safe_loader():
    # libyaml's parser is much faster; the pure-Python one is the fallback.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _resolvers(loader) -> tuple[dict[str, tuple], tuple]:
    """The implicit tag resolvers of `loader` by first character, wildcards included,
    but for timestamps: an unquoted 2024-01-05 is the text it looks like (as in YAML
    1.2), so a date in a text field is simply text and one in a number field is a
    problem naming that field, never a tag error hiding the file's other problems."""
    table = loader.yaml_implicit_resolvers

    def kept(found):
        return tuple(entry for entry in found if entry[0] != _TIMESTAMP_TAG)

    wildcard = kept(table.get(None, ()))
    return {first: (*kept(found), *wildcard) for first, found in table.items() if first}, wildcard


@cache
def _loader_class(base):
    """`base` with a leaner tag resolver and a constructor that keeps our rules."""
    by_first, wildcard = _resolvers(base)

    class Loader(base):
        def resolve(self, kind, value, implicit):
            # The same answers as PyYAML's Resolver for a loader without path
            # resolvers, without its per-call list building: the parser calls
            # this for every value.
            if kind is ScalarNode:
                if implicit[0]:
                    for tag, regexp in by_first.get(value[:1], wildcard):
                        if regexp.match(value):
                            return tag
                return _STR_TAG
            return _SEQ_TAG if kind is SequenceNode else _MAP_TAG

        def construct_document(self, node):
            _check_expansion(node, self.max_nodes)
            return _build(node, self.scalar_constructors)

    constructor = yaml.constructor.SafeConstructor()
    Loader.scalar_constructors = {
        tag: MethodType(constructor.yaml_constructors[tag], constructor) for tag in _SCALAR_TAGS
    }
    return Loader


def _compose(text: str) -> yaml.Node | None:
    return _run(text, MAX_NODES, lambda loader: loader.get_single_node())


def _load_fast(text: str, max_nodes: int) -> object:
    return _run(text, max_nodes, lambda loader: loader.get_single_data())


def _run(text: str, max_nodes: int, step):
    """`step(loader)` on a loader of `text`, its errors as YamlDocError."""
    loader = _loader_class(_safe_loader())(text)
    loader.max_nodes = max_nodes
    try:
        return step(loader)
    except yaml.MarkedYAMLError as error:
        raise _invalid(error, text) from None
    except yaml.YAMLError as error:
        raise YamlDocError(f"invalid YAML: {error}") from None
    except RecursionError:  # the pure-Python composer recurses once per level
        raise YamlDocError("invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()


# What to do about a parser's complaint, by words of its message.
_ADVICE = (
    ("cannot start any token", "quote the value"),
    ("mapping values are not allowed", "quote a value that contains ': '"),
    ("could not find expected ':'", "put ': ' after the key, or close the quote above"),
    ("while scanning a quoted scalar", "close the quote"),
    ("expected <block end>", "line this up with the lines above it (spaces, not tabs)"),
    ("did not find expected key", "line this up with the lines above it (spaces, not tabs)"),
    ("did not find expected '-'", "line this up with the list items above it"),
    ("expected ',' or ']'", "close the list with ']'"),
    ("expected ',' or '}'", "close the mapping with '}'"),
    ("expected node content", "a value is missing, or a '[' or '{' above is never closed"),
)
# A line that holds a mapping key: its indent (list dashes count as indent) and key.
_KEY_LINE = re.compile(r"^((?:\s|-\s)*)([^\s#'\"\[\]{}&*!|>%@`-][^:#]*?)\s*:(?:\s|$)")


def _invalid(error: yaml.MarkedYAMLError, text: str) -> YamlDocError:
    """A parser's error in `text` as line, column, field and what to do where we know it."""
    mark = error.problem_mark or error.context_mark
    problem = error.problem or error.context or "invalid YAML"
    where = f" (column {mark.column + 1})" if mark else ""
    lines = text.splitlines() if mark else []
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    at_tab = mark is not None and line[mark.column : mark.column + 1] == "\t"
    if "tab" in problem or at_tab:
        problem = f"a tab where YAML needs spaces{where}: indent with spaces, not tabs"
    else:
        said = f"{error.context or ''} {problem}"
        advice = next((advice for words, advice in _ADVICE if words in said), "")
        opened = error.context_mark
        if opened and mark and opened.line != mark.line:
            # An unclosed quote or bracket is found lines later: point at where it opens.
            if "quoted scalar" in said:
                problem = "this quote is never closed"
            elif "flow sequence" in said:
                problem, advice = "this '[' is never closed", "close the list with ']'"
            elif "flow mapping" in said:
                problem, advice = "this '{' is never closed", "close the mapping with '}'"
            if problem.startswith("this "):
                mark, where = opened, f" (column {opened.column + 1})"
        problem = f"{problem}{where}{': ' + advice if advice else ''}"
    field = _field_at(lines, mark.line) if mark else ""
    return YamlDocError(f"invalid YAML: {problem}", mark.line + 1 if mark else None, field)


def _field_at(lines: list[str], index: int) -> str:
    """The dotted path of the keys a line sits under, read from indentation alone (the
    parser has stopped, so no node says it): best effort, "" when none is found."""
    keys: list[str] = []
    indent = None
    for text in reversed(lines[: index + 1]):
        found = _KEY_LINE.match(text)
        if not found:
            continue
        level = len(found.group(1).expandtabs(8))  # as an editor shows a tab
        if indent is None or level < indent:
            if "-" in found.group(1) and keys:
                # "- key: ..." starts a list item: its key is a sibling of the keys
                # below it, and the list's own key sits left of the dash.
                indent = found.group(1).expandtabs(8).index("-")
                continue
            keys.append(found.group(2).strip())
            indent = level
            if level == 0:
                break
    return ".".join(reversed(keys))


def _check_expansion(root: yaml.Node, max_nodes: int) -> None:
    """Refuse a graph that would build more than `max_nodes` values, nest deeper than
    MAX_DEPTH or contain itself, before anything is built.

    Aliases can expand a small file into billions of values, or a chain of them
    into deep nesting; each node's expanded size and height are measured once
    (memoised), so the check costs one visit per node.
    """
    measured: dict[int, tuple[int, int] | None] = {}

    def too_deep(node: yaml.Node) -> YamlDocError:
        return YamlDocError(f"nested more than {MAX_DEPTH} levels deep", _line(node))

    def measure(node: yaml.Node, depth: int) -> tuple[int, int]:
        """(values, levels below) of `node` once expanded."""
        if depth > MAX_DEPTH:
            raise too_deep(node)
        if isinstance(node, ScalarNode):
            return 1, 0
        known = measured.get(id(node), 0)
        if known is None:
            raise YamlDocError("a value contains itself (recursive alias)", _line(node))
        if not known:
            measured[id(node)] = None
            size, height = 1, 0
            children = node.value if isinstance(node, SequenceNode) else (v for _, v in node.value)
            for child in children:
                child_size, child_height = measure(child, depth + 1)
                size += child_size
                height = max(height, child_height + 1)
            if size > max_nodes:
                raise YamlDocError(
                    f"document expands to more than {max_nodes:,} values (anchor/alias bomb?)",
                    _line(node),
                )
            known = measured[id(node)] = (size, height)
        if depth + known[1] > MAX_DEPTH:
            raise too_deep(node)
        return known

    measure(root, 0)


def _build(
    node: yaml.Node,
    scalars: dict,
    lines: dict | None = None,
    path: Path = (),
    faults: list[Fault] | None = None,
) -> object:
    """Plain data from a checked node graph; with `lines`, the line of every path
    goes there too and refused values go to `faults` (the fast path records
    neither and raises _Faulty at the first refused value)."""
    if lines is not None:
        lines.setdefault(path, _line(node))
    if isinstance(node, ScalarNode):
        if node.tag == _STR_TAG:
            return node.value
        return _scalar(node, scalars, path, faults)
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ_TAG:
            return _fault(faults, path, node, *_unsupported(node))
        if lines is None:
            return [_build(item, scalars) for item in node.value]
        return [
            _build(item, scalars, lines, (*path, at), faults) for at, item in enumerate(node.value)
        ]
    if node.tag != _MAP_TAG:
        return _fault(faults, path, node, *_unsupported(node))
    result: dict = {}
    for key_node, value_node in node.value:
        key = _key(key_node, scalars, path, faults)
        if key is INVALID:
            continue
        if key in result:
            _fault(faults, (*path, key), key_node, _duplicate(key, node, scalars), "keep one")
            continue
        if lines is None:
            result[key] = _build(value_node, scalars)
        else:
            lines[(*path, key)] = _line(key_node)
            result[key] = _build(value_node, scalars, lines, (*path, key), faults)
    return result


def _fault(
    faults: list[Fault] | None, path: Path, node: yaml.Node, what: str, advice: str
) -> object:
    """Record a refused value (or, on the fast path, start over with the line-aware
    builder); the value reads as INVALID."""
    if faults is None:
        raise _Faulty
    column = node.start_mark.column + 1
    faults.append(Fault(path, _line(node), f"{what} (column {column}): {advice}"))
    return INVALID


def _key(key_node: yaml.Node, scalars: dict, path: Path, faults) -> str | int | object:
    if key_node.tag == _MERGE_TAG:
        return _fault(faults, path, key_node, "merge keys (<<) are not supported", "write it out")
    if not isinstance(key_node, ScalarNode):
        return _fault(faults, path, key_node, "a key that is a list or mapping", "use plain text")
    if key_node.tag == _STR_TAG:
        return key_node.value
    key = _scalar(key_node, scalars, path, faults)
    if key is not INVALID and (isinstance(key, bool) or not isinstance(key, str | int)):
        key = str(key)  # true, null and 1.5 as keys become text
    return key


def _duplicate(key, mapping: yaml.MappingNode, scalars) -> str:
    first = next(other for other, _ in mapping.value if _plain_key(other, scalars) == key)
    return f"duplicate key '{key}' (first at line {_line(first)})"


def _plain_key(node: yaml.Node, scalars: dict) -> object:
    try:
        return _key(node, scalars, (), [])
    except yaml.YAMLError:
        return INVALID


def _scalar(node: yaml.ScalarNode, scalars: dict, path: Path = (), faults=None) -> object:
    construct = scalars.get(node.tag)
    if construct is None:
        return _fault(faults, path, node, *_unsupported(node))
    try:
        return construct(node)
    except (yaml.YAMLError, ValueError):  # e.g. !!int abc
        what = f"'{node.value}' cannot be read as {_short(node.tag)}"
        return _fault(faults, path, node, what, "remove the tag, or fix the value")


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _unsupported(node: yaml.Node) -> tuple[str, str]:
    """What is wrong with a tagged value, and what to do."""
    return (
        f"YAML tag {_short(node.tag)} is not allowed "
        "(only plain text, numbers, true/false, lists and maps)",
        "remove the tag, or quote the value to keep it as text",
    )


def _short(tag: str) -> str:
    """A tag as it is typed: tag:yaml.org,2002:binary is !!binary."""
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
