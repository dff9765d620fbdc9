"""The compiled knowledge base: its YAML parsed once per edit, then read part by part.

`Store.open(root, loader)` answers from the compiled file of the knowledge base at
`root` when it is current, else parses the YAML with `loader` and compiles it for
next time. A command decodes only the parts it needs: `roles list` the role
summaries, `role show` the name index and one role, `search` the term index and
the roles it matched.

The compiled file, one per knowledge-base directory in userdata.user_dir("cache")
(`kb-<checksum of the directory's path>.msgpack`), is one msgpack document, a
`Compiled` record, followed by the CRC-32 of the document, checked on every read.
Each part and each role is stored as msgpack bytes of its own: reading the
document skips them at no cost, and msgspec decodes one only when asked, into the
types named here (nothing in the file can run code).

Current means the same format, package version and code, the same directory, and
the same content in every file the loader reads. Files are keyed by their content
(a blake2b digest), git-index style: a file whose full stat signature (size,
mtime_ns, ctime_ns, inode) is unchanged is trusted without being read, since
`cp -p`, `rsync -t` or `os.utime` can restore a modification time but not the
change time; a file whose signature changed, or that was modified within RACY_NS
of the compile (a second same-size edit in the same clock tick keeps every
timestamp), is hashed again. So a `touch` costs one hash, not a parse, and the new
signature is written back. On Windows, where st_ctime is the creation time, every
file is hashed on every run.

A compiled file is opened only when os.lstat shows a regular file (not a symlink,
FIFO, device or socket) owned by this user, of at most MAX_BYTES. One that is
stale, truncated, corrupt, foreign or of another version is ignored and rewritten;
a cache folder that cannot be written means no cache.
"""

from __future__ import annotations

import contextlib
import os
import time
import weakref
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import msgspec
from msgspec import msgpack
from msgspec.structs import replace

from mktcareers import __version__
from mktcareers.kb.location import kb_file_names, regular_file
from mktcareers.models import KnowledgeBase, Role, RoleSummary
from mktcareers.search import NameIndex, RoleFinder, RoleNames
from mktcareers.userdata import user_dir, write_atomic

FORMAT = "mktcareers compiled knowledge base 3"
MAX_BYTES = 512 << 20  # 5,000 roles take about 25 MB
MAX_HASHED_BYTES = 64 << 20  # no file the loader accepts is larger
RACY_NS = 2_000_000_000  # files modified this close to a compile are hashed again
LEFTOVER_NS = 60_000_000_000  # a temporary file this old belongs to a killed writer
TRUST_STAT = os.name != "nt"
# What the compiled file holds besides its head: parts, decoded whole when first used
# (the search.NameIndex as three), and records, one per role, decoded one by one.
PARTS = {
    "summaries": list[RoleSummary],
    "primary": dict[str, list[int]],
    "secondary": dict[str, list[int]],
    "terms": dict[str, list[int]],
    "base": KnowledgeBase,  # without its roles
}
RECORDS = {"names": RoleNames, "roles": Role}
Span = tuple[int, int, int]  # offset after the head, size, CRC-32


class Head(msgspec.Struct, array_like=True, frozen=True):
    format: str  # FORMAT, the package's version and a signature of its code
    root: str  # the knowledge base's directory, resolved
    stamp: int  # when `files` were looked at, in ns since the epoch
    files: memoryview  # msgpack [[name, size, mtime_ns, ctime_ns, inode], ...]
    digests: memoryview  # msgpack [blake2b digest of each file's content, ...]
    parts: dict[str, Span]
    records: dict[str, list[Span]]
    length: int  # of everything after the head


class Damaged(Exception):
    """A part or record of the compiled file does not match its CRC-32."""


class Compiled:
    """An open compiled file whose head checked out; the rest is read when asked for."""

    def __init__(self, descriptor: int, head: Head, start: int) -> None:
        self.head, self._descriptor, self._start = head, descriptor, start
        weakref.finalize(self, os.close, descriptor)

    def read(self, span: Span) -> bytes:
        offset, size, checksum = span
        data = os.pread(self._descriptor, size, self._start + offset)
        if len(data) != size or zlib.crc32(data) != checksum:
            raise Damaged(f"{size} bytes at {offset} do not check out")
        return data

    def body(self) -> bytes:
        return os.pread(self._descriptor, self.head.length, self._start)


