"""A parsed copy of a knowledge base, so its YAML is read once per edit, not once per run.

One cache file per knowledge-base directory, under $MKTCAREERS_CACHE_DIR, else
$XDG_CACHE_HOME/mktcareers, else the platform's cache folder. It holds:

    line 1  a JSON header: format, versions, the directory, and the size and
            modification time of every file the loader reads (plus a content hash
            for files changed moments before the cache was written, whose
            timestamp alone could miss a second edit in the same clock tick)
    line 2  the knowledge base as plain JSON lists, and its CRC-32 in the header

Nothing in it can run: it is JSON, decoded into the model classes field by
field. A stale, truncated, corrupt, foreign or someone else's cache file is
ignored and rewritten; a cache folder that cannot be written just means no cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
import time
import types
import typing
import zlib
from collections.abc import Callable
from pathlib import Path

from mktcareers import __version__, models
from mktcareers.location import kb_files
from mktcareers.models import KnowledgeBase

CACHE_ENV = "MKTCAREERS_CACHE_DIR"
FORMAT = "mktcareers knowledge-base cache"
# Files modified this close to the moment they were read get a content hash too.
RACY_WINDOW_NS = 2_000_000_000


def cache_dir() -> Path:
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "mktcareers" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "mktcareers"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mktcareers"


def entry_path(root: Path) -> Path:
    """The cache file for the knowledge base at `root`: one per directory."""
    key = hashlib.sha256(str(Path(root).resolve()).encode("utf-8", "surrogateescape"))
    return cache_dir() / f"kb-{key.hexdigest()[:24]}.json"


# ------------------------------------------------------------------ fingerprint


def fingerprint(root: Path) -> tuple[list, dict[str, str]]:
    """[name, size, mtime_ns] of every file the loader reads (None when absent),
    and content hashes of the files changed within the racy window."""
    files, hashes = [], {}
    now = time.time_ns()
    for path in kb_files(root):
        name = path.relative_to(root).as_posix()
        try:
            info = path.stat()
        except OSError:
            files.append([name, None, None])
            continue
        files.append([name, info.st_size, info.st_mtime_ns])
        if now - info.st_mtime_ns < RACY_WINDOW_NS:
            hashes[name] = _hash(path)
    return files, hashes


def _hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _model_signature() -> str:
    """Changes whenever a model class gains, loses or reorders a field."""
    parts = [
        f"{cls.__name__}:{','.join(f.name for f in dataclasses.fields(cls))}"
        for cls in vars(models).values()
        if isinstance(cls, type) and dataclasses.is_dataclass(cls)
    ]
    return hashlib.sha256(";".join(sorted(parts)).encode()).hexdigest()[:16]


# ------------------------------------------------------------------ encoding


def encode(value):
    """Model objects as nested lists: fields in declaration order, dicts as pairs."""
    if dataclasses.is_dataclass(value):
        return [encode(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return [[encode(key), encode(item)] for key, item in value.items()]
    return value


_DECODERS: dict[object, Callable] = {}


def decoder(hint) -> Callable:
    """A function that rebuilds a value of type `hint` from `encode`'s output."""
    if hint in _DECODERS:
        return _DECODERS[hint]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint, vars(models))
        names = [f.name for f in dataclasses.fields(hint) if f.init]
        parts = [decoder(hints[name]) for name in names]

        fields = list(zip(names, parts, strict=True))
        new = object.__new__

        def build(value, cls=hint, fields=fields):
            # The values were validated when the cache was written and the models
            # have no __post_init__, so the frozen __init__ (one object.__setattr__
            # per field) is skipped: filling __dict__ directly is several times faster.
            if len(value) != len(fields):
                raise ValueError(f"{cls.__name__}: expected {len(fields)} fields")
            obj = new(cls)
            obj.__dict__.update(
                {name: part(item) for (name, part), item in zip(fields, value, strict=True)}
            )
            return obj

        result = build
    elif origin is tuple:
        item = decoder(args[0])
        result = (
            (lambda value: tuple(value))
            if item is _same
            else (lambda value: tuple(map(item, value)))
        )
    elif origin is dict:
        key, item = decoder(args[0]), decoder(args[1])
        result = lambda value: {key(k): item(v) for k, v in value}  # noqa: E731
    elif origin in (typing.Union, types.UnionType):
        inner = decoder(next(arg for arg in args if arg is not type(None)))
        result = lambda value: None if value is None else inner(value)  # noqa: E731
    else:
        result = _same
    _DECODERS[hint] = result
    return result


def _same(value):
    return value


# ------------------------------------------------------------------ read and write


def _header(root: Path) -> dict:
    return {
        "format": FORMAT,
        "package": __version__,
        "models": _model_signature(),
        "root": str(Path(root).resolve()),
    }


def read(root: Path, current: tuple[list, dict[str, str]] | None = None) -> KnowledgeBase | None:
    """The cached knowledge base for `root`, or None when there is no usable cache.

    `current` is `fingerprint(root)` when the caller already has it.
    """
    path = entry_path(root)
    try:
        with open(path, "rb") as stream:
            if hasattr(os, "getuid") and os.fstat(stream.fileno()).st_uid != os.getuid():
                return None  # someone else's file: never trust it
            header_line = stream.readline()
            payload = stream.read()
    except OSError:
        return None
    try:
        header = json.loads(header_line)
        expected = _header(root)
        if any(header.get(key) != value for key, value in expected.items()):
            return None
        files, _ = current or fingerprint(root)
        if header["files"] != files:
            return None
        for name, digest in header["hashes"].items():
            if _hash(Path(root) / name) != digest:
                return None
        if zlib.crc32(payload) != header["crc32"]:
            return None
        knowledge = decoder(KnowledgeBase)(json.loads(payload))
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, StopIteration):
        return None
    return dataclasses.replace(knowledge, root=str(root))


def write(root: Path, knowledge: KnowledgeBase, files: list, hashes: dict[str, str]) -> bool:
    """Store `knowledge` as read when the files were as `files` says; False if it cannot."""
    from mktcareers.state import write_atomic

    payload = json.dumps(encode(knowledge), ensure_ascii=False, separators=(",", ":"))
    header = {
        **_header(root),
        "files": files,
        "hashes": hashes,
        "crc32": zlib.crc32(payload.encode("utf-8")),
    }
    try:
        write_atomic(entry_path(root), json.dumps(header) + "\n" + payload)
    except OSError:
        return False
    return True


def load(root: Path, loader: Callable[[Path], KnowledgeBase]) -> KnowledgeBase:
    """The knowledge base at `root`: from the cache when it is current, else `loader(root)`
    (which validates, and may raise KbError), then cached for next time."""
    # Taken before the YAML is read, so an edit made while it is read is noticed next time.
    files, hashes = fingerprint(root)
    cached = read(root, (files, hashes))
    if cached is not None:
        return cached
    knowledge = loader(root)
    write(root, knowledge, files, hashes)
    return knowledge
