"""`mktcareers quiz`: answers files, the interactive flow through CliRunner, stop and resume."""

import json
import os
import re
import stat

import pytest
import yaml

from mktcareers.kb.loading import load
from mktcareers.kb.location import bundled_dir
from mktcareers.kb.quizfile import load_quiz
from mktcareers.quiz import progress as state
from mktcareers.quiz import scoring as quiz
from mktcareers.quiz.items import ordered_items

RESULT_KEYS = {
    "completed",
    "profile",
    "holland_note",
    "holland_ties",
    "weak_match_note",
    "job_zone",
    "holland_code",
    "status",
    "message",
    "answered",
    "asked",
    "matches",
    "weights",
    "disclaimer",
}
MATCH_KEYS = {
    "slug",
    "title",
    "fit",
    "interest_match",
    "interest_r",
    "preferences",
    "readiness",
    "job_zone",
    "stretch",
    "reasons",
}


@pytest.fixture(scope="module")
def items():
    return load_quiz(load(bundled_dir()))


def csv_rows(text: str) -> list[dict]:
    import csv

    return list(csv.DictReader(text.splitlines()))


def creative_answers(items) -> dict[str, int]:
    answers = {
        item.id: 5 if item.area in "AE" else 2 for item in items.items if item.kind == "interest"
    }
    return {**answers, "pref-remote": 5, "pref-creative": 5, "skill-copywriting": 3}


def replies(order, answers: dict[str, int]) -> str:
    """What a person types for `order`: the answer, or s where they have none."""
    return "".join(f"{answers.get(item.id, 's')}\n" for item in order)


def untimed(output: str) -> str:
    """Output without the time the quiz was completed, which two runs need not share."""
    output = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", "TIME", output)
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "TIME", output)


def progress(state_dir):
    return state.read_progress(state_dir / state.PROGRESS_FILE)


# ------------------------------------------------------------------ --answers


def test_answers_file_json_results(run, tmp_path, items):
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(creative_answers(items)))
    result = run("quiz", "--answers", str(path), "--format", "json", "--top", "3")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == RESULT_KEYS
    assert set(data["profile"]) == set("RIASEC")
    assert data["holland_code"][:2] == "AE" and data["status"] == "ok"
    assert len(data["matches"]) == 3
    expected = quiz.score(items, creative_answers(items), load(bundled_dir()).roles, 3)
    assert [match["slug"] for match in data["matches"]] == [
        match.role.slug for match in expected.matches
    ]
    for match in data["matches"]:
        assert MATCH_KEYS | {"skills_to_build"} == set(match)
        assert match["reasons"] and match["skills_to_build"]
        assert set(match["skills_to_build"][0]) == {"skill", "name", "have", "need"}
    assert "not a validated psychometric instrument" in data["disclaimer"]


def test_answers_file_in_json_and_table(run, tmp_path, items):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(creative_answers(items)))
    result = run("quiz", "--answers", str(path))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Your Holland code: AE" in out and "Roles that fit you best" in out
    assert "1. " in out and "Skills to build first" in out and "mktcareers role show" in out
    assert "not a validated psychometric instrument" in " ".join(out.split())


@pytest.mark.parametrize("job", ["journalist", "27-3043.00", "Help Desk Analyst", "copywriter"])
def test_the_next_step_works_for_any_job_title(run, tmp_path, items, job):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(creative_answers(items)))
    out = " ".join(run("quiz", "--answers", str(path)).stdout.split())
    command = re.search(r'mktcareers path "YOUR JOB TITLE" (\S+)', out)
    assert command, out[-600:]
    moved = run("path", job, command.group(1))
    assert moved.exit_code in (0, 1), moved.output
    assert moved.exit_code == 0 or "are the same role" in moved.stderr


@pytest.mark.parametrize(
    ("fmt", "says"),
    [("yaml", "holland_code: AE"), ("md", "**Your Holland code:** AE"), ("csv", "holland_code")],
)
def test_results_in_every_format(run, tmp_path, items, fmt, says):
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(creative_answers(items)))
    result = run("quiz", "--answers", str(path), "--format", fmt)
    assert result.exit_code == 0 and says in result.stdout


