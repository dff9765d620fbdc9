"""Moves from an O*NET occupation into a role (occupation_moves, docs/method.md): two
moves checked by hand against the data file, the rules of the gaps, and the CLI."""

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mktcareers.kb.location import OCCUPATIONS_FILE, bundled_dir
from mktcareers.models import RIASEC
from mktcareers.moves import step_size
from mktcareers.occupation_moves import (
    MIN_GAP,
    STRENGTH_LEVEL,
    closest_roles,
    occupation_move,
    profiles,
)

RAW = json.loads((bundled_dir() / OCCUPATIONS_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def world(bundled):
    by_code = {occupation.code: occupation for occupation in bundled.occupations}
    return bundled, by_code, profiles(bundled.occupations, bundled.roles)


def by_hand(code: str, slug: str, bundled) -> int:
    """The similarity of a move computed straight from occupations.json, the long way."""
    rows, names = RAW["occupations"], RAW["elements"]
    levels = {
        c: row["skills_levels"] + row["knowledge_levels"]
        for c, row in rows.items()
        if row.get("skills_levels")
    }
    rated = [levels[c] for c in levels if not rows[c]["ratings_gap_filled_from"]]
    size = len(names["skills"]) + len(names["knowledge"])
    centre = [sum(vector[i] for vector in rated) / len(rated) for i in range(size)]
    role = next(role for role in bundled.roles if role.slug == slug)
    total = sum(link.weight for link in role.onet)
    wanted = [
        sum(levels[link.code][i] * link.weight for link in role.onet) / total for i in range(size)
    ]
    a = [x - c for x, c in zip(levels[code], centre, strict=True)]
    b = [x - c for x, c in zip(wanted, centre, strict=True)]
    cosine = sum(x * y for x, y in zip(a, b, strict=True)) / math.sqrt(
        sum(x * x for x in a) * sum(y * y for y in b)
    )
    mine = [rows[code]["riasec"][area] for area in RIASEC]
    theirs = [role.derived.riasec[area] for area in RIASEC]
    mean_a, mean_b = sum(mine) / 6, sum(theirs) / 6
    r = sum((x - mean_a) * (y - mean_b) for x, y in zip(mine, theirs, strict=True)) / math.sqrt(
        sum((x - mean_a) ** 2 for x in mine) * sum((y - mean_b) ** 2 for y in theirs)
    )
    zone = 1 - abs(rows[code]["job_zone"] - role.derived.job_zone) / 4
    return round(100 * (0.6 * max(0.0, cosine) + 0.3 * (r + 1) / 2 + 0.1 * zone))


@pytest.mark.parametrize(
    ("code", "slug", "score", "size"),
    [
        # checked by hand: work profile 0.630, interests 0.954, same job zone
        ("27-3023.00", "copywriter", 76, "a short step"),
        # work profile 0.447, interests 0.487, same job zone
        ("25-2031.00", "content-marketer", 51, "a moderate move"),
    ],
)
def test_two_moves_checked_by_hand(world, code, slug, score, size):
    bundled, by_code, made = world
    target = next(role for role in bundled.roles if role.slug == slug)
    move = occupation_move(by_code[code], target, made)
    assert move.similarity.score == by_hand(code, slug, bundled) == score
    assert move.size == size == step_size(score)
    assert move.pay_change == target.derived.pay.median - by_code[code].pay_median
    assert move.it_overlap_change == target.derived.it_overlap.score - by_code[code].it_overlap


@pytest.mark.parametrize(
    ("code", "slug"),
    [("27-3043.00", "copywriter"), ("15-1232.00", "it-support-specialist")],
)
def test_a_roles_only_code_is_the_same_work(world, code, slug):
    bundled, by_code, made = world
    target = next(role for role in bundled.roles if role.slug == slug)
    assert [link.code for link in target.onet] == [code]
    move = occupation_move(by_code[code], target, made)
    assert move.similarity.score == 100 and move.to_grow == () and move.pay_change == 0
    assert closest_roles(by_code[code], bundled.roles, made, 1)[0].target.slug == slug


def test_gaps_and_strengths_follow_their_rules(world):
    bundled, by_code, made = world
    for code in ("27-3023.00", "25-2031.00", "41-2031.00", "53-3032.00"):
        for role in bundled.roles:
            move = occupation_move(by_code[code], role, made)
            assert all(gap.gap >= MIN_GAP for gap in move.to_grow)
            priorities = [gap.priority for gap in move.to_grow]
            assert priorities == sorted(priorities, reverse=True)
            assert all(gap.current >= gap.needed >= STRENGTH_LEVEL for gap in move.strengths)
            assert not {gap.name for gap in move.to_grow} & {gap.name for gap in move.strengths}


def test_the_journalists_gap_is_in_marketing_terms(world):
    bundled, by_code, made = world
    copywriter = next(role for role in bundled.roles if role.slug == "copywriter")
    move = occupation_move(by_code["27-3023.00"], copywriter, made)
    assert move.to_grow[0].name == "Sales and Marketing"
    assert "English Language" in {gap.name for gap in move.strengths}


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_move_scores_0_to_100_and_is_sized_by_its_score(world, data):
    bundled, _, made = world
    source = data.draw(st.sampled_from(bundled.occupations))
    target = data.draw(st.sampled_from(bundled.roles))
    move = occupation_move(source, target, made)
    assert 0 <= move.similarity.score <= 100
    assert move.size == step_size(move.similarity.score)
    assert move.similarity.skills is None or 0 <= move.similarity.skills <= 1


def test_an_occupation_without_ratings_is_compared_on_what_it_has(world):
    from msgspec.structs import replace

    bundled, by_code, made = world
    bare = replace(by_code["27-3023.00"], skills={}, knowledge={})
    move = occupation_move(bare, bundled.roles[0], made)
    assert move.similarity.skills is None and move.to_grow == () == move.strengths
    assert 0 <= move.similarity.score <= 100


# ------------------------------------------------------------------ the CLI


def test_path_from_a_job_title_into_a_role(run):
    result = run("path", "journalist", "copywriter")
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.replace("│", " ").split())
    for fact in ("a short step (similarity 76/100)", "+$14,710 a year", "Sales and Marketing"):
        assert fact in flat
    record = json.loads(run("path", "27-3023", "copywriter", "-f", "json").stdout)
    assert record["from"]["code"] == "27-3023.00" and record["to"]["slug"] == "copywriter"
    assert record["to_grow"][0]["name"] == "Sales and Marketing"
    assert record["similarity"]["score"] == 76


@pytest.mark.parametrize(
    ("args", "families"),
    [
        (["journalist", "marketing"], {"marketing"}),
        (["journalist", "IT"], {"it"}),
        (["25-2031.00"], {"marketing", "it"}),
        (["copywriter", "it"], {"it"}),
    ],
)
def test_path_to_a_family_or_to_both(run, args, families):
    record = json.loads(run("path", *args, "-n", "2", "-f", "json").stdout)
    assert {move["family"] for move in record["moves"]} == families
    assert len(record["moves"]) == 2 * len(families)
    scores = [move["similarity"] for move in record["moves"]][:2]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
@pytest.mark.parametrize("args", [["journalist"], ["it-support-specialist", "-n", "3"]])
def test_closest_moves_fit_any_width_and_keep_every_value(run, columns, args):
    result = run("path", *args, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    assert max(map(len, result.stdout.splitlines())) <= columns
    record = json.loads(run("path", *args, "-f", "json").stdout)
    flat = " ".join(result.stdout.split())
    for move in record["moves"]:
        assert move["slug"] in flat and move["size"].split()[-1] in flat


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["teacher"], "'teacher' could mean any of 25:"),
        (["writer"], "27-3043.05 (Poets, Lyricists and Creative Writers)"),
        (["jurnalist"], "Did you mean: 27-3023.00 (News Analysts"),
        (["journalist", "journalism"], "Unknown role or family 'journalism'"),
        (["journalist", "27-3043.00"], "Unknown role or family '27-3043.00'"),
        (["27-30"], "is not written as an O*NET-SOC code"),
        (["11-9199.00", "copywriter"], "O*NET rates no skills, interests or job zone"),
        (["13-2099.00"], "there is nothing to compare it with"),
    ],
)
def test_path_names_that_mean_nothing_or_several(run, args, expected):
    result = run("path", *args)
    assert result.exit_code == 1
    assert expected in " ".join(result.stderr.split())
    assert "Traceback" not in result.output


