"""The parsed-knowledge-base cache: hits, misses after edits, and every kind of bad cache file."""

import json
import os

import pytest

from mktcareers import userdata
from mktcareers.kb import cache
from mktcareers.kb import loading as kb
from mktcareers.kb.store import Store
from mktcareers.views.roles import role_row


class CountingLoader:
    """kb.load, counting how often the YAML is really parsed."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, root):
        self.calls += 1
        return kb.load(root)


@pytest.fixture
def loader():
    return CountingLoader()


def load(root, loader):
    """The whole knowledge base through the store: cached when current."""
    with Store.open(root, loader) as store:
        return store.knowledge()


def cached(root):
    """The whole knowledge base from the cache alone, or None when it is not usable."""
    entry = cache.open_entry(root)
    if entry is None:
        return None

    def refuse(root):
        raise AssertionError("the cache should have been enough")

    try:
        return Store(root, refuse, entry=entry).knowledge()
    finally:
        entry.close()


def test_second_load_is_a_hit_and_equal(kb_dir, loader, cache_dir):
    first = load(kb_dir, loader)
    second = load(kb_dir, loader)
    assert loader.calls == 1
    assert second == first == kb.load(kb_dir)
    assert second.roles[0].remote.factors[0].weight == first.roles[0].remote.factors[0].weight
    assert list(cache_dir.glob("kb-*.json")) == [cache.entry_path(kb_dir)]


def test_cache_file_is_plain_json(kb_dir, loader):
    load(kb_dir, loader)
    lines = cache.entry_path(kb_dir).read_text().splitlines()
    header = json.loads(lines[0])
    assert header["format"] == cache.FORMAT
    assert all(json.loads(line) is not None for line in lines[1:])
    # one line per section document, and one per role in each table
    assert len(lines) == 1 + len(header["sections"]) - 2 + 2 * len(kb.load(kb_dir).roles)


def edit_role_title(kb_dir, title):
    path = kb_dir / "roles" / "copywriter.yaml"
    path.write_text(path.read_text().replace("title: Copywriter", f"title: {title}"))


def test_edit_is_seen_on_the_next_load(kb_dir, loader):
    load(kb_dir, loader)
    edit_role_title(kb_dir, "Wordsmith")
    assert load(kb_dir, loader).role("copywriter").title == "Wordsmith"
    assert loader.calls == 2


def test_same_size_edit_in_the_same_clock_tick_is_seen(kb_dir, loader):
    """A file saved moments before it was cached, then saved again within the same
    timestamp: size and time stay the same, only its content hash tells."""
    path = kb_dir / "roles" / "copywriter.yaml"
    os.utime(path)  # just saved
    load(kb_dir, loader)
    stamp = path.stat().st_mtime_ns
    edit_role_title(kb_dir, "Copyeditor")  # as long as "Copywriter"
    os.utime(path, ns=(stamp, stamp))
    assert load(kb_dir, loader).role("copywriter").title == "Copyeditor"


@pytest.mark.parametrize("change", ["add", "remove"])
def test_added_or_removed_role_file_is_seen(kb_dir, loader, change):
    before = len(load(kb_dir, loader).roles)
    source = kb_dir / "roles" / "copywriter.yaml"
    if change == "add":
        text = source.read_text().replace("slug: copywriter", "slug: copywriter-two")
        (kb_dir / "roles" / "copywriter-two.yaml").write_text(text)
    else:
        for path in (kb_dir / "roles").glob("*.yaml"):
            text = path.read_text()
            path.write_text(text.replace("  - copywriter\n", ""))
        source.unlink()
        derived = kb_dir / "generated" / "derived.yaml"
        derived.unlink()  # it names every role; the copy without it still loads
    after = len(load(kb_dir, loader).roles)
    assert after == before + (1 if change == "add" else -1)


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: "",  # empty
        lambda text: "not json at all\n",  # foreign
        lambda text: text.replace('"format": "', '"format": "x', 1),  # another format
        lambda text: text.replace("Copywriter", "Copywritex", 1),  # payload altered
        lambda text: text.split("\n", 1)[0] + "\n[1, 2, 3]",  # wrong shape
        lambda text: "\x00\xff" * 100,  # binary
    ],
    ids=["truncated", "empty", "foreign", "format", "altered", "shape", "binary"],
)
def test_damaged_cache_is_ignored_and_rebuilt(kb_dir, loader, damage):
    expected = load(kb_dir, loader)
    entry = cache.entry_path(kb_dir)
    entry.write_text(damage(entry.read_text()), errors="surrogateescape")
    with Store.open(kb_dir, loader) as store:
        assert store.rows() == [role_row(role) for role in expected.roles]
        assert store.knowledge() == expected
    assert loader.calls == 2
    assert cached(kb_dir) == expected  # rewritten, and good again


def rewrite_section(kb_dir, name, text):
    """Replace one document section of the cache file, with a matching checksum."""
    import zlib

    path = cache.entry_path(kb_dir)
    header_line, _, body = path.read_bytes().partition(b"\n")
    header = json.loads(header_line)
    at, size, _ = header["sections"][name]
    data = text.encode()
    body = body[:at] + data + body[at + size :]
    shift = len(data) - size
    for other in header["sections"].values():
        if other[0] > at:
            other[0] += shift
    header["sections"][name] = [at, len(data), zlib.crc32(data)]
    header["size"] += shift
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)


def test_wrong_shape_that_checks_out_is_still_ignored(kb_dir, loader):
    """A section that passes its checksum but does not fit the models is a miss, not a crash."""
    expected = load(kb_dir, loader)
    rewrite_section(kb_dir, "base", "[[1, 2], 3]")
    assert load(kb_dir, loader) == expected
    assert loader.calls == 2


def test_commands_read_only_the_sections_they_need(kb_dir, loader):
    """With every role record damaged, the rows and the finder still come from the
    cache; asking for a whole role falls back to the YAML and gets it right."""
    expected = kb.load(kb_dir)
    load(kb_dir, loader)
    path = cache.entry_path(kb_dir)
    header_line, _, body = path.read_bytes().partition(b"\n")
    at = json.loads(header_line)["sections"]["roles"][0]
    path.write_bytes(header_line + b"\n" + body[:at] + body[at:].replace(b'"', b"'"))
    with Store.open(kb_dir, loader) as store:
        assert store.rows() == [role_row(role) for role in expected.roles]
        position = store.finder().resolve("seo").position
        assert loader.calls == 1
        assert store.role(position) == expected.role("seo-specialist")
        assert loader.calls == 2  # the damaged record was noticed and the YAML read
        assert store.knowledge() == expected
    assert cached(kb_dir) == expected  # and the cache was rewritten


def test_a_damaged_name_record_is_recovered_mid_search(kb_dir, loader):
    with Store.open(kb_dir, loader) as store:
        expected = store.finder().search("python")
    path = cache.entry_path(kb_dir)
    header_line, _, body = path.read_bytes().partition(b"\n")
    at = json.loads(header_line)["sections"]["names"][0]
    path.write_bytes(header_line + b"\n" + body[:at] + body[at:].replace(b"Python", b"Pythom"))
    with Store.open(kb_dir, loader) as store:
        found = store.finder().search("python")
    assert loader.calls == 2
    assert [(h.role.slug, h.score, h.matches) for h in found] == [
        (h.role.slug, h.score, h.matches) for h in expected
    ]


def test_cached_parts_equal_parsed_parts(kb_dir, loader):
    parsed = Store.open(kb_dir, loader)
    from_cache = Store.open(kb_dir, loader)
    assert from_cache.cached and not parsed.cached
    assert loader.calls == 1
    assert from_cache.rows() == parsed.rows()
    for query in ("seo", "SEO Analyst", "emial marketing", "developer"):
        assert from_cache.finder().resolve(query) == parsed.finder().resolve(query)
    assert from_cache.role(3) == parsed.role(3)
    assert from_cache.sources() == parsed.sources()
    assert from_cache.titles(["seo-specialist", "nobody"]) == {"seo-specialist": "SEO Specialist"}
    from_cache.close()


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="root can write anywhere")
def test_read_only_cache_dir_still_works(kb_dir, loader, cache_dir):
    cache_dir.mkdir()
    cache_dir.chmod(0o500)
    try:
        assert load(kb_dir, loader).role("copywriter")
        assert load(kb_dir, loader).role("copywriter")
        assert loader.calls == 2  # nothing could be cached
    finally:
        cache_dir.chmod(0o700)


def test_unwritable_cache_location_still_works(kb_dir, loader, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(userdata.ENV_VARS["cache"], str(blocker / "cache"))  # a folder inside a file
    assert load(kb_dir, loader).role("copywriter")
    assert load(kb_dir, loader).role("copywriter")
    assert loader.calls == 2


def test_each_directory_has_its_own_entry(kb_dir, loader, tmp_path):
    import shutil

    other = tmp_path / "other"
    shutil.copytree(kb_dir, other)
    edit_role_title(other, "Other Writer")
    assert cache.entry_path(kb_dir) != cache.entry_path(other)
    assert load(kb_dir, loader).role("copywriter").title == "Copywriter"
    assert load(other, loader).role("copywriter").title == "Other Writer"
    assert load(kb_dir, loader).role("copywriter").title == "Copywriter"
    assert loader.calls == 2


def test_invalid_knowledge_base_is_not_cached(kb_dir, loader):
    edit_role_title(kb_dir, "[not, text]")
    for _ in range(2):
        with pytest.raises(kb.KbError):
            load(kb_dir, loader)
    assert loader.calls == 2 and not cache.entry_path(kb_dir).exists()


def test_cli_uses_the_cache_and_sees_edits(run, kb_dir, cache_dir):
    first = run("--data", str(kb_dir), "roles", "list", "-f", "json")
    assert cache.entry_path(kb_dir).exists()
    assert run("--data", str(kb_dir), "roles", "list", "-f", "json").stdout == first.stdout
    edit_role_title(kb_dir, "Wordsmith")
    shown = run("--data", str(kb_dir), "role", "show", "copywriter", "-f", "json")
    assert json.loads(shown.stdout)["title"] == "Wordsmith"
