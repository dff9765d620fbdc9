"""Names a person types (commands, options, roles, skills, families, knowledge-base
fields, quiz answer ids): resolved, or refused with suggestions from one rule
(names.suggest). Families come from the knowledge base, not the code."""

import json

import pytest
from conftest import DESIGN_ROLES

# For each kind of name: the command that takes it as typed (in place of TYPED); a
# knowledge-base field is typed into a copy of the bundled knowledge base (KB), a quiz
# answer id into an answers file (ANSWERS).
COMMANDS = {
    "command": ["TYPED", "show", "seo-specialist"],
    "subcommand": ["role", "TYPED", "seo-specialist"],
    "option": ["roles", "list", "TYPED", "json"],
    "role": ["role", "show", "TYPED"],
    "skill": ["skill", "show", "TYPED"],
    "family": ["roles", "list", "--family", "TYPED"],
    "kb field": ["kb", "validate", "KB"],
    "answer id": ["quiz", "--answers", "ANSWERS"],
}
# ... and the exit code and the words that offer the suggestion.
MESSAGES = {
    "command": (2, "No such command '{typed}'. Did you mean '{expected}'?"),
    "subcommand": (2, "No such command '{typed}'. Did you mean '{expected}'?"),
    "option": (2, "No such option: {typed}. Did you mean '{expected}'?"),
    "role": (1, "Unknown role '{typed}'. Did you mean: {expected}?"),
    "skill": (1, "Unknown skill '{typed}'. Did you mean: {expected}?"),
    "family": (1, "Unknown family '{typed}'. Did you mean: {expected}?"),
    "kb field": (1, "unknown field '{typed}' (did you mean '{expected}'?)"),
    "answer id": (1, "unknown item id '{typed}' (did you mean '{expected}'?)"),
}


def _place(arg, typed, request):
    """`arg` of a COMMANDS command, with the name as typed in its place."""
    if arg == "KB":
        kb_dir = request.getfixturevalue("kb_dir")
        role = kb_dir / "roles" / "seo-specialist.yaml"
        text = role.read_text(encoding="utf-8")
        role.write_text(text.replace("\ntitle:", f"\n{typed}:", 1), encoding="utf-8")
        return str(kb_dir)
    if arg == "ANSWERS":
        answers = request.getfixturevalue("tmp_path") / "answers.yaml"
        answers.write_text(f"r1: 5\n{typed}: 3\n", encoding="utf-8")
        return str(answers)
    return typed if arg == "TYPED" else arg


