import re

import pytest

from mktcareers.kb.errors import KbError
from mktcareers.kb.loading import load, validate
from mktcareers.kb.location import CORE_FILES, DERIVED_FILE, ENV_VAR, bundled_dir, resolve_dir
from mktcareers.kb.quizfile import load_quiz

MARKETING = [
    "seo-specialist",
    "content-marketer",
    "social-media-manager",
    "email-marketing-manager",
    "ppc-specialist",
    "digital-marketing-manager",
    "marketing-technologist",
    "marketing-data-analyst",
    "copywriter",
]
IT = [
    "software-developer",
    "web-developer",
    "systems-administrator",
    "cybersecurity-analyst",
    "it-support-specialist",
    "data-scientist",
]


def test_bundled_kb_is_valid_and_complete(bundled):
    slugs = {role.slug for role in bundled.roles}
    assert set(MARKETING) | set(IT) <= slugs
    families = [role.family for role in bundled.roles]
    assert families.count("marketing") >= 18
    assert families.count("it") >= 9
    for role in bundled.roles:
        assert role.derived is not None, role.slug
        assert set(role.derived.riasec) == set("RIASEC")
        assert 4 <= len(role.responsibilities) <= 8
        assert role.onet and role.sources and role.certifications
        assert all(slug in slugs for slug in role.next_roles)


def test_bundled_dir_has_every_core_file():
    root = bundled_dir()
    for name in CORE_FILES:
        assert (root / name).is_file()
    assert (root / DERIVED_FILE).is_file()


def edit(path, old, new, count=1):
    text = path.read_text()
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, count))


def problems_of(root):
    try:
        validate(root)
    except KbError as error:
        return [str(problem) for problem in error.problems]
    return []


SEO = "roles/seo-specialist.yaml"


def test_syntax_error_and_duplicate_key_report_their_line(kb_dir):
    edit(kb_dir / SEO, "title: SEO Specialist", "title: SEO Specialist\ntitle: Again")
    found = problems_of(kb_dir)
    # A broken file must not make every reference to its role an error too.
    assert not any("unknown role 'seo-specialist'" in p for p in found), found
    assert any(
        re.match(
            r"roles/seo-specialist\.yaml:6: title: duplicate key 'title' \(first at line 5\)", p
        )
        for p in found
    ), found


def test_every_problem_is_reported_at_once(kb_dir):
    edit(kb_dir / SEO, "{skill: seo, level: 5}", "{skill: seo, level: 9}")
    edit(kb_dir / "roles/copywriter.yaml", "family: marketing", "family: nope")
    (kb_dir / "roles/empty.yaml").write_text("")
    found = problems_of(kb_dir)
    assert any("seo-specialist.yaml" in p and "level" in p for p in found)
    assert any("copywriter.yaml" in p and "family" in p for p in found)
    assert any(p.startswith("roles/empty.yaml: file is empty") for p in found)


def test_directory_without_roles(tmp_path):
    for name in CORE_FILES:
        (tmp_path / name).write_text((bundled_dir() / name).read_text())
    assert problems_of(tmp_path) == ["roles: no role files (roles/*.yaml) found"]


def test_missing_directory():
    with pytest.raises(KbError, match="knowledge base directory not found"):
        load("/nonexistent/kb")


def test_a_file_given_as_the_knowledge_base(tmp_path):
    (tmp_path / "kb.yaml").write_text("roles: []\n")
    with pytest.raises(KbError, match="knowledge base is not a directory"):
        load(tmp_path / "kb.yaml")


def test_user_role_without_derived_numbers_loads(kb_dir):
    text = (kb_dir / SEO).read_text().replace("slug: seo-specialist", "slug: my-seo-role")
    (kb_dir / "roles/my-seo-role.yaml").write_text(text)
    knowledge = load(kb_dir)
    mine = knowledge.role("my-seo-role")
    assert mine is not None and mine.derived is None
    assert knowledge.role("seo-specialist").derived is not None


def test_stale_derived_entry_is_an_error(kb_dir):
    (kb_dir / "roles/copywriter.yaml").unlink()
    for path in (kb_dir / "roles").glob("*.yaml"):
        path.write_text(path.read_text().replace("  - copywriter\n", ""))
    found = problems_of(kb_dir)
    assert any("generated/derived.yaml" in p and "roles.copywriter" in p for p in found), found


