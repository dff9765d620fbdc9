"""The bad-knowledge-base corpus: each broken input with the error it must produce.

Every case is checked three ways: validate lists the problem (file, line where
YAML gives one, field, message); `mktcareers --data DIR roles list` exits 1 with
that problem on stderr and nothing on stdout, without a traceback; and
`mktcareers kb validate DIR` lists it too. A few of the nastiest also run as a
real process. How long each takes is measured in benchmarks/run.py, not here.
"""

import re
import subprocess
import sys

import pytest

from mktcareers.kb.errors import KbError
from mktcareers.kb.loading import validate

SEO = "roles/seo-specialist.yaml"


def edit(file, old, new):
    def change(root):
        path = root / file
        text = path.read_text()
        assert old in text, f"fixture text not found in {file}: {old!r}"
        path.write_text(text.replace(old, new, 1))

    return change


def write(file, content: str | bytes):
    def change(root):
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)

    return change


def remove(*files):
    def change(root):
        for file in files:
            (root / file).unlink()

    return change


def alias_bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


def no_roles(root):
    for path in (root / "roles").glob("*.yaml"):
        path.unlink()


def ghost_derived(root):
    import yaml

    path = root / "generated" / "derived.yaml"
    derived = yaml.safe_load(path.read_text())
    derived["roles"]["ghost-role"] = derived["roles"]["copywriter"]
    path.write_text(yaml.safe_dump(derived, sort_keys=False))


