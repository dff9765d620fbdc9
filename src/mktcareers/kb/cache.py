"""A parsed copy of a knowledge base, so its YAML is read once per edit, not once per run.

One cache file per knowledge-base directory, under $MKTCAREERS_CACHE_DIR, else
$XDG_CACHE_HOME/mktcareers, else the platform's cache folder. It holds:

    line 1  a JSON header: format, versions, the directory, the size and
            modification time of every file the loader reads (plus a content hash
            for files changed moments before the cache was written, whose
            timestamp alone could miss a second edit in the same clock tick), and
            where each section starts, its size and its CRC-32
    then    the sections: a document is one JSON value; a table is one JSON value
            per line, with a companion document of each line's size and CRC-32,
            so one record can be read without the rest

A command reads only the sections it needs (`roles list` reads one small
document, not every role). Nothing in the file can run: it is JSON. A stale,
truncated, corrupt, foreign or someone else's cache file is ignored and
rewritten; a cache folder that cannot be written just means no cache.
"""

from __future__ import annotations

import json
import os
import time
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from mktcareers import __version__
from mktcareers.kb.location import kb_file_names
from mktcareers.userdata import user_dir, write_atomic

FORMAT = "mktcareers knowledge-base cache, v2"
# Files modified this close to the moment they were read get a content hash too.
RACY_WINDOW_NS = 2_000_000_000
# What reading a damaged section can raise, besides Damaged itself.
DECODE_ERRORS = (ValueError, KeyError, TypeError, IndexError, AttributeError, StopIteration)


class Damaged(Exception):
    """A section of the cache file does not match its checksum or does not decode."""


def entry_path(root: Path) -> Path:
    """The cache file for the knowledge base at `root`: one per directory.

    The name is a 64-bit checksum of the path; the header repeats the path, so
    two directories that ever shared a name would only overwrite each other.
    """
    key = str(Path(root).resolve()).encode("utf-8", "surrogateescape")
    return user_dir("cache") / f"kb-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.json"


# ------------------------------------------------------------------ fingerprint


def fingerprint(root: Path) -> tuple[list, dict[str, str]]:
    """[name, size, mtime_ns] of every file the loader reads (None when absent),
    and content hashes of the files changed within the racy window."""
    files, hashes = [], {}
    now = time.time_ns()
    base = os.fspath(root)
    for name in kb_file_names(root):  # plain strings: 5,000 Path objects cost 40 ms
        path = os.path.join(base, name)
        try:
            info = os.stat(path)
        except OSError:
            files.append([name, None, None])
            continue
        files.append([name, info.st_size, info.st_mtime_ns])
        if now - info.st_mtime_ns < RACY_WINDOW_NS:
            hashes[name] = _hash(Path(path))
    return files, hashes


def _hash(path: Path) -> str:
    import hashlib  # only for files edited moments ago: it costs 8 ms to import

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _code_signature() -> str:
    """Changes whenever a module of the package does (its size or time), so a cache
    never outlives the code that wrote it, even between two releases."""
    parts = []
    with os.scandir(os.path.dirname(__file__)) as entries:
        for entry in entries:
            if entry.name.endswith(".py"):
                info = entry.stat()
                parts.append(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}")
    return f"{zlib.crc32(';'.join(sorted(parts)).encode()):08x}"


def _header(root: Path) -> dict:
    return {
        "format": FORMAT,
        "package": __version__,
        "code": _code_signature(),
        "root": str(Path(root).resolve()),
    }


# ------------------------------------------------------------------ read