def test_resolve_dir_prefers_option_then_env(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert resolve_dir(tmp_path / "opt") == tmp_path / "opt"
    assert resolve_dir(None) == tmp_path / "env"
    monkeypatch.delenv(ENV_VAR)
    assert resolve_dir(None) == bundled_dir()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  - id: r2\n", "  - id: r1\n", r"quiz\.yaml:\d+: items\[1\]\.id: duplicate id 'r1'"),
        ("    area: R\n    short: true\n", "    area: X\n    short: true\n", r"is not one of"),
        ("    skill: sql\n", "    skill: sequel\n", r"items\[\d+\]\.skill: unknown skill 'sequel'"),
        ("    scale: importance\n", "    scale: importanc\n", r"did you mean 'importance'"),
        ("    measures: remote\n", "", r"measures: missing required field for a preference item"),
        ("    kind: interest\n    area: R\n", "    kind: interest\n", r"area: missing required"),
        ("  - id: r1\n", "  - id: r1\n    skill: sql\n", r"only skill items have 'skill'"),
        ("  like: [", "  like: [only two, ", r"scales\.like: has 6 items; expected 5 to 5"),
        ("    kind: background\n", "    kind: background\n    area: R\n", r"only interest items"),
        ("    scale: preparation\n", "    scale: preparatio\n", r"did you mean 'preparation'"),
        (
            "  - id: background\n",
            "  - id: background-2\n    kind: background\n    text: Again?\n  - id: background\n",
            r"items\[\d+\]\.kind: a quiz has at most one background item",
        ),
    ],
)
def test_bad_quiz_items_are_reported(kb_dir, old, new, expected):
    edit(kb_dir / "quiz.yaml", old, new)
    found = problems_of(kb_dir)
    assert any(re.search(expected, problem) for problem in found), found


def test_knowledge_base_without_a_quiz_uses_the_bundled_items(kb_dir):
    (kb_dir / "quiz.yaml").unlink()
    knowledge = load(kb_dir)
    assert len(load_quiz(knowledge).items) == len(load_quiz(load(bundled_dir())).items)


def test_quiz_needs_every_area_in_the_short_quiz(kb_dir):
    edit(kb_dir / "quiz.yaml", "    area: R\n    short: true\n", "    area: R\n", count=2)
    found = problems_of(kb_dir)
    assert any(re.search(r"quiz\.yaml:\d+: items: the short quiz has no .*for R", p) for p in found)


def line_number(path, text):
    """The 1-based line of `path` that holds `text`."""
    lines = path.read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("{skill: seo, level: 5}", "{skill: seo, level: 9}", "skills[0].level", "out of range"),
        ("family: marketing", "family: marketting", "family", "did you mean 'marketing'?"),
        ("  - content-marketer\n", "  - content-marketr\n", "next_roles[0]", "unknown role"),
    ],
)
def test_a_file_that_parses_but_fails_validation_gets_the_right_line(
    kb_dir, old, new, field, message
):
    # The fast path records no lines: they come from reading the file again.
    edit(kb_dir / SEO, old, new)
    line = line_number(kb_dir / SEO, new.strip())
    found = [p for p in problems_of(kb_dir) if p.startswith(f"{SEO}:")]
    assert len(found) == 1, found
    assert found[0].startswith(f"{SEO}:{line}: {field}: "), (line, found)
    assert message in found[0]


def test_kb_validate_parses_the_knowledge_base_once(run, kb_dir, monkeypatch):
    from mktcareers.kb import yamldoc

    read = []
    real_read = yamldoc.read

    def counting_read(path, *args):
        read.append(path)
        return real_read(path, *args)

    monkeypatch.setattr(yamldoc, "read", counting_read)
    result = run("kb", "validate", str(kb_dir))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"OK: {kb_dir} has ")
    assert len(read) == len(set(read)), "a file was parsed twice"


def test_no_roles_is_one_problem_even_with_derived_numbers(kb_dir):
    """Every derived entry would otherwise follow from the one fault: no role files."""
    for path in (kb_dir / "roles").glob("*.yaml"):
        path.unlink()
    assert (kb_dir / "generated" / "derived.yaml").is_file()
    assert problems_of(kb_dir) == ["roles: no role files (roles/*.yaml) found"]
