"""`quiz results`, --save by extension, the kept results as the durable record of a
finished quiz (written before its progress is removed), and `quiz items` at any width."""

import csv
import json
import os
import re
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

WIDTHS = (40, 60, 80, 120)


@pytest.fixture(scope="module")
def items():
    return load_quiz(load(bundled_dir()))


def liking(items, areas: str, zone: int | None = 2) -> dict[str, int]:
    """Answers that like the interest items of `areas`, dislike the rest, answer the
    background question with `zone` and leave the other items unanswered."""
    answers = {
        item.id: 5 if item.area in areas else 2 for item in items.items if item.kind == "interest"
    }
    return answers if zone is None else {**answers, "background": zone}


def typed(items, answers: dict[str, int]) -> str:
    """What a person types through the short quiz: the answer, or s where there is none."""
    return "".join(f"{answers.get(item.id, 's')}\n" for item in ordered_items(items, short=True))


def answers_file(tmp_path, answers) -> str:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers))
    return str(path)


def wide(columns: int) -> dict[str, str]:
    return {"COLUMNS": str(columns), "TERMINAL_WIDTH": str(columns)}


def words(text: str) -> str:
    """Text with its lines joined and box edges dropped, for facts that wrap."""
    return " ".join(text.replace("│", " ").split())


# ------------------------------------------------------------------ quiz results


def test_results_show_the_last_completed_quiz_again(run, items, state_dir):
    done = run("quiz", "--short", "-f", "json", input=typed(items, liking(items, "AE")))
    assert done.exit_code == 0, done.stderr
    assert not (state_dir / state.PROGRESS_FILE).exists()
    again = run("quiz", "results", "-f", "json")
    assert again.exit_code == 0 and json.loads(again.stdout) == json.loads(done.stdout)
    shown = run("quiz", "results", env=wide(80))
    record = json.loads(done.stdout)
    for match in record["matches"]:
        assert match["title"] in shown.stdout and f"fit {match['fit']}/100" in shown.stdout
    assert "Completed " in shown.stdout and "mktcareers quiz results" in shown.stdout


def test_results_keep_the_latest_quiz_and_any_scored_answers_file(run, items, tmp_path):
    run("quiz", "--answers", answers_file(tmp_path, liking(items, "AE")))
    first = json.loads(run("quiz", "results", "-f", "json").stdout)
    run("quiz", "--answers", answers_file(tmp_path, liking(items, "RIC")))
    second = json.loads(run("quiz", "results", "-f", "json").stdout)
    assert first["holland_code"] == "AE" and second["holland_code"] == "RIC"


def test_results_before_any_quiz_say_how_to_take_one(run, state_dir):
    result = run("quiz", "results")
    assert result.exit_code == 1 and result.stdout == ""
    assert "there are no quiz results yet" in result.stderr
    assert "mktcareers quiz" in result.stderr and not state_dir.exists()


@pytest.mark.parametrize("width", WIDTHS)
def test_results_fit_every_width_with_their_facts_whole(run, items, tmp_path, width):
    run("quiz", "--answers", answers_file(tmp_path, liking(items, "AE", zone=1)))
    record = json.loads(run("quiz", "results", "-f", "json").stdout)
    shown = run("quiz", "results", env=wide(width)).stdout
    lines = shown.splitlines()
    assert max(len(line) for line in lines) <= width and "…" not in shown
    for match in record["matches"]:  # slugs and fits on one line each, never cut
        assert any(match["slug"] in line for line in lines), (match["slug"], width)
        assert any(f"fit {match['fit']}/100" in line for line in lines)
        assert all(words(reason) in words(shown) for reason in match["reasons"])
    assert "a stretch" in words(shown)  # zone 1: every role is a stretch


