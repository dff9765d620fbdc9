"""Read a YAML document into plain Python data and remember where each value came from.

PyYAML's loaders silently keep the last of two equal keys and report no line
numbers once data is built. We compose the node graph instead (no object is
constructed, so tags such as !!python/object never run), then build plain
dicts, lists and scalars ourselves, recording the line of every path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from mktcareers.kb.location import regular_file

# Bounds that make hostile documents fail fast instead of exhausting memory.
MAX_FILE_BYTES = 1_000_000
MAX_NODES = 200_000

Path = tuple[str | int, ...]

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


class YamlDocError(Exception):
    """A document that cannot be read; `line` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class Document:
    data: object
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int | None:
        """Line of `path`, or of its nearest ancestor that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def _safe_loader():
    # libyaml's composer is much faster; the pure-Python one is the fallback.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str, max_nodes: int = MAX_NODES) -> Document:
    """Parse one YAML document. Raises YamlDocError on anything unsafe or malformed."""
    try:
        node = yaml.compose(text, Loader=_safe_loader())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or error.context or "invalid YAML"
        raise YamlDocError(f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as error:
        raise YamlDocError(f"invalid YAML: {error}") from None
    document = Document(data=None)
    if node is None:
        return document
    builder = _Builder(document, max_nodes)
    document.data = builder.build(node, ())
    return document


def read(path, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read and parse a file, with size and encoding checks.

    A document may hold MAX_NODES values, or one per two bytes of a larger file:
    honest files grow with their size, alias bombs do not.
    """
    if regular_file(path).st_size > max_bytes:  # checked before opening: never a FIFO
        raise YamlDocError(f"file is over {max_bytes:,} bytes, the limit for this file")
    with open(path, "rb") as stream:
        raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise YamlDocError(f"file is over {max_bytes:,} bytes, the limit for this file")
    if b"\x00" in raw:
        raise YamlDocError("file is binary, not YAML text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlDocError("file is not UTF-8 text", line) from None
    return parse(text, max(MAX_NODES, len(raw) // 2))


class _Builder:
    def __init__(self, document: Document, max_nodes: int = MAX_NODES) -> None:
        self.document = document
        self.max_nodes = max_nodes
        self.count = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: Path) -> object:
        self.count += 1
        if self.count > self.max_nodes:
            # Aliases can expand a small file into billions of nodes.
            raise YamlDocError(
                f"document expands to more than {self.max_nodes:,} values (anchor/alias bomb?)",
                node.start_mark.line + 1,
            )
        self.document.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                raise _unsupported(node)
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        if node.tag != _MAP_TAG:
            raise _unsupported(node)
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlDocError(
                    "merge keys (<<) are not supported", key_node.start_mark.line + 1
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlDocError("mapping keys must be plain text", key_node.start_mark.line + 1)
            key = self._scalar(key_node)
            if isinstance(key, bool) or not isinstance(key, str | int):
                key = str(key)  # true, null and 1.5 as keys become text
            if key in result:
                first = self.document.lines.get((*path, key))
                where = f" (first at line {first})" if first else ""
                raise YamlDocError(f"duplicate key '{key}'{where}", key_node.start_mark.line + 1)
            self.document.lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> object:
        if node.tag not in _SCALAR_TAGS:
            raise _unsupported(node)
        return self.constructor.construct_object(node, deep=True)


def _unsupported(node: yaml.Node) -> YamlDocError:
    return YamlDocError(
        f"YAML tag {node.tag} is not allowed "
        "(only plain text, numbers, true/false, lists and maps)",
        node.start_mark.line + 1,
    )
