"""`kb validate` reports two roles answering to one name once normalised (NFKC, case
folding, accents), and a name a role gives twice; commands still load such a base."""

import unicodedata

import pytest

from mktcareers.kb.errors import KbError
from mktcareers.kb.loading import validate

NFD_REFERENCEUR = unicodedata.normalize("NFD", "RÉFÉRENCEUR")


def full_width(text: str) -> str:
    return "".join(chr(ord(letter) + 0xFEE0) for letter in text)


FULL_WIDTH = full_width("Copywriter")


def add_aliases(kb_dir, slug: str, *aliases: str) -> None:
    """Append `aliases` to the role's list (written as JSON strings: valid YAML)."""
    import json

    path = kb_dir / "roles" / f"{slug}.yaml"
    text = path.read_text()
    start = text.index("aliases:\n") + len("aliases:\n")
    end = text.index("\nsummary:", start)
    added = "".join(f"\n  - {json.dumps(alias, ensure_ascii=False)}" for alias in aliases)
    path.write_text(text[:end] + added + text[end:])


def set_title(kb_dir, slug: str, title: str) -> None:
    path = kb_dir / "roles" / f"{slug}.yaml"
    text = path.read_text()
    old = next(line for line in text.splitlines() if line.startswith("title: "))
    path.write_text(text.replace(old, f'title: "{title}"', 1))


def problems(kb_dir) -> list[str]:
    with pytest.raises(KbError) as error:
        validate(kb_dir)
    return [str(problem) for problem in error.value.problems]


def test_the_bundled_knowledge_base_has_no_collision(kb_dir):
    validate(kb_dir)


# (role, aliases added, problem expected). Bundled aliases: copywriter has 7,
# seo-specialist 6, community-manager 5, social-media-manager 6.
CASES = [
    (  # an NFD, upper-case alias against an accented one of another role
        [("seo-specialist", ["Référenceur"]), ("copywriter", [NFD_REFERENCEUR])],
        "roles/seo-specialist.yaml:15: aliases[6]: alias 'Référenceur' is the same name as "
        f"alias '{NFD_REFERENCEUR}' of role 'copywriter' (roles/copywriter.yaml aliases[7]) "
        "once normalised",
    ),
    (  # a full-width alias against another role's title
        [("seo-specialist", [FULL_WIDTH])],
        f"roles/seo-specialist.yaml:15: aliases[6]: alias '{FULL_WIDTH}' is the same name as "
        "title 'Copywriter' of role 'copywriter' (roles/copywriter.yaml title) once normalised",
    ),
    (  # the same alias, exactly, in two roles
        [("copywriter", ["Brand Advocate"])],
        "roles/copywriter.yaml:16: aliases[7]: alias 'Brand Advocate' is the same name as "
        "alias 'Brand Advocate' of role 'community-manager' "
        "(roles/community-manager.yaml aliases[4])",
    ),
    (  # an alias that is another role's slug (whose title differs)
        [("copywriter", ["field-marketing-manager"])],
        "roles/copywriter.yaml:16: aliases[7]: alias 'field-marketing-manager' is the same "
        "name as slug 'field-marketing-manager' of role 'field-marketing-manager' "
        "(roles/field-marketing-manager.yaml slug)",
    ),
    (  # a dotted capital I, which case folding turns into i and a dot
        [("seo-specialist", ["COPYWRİTER"])],
        "roles/seo-specialist.yaml:15: aliases[6]: alias 'COPYWRİTER' is the same name as "
        "title 'Copywriter' of role 'copywriter' (roles/copywriter.yaml title) once normalised",
    ),
    (  # '&' is 'and', punctuation separates words
        [("copywriter", ["Field & Event Marketing-Manager"])],
        "roles/copywriter.yaml:16: aliases[7]: alias 'Field & Event Marketing-Manager' is the "
        "same name as title 'Field and Event Marketing Manager' of role "
        "'field-marketing-manager' (roles/field-marketing-manager.yaml title) once normalised",
    ),
    (  # an alias a role gives twice
        [("copywriter", ["digital  copywriter"])],
        "roles/copywriter.yaml:16: aliases[7]: alias 'digital  copywriter' is the same name as "
        "alias 'Digital Copywriter' of this role (roles/copywriter.yaml aliases[1]) "
        "once normalised",
    ),
    (  # an alias that is the role's own title
        [("seo-specialist", ["seo specialist"])],
        "roles/seo-specialist.yaml:15: aliases[6]: alias 'seo specialist' is the same name as "
        "title 'SEO Specialist' of this role (roles/seo-specialist.yaml title) once normalised",
    ),
]


