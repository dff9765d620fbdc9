"""`ask`, `questions`, search pointing to answers, and the start screen, through the CLI."""

import json
import re
import subprocess
import sys

import pytest
import yaml

from mktcareers.kb.loading import load
from mktcareers.kb.location import bundled_dir
from mktcareers.kb.questionfile import load_questions

QUESTIONS = load_questions(bundled_dir())


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda question: question.id)
def test_every_question_is_answered(run, question):
    result = run("ask", question.text)
    assert result.exit_code == 0, result.output
    assert question.text in result.stdout
    assert "Go deeper" in result.stdout and "mktcareers " in result.stdout
    record = json.loads(run("ask", question.id, "--format", "json").stdout)
    assert record["id"] == question.id and record["answer"] and record["commands"]
    assert yaml.safe_load(run("ask", question.id, "--format", "yaml").stdout) == record
    csv = run("ask", question.id, "--format", "csv").stdout.splitlines()
    assert csv[0].startswith("id,topic,question,short,answer") and len(csv) >= 2
    markdown = run("ask", question.id, "--format", "md").stdout
    assert f"| id | {question.id} |" in markdown


def _facts(run, *args):
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_an_answer_follows_a_change_in_the_data(run, kb_dir):
    """Lower one rating of the social media manager: its remote score, its place among
    the marketing roles and the family's numbers all move, and the answers say so."""
    before_role = _facts(run, "--data", str(kb_dir), "ask", "social-from-home")["facts"]
    before_family = _facts(run, "--data", str(kb_dir), "ask", "remote-jobs")["facts"]
    path = kb_dir / "roles" / "social-media-manager.yaml"
    text = path.read_text()
    changed = re.sub(r"digital_output: \{rating: \d", "digital_output: {rating: 0", text)
    assert changed != text
    path.write_text(changed)
    knowledge = load(kb_dir)
    role = knowledge.role("social-media-manager")
    after_role = _facts(run, "--data", str(kb_dir), "ask", "social-from-home")
    assert after_role["facts"]["remote_score"] == role.remote.score
    assert role.remote.score < before_role["remote_score"]
    assert f"scores {role.remote.score}/100" in after_role["answer"][0]
    after_family = _facts(run, "--data", str(kb_dir), "ask", "remote-jobs")["facts"]
    assert after_family["remote_score"]["low"] == min(
        r.remote.score for r in knowledge.roles if r.family == "marketing"
    )
    assert after_family != before_family


def test_it_answers_follow_a_changed_it_overlap(run, kb_dir):
    """Give copywriter an IT overlap above every other marketing role's: it leads the
    bridge roles, and 'is it an IT job' counts it in the IT range."""
    before = _facts(run, "--data", str(kb_dir), "ask", "it-bridges")["facts"]["bridge_roles"]
    assert "copywriter" not in [row["slug"] for row in before]
    path = kb_dir / "generated" / "derived.yaml"
    text = path.read_text()
    changed = re.sub(
        r"(\n  copywriter:\n    it_overlap:\n(?:      .*\n)*?      score: )\d+", r"\g<1>99", text
    )
    assert changed != text
    path.write_text(changed)
    bridges = _facts(run, "--data", str(kb_dir), "ask", "it-bridges")
    assert bridges["facts"]["bridge_roles"][0] == {
        **bridges["facts"]["bridge_roles"][0],
        "slug": "copywriter",
        "it_overlap": 99,
    }
    assert bridges["short"] == "Copywriter first, at 99/100."
    job = _facts(run, "--data", str(kb_dir), "ask", "it-job")
    assert "copywriter (99)" in " ".join(job["answer"])
    assert job["facts"]["bridge_roles"][0] == "copywriter"


def test_a_beginner_role_added_shows_in_the_answers(run, kb_dir):
    path = kb_dir / "roles" / "brand-manager.yaml"
    text = path.read_text()
    path.write_text(text.replace("beginner_friendly: false", "beginner_friendly: true", 1))
    for question in ("beginner-roles", "first-steps"):
        listed = _facts(run, "--data", str(kb_dir), "ask", question)["facts"]["beginner_roles"]
        assert "brand-manager" in listed
        listed = _facts(run, "ask", question)["facts"]["beginner_roles"]
        assert "brand-manager" not in listed


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("are digitl marketing jobs remote?", "Are digital marketing jobs remote?"),
        ("is it an IT jobb", "Is digital marketing an IT job?"),
        ("beginer roles", "Which digital marketing roles suit beginners?"),
        ("certifcations", "Which certifications are worth having?"),
        ("1", QUESTIONS[0].text),
        ("manager-skills", "What skills does a digital marketing manager need?"),
    ],
)
def test_ask_forgives_typos_and_takes_ids_and_numbers(run, typed, expected):
    result = run("ask", typed)
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


def test_a_question_that_matches_none_suggests_the_closest(run):
    vague = run("ask", "marketing")
    assert vague.exit_code == 1
    assert "no single question matches 'marketing'" in vague.stderr
    assert vague.stderr.count("(mktcareers ask ") >= 2 and vague.stdout == ""
    unrelated = run("ask", "pizza")
    assert unrelated.exit_code == 1 and "mktcareers questions" in unrelated.stderr
    assert 'mktcareers search "pizza"' in unrelated.stderr


