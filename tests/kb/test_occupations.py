"""generated/occupations.json: read into the compiled store one occupation at a time, and
refused with the file named when it is bad."""

import json
import os

import pytest

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
