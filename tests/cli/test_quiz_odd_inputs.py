"""`mktcareers quiz` with odd inputs: nothing answered, some areas unanswered, flat
answers, input that ends early, answers from standard input, odd --answers and --save
paths, broken answers files, a file where the state folder should be."""

import json
import os
import subprocess
import sys

import pytest
import yaml

from mktcareers.kb.loading import load
from mktcareers.kb.location import bundled_dir
from mktcareers.kb.quizfile import load_quiz
from mktcareers.quiz import last_result
from mktcareers.quiz import progress as state
from mktcareers.quiz.items import ordered_items


@pytest.fixture(scope="module")
def items():
    return load_quiz(load(bundled_dir()))


def words(text: str) -> str:
    """Output as one line of words, box edges gone (Click's usage errors are boxed)."""
    return " ".join(text.replace("│", " ").split())


def liking(items, areas: str) -> dict[str, int]:
    return {
        item.id: 5 if item.area in areas else 2 for item in items.items if item.kind == "interest"
    }


def write(tmp_path, answers: dict, name: str = "answers.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(answers))
    return path


# ------------------------------------------------------------------ nothing answered


@pytest.mark.parametrize(("short", "first"), [(True, "b\n"), (False, ""), (True, "s\nb\nb\n")])
def test_every_item_skipped_keeps_the_last_results(run, items, tmp_path, state_dir, short, first):
    kept = run("quiz", "--answers", str(write(tmp_path, liking(items, "AE"))), "-f", "json")
    before = json.loads(kept.stdout)["holland_code"]
    count = len(ordered_items(items, short=short))
    typed = first + "s\n" * (count + 5)
    args = ["quiz", "--short"] if short else ["quiz"]
    result = run(*args, input=typed)
    assert result.exit_code == 1
    said = words(result.stderr)
    assert "nothing was answered" in said and f"every one of the {count} items" in said
    assert "Completed" not in result.stdout + result.stderr
    assert "You answered 0" not in result.stdout + result.stderr
    again = last_result.read_results(state_dir / last_result.RESULTS_FILE)
    assert again["holland_code"] == before  # not overwritten
    assert not (state_dir / state.PROGRESS_FILE).exists()  # nothing left to resume


def test_an_answers_file_without_answers_is_nothing_answered(run, tmp_path):
    (tmp_path / "empty.json").write_text("{}")
    result = run("quiz", "--answers", str(tmp_path / "empty.json"))
    assert result.exit_code == 1 and "nothing was answered" in words(result.stderr)


# ------------------------------------------------------------------ unanswered areas


@pytest.mark.parametrize(
    ("answered", "missing"), [({"r1": 5}, "IASEC"), ({"a1": 5, "e1": 4}, "RISC")]
)
def test_areas_without_answers_are_named_not_measured(run, tmp_path, answered, missing):
    from mktcareers.models import RIASEC_NAMES

    result = run("quiz", "--answers", str(write(tmp_path, answered)), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    note = data["holland_note"]
    assert note.startswith("You answered no item for ")
    for area in missing:
        assert RIASEC_NAMES[area] in note.split(", so")[0]
        assert data["profile"][area] is None
    assert set(data["holland_code"]) <= set("RIASEC") - set(missing)
    assert "Of the areas you answered" in note or len(data["holland_code"]) == 3
    assert not note.startswith("Only")


# ------------------------------------------------------------------ flat answers


@pytest.mark.parametrize(("value", "short", "full_advice"), [(1, False, False), (3, True, True)])
def test_flat_advice_depends_on_what_was_taken(run, items, value, short, full_advice):
    order = ordered_items(items, short=short)
    args = ["quiz", "-f", "json"] + (["--short"] if short else [])
    result = run(*args, input=f"{value}\n" * len(order))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["status"] == "flat" and data["answered"] == len(order)
    assert ("Take the full quiz" in data["message"]) is full_advice
    assert "whole scale" in data["message"]


def test_flat_answers_file_of_short_items_suggests_the_full_quiz(run, items, tmp_path):
    short = {item.id: 4 for item in ordered_items(items, short=True)}
    result = run("quiz", "--answers", str(write(tmp_path, short)), "-f", "json")
    assert "Take the full quiz" in json.loads(result.stdout)["message"]


# ------------------------------------------------------------------ ties shown


def test_ties_are_said_in_the_view_and_listed_in_json(run, items, tmp_path):
    answers = {
        item.id: 5 if item.area in "IA" else 3 for item in items.items if item.kind == "interest"
    }
    path = write(tmp_path, answers)
    table = run("quiz", "--answers", str(path))
    assert "R, S, E and C tie at 4.0: the third letter could be any of them" in words(table.stdout)
    data = json.loads(run("quiz", "--answers", str(path), "-f", "json").stdout)
    assert data["holland_code"] == "IAR"
    assert {tie["areas"] for tie in data["holland_ties"]} == {"IA", "RSEC"}


# ------------------------------------------------------------------ input that ends


def mktcareers(args, stdin, state, preexec=None):
    env = {**os.environ, "MKTCAREERS_STATE_DIR": str(state)}
    return subprocess.run(
        [sys.executable, "-m", "mktcareers", *args],
        stdin=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        preexec_fn=preexec,
    )


@pytest.mark.parametrize("stdin", ["devnull", "closed"])
def test_no_input_at_all_is_exit_1_with_a_hint_to_answers(tmp_path, stdin):
    if stdin == "devnull":
        done = mktcareers(["quiz"], subprocess.DEVNULL, tmp_path / "state")
    else:
        done = mktcareers(["quiz", "--short"], None, tmp_path / "state", lambda: os.close(0))
    assert done.returncode == 1, done.stderr
    said = words(done.stderr)
    assert "no input: standard input" in said and "--answers FILE" in said
    assert "paused" not in said and "Traceback" not in said


@pytest.mark.parametrize(("typed", "answered"), [("3\n", 1), ("3\ns\n4\n5\n", 3), ("2\nb\n", 1)])
def test_input_that_ends_early_is_exit_1_and_says_how_far(tmp_path, typed, answered):
    (tmp_path / "in").write_text(typed)
    with open(tmp_path / "in") as stdin:
        done = mktcareers(["quiz", "--short"], stdin, tmp_path / "state")
    assert done.returncode == 1, done.stderr
    said = words(done.stderr)
    assert f"input ended after {answered} of 19 answers; progress saved" in said
    assert "mktcareers quiz --resume" in said and "--answers FILE" in said
    assert len(state.read_progress(tmp_path / "state" / state.PROGRESS_FILE).answers) == answered


# ------------------------------------------------------------------ --answers paths


def test_answers_from_standard_input(run, items, tmp_path):
    answers = liking(items, "AE")
    from_file = run("quiz", "--answers", str(write(tmp_path, answers)), "-f", "json")
    for text in (yaml.safe_dump(answers), json.dumps(answers)):
        piped = run("quiz", "--answers", "-", "-f", "json", input=text)
        assert piped.exit_code == 0, piped.stderr
        assert json.loads(piped.stdout)["matches"] == json.loads(from_file.stdout)["matches"]


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ("", "standard input: nothing was read", False),
        ("r1: [", "standard input:", False),
        ("r1: 9\n", "standard input:1: r1: 9 is out of range", True),
        ("zz9: 3\n", "unknown item id 'zz9'", True),
    ],
)
def test_answers_from_standard_input_that_cannot_be_used(run, text, message, hint):
    result = run("quiz", "--answers", "-", input=text)
    assert result.exit_code == 1
    said = words(result.stderr)
    assert message in said and "file not found" not in said
    assert ("mktcareers quiz items" in said) is hint