def test_flat_answers_say_so(run, tmp_path, items):
    path = tmp_path / "flat.yaml"
    path.write_text(yaml.safe_dump({item.id: 4 for item in items.items}))
    table = run("quiz", "--answers", str(path))
    assert table.exit_code == 0 and "cannot tell roles apart" in " ".join(table.stdout.split())
    data = json.loads(run("quiz", "--answers", str(path), "-f", "json").stdout)
    assert data["status"] == "flat" and data["matches"] == []


def test_save_writes_the_results(run, tmp_path, items):
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(creative_answers(items)))
    (tmp_path / "out").mkdir()
    saved_json, saved_yaml = tmp_path / "out" / "results.json", tmp_path / "results.yaml"
    result = run("quiz", "--answers", str(path), "--save", str(saved_json), "-f", "json")
    assert json.loads(saved_json.read_text()) == json.loads(result.stdout)
    assert f"Results saved to {saved_json}" in result.stderr
    run("quiz", "--answers", str(path), "--save", str(saved_yaml))
    assert yaml.safe_load(saved_yaml.read_text())["matches"][0]["slug"]


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("results.json", json.loads),
        ("RESULTS.JSON", json.loads),
        ("results.yaml", yaml.safe_load),
        ("results.yml", yaml.safe_load),
        ("results.md", None),
        ("Results.MD", None),
        ("results.csv", csv_rows),
    ],
)
def test_save_writes_the_format_its_suffix_names(run, tmp_path, items, name, read):
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(creative_answers(items)))
    saved = tmp_path / name
    shown = run("quiz", "--answers", str(path), "--save", str(saved), "-f", "json")
    assert shown.exit_code == 0, shown.stderr
    record = json.loads(shown.stdout)
    if read is None:
        report = saved.read_text()
        assert report.startswith("# Your mktcareers quiz results\n")
        for match in record["matches"]:  # each match, why and what to build, in words
            assert f"`{match['slug']}`" in report and f"Fit {match['fit']}/100" in report
            assert all(f"- {reason}" in report for reason in match["reasons"])
            assert all(gap["name"] in report for gap in match["skills_to_build"])
        assert "| A Artistic |" in report and "| field | value |" not in report
    elif read is csv_rows:
        rows = read(saved.read_text())
        assert [row["slug"] for row in rows] == [match["slug"] for match in record["matches"]]
        assert [int(row["fit"]) for row in rows] == [match["fit"] for match in record["matches"]]
        assert all(row["holland_code"] == record["holland_code"] for row in rows)
        assert rows[0]["reasons"] == "; ".join(record["matches"][0]["reasons"])
    else:
        assert read(saved.read_text()) == record


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "needs a file name ending in .md, .json, .yaml, .yml or .csv."),
        (".", "needs a file name ending in .md, .json, .yaml, .yml or .csv."),
        ("res.txt", "'res.txt' ends in '.txt', which names no format: use .md, .json, .yaml,"),
        ("res.xlsx", "'res.xlsx' ends in '.xlsx', which names no format: use .md, .json,"),
        ("res", "'res' has no extension, so it names no format: use .md, .json, .yaml, .yml"),
        ("results.json.bak", "'results.json.bak' ends in '.bak', which names no format"),
    ],
)
def test_save_to_a_file_of_no_known_format_is_a_usage_error(
    run, tmp_path, monkeypatch, value, message
):
    monkeypatch.chdir(tmp_path)  # were it written after all, it would be here
    result = run("quiz", "--short", "--save", value, input="4\n")
    assert result.exit_code == 2
    said = " ".join(result.stderr.replace("│", " ").split())  # unwrap the error box
    assert f"Invalid value for '--save': {message}" in said
    assert "1/19" not in result.stderr  # refused before the first question
    assert not (tmp_path / "state").exists()
    assert {path.name for path in tmp_path.iterdir()} <= {"cache"}