CASES = [
    # --- YAML itself
    (
        "syntax-error",
        edit(SEO, "title: SEO Specialist", "title: [SEO"),
        r"seo-specialist\.yaml:5: title: invalid YAML: this .\[. is never closed",
    ),
    (
        "tab-indent",
        edit(SEO, "aliases:\n  - ", "aliases:\n\t- "),
        r"seo-specialist\.yaml:9: aliases: invalid YAML: a tab where YAML needs spaces",
    ),
    (
        "duplicate-key",
        edit(SEO, "title: SEO Specialist", "title: SEO Specialist\ntitle: Again"),
        r"seo-specialist\.yaml:6: title: duplicate key 'title' \(first at line 5\)",
    ),
    (
        "python-object-tag",
        write("roles/evil.yaml", "slug: !!python/object/apply:os.system ['echo pwned']\n"),
        r"roles/evil\.yaml:1: slug: YAML tag !!python/object/apply:os\.system is not allowed",
    ),
    (
        "python-name-tag",
        write("roles/evil.yaml", "slug: !!python/name:os.system\n"),
        r"roles/evil\.yaml:1: slug: YAML tag !!python/name:os\.system is not allowed",
    ),
    (
        "billion-laughs",
        write("roles/bomb.yaml", alias_bomb()),
        r"roles/bomb\.yaml:\d+: .*expands to more than",
    ),
    (
        "merge-key",
        write("roles/merge.yaml", "base: &b {slug: x}\nrole:\n  <<: *b\n"),
        r"roles/merge\.yaml:3: .*merge keys",
    ),
    # --- files
    ("empty-file", write("roles/empty.yaml", ""), r"^roles/empty\.yaml: file is empty"),
    (
        "comments-only",
        write("roles/empty.yaml", "# nothing here\n"),
        r"^roles/empty\.yaml: file is empty",
    ),
    (
        "not-utf8",
        write("roles/latin.yaml", "slug: caf\xe9\n".encode("latin-1")),
        r"^roles/latin\.yaml:1: file is not UTF-8 text",
    ),
    (
        "binary",
        write("roles/image.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        r"^roles/image\.yaml: file is binary, not YAML text",
    ),
    (
        "too-large",
        write("roles/huge.yaml", "slug: x\n" + "# padding\n" * 120_000),
        r"^roles/huge\.yaml: file is over 1,000,000 bytes",
    ),
    ("missing-core-file", remove("families.yaml"), r"^families\.yaml: file not found"),
    (
        "not-a-mapping",
        write("roles/list.yaml", "- slug: x\n- title: y\n"),
        r"roles/list\.yaml:1: expected a mapping, got a list",
    ),
    ("no-roles", no_roles, r"^roles: no role files \(roles/\*\.yaml\) found"),
    # --- fields
    (
        "unknown-field",
        edit(SEO, "beginner_friendly: true", "beginner_friendly: true\nbegginer: 1"),
        r"seo-specialist\.yaml:\d+: begginer: unknown field 'begginer'",
    ),
    (
        "missing-field",
        edit(SEO, "title: SEO Specialist\n", ""),
        r"seo-specialist\.yaml:\d+: title: missing required field",
    ),
    (
        "wrong-type-bool",
        edit(SEO, "beginner_friendly: true", "beginner_friendly: sometimes"),
        r"seo-specialist\.yaml:7: beginner_friendly: expected true or false, got text",
    ),
    (
        "wrong-type-text",
        edit(SEO, "title: SEO Specialist", "title: [SEO]"),
        r"seo-specialist\.yaml:\d+: title: expected text, got a list",
    ),
    (
        "out-of-range",
        edit(SEO, "{skill: seo, level: 5}", "{skill: seo, level: 7}"),
        r"seo-specialist\.yaml:\d+: skills\[0\]\.level: 7 is out of range \(1-5\)",
    ),
    (
        "bad-slug",
        edit(SEO, "slug: seo-specialist", "slug: SEO Specialist"),
        r"slug: 'SEO Specialist' is not valid",
    ),
    (
        "bad-onet-code",
        edit(SEO, "code: 13-1161.01", "code: 13-1161"),
        r"onet\[0\]\.code: '13-1161' is not valid",
    ),
    (
        "onet-weights",
        edit(SEO, "weight: 1.0", "weight: 0.5"),
        r"onet: weights add up to 0\.5, not 1",
    ),
    (
        "skill-type",
        edit("skills.yaml", "    type: technical", "    type: techy"),
        r"skills\.yaml:\d+: skills\[0\]\.type: 'techy'",
    ),
    (
        "rubric-weights",
        edit("remote_rubric.yaml", "weight: 30", "weight: 31"),
        r"factors: weights add up to 101, not 100",
    ),
    (
        "unknown-remote-factor",
        edit(SEO, "    digital_output:", "    digital_outptu:"),
        r"remote\.factors\.digital_outptu: unknown remote factor",
    ),
    (
        "unknown-challenge",
        edit(SEO, "{kind: communication,", "{kind: telepathy,"),
        r"remote\.challenges\[0\]\.kind: unknown challenge kind 'telepathy'",
    ),
    (
        "unknown-advantage",
        edit(SEO, "{kind: focus,", "{kind: fokus,"),
        r"remote\.advantages\[0\]\.kind: unknown advantage kind 'fokus' \(did you mean 'focus'\?\)",
    ),
    (
        "advantage-without-note",
        edit(
            SEO,
            '{kind: focus, note: "Audits, keyword research and content briefs need quiet, '
            'uninterrupted time."}',
            "{kind: focus}",
        ),
        r"remote\.advantages\[0\]\.note: missing required field",
    ),
    (
        "advantage-twice",
        edit(SEO, "{kind: autonomy,", "{kind: focus,"),
        r"remote\.advantages\[1\]\.kind: advantage kind 'focus' is listed twice",
    ),
    (
        "no-advantage-kinds",
        lambda root: (root / "remote_rubric.yaml").write_text(
            (root / "remote_rubric.yaml").read_text().split("advantage_kinds:")[0]
        ),
        r"remote\.advantages\[0\]\.kind: unknown advantage kind 'focus' "
        r"\(remote_rubric\.yaml defines no advantage kinds\)",
    ),
    (
        "unknown-workflow-stage",
        edit(SEO, "{stage: optimisation,", "{stage: optimization,"),
        r"workflow\[5\]\.stage: unknown workflow stage 'optimization' "
        r"\(did you mean 'optimisation'\?\); stages: research, strategy",
    ),
    (
        "workflow-stage-without-note",
        edit(
            SEO,
            '{stage: strategy, note: "Choose which pages and topics to target first, by '
            'likely traffic and effort."}',
            "{stage: strategy}",
        ),
        r"workflow\[1\]\.note: missing required field",
    ),
    (
        "workflow-stage-twice",
        edit(SEO, "{stage: strategy,", "{stage: research,"),
        r"workflow\[1\]\.stage: stage 'research' is listed twice",
    ),
    (
        "workflow-not-a-list",
        edit(SEO, "workflow:\n", "workflow: research\nunused_workflow:\n"),
        r"workflow: expected a list, got text",
    ),
    # --- references
    (
        "duplicate-slug",
        edit(SEO, "slug: seo-specialist", "slug: copywriter"),
        r"duplicate slug 'copywriter' \(also in roles/copywriter\.yaml\)",
    ),
    (
        "unknown-skill",
        edit(SEO, "{skill: seo, level: 5}", "{skill: seoo, level: 5}"),
        r"skills\[0\]\.skill: unknown skill 'seoo' \(did you mean 'seo'\?\)",
    ),
    (
        "unknown-role",
        edit(SEO, "  - content-marketer\n", "  - content-marketr\n"),
        r"next_roles\[0\]: unknown role 'content-marketr' \(did you mean 'content-marketer'\?\)",
    ),
    (
        "unknown-source",
        edit(SEO, "  - onet-29-0\n", "  - onet-99\n"),
        r"sources\[1\]: unknown source 'onet-99'",
    ),
    (
        "unknown-family",
        edit(SEO, "family: marketing", "family: sales"),
        r"family: unknown family 'sales'",
    ),
    (
        "derived-for-no-role",
        ghost_derived,
        r"derived\.yaml: roles\.ghost-role: derived numbers for a role that does not exist",
    ),
]
IDS = [case[0] for case in CASES]


def test_the_corpus_is_large_and_distinct():
    assert len(CASES) >= 25 and len(set(IDS)) == len(IDS)


@pytest.fixture(params=CASES, ids=IDS)
def broken(request, kb_dir):
    """A copy of the bundled knowledge base with one thing broken, and the problem expected."""
    _, change, expected = request.param
    change(kb_dir)
    return kb_dir, expected


def problems_of(root) -> list[str]:
    try:
        validate(root)
    except KbError as error:
        return [str(problem) for problem in error.problems]
    return []


def matching(expected, lines):
    return [line for line in lines if re.search(expected, line.strip())]


def test_validate_names_the_problem(broken):
    root, expected = broken
    found = problems_of(root)
    assert matching(expected, found), found


def test_commands_exit_1_with_the_problem_and_no_traceback(run, broken):
    root, expected = broken
    result = run("--data", str(root), "roles", "list", "--format", "json")
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: the knowledge base at {root} has ")
    assert matching(expected, result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.stderr


def test_kb_validate_lists_it(run, broken):
    root, expected = broken
    result = run("kb", "validate", str(root))
    assert result.exit_code == 1
    assert matching(expected, result.stderr.splitlines()), result.stderr


@pytest.mark.parametrize("case", ["python-object-tag", "billion-laughs", "binary", "not-utf8"])
def test_a_real_process_ends_cleanly(kb_dir, case, tmp_path):
    _, change, expected = CASES[IDS.index(case)]
    change(kb_dir)
    result = subprocess.run(
        [sys.executable, "-m", "mktcareers", "--data", str(kb_dir), "search", "seo"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert matching(expected, result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_every_problem_of_a_knowledge_base_is_listed_at_once(kb_dir):
    for case in ("unknown-field", "skill-type", "binary", "unknown-family"):
        CASES[IDS.index(case)][1](kb_dir)
    found = problems_of(kb_dir)
    for case in ("unknown-field", "skill-type", "binary"):
        assert matching(CASES[IDS.index(case)][2], found), (case, found)


# Issue 14, kind 5: one bad value never hides the file's other problems, and every
# message names file, line, field and what to do.
ONE_FILE_FAULTS = {
    "tagged-value": (
        ("title: SEO Specialist", "title: !!binary U0VP"),
        r"seo-specialist\.yaml:5: title: YAML tag !!binary is not allowed .*\(column 8\): "
        r"remove the tag, or quote the value",
    ),
    "duplicate-key": (
        ("family: marketing", "family: marketing\nfamily: it"),
        r"seo-specialist\.yaml:7: family: duplicate key 'family' \(first at line 6\)"
        r".*: keep one",
    ),
    "unreadable-number": (
        ("{skill: seo, level: 5}", "{skill: seo, level: !!int five}"),
        r"seo-specialist\.yaml:\d+: skills\[0\]\.level: 'five' cannot be read as !!int",
    ),
    "local-tag": (
        ("  - onet-29-0\n", "  - !source onet-29-0\n"),
        r"seo-specialist\.yaml:\d+: sources\[1\]: YAML tag !source is not allowed",
    ),
    "merge-key-in-role": (
        ("remote:\n", "remote:\n  <<: {}\n"),
        r"seo-specialist\.yaml:\d+: remote: merge keys \(<<\) are not supported .*: write it out",
    ),
}
OTHER_PROBLEMS = (
    ("beginner_friendly: true", "beginner_friendly: sometimes"),
    ("{skill: html-css, level: 3}", "{skill: html-css, level: 9}"),
)
OTHER_EXPECTED = (
    r"seo-specialist\.yaml:\d+: beginner_friendly: expected true or false",
    r"seo-specialist\.yaml:\d+: skills\[\d+\]\.level: 9 is out of range",
)


@pytest.mark.parametrize("case", sorted(ONE_FILE_FAULTS))
def test_a_refused_value_hides_no_other_problem_of_its_file(kb_dir, case):
    (old, new), expected = ONE_FILE_FAULTS[case]
    for change in ((old, new), *OTHER_PROBLEMS):
        edit(SEO, *change)(kb_dir)
    found = problems_of(kb_dir)
    for pattern in (expected, *OTHER_EXPECTED):
        assert matching(pattern, found), (pattern, found)
    # the refused value is reported once, not again as a wrong type
    field = re.search(r"yaml:(?:\d+|\\d\+): (\S+?):", expected).group(1).replace("\\", "")
    assert sum(f": {field}:" in problem for problem in found) == 1, (field, found)


PARSER_ERRORS = [
    # (old, new, expected line, field, what to do)
    ("title: SEO Specialist", "title: @SEO", 5, "title", "quote the value"),
    ("title: SEO Specialist", "title: SEO: the basics", 5, "title", "quote a value that contains"),
    ("title: SEO Specialist", "title: {a: SEO", 5, "title", "close the mapping with '}'"),
    ("aliases:\n  - ", "aliases:\n\t- ", 9, "aliases", "indent with spaces, not tabs"),
    (
        "    digital_output:",
        "\tdigital_output:",
        None,
        "remote.factors.digital_output",
        "with spaces",
    ),
]


@pytest.mark.parametrize(("old", "new", "line", "field", "advice"), PARSER_ERRORS)
def test_a_parser_error_names_line_column_field_and_what_to_do(
    kb_dir, old, new, line, field, advice
):
    edit(SEO, old, new)(kb_dir)
    (problem,) = [p for p in problems_of(kb_dir) if "invalid YAML" in p]
    number = str(line) if line else r"\d+"
    where = rf"roles/seo-specialist\.yaml:{number}: {re.escape(field)}: "
    assert re.match(where + r"invalid YAML: .*\(.*column \d+\).*" + re.escape(advice), problem), (
        problem
    )
