"""`mktcareers kb validate` reads the knowledge base once."""

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
    shown = run("kb", "validate", str(kb_dir)).stdout
    assert shown.startswith("OK: ") and "occupations" not in shown
