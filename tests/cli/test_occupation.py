"""`occupation show`: any O*NET occupation by code, title or alternate title."""

import json

import pytest
from conftest import REPO

SOURCE = json.loads((REPO / "data" / "generated" / "occupations.json").read_text())
JOURNALISTS = "News Analysts, Reporters, and Journalists"


@pytest.mark.parametrize(
    "name", ["27-3023.00", "27-3023", "News Analysts, Reporters, and Journalists", "JOURNALÍST"]
)
def test_an_occupation_is_found_by_code_title_or_alternate_title(run, name):
    result = run("occupation", "show", name, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["code"] == "27-3023.00"


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (
            ["jurnalist"],
            1,
            "Unknown occupation 'jurnalist'. Did you mean: 27-3023.00 (" + JOURNALISTS,
        ),
        (["99-9999"], 1, "no O*NET occupation has the code 99-9999.00."),
        (["27-302"], 1, "'27-302' is not written as an O*NET-SOC code"),
        (["1 5-1232"], 1, "is not written as an O*NET-SOC code"),
        (["27-3029.00"], 1, "did you mean: 27-3023.00 (News Analysts"),
        (["zzqqxx"], 1, "Unknown occupation 'zzqqxx'."),
        (["analyst"], 1, "'analyst' could mean any of 3: 13-1051.00 (Cost Estimators)"),
        ([""], 2, "has no letter or digit"),
        (["?! ·"], 2, "has no letter or digit"),
        (["x" * 201], 2, "at most 200"),
    ],
)
def test_a_name_that_is_not_one_occupation_exits_with_why(run, args, code, expected):
    result = run("occupation", "show", *args)
    assert result.exit_code == code
    assert expected in " ".join(result.stderr.split())
    assert "Traceback" not in result.output


def test_the_record_is_exact(run):
    record = json.loads(run("occupation", "show", "news analyst", "-f", "json").stdout)
    source = SOURCE["occupations"]["27-3023.00"]
    elements = SOURCE["elements"]
    closest = record.pop("closest_roles")
    assert list(closest) == ["Digital marketing", "Information technology"]
    assert closest["Digital marketing"][0]["slug"] == "copywriter"
    assert record == {
        "code": "27-3023.00",
        "title": JOURNALISTS,
        "alternate_titles": source["alternate_titles"],
        "job_zone": 4,
        "riasec": {"R": 1.47, "I": 4.16, "A": 5.09, "S": 2.8, "E": 3.96, "C": 3.63},
        "pay_median": 62200,
        "pay_p10": 36240,
        "pay_p90": 144140,
        "pay_bls": {"code": "27-3023", "title": JOURNALISTS},
        "growth_pct": -3.9,
        "annual_openings": 4100,
        "outlook_bls": {"code": "27-3023", "title": "News analysts, reporters, and journalists"},
        "entry_education": "Bachelor's degree",
        "teleworkable": None,
        "skills": dict(zip(elements["skills"], source["skills_levels"], strict=True)),
        "knowledge": dict(zip(elements["knowledge"], source["knowledge_levels"], strict=True)),
        "gap_filled_from": [],
        "technology_categories": source["technology_categories"],
        "it_overlap": 29,
    }
    assert source["it_overlap"]["score"] == 29
    assert record["skills"]["Writing"] == 4.25


@pytest.mark.parametrize("fmt", ["yaml", "csv", "md"])
def test_every_machine_format_has_the_title(run, fmt):
    result = run("occupation", "show", "27-3023", "--format", fmt)
    assert result.exit_code == 0
    assert "News Analysts" in result.stdout


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_the_view_fits_and_shows_title_pay_and_strongest_skill(run, columns):
    result = run("occupation", "show", "journalist", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    assert max(map(len, result.stdout.splitlines())) <= columns
    flat = " ".join(result.stdout.replace("│", " ").split())
    assert "News Analysts, Reporters, and Journalists" in flat
    assert "$62,200 a year" in flat
    assert "(Dingel & Neiman 2020)" in flat
    assert "IT overlap (0-100) 29" in flat
    assert "Writing" in flat


def test_an_unrated_occupation_says_so(run):
    result = run("occupation", "show", "55-3019.00", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "not published by BLS for this occupation" in result.stdout
    assert "not rated by O*NET" in result.stdout
    assert "IT overlap (0-100) —" in " ".join(result.stdout.replace("│", " ").split())


def test_a_gap_filled_occupation_names_its_stand_ins(run):
    result = run("occupation", "show", "11-1031.00", env={"COLUMNS": "200"})
    assert "levels are the mean of 11-1011.00, 11-1011.03, 11-1021.00" in result.stdout