# ------------------------------------------------------------------ --save by extension


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("out.json", None, "json"),
        ("out.YAML", None, "yaml"),
        ("out.yml", None, "yaml"),
        ("out.csv", None, "csv"),
        ("out.md", None, "md"),
        ("out.md", "json", "md"),  # the extension names the file's format
        ("out.txt", "json", "json"),  # no format of its own: --format's
        ("results", "csv", "csv"),
    ],
)
def test_results_save_picks_the_format(run, items, tmp_path, name, fmt, expected):
    run("quiz", "--answers", answers_file(tmp_path, liking(items, "AE")))
    record = json.loads(run("quiz", "results", "-f", "json").stdout)
    target = tmp_path / name
    chosen = ("-f", fmt) if fmt else ()
    saved = run("quiz", "results", "--save", str(target), *chosen)
    assert saved.exit_code == 0, saved.stderr
    assert f"Results saved to {target}." in saved.stderr
    text = target.read_text()
    if expected == "json":
        assert json.loads(text) == record
    elif expected == "yaml":
        assert yaml.safe_load(text) == record
    elif expected == "csv":
        rows = list(csv.DictReader(text.splitlines()))
        assert [row["slug"] for row in rows] == [match["slug"] for match in record["matches"]]
        assert [row["stretch"] for row in rows] == [
            "true" if match["stretch"] else "false" for match in record["matches"]
        ]
    else:
        assert text.startswith("# Your mktcareers quiz results")
        assert "## Roles that fit you best" in text and "Skills to build first:" in text


@pytest.mark.parametrize("command", [("quiz", "results"), ("quiz", "--short")])
@pytest.mark.parametrize("name", ["out.txt", "out.pdf", "out", "out.json.old"])
def test_save_to_an_unknown_extension_is_a_usage_error(run, tmp_path, command, name):
    result = run(*command, "--save", str(tmp_path / name), input="4\n")
    said = words(result.stderr)
    assert result.exit_code == 2 and "Traceback" not in said
    suffix = os.path.splitext(name)[1]
    assert (f"ends in '{suffix}'" if suffix else "has no extension") in said
    assert "use .md, .json, .yaml, .yml or .csv" in said
    assert "1/19" not in result.stderr and not (tmp_path / name).exists()


