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
