"""names.py: the one normalisation and the one "did you mean" rule (their use by every
command is tested in tests/cli/test_typed_names.py)."""

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mktcareers.names import normalise, normalise_all, suggest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "mktcareers"
SLUGS = ["seo-specialist", "seo-analyst", "content-marketer", "copywriter"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("SEO Specialist", "seo specialist"),
        ("  seo-specialist ", "seo specialist"),
        ("ＳＥＯ－Ｓｐｅｃｉａｌｉｓｔ", "seo specialist"),  # full-width, NFKC  # noqa: RUF001
        ("SEO\u2010SPECIALIST", "seo specialist"),  # a Unicode hyphen separates words
        ("Straße", "strasse"),  # case folding, not just lower case
        ("Séo_Ａnalyst", "seo analyst"),  # accents go; '_' separates  # noqa: RUF001
        ("Séo Spécialist", "seo specialist"),
        ("se\u0301o", "seo"),  # an accent as a combining mark (NFD)
        ("COPYWRİTER", "copywriter"),  # Turkish 'İ' folds to 'i' and a dot, which goes
        ("ｃｏｐｙｗｒｉｔｅｒ", "copywriter"),  # noqa: RUF001
        ("Tiếng Việt", "tieng viet"),  # two accents on one letter
        ("ΆΈΉ", "αεη"),  # Greek tonos
        ("C++ & C#", "c++ and c#"),  # '&' is 'and'
        ("R&D", "r and d"),
        ("Ｒ＆Ｄ", "r and d"),  # noqa: RUF001 (full-width, NFKC)
        ("ǰob", "job"),  # case folding parts 'ǰ' from its accent, which goes
        ("한국어", "한국어"),  # Hangul syllables come apart in NFKD and together again
        ("क्ष", "क ष"),  # a virama is no accent: kept (it separates, as before)
        ("", ""),
    ],
)
def test_normalise_folds_width_and_case_into_words(text, words):
    assert normalise(text) == words


@given(st.text(st.characters(max_codepoint=127)))
def test_normalise_keeps_ascii_as_the_compiled_indexes_have_it(text):
    """ASCII names normalise as they always have, by a faster path than the rule for
    all text (an ASCII knowledge base's name index is unchanged)."""
    expected = " ".join(re.findall(r"[a-z0-9+#]+", text.lower().replace("&", " and ")))
    assert normalise(text) == expected


@given(st.text())
def test_normalise_ignores_how_accents_are_encoded(text):
    """A composed 'é' and an 'e' followed by a combining acute are the same name."""
    from unicodedata import normalize

    assert normalise(normalize("NFC", text)) == normalise(normalize("NFD", text))


@given(st.text())
def test_normalise_twice_is_normalise_once(text):
    """suggest normalises names that may be normalised already (an index's names)."""
    assert normalise(normalise(text)) == normalise(text)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("seo-specalist", ["seo-specialist"]),
        ("Seo-Specialist", ["seo-specialist"]),  # case folded
        ("ＳＥＯ-specialist", ["seo-specialist"]),  # full-width, NFKC-normalised  # noqa: RUF001
        ("SEO\u2010SPECIALIST", ["seo-specialist"]),  # a Unicode hyphen separates words too
        ("séo-specialist", ["seo-specialist"]),  # an accent is a small typo
        ("content-marketr", ["content-marketer"]),
        ("zzz", []),
        ("", []),
    ],
)
def test_suggest_compares_normalised_case_folded_words(word, expected):
    assert suggest(word, SLUGS, limit=1) == expected


def test_suggest_returns_the_choices_as_given_best_first():
    assert suggest("seo", ["SEO Analyst", "SEO Specialist", "Copywriter"]) == [
        "SEO Analyst",
        "SEO Specialist",
    ]
    assert suggest("ss", ["Straße"]) == []  # casefold makes ß "ss", but one word is too short
    assert suggest("strasse", ["Straße"]) == ["Straße"]
    assert suggest("seo", ["seo-a", "seo-b", "seo-c", "seo-d"], limit=2) == ["seo-a", "seo-b"]
    assert suggest("seo", ["seo-a", "seo-b", "seo-c", "seo-d"], limit=None) == [
        "seo-a",
        "seo-b",
        "seo-c",
        "seo-d",
    ]
    assert suggest("seo", []) == []


@pytest.mark.parametrize(
    ("word", "spellings", "expected"),
    [
        ("pyhton", {"python": "python", "Python": "python", "java": "java"}, ["python"]),
        ("markting", {"marketing": "marketing", "Digital marketing": "marketing"}, ["marketing"]),
        ("desgn", {"design": "design", "Visual design": "design", "it": "it"}, ["design"]),
        ("visual desgn", {"design": "design", "Visual design": "design"}, ["design"]),
        ("zzzzqq", {"marketing": "marketing", "it": "it"}, []),
        ("a", {}, []),
    ],
)
def test_suggest_over_spellings_gives_each_thing_once(word, spellings, expected):
    assert suggest(word, spellings) == expected


def test_suggest_over_spellings_keeps_to_the_limit():
    spellings = {f"seo-{n}": f"seo-{n}" for n in range(6)}
    assert len(suggest("seo-", spellings)) == 3
    assert len(suggest("seo-", spellings, limit=2)) == 2


def test_suggest_refuses_what_is_not_text():
    with pytest.raises(TypeError):
        suggest("seo", [1, 2])
    with pytest.raises(TypeError):
        suggest(None, ["seo"])


def test_difflib_is_not_used_anywhere_in_the_package():
    """names.suggest is the one rule: no module of ours falls back on difflib."""
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 40  # the package, not an empty folder
    imports = re.compile(r"^\s*(?:import|from)\s+difflib\b", re.MULTILINE)
    users = [path.name for path in sources if imports.search(path.read_text())]
    assert users == []


@given(st.lists(st.text() | st.text(st.characters(max_codepoint=127))))
def test_normalise_all_is_normalise_of_each(texts):
    """The batch that normalises O*NET's titles at a compile gives what one by one does,
    line breaks, accents and all."""
    assert normalise_all(texts) == [normalise(text) for text in texts]


ONE_LETTER_HEAVY = ["00:0:0:0", "a b c d e f g hh", "x y z 12", "0 0 0 0 0 0 0 0 0 0 ab"]


@pytest.mark.parametrize("word", ONE_LETTER_HEAVY)
def test_many_one_letter_words_never_push_the_cutoff_past_100(word):
    """Each one-letter word raises the score a match needs by 10: past 100 nothing
    can match, and rapidfuzz refuses such a cutoff (a traceback, found by hypothesis)."""
    found = suggest(word, ["seo specialist", "roles", "a b c d e f g hh"])
    assert found in ([], ["a b c d e f g hh"])


@given(st.text(max_size=30))
def test_suggest_never_raises_for_any_text(word):
    assert isinstance(suggest(word, ["seo specialist", "roles", "quiz", "x"]), list)
