"""`ask` through the CLI: everyday wordings and typos find their question, unquoted
words read as quoted ones, questions about other things are never answered with a
wrong one, and answers break ties out loud and name remote kinds, not their ids."""

import json
import statistics

import pytest

from mktcareers.families import tool_shares

# Wordings people type (none of them a phrasing of questions.yaml word for word),
# and the question each means.
PHRASINGS = [
    ("are marketing jobs remote", "remote-jobs"),
    ("are digital marketing jobs remote?", "remote-jobs"),
    ("can i work from home in marketing", "remote-jobs"),
    ("is marketing a remote career", "remote-jobs"),
    ("can marketers work remotly", "remote-jobs"),
    ("which jobs are for beginners", "beginner-roles"),
    ("entry level jobs", "beginner-roles"),
    ("jobs for beginers", "beginner-roles"),
    ("junior marketing positions", "beginner-roles"),
    ("how do i get started", "first-steps"),
    ("how to begin in marketing", "first-steps"),
    ("do i need a college degree", "first-steps"),
    ("is marketing IT?", "it-job"),
    ("is marketing an it job", "it-job"),
    ("is marketing a tech job", "it-job"),
    ("is it an IT jobb", "it-job"),
    ("wich role fits me", "role-fit"),
    ("which role suits me", "role-fit"),
    ("what job is right for me", "role-fit"),
    ("which role pays most", "pay"),
    ("best paid marketing job", "pay"),
    ("highest paying marketing jobs", "pay"),
    ("what is the salry in marketing", "pay"),
    ("what are the benefits of remote work", "remote-advantages"),
    ("wfh advantages", "remote-advantages"),
    ("cons of working from home", "remote-challenges"),
    ("what makes remote work hard", "remote-challenges"),
    ("which certificates should i get", "certifications"),
    ("certs worth getting", "certifications"),
    ("best courses for marketing", "certifications"),
    ("what software does a marketing manager use", "manager-toolkit"),
    ("what does a marketing manager do all day", "manager-workflow"),
    ("skills needed for marketing manager", "manager-skills"),
    ("how to change from developer to marketing", "it-to-marketing"),
    ("can i do social media from home", "social-from-home"),
    ("where do i find remote marketing jobs", "remote-where"),
    ("how do marketing and IT overlap", "it-shared"),
]

# Questions about something else, or nothing: none may be answered.
OTHER = [
    "pizza recipe",
    "how tall is mount everest",
    "what is a good laptop",
    "who won the world cup",
    "tell me a joke",
    "how do i become a doctor",
    "is python hard",
    "what is seo",
    "best marketing agency in london",
    "how much does a plumber earn",
    "hello",
]


def _asked(run, *words):
    result = run("ask", *words, "--format", "json")
    return result, (json.loads(result.stdout) if result.exit_code == 0 else None)


@pytest.mark.parametrize(("typed", "expected"), PHRASINGS)
def test_everyday_wordings_find_their_question(run, typed, expected):
    result, record = _asked(run, typed)
    assert result.exit_code == 0, (typed, result.stderr)
    assert record["id"] == expected, typed


@pytest.mark.parametrize("typed", OTHER)
def test_other_questions_are_not_answered_nor_given_far_suggestions(run, typed):
    result, _ = _asked(run, typed)
    assert result.exit_code == 1 and result.stdout == ""
    # nothing close: no "closest" list, only where to look
    assert "The closest" not in result.stderr
    assert "mktcareers questions" in result.stderr


@pytest.mark.parametrize(
    "typed", ["is it an IT job", "which role pays most", "are marketing jobs remote"]
)
def test_unquoted_words_are_read_as_one_question(run, typed):
    quoted = run("ask", typed)
    unquoted = run("ask", *typed.split())
    assert unquoted.exit_code == 0, unquoted.output
    assert unquoted.stdout == quoted.stdout


def test_the_fit_question_points_to_the_quiz(run):
    result = run("ask", "which role fits me?")
    assert result.exit_code == 0
    assert "mktcareers quiz" in result.stdout and "interest areas" in result.stdout


