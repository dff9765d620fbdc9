"""`role show`: everything known about one role, as one record."""

import json
import os
import re
import subprocess
import sys

import pytest

from mktcareers.views.roles import role_record


def test_role_show_json(run, bundled):
    result = run("role", "show", "seo-specialist", "--format", "json")
    assert result.exit_code == 0
    detail = json.loads(result.stdout)
    role = bundled.role("seo-specialist")
    assert set(detail) >= set(role_record(role))  # the summary record, and more
    assert set(detail["riasec"]) == set("RIASEC")
    assert detail["riasec"] == role.derived.riasec
    assert {"id": "seo", "name": "Search engine optimisation", "level": 5, "type": "technical"} in (
        detail["skills"]
    )
    assert [source["id"] for source in detail["sources"]] == list(role.sources)
    assert all(
        {"title", "publisher", "version", "year", "licence"} <= set(s) for s in detail["sources"]
    )
    assert detail["remote"]["score"] == role.remote.score
    assert detail["summary"] == role.summary


# ---------------------------------------------------------------- workflow and advantages


def _flat(text: str) -> str:
    """The words of a panelled view, without borders and line breaks."""
    return " ".join(re.sub(r"[│|╭╮╰╯─]+|\+-+\+?|-{2,}\+?", " ", text).split())


@pytest.mark.parametrize("width", [40, 80])
@pytest.mark.parametrize("slug", ["digital-marketing-manager", "it-manager", "seo-specialist"])
def test_role_show_draws_the_workflow_and_advantages(run, bundled, slug, width):
    role = bundled.role(slug)
    result = run("role", "show", slug, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= width
    shown = _flat(result.stdout)
    assert "How the work flows" in shown and "Remote advantages" in shown
    stages = [step.stage.capitalize() for step in role.workflow]
    assert " → ".join(stages) in shown
    for number, step in enumerate(role.workflow, 1):
        assert f"{number}. {step.stage.capitalize()}: {_flat(step.note)}" in shown
    for advantage in role.remote.advantages:
        # the kind's name from the rubric, never its id
        assert f"{bundled.rubric.kind_name(advantage.kind)}: {_flat(advantage.note)}" in shown
        assert f"{advantage.kind}:" not in shown or advantage.kind == advantage.name.lower()
    # advantages come beside the challenges, before them
    assert shown.index("Remote advantages") < shown.index("Remote challenges")


def test_role_show_without_a_workflow_has_no_panel(run, bundled):
    assert not bundled.role("copywriter").workflow
    result = run("role", "show", "copywriter", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "How the work flows" not in result.stdout
    assert "Remote advantages" in result.stdout


def test_workflow_arrows_read_in_any_encoding(cache_dir):
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "COLUMNS": "80"}
    done = subprocess.run(
        [sys.executable, "-m", "mktcareers", "role", "show", "ppc-specialist"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = _flat(done.stdout.decode("ascii").replace("->", " ARROW "))
    assert "Research ARROW Strategy ARROW Planning ARROW Execution" in shown
    assert "?" not in done.stdout.decode("ascii").split("How the work flows")[1][:200]


def test_role_show_json_has_workflow_and_advantages(run, bundled):
    role = bundled.role("social-media-manager")
    detail = json.loads(run("role", "show", role.slug, "--format", "json").stdout)
    assert detail["workflow"] == [{"stage": s.stage, "note": s.note} for s in role.workflow]
    assert detail["remote"]["advantages"] == [
        {"kind": a.kind, "note": a.note} for a in role.remote.advantages
    ]
    assert [c["kind"] for c in detail["remote"]["challenges"]].count("time-zones") == 1
    empty = json.loads(run("role", "show", "copywriter", "--format", "json").stdout)
    assert empty["workflow"] == []


@pytest.mark.parametrize("fmt", ["yaml", "csv", "md"])
def test_every_format_carries_workflow_and_advantages(run, bundled, fmt):
    role = bundled.role("brand-manager")
    result = run("role", "show", role.slug, "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "yaml":
        import yaml

        record = yaml.safe_load(out)
        assert [step["stage"] for step in record["workflow"]] == [s.stage for s in role.workflow]
        assert [a["kind"] for a in record["remote"]["advantages"]] == [
            a.kind for a in role.remote.advantages
        ]
    else:
        assert "workflow" in out and "advantages" in out
        for step in role.workflow:
            assert step.note in out
        for advantage in role.remote.advantages:
            assert advantage.note in out
