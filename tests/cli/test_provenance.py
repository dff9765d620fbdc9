"""Where the numbers come from, said where they are shown: roles that share a BLS
occupation, blended pay, a low remote score beside a teleworkable occupation, top-coded
wages (role show, compare, roles list; words in the views, fields in the records)."""

import csv
import io
import json
import re

import pytest
import yaml

from mktcareers.models import TOP_CODE
from mktcareers.remote import OFTEN_REMOTE

BOX = re.compile(r"[│╭╮╰╯─┌┐└┘├┤]")


def flat(output: str) -> str:
    """The output's words on one line: panels' borders and wrapping gone."""
    return " ".join(BOX.sub(" ", output).split())


def soc_basis(role) -> tuple:
    """(SOC, share) of a role, computed here from its file's codes and weights."""
    shares: dict[str, float] = {}
    for link in role.onet:
        soc = link.code[:7]
        shares[soc] = shares.get(soc, 0) + float(link.weight)
    return tuple(sorted((soc, round(share, 4)) for soc, share in shares.items()))


@pytest.fixture(scope="module")
def groups(bundled):
    """SOC basis -> slugs of the bundled roles with that basis."""
    found: dict[tuple, list[str]] = {}
    for role in bundled.roles:
        found.setdefault(soc_basis(role), []).append(role.slug)
    return found


def test_roles_sharing_a_bls_occupation_say_so(run, bundled, groups):
    shared = {basis: slugs for basis, slugs in groups.items() if len(slugs) > 1}
    # SEO, PPC and market research analyst share 13-1161; the two 11-2021 managers too.
    assert {"seo-specialist", "ppc-specialist", "market-research-analyst"} <= set(
        shared[(("13-1161", 1.0),)]
    )
    assert len(shared) >= 2
    for basis, slugs in shared.items():
        for slug in slugs:
            others = [other for other in slugs if other != slug]
            shown = flat(run("role", "show", slug).stdout)
            assert f"same BLS occupation as {', '.join(others)}" in shown, slug
            detail = json.loads(run("role", "show", slug, "--format", "json").stdout)
            assert detail["same_pay_as"] == others
            assert detail["pay"]["same_bls_occupation_as"] == others
            assert detail["pay_socs"] == [soc for soc, _ in basis]
    alone = [slugs[0] for slugs in groups.values() if len(slugs) == 1]
    for slug in alone[:6]:
        assert "same BLS occupation as" not in flat(run("role", "show", slug).stdout)
        assert json.loads(run("role", "show", slug, "--format", "json").stdout)["same_pay_as"] == []


def test_blended_pay_is_labelled_as_a_blend(run, bundled):
    blended = [role for role in bundled.roles if len(soc_basis(role)) > 1]
    assert len(blended) >= 5
    for role in blended:
        shares = sorted(soc_basis(role), key=lambda pair: (-pair[1], pair[0]))
        parts = [f"{soc} ({share * 100:.0f}%)" for soc, share in shares]
        words = f"blend of {', '.join(parts[:-1])} and {parts[-1]}"
        assert words in flat(run("role", "show", role.slug).stdout), role.slug
        pay = json.loads(run("role", "show", role.slug, "--format", "json").stdout)["pay"]
        assert pay["blend"] is True
        assert pay["shares"] == dict(shares)
        assert sum(pay["shares"].values()) == pytest.approx(1)
    single = next(role for role in bundled.roles if len(soc_basis(role)) == 1)
    assert "blend of" not in flat(run("role", "show", single.slug).stdout)


def test_a_low_remote_score_beside_a_teleworkable_occupation_is_reconciled(run, bundled):
    contrasted = 0
    for role in bundled.roles:
        shown = flat(run("role", "show", role.slug).stdout)
        detail = json.loads(run("role", "show", role.slug, "--format", "json").stdout)
        if role.derived.teleworkable is True and role.remote.score < OFTEN_REMOTE:
            contrasted += 1
            assert "Both hold because" in shown, role.slug
            assert f"the remote score ({role.remote.score}/100) rates how" in shown
            contrast = detail["remote_vs_teleworkable"]
            assert contrast["kind"] == "low score, teleworkable"
            assert contrast["remote_score"] == role.remote.score
            ratings = {factor.id: factor.rating for factor in role.remote.factors}
            assert contrast["factors"] and all(
                ratings[factor] == rating <= 2 for factor, rating in contrast["factors"].items()
            )
        elif role.derived.teleworkable is not False or role.remote.score < OFTEN_REMOTE:
            assert "Both hold because" not in shown, role.slug
            assert detail["remote_vs_teleworkable"] is None
    assert contrasted >= 3  # field marketing, IT support, network support ...


