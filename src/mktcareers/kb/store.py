"""The compiled knowledge base: its YAML parsed once per edit, then read in parts.

One msgpack file per knowledge base in userdata.user_dir("cache"), written
atomically: the length and CRC-32 of a Head, the Head, then parts (the summaries,
the names a shell completes, the name index in three, the occupations' titles (found
by name and searched) and the O*NET profiles moves from an occupation compare) and
records (two per role, one per occupation), each checked against its CRC-32 when
read. msgspec decodes only the TYPES named here: nothing can run.

Current means the same format, version, code, directory and file contents. Contents
are keyed by blake2b digests, git-index style: a file whose stat (size, mtime_ns,
ctime_ns, inode) is unchanged is trusted unread (`cp -p` or `os.utime` restore an
mtime, never the ctime); any other file, one modified within RACY_NS of the compile,
or any file on Windows (st_ctime is the creation time there) is hashed. A stale or
damaged file is rewritten (_open says which are never opened), a part damaged
mid-command is replaced by the parsed YAML; an unwritable cache means no cache.
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
import weakref
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import msgspec
from msgspec import msgpack
from msgspec.structs import replace

from mktcareers import __version__
from mktcareers.kb.location import kb_file_names, real_path
from mktcareers.kb.safefile import open_regular, read_regular
from mktcareers.models import (
    KnowledgeBase,
    Occupation,
    OnetProfiles,
    Role,
    RoleNames,
    RoleSummary,
    TitleIndex,
)
from mktcareers.userdata import user_dir, write_atomic

FORMAT = "mktcareers compiled knowledge base 11"
MAX_BYTES = 512 << 20  # 5,000 roles take about 25 MB
MAX_HASHED_BYTES = 64 << 20  # no file the loader accepts is larger
RACY_NS = 2_000_000_000  # files modified this close to a compile are hashed again
TRUST_STAT = os.name != "nt"
TYPES = {
    "summaries": list[RoleSummary],
    "completion": dict[str, list[tuple[str, str]]],  # see completion_names
    "primary": dict[str, list[int]],
    "secondary": dict[str, list[int]],
    "terms": dict[str, list[int]],
    "base": KnowledgeBase,  # without its roles and occupations
    "profiles": OnetProfiles,
    "titles": TitleIndex,  # what search reads of the occupations: its own part
    "names": RoleNames,  # a record per role, as "roles"
    "roles": Role,
    "occupations": Occupation,  # a record per occupation
}
RECORDS = ("names", "roles", "occupations")
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


class Compiled(NamedTuple):
    """An open compiled file whose head checked out."""

    descriptor: int
    head: Head
    start: int  # where the head ends


class Store:
    """A knowledge base as a command reads it: compiled when current, else parsed."""

    def __init__(self, root: Path, loader: Callable[[Path], KnowledgeBase]) -> None:
        self.root, self._loader, self._path = Path(root), loader, compiled_path(root)
        self._compiled: Compiled | None = None
        self._parsed: dict[str, object] = {}  # TYPES from the YAML, when it was parsed
        self._decoded: dict[tuple[str, int | None], object] = {}

    @classmethod
    def open(cls, root: Path, loader: Callable[[Path], KnowledgeBase]) -> Store:
        """The knowledge base at `root`; `loader(root)` parses and validates it (and may
        raise KbError) when its compiled file is missing or not current."""
        store = cls(root, loader)
        stamp, files = look(store.root)  # before parsing: an edit meanwhile shows next time
        store._compiled = _open(store._path)
        if store._compiled is not None:
            weakref.finalize(store, os.close, store._compiled.descriptor)
        if store._compiled is None or not _current(store._compiled, store.root, stamp, files):
            store._compile(stamp, files)
        return store

    def summaries(self) -> list[RoleSummary]:
        """Every role's summary, in knowledge-base order."""
        return self._get("summaries")

    def completion_names(self, kind: str) -> list[tuple[str, str]]:
        """(name, title) of every thing of `kind` that a shell completes, in
        knowledge-base order: "roles" (slug, title), "codes" (O*NET-SOC code, title),
        "skills" (id, name) or "families" (id, name). A small part of its own: a Tab
        press decodes neither the roles nor the occupations' titles."""
        return self._get("completion")[kind]

    def finder(self):
        """A search.RoleFinder over every role (search is imported only when asked)."""
        from mktcareers.search import RoleFinder  # only when a name is looked up

        return RoleFinder(_Records(self, "names"), _Index(self._get))

    def role(self, position: int) -> Role:
        """The role at `position` (as the finder counts)."""
        return self._get("roles", position)

    def catalogues(self) -> KnowledgeBase:
        """The knowledge base without its roles: skills, families, sources, the rubric."""
        return self._get("base")

    def profiles(self) -> OnetProfiles:
        """The mean occupation's and each role's O*NET ratings (occupation_moves)."""
        return self._get("profiles")

    def titles(self):
        """A titles.Titles over every occupation's titles, for search."""
        from mktcareers.titles import Titles

        return Titles(self._get("titles"), lambda at: self.occupation(at).alternate_titles)

    def occupation(self, position: int) -> Occupation:
        """The occupation at `position` (as the occupation index counts)."""
        return self._get("occupations", position)

    def knowledge(self) -> KnowledgeBase:
        """The whole knowledge base, but for its occupations (read one by one)."""
        roles = tuple(_Records(self, "roles"))
        if "knowledge" not in self._parsed:  # else a damaged role made us parse the YAML
            self._parsed["knowledge"] = replace(self.catalogues(), roles=roles, root=str(self.root))
        return self._parsed["knowledge"]

    def _get(self, kind: str, position: int | None = None):
        """Part `kind`, or record `position` of that kind: decoded when first asked for,
        else from the parsed YAML (when a part turns out damaged, the YAML is parsed)."""
        key = (kind, position)
        if self._compiled is not None and key not in self._decoded:
            descriptor, head, start = self._compiled
            at, size, crc = head.parts[kind] if position is None else head.records[kind][position]
            try:
                data = os.pread(descriptor, size, start + at)
                if zlib.crc32(data) != crc:  # a short read fails this too
                    raise ValueError(f"part {kind} of the compiled file does not match its CRC-32")
                self._decoded[key] = msgpack.decode(data, type=TYPES[kind])
            except (OSError, ValueError):  # msgspec's errors are ValueErrors too
                self._compile(*look(self.root))
        if key in self._decoded:
            return self._decoded[key]
        return self._parsed[kind] if position is None else self._parsed[kind][position]

    def _compile(self, stamp: int, files: list) -> None:
        """Parse the YAML and write the compiled file (when the cache folder allows)."""
        collecting = gc.isenabled()
        gc.disable()  # a compile makes 100,000s of objects and no cycles: a third faster
        try:
            self._compile_now(stamp, files)
        finally:
            if collecting:
                gc.enable()

    def _compile_now(self, stamp: int, files: list) -> None:
        digests = [_digest(self.root, file) for file in files]  # before the parse, as `files`
        knowledge = self._loader(self.root)
        whole = replace(
            knowledge, occupations=(), title_words=None
        )  # as knowledge() gives it when compiled
        self._compiled, self._parsed = None, {**parts_of(knowledge), "knowledge": whole}
        chunks: list[bytes] = []
        offset = 0

        def add(value) -> Span:
            nonlocal offset
            chunks.append(msgpack.encode(value))
            offset += len(chunks[-1])
            return offset - len(chunks[-1]), len(chunks[-1]), zlib.crc32(chunks[-1])

        parts = {name: add(self._parsed[name]) for name in TYPES if name not in RECORDS}
        records = {kind: [add(item) for item in self._parsed[kind]] for kind in RECORDS}
        encoded = msgpack.encode(files), msgpack.encode(digests)
        head = msgpack.encode(
            Head(_format(), real_path(self.root), stamp, *encoded, parts, records, offset)
        )
        prefix = len(head).to_bytes(4, "little") + zlib.crc32(head).to_bytes(4, "little")
        with contextlib.suppress(OSError):  # a full or read-only folder means no cache
            write_atomic(self._path, prefix + head + b"".join(chunks), ours=True)


