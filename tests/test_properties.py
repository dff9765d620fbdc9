"""Property tests: whatever arguments or knowledge-base documents it is given, the CLI
ends with a message and exit 0, 1 or 2 (a quiz cut off by the end of input is exit 1;
130 is for Ctrl-C only), never with a traceback."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mktcareers.cli.app import app
from mktcareers.kb.errors import KbError
from mktcareers.kb.loading import validate

WORDS = [
    "roles", "list", "role", "show", "compare", "path", "search", "skills", "skill", "quiz",
    "items", "kb", "validate", "--format", "-f", "json", "yaml", "csv", "md", "table",
    "--family", "marketing", "it", "--min-remote", "--beginner", "--sort", "pay", "remote",
    "--limit", "-n", "--top", "--short", "--type", "technical", "--help", "-h", "--version",
    "seo-specialist", "copywriter", "seo", "python", "0", "-1", "101", "", "--", "-",
]  # fmt: skip
SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
runner = CliRunner()


def outcome_is_clean(result, args) -> None:
    allowed = {0, 1, 2}
    assert result.exit_code in allowed, (args, result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        repr(result.exception),
    )
    assert "Traceback" not in result.output
    if result.exit_code in (1, 2):
        assert result.output.strip(), args  # a failure always says why (or shows help)


@SETTINGS
@given(
    st.lists(
        st.one_of(st.sampled_from(WORDS), st.text(max_size=12)),
        max_size=7,
    )
)
def test_any_arguments_end_cleanly(tmp_path, args):
    result = runner.invoke(app, args, input="", env={"COLUMNS": "80"})
    outcome_is_clean(result, args)


FIELDS = [
    "slug", "title", "family", "beginner_friendly", "aliases", "summary", "responsibilities",
    "skills", "skill", "level", "tools", "certifications", "next_roles", "getting_started",
    "remote", "factors", "challenges", "onet", "code", "weight", "reason", "sources",
]  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["seo", "marketing", "seo-specialist", "13-1161.00", "onet-30-1"]),
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), inner, max_size=6),
    ),
    max_leaves=25,
)


@SETTINGS
@given(
    st.one_of(
        DOCUMENTS.map(lambda document: yaml.safe_dump(document).encode()),
        st.binary(max_size=200),
        st.text(max_size=200).map(str.encode),
    )
)
def test_any_role_file_ends_cleanly(kb_dir, content):
    (kb_dir / "roles" / "random.yaml").write_bytes(content)
    try:
        validate(kb_dir)
    except KbError as error:
        assert all(str(problem) for problem in error.problems)  # each can be printed
    args = ["--data", str(kb_dir), "roles", "list", "--format", "json"]
    result = runner.invoke(app, args)
    outcome_is_clean(result, args)
    assert result.exit_code in (0, 1)


@SETTINGS
@given(DOCUMENTS.map(lambda document: yaml.safe_dump(document).encode()))
def test_any_skill_catalogue_ends_cleanly(kb_dir, content):
    (kb_dir / "skills.yaml").write_bytes(content)
    args = ["--data", str(kb_dir), "search", "seo"]
    result = runner.invoke(app, args)
    outcome_is_clean(result, args)
    assert result.exit_code == 1  # the bundled roles need skills it cannot have
