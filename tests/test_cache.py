"""The parsed-knowledge-base cache: hits, misses after edits, and every kind of bad cache file."""

import json
import os

import pytest

from mktcareers import cache, kb


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


def test_second_load_is_a_hit_and_equal(kb_dir, loader, cache_dir):
    first = cache.load(kb_dir, loader)
    second = cache.load(kb_dir, loader)
    assert loader.calls == 1
    assert second == first == kb.load(kb_dir)
    assert second.roles[0].remote.factors[0].weight == first.roles[0].remote.factors[0].weight
    assert list(cache_dir.glob("kb-*.json")) == [cache.entry_path(kb_dir)]


def test_cache_file_is_plain_json(kb_dir, loader):
    cache.load(kb_dir, loader)
    header, payload = cache.entry_path(kb_dir).read_text().split("\n", 1)
    assert json.loads(header)["format"] == cache.FORMAT
    assert isinstance(json.loads(payload), list)


def edit_role_title(kb_dir, title):
    path = kb_dir / "roles" / "copywriter.yaml"
    path.write_text(path.read_text().replace("title: Copywriter", f"title: {title}"))


def test_edit_is_seen_on_the_next_load(kb_dir, loader):
    cache.load(kb_dir, loader)
    edit_role_title(kb_dir, "Wordsmith")
    assert cache.load(kb_dir, loader).role("copywriter").title == "Wordsmith"
    assert loader.calls == 2


def test_same_size_edit_in_the_same_clock_tick_is_seen(kb_dir, loader):
    """A file saved moments before it was cached, then saved again within the same
    timestamp: size and time stay the same, only its content hash tells."""
    path = kb_dir / "roles" / "copywriter.yaml"
    os.utime(path)  # just saved
    cache.load(kb_dir, loader)
    stamp = path.stat().st_mtime_ns
    edit_role_title(kb_dir, "Copyeditor")  # as long as "Copywriter"
    os.utime(path, ns=(stamp, stamp))
    assert cache.load(kb_dir, loader).role("copywriter").title == "Copyeditor"


@pytest.mark.parametrize("change", ["add", "remove"])
def test_added_or_removed_role_file_is_seen(kb_dir, loader, change):
    before = len(cache.load(kb_dir, loader).roles)
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
    after = len(cache.load(kb_dir, loader).roles)
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
    expected = cache.load(kb_dir, loader)
    entry = cache.entry_path(kb_dir)
    entry.write_text(damage(entry.read_text()), errors="surrogateescape")
    assert cache.load(kb_dir, loader) == expected
    assert loader.calls == 2
    assert cache.read(kb_dir) == expected  # rewritten, and good again


def test_wrong_shape_that_checks_out_is_still_ignored(kb_dir, loader):
    """A payload that passes the CRC but does not fit the models is a miss, not a crash."""
    import zlib

    cache.load(kb_dir, loader)
    entry = cache.entry_path(kb_dir)
    header = json.loads(entry.read_text().split("\n", 1)[0])
    payload = "[[1, 2], 3]"
    header["crc32"] = zlib.crc32(payload.encode())
    entry.write_text(json.dumps(header) + "\n" + payload)
    assert cache.read(kb_dir) is None


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="root can write anywhere")
def test_read_only_cache_dir_still_works(kb_dir, loader, cache_dir):
    cache_dir.mkdir()
    cache_dir.chmod(0o500)
    try:
        assert cache.load(kb_dir, loader).role("copywriter")
        assert cache.load(kb_dir, loader).role("copywriter")
        assert loader.calls == 2  # nothing could be cached
    finally:
        cache_dir.chmod(0o700)


def test_unwritable_cache_location_still_works(kb_dir, loader, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))  # a folder inside a file
    assert cache.load(kb_dir, loader).role("copywriter")
    assert cache.load(kb_dir, loader).role("copywriter")
    assert loader.calls == 2


def test_each_directory_has_its_own_entry(kb_dir, loader, tmp_path):
    import shutil

    other = tmp_path / "other"
    shutil.copytree(kb_dir, other)
    edit_role_title(other, "Other Writer")
    assert cache.entry_path(kb_dir) != cache.entry_path(other)
    assert cache.load(kb_dir, loader).role("copywriter").title == "Copywriter"
    assert cache.load(other, loader).role("copywriter").title == "Other Writer"
    assert cache.load(kb_dir, loader).role("copywriter").title == "Copywriter"
    assert loader.calls == 2


def test_invalid_knowledge_base_is_not_cached(kb_dir, loader):
    edit_role_title(kb_dir, "[not, text]")
    for _ in range(2):
        with pytest.raises(kb.KbError):
            cache.load(kb_dir, loader)
    assert loader.calls == 2 and not cache.entry_path(kb_dir).exists()


def test_cli_uses_the_cache_and_sees_edits(run, kb_dir, cache_dir):
    first = run("--data", str(kb_dir), "roles", "list", "-f", "json")
    assert cache.entry_path(kb_dir).exists()
    assert run("--data", str(kb_dir), "roles", "list", "-f", "json").stdout == first.stdout
    edit_role_title(kb_dir, "Wordsmith")
    shown = run("--data", str(kb_dir), "role", "show", "copywriter", "-f", "json")
    assert json.loads(shown.stdout)["title"] == "Wordsmith"