class _Records(Sequence):
    """The records of one kind, each decoded when first asked for."""

    def __init__(self, store: Store, kind: str) -> None:
        self._store, self._kind = store, kind
        compiled = store._compiled
        self._count = len(compiled.head.records[kind] if compiled else store._parsed[kind])

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, position: int):
        if not 0 <= position < self._count:
            raise IndexError(position)
        return self._store._get(self._kind, position)


class _Index(NamedTuple):
    """A search.NameIndex whose tables are each decoded when first used (only search
    needs `terms`: resolving a name reads slugs, titles and aliases)."""

    get: Callable[[str], dict]
    primary = property(lambda self: self.get("primary"))
    secondary = property(lambda self: self.get("secondary"))
    terms = property(lambda self: self.get("terms"))


def parts_of(knowledge: KnowledgeBase) -> dict[str, object]:
    """What the compiled file holds (TYPES) for a parsed knowledge base."""
    from mktcareers.occupation_moves import profiles
    from mktcareers.search import NameIndex
    from mktcareers.titles import build_titles

    names = [RoleNames.of(role) for role in knowledge.roles]
    index = NameIndex.build(names)
    return {
        "summaries": [RoleSummary.of(role) for role in knowledge.roles],
        "completion": {
            "roles": [(role.slug, role.title) for role in knowledge.roles],
            "codes": [(job.code, job.title) for job in knowledge.occupations],
            "skills": [(skill.id, skill.name) for skill in knowledge.skills.values()],
            "families": [(family.id, family.name) for family in knowledge.families.values()],
        },
        "primary": index.primary,
        "secondary": index.secondary,
        "terms": index.terms,
        "base": replace(knowledge, roles=(), occupations=(), root="", title_words=None),
        "profiles": profiles(knowledge.occupations, knowledge.roles),
        "titles": build_titles(knowledge.occupations, knowledge.roles, knowledge.title_words),
        "names": names,
        "roles": knowledge.roles,
        "occupations": knowledge.occupations,
    }


