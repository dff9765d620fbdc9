"""The occupations dataset is reproducible from the committed extracts, and it holds up."""

import csv
import importlib.util
import json
import shutil
import sys

import pytest
import yaml
from conftest import REPO

spec = importlib.util.spec_from_file_location(
    "build_occupations", REPO / "scripts" / "build_occupations.py"
)
build_occupations = importlib.util.module_from_spec(spec)
sys.modules["build_occupations"] = build_occupations
spec.loader.exec_module(build_occupations)
build_derived = sys.modules["build_derived"]  # imported by build_occupations

COMMITTED = REPO / "data" / "generated" / "occupations.json"
# Fields holding names the sources give (O*NET and BLS titles); every other
# string is a short label (a category, an education level, a status).
TITLE_FIELDS = {"title", "alternate_titles", "bls_title"}


@pytest.fixture(scope="module")
def built():
    return build_occupations.build()


@pytest.fixture(scope="module")
def occupations():
    return json.loads(COMMITTED.read_text(encoding="utf-8"))["occupations"]


def strings(value, field=None):
    """(field, string) for every string in a record, however deeply nested."""
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item, field)


def test_committed_output_matches_a_fresh_build(built):
    committed = COMMITTED.read_text(encoding="utf-8")
    assert committed == build_occupations.render(built), "run: python scripts/build_occupations.py"


def test_check_mode_fails_on_stale_output(tmp_path):
    stale = tmp_path / "occupations.json"
    stale.write_text("{}\n")
    assert build_occupations.main(["--check", "--output", str(stale)]) == 1
    shutil.copy(COMMITTED, stale)
    assert build_occupations.main(["--check", "--output", str(stale)]) == 0


def test_counts(occupations):
    assert len(occupations) == 1016
    assert all(record["title"] for record in occupations.values())
    assert sum(bool(record["alternate_titles"]) for record in occupations.values()) == 1016
    assert sum(len(record["alternate_titles"]) for record in occupations.values()) == 60231
    # 923 data-level occupations: job zone, RIASEC and (rated or gap-filled) skills.
    assert sum(record["job_zone"] is not None for record in occupations.values()) == 923
    assert sum("skills_levels" in record for record in occupations.values()) == 923
    assert sum(bool(record["ratings_gap_filled_from"]) for record in occupations.values()) == 44
    assert sum(record["pay"] is not None for record in occupations.values()) == 995
    assert sum(record["outlook"] is not None for record in occupations.values()) == 997


def test_journalists(occupations):
    journalists = occupations["27-3023.00"]
    assert journalists["title"] == "News Analysts, Reporters, and Journalists"
    assert journalists["job_zone"] == 4
    assert "Blogger" in journalists["alternate_titles"]
    assert journalists["pay"]["bls_code"] == "27-3023"
    assert journalists["pay"]["p10"] < journalists["pay"]["median"] < journalists["pay"]["p90"]
    # Dingel & Neiman rate its two 2010 predecessors differently.
    assert journalists["teleworkable"] is None
    assert journalists["teleworkable_source"]["status"] == "mixed"
    assert journalists["ratings_gap_filled_from"] is None


def test_alternate_titles_map_to_their_codes(occupations):
    holders = {
        code for code, record in occupations.items() if "Media Buyer" in record["alternate_titles"]
    }
    assert holders == {"13-1023.00", "27-3031.00"}
    assert "PPC Specialist" in occupations["13-1161.01"]["alternate_titles"]


def test_levels_follow_the_element_names(built, occupations):
    elements = built["elements"]
    assert len(elements["skills"]) == 35 and len(elements["knowledge"]) == 33
    programming = elements["skills"].index("Programming")
    developers = occupations["15-1252.00"]
    writers = occupations["27-3043.00"]
    assert developers["skills_levels"][programming] > writers["skills_levels"][programming] + 1
    assert all(
        len(record["skills_levels"]) == 35 and len(record["knowledge_importance"]) == 33
        for record in occupations.values()
        if "skills_levels" in record
    )


def test_gap_fill_is_named(occupations):
    developers = occupations["15-1252.00"]
    assert developers["ratings_gap_filled_from"] == [
        "15-1251.00",
        "15-1253.00",
        "15-1254.00",
        "15-1255.01",
    ]
    rated = occupations["15-1254.00"]
    assert rated["ratings_gap_filled_from"] is None


