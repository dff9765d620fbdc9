"""The questions `ask` answers: matching typed questions (typos, other wordings, ids,
numbers) and answers computed from the knowledge base's numbers."""

import statistics
from collections import Counter

import pytest

from mktcareers.families import bridge_roles
from mktcareers.kb.location import bundled_dir
from mktcareers.kb.questionfile import load_questions
from mktcareers.questions import (
    ANSWER_KINDS,
    REMOTE_FRIENDLY,
    Catalogue,
    Question,
    Unanswerable,
    answer,
)


@pytest.fixture(scope="module")
def questions():
    return load_questions(bundled_dir())


@pytest.fixture(scope="module")
def catalogue(questions):
    return Catalogue(questions)


def test_the_bundled_questions_cover_what_people_ask(questions):
    assert len(questions) >= 15
    topics = Counter(question.topic for question in questions)
    assert topics["remote"] >= 5 and topics["it"] >= 5 and topics["start"] >= 4
    assert topics["manager"] >= 3
    assert len({question.id for question in questions}) == len(questions)
    # every kind of answer is used, so none is dead code
    assert {question.answer for question in questions} == set(ANSWER_KINDS)


def test_every_question_is_answered_with_commands_that_exist(questions, bundled):
    from mktcareers.cli.app import COMMANDS

    for question in questions:
        result = answer(question, bundled)
        assert result.short and result.lines, question.id
        assert result.commands, question.id
        for command in result.commands:
            program, name, *_ = command.split()
            assert program == "mktcareers" and name in COMMANDS, command


def _answer(questions, bundled, question_id):
    question = next(q for q in questions if q.id == question_id)
    return answer(question, bundled)


def _marketing(bundled):
    return [role for role in bundled.roles if role.family == "marketing"]


def test_remote_answer_states_the_families_numbers(questions, bundled):
    result = _answer(questions, bundled, "remote-jobs")
    scores = [role.remote.score for role in _marketing(bundled)]
    text = " ".join(result.lines)
    assert f"median of {statistics.median(scores):g}/100" in text
    assert f"range {min(scores)}-{max(scores)}" in text
    friendly = sum(score >= REMOTE_FRIENDLY for score in scores)
    assert f"{friendly} score {REMOTE_FRIENDLY} or more" in text


def test_remote_roles_are_ranked_by_their_scores(questions, bundled):
    result = _answer(questions, bundled, "remote-roles")
    ranked = sorted(_marketing(bundled), key=lambda role: (-role.remote.score, role.slug))
    assert [row["slug"] for row in result.facts["roles"]] == [role.slug for role in ranked]
    assert result.lines[1].startswith(f"{ranked[0].slug} {ranked[0].remote.score}/100")


def test_challenges_and_advantages_are_counted_over_the_roles(questions, bundled):
    challenges = _answer(questions, bundled, "remote-challenges").facts["challenges"]
    counted = Counter(
        kind
        for role in _marketing(bundled)
        for kind in {challenge.kind for challenge in role.remote.challenges}
    )
    assert challenges == dict(counted)
    advantages = _answer(questions, bundled, "remote-advantages").facts["advantages"]
    counted = Counter(
        kind
        for role in _marketing(bundled)
        for kind in {advantage.kind for advantage in role.remote.advantages}
    )
    assert advantages == dict(counted)


def test_social_media_from_home_uses_the_roles_own_numbers(questions, bundled):
    role = bundled.role("social-media-manager")
    result = _answer(questions, bundled, "social-from-home")
    assert f"scores {role.remote.score}/100" in result.lines[0]
    weakest = min(role.remote.factors, key=lambda factor: (factor.rating, -factor.weight))
    assert any(weakest.reason in line for line in result.lines)


def test_it_answers_agree_with_compare(questions, bundled):
    from mktcareers.families import compare_families

    comparison = compare_families(bundled.families["marketing"], bundled.families["it"], bundled)
    job = _answer(questions, bundled, "it-job")
    assert job.short.rstrip(".") in comparison.verdict[0]
    expected = [role.slug for role in (b.role for b in bridge_roles(_marketing(bundled)))]
    assert job.facts["bridge_roles"] == expected
    bridges = _answer(questions, bundled, "it-bridges")
    assert [row["slug"] for row in bridges.facts["bridge_roles"]] == expected
    shared = _answer(questions, bundled, "it-shared")
    assert shared.facts["shared_skills"] == list(comparison.shared_skills)
    assert shared.facts["similarity"] == comparison.similarity


def test_beginner_answers_list_the_beginner_friendly_roles(questions, bundled):
    beginners = {role.slug for role in _marketing(bundled) if role.beginner_friendly}
    for question_id in ("beginner-roles", "first-steps"):
        result = _answer(questions, bundled, question_id)
        assert set(result.facts["beginner_roles"]) == beginners


