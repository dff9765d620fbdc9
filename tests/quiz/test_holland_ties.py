"""Holland code ties: which letters a tie decided, said in the note and listed as data."""

import pytest

from mktcareers.models import RIASEC
from mktcareers.quiz import scoring as quiz


def profile(**scores: float | None) -> dict[str, float | None]:
    return {area: scores.get(area, 1.0) for area in RIASEC}


@pytest.mark.parametrize(
    ("scores", "code", "ties"),
    [
        # The hostile report's: I=A=7 share the first two places; R, S, E, C the third.
        (
            {"R": 4.0, "I": 7.0, "A": 7.0, "S": 4.0, "E": 4.0, "C": 4.0},
            "IAR",
            [("IA", 7.0, [1, 2], True), ("RSEC", 4.0, [3], False)],
        ),
        # All at 4 but one at 5: five areas for the last two places.
        (
            {"R": 5.0, "I": 4.0, "A": 4.0, "S": 4.0, "E": 4.0, "C": 4.0},
            "RIA",
            [("IASEC", 4.0, [2, 3], False)],
        ),
        # A tie below the code's last letter decides nothing.
        ({"R": 7.0, "I": 6.0, "A": 5.0, "S": 4.5, "E": 4.5, "C": 1.0}, "RIA", []),
        # Two areas tied for the last place; one below the middle is not a candidate.
        ({"C": 6.5, "E": 6.0, "S": 5.0, "R": 5.0, "A": 3.0}, "CER", [("RS", 5.0, [3], False)]),
        # A tie that fills the whole code.
        ({"S": 6.0, "E": 6.0, "C": 6.0}, "SEC", [("SEC", 6.0, [1, 2, 3], True)]),
    ],
)
def test_ties_that_decide_letters_are_listed(scores, code, ties):
    scored = profile(**scores)
    assert quiz.holland_code(scored) == code
    found = quiz.holland_ties(scored, code)
    assert [(t["areas"], t["score"], t["places"], t["in_code"]) for t in found] == ties
    note = quiz.holland_note(code, scored) or ""
    for tie in found:
        assert quiz.tie_sentence(tie) in note
        assert f"tie at {tie['score']:.1f}" in note
    assert ("R-I-A-S-E-C order" in note) == bool(ties)


def test_the_tie_sentence_names_the_place_and_the_candidates():
    scored = profile(R=4.0, I=7.0, A=7.0, S=4.0, E=4.0, C=4.0)
    note = quiz.holland_note("IAR", scored)
    assert "R, S, E and C tie at 4.0: the third letter could be any of them." in note
    assert "I and A tie at 7.0: the first and second letters could come in either order." in note


def test_scores_equal_but_for_float_noise_are_a_tie():
    # 1 + 6 * 3 / 4 with different numbers of answers: the same score, different bits.
    scored = profile(R=6.0, I=1 + 6 * (9 / 12) / 1, A=1 + 6 * 0.75 + 1e-12)
    assert quiz.holland_ties(scored, quiz.holland_code(scored))[0]["areas"] == "IA"


def test_unanswered_areas_are_named_and_the_code_is_from_the_answered():
    scored = {area: None for area in RIASEC} | {"R": 7.0}
    note = quiz.holland_note(quiz.holland_code(scored), scored)
    assert note.startswith(
        "You answered no item for Investigative, Artistic, Social, Enterprising and "
        "Conventional, so your code comes only from the one area you answered."
    )
    assert "Of the areas you answered, only Realistic reaches" in note
    assert not note.startswith("Only")