def test_role_show_says_where_an_occupation_is(run):
    result = run("role", "show", "journalist")
    assert result.exit_code == 1
    flat = " ".join(result.stderr.split())
    assert "O*NET occupation 27-3023.00" in flat and "mktcareers path 27-3023.00" in flat


def test_profiles_leave_out_codes_that_are_missing_or_unrated(world):
    bundled, by_code, _ = world
    some = [by_code["27-3043.00"], by_code["11-9199.00"]]  # one rated, one "All Other"
    made = profiles(some, bundled.roles)
    assert set(made.roles) == {
        role.slug for role in bundled.roles if "27-3043.00" in {link.code for link in role.onet}
    }
    assert profiles([], bundled.roles).roles == {}
    empty = profiles([], bundled.roles)
    move = occupation_move(by_code["27-3023.00"], bundled.roles[0], empty)
    assert move.similarity.skills is None and 0 <= move.similarity.score <= 100


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["Customer Service Representative"], "(43-4051.00)"),
        (["registered nurse"], "(29-1141.00)"),
        (["barista"], "(35-3023.01)"),
        (["journalists"], "(27-3023.00)"),
        (["copy writer"], "Closest moves from Copywriter"),
        (["writers & authors"], "(27-3043.00)"),
        (["\uff12\uff17-\uff13\uff10\uff12\uff13"], "(27-3023.00)"),
        (["273023"], "(27-3023.00)"),
    ],
)
def test_path_from_other_spellings_of_a_job(run, args, expected):
    result = run("path", *args, "-n", "1")
    assert result.exit_code == 0, result.stderr
    assert expected in " ".join(result.stdout.split())


