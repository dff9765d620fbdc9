"""What people type loosely: a command in the singular or plural, `help` for --help, a
verb without its noun, a name of several words without quotes, a choice in any case,
and a name that several roles share."""

import json
import shlex

import pytest


def unboxed(text: str) -> str:
    """The words of a usage error, out of the box Rich draws it in and its wrapping."""
    return " ".join(text.replace("│", " ").split())


# (what was typed, the commands suggested): each a usage error (exit 2).
SLIPS = [
    ("role list", ["mktcareers roles list"]),
    ("role list --family it", ["mktcareers roles list"]),
    ("roles show seo", ["mktcareers role show"]),
    ("roles show -f json seo", ["mktcareers role show"]),
    ("skill list", ["mktcareers skills list"]),
    ("skills show python", ["mktcareers skill show"]),
    ("occupations show 15-1252.00", ["mktcareers occupation show"]),
    ("occupations", ["mktcareers occupation"]),
    ("Roles Show seo", ["mktcareers role show"]),
    ("role lst", ["mktcareers roles list"]),
    ("quiz item", ["mktcareers quiz items"]),
    ("help", ["mktcareers --help"]),
    ("HELP", ["mktcareers --help"]),
    ("role help", ["mktcareers role --help"]),
    ("kb help", ["mktcareers kb --help"]),
    ("version", ["mktcareers --version"]),
    ("VERSION", ["mktcareers --version"]),
    ("role version", ["mktcareers --version"]),
    ("list", ["mktcareers roles list", "mktcareers skills list"]),
    (
        "show python",
        ["mktcareers role show", "mktcareers occupation show", "mktcareers skill show"],
    ),
]


@pytest.mark.parametrize(("typed", "meant"), SLIPS, ids=[typed for typed, _ in SLIPS])
def test_command_slips_suggest_the_command_meant(run, typed, meant):
    result = run(*typed.split())
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"Did you mean {', '.join(map(repr, meant))}?" in unboxed(result.stderr)


@pytest.mark.parametrize(
    "typed", ["role list", "roles show seo", "skills show python", "occupations show 15-1252.00"]
)
def test_the_suggested_command_runs(run, typed):
    """The suggestion, with the rest of what was typed, is a command that works."""
    import re

    words = typed.split()
    meant = re.search(r"Did you mean 'mktcareers ([^']+)'\?", unboxed(run(*words).stderr))
    meant = meant.group(1).split()
    result = run(*meant, *words[len(meant) :])
    assert result.exit_code == 0, result.output
    assert result.stdout


# (words typed without quotes, the same command with its names quoted)
UNQUOTED = [
    ("role show seo specialist", 'role show "seo specialist"'),
    ("role show SEO analyst -f json", 'role show "SEO analyst" -f json'),
    ("role show seo -f json specialist", 'role show "seo specialist" -f json'),
    ("role show social media manager", "role show social-media-manager"),
    ("skill show web analytics", 'skill show "web analytics"'),
    ("occupation show news analyst -f json", 'occupation show "news analyst" -f json'),
    ("search paid search manager --kind role", 'search "paid search manager" --kind role'),
    ("compare seo specialist web developer", 'compare "seo specialist" "web developer"'),
    ("compare digital marketing manager it", 'compare "digital marketing manager" it'),
    ("compare marketing seo specialist", 'compare marketing "seo specialist"'),
    ("path help desk specialist -f json", 'path "help desk specialist" -f json'),
    ("path web developer -f json", 'path "web developer" -f json'),  # one name, no TO
    ("path seo specialist", 'path "seo specialist"'),
    ("path help desk specialist marketing", 'path "help desk specialist" marketing'),
    (
        "path it support specialist marketing technologist",
        'path "it support specialist" "marketing technologist"',
    ),
    # a side known by some of its words ("ppc"), as the quoted form takes it
    ("compare ppc social media manager", 'compare ppc "social media manager"'),
    ("compare seo specialist ppc", 'compare "seo specialist" ppc'),
    ("compare ppc data scientist", 'compare ppc "data scientist"'),
    ("compare social media ppc", 'compare "social media" ppc'),
    ("compare email marketing manager seo", 'compare "email marketing manager" seo'),
    ("compare copywriter web developer", 'compare copywriter "web developer"'),
    ("path registered nurse ppc", 'path "registered nurse" ppc'),
    ("path web developer seo -f json", 'path "web developer" seo -f json'),
    ("path help desk specialist data scientist", 'path "help desk specialist" "data scientist"'),
]


@pytest.mark.parametrize(("typed", "quoted"), UNQUOTED, ids=[typed for typed, _ in UNQUOTED])
def test_unquoted_names_are_joined(run, typed, quoted):
    result = run(*shlex.split(typed))
    assert result.exit_code == 0, result.output
    assert result.stdout == run(*shlex.split(quoted)).stdout
    assert result.stdout