class Entry:
    """An open cache file whose header matched: its sections, read on demand."""

    def __init__(self, stream, sections: dict[str, list[int]], start: int) -> None:
        self._stream = stream
        self._sections = sections
        self._start = start

    def document(self, name: str):
        """The JSON value of section `name`; Damaged when it does not check out."""
        at, size, crc = self._sections[name]
        return self._decode(self._read(at, size), crc, name)

    def table(self, name: str, build: Callable, recover: Callable[[int], object]) -> Table:
        """Section `name` as a sequence whose items are read, checked and built on access.

        An item that turns out damaged comes from `recover(position)` instead.
        """
        return Table(self, name, self.document(f"{name}.lines"), build, recover)

    def close(self) -> None:
        self._stream.close()

    def _read(self, at: int, size: int) -> bytes:
        try:
            self._stream.seek(self._start + at)
            data = self._stream.read(size)
        except (OSError, ValueError) as error:
            raise Damaged(str(error)) from None
        if len(data) != size:
            raise Damaged("the file is shorter than its header says")
        return data

    @staticmethod
    def _decode(data: bytes, crc: int, name: str):
        if zlib.crc32(data) != crc:
            raise Damaged(f"section {name} does not match its checksum")
        try:
            return json.loads(data)
        except ValueError:
            raise Damaged(f"section {name} is not JSON") from None


class Table(Sequence):
    """One record per line, each read and built the first time it is asked for."""

    def __init__(
        self, entry: Entry, name: str, lines: list, build: Callable, recover: Callable
    ) -> None:
        at = entry._sections[name][0]
        self._entry, self._name, self._build, self._recover = entry, name, build, recover
        self._spans = []
        for size, crc in lines:
            self._spans.append((at, size, crc))
            at += size + 1
        self._built: dict[int, object] = {}

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, position: int):
        if position < 0:
            position += len(self)
        if position not in self._built:
            at, size, crc = self._spans[position]
            try:
                value = self._entry._decode(self._entry._read(at, size), crc, self._name)
                self._built[position] = self._build(value)
            except (Damaged, *DECODE_ERRORS):
                self._built[position] = self._recover(position)
        return self._built[position]


def open_entry(root: Path, current: tuple[list, dict[str, str]] | None = None) -> Entry | None:
    """The cache entry for `root` when it is current and ours, else None.

    `current` is `fingerprint(root)` when the caller already has it.
    """
    path = entry_path(root)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - the Entry owns it until closed
    except OSError:
        return None
    try:
        info = os.fstat(stream.fileno())
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise Damaged("someone else's file: never trust it")
        header_line = stream.readline(1 << 20)
        header = json.loads(header_line)
        expected = _header(root)
        if any(header.get(key) != value for key, value in expected.items()):
            raise Damaged("written for another directory, format or version")
        files, _ = current or fingerprint(root)
        if header["files"] != files:
            raise Damaged("the knowledge base changed")
        for name, digest in header["hashes"].items():
            if _hash(Path(root) / name) != digest:
                raise Damaged("the knowledge base changed")
        sections = {
            name: [int(at), int(size), int(crc)]
            for name, (at, size, crc) in header["sections"].items()
        }
        if info.st_size != len(header_line) + header["size"]:
            raise Damaged("the file is not as long as its header says")
    except (Damaged, OSError, *DECODE_ERRORS):
        stream.close()
        return None
    return Entry(stream, sections, len(header_line))


# ------------------------------------------------------------------ write


def write(
    root: Path,
    documents: dict[str, object],
    tables: dict[str, list],
    files: list,
    hashes: dict[str, str],
) -> bool:
    """Store the sections of the knowledge base as read when its files were as
    `files` says; False when the cache cannot be written."""

    chunks: list[bytes] = []
    sections: dict[str, list[int]] = {}
    size = 0

    def add(name: str, data: bytes) -> None:
        nonlocal size
        sections[name] = [size, len(data), zlib.crc32(data)]
        chunks.append(data + b"\n")
        size += len(data) + 1

    for name, value in documents.items():
        add(name, _dump(value))
    for name, records in tables.items():
        lines = [_dump(record) for record in records]
        add(f"{name}.lines", _dump([[len(line), zlib.crc32(line)] for line in lines]))
        sections[name] = [size, 0, 0]
        for line in lines:
            chunks.append(line + b"\n")
            size += len(line) + 1
    header = {**_header(root), "files": files, "hashes": hashes, "sections": sections, "size": size}
    try:
        write_atomic(entry_path(root), json.dumps(header).encode() + b"\n" + b"".join(chunks))
    except OSError:
        return False
    return True


def _dump(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