class Store:
    """A knowledge base as a command reads it: compiled when current, else parsed. A
    part found damaged while a command runs is replaced by the parsed YAML."""

    def __init__(self, root: Path, loader: Callable[[Path], KnowledgeBase]) -> None:
        self.root, self._loader, self._path = Path(root), loader, compiled_path(root)
        self._compiled: Compiled | None = None
        self._knowledge: KnowledgeBase | None = None
        self._parts: dict[str, object] = {}
        self._records: dict[str, Sequence] = {}

    @classmethod
    def open(cls, root: Path, loader: Callable[[Path], KnowledgeBase]) -> Store:
        """The knowledge base at `root`; `loader(root)` parses and validates it (and may
        raise KbError) when its compiled file is missing or not current."""
        store = cls(root, loader)
        stamp, files = look(store.root)  # before parsing: an edit meanwhile shows next time
        compiled = _open(store._path)
        if compiled is not None and _current(compiled, store.root, stamp, files):
            store._compiled = compiled
        else:
            store._compile(stamp, files)
        return store

    def summaries(self) -> list[RoleSummary]:
        """Every role's summary, in knowledge-base order."""
        return self._part("summaries")

    def finder(self) -> RoleFinder:
        """A search.RoleFinder over every role."""
        return RoleFinder(self._records_of("names"), _Index(self._part))

    def role(self, position: int) -> Role:
        """The role at `position` (as the finder counts)."""
        return self._records_of("roles")[position]

    def titles(self, slugs: Iterable[str]) -> dict[str, str]:
        """slug -> title for those of `slugs` that are roles."""
        finder = self.finder()
        found = {slug: finder.position(slug) for slug in slugs}
        return {slug: finder.roles[at].title for slug, at in found.items() if at is not None}

    def sources(self) -> dict:
        """source id -> models.Source."""
        return self._part("base").sources

    def knowledge(self) -> KnowledgeBase:
        """The whole knowledge base."""
        if self._knowledge is None:
            roles = self._records_of("roles")
            roles = tuple(roles[position] for position in range(len(roles)))
            if self._knowledge is None:  # else a damaged role made us parse the YAML
                self._knowledge = replace(self._part("base"), roles=roles, root=str(self.root))
        return self._knowledge

    def _part(self, name: str):
        if name not in self._parts:
            value = self._decode(self._compiled.head.parts[name], PARTS[name])
            if value is not None:
                self._parts[name] = value
        return self._parts[name]

    def _records_of(self, kind: str) -> Sequence:
        if kind not in self._records:
            self._records[kind] = _Records(self, kind)
        return self._records[kind]

    def _decode(self, span: Span, kind):
        """The value stored at `span`, or None when it turned out damaged and the
        YAML was parsed (and compiled again) instead."""
        try:
            return msgpack.decode(self._compiled.read(span), type=kind)
        except (Damaged, OSError, msgspec.MsgspecError):
            self._compile(*look(self.root))
            return None

    def _compile(self, stamp: int, files: list) -> None:
        """Parse the YAML and write the compiled file (when the cache folder allows)."""
        digests = [_digest(self.root, file) for file in files]  # before the parse, as `files`
        self._compiled, self._knowledge = None, self._loader(self.root)
        self._parts, self._records = parts_of(self._knowledge)
        chunks: list[bytes] = []
        offset = 0

        def add(value) -> Span:
            nonlocal offset
            chunks.append(msgpack.encode(value))
            offset += len(chunks[-1])
            return offset - len(chunks[-1]), len(chunks[-1]), zlib.crc32(chunks[-1])

        parts = {name: add(value) for name, value in self._parts.items()}
        records = {kind: [add(item) for item in items] for kind, items in self._records.items()}
        encoded = msgpack.encode(files), msgpack.encode(digests)
        head = Head(_format(), _resolved(self.root), stamp, *encoded, parts, records, offset)
        _write(self._path, head, b"".join(chunks))


class _Records(Sequence):
    """One record of a kind per role, decoded when first asked for."""

    def __init__(self, store: Store, kind: str) -> None:
        self._store, self._kind = store, kind
        self._spans = store._compiled.head.records[kind]
        self._decoded: dict[int, object] = {}

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, position: int):
        if position not in self._decoded:
            value = self._store._decode(self._spans[position], RECORDS[self._kind])
            if value is None:  # damaged: the store has parsed the YAML
                return self._store._records[self._kind][position]
            self._decoded[position] = value
        return self._decoded[position]


class _Index:
    """A search.NameIndex whose tables are decoded when first used: resolving a name
    needs the slugs, titles and aliases; only search needs every term."""

    def __init__(self, part: Callable[[str], dict]) -> None:
        self._part = part

    primary = property(lambda self: self._part("primary"))
    secondary = property(lambda self: self._part("secondary"))
    terms = property(lambda self: self._part("terms"))


def parts_of(knowledge: KnowledgeBase) -> tuple[dict[str, object], dict[str, Sequence]]:
    """The PARTS and RECORDS of a parsed knowledge base."""
    names = [RoleNames.of(role) for role in knowledge.roles]
    index = NameIndex.build(names)
    parts = {
        "summaries": [RoleSummary.of(role) for role in knowledge.roles],
        "primary": index.primary,
        "secondary": index.secondary,
        "terms": index.terms,
        "base": replace(knowledge, roles=(), root=""),
    }
    return parts, {"names": names, "roles": knowledge.roles}