def test_the_pay_question_names_the_best_paid_roles_from_the_data(run, bundled):
    _, record = _asked(run, "pay")
    paid = {r.slug: r.pay_median for r in bundled.roles if r.family == "marketing"}
    paid = {slug: pay for slug, pay in paid.items() if pay is not None}
    assert record["facts"]["roles"] == paid
    top = max(paid.values())
    leaders = [r.title for r in bundled.roles if paid.get(r.slug) == top]
    assert all(title in record["short"] for title in leaders)
    assert f"${top:,}" in record["short"]
    assert record["facts"]["median_pay"] == statistics.median(paid.values())
    if len(leaders) > 1:
        assert "tie" in record["short"]


def test_the_manager_toolkit_is_ranked_by_share_and_names_the_leader(run, bundled):
    _, record = _asked(run, "manager-toolkit")
    role = bundled.role(record["facts"]["role"])
    shares = tool_shares([r for r in bundled.roles if r.family == role.family])
    listed = record["facts"]["tools"]
    assert sorted(listed) == sorted(role.tools)
    assert list(listed.values()) == sorted(listed.values(), reverse=True)
    best = max(shares.get(tool, 0) for tool in role.tools)
    leaders = [tool for tool in role.tools if shares.get(tool, 0) == best]
    assert all(tool in record["short"] for tool in leaders)
    assert f"{round(100 * best)}%" in record["short"]


def test_the_manager_skills_say_when_the_top_level_is_shared(run, bundled):
    _, record = _asked(run, "manager-skills")
    role = bundled.role(record["facts"]["role"])
    top = max(skill.level for skill in role.skills)
    tied = [skill for skill in role.skills if skill.level == top]
    if len(tied) > 1:
        assert f"{len(tied)} tie at {top}/5" in record["short"]
        assert "led by" not in record["short"]
    else:
        assert f"{tied[0].name} alone at {top}/5" in record["short"]


@pytest.mark.parametrize("question", ["remote-advantages", "remote-challenges"])
def test_remote_kinds_are_named_not_given_as_ids(run, bundled, question):
    result = run("ask", question)
    assert result.exit_code == 0
    flat = " ".join(result.stdout.replace("\u2502", " ").split())
    kinds = {**bundled.rubric.challenge_kinds, **bundled.rubric.advantage_kinds}
    for kind in kinds:
        if "-" in kind:  # an id reads as one only with its hyphens
            assert kind not in flat, kind
    record = json.loads(run("ask", question, "--format", "json").stdout)
    named = record["facts"]["advantages" if "advantages" in question else "challenges"]
    assert set(named) <= set(kinds)  # machine formats keep the ids
    for kind in list(named)[:3]:
        assert bundled.rubric.kind_name(kind) in flat


def test_role_show_names_remote_kinds_and_keeps_ids_in_json(run, bundled):
    for role in bundled.roles:
        shown = run("role", "show", role.slug, env={"COLUMNS": "200"}).stdout
        for item in (*role.remote.advantages, *role.remote.challenges):
            assert f"{bundled.rubric.kind_name(item.kind)}:" in shown, (role.slug, item.kind)
            if "-" in item.kind:
                assert f"{item.kind}:" not in shown, (role.slug, item.kind)
    record = json.loads(run("role", "show", "ppc", "--format", "json").stdout)
    kinds = [item["kind"] for item in record["remote"]["advantages"]]
    assert kinds == [item.kind for item in bundled.role(record["slug"]).remote.advantages]


def test_every_remote_kind_has_a_name(bundled):
    kinds = {**bundled.rubric.challenge_kinds, **bundled.rubric.advantage_kinds}
    assert set(bundled.rubric.kind_names) == set(kinds)


def test_the_readme_counts_the_questions_right(run):
    import re
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    counted = re.findall(r"# all (\d+):", readme)
    rows = run("questions", "--format", "csv").stdout.strip().splitlines()[1:]
    assert counted and {int(n) for n in counted} == {len(rows)}
