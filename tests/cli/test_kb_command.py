"""`mktcareers kb validate` reads the knowledge base once."""

import pytest

from mktcareers.kb import loading


def test_kb_validate_parses_once(run, monkeypatch):
    calls = []
    real_load = loading.load

    def counted(root, *args, **kwargs):
        calls.append(root)
        return real_load(root, *args, **kwargs)

    monkeypatch.setattr(loading, "load", counted)
    result = run("kb", "validate")
    assert result.exit_code == 0 and result.stdout.startswith("OK: ")
    assert len(calls) == 1


def test_validate_counts_the_occupations_when_there_are_some(run, kb_dir):
    from mktcareers.kb.location import OCCUPATIONS_FILE

    assert "1,016 O*NET occupations." in run("kb", "validate", str(kb_dir)).stdout
    (kb_dir / OCCUPATIONS_FILE).unlink()
    shown = " ".join(run("kb", "validate", str(kb_dir)).stdout.split())
    assert shown.startswith("OK: ") and "no O*NET occupations" in shown
    assert "generated/occupations.json is missing" in shown


@pytest.mark.parametrize(
    "args", [["occupation", "show", "27-3023"], ["occupation", "show", "journalist"]]
)
def test_without_occupations_looking_one_up_says_why(run, kb_dir, args):
    from mktcareers.kb.location import OCCUPATIONS_FILE

    (kb_dir / OCCUPATIONS_FILE).unlink()
    result = run("--data", str(kb_dir), *args)
    assert result.exit_code == 1
    assert "this knowledge base has no O*NET occupations" in result.stderr
    assert "scripts/build_occupations.py" in result.stderr


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["roles", "list", "--min-remote", "100"], "--min-remote 100."),
        (["roles", "list", "--family", "it", "--beginner", "--min-remote", "99"], "--beginner"),
        (["map", "--family", "it", "--beginner"], None),
    ],
)
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "md", "yaml"])
def test_no_match_is_exit_1_in_every_format_naming_only_the_filters_given(run, args, named, fmt):
    result = run(*args, "--format", fmt)
    if named is None:  # some IT roles are beginner-friendly: a match
        assert result.exit_code == 0
        return
    assert result.exit_code == 1, result.output
    assert named in result.stderr
    if "--beginner" not in args:
        assert "--beginner" not in result.stderr
    if fmt == "json":
        assert result.stdout.strip() == "[]"