def compiled_path(root: Path) -> Path:
    """The compiled file of the knowledge base at `root`. The name is a 64-bit checksum
    of the path; the file repeats the path, so a clash only costs a recompile."""
    key = _resolved(root).encode("utf-8", "surrogateescape")
    return user_dir("cache") / f"kb-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.msgpack"


def look(root: Path) -> tuple[int, list]:
    """(now in ns, [name, size, mtime_ns, ctime_ns, inode] of every file the loader
    reads, the numbers None when the file is missing)."""
    stamp, base, files = time.time_ns(), os.fspath(root), []
    for name in kb_file_names(root):  # plain strings: 5,000 Path objects cost 40 ms
        try:
            info = os.stat(os.path.join(base, name))
        except OSError:
            files.append([name, None, None, None, None])
            continue
        files.append([name, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino])
    return stamp, files


def _current(compiled: Compiled, root: Path, stamp: int, files: list) -> bool:
    """Whether `compiled` holds the files as they are now; signatures of files whose
    content turns out unchanged are written back, so they are not hashed again."""
    head = compiled.head
    if head.format != _format() or head.root != _resolved(root):
        return False
    racy = head.stamp - RACY_NS
    encoded = msgpack.encode(files)
    if TRUST_STAT and encoded == head.files and all((f[2] or 0) < racy for f in files):
        return True
    stored = msgpack.decode(head.files)
    if [file[0] for file in stored] != [file[0] for file in files]:
        return False  # a role file was added or removed
    hashed = []
    for old, new, digest in zip(stored, files, msgpack.decode(head.digests), strict=True):
        if not TRUST_STAT or old != new or (new[2] or 0) >= racy:
            if _digest(root, new) != digest:
                return False
            hashed.append(new)
    if any((file[2] or 0) < stamp - RACY_NS for file in hashed):
        with contextlib.suppress(OSError):
            _write(compiled_path(root), replace(head, stamp=stamp, files=encoded), compiled.body())
    return True


def _digest(root: Path, file: list) -> bytes:
    """blake2b of a file the loader reads; empty when missing, not a regular file, or
    larger than the loader accepts (it then refuses the knowledge base)."""
    import hashlib  # 3 ms to import: only when a file must be hashed

    path = os.path.join(os.fspath(root), file[0])
    try:
        if regular_file(path).st_size > MAX_HASHED_BYTES:
            return b""
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, lambda: hashlib.blake2b(digest_size=16)).digest()
    except OSError:
        return b""


def _open(path: Path) -> Compiled | None:
    """The compiled file at `path` when it is ours, whole and its head checks out.

    Nothing is opened before os.lstat shows a regular file of this user's of at most
    MAX_BYTES, and the file opened must be that same file."""
    try:
        info = regular_file(path, follow_symlinks=False)
        if info.st_size > MAX_BYTES or info.st_uid != getattr(os, "getuid", lambda: 0)():
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        descriptor = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        opened, prefix = os.fstat(descriptor), os.pread(descriptor, 8, 0)
        size, checksum = int.from_bytes(prefix[:4], "little"), int.from_bytes(prefix[4:], "little")
        data = (
            os.pread(descriptor, size, 8)
            if (opened.st_ino, opened.st_dev)
            == (
                info.st_ino,
                info.st_dev,
            )
            else b""
        )
        if len(data) == size and zlib.crc32(data) == checksum:
            head = msgpack.decode(data, type=Head)
            if 8 + size + head.length == info.st_size:
                return Compiled(descriptor, head, 8 + size)
    except (OSError, ValueError, msgspec.MsgspecError):
        pass
    os.close(descriptor)
    return None


def _write(path: Path, head: Head, body: bytes) -> None:
    """Write the compiled file when the cache folder allows; clear leftovers."""
    data = msgpack.encode(head)
    prefix = len(data).to_bytes(4, "little") + zlib.crc32(data).to_bytes(4, "little")
    try:
        write_atomic(path, prefix + data + body)
    except OSError:
        return
    oldest = time.time_ns() - LEFTOVER_NS
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            leftover = entry.name.startswith(".kb-") and entry.name.endswith(".tmp")
            if leftover and entry.stat(follow_symlinks=False).st_mtime_ns < oldest:
                os.unlink(entry.path)


def _resolved(root: Path) -> str:
    return str(Path(root).resolve())


def _format() -> str:
    """FORMAT, the package's version and a signature of every module of the package
    (name, size and modification time), so a compiled file never outlives the code
    that wrote it, even between two releases."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    modules = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = [name for name in subfolders if name not in ("data", "__pycache__")]
        for name in names:
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                modules.append(f"{folder[len(package) :]}/{name}:{info.st_size}:{info.st_mtime_ns}")
    signature = zlib.crc32(";".join(sorted(modules)).encode("utf-8", "surrogateescape"))
    return f"{FORMAT}; mktcareers {__version__}; code {signature:08x}"
