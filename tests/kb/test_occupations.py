"""generated/occupations.json: read into the compiled store one occupation at a time, and
refused with the file named when it is bad."""

import json
import os

import pytest

from mktcareers.kb.errors import KbError
from mktcareers.kb.loading import load
from mktcareers.kb.location import OCCUPATIONS_FILE
from mktcareers.kb.store import Store
from mktcareers.occupations import resolve_occupation


def compiled(kb_dir):
    """The store of `kb_dir` as a second command sees it: read from the compiled file."""
    Store.open(kb_dir, load)
    return Store.open(kb_dir, lambda root: pytest.fail("the YAML was parsed again"))


def test_one_occupation_is_decoded_and_equals_the_parsed_one(kb_dir):
    store = compiled(kb_dir)
    position = resolve_occupation(store.titles(), "journalist").position
    occupation = store.occupation(position)
    assert occupation.code == "27-3023.00"
    assert occupation.it_overlap == 29
    assert occupation in load(kb_dir).occupations
    assert sorted(kind for kind, _ in store._decoded) == ["occupations", "titles"]


def test_roles_never_decode_occupations(kb_dir):
    store = compiled(kb_dir)
    store.summaries()
    store.role(store.finder().resolve("seo").position)
    assert not {kind for kind, _ in store._decoded} & {"titles", "occupations", "profiles"}
    assert store.knowledge().occupations == ()


def test_an_edit_of_the_file_is_seen(kb_dir):
    compiled(kb_dir)
    path = kb_dir / OCCUPATIONS_FILE
    path.write_text(path.read_text().replace('"title":"Software Developers"', '"title":"Coders"'))
    store = Store.open(kb_dir, load)
    assert resolve_occupation(store.titles(), "coders").position is not None


def test_without_the_file_there_are_no_occupations(kb_dir):
    (kb_dir / OCCUPATIONS_FILE).unlink()
    assert load(kb_dir).occupations == ()


def fifo(path):
    path.unlink()
    os.mkfifo(path)


def wrong_shape(path):
    data = json.loads(path.read_text())
    data["occupations"]["27-3023.00"]["job_zone"] = 9
    path.write_text(json.dumps(data))


def it_overlap_above_100(path):
    data = json.loads(path.read_text())
    data["occupations"]["27-3023.00"]["it_overlap"]["score"] = 101
    path.write_text(json.dumps(data))


def short_levels(path):
    data = json.loads(path.read_text())
    del data["occupations"]["27-3023.00"]["skills_levels"][0]
    path.write_text(json.dumps(data))


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda path: path.write_text("{not json"), "JSON is malformed"),
        (lambda path: path.write_text("[]"), "Expected `object`, got `array`"),
        (wrong_shape, "Expected `int` <= 5 - at `$.occupations[...].job_zone`"),
        (short_levels, "occupations.27-3023.00.skills_levels: 34 levels for 35 names"),
        (it_overlap_above_100, "Expected `int` <= 100 - at `$.occupations[...].it_overlap.score`"),
        (fifo, "cannot read file: not a regular file (a FIFO)"),
    ],
    ids=["not-json", "array", "wrong-shape", "short-levels", "it-overlap", "fifo"],
)
def test_a_bad_file_exits_1_naming_it(run, kb_dir, damage, expected):
    damage(kb_dir / OCCUPATIONS_FILE)
    result = run("--data", str(kb_dir), "roles", "list")
    assert result.exit_code == 1
    assert f"generated/occupations.json: {expected}" in result.stderr
    assert "has 1 problem:" in result.stderr
    assert "Traceback" not in result.output


# ------------------------------------------------------------------ prepared title words


def test_the_prepared_title_words_are_what_the_package_makes(bundled):
    from mktcareers.titles import build_titles, index_words, title_texts

    assert bundled.title_words is not None
    assert bundled.title_words == index_words(title_texts(bundled.occupations))
    prepared = build_titles(bundled.occupations, bundled.roles, bundled.title_words)
    assert prepared == build_titles(bundled.occupations, bundled.roles)


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data["occupations"]["15-1252.00"].update(title="Coders"),  # a title
        lambda data: data["occupations"]["15-1252.00"]["alternate_titles"].append("Coders"),
        lambda data: data["title_index"].update(normalisation="0"),  # an older normalise
        lambda data: data.pop("title_index"),  # none at all
    ],
)
def test_words_that_do_not_fit_the_titles_are_made_again(kb_dir, change):
    from mktcareers.titles import Titles

    path = kb_dir / OCCUPATIONS_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    store = Store.open(kb_dir, load)
    found = store.titles()
    fresh = Titles.of(load(kb_dir).occupations, load(kb_dir).roles)
    assert found.index == fresh.index
    if "Coders" in path.read_text(encoding="utf-8"):
        titled, alternate = found.exact("coders")
        assert [found.codes[at] for at in titled + alternate] == ["15-1252.00"]


def test_prepared_arrays_are_little_endian_and_read_back_in_either_byte_order(monkeypatch):
    import sys
    from array import array

    from mktcareers import titles

    values = array("I", [1, 2, 70_000])
    if sys.byteorder == "little":  # the file's order, whatever the machine
        assert titles._little_endian(array("I", values)) == b"".join(
            value.to_bytes(4, "little") for value in values
        )
    for order in ("little", "big"):  # a big-endian machine swaps both ways
        monkeypatch.setattr(titles.sys, "byteorder", order)
        stored = titles._little_endian(array("I", values))
        assert array("I", titles._native(stored, "I")) == values


def test_a_bad_prepared_index_is_one_problem_naming_the_field(kb_dir):
    path = kb_dir / OCCUPATIONS_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title_index"]["word_type"] = "Q"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KbError) as raised:
        load(kb_dir)
    assert "title_index.word_type" in str(raised.value.problems[0])