def compiled_path(root: Path) -> Path:
    """The compiled file of the knowledge base at `root`. The name is a 64-bit checksum
    of the path; the file repeats the path, so a clash only costs a recompile."""
    key = real_path(root).encode("utf-8", "surrogateescape")
    return user_dir("cache") / f"kb-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.msgpack"


def look(root: Path) -> tuple[int, list]:
    """(ns now, [name, size, mtime_ns, ctime_ns, inode] per file loaded; Nones if missing)."""
    stamp, base, files = time.time_ns(), os.fspath(root), []
    for name in kb_file_names(root):  # plain strings: 5,000 Path objects cost 40 ms
        try:
            info = os.stat(os.path.join(base, name))
            files.append([name, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino])
        except OSError:
            files.append([name, None, None, None, None])
    return stamp, files


def _current(compiled: Compiled, root: Path, stamp: int, files: list) -> bool:
    """Whether `compiled` holds the files as they are now (see the module's docstring)."""
    head = compiled.head
    if head.format != _format() or head.root != real_path(root):
        return False
    racy = head.stamp - RACY_NS
    encoded = msgpack.encode(files)
    if TRUST_STAT and encoded == head.files and all((f[2] or 0) < racy for f in files):
        return True
    stored = msgpack.decode(head.files)
    if [file[0] for file in stored] != [file[0] for file in files]:
        return False  # a role file was added or removed
    for old, new, digest in zip(stored, files, msgpack.decode(head.digests), strict=True):
        changed = not TRUST_STAT or old != new or (new[2] or 0) >= racy
        if changed and _digest(root, new) != digest:
            return False
    return True


def _digest(root: Path, file: list) -> bytes:
    """blake2b of a file; empty when missing, not a regular file, or too large to load."""
    import hashlib  # 3 ms to import: only when a file must be hashed

    try:
        data = read_regular(os.path.join(os.fspath(root), file[0]), MAX_HASHED_BYTES)
    except OSError:
        return b""
    return hashlib.blake2b(data, digest_size=16).digest()


def _open(path: Path) -> Compiled | None:
    """The compiled file at `path` if it is this user's regular file of at most MAX_BYTES
    (a link, FIFO or device is never opened), whole, and its head checks out."""
    try:
        descriptor = open_regular(path, MAX_BYTES, follow_symlinks=False, owner_only=True)
    except OSError:
        return None
    try:
        prefix, total = os.pread(descriptor, 8, 0), os.fstat(descriptor).st_size
        size, checksum = int.from_bytes(prefix[:4], "little"), int.from_bytes(prefix[4:], "little")
        if len(prefix) < 8 or 8 + size > total:  # a head longer than the file is damage:
            raise ValueError("the compiled file is shorter than its head says")  # no read
        data = os.pread(descriptor, size, 8)
        if len(data) == size and zlib.crc32(data) == checksum:
            head = msgpack.decode(data, type=Head)
            if 8 + size + head.length == total:
                return Compiled(descriptor, head, 8 + size)
    except (OSError, ValueError):  # msgspec's errors are ValueErrors too
        pass
    os.close(descriptor)
    return None


def _format() -> str:
    """FORMAT, the version and a signature of every module of the package (in every
    folder), so a compiled file never outlives the code that wrote it."""
    package, stats = os.path.dirname(os.path.dirname(os.path.abspath(__file__))), []
    for folder, subfolders, names in os.walk(package):  # plain strings: Path costs 2x here
        subfolders[:] = [name for name in subfolders if name not in ("data", "__pycache__")]
        for name in (name for name in names if name.endswith(".py")):
            info = os.stat(os.path.join(folder, name))  # once per module, on every command
            stats.append((folder[len(package) :], name, info.st_size, info.st_mtime_ns))
    signature = zlib.crc32(repr(sorted(stats)).encode("utf-8", "surrogateescape"))
    return f"{FORMAT}; mktcareers {__version__}; code {signature:08x}"