def test_an_unanswerable_question_says_why(run, kb_dir):
    (kb_dir / "questions.yaml").write_text(
        "questions:\n"
        "  - id: ghost\n"
        "    topic: manager\n"
        "    text: What does a ghost writer need?\n"
        "    answer: role-skills\n"
        "    role: ghost-writer\n"
    )
    result = run("--data", str(kb_dir), "ask", "ghost")
    assert result.exit_code == 1
    assert "no role 'ghost-writer'" in result.stderr
    validated = run("kb", "validate", str(kb_dir))
    assert validated.exit_code == 1 and "unknown role 'ghost-writer'" in validated.stderr


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("    answer: role-skills\n", "missing required field for a 'role-skills' answer"),
        ("    answer: pay-gap\n", "'pay-gap' is not one of"),
        ("    answer: it-job\n    colour: red\n", "unknown field 'colour'"),
        (
            "    answer: it-job\n  - id: r\n    topic: it\n    text: WHY!\n"
            "    answer: it-bridges\n",
            "'WHY!' asks the same as question 'q'",
        ),
    ],
)
def test_a_bad_questions_file_is_reported(run, kb_dir, body, message):
    (kb_dir / "questions.yaml").write_text(
        "questions:\n  - id: q\n    topic: it\n    text: Why?\n" + body
    )
    result = run("--data", str(kb_dir), "ask", "q")
    assert result.exit_code == 1 and message in result.stderr
    validated = run("kb", "validate", str(kb_dir))
    assert validated.exit_code == 1 and message in validated.stderr


def test_questions_lists_them_in_every_format(run):
    table = run("questions")
    assert table.exit_code == 0
    for question in QUESTIONS:
        assert question.id in table.stdout
    rows = json.loads(run("questions", "--format", "json").stdout)
    assert [row["id"] for row in rows] == [question.id for question in QUESTIONS]
    assert [row["number"] for row in rows] == list(range(1, len(QUESTIONS) + 1))
    assert yaml.safe_load(run("questions", "--format", "yaml").stdout) == rows
    csv = run("questions", "--format", "csv").stdout.splitlines()
    assert csv[0].startswith("number,id,topic,question,command") and len(csv) == len(rows) + 1
    assert run("questions", "--format", "md").stdout.startswith("| number | id |")


# ------------------------------------------------------------------ search points to answers

POINTED = [
    ("is digital marketing remote", "remote-jobs"),
    ("work from home", "remote-jobs"),
    ("beginner", "beginner-roles"),
    ("how do I start", "first-steps"),
    ("is it an IT job", "it-job"),
    ("remote", "remote-jobs"),
    ("bridge roles", "it-bridges"),
]


@pytest.mark.parametrize(("query", "question_id"), POINTED)
def test_search_points_a_question_to_its_answer(run, query, question_id):
    shown = run("search", query)
    assert f"mktcareers ask {question_id}" in shown.stderr
    assert "mktcareers ask" not in shown.stdout
    machine = run("search", query, "--format", "json")
    assert machine.exit_code == 0
    assert isinstance(json.loads(machine.stdout), list)  # stdout stays clean JSON
    assert f"mktcareers ask {question_id}" in machine.stderr


@pytest.mark.parametrize("query", ["seo", "copywriter", "python"])
def test_search_that_finds_roles_says_nothing_of_questions(run, query):
    shown = run("search", query)
    assert shown.exit_code == 0 and "mktcareers ask" not in shown.output


# ------------------------------------------------------------------ the start screen

START = [question for question in QUESTIONS if question.start]


@pytest.mark.parametrize("width", (40, 60, 80, 120))
def test_the_start_screen_fits_and_keeps_every_command_whole(run, width):
    result = run(env={"COLUMNS": str(width), "TERMINAL_WIDTH": str(width)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    assert lines[0].strip(), "no blank first line"
    if width >= 80:
        assert len(lines) <= 24
    for question in START:
        command = f"mktcareers ask {question.id}"
        assert any(command in line for line in lines), (command, width)
        assert " ".join(question.text.split()) in " ".join(result.stdout.split())
    assert "mktcareers questions" in result.stdout and "mktcareers --help" in result.stdout


def test_the_start_screen_in_a_pipe_without_colour_or_unicode():
    from mktcareers.cli.app import COMMANDS  # noqa: F401 (the app imports)

    env = {"NO_COLOR": "1", "PYTHONIOENCODING": "ascii", "COLUMNS": "80", "PATH": ""}
    shown = subprocess.run(
        [sys.executable, "-m", "mktcareers"], capture_output=True, text=True, env=env, check=False
    )
    assert shown.returncode == 0 and shown.stderr == ""
    assert "\x1b" not in shown.stdout and shown.stdout.isascii()
    assert all(f"mktcareers ask {q.id}" in shown.stdout for q in START)


def test_help_stays_typers(run):
    result = run("--help")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout and "Questions people ask" not in result.stdout
    for name in ("ask", "questions"):
        assert name in result.stdout
