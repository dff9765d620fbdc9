"""The compiled knowledge base: hits, edits however they are made, and every kind of bad file."""

import json
import os
import shutil
import subprocess
import sys
import time
import zlib

import msgspec
import pytest
from msgspec.structs import replace

from mktcareers import userdata
from mktcareers.kb import store as compiled
from mktcareers.kb.errors import KbError
from mktcareers.kb.loading import load as parse
from mktcareers.kb.store import Store
from mktcareers.models import RoleSummary

HOUR_NS = 3600 * 10**9


class CountingLoader:
    """kb.loading.load, counting how often the YAML is really parsed."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, root):
        self.calls += 1
        return parse(root)


@pytest.fixture
def loader():
    return CountingLoader()


@pytest.fixture
def kb_dir(kb_dir):
    """The knowledge base with every file last modified an hour ago: outside the racy
    window, so only a file's stat signature or content can tell it changed."""
    for path in kb_dir.rglob("*.yaml"):
        age(path)
    return kb_dir


def age(path, ns=HOUR_NS):
    stamp = time.time_ns() - ns
    os.utime(path, ns=(stamp, stamp))


def load(root, loader):
    """The whole knowledge base through the store: compiled when current."""
    return Store.open(root, loader).knowledge()


def edit_role_title(kb_dir, title):
    path = kb_dir / "roles" / "copywriter.yaml"
    path.write_text(path.read_text().replace("title: Copywriter", f"title: {title}"))


def read_head(path):
    data = path.read_bytes()
    size = int.from_bytes(data[:4], "little")
    return msgspec.msgpack.decode(data[8 : 8 + size], type=compiled.Head), data[8 + size :]


def write_head(path, head, body):
    data = msgspec.msgpack.encode(head)
    prefix = len(data).to_bytes(4, "little") + zlib.crc32(data).to_bytes(4, "little")
    path.write_bytes(prefix + data + body)