@pytest.mark.parametrize(
    ("kind", "typed", "expected"),
    [
        ("command", "rol", "role"),
        ("command", "ROL", "role"),
        ("command", "ｒｏｌ", "role"),  # full-width  # noqa: RUF001
        ("command", "serch", "search"),
        ("command", "skils", "skills"),
        ("command", "zzzzqq", None),
        ("subcommand", "shwo", "show"),
        ("subcommand", "SHWO", "show"),
        ("subcommand", "zzzzqq", None),
        ("option", "--formt", "--format"),
        ("option", "--FORMT", "--format"),
        ("option", "--min-remot", "--min-remote"),
        ("option", "--zzzzqq", None),
        ("role", "seo-specalist", "seo-specialist"),
        ("role", "SEO-SPECALIST", "seo-specialist"),
        ("role", "ＳＥＯ-specalist", "seo-specialist"),  # noqa: RUF001
        ("role", "séo-specalist", "seo-specialist"),
        ("role", "zzzzqq", None),
        ("skill", "pyhton", "python"),
        ("skill", "PYHTON", "python"),
        ("skill", "Pyhtön", "python"),
        ("skill", "zzzzqq", None),
        ("family", "markting", "marketing"),
        ("family", "ＭＡＲＫＴＩＮＧ", "marketing"),  # noqa: RUF001
        ("family", "zzzzqq", None),
        ("kb field", "titel", "title"),
        ("kb field", "TITEL", "title"),
        ("kb field", "tïtle", "title"),
        ("kb field", "zzzzqq", None),
        ("answer id", "pref-remot", "pref-remote"),
        ("answer id", "PREF-REMOTE", "pref-remote"),
        ("answer id", "ｐｒｅｆ-remot", "pref-remote"),  # noqa: RUF001
        ("answer id", "zzzzqq", None),
    ],
)
def test_every_name_is_suggested_by_one_rule(run, request, kind, typed, expected):
    """A typo of any kind of name gets the closest name; a word far from every name
    gets no suggestion; never a traceback."""
    code, message = MESSAGES[kind]
    result = run(*(_place(arg, typed, request) for arg in COMMANDS[kind]))
    assert result.exit_code == code, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    said = " ".join(result.stderr.replace("│", " ").split())  # unwrap the error box
    if expected is None:
        assert "id you mean" not in said
        assert typed in said
    else:
        assert message.format(typed=typed, expected=expected) in said


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["role", "show", "Séo Spécialist", "-f", "json"], '"slug": "seo-specialist"'),
        (["role", "show", "COPYWRİTER", "-f", "json"], '"slug": "copywriter"'),  # Turkish İ
        (["role", "show", "ｃｏｐｙｗｒｉｔｅｒ", "-f", "json"], '"slug": "copywriter"'),  # noqa: RUF001
        (["role", "show", "se\u0301o", "-f", "json"], '"slug": "seo-specialist"'),  # NFD
        (["search", "séo", "-f", "csv"], "seo-specialist,"),
        (["skill", "show", "Pythön", "-f", "json"], '"id": "python"'),
        (["compare", "Márketing", "ÏT", "-f", "json"], '"family": "marketing"'),
        (["path", "cöpywriter", "séo", "-f", "json"], '"slug": "seo-specialist"'),
        (["roles", "list", "--family", "ÎT", "-f", "csv"], "it-support-specialist,"),
    ],
)
def test_accented_names_resolve(run, args, expected):
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert expected in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["role", "show", "seo-specalist"],
            "Unknown role 'seo-specalist'. Did you mean: seo-specialist?",
        ),
        (
            ["path", "copywriter", "seo-specalist"],
            "Unknown role or family 'seo-specalist'. Did you mean: seo-specialist?",
        ),
        (["skill", "show", "pyhton"], "Unknown skill 'pyhton'. Did you mean: python?"),
        (
            ["compare", "markting", "it"],
            "Unknown role or family 'markting'. Did you mean: marketing",
        ),
        (
            ["roles", "list", "--family", "markting"],
            "Unknown family 'markting'. Did you mean: marketing?",
        ),
        (
            ["roles", "list", "--family", "sales"],
            "Unknown family 'sales'.\nHint: use one of: marketing, it.",
        ),
        (
            ["skill", "show", "zzzzqq"],
            "Unknown skill 'zzzzqq'.\nHint: run 'mktcareers skills list'",
        ),
    ],
)
def test_unknown_names_exit_1_with_suggestions(run, args, message):
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.stderr and result.stdout == ""


@pytest.mark.parametrize("name", ["design", "DESIGN", "Visual design", "visual-design"])
def test_roles_list_takes_any_family_of_the_knowledge_base(run, design_kb, name):
    result = run("--data", str(design_kb), "roles", "list", "--family", name, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert sorted(row["slug"] for row in json.loads(result.stdout)) == sorted(DESIGN_ROLES)


def test_roles_list_suggests_the_knowledge_bases_families(run, design_kb):
    result = run("--data", str(design_kb), "roles", "list", "--family", "desgn")
    assert result.exit_code == 1
    assert "Unknown family 'desgn'. Did you mean: design?" in result.stderr
    nothing = run("--data", str(design_kb), "roles", "list", "--family", "zzzzqq")
    assert nothing.exit_code == 1
    assert "use one of: marketing, it, design, sales." in nothing.stderr


def test_a_family_without_roles_lists_nothing(run, design_kb):
    listed = run("--data", str(design_kb), "roles", "list", "--family", "Sales", "-f", "json")
    # an empty list still reads as JSON; no match is exit 1 in every format
    assert listed.exit_code == 1 and json.loads(listed.stdout) == []
    table = run("--data", str(design_kb), "roles", "list", "--family", "sales")
    assert table.exit_code == 1 and "no roles match --family sales" in table.stderr


def test_compare_takes_any_family_of_the_knowledge_base(run, design_kb):
    result = run("--data", str(design_kb), "compare", "design", "marketing", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "family-family" and data["left"]["family"] == "design"
    role_first = run(
        "--data", str(design_kb), "compare", "copywriter", "Visual design", "-f", "json"
    )
    assert json.loads(role_first.stdout)["kind"] == "role-family"
    typo = run("--data", str(design_kb), "compare", "desgn", "it")
    assert typo.exit_code == 1
    assert "Unknown role or family 'desgn'. Did you mean: design" in typo.stderr


def test_compare_a_family_without_roles_is_an_error(run, design_kb):
    result = run("--data", str(design_kb), "compare", "sales", "it")
    assert result.exit_code == 1
    assert "the family 'sales' has no roles to compare" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["roles", "list"], ["compare"]])
