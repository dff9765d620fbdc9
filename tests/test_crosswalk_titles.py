"""The crosswalk rule of docs/method.md, checked against O*NET's alternate titles for every
role (scripts/crosswalk_titles.py), not applied once by hand."""

import importlib.util
import re
import shutil
import sys

import pytest
import yaml
from conftest import REPO

spec = importlib.util.spec_from_file_location(
    "crosswalk_titles", REPO / "scripts" / "crosswalk_titles.py"
)
crosswalk_titles = importlib.util.module_from_spec(spec)
sys.modules["crosswalk_titles"] = crosswalk_titles  # dataclasses look their module up here
spec.loader.exec_module(crosswalk_titles)

ROLES = sorted((REPO / "data" / "roles").glob("*.yaml"))


@pytest.fixture(scope="module")
def index():
    return crosswalk_titles.load_title_index()[0]


def role_data(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_bundled_role_follows_the_rule():
    results = crosswalk_titles.check_all()
    assert len(results) == len(ROLES)
    assert [(r.slug, r.problems) for r in results if r.problems] == []
    assert crosswalk_titles.main(["--check"]) == 0


def test_a_role_whose_title_fits_one_code_has_it_at_weight_one(index):
    """'a single fitting code gets 1.0': wherever a role's title is an O*NET title of one
    code only, that code is listed with weight 1 (digital marketing manager, copywriter...)."""
    checked = []
    for path in ROLES:
        role = role_data(path)
        codes = index.get(crosswalk_titles.normalise(role["title"]), set())
        listed = {entry["code"]: entry["weight"] for entry in role["onet"]}
        if len(codes) == 1 and codes <= listed.keys():
            assert listed == {next(iter(codes)): 1.0}, role["slug"]
            checked.append(role["slug"])
    assert {"digital-marketing-manager", "copywriter", "seo-specialist"} <= set(checked)
    assert len(checked) >= 15


def test_a_title_code_left_out_without_a_reason_is_a_problem(index):
    """Every role whose title O*NET files under a code it does not use: take the code's
    mention out of the reason lines and the check names that code."""
    tried = []
    for path in ROLES:
        role = role_data(path)
        codes = index.get(crosswalk_titles.normalise(role["title"]), set())
        unused = sorted(code for code in codes if code not in {e["code"] for e in role["onet"]})
        if not unused:
            continue
        for entry in role["onet"]:
            for code in unused:
                soc = code.split(".")[0]
                entry["reason"] = re.sub(rf"{soc}(\.\d\d)?", "another code", entry["reason"])
        problems = crosswalk_titles.check_role(role, index).problems
        for code in unused:
            assert any(code in problem and "title" in problem for problem in problems), (
                role["slug"],
                code,
                problems,
            )
        tried.append(role["slug"])
    assert {"social-media-manager", "community-manager", "ecommerce-marketing-manager"} <= set(
        tried
    )


def test_a_second_code_beside_the_title_code_needs_its_own_evidence(index):
    """Blending a role whose title fits one code is a problem unless the other code holds one
    of the role's names; brand manager (a title of two codes) stays clean."""
    for slug, extra in (
        ("digital-marketing-manager", "13-1161.01"),
        ("copywriter", "13-1161.00"),
        ("web-developer", "15-1252.00"),
    ):
        role = role_data(REPO / "data" / "roles" / f"{slug}.yaml")
        role["onet"][0]["weight"] = 0.7
        role["onet"].append({"code": extra, "weight": 0.3, "reason": "part of the work"})
        problems = crosswalk_titles.check_role(role, index).problems
        assert any(extra in problem and "alone" in problem for problem in problems), slug
    brand = role_data(REPO / "data" / "roles" / "brand-manager.yaml")
    assert [entry["weight"] for entry in brand["onet"]] == [0.5, 0.5]
    assert crosswalk_titles.check_role(brand, index).problems == []


def test_an_alias_of_other_codes_only_needs_a_reason(index):
    role = role_data(REPO / "data" / "roles" / "ppc-specialist.yaml")
    role["aliases"] = [*role["aliases"], "Back End Developer"]  # O*NET: 15-1254.00 only
    problems = crosswalk_titles.check_role(role, index).problems
    assert len(problems) == 1 and "15-1254.00" in problems[0]
    role["onet"][0]["reason"] += " Back End Developer is 15-1254, not used."
    assert crosswalk_titles.check_role(role, index).problems == []


def test_check_mode_fails_on_a_broken_role_folder(tmp_path, capsys):
    roles = tmp_path / "roles"
    shutil.copytree(REPO / "data" / "roles", roles)
    path = roles / "social-media-manager.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("11-2032", "a PR code"))
    assert crosswalk_titles.main(["--check", "--roles", str(roles)]) == 1
    err = capsys.readouterr().err
    assert "social-media-manager" in err and "11-2032.00" in err and "1 problem" in err


def test_the_listing_shows_each_roles_matching_codes(capsys):
    assert crosswalk_titles.main([]) == 0
    out = capsys.readouterr().out
    assert "'Digital Marketing Manager' -> 11-2021.00 Marketing Managers" in out
    assert "'Social Media Manager' -> 11-2032.00 Public Relations Managers (not listed)" in out
    assert "'Content Marketing Specialist' -> 27-3031.00 Public Relations Specialists" in out
    assert out.count(": lists ") == len(ROLES)


def test_the_code_holding_most_names_weighs_most(index):
    """The content marketer as it was (13-1161.00 0.5 above 27-3031.00 0.2, which holds
    'Content Marketing Specialist', 'Content Strategist' and 'Content Specialist') breaks
    the rule; so does the social media manager with its weights swapped."""
    content = role_data(REPO / "data" / "roles" / "content-marketer.yaml")
    weights = {"13-1161.00": 0.5, "27-3043.00": 0.3, "27-3031.00": 0.2}
    for entry in content["onet"]:
        entry["weight"] = weights[entry["code"]]
    problems = crosswalk_titles.check_role(content, index).problems
    assert any(p.startswith("27-3031.00 holds 3 of the role's names") for p in problems)
    social = role_data(REPO / "data" / "roles" / "social-media-manager.yaml")
    social["onet"][0]["weight"], social["onet"][1]["weight"] = 0.4, 0.6
    assert any("13-1161.01 holds" in p for p in crosswalk_titles.check_role(social, index).problems)