def test_save_to_an_unwritable_place_is_an_error(run, tmp_path, items):
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(creative_answers(items)))
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("quiz", "--answers", str(path), "--save", str(blocker / "results.json"))
    assert result.exit_code == 1
    assert "cannot save the results" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", [None, "json", "yaml", "md", "csv"])
def test_save_to_dash_writes_the_results_to_stdout_once(run, tmp_path, items, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(creative_answers(items)))
    chosen = ("-f", fmt) if fmt else ()
    plain = run("quiz", "--answers", str(path), *chosen)
    dashed = run("quiz", "--answers", str(path), "--save", "-", *chosen)
    assert dashed.exit_code == 0 and untimed(dashed.stdout) == untimed(plain.stdout)
    assert "saved" not in dashed.stderr and "Error" not in dashed.stderr
    # no file called '-': only the results kept for 'quiz results' in the state folder
    assert sorted(item.name for item in tmp_path.iterdir()) == ["answers.yaml", "cache", "state"]


def test_save_to_dash_after_the_interactive_quiz_forgets_the_progress(run, items, state_dir):
    result = run("quiz", "--short", "--save", "-", "-f", "json", input="4\n" * 19)
    assert result.exit_code == 0 and set(json.loads(result.stdout)) == RESULT_KEYS
    assert progress(state_dir) is None


def test_save_never_makes_a_folder(run, tmp_path, items):
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(creative_answers(items)))
    missing = tmp_path / "nodir" / "deeper"
    result = run("quiz", "--answers", str(path), "--save", str(missing / "x.json"))
    assert result.exit_code == 1
    assert f"folder {missing} does not exist" in result.stderr
    assert not (tmp_path / "nodir").exists()


def test_save_through_a_link_says_where_it_wrote(run, tmp_path, items):
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(creative_answers(items)))
    (tmp_path / "real").mkdir()
    target, link = tmp_path / "real" / "target.json", tmp_path / "link.json"
    link.symlink_to(target)
    result = run("quiz", "--answers", str(path), "--save", str(link), "-f", "json")
    assert result.exit_code == 0 and link.is_symlink()
    assert json.loads(target.read_text()) == json.loads(result.stdout)
    assert f"Results saved to {link} (a link to {target})." in result.stderr
    target.chmod(0o640)
    run("quiz", "--answers", str(path), "--save", str(link))
    assert (target.stat().st_mode & 0o777) == 0o640


@pytest.mark.parametrize("missing", ["nonexist/x.json", "nonexist/deeper/x.json"])
def test_save_through_a_link_into_a_missing_folder_is_an_error(run, tmp_path, items, missing):
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(creative_answers(items)))
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / missing)
    result = run("quiz", "--answers", str(path), "--save", str(link))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    said = " ".join(result.stderr.split())
    assert f"it is a link to {tmp_path / missing}, whose folder" in said
    assert f"{(tmp_path / missing).parent} does not exist" in said
    assert not (tmp_path / "nonexist").exists()