def test_results_save_to_dash_is_stdout_once(run, items, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run("quiz", "--answers", answers_file(tmp_path, liking(items, "AE")))
    plain = run("quiz", "results", "-f", "csv")
    dashed = run("quiz", "results", "--save", "-", "-f", "csv")
    assert dashed.exit_code == 0 and dashed.stdout == plain.stdout
    assert not (tmp_path / "-").exists() and "saved" not in dashed.stderr


def test_results_save_refuses_a_fifo_and_writes_through_a_link(run, items, tmp_path):
    run("quiz", "--answers", answers_file(tmp_path, liking(items, "AE")))
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    refused = run("quiz", "results", "--save", str(fifo))
    assert refused.exit_code == 2
    assert "is a FIFO, not a file" in words(refused.stderr.replace("│", " "))
    target, link = tmp_path / "target.md", tmp_path / "link.md"
    target.write_text("old")
    target.chmod(0o640)
    link.symlink_to(target)
    linked = run("quiz", "results", "--save", str(link))
    assert linked.exit_code == 0 and link.is_symlink()
    assert target.read_text().startswith("# Your mktcareers quiz results")
    assert target.stat().st_mode & 0o777 == 0o640
    assert f"(a link to {target})" in linked.stderr


def test_markdown_report_keeps_knowledge_base_text_inert(run, kb_dir, tmp_path, items):
    role = kb_dir / "roles" / "copywriter.yaml"
    text = role.read_text()
    title = re.search(r"^title: (.*)$", text, flags=re.MULTILINE).group(1)
    role.write_text(
        text.replace(f"title: {title}", 'title: "=cmd|x [a](http://b) **\\e]0;t\\a"', 1)
    )
    answers = answers_file(tmp_path, liking(items, "AE"))
    report = tmp_path / "r.md"
    done = run("--data", str(kb_dir), "quiz", "--answers", answers, "--save", str(report))
    assert done.exit_code == 0, done.stderr
    written = report.read_text()
    assert "\x1b" not in written and "\x07" not in written
    assert "'=cmd\\|x \\[a\\](http://b) \\*\\*\\\\x1b\\]0;t\\\\x07" in written


# ------------------------------------------------------------------ the kept results


def test_results_are_kept_before_progress_is_removed(run, items, state_dir, monkeypatch):
    """Issue 14 kind 9: when progress goes, the results it led to are already on disk."""
    real, seen = state.clear_progress, []

    def clear(path):
        seen.append(last_result.read_results(state_dir / last_result.RESULTS_FILE))
        real(path)

    monkeypatch.setattr(state, "clear_progress", clear)
    done = run("quiz", "--short", "-f", "json", input=typed(items, liking(items, "AE")))
    assert done.exit_code == 0 and len(seen) == 1
    assert seen[0] == json.loads(done.stdout)  # complete before the progress went


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_results_that_cannot_be_kept_keep_the_progress(run, items, state_dir, fmt):
    (state_dir / last_result.RESULTS_FILE).mkdir(parents=True)  # a folder in the way
    done = run("quiz", "--short", "-f", fmt, input=typed(items, liking(items, "AE")))
    assert done.exit_code == 0 and "Warning: cannot keep the results" in done.stderr
    assert state.read_progress(state_dir / state.PROGRESS_FILE).position == 19
    (state_dir / last_result.RESULTS_FILE).rmdir()
    again = run("quiz", "--resume", "-f", "json")  # the answers were not lost
    assert again.exit_code == 0 and json.loads(again.stdout)["answered"] == 13
    assert not (state_dir / state.PROGRESS_FILE).exists()
    assert run("quiz", "results").exit_code == 0


def plant(state_dir, kind) -> str:
    """A results file made unusable as `kind` says; the reason the command must give."""
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / last_result.RESULTS_FILE
    if kind == "FIFO":
        os.mkfifo(path)
        return "it is not a regular file (a FIFO)"
    if kind == "link":
        path.symlink_to("/dev/zero")
        return "it is a link (to /dev/zero), and links are not followed here"
    if kind == "mode 666":
        last_result.save_results(path, {"any": "thing"})
        path.chmod(0o666)
        return "other users can change it (mode 666), so it is not trusted"
    if kind == "progress":
        path.write_text(state.Progress(short=True).to_json())
        return "it is not a mktcareers quiz results file"
    if kind == "deep":
        path.write_text("[" * 100_000 + "]" * 100_000)
        return "it is not valid JSON"
    if kind == "wrong shape":
        path.write_text(
            json.dumps({"kind": last_result.RESULTS_KIND, "version": 1, "results": {"a": 1}})
        )
        return "its results are not complete"
    path.write_text('{"kind": "mktcareers quiz results", "version": 99}')
    return "it has an unknown version (99)"


@pytest.mark.parametrize(
    "kind", ["FIFO", "link", "mode 666", "progress", "deep", "wrong shape", "version"]
)
def test_results_that_cannot_be_trusted_are_not_shown(run, state_dir, kind):
    reason = plant(state_dir, kind)
    result = run("quiz", "results")
    said = words(result.stderr)
    assert result.exit_code == 1 and result.stdout == "" and "Traceback" not in said
    path = state_dir / last_result.RESULTS_FILE
    assert f"your last quiz results at {path} cannot be shown: {reason}" in said


def test_a_new_result_replaces_an_unusable_results_file(run, items, tmp_path, state_dir):
    plant(state_dir, "FIFO")
    done = run("quiz", "--answers", answers_file(tmp_path, liking(items, "AE")), "-f", "json")
    assert done.exit_code == 0
    assert json.loads(run("quiz", "results", "-f", "json").stdout) == json.loads(done.stdout)


# ------------------------------------------------------------------ a reader that leaves early


def shell(command: str, state: os.PathLike, columns: int = 80) -> subprocess.CompletedProcess:
    """`command` through sh, with `mktcareers` this checkout's program."""
    program = f"{sys.executable} -m mktcareers"
    env = {**os.environ, "MKTCAREERS_STATE_DIR": str(state), **wide(columns)}
    return subprocess.run(
        ["sh", "-c", command.replace("mktcareers", program)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("options", "columns"),
    [("-f json", 80), ("", 80), ("--top 100 -f yaml", 80), ("--top 100", 300)],
)
def test_a_reader_that_leaves_early_loses_no_result(items, tmp_path, options, columns):
    """Issue 14: `quiz --resume | head -c 10`. The results are kept before anything is
    written to the pipe, so `quiz results` has them all, whether the pipe held the
    output (progress then removed) or broke (a large output: progress kept)."""
    answers = liking(items, "AE")
    order = ordered_items(items, short=True)
    first = "".join(f"{answers.get(item.id, 's')}\n" for item in order[:3])
    rest = "".join(f"{answers.get(item.id, 's')}\n" for item in order[3:])
    (tmp_path / "first").write_text(first)
    (tmp_path / "rest").write_text(rest)
    state_dir = tmp_path / "state"
    started = shell(f"mktcareers quiz --short < {tmp_path / 'first'}", state_dir)
    assert started.returncode == 1, started.stderr  # input ended: progress saved
    left = shell(
        f"mktcareers quiz --resume {options} < {tmp_path / 'rest'} | head -c 10", state_dir, columns
    )
    assert len(left.stdout.encode()) == 10 and "Traceback" not in left.stderr
    kept = last_result.read_results(state_dir / last_result.RESULTS_FILE)
    assert kept is not None and kept["answered"] == sum(item.id in answers for item in order)
    top = 100 if "--top 100" in options else 5
    assert len(kept["matches"]) == min(top, len(load(bundled_dir()).roles))
    shown = shell("mktcareers quiz results -f json", state_dir)
    assert shown.returncode == 0 and json.loads(shown.stdout) == kept


# ------------------------------------------------------------------ quiz items


@pytest.mark.parametrize("short", [False, True])
@pytest.mark.parametrize("width", WIDTHS)
def test_quiz_items_read_at_every_width(run, items, width, short):
    chosen = ordered_items(items, short=short)
    shown = run("quiz", "items", *(["--short"] if short else []), env=wide(width)).stdout
    lines = shown.splitlines()
    assert max(len(line) for line in lines) <= width
    flat = words(shown)
    for item in chosen:  # the text is never dropped nor cut, and the id is whole
        assert any(re.search(rf"(^|\s){re.escape(item.id)}(\s|$)", line) for line in lines)
        assert words(item.text) in flat, (item.id, width)
    # Never one word a line: the text gets room (a line holds more than its id).
    assert len(lines) < 4 * len(chosen)
    if width >= 80:  # a table under each kind's title, the text beside the id
        assert shown.count("Text") >= 3
        assert any(line.lstrip().startswith("r1 ") and "Set up" in line for line in lines)
    if width == 40:  # stacked: the id, then its text below
        assert any(line.strip() == "skill-data-analysis  short quiz" for line in lines)


# ------------------------------------------------------------------ words for a weak match


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_a_weak_best_match_says_so_in_words(run, items, tmp_path, fmt):
    """Realistic and Social liked together: no bundled role shares that shape, so even
    the best fit's interests point elsewhere, and every format says it in words."""
    liked = {"R": 5, "I": 3, "A": 3, "S": 5, "E": 3, "C": 1}
    answers = {item.id: liked[item.area] for item in items.items if item.kind == "interest"}
    path = answers_file(tmp_path, answers)
    record = json.loads(run("quiz", "--answers", path, "-f", "json").stdout)
    best = record["matches"][0]
    assert best["interest_r"] < 0.3 and best["interest_match"] in {"weak", "opposite"}
    assert "only weakly" in record["weak_match_note"]
    shown = words(run("quiz", "results", "-f", fmt, env=wide(80)).stdout)
    assert words(record["weak_match_note"]) in shown.replace("> ", "")
    band = {"weak": "interests match only weakly", "opposite": "interests point away"}
    assert band[best["interest_match"]] in shown and "r =" not in shown