@pytest.mark.parametrize("args", [["and"], ["to"], ["journalist", "and"], ["role-x", "the"]])
def test_small_words_never_pick_a_role(run, args):
    result = run("path", *args)
    assert result.exit_code == 1
    assert "Unknown" in result.stderr


def test_role_show_names_the_roles_built_on_an_occupation(run):
    result = run("role", "show", "13-1161.01")
    flat = " ".join(result.stderr.split())
    assert result.exit_code == 1
    assert "Did you mean: community-manager" in flat and "seo-specialist" in flat
    assert "Search Marketing Strategists" in flat


def test_search_points_a_code_to_occupation_show(run):
    result = run("search", "27-3023")
    assert result.exit_code == 1
    assert "mktcareers occupation show 27-3023" in result.stderr


@pytest.mark.parametrize(
    ("typed", "heading"),
    [
        ("web developers", "Closest moves from Web Developer"),  # the role, not 15-1254.00
        ("Web Developer", "Closest moves from Web Developer"),
        ("software developers", "Closest moves from Software Developer"),
        ("data scientists", "Closest moves from Data Scientist"),
    ],
)
def test_a_role_and_the_occupation_it_is_built_on_are_one_job(run, typed, heading):
    result = run("path", typed, "-n", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(heading)


def test_a_job_found_by_an_alternate_title_says_so_on_stderr(run):
    result = run("path", "it technician", "-n", "1", "-f", "json")
    assert json.loads(result.stdout)["from"]["code"] == "49-2011.00"
    assert "is an O*NET alternate title of 49-2011.00" in " ".join(result.stderr.split())
    shown = run("occupation", "show", "it technician", "-f", "json")
    assert "O*NET alternate title" in shown.stderr
    titled = run("path", "Customer Service Representative", "-n", "1")
    assert "alternate title" not in titled.stderr  # the singular of its own title


def test_every_candidate_of_a_shared_name_is_listed_one_per_line(run):
    result = run("path", "teacher")
    lines = result.stderr.splitlines()
    assert result.exit_code == 1 and lines[0] == "Error: 'teacher' could mean any of 25:"
    listed = [line.strip() for line in lines[1:] if line.startswith("  ")]
    assert len(listed) == 25 and "25-2031.00 (Secondary School Teachers" in " ".join(listed)