@pytest.mark.parametrize("through_a_link", [False, True])
def test_save_to_a_fifo_is_refused(run, tmp_path, items, through_a_link):
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(creative_answers(items)))
    fifo, link = tmp_path / "pipe.json", tmp_path / "link.json"
    os.mkfifo(fifo)
    link.symlink_to(fifo)
    result = run("quiz", "--answers", str(path), "--save", str(link if through_a_link else fifo))
    assert result.exit_code == 2  # refused before anything is scored or asked
    assert "is a FIFO, not a file" in " ".join(result.stderr.replace("│", " ").split())
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("r1: 5\nr2: 7\n", "answers.yaml:2: r2: 7 is out of range (1-5)"),
        ("r1: 5\npref-remot: 3\n", "answers.yaml:2: pref-remot: unknown item id"),
        ("r1: five\n", "answers.yaml:1: r1: expected a whole number from 1 to 5, got 'five'"),
        ("- r1\n- r2\n", "expected a mapping of item id to an answer from 1 to 5"),
        ("r1: 5\nr1: 4\n", "answers.yaml:2: r1: duplicate key 'r1'"),
        ("r1: [5\n", "answers.yaml:"),
        ("", "answers.yaml: file is empty"),
        ("r1: !!python/object:os.system 5\n", "answers.yaml:1"),
    ],
)
def test_bad_answers_files(run, tmp_path, text, expected):
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    result = run("quiz", "--answers", str(path))
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_missing_and_binary_answers_files(run, tmp_path):
    missing = run("quiz", "--answers", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 1 and "nope.yaml: file not found" in missing.stderr
    binary = tmp_path / "answers.bin"
    binary.write_bytes(b"\x00\xff\xfe" * 10)
    result = run("quiz", "--answers", str(binary))
    assert result.exit_code == 1 and "answers.bin" in result.stderr


def test_answers_and_resume_together_is_a_usage_error(run, tmp_path):
    result = run("quiz", "--answers", str(tmp_path / "a.yaml"), "--resume")
    assert result.exit_code == 2 and "cannot be used together" in result.stderr


# ------------------------------------------------------------------ quiz items


def test_quiz_items_json(run, items):
    result = run("quiz", "items", "--format", "json")
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == [item.id for item in ordered_items(items)]
    assert {"id", "text", "kind", "area"} <= set(rows[0])
    assert rows[0]["area"] == "R" and rows[0]["kind"] == "interest"


def test_quiz_items_short_yaml(run):
    rows = yaml.safe_load(run("quiz", "items", "--short", "-f", "yaml").stdout)
    assert len(rows) == 19 and all(row["short"] for row in rows)


def test_quiz_help_has_examples_and_disclaimer(run):
    result = run("quiz", "-h")
    assert result.exit_code == 0 and "Examples:" in result.stdout
    assert "mktcareers quiz --short" in result.stdout
    assert "not a validated psychometric instrument" in " ".join(result.stdout.split())


# ------------------------------------------------------------------ interactive


def test_short_quiz_end_to_end(run, items, state_dir):
    order = ordered_items(items, short=True)
    result = run("quiz", "--short", "-f", "json", input=replies(order, creative_answers(items)))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)  # prompts went to stderr: stdout is only the results
    assert data["holland_code"][:2] == "AE" and data["asked"] == 19
    assert data["matches"][0]["slug"] in {"copywriter", "graphic-designer"}
    assert "1/19" in result.stderr and "19/19" in result.stderr
    assert "strongly dislike" in result.stderr
    assert not (state_dir / state.PROGRESS_FILE).exists()  # finished: nothing left to resume


def test_stop_and_resume(run, items, state_dir):
    order = ordered_items(items, short=True)
    typed = replies(order, creative_answers(items)).splitlines(keepends=True)
    first = run("quiz", "--short", input="".join(typed[:7]))  # then end of input
    assert first.exit_code == 1  # input ended: not an interruption
    assert "input ended after 7 of 19 answers" in first.stderr
    assert "progress saved" in first.stderr and "mktcareers quiz --resume" in first.stderr
    saved = progress(state_dir)
    assert saved.short and saved.position == 7 and len(saved.answers) == 7

    second = run("quiz", "--resume", "-f", "json", input="".join(typed[7:]))
    assert second.exit_code == 0, second.stderr
    assert "\n8/19 " in second.stderr and "\n1/19 " not in second.stderr
    data = json.loads(second.stdout)
    assert data["answered"] == sum(1 for item in order if item.id in creative_answers(items))
    assert not (state_dir / state.PROGRESS_FILE).exists()


def test_back_skip_keep_and_invalid(run, items, state_dir):
    # r1=4, i1=5, back to i1 and keep it with Enter, a1 -> nonsense then 3, skip s1, quit.
    result = run("quiz", "--short", input="4\n5\nb\n\nmaybe\n3\ns\nq\n")
    assert result.exit_code == 0
    assert "Type a number from 1 to 5" in result.stderr
    assert "[5]" in result.stderr  # going back shows the answer given
    saved = progress(state_dir)
    assert saved.answers == {"r1": 4, "i1": 5, "a1": 3} and saved.position == 4