@pytest.fixture
def opened(monkeypatch):
    """Every path os.open is asked for, to show that a bad file was never opened."""
    paths = []
    real_open = os.open

    def spy(path, *args, **kwargs):
        paths.append(os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    return paths


# ------------------------------------------------------------------ hits and equality


def test_second_open_is_a_hit_and_equal(kb_dir, loader, cache_dir):
    first = load(kb_dir, loader)
    second = load(kb_dir, loader)
    assert loader.calls == 1
    assert second == first == replace(parse(kb_dir), occupations=(), title_words=None)
    assert list(cache_dir.iterdir()) == [compiled.compiled_path(kb_dir)]


def test_compiled_parts_equal_parsed_parts(kb_dir, loader):
    parsed = Store.open(kb_dir, loader)
    from_file = Store.open(kb_dir, loader)
    assert loader.calls == 1
    expected = parse(kb_dir)
    assert from_file.summaries() == parsed.summaries()
    assert from_file.summaries() == [RoleSummary.of(role) for role in expected.roles]
    for query in ("seo", "SEO Analyst", "emial marketing", "developer"):
        assert from_file.finder().resolve(query) == parsed.finder().resolve(query)
    found, expected_hits = (store.finder().search("python") for store in (from_file, parsed))
    assert [(hit.role.slug, hit.score, hit.matches) for hit in found] == [
        (hit.role.slug, hit.score, hit.matches) for hit in expected_hits
    ]
    for position, role in enumerate(expected.roles):
        assert from_file.role(position) == role  # a role read back equals the parsed role
    assert from_file.catalogues().sources == parsed.catalogues().sources == expected.sources
    titles = from_file.finder().titles(["seo-specialist", "nobody"])
    assert titles == {"seo-specialist": "SEO Specialist"}
    from mktcareers.search import search_all

    for query in ("journalist", "Help Desk Technician", "emial marketing"):
        assert search_all(from_file.finder(), from_file.titles(), query) == search_all(
            parsed.finder(), parsed.titles(), query
        )
    assert loader.calls == 1


def test_commands_read_only_what_they_need(kb_dir, loader, monkeypatch):
    """`roles list` reads the summaries; `role show` the slugs, titles and aliases and one
    role: not the search terms, and no other role."""
    Store.open(kb_dir, loader)
    store = Store.open(kb_dir, loader)
    read = []
    real_pread = os.pread

    def pread(descriptor, size, offset):
        read.append((offset - store._compiled.start, size))
        return real_pread(descriptor, size, offset)

    monkeypatch.setattr(compiled.os, "pread", pread)
    head = store._compiled.head
    store.summaries()
    assert read == [head.parts["summaries"][:2]]
    read.clear()
    position = store.finder().resolve("seo-specialist").position
    store.role(position)
    spans = [head.parts["primary"], head.parts["secondary"], head.records["roles"][position]]
    assert read == [span[:2] for span in spans]


def test_compiled_file_is_msgpack_not_code(kb_dir, loader):
    load(kb_dir, loader)
    head, _ = read_head(compiled.compiled_path(kb_dir))
    assert head.format.startswith(compiled.FORMAT)
    assert head.root == str(kb_dir.resolve())


# ------------------------------------------------------------------ edits


def test_edit_is_seen_on_the_next_load(kb_dir, loader):
    load(kb_dir, loader)
    edit_role_title(kb_dir, "Wordsmith")
    assert load(kb_dir, loader).role("copywriter").title == "Wordsmith"
    assert loader.calls == 2


@pytest.mark.parametrize("how", ["utime", "copy2"])
def test_same_size_edit_with_its_time_restored_is_seen(kb_dir, loader, tmp_path, how):
    """`cp -p`, `rsync -t` and unzip restore a file's modification time: only its
    change time or content can tell."""
    path = kb_dir / "roles" / "copywriter.yaml"
    before = path.stat()
    load(kb_dir, loader)
    if how == "utime":
        edit_role_title(kb_dir, "Copyeditor")  # as long as "Copywriter"
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    else:
        other = tmp_path / "copywriter.yaml"
        other.write_text(path.read_text().replace("title: Copywriter", "title: Copyeditor"))
        os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
        shutil.copy2(other, path)
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert load(kb_dir, loader).role("copywriter").title == "Copyeditor"


def test_same_size_edit_in_the_same_clock_tick_is_seen(kb_dir, loader, monkeypatch):
    """A file saved moments before it was compiled, saved again with the same size and
    timestamps: only its content tells. (The change time would tell too, so the stat
    signature is made to look unchanged.)"""
    path = kb_dir / "roles" / "copywriter.yaml"
    os.utime(path)  # just saved
    load(kb_dir, loader)
    head, _ = read_head(compiled.compiled_path(kb_dir))
    edit_role_title(kb_dir, "Copyeditor")
    stored = msgspec.msgpack.decode(head.files)
    monkeypatch.setattr(compiled, "look", lambda root: (time.time_ns(), stored))
    assert load(kb_dir, loader).role("copywriter").title == "Copyeditor"


def test_touch_is_not_a_parse(kb_dir, loader, monkeypatch):
    load(kb_dir, loader)
    age(kb_dir / "roles" / "copywriter.yaml", ns=10 * 10**9)  # touched, content unchanged
    hashed = []
    real_digest = compiled._digest
    monkeypatch.setattr(
        compiled, "_digest", lambda root, file: hashed.append(file[0]) or real_digest(root, file)
    )
    load(kb_dir, loader)
    assert loader.calls == 1 and hashed == ["roles/copywriter.yaml"]  # hashed, not parsed


@pytest.mark.parametrize("change", ["add", "remove"])
def test_added_or_removed_role_file_is_seen(kb_dir, loader, change):
    before = len(load(kb_dir, loader).roles)
    source = kb_dir / "roles" / "copywriter.yaml"
    if change == "add":
        text = source.read_text().replace("slug: copywriter", "slug: copywriter-two")
        (kb_dir / "roles" / "copywriter-two.yaml").write_text(text)
    else:
        for path in (kb_dir / "roles").glob("*.yaml"):
            path.write_text(path.read_text().replace("  - copywriter\n", ""))
        source.unlink()
        (kb_dir / "generated" / "derived.yaml").unlink()  # it names every role
    after = len(load(kb_dir, loader).roles)
    assert after == before + (1 if change == "add" else -1)


def test_code_signature_covers_every_module_of_the_package(monkeypatch, tmp_path):
    package = tmp_path / "mktcareers"
    (package / "kb").mkdir(parents=True)
    (package / "views").mkdir()
    (package / "kb" / "store.py").write_text("")
    module = package / "views" / "render.py"
    module.write_text("A = 1\n")
    monkeypatch.setattr(compiled, "__file__", str(package / "kb" / "store.py"))
    before = compiled._format()
    module.write_text("A = 2\n")
    assert compiled._format() != before


# ------------------------------------------------------------------ bad compiled files


def other_format(path):
    head, body = read_head(path)
    write_head(path, msgspec.structs.replace(head, format=head.format + " (older)"), body)


def flip_last_role_byte(path):
    head, body = read_head(path)
    at, size, _ = head.records["roles"][-1]
    data = bytearray(body)
    data[at + size - 2] ^= 0xFF
    write_head(path, head, bytes(data))


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(path.read_bytes()[: path.stat().st_size // 2]),
        lambda path: path.write_bytes(path.read_bytes()[:-1]),
        lambda path: path.write_bytes(b""),
        lambda path: path.write_text('{"format": "something else"}'),
        lambda path: path.write_bytes(b"\x00\xff" * 100),
        other_format,
    ],
    ids=["truncated", "one-byte-short", "empty", "foreign", "binary", "other-version"],
)
def test_bad_compiled_file_is_ignored_and_rewritten(kb_dir, loader, damage):
    expected = load(kb_dir, loader)
    damage(compiled.compiled_path(kb_dir))
    store = Store.open(kb_dir, loader)
    assert loader.calls == 2
    assert store.summaries() == [RoleSummary.of(role) for role in expected.roles]
    assert store.knowledge() == expected
    assert load(kb_dir, loader) == expected and loader.calls == 2  # rewritten, and good again


def test_damaged_role_is_noticed_when_read_and_replaced_by_the_yaml(kb_dir, loader):
    expected = load(kb_dir, loader)
    flip_last_role_byte(compiled.compiled_path(kb_dir))
    store = Store.open(kb_dir, loader)
    assert store.summaries() == [RoleSummary.of(role) for role in expected.roles]
    assert loader.calls == 1  # the summaries check out
    assert store.knowledge() == expected
    assert loader.calls == 2  # the last role did not
    assert load(kb_dir, loader) == expected and loader.calls == 2


def test_fifo_at_the_compiled_path_does_not_block(kb_dir, cache_dir):
    cache_dir.mkdir()
    os.mkfifo(compiled.compiled_path(kb_dir))
    shown = subprocess.run(
        [
            sys.executable,
            "-m",
            "mktcareers",
            "--data",
            str(kb_dir),
            "role",
            "show",
            "seo",
            "-f",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, userdata.ENV_VARS["cache"]: str(cache_dir)},
    )
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["slug"] == "seo-specialist"
    assert compiled.compiled_path(kb_dir).is_file()  # replaced by a compiled file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_in_the_knowledge_base_does_not_block(kb_dir, cache_dir):
    path = kb_dir / "roles" / "copywriter.yaml"
    path.unlink()
    os.mkfifo(path)
    listed = subprocess.run(
        [sys.executable, "-m", "mktcareers", "--data", str(kb_dir), "roles", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, userdata.ENV_VARS["cache"]: str(cache_dir)},
    )
    assert listed.returncode == 1
    assert "roles/copywriter.yaml: not a regular file (a FIFO)" in listed.stderr


def test_oversize_compiled_file_is_never_opened(kb_dir, loader, opened):
    load(kb_dir, loader)
    path = compiled.compiled_path(kb_dir)
    with open(path, "r+b") as stream:
        stream.truncate(compiled.MAX_BYTES + 1)  # sparse: takes no room
    opened.clear()
    assert load(kb_dir, loader).role("copywriter") and loader.calls == 2
    assert str(path) not in opened
    assert path.stat().st_size < compiled.MAX_BYTES


def test_symlink_at_the_compiled_path_is_never_opened(kb_dir, loader, opened, tmp_path):
    load(kb_dir, loader)
    path = compiled.compiled_path(kb_dir)
    good = tmp_path / "elsewhere.msgpack"
    path.rename(good)
    path.symlink_to(good)
    opened.clear()
    assert load(kb_dir, loader).role("copywriter") and loader.calls == 2
    assert str(path) not in opened and not path.is_symlink()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no file owners here")
def test_someone_elses_compiled_file_is_never_opened(kb_dir, loader, opened, monkeypatch):
    load(kb_dir, loader)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(compiled.compiled_path(kb_dir)).st_uid + 1)
    opened.clear()
    assert load(kb_dir, loader).role("copywriter") and loader.calls == 2
    assert str(compiled.compiled_path(kb_dir)) not in opened