@pytest.mark.parametrize("empty", ["", " "])
def test_an_empty_answers_path_is_a_usage_error(run, empty):
    result = run("quiz", "--answers", empty)
    assert result.exit_code == 2
    assert f"the path {empty!r} is empty" in words(result.stderr)


def test_answers_file_problems_hint_at_items_only_when_an_item_is_wrong(run, tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    (tmp_path / "syntax.yaml").write_text("r1: 5\ni1: [4\n")
    (tmp_path / "folder").mkdir()
    for path in (fifo, tmp_path / "missing.yaml", tmp_path / "syntax.yaml", tmp_path / "folder"):
        result = run("quiz", "--answers", str(path))
        assert result.exit_code == 1 and "quiz items" not in result.stderr, path
    wrong = run("quiz", "--answers", str(write(tmp_path, {"r1": 7})))
    assert wrong.exit_code == 1 and "mktcareers quiz items" in wrong.stderr


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("r1: 5\ni1: 4\n\ta1: 3\n", "a1: "),  # a tab before a key: that key, not i1.a1
        ("r1: 5\ni1: 4\n\t- 3\n", ""),  # a tab before no key: no key
        ("r1: 5\n  i1: 4\n\ts1: 2\n", "i1: "),  # the parser stops at line 2: its key
    ],
)
def test_a_syntax_error_names_the_key_of_its_own_line(run, tmp_path, text, key):
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    result = run("quiz", "--answers", str(path))
    assert result.exit_code == 1
    problem = next(line for line in result.stderr.splitlines() if str(path) + ":" in line)
    after = problem.split(": ", 1)[1]
    assert after.startswith(f"{key}invalid YAML"), problem
    assert "i1.a1" not in result.stderr


# ------------------------------------------------------------------ --save paths


@pytest.mark.parametrize(("target", "kind"), [("folder", "a folder"), ("/dev/null", "a device")])
def test_save_to_something_not_a_file_says_what_it_is(run, items, tmp_path, target, kind):
    if target == "folder":
        (tmp_path / "folder").mkdir()
        target = str(tmp_path / "folder")
    answers = str(write(tmp_path, liking(items, "AE")))
    for args in (("quiz", "--answers", answers), ("quiz", "results")):
        result = run(*args, "--save", target)
        assert result.exit_code == 2
        said = words(result.stderr)
        assert f"is {kind}, not a file" in said and "no extension" not in said


def test_save_to_a_file_called_dot_md_writes_markdown(run, items, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("quiz", "--answers", str(write(tmp_path, liking(items, "AE"))), "--save", ".md")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / ".md").read_text().startswith("# Your mktcareers quiz results")


# ------------------------------------------------------------------ the state folder


@pytest.mark.parametrize("below", ["", "sub"])
def test_a_file_as_state_folder_is_named(run, items, tmp_path, below):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    env = {"MKTCAREERS_STATE_DIR": str(blocker / below)}
    result = run("quiz", "--answers", str(write(tmp_path, liking(items, "AE"))), env=env)
    said = words(result.stderr)
    assert f"{blocker} is a file, not a folder" in said
    assert "File exists" not in said and "Not a directory" not in said