def test_starting_again_offers_to_continue(run, items, state_dir):
    run("quiz", "--short", input="4\n5\n")
    declined = run("quiz", "--short", input="n\n1\n")
    assert "Continue it?" in declined.stderr
    assert progress(state_dir).answers == {"r1": 1}  # a fresh quiz replaced it, as asked
    accepted = run("quiz", input="y\n2\n")
    assert progress(state_dir).answers == {"r1": 1, "i1": 2}
    assert "2/19" in accepted.stderr


def test_resume_without_progress_is_an_error(run):
    result = run("quiz", "--resume")
    assert result.exit_code == 1 and "no quiz in progress" in result.stderr


def test_corrupt_progress_is_set_aside_not_overwritten(run, state_dir):
    state_dir.mkdir(parents=True)
    (state_dir / state.PROGRESS_FILE).write_text("{not json")
    result = run("quiz", "--short", input="4\n")
    assert "cannot be used" in result.stderr and "It was kept as" in result.stderr
    kept = list(state_dir.glob("quiz-progress.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{not json"
    assert progress(state_dir).answers == {"r1": 4}


@pytest.mark.parametrize("columns", [60, 80, 200])
def test_results_fit_the_terminal(run, tmp_path, items, columns):
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(creative_answers(items)))
    result = run("quiz", "--answers", str(path), env={"COLUMNS": str(columns)})
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert "…" not in result.stdout and "\x1b[" not in result.stdout
    expected = json.loads(run("quiz", "--answers", str(path), "-f", "json").stdout)
    for match in expected["matches"]:
        assert match["slug"] in result.stdout and f"fit {match['fit']}/100" in result.stdout


def test_hostile_item_text_is_inert(run, kb_dir, tmp_path):
    quiz_file = kb_dir / "quiz.yaml"
    hostile = "[bold red]pwned[/] \x1b[31mred"
    text = quiz_file.read_text().replace(
        "text: Set up the cameras, lights and microphones for a product video shoot.",
        'text: "[bold red]pwned[/] \\e[31mred"',
    )
    quiz_file.write_text(text)
    asked = run("--data", str(kb_dir), "quiz", "--short", input="4\n")
    assert "[bold red]pwned[/]" in asked.stderr
    listed = run("--data", str(kb_dir), "quiz", "items", "-f", "json")
    assert json.loads(listed.stdout)[0]["text"] == hostile


def test_progress_that_cannot_be_moved_aside_is_an_error(run, state_dir, monkeypatch):
    from mktcareers.quiz import session as sessions

    def cannot_move(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sessions, "set_aside", cannot_move)
    state_dir.mkdir(parents=True)
    (state_dir / state.PROGRESS_FILE).write_text("{not json")
    result = run("quiz", "--short", input="4\n")
    assert result.exit_code == 1
    assert "cannot be used (it is not valid JSON" in result.stderr
    assert "nor moved aside (Permission denied)" in result.stderr
    assert (state_dir / state.PROGRESS_FILE).read_text() == "{not json"


# ------------------------------------------------------------------ saving that fails


def saves_that(monkeypatch, outcomes):
    """Make the quiz's saves succeed (True) or fail with a full disk (False) in turn;
    after the last outcome, the last one repeats."""
    real, calls = state.save_progress, []

    def save(path, saved):
        worked = outcomes[min(len(calls), len(outcomes) - 1)]
        calls.append(worked)
        if not worked:
            raise OSError(28, "No space left on device")
        real(path, saved)

    monkeypatch.setattr(state, "save_progress", save)
    return calls


@pytest.mark.parametrize(
    ("outcomes", "saved"),
    [
        ([False], False),  # never saved
        ([True, False], False),  # saved once, then not: the last answer is not saved
        ([False, True], True),  # the last save worked: --resume continues from it
    ],
)
def test_interrupted_quiz_says_whether_the_last_save_worked(
    run, monkeypatch, state_dir, outcomes, saved
):
    calls = saves_that(monkeypatch, outcomes)
    result = run("quiz", "--short", input="5\n4\n")  # then end of input
    assert result.exit_code == 1
    assert len(calls) == 3  # after each answer and at the end of input
    stopped = " ".join(result.stderr[result.stderr.index("Error: input ended") :].split())
    assert stopped.startswith("Error: input ended after 2 of 19 answers; ")
    if saved:
        assert "progress saved: run 'mktcareers quiz --resume'" in stopped
        assert progress(state_dir).answers == {"r1": 5, "i1": 4}
    else:
        assert "your answers could not be saved (No space left on device)." in stopped
        assert "saved." not in result.stderr and "--resume" not in result.stderr
    # A failure is reported when it starts, not after every reply.
    assert result.stderr.count("Warning: cannot save progress to") == 1


def test_quit_that_cannot_save_exits_1_and_says_so(run, monkeypatch):
    saves_that(monkeypatch, [False])
    result = run("quiz", "--short", input="5\nq\n")
    assert result.exit_code == 1
    assert "Quiz paused at item 2 of 19 (1 answered); your answers could not be saved" in (
        result.stderr
    )
    assert "--resume" not in result.stderr
    nothing = run("quiz", "--resume")  # what was said is true
    assert nothing.exit_code == 1 and "no quiz in progress" in nothing.stderr


def test_a_file_where_the_state_folder_should_be(run, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    env = {"MKTCAREERS_STATE_DIR": str(blocker)}
    result = run("quiz", "--short", input="5\n4\n", env=env)
    assert result.exit_code == 1, result.stderr
    said = " ".join(result.stderr.split())
    assert f"your answers could not be saved ({blocker} is a file, not a folder)." in said
    assert "File exists" not in said
    assert "--resume" not in result.stderr and "Traceback" not in result.stderr
    assert run("quiz", "--resume", env=env).exit_code == 1


# ------------------------------------------------------------------ results not written


def test_results_that_cannot_be_shown_keep_the_answers(run, monkeypatch, items, state_dir):
    from mktcareers.cli import quiz as quiz_command

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    order = ordered_items(items, short=True)
    typed = replies(order, creative_answers(items))
    with monkeypatch.context() as patch:
        patch.setattr(quiz_command, "_show_results", full_disk)
        with pytest.raises(OSError):
            run("quiz", "--short", input=typed)
    kept = progress(state_dir)
    assert kept.position == len(order)  # every answer, for --resume to show again
    again = run("quiz", "--resume", "-f", "json")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["asked"] == len(order)
    assert not (state_dir / state.PROGRESS_FILE).exists()  # shown now: gone


def test_results_that_cannot_be_saved_keep_the_answers(run, items, state_dir, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    order = ordered_items(items, short=True)
    typed = replies(order, creative_answers(items))
    result = run("quiz", "--short", "--save", str(blocker / "results.json"), input=typed)
    assert result.exit_code == 1
    assert "cannot save the results" in result.stderr
    assert "'mktcareers quiz results --save FILE' saves them" in result.stderr
    assert progress(state_dir).position == len(order)
    saved = tmp_path / "results.json"
    again = run("quiz", "--resume", "--save", str(saved), "-f", "json")
    assert again.exit_code == 0, again.stderr
    assert json.loads(saved.read_text()) == json.loads(again.stdout)
    assert not (state_dir / state.PROGRESS_FILE).exists()


def test_results_into_a_full_disk_keep_the_answers(tmp_path, items):
    import os
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    env = {**os.environ, "MKTCAREERS_STATE_DIR": str(tmp_path / "state")}
    typed = replies(ordered_items(items, short=True), creative_answers(items))
    for fmt in ("json", "table"):
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [sys.executable, "-m", "mktcareers", "quiz", "--short", "-f", fmt],
                input=typed if fmt == "json" else f"y\n{typed}",
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                check=False,
            )
        assert done.returncode != 0
        assert progress(tmp_path / "state").position == 19, fmt


def test_progress_that_cannot_be_deleted_is_a_warning(run, monkeypatch, items, state_dir):
    def cannot_delete(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(state, "clear_progress", cannot_delete)
    typed = replies(ordered_items(items, short=True), creative_answers(items))
    result = run("quiz", "--short", "-f", "json", input=typed)
    assert result.exit_code == 0 and json.loads(result.stdout)["asked"] == 19
    assert "Warning: cannot delete the finished quiz's progress" in result.stderr
    assert "Permission denied" in result.stderr


def test_a_quiz_ended_before_its_first_answer_saves_nothing(run, state_dir):
    result = run("quiz", "--short", input="")
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert "no input: standard input ended before the first of 19 answers" in said
    assert "--answers FILE" in said
    assert not (state_dir / state.PROGRESS_FILE).exists()


def test_declining_a_saved_quiz_then_stopping_at_once_keeps_it(run, state_dir):
    run("quiz", "--short", input="4\n5\n")  # two answers, then end of input: saved
    before = progress(state_dir)
    result = run("quiz", "--short", input="n\n")  # a new quiz, stopped before answering
    assert result.exit_code == 1
    assert progress(state_dir) == before


# ------------------------------------------------------------------ progress others could plant


def plant(state_dir, kind):
    """A saved short quiz (r1 answered) in the state folder, made untrustworthy as `kind` says."""
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / state.PROGRESS_FILE
    saved = state.Progress(short=True, answers={"r1": 4}, position=1)
    if kind == "FIFO":
        os.mkfifo(path)
        return "it is not a regular file (a FIFO)"
    if kind == "link to /dev/zero":
        path.symlink_to("/dev/zero")  # a link, never followed: nothing is read from it
        return "it is a link (to /dev/zero), and links are not followed here"
    state.save_progress(path, saved)
    if kind == "another user's":
        os.chown(path, 1234, 1234)
        return "it belongs to another user (uid 1234), so it is not trusted"
    if kind == "link to another user's file":
        theirs = state_dir.parent / "theirs.json"
        path.rename(theirs)
        if os.getuid() == 0:
            os.chown(theirs, 1234, 1234)
        path.symlink_to(theirs)
        return f"it is a link (to {theirs}), and links are not followed here"
    path.chmod(0o666)
    return "other users can change it (mode 666), so it is not trusted"


KINDS = [
    pytest.param(
        "another user's",
        marks=pytest.mark.skipif(
            not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown"
        ),
    ),
    "mode 666",
    "link to another user's file",
    "FIFO",
    "link to /dev/zero",
]


@pytest.mark.parametrize("kind", KINDS)
def test_untrusted_progress_is_not_resumed_and_says_where_and_why(run, state_dir, kind):
    reason = plant(state_dir, kind)
    path = state_dir / state.PROGRESS_FILE
    result = run("quiz", "--resume", input="5\n")
    said = " ".join(result.stderr.split())
    assert result.exit_code == 1
    assert f"your saved quiz at {path} cannot be resumed: {reason}." in said
    assert "no quiz in progress" not in said and "2/19" not in said
    assert len(list(state_dir.glob("quiz-progress.json.corrupt-*"))) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_quiz_does_not_offer_untrusted_progress(run, state_dir, kind):
    reason = plant(state_dir, kind)
    path = state_dir / state.PROGRESS_FILE
    result = run("quiz", "--short", input="3\n")
    said = " ".join(result.stderr.split())
    assert f"Warning: your saved quiz at {path} cannot be used: {reason}." in said
    assert "Continue it?" not in said and "Starting a new quiz." in said
    mine = progress(state_dir)
    assert mine.answers == {"r1": 3} and not path.is_symlink()
    assert path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o022 == 0
