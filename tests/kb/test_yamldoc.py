import pytest
import yaml

from mktcareers.kb import yamldoc
from mktcareers.kb.fields import INVALID
from mktcareers.kb.yamldoc import YamlDocError, parse


def test_plain_data_and_line_numbers():
    document = parse("slug: a\nskills:\n  - skill: seo\n    level: 3\n")
    assert document.data == {"slug": "a", "skills": [{"skill": "seo", "level": 3}]}
    assert document.line_of(("skills", 0, "level")) == 4
    assert document.line_of(("skills",)) == 2
    # An unknown path falls back to its nearest known ancestor.
    assert document.line_of(("skills", 0, "nope")) == 3


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: [1, 2\n", "invalid YAML", None),
        ("a: &a [1, *a]\n", "a value contains itself (recursive alias)", 1),
    ],
)
def test_rejects_malformed(text, message, line):
    with pytest.raises(YamlDocError) as caught:
        parse(text)
    assert message in caught.value.message
    if line is not None:
        assert caught.value.line == line


def test_python_object_tag_never_runs(tmp_path):
    marker = tmp_path / "ran"
    text = f"!!python/object/apply:os.system ['touch {marker}']\n"
    document = parse(text)
    assert document.data is INVALID
    assert "!!python/object/apply:os.system is not allowed" in document.faults[0].message
    assert not marker.exists()


def test_alias_bomb_is_bounded():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 10)}]")
    with pytest.raises(YamlDocError, match="expands to more than"):
        parse("\n".join(lines) + "\n")


def test_read_rejects_non_utf8_binary_and_large(tmp_path, monkeypatch):
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(YamlDocError, match="not UTF-8") as caught:
        yamldoc.read(latin)
    assert caught.value.line == 2
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x89PNG\x00\x00")
    with pytest.raises(YamlDocError, match="binary"):
        yamldoc.read(binary)
    large = tmp_path / "large.yaml"
    large.write_text("a: 12345678901234567890\n")
    with pytest.raises(YamlDocError, match="over 10 bytes, the limit"):
        yamldoc.read(large, max_bytes=10)
    assert yamldoc.read(large, max_bytes=100).data == {"a": 12345678901234567890}


def test_empty_document_is_none():
    assert parse("").data is None
    assert parse("# only a comment\n").data is None


def test_libyaml_is_used_when_pyyaml_has_it_and_python_is_the_fallback(monkeypatch):
    import yaml

    from mktcareers.kb.location import bundled_dir

    text = (bundled_dir() / "roles" / "seo-specialist.yaml").read_text()
    if getattr(yaml, "__with_libyaml__", False):
        assert yamldoc._safe_loader() is yaml.CSafeLoader
    fast = yamldoc.parse(text)
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert yamldoc._safe_loader() is yaml.SafeLoader
    slow = yamldoc.parse(text)
    assert slow.data == fast.data and slow.lines == fast.lines
    with pytest.raises(yamldoc.YamlDocError) as raised:
        yamldoc.parse("a: 1\nb: [\n")
    assert raised.value.line in (2, 3)  # where each parser notices the open list


def bundled_files():
    from mktcareers.kb.location import bundled_dir

    return sorted(bundled_dir().rglob("*.yaml"))


@pytest.mark.parametrize("path", bundled_files(), ids=lambda path: path.name)
def test_the_fast_and_the_line_aware_path_build_the_same_data(path):
    limit = 64_000_000
    fast = yamldoc.read(path, limit)
    careful = yamldoc.read(path, limit, lines=True)
    assert fast.data == careful.data
    assert fast.data == yaml.load(path.read_text(), Loader=yaml.SafeLoader)
    assert fast.lines == careful.lines  # found by reading the file again, when asked


def test_a_fast_document_finds_its_lines_only_when_asked(tmp_path, monkeypatch):
    path = tmp_path / "role.yaml"
    path.write_text("slug: a\nskills:\n  - skill: seo\n    level: 9\n")
    parsed = []
    real_parse = yamldoc.parse
    monkeypatch.setattr(yamldoc, "parse", lambda *args: parsed.append(args) or real_parse(*args))
    document = yamldoc.read(path)
    assert document.data == {"slug": "a", "skills": [{"skill": "seo", "level": 9}]}
    assert parsed == []
    assert document.line_of(("skills", 0, "level")) == 4
    assert document.line_of(("skills", 0)) == 3
    assert len(parsed) == 1


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a:\n\t- 1\n", "a tab where YAML needs spaces (column 1): indent with spaces", 2),
        ("a: &a [1, *a]\n", "a value contains itself (recursive alias)", 1),
        ("a: " + "[" * 150 + "]" * 150 + "\n", "nested more than 100 levels deep", 1),
    ],
)
def test_both_paths_refuse_the_same_way(tmp_path, text, message, line):
    path = tmp_path / "doc.yaml"
    path.write_text(text)
    for lines in (False, True):
        with pytest.raises(YamlDocError) as caught:
            yamldoc.read(path, lines=lines)
        assert message in caught.value.message
        assert caught.value.line == line