# ------------------------------------------------------------------ writing


def test_leftovers_of_a_killed_writer_are_removed(kb_dir, loader, cache_dir):
    cache_dir.mkdir()
    name = compiled.compiled_path(kb_dir).name
    old = cache_dir / f".{name}.x1y2z3.tmp"
    fresh = cache_dir / f".{name}.a1b2c3.tmp"  # a writer at work
    mine = cache_dir / "notes.tmp"
    for path in (old, fresh, mine):
        path.write_bytes(b"half a file")
        age(path, ns=2 * 60 * 10**9)
    age(fresh, ns=0)
    load(kb_dir, loader)
    assert not old.exists() and fresh.exists() and mine.exists()


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="root can write anywhere")
def test_read_only_cache_dir_still_works(kb_dir, loader, cache_dir):
    cache_dir.mkdir()
    cache_dir.chmod(0o500)
    try:
        assert load(kb_dir, loader).role("copywriter")
        assert load(kb_dir, loader).role("copywriter")
        assert loader.calls == 2  # nothing could be compiled
    finally:
        cache_dir.chmod(0o700)


def test_unwritable_cache_location_still_works(kb_dir, loader, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(userdata.ENV_VARS["cache"], str(blocker / "cache"))  # a folder in a file
    assert load(kb_dir, loader).role("copywriter")
    assert load(kb_dir, loader).role("copywriter")
    assert loader.calls == 2


def test_each_directory_has_its_own_compiled_file(kb_dir, loader, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(kb_dir, other)
    edit_role_title(other, "Other Writer")
    assert compiled.compiled_path(kb_dir) != compiled.compiled_path(other)
    assert load(kb_dir, loader).role("copywriter").title == "Copywriter"
    assert load(other, loader).role("copywriter").title == "Other Writer"
    assert load(kb_dir, loader).role("copywriter").title == "Copywriter"
    assert loader.calls == 2


def test_invalid_knowledge_base_is_not_compiled(kb_dir, loader):
    edit_role_title(kb_dir, "[not, text]")
    for _ in range(2):
        with pytest.raises(KbError):
            load(kb_dir, loader)
    assert loader.calls == 2 and not compiled.compiled_path(kb_dir).exists()


def test_cli_uses_the_compiled_file_and_sees_edits(run, kb_dir):
    first = run("--data", str(kb_dir), "roles", "list", "-f", "json")
    assert compiled.compiled_path(kb_dir).exists()
    assert run("--data", str(kb_dir), "roles", "list", "-f", "json").stdout == first.stdout
    edit_role_title(kb_dir, "Wordsmith")
    shown = run("--data", str(kb_dir), "role", "show", "copywriter", "-f", "json")
    assert json.loads(shown.stdout)["title"] == "Wordsmith"