def test_a_high_score_beside_an_occupation_not_teleworkable_is_reconciled(run, kb_dir):
    path = kb_dir / "generated" / "derived.yaml"
    derived = yaml.safe_load(path.read_text(encoding="utf-8"))
    derived["roles"]["copywriter"]["teleworkable"] = False
    path.write_text(yaml.safe_dump(derived), encoding="utf-8")
    shown = flat(run("--data", str(kb_dir), "role", "show", "copywriter").stdout)
    assert "unable to work from home; this role's usual work scores" in shown
    detail = run("--data", str(kb_dir), "role", "show", "copywriter", "--format", "json")
    assert json.loads(detail.stdout)["remote_vs_teleworkable"]["kind"] == (
        "high score, not teleworkable"
    )


def test_top_coded_wages_are_flagged_where_bls_marks_them(run, kb_dir):
    path = kb_dir / "generated" / "derived.yaml"
    derived = yaml.safe_load(path.read_text(encoding="utf-8"))
    flagged = ["it-manager", "brand-manager"]
    for slug in flagged:
        derived["roles"][slug]["pay"]["top_coded"] = True
    path.write_text(yaml.safe_dump(derived), encoding="utf-8")
    for slug in [*flagged, "seo-specialist", "digital-marketing-manager"]:
        shown = flat(run("--data", str(kb_dir), "role", "show", slug).stdout)
        said = f"top-coded by BLS: at least ${TOP_CODE:,}" in shown
        assert said == (slug in flagged), slug
        record = run("--data", str(kb_dir), "role", "show", slug, "--format", "yaml").stdout
        pay = yaml.safe_load(record)["pay"]
        assert pay["top_coded"] == (slug in flagged) and pay["top_code"] == TOP_CODE


def test_roles_list_names_the_roles_sharing_an_occupation(run, groups):
    shown = run("roles", "list").stdout
    assert "Same pay figures because BLS reports one occupation for them:" in shown
    for basis, slugs in groups.items():
        line = f"{' + '.join(soc for soc, _ in sorted(basis, key=lambda p: -p[1]))}: "
        assert (line + ", ".join(slugs) in shown) == (len(slugs) > 1), slugs
    rows = json.loads(run("roles", "list", "--format", "json").stdout)
    by_slug = {row["slug"]: row for row in rows}
    for slugs in groups.values():
        for slug in slugs:
            assert by_slug[slug]["same_pay_as"] == [s for s in slugs if s != slug]
    table = list(csv.DictReader(io.StringIO(run("roles", "list", "--format", "csv").stdout)))
    seo = next(row for row in table if row["slug"] == "seo-specialist")
    assert seo["pay_socs"] == "13-1161" and "ppc-specialist" in seo["same_pay_as"]
    markdown = run("roles", "list", "--format", "md").stdout
    assert "same_pay_as" in markdown.splitlines()[0]
    # A filter that leaves one role of a group: nothing to name in the table.
    alone = run("roles", "list", "--family", "it").stdout
    assert "Same pay figures" not in alone


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("seo-specialist", "ppc-specialist", True),
        ("market-research-analyst", "seo-specialist", True),
        ("digital-marketing-manager", "product-marketing-manager", True),
        ("brand-manager", "digital-marketing-manager", False),
        ("copywriter", "content-marketer", False),
    ],
)
def test_compare_says_where_each_sides_pay_comes_from(run, bundled, left, right, same):
    # wide enough that each side's line is not interleaved with the other's
    shown = flat(run("compare", left, right, env={"COLUMNS": "200"}).stdout)
    assert "Pay from" in shown
    assert (f"same BLS occupation as {right}" in shown) == same
    for slug in (left, right):
        if len(soc_basis(bundled.role(slug))) > 1:
            assert "blend of" in shown
    record = json.loads(run("compare", left, right, "--format", "json").stdout)
    assert record["left"]["same_pay_as"] == ([right] if same else [])
    assert record["right"]["same_pay_as"] == ([left] if same else [])