# A refused value is a fault of its own, at its path: the rest of the file is read.
FAULTS = [
    ("a: 1\nb: 2\na: 3\n", ("a",), "duplicate key 'a' (first at line 1) (column 1)", 3),
    ("a: !!python/object:os.system {}\n", ("a",), "YAML tag !!python/object:os.system", 1),
    ("a: !!binary aGVsbG8=\n", ("a",), "!!binary is not allowed (only plain", 1),
    ("a: !!timestamp 2001-12-14\n", ("a",), "YAML tag !!timestamp is not allowed", 1),
    ("a: !!int twelve\n", ("a",), "'twelve' cannot be read as !!int (column 4)", 1),
    ("a: !local x\n", ("a",), "YAML tag !local is not allowed", 1),
    ("x: 1\nbase: &b {x: 1}\nother:\n  <<: *b\n", ("other",), "merge keys", 4),
    ("a:\n  [1, 2]: x\n", ("a",), "a key that is a list or mapping (column 3): use plain", 2),
    ("a:\n  - 1\n  - !!set {x}\n", ("a", 1), "YAML tag !!set is not allowed", 3),
]


@pytest.mark.parametrize(("text", "path", "message", "line"), FAULTS)
def test_a_refused_value_is_a_fault_on_both_paths(tmp_path, text, path, message, line):
    file = tmp_path / "doc.yaml"
    file.write_text(text + "after: [1, 2]\n")
    for lines in (False, True):
        document = yamldoc.read(file, lines=lines)
        (fault,) = document.faults
        assert (fault.path, fault.line) == (path, line)
        assert message in fault.message
        assert document.data["after"] == [1, 2]  # the rest of the file is still read


@pytest.mark.parametrize(("text", "path", "message", "line"), FAULTS)
def test_every_fault_of_a_file_is_found(text, path, message, line):
    """Two refused values, one before and one after a good one: both are faults."""
    document = parse(f"{text}good: yes\nlast: !!binary eA==\n")
    assert [fault.path for fault in document.faults] == [path, ("last",)]
    assert document.data["good"] is True


def test_an_alias_bomb_is_refused_before_anything_is_built(monkeypatch):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 30):  # 10**30 values once expanded
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    built = []
    monkeypatch.setattr(yamldoc, "_build", lambda *args: built.append(args))
    with pytest.raises(YamlDocError, match="expands to more than 200,000 values"):
        yamldoc._load_fast("\n".join(lines) + "\n", yamldoc.MAX_NODES)
    assert built == []


def test_aliases_within_the_bound_are_expanded():
    text = "base: &b {x: 1, y: [2, 3]}\ncopy: *b\n"
    assert parse(text).data == {"base": {"x": 1, "y": [2, 3]}, "copy": {"x": 1, "y": [2, 3]}}
    assert yamldoc._load_fast(text, yamldoc.MAX_NODES) == parse(text).data


def test_the_fast_path_works_without_libyaml(monkeypatch, tmp_path):
    path = bundled_files()[-1]
    fast = yamldoc.read(path).data
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    assert yamldoc._safe_loader() is yaml.SafeLoader
    assert yamldoc.read(path).data == fast
    refused = tmp_path / "refused.yaml"
    refused.write_text("a: 1\na: 2\n")
    (fault,) = yamldoc.read(refused).faults
    assert fault.message.startswith("duplicate key 'a' (first at line 1)")


def test_a_chain_of_aliases_cannot_nest_deeper_than_the_limit(tmp_path):
    lines = ["a0: &a0 [x]"] + [f"a{n}: &a{n} [*a{n - 1}]" for n in range(1, 1200)]
    path = tmp_path / "chain.yaml"
    path.write_text("\n".join(lines) + "\n")
    for read_lines in (False, True):
        with pytest.raises(YamlDocError, match="nested more than 100 levels deep"):
            yamldoc.read(path, lines=read_lines)


@pytest.mark.parametrize(
    "value",
    ["2001-12-14", "2024-01-05 10:30:00", "2002-12-14t21:59:43.10-05:00", "1999-1-1"],
)
def test_an_unquoted_date_is_the_text_it_looks_like(tmp_path, value):
    """YAML 1.1 reads these as timestamps, which no field takes: read as text (YAML
    1.2's rule), a date in a text field is text and elsewhere a field's own problem."""
    path = tmp_path / "doc.yaml"
    path.write_text(f"a: {value}\n")
    for lines in (False, True):
        assert yamldoc.read(path, lines=lines).data == {"a": value}


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00")],
)
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path, encoding, bom):
    path = tmp_path / "role.yaml"
    path.write_bytes(bom + "title: Référenceur\nlevel: 3\n".encode(encoding))
    assert yamldoc.read(path).data == {"title": "Référenceur", "level": 3}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_says_to_save_as_utf8(tmp_path, encoding):
    path = tmp_path / "role.yaml"
    path.write_bytes("title: SEO\nlevel: 3\n".encode(encoding))
    with pytest.raises(YamlDocError) as caught:
        yamldoc.read(path)
    assert "save it as UTF-8" in str(caught.value)
