"""The derived numbers are reproducible from the committed extracts, and they behave."""

import csv
import importlib.util
import shutil
import statistics
import sys

import pytest
import yaml
from conftest import REPO

spec = importlib.util.spec_from_file_location(
    "build_derived", REPO / "scripts" / "build_derived.py"
)
build_derived = importlib.util.module_from_spec(spec)
sys.modules["build_derived"] = build_derived  # dataclasses look their module up here
spec.loader.exec_module(build_derived)


@pytest.fixture(scope="module")
def built():
    return build_derived.build()


def test_committed_output_matches_a_fresh_build(built):
    committed = (REPO / "data" / "generated" / "derived.yaml").read_text(encoding="utf-8")
    assert committed == build_derived.render(built), "run: python scripts/build_derived.py"


def test_check_mode_fails_on_stale_output(tmp_path):
    stale = tmp_path / "derived.yaml"
    stale.write_text("# stale\n")
    assert build_derived.main(["--check", "--output", str(stale)]) == 1
    shutil.copy(REPO / "data" / "generated" / "derived.yaml", stale)
    assert build_derived.main(["--check", "--output", str(stale)]) == 0


def test_crosswalk_change_changes_numbers(tmp_path):
    roles = tmp_path / "roles"
    shutil.copytree(REPO / "data" / "roles", roles)
    path = roles / "copywriter.yaml"
    path.write_text(path.read_text().replace("code: 27-3043.00", "code: 15-1252.00"))
    changed = build_derived.build(roles)["roles"]["copywriter"]
    original = build_derived.build()["roles"]["copywriter"]
    assert changed["pay"]["median"] != original["pay"]["median"]
    assert changed["it_overlap"]["score"] > original["it_overlap"]["score"]


def test_it_overlap_behaves(built):
    score = {slug: role["it_overlap"]["score"] for slug, role in built["roles"].items()}
    family = {
        slug: yaml.safe_load((REPO / "data/roles" / f"{slug}.yaml").read_text())["family"]
        for slug in score
    }
    it_scores = [score[slug] for slug in score if family[slug] == "it"]
    marketing_scores = [score[slug] for slug in score if family[slug] == "marketing"]
    assert statistics.median(it_scores) > statistics.median(marketing_scores) + 30
    # The top of the ranking belongs to IT roles.
    top = sorted(score, key=score.get, reverse=True)[:5]
    assert all(family[slug] == "it" for slug in top), top
    for technical in ("marketing-technologist", "seo-specialist", "marketing-data-analyst"):
        for creative in ("copywriter", "content-marketer", "social-media-manager"):
            assert score[technical] > score[creative], (technical, creative)


def test_single_code_roles_match_the_source_rows(built):
    web = built["roles"]["web-developer"]
    assert web["onet"][0]["code"] == "15-1254.00"
    oews = build_derived.load_oews()["151254"]
    assert web["pay"]["median"] == oews["median"]
    assert web["outlook"]["growth_pct"] == build_derived.load_projections()["15-1254"]["growth_pct"]
    assert web["riasec"]["I"] == round(build_derived.load_interests()["15-1254.00"]["I"], 2)


def test_gap_fill_uses_the_soc_broad_group():
    rated = {"15-1251.00": {"x": 1.0}, "15-1253.00": {"x": 3.0}, "15-1211.00": {"x": 5.0}}
    vector, relatives = build_derived.fill_importance("15-1252.00", rated)
    assert relatives == ["15-1251.00", "15-1253.00"] and vector == {"x": 2.0}
    _, minor = build_derived.fill_importance("15-1299.04", {"15-1211.00": {"x": 1.0}})
    assert minor == ["15-1211.00"]
    with pytest.raises(build_derived.BuildError):
        build_derived.fill_importance("27-9999.00", rated)


@pytest.mark.parametrize(
    ("flags", "expected"),
    [([True], True), ([False], False), ([True, None], True), ([True, False], None), ([None], None)],
)
def test_teleworkable_consensus(flags, expected):
    assert build_derived.consensus(flags) is expected


