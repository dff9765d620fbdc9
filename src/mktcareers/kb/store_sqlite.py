"""Prototype (b) of issue 12: the compiled knowledge base in SQLite (stdlib sqlite3).

Same Store and checks as kb/store.py; only the container differs: tables `head`
(format, root, stamp, files, digests), `parts` (name, msgpack, CRC-32) and `roles`
(position, msgpack, CRC-32), built in memory and written with write_atomic.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import types
import zlib
from pathlib import Path

import msgspec
from msgspec import msgpack

from mktcareers.kb import store as doc
from mktcareers.kb.location import regular_file
from mktcareers.userdata import write_atomic


class Compiled:
    def __init__(self, connection: sqlite3.Connection, head) -> None:
        self.head, self._connection = head, connection

    def read(self, span) -> bytes:
        table, key = span
        row = self._connection.execute(
            f"SELECT data, crc FROM {table} WHERE key = ?", (key,)
        ).fetchone()
        if row is None or zlib.crc32(row[0]) != row[1]:
            raise doc.Damaged(f"{table} {key}")
        return row[0]


class _Spans(dict):
    def __missing__(self, key):
        return ("parts", key)


class _Keys:
    def __init__(self, table, count):
        self.table, self.count = table, count

    def __getitem__(self, position):
        return (self.table, position)

    def __len__(self):
        return self.count


def _open(path: Path):
    try:
        info = regular_file(path, follow_symlinks=False)
        if info.st_size > doc.MAX_BYTES or info.st_uid != getattr(os, "getuid", lambda: 0)():
            return None
        connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        values = dict(connection.execute("SELECT key, data FROM head"))
        head = types.SimpleNamespace(
            format=values["format"].decode(),
            root=values["root"].decode(),
            stamp=int(values["stamp"]),
            files=values["files"],
            digests=values["digests"],
            parts=_Spans(),
            records={table: _Keys(table, int(values["count"])) for table in ("names", "roles")},
        )
        return Compiled(connection, head)
    except (OSError, sqlite3.Error, KeyError, ValueError):
        return None


def _compile(self, stamp: int, files: list) -> None:
    digests = [doc._digest(self.root, file) for file in files]
    self._compiled, self._knowledge = None, self._loader(self.root)
    self._parts, self._records = doc.parts_of(self._knowledge)
    connection = sqlite3.connect(":memory:")
    for table in ("head", "parts", "roles", "names"):
        key = "INTEGER" if table in ("roles", "names") else "TEXT"
        connection.execute(f"CREATE TABLE {table} (key {key} PRIMARY KEY, data BLOB, crc INT)")
    head = {
        "format": doc._format().encode(),
        "root": doc._resolved(self.root).encode(),
        "stamp": str(stamp).encode(),
        "files": msgpack.encode(files),
        "digests": msgpack.encode(digests),
        "count": str(len(self._knowledge.roles)).encode(),
    }
    connection.executemany("INSERT INTO head VALUES (?, ?, 0)", head.items())
    rows = [(name, msgpack.encode(value)) for name, value in self._parts.items()]
    connection.executemany(
        "INSERT INTO parts VALUES (?, ?, ?)", [(n, d, zlib.crc32(d)) for n, d in rows]
    )
    for table, items in self._records.items():
        rows = [msgpack.encode(item) for item in items]
        connection.executemany(
            f"INSERT INTO {table} VALUES (?, ?, ?)",
            [(i, d, zlib.crc32(d)) for i, d in enumerate(rows)],
        )
    connection.commit()
    with contextlib.suppress(OSError):
        write_atomic(self._path, connection.serialize())


class Store(doc.Store):
    _compile = _compile

    @classmethod
    def open(cls, root, loader):
        store = cls(root, loader)
        store._path = store._path.with_suffix(".sqlite")
        stamp, files = doc.look(store.root)
        compiled = _open(store._path)
        if compiled is not None and doc._current(compiled, store.root, stamp, files):
            store._compiled = compiled
        else:
            store._compile(stamp, files)
        return store


_ = msgspec