@pytest.mark.parametrize(("edits", "expected"), CASES, ids=range(len(CASES)))
def test_a_collision_is_one_problem_naming_both(kb_dir, edits, expected):
    for slug, aliases in edits:
        add_aliases(kb_dir, slug, *aliases)
    assert problems(kb_dir) == [expected]


def test_a_title_that_is_another_roles_title(kb_dir):
    set_title(kb_dir, "seo-specialist", full_width("COPYWRITER"))
    assert problems(kb_dir) == [
        f"roles/seo-specialist.yaml:5: title: title '{full_width('COPYWRITER')}' is the same "
        "name as "
        "title 'Copywriter' of role 'copywriter' (roles/copywriter.yaml title) once normalised"
    ]


def test_an_alias_spelling_out_its_own_slug_is_no_collision(kb_dir):
    add_aliases(kb_dir, "copywriter", "COPYWRITER")  # its title too: reported
    add_aliases(kb_dir, "seo-specialist", "Seo-Specialist")
    found = problems(kb_dir)
    assert len(found) == 2 and all("of this role" in problem for problem in found)
    (kb_dir / "roles" / "copywriter.yaml").write_text(
        (kb_dir / "roles" / "copywriter.yaml").read_text().replace('  - "COPYWRITER"\n', "")
    )
    add_aliases(kb_dir, "field-marketing-manager", "FIELD-MARKETING-MANAGER")
    # field-marketing-manager already has 'Field Marketing Manager': the new one repeats it.
    assert problems(kb_dir)[0] == (
        "roles/field-marketing-manager.yaml:15: aliases[6]: alias 'FIELD-MARKETING-MANAGER' is "
        "the same name as alias 'Field Marketing Manager' of this role "
        "(roles/field-marketing-manager.yaml aliases[0]) once normalised"
    )


def test_a_name_many_roles_share_is_one_problem_per_role(kb_dir):
    for slug in ("copywriter", "seo-specialist", "web-developer"):
        add_aliases(kb_dir, slug, "Marketing Generalist")
    found = problems(kb_dir)
    assert len(found) == 2
    assert all("of role 'content-marketer'" not in problem for problem in found)
    assert all("(roles/copywriter.yaml aliases[7])" in problem for problem in found)


def test_kb_validate_lists_every_collision_and_exits_1(run, kb_dir):
    add_aliases(kb_dir, "copywriter", "Brand Advocate", "SEO Analyst")
    add_aliases(kb_dir, "seo-specialist", FULL_WIDTH)
    result = run("kb", "validate", str(kb_dir))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert [line.split(": ")[:2] for line in lines[:3]] == [
        ["roles/copywriter.yaml:16", "aliases[7]"],
        ["roles/seo-specialist.yaml:9", "aliases[0]"],  # copywriter comes first
        ["roles/seo-specialist.yaml:15", "aliases[6]"],
    ]
    assert lines[3] == f"Error: 3 problems in {kb_dir}."


def test_commands_still_load_a_base_with_a_shared_alias(run, kb_dir):
    add_aliases(kb_dir, "copywriter", "Brand Advocate")
    result = run("--data", str(kb_dir), "role", "show", "brand advocate")
    assert result.exit_code == 1
    assert "copywriter" in result.stderr and "community-manager" in result.stderr