@pytest.mark.parametrize(
    "typed",
    [
        "compare seo specialist nobody here",
        "compare a b c",
        "path zzzz qqqq xxxx",
    ],
)
def test_unquoted_names_that_read_no_way_ask_for_quotes(run, typed):
    result = run(*typed.split())
    assert result.exit_code == 2
    message = unboxed(result.stderr)
    assert "quote each name of several words" in message
    assert f"{len(typed.split()) - 1} words for" in message


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("path copywriter nobody", "Unknown role or family 'nobody'."),
        ("path journalist nobody", "Unknown role or family 'nobody'."),
        ("compare seo specialist", "Unknown role or family 'specialist'."),
    ],
)
def test_names_that_fill_the_arguments_are_taken_as_given(run, typed, message):
    """Two words for two names are two names unless only fewer read as known names."""
    result = run(*typed.split())
    assert result.exit_code == 1
    assert message in result.stderr


def add_alias(kb_dir, slug: str, alias: str) -> None:
    path = kb_dir / "roles" / f"{slug}.yaml"
    path.write_text(path.read_text().replace("aliases:\n", f"aliases:\n  - {alias}\n", 1))


def test_unquoted_names_that_read_two_ways_ask_for_quotes(run, kb_dir):
    """`compare seo specialist it` is seo + "specialist it" as much as "seo specialist"
    + it once a role is called "Specialist IT": no guess."""
    add_alias(kb_dir, "it-support-specialist", "Specialist IT")
    add_alias(kb_dir, "seo-specialist", "SEO")
    result = run("--data", str(kb_dir), "compare", "seo", "specialist", "it")
    assert result.exit_code == 2
    message = unboxed(result.stderr)
    assert (
        "'seo specialist it' could be read as 'seo' vs 'specialist it' or "
        "'seo specialist' vs 'it': quote the names." in message
    )
    quoted = run("--data", str(kb_dir), "compare", "seo specialist", "it", "-f", "json")
    assert quoted.exit_code == 0 and json.loads(quoted.stdout)


def test_joined_names_keep_the_length_limit(run):
    result = run("role", "show", *["word"] * 50)
    assert result.exit_code == 2
    assert "is 249 characters long; at most 200" in unboxed(result.stderr)


@pytest.mark.parametrize(
    ("args", "same_as"),
    [
        (["roles", "list", "--family", "Marketing"], ["roles", "list", "--family", "marketing"]),
        (["roles", "list", "--family", "IT"], ["roles", "list", "--family", "it"]),
        (
            ["roles", "list", "--family", "DIGITAL MARKETING"],
            ["roles", "list", "--family", "marketing"],
        ),
        (
            ["roles", "list", "--sort", "Remote", "--format", "JSON"],
            ["roles", "list", "-f", "json", "--sort", "remote"],
        ),
        (
            ["search", "python", "--kind", "ROLE", "-f", "Yaml"],
            ["search", "python", "--kind", "role", "-f", "yaml"],
        ),
        (
            ["skills", "list", "--type", "TECHNICAL", "-f", "CSV"],
            ["skills", "list", "--type", "technical", "-f", "csv"],
        ),
    ],
)
def test_choices_and_families_in_any_case(run, args, same_as):
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout == run(*same_as).stdout


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["role", "show", "growth lead"], "give the slug of the one you mean."),
        (["role", "show", "GROWTH", "LEAD"], "give the slug of the one you mean."),
        (["compare", "growth lead", "it"], "give the slug of the one you mean."),
        (["path", "growth lead"], "give the slug or O*NET-SOC code of the one you mean."),
        (["path", "copywriter", "Growth Lead"], "give the slug of the one you mean."),
    ],
)
def test_a_name_two_roles_share_lists_both(run, kb_dir, args, hint):
    add_alias(kb_dir, "seo-specialist", "Growth Lead")
    add_alias(kb_dir, "content-marketer", "Growth Lead")
    result = run("--data", str(kb_dir), *args)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].endswith("could mean any of 2:")
    assert [line.split()[0] for line in lines[1:3]] == ["content-marketer", "seo-specialist"]
    assert lines[3] == f"Hint: {hint}"


def test_kb_validate_reports_shared_titles_and_aliases(run, kb_dir):
    add_alias(kb_dir, "seo-specialist", "Growth Lead")
    add_alias(kb_dir, "content-marketer", "growth-lead")
    title = kb_dir / "roles" / "copywriter.yaml"
    title.write_text(title.read_text().replace("title: Copywriter", "title: Content Marketer", 1))
    result = run("kb", "validate", str(kb_dir))
    assert result.exit_code == 1
    assert "alias 'Growth Lead' is the same name as alias 'growth-lead' of role" in result.stderr
    assert "'Content Marketer'" in result.stderr and "copywriter.yaml" in result.stderr
    assert "2 problems in" in result.stderr