def test_unknown_code_is_a_build_error(tmp_path):
    roles = tmp_path / "roles"
    shutil.copytree(REPO / "data" / "roles", roles)
    path = roles / "copywriter.yaml"
    path.write_text(path.read_text().replace("code: 27-3043.00", "code: 99-9999.00"))
    with pytest.raises(build_derived.BuildError, match=r"99-9999\.00"):
        build_derived.build(roles)


def test_top_code_marks_are_read_from_both_oews_forms(tmp_path):
    """Footnote 5 (time-series files) and '#' (spreadsheets) both mean "at least the top
    code"; a wage above the top code without either is a published estimate."""
    header = (
        "occ_code,occ_title,display_level,tot_emp,h_mean,a_mean,h_median,a_pct10,a_pct25,"
        "a_median,a_pct75,a_pct90,a_median_footnote,a_pct90_footnote\n"
    )
    rows = [
        '111011,"Chief Executives",3,1,1,1,1,90000,1,210000,1,-,,5',
        '291211,"Anesthesiologists",3,1,1,1,1,100000,1,#,1,#,,',
        '112021,"Marketing Managers",3,1,1,1,1,90260,1,166790,1,293610,,',
    ]
    path = tmp_path / "oews.csv"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    wages = build_derived.load_oews(path)
    assert wages["111011"]["p90"] == build_derived.TOP_CODE and wages["111011"]["p90_top_coded"]
    assert not wages["111011"]["median_top_coded"] and wages["111011"]["median"] == 210000
    assert wages["291211"]["median"] == build_derived.TOP_CODE
    assert wages["291211"]["median_top_coded"] and wages["291211"]["p90_top_coded"]
    assert wages["112021"]["p90"] == 293610 and not wages["112021"]["p90_top_coded"]


def test_a_top_coded_code_flags_the_roles_built_on_it(built):
    """Every role whose BLS occupations carry a top-code mark is flagged, blends too."""
    crosswalks = {c.slug: c for c in build_derived.load_crosswalks(REPO / "data" / "roles")}
    sources = {
        "titles": build_derived.load_titles(),
        "interests": build_derived.load_interests(),
        "zones": build_derived.load_job_zones(),
        "wages": build_derived.load_oews(),
        "projections": build_derived.load_projections(),
        "telework": build_derived.load_teleworkable(),
    }
    sources["wages"]["112021"] = {
        **sources["wages"]["112021"],
        "p90": build_derived.TOP_CODE,
        "p90_top_coded": True,
    }
    uses = {
        slug for slug, c in crosswalks.items() if any(k.startswith("11-2021") for k, _ in c.codes)
    }
    assert {"digital-marketing-manager", "brand-manager", "ecommerce-marketing-manager"} <= uses
    for slug, crosswalk in crosswalks.items():
        pay = build_derived.derive_role(crosswalk, sources)["pay"]
        assert pay["top_coded"] == (slug in uses), slug
    assert (
        build_derived.derive_role(crosswalks["digital-marketing-manager"], sources)["pay"]["p90"]
        == build_derived.TOP_CODE
    )


def test_committed_top_coded_flags_follow_the_raw_footnotes(built):
    """The flag is set exactly where the OEWS extract marks a role's occupation top-coded.
    May 2025 marks none: the figures above $239,200 it has (90th percentiles of the
    manager occupations) are published estimates, not the top code."""
    raw = {}
    path = REPO / "data/raw/bls_oews_may2025/oews_national_selected_occupations.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            raw[row["occ_code"]] = row
    above = 0
    for slug, role in built["roles"].items():
        rows = [raw[soc.replace("-", "")] for soc in role["pay"]["soc_codes"]]
        marked = any(
            "5" in (row["a_median_footnote"], row["a_pct90_footnote"]) or "#" in row.values()
            for row in rows
        )
        assert role["pay"]["top_coded"] == marked, slug
        above += role["pay"]["p90"] >= build_derived.TOP_CODE
    assert above >= 5


def test_the_app_and_the_builder_agree_on_the_top_code():
    from mktcareers.models import TOP_CODE

    assert build_derived.TOP_CODE == TOP_CODE == 239_200
