"""Issue 14, kind 5 for quiz answers files: every problem of the file is listed, each with
its line, the item it is about and what to do; a refused value hides no other problem."""

import pytest

from mktcareers.kb.loading import load
from mktcareers.kb.location import bundled_dir
from mktcareers.kb.quizfile import load_quiz
from mktcareers.quiz.answers import AnswersError, read_answers


@pytest.fixture(scope="module")
def quiz():
    return load_quiz(load(bundled_dir()))


@pytest.fixture(scope="module")
def item_ids(quiz):
    return [item.id for item in quiz.items][:3]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("!!binary NA==", "YAML tag !!binary is not allowed"),
        ("!!int four", "'four' cannot be read as !!int"),
        ("!answer 4", "YAML tag !answer is not allowed"),
    ],
)
def test_a_refused_answer_is_named_and_the_others_still_checked(
    tmp_path, quiz, item_ids, value, expected
):
    first, second, third = item_ids
    path = tmp_path / "answers.yaml"
    path.write_text(f"{first}: {value}\n{second}: 9\n{third}: 3\n{first}: 2\n")
    with pytest.raises(AnswersError) as caught:
        read_answers(path, quiz)
    problems = caught.value.problems
    assert any(p.startswith(f"{path}:1: {first}: {expected}") for p in problems), problems
    assert any(p.startswith(f"{path}:4: {first}: duplicate key") for p in problems), problems
    assert any(p.startswith(f"{path}:2: {second}:") for p in problems), problems
    assert not any(p.startswith(f"{path}:3:") for p in problems), problems  # 3 is fine


@pytest.mark.parametrize(
    ("text", "line", "advice"),
    [
        ("{id}: 4\n{id2}: @4\n", 2, "quote the value"),
        ("{id}: 4\n\t{id2}: 4\n", 2, "indent with spaces"),
        ("{id}: [4\n{id2}: 4\n", 1, "close the list with ']'"),
    ],
)
def test_a_parser_error_names_line_item_and_what_to_do(
    tmp_path, quiz, item_ids, text, line, advice
):
    path = tmp_path / "answers.yaml"
    path.write_text(text.format(id=item_ids[0], id2=item_ids[1]))
    with pytest.raises(AnswersError) as caught:
        read_answers(path, quiz)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}:{line}: "), problem
    assert advice in problem and "column" in problem, problem