def test_family_help_names_the_bundled_families_as_examples(run, command):
    help_text = " ".join(run(*command, "-h").stdout.split())
    assert "bundled: marketing, it" in help_text


# Each name or query a command takes, with LONG in its place, and its name in messages.
NAME_ARGUMENTS = [
    (["role", "show", "LONG"], "NAME"),
    (["skill", "show", "LONG"], "NAME"),
    (["compare", "LONG", "it"], "LEFT"),
    (["compare", "marketing", "LONG"], "RIGHT"),
    (["path", "LONG"], "FROM"),
    (["path", "copywriter", "LONG"], "TO"),
    (["search", "LONG"], "QUERY"),
    (["roles", "list", "--family", "LONG"], "--family"),
]


@pytest.mark.parametrize(("args", "name"), NAME_ARGUMENTS)
def test_a_name_too_long_is_a_usage_error_that_does_not_repeat_it(run, args, name):
    result = run(*(("x " * 50_000) if arg == "LONG" else arg for arg in args))
    assert result.exit_code == 2
    said = " ".join(result.stderr.replace("│", " ").split())  # unwrap the error box
    assert f"Invalid value for '{name}': the name is 100,000 characters long; at most 200." in said
    assert "x x x" not in result.output and len(result.output) < 1_000


@pytest.mark.parametrize(("args", "name"), NAME_ARGUMENTS)
def test_a_name_at_the_limit_is_looked_up(run, args, name):
    result = run(*(("x" * 200) if arg == "LONG" else arg for arg in args))
    assert result.exit_code == 1, result.output  # unknown, or nothing found: not a usage error
    assert "Invalid value" not in result.stderr


# Names too short or too far from any known one for a "did you mean" to say anything:
# one or two letters, a nonsense word, an abbreviation nothing is called.
NOTHING_CLOSE = [
    ("role", "show", "q"),
    ("role", "show", "zq"),
    ("occupation", "show", "qx"),
    ("occupation", "show", "k"),
    ("skill", "show", "ai"),
    ("skill", "show", "qz"),
    ("role", "show", "xvq"),
    ("role", "show", "zxqv"),
    ("compare", "plumber", "it"),
    ("compare", "q", "marketing"),
    ("path", "seo", "zz"),
]


@pytest.mark.parametrize("args", NOTHING_CLOSE, ids=" ".join)
def test_nothing_is_suggested_when_nothing_is_close(run, args):
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert "Did you mean" not in result.stderr
    assert "Hint:" in result.stderr


# Spellings that split or join words differently from the name, or a common name
# (an alias) of a role: the role itself, or it first among the suggestions.
CLOSE_SPELLINGS = [
    ("e mail marketing manager", "email-marketing-manager"),
    ("e-mail marketer", "email-marketing-manager"),
    ("data scien tist", "data-scientist"),
    ("copy writer", "copywriter"),
    ("helpdesk", "it-support-specialist"),
    ("help desk", "it-support-specialist"),
    ("sysadmin", "systems-administrator"),
    ("sys admin", "systems-administrator"),
]


@pytest.mark.parametrize(("typed", "slug"), CLOSE_SPELLINGS)
def test_spellings_with_spaces_moved_find_the_role(run, typed, slug):
    result = run("role", "show", typed, "-f", "json")
    if result.exit_code == 0:
        assert json.loads(result.stdout)["slug"] == slug
    else:
        assert f"Did you mean: {slug}" in result.stderr, result.stderr