def test_bls_aggregate_is_named(occupations):
    # BLS reports 13-1021..13-1023 only together, as 13-1020.
    buyers = occupations["13-1022.00"]
    assert buyers["pay"]["bls_code"] == buyers["outlook"]["bls_code"] == "13-1020"
    assert buyers["pay"]["bls_title"] == "Buyers and Purchasing Agents"


def test_it_percentile_from_table_6_5(occupations):
    assert occupations["15-1252.00"]["bls_computers_it_percentile"] > 90
    assert occupations["27-3023.00"]["bls_computers_it_percentile"] == 58


def test_no_sentences(occupations):
    # Names and labels only: no value reads like an O*NET description or task.
    for code, record in occupations.items():
        for field, text in strings(record):
            limit = 150 if field in TITLE_FIELDS else 80
            assert len(text) <= limit, (code, field, text)
    # Task statements and descriptions are not in the repository at all: Occupation
    # Data keeps code and title (data/SOURCES.md).
    with (REPO / "data/raw/onet_30_1_text/Occupation Data.txt").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) == 1016 and list(rows[0]) == ["O*NET-SOC Code", "Title"]
    assert not list(REPO.glob("data/raw/**/Task Statements*"))


def test_teleworkable_agrees_with_the_target_table(occupations):
    path = REPO / "data/raw/dingel_neiman/derived_teleworkable_onetsoc2019_targets.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            flag = row["dn_teleworkable"]
            expected = None if flag == "" else flag == "1"
            assert occupations[row["onetsoc2019_code"]]["teleworkable"] is expected


def overlap(occupations, code):
    return occupations[code]["it_overlap"]["score"]


def test_it_overlap_ranks_it_above_marketing_and_teaching(occupations):
    for it_code in ("15-1232.00", "15-1252.00"):
        for other in ("13-1161.00", "25-2031.00", "27-3023.00", "27-3043.00"):
            assert overlap(occupations, it_code) >= overlap(occupations, other) + 30, other


def test_it_overlap_only_where_o_net_rates(occupations):
    rated = {code for code, record in occupations.items() if "skills_importance" in record}
    scored = {code for code, record in occupations.items() if record["it_overlap"] is not None}
    assert scored == rated and len(scored) == 923
    assert all(0 <= overlap(occupations, code) <= 100 for code in scored)


def test_a_role_code_scores_as_the_roles_o_net_parts(occupations):
    """An occupation that is the whole crosswalk of a role gets the role's O*NET numbers:
    same vectors (O*NET 29.0 and 29.2 agree on these codes), same reference and centre,
    the IT role left out of the reference as it is from its own score; its score is the
    role's `onet_score` (an occupation has no skill profile of ours, docs/method.md)."""
    derived = yaml.safe_load((REPO / "data/generated/derived.yaml").read_text(encoding="utf-8"))
    compared = 0
    for slug, role in derived["roles"].items():
        if len(role["onet"]) == 1:
            code = role["onet"][0]["code"]
            overlap = role["it_overlap"]
            expected = {
                "score": overlap["onet_score"],
                "profile_similarity": overlap["profile_similarity"],
                "tool_category_similarity": overlap["tool_category_similarity"],
            }
            assert occupations[code]["it_overlap"] == expected, (slug, code)
            compared += 1
    assert compared == sum(len(role["onet"]) == 1 for role in derived["roles"].values()) > 0


def test_the_role_codes_have_the_same_importance_in_o_net_29_0_and_29_2():
    """The reference is built from build_derived's O*NET 29.0 extract, occupations from
    29.2: for the roles' codes (gap-filled ones included) they are the same numbers."""
    rated_29_0 = build_derived.load_importance()
    rated_29_2 = {}
    for domain in build_occupations.DOMAINS:
        for code, vector in build_occupations.load_ratings(domain)["IM"].items():
            rated_29_2.setdefault(code, {}).update(vector)
    crosswalks = build_derived.load_crosswalks(REPO / "data" / "roles")
    codes = {code for crosswalk in crosswalks for code, _ in crosswalk.codes}
    assert len(codes) == 20
    for code in codes:
        old, old_from = build_derived.fill_importance(code, rated_29_0)
        new, new_from = build_derived.fill_importance(code, rated_29_2)
        assert old_from == new_from and old == new, code