def test_certifications_are_counted(questions, bundled):
    result = _answer(questions, bundled, "certifications")
    counts = Counter(cert for role in _marketing(bundled) for cert in set(role.certifications))
    assert result.facts["certifications"] == dict(counts)
    top, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    assert f"{top}: {count} of {len(_marketing(bundled))} roles" in " ".join(result.lines)


def test_manager_answers_read_the_roles_workflow_tools_and_skills(questions, bundled):
    role = bundled.role("digital-marketing-manager")
    flow = _answer(questions, bundled, "manager-workflow")
    assert role.workflow, "the bundled manager has a workflow"
    assert flow.facts["workflow"] == [step.stage for step in role.workflow]
    for step in role.workflow:
        assert any(step.note in line for line in flow.lines)
    tools = _answer(questions, bundled, "manager-toolkit")
    # every tool of the role, the one shared by most marketing roles first
    assert sorted(tools.facts["tools"]) == sorted(role.tools)
    shares = list(tools.facts["tools"].values())
    assert shares == sorted(shares, reverse=True)
    skills = _answer(questions, bundled, "manager-skills")
    assert skills.facts["skills"] == {skill.id: skill.level for skill in role.skills}


def test_a_question_about_a_missing_role_cannot_be_answered(bundled):
    question = Question(
        id="x", topic="manager", text="X?", answer="role-skills", role="no-such-role"
    )
    with pytest.raises(Unanswerable, match="no role 'no-such-role'"):
        answer(question, bundled)


# ------------------------------------------------------------------ matching

TYPED = [
    # remote
    ("is digtal marketing remot", "remote-jobs"),
    ("can digital marketers work remotly", "remote-jobs"),
    ("work from home", "remote-jobs"),
    ("why is marketing remote", "remote-why"),
    ("why dose marketing suit remote work", "remote-why"),
    ("best remote marketing jobs", "remote-roles"),
    ("most remote frendly roles", "remote-roles"),
    ("chalenges of working from home", "remote-challenges"),
    ("downsides of remote wrok", "remote-challenges"),
    ("advantges of remote work", "remote-advantages"),
    ("benefits of working remotly", "remote-advantages"),
    ("where to find remote jobs", "remote-where"),
    ("how to fnd remote work", "remote-where"),
    ("is social media managment remote", "social-from-home"),
    ("social media manager from hom", "social-from-home"),
    # IT
    ("is it an IT jobb", "it-job"),
    ("is digital marketing an it job", "it-job"),
    ("Is Digital Marketing IT?", "it-job"),
    ("what do marketing and it have in comon", "it-shared"),
    ("bridge rolse", "it-bridges"),
    ("hybrid marketing and it roles", "it-bridges"),
    ("soft skills", "skill-types"),
    ("technical vs non-tehcnical skills", "skill-types"),
    ("moving from it to marketing", "it-to-marketing"),
    ("switch form IT to marketing", "it-to-marketing"),
    # getting started
    ("beginer", "beginner-roles"),
    ("entry levl jobs", "beginner-roles"),
    ("how do i strat", "first-steps"),
    ("how do I get started", "first-steps"),
    ("portfollio", "portfolio"),
    ("what to put in a portfolo", "portfolio"),
    ("certificaitons", "certifications"),
    ("what certifcations are worth it", "certifications"),
    # the manager
    ("what does a digital marketing manger do", "manager-workflow"),
    ("digital marketing manager workflow", "manager-workflow"),
    ("what tools does a marketing manager use", "manager-toolkit"),
    ("digital marketing manager skils", "manager-skills"),
]


@pytest.mark.parametrize(("typed", "expected"), TYPED)
def test_typed_questions_find_their_question(catalogue, typed, expected):
    found = catalogue.match(typed)
    assert found.question is not None, (typed, found.suggestions)
    assert found.question.id == expected


@pytest.mark.parametrize("typed", ["pizza", "hello world", "zzz", "seo"])
def test_unrelated_words_match_no_question(catalogue, typed):
    assert catalogue.match(typed).question is None


@pytest.mark.parametrize("typed", ["marketing", "digital marketing", "job"])
def test_a_vague_question_is_not_guessed_but_suggested(catalogue, typed):
    found = catalogue.match(typed)
    assert found.question is None
    assert 2 <= len(found.suggestions) <= 3


def test_ids_and_numbers_ask_directly(catalogue, questions):
    assert catalogue.match("1").question == questions[0]
    assert catalogue.match(str(len(questions))).question == questions[-1]
    assert catalogue.match("IT-JOB").question.id == "it-job"
    assert catalogue.match(str(len(questions) + 1)).question is None
