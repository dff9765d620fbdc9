import pytest

from mktcareers.moves import closest_moves, step_size, transition


def test_transition_splits_target_skills(bundled):
    source, target = bundled.role("copywriter"), bundled.role("seo-specialist")
    move = transition(source, target)
    have = {skill.id: skill.level for skill in source.skills}
    for gap in move.skills_you_bring:
        assert have[gap.id] >= gap.target_level
    for gap in move.skills_to_build:
        assert gap.current_level == have.get(gap.id, 0) < gap.target_level
        assert gap.priority == (gap.target_level - gap.current_level) * gap.target_level
    covered = {gap.id for gap in move.skills_you_bring + move.skills_to_build}
    assert covered == {skill.id for skill in target.skills}
    priorities = [gap.priority for gap in move.skills_to_build]
    assert priorities == sorted(priorities, reverse=True)


@pytest.mark.parametrize(
    ("score", "size"),
    [
        (100, "a short step"),
        (70, "a short step"),
        (69, "a moderate move"),
        (50, "a moderate move"),
        (49, "a big move"),
        (35, "a big move"),
        (34, "a career change"),
        (0, "a career change"),
    ],
)
def test_step_sizes(score, size):
    assert step_size(score) == size


def test_closest_moves_are_ranked_and_exclude_self(bundled):
    source = bundled.role("it-support-specialist")
    moves = closest_moves(source, bundled.roles, limit=5)
    assert len(moves) == 5
    assert source.slug not in {move.target.slug for move in moves}
    scores = [move.similarity.score for move in moves]
    assert scores == sorted(scores, reverse=True)
    every = [transition(source, role).similarity.score for role in bundled.roles if role != source]
    assert scores[0] == max(every)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["path", "copywritr", "seo-specialist"], "Did you mean: copywriter, 27-3043.00"),
        (["path", "copywriter", "copywriter"], "FROM and TO are the same role (copywriter)."),
        (["path", "SEO-Specialist", "SEO Analyst"], "are the same role (seo-specialist)."),
    ],
)
def test_cli_path_errors(run, args, message):
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.stderr
