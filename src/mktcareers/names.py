"""Names as a person types them: one way to normalise them, one way to score them
against each other, and the one "did you mean" rule built on both.

Everything that compares a typed name with known ones goes through here: resolving
a role, skill or family, searching roles, and suggesting commands, options, roles,
skills, families, knowledge-base fields and quiz answer ids. rapidfuzz is imported
on the first score, not at start-up: `role show` with an exact name never needs it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import cache

SUGGESTION_CUTOFF = 60
# Suggestions must also be close to the best one, so a clear typo gets one answer.
SUGGESTION_SPREAD = 10
MAX_SUGGESTIONS = 3


def suggestion_floor(query: str) -> float | None:
    """The least score (0-100) a "did you mean" for `query` needs, by how many letters
    and digits it has: a short word is close to too many others for one typo to say
    much ("mgr" is 60 like "manager" and "x" a fifth like anything). None for one or
    two (nothing is suggested: "x", "ml"); 80 for three (one letter must be right
    more than in "sro" for "seo"); 75 for four or five (one slip: "emial", where
    "teacher" is 71 like "researcher") and up to eight; SUGGESTION_CUTOFF for longer ones."""
    length = len(normalise(query).replace(" ", ""))
    if length <= 2:
        return None
    if length == 3:
        return 80.0
    if length <= 8:
        return 75.0
    return float(SUGGESTION_CUTOFF)


# Words are runs of letters, digits, '+' and '#' (C++, C#); anything else separates them.
_WORD = re.compile(r"(?:[^\W_]|[+#])+")
# The same for ASCII text, in half the time (a suggestion normalises every name of
# 5,000 roles): every other ASCII character becomes a space.
_ASCII_SEPARATORS = str.maketrans(
    {chr(code): " " for code in range(128) if not (chr(code).isalnum() or chr(code) in "+#")}
    | {"&": " and "}  # "Writers & Authors" is "Writers and Authors"
)
# Accents: the blocks of combining diacritical marks (Latin, Greek, Cyrillic ...), not
# every combining mark: a virama or an Indic vowel sign is part of the word's spelling.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# The version of `normalise`: a change to what it returns bumps it, so word indexes
# prepared by an older one (generated/occupations.json) are made again, not misread.
NORMALISATION = "3"

# Names of technologies whose dot is part of the name: ".NET" is "dotnet" (not the
# word "net" of "Net Maker"), "Node.js" "nodejs"; C# and C++ keep their '#' and '+'.
_DOTTED = re.compile(r"(?<![\w.])\.net\b|\b([a-z0-9]+)\.js\b", re.IGNORECASE)


def _undot(text: str) -> str:
    if "." not in text:
        return text
    return _DOTTED.sub(lambda found: f" {found[1]}js " if found[1] else " dotnet ", text)


@cache
def normalise(text: str) -> str:
    """`text` as space-separated words for comparing: Unicode NFKC-normalised,
    case-folded and without accents (a full-width 'SEO', 'Seo' and 'Séo' are all
    'seo'), split at anything but letters, digits, '+' and '#' ('seo-specialist' is
    'seo specialist'; '&' is 'and'; '.NET' is 'dotnet', 'Node.js' 'nodejs'). Raises
    TypeError when `text` is not text."""
    if not isinstance(text, str):
        raise TypeError(f"expected text to compare, got {type(text).__name__}")
    text = _undot(text)
    if text.isascii():  # NFKC leaves ASCII as it is, casefold is lower, no accents
        return " ".join(text.lower().translate(_ASCII_SEPARATORS).split())
    from unicodedata import normalize  # most names need no import

    # NFKD splits a letter from its accents, which are dropped: 'séo' is 'seo', and the
    # dot that case folding leaves on a Turkish 'İ' ('i' and U+0307) does not split
    # 'COPYWRİTER'. NFC joins again what NFKD split that is no accent (Hangul).
    split = normalize("NFKD", normalize("NFKC", text).casefold().replace("&", " and "))
    return " ".join(_WORD.findall(normalize("NFC", _ACCENTS.sub("", split))))


_ASCII_SEPARATORS_BUT_NEWLINE = {**_ASCII_SEPARATORS, ord("\n"): "\n"}


def fold(text: str) -> str:
    """`text` as normalise compares it but with its punctuation and spaces kept:
    NFKC-normalised, case-folded, without accents (a full-width 'SEO-' is 'seo-'):
    for matching the start of a name, where a '-' typed is part of the prefix."""
    if text.isascii():
        return text.lower()
    from unicodedata import normalize

    split = normalize("NFKD", normalize("NFKC", text).casefold())
    return normalize("NFC", _ACCENTS.sub("", split))


def normalise_all(texts: Sequence[str]) -> list[str]:
    """[normalise(text) for text in texts], in about a third of the time when most are
    ASCII (O*NET's 60,000 alternate titles, compiled on a first run): their lower case
    and separators are done once on all of them joined; the others one by one."""
    joined = _undot("\n".join(texts))
    if joined.count("\n") != len(texts) - 1:  # a text holds a line break: no batch
        return [normalise(text) for text in texts]
    lines = joined.lower().translate(_ASCII_SEPARATORS_BUT_NEWLINE).split("\n")
    return [
        " ".join(line.split()) if text.isascii() else normalise(text)
        for line, text in zip(lines, texts, strict=True)
    ]


# Words that name nothing by themselves: a name made only of them matches no name by
# its words ("and" is a word of "Field and Event Marketing Manager", not a name of it).
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "without",
        "help",
    ]
)


def too_vague(query: str) -> bool:
    """Whether `query` is only stop words or single characters ("the", "a", "x y"):
    too little to match a name by similarity, as every name holds such words; search
    then finds only a name that is exactly the query (a tool called "R")."""
    return all(word in STOP_WORDS or len(word) == 1 for word in normalise(query).split())


def singular(name: str) -> str:
    """A normalised `name` with each word's English plural ending folded, for comparing
    a typed singular with O*NET's plural titles ("registered nurse" and "Registered
    Nurses", "barista" and "Baristas", "secretary" and "Secretaries"); applied to both
    sides, so an odd fold ("sales" -> "sale") still compares equal."""
    return " ".join(map(_singular_word, name.split()))


@cache
def _singular_word(word: str) -> str:
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def joined(name: str) -> str:
    """A normalised `name` in the singular (`singular`) without its spaces: "copy
    writers", "copy-writer" and "copywriter" are one name."""
    return singular(name).replace(" ", "")


def suggest(
    word: str, choices: Iterable[str] | Mapping[str, str], limit: int | None = MAX_SUGGESTIONS
) -> list[str]:
    """The one "did you mean" rule: the `choices` closest to `word`, best first.

    `choices` are the texts to suggest, or a mapping of every spelling of a thing
    (its id, its name) to what is suggested for it (its id): each thing then comes
    once, at its closest spelling. Returns at most `limit` (None: no limit), each
    scoring at least `suggestion_floor(word)` (0-100) by `spelling_scores` and within
    SUGGESTION_SPREAD of the best, ties in alphabetical order; [] when none is close.
    Raises TypeError when `word` or a choice is not text; raises nothing else.
    """
    meant_by = choices if isinstance(choices, Mapping) else {choice: choice for choice in choices}
    by_name: dict[str, list[str]] = {}
    for spelling, meant in meant_by.items():
        by_name.setdefault(normalise(spelling), []).append(meant)
    floor = suggestion_floor(word)
    if floor is None:
        return []
    scores = spelling_scores(word, by_name, floor)
    close: dict[str, float] = {}
    for name, score in scores.items():
        for meant in by_name[name]:
            close[meant] = max(score, close.get(meant, score))
    return closest(close, limit)


def spelling_scores(query: str, names: Iterable[str], floor: float) -> dict[str, float]:
    """Score 0-100 of each normalised name against `query` for a suggestion: the better
    of `name_scores` (word by word) and the similarity of both without spaces less 10
    (it blurs where words start: "sem specialist" is 88 like "seo specalist"), so
    "helpdesk" is close to "help desk". A word of one letter is no word to compare by itself
    ("e mail", "specialist_x"): the words are compared without it, 10 points less
    for each. Only names scoring at least `floor` are returned."""
    names = list(names)
    words = normalise(query).split()
    kept = [word for word in words if len(word) > 1]
    penalty = 10 * (len(words) - len(kept))
    if kept and penalty:
        scores = {
            name: score - penalty
            for name, score in name_scores(" ".join(kept), names, floor + penalty).items()
        }
    else:
        scores = name_scores(query, names, floor)
    typed = normalise(query).replace(" ", "")
    if not typed:
        return scores
    from rapidfuzz import fuzz, process

    forms = [name.replace(" ", "") for name in names]
    for _, score, at in process.extract(
        typed, forms, scorer=fuzz.ratio, limit=None, score_cutoff=floor + 10
    ):
        scores[names[at]] = max(score - 10, scores.get(names[at], 0.0))
    return scores


def closest(
    scores: Mapping[str, float],
    limit: int | None = MAX_SUGGESTIONS,
    prefer: Collection[str] = (),
    query: str | None = None,
) -> list[str]:
    """The suggestions of `scores` (what is suggested -> its best score, 0-100) by the
    one rule: at least `suggestion_floor(query)` when the typed `query` is given (none
    when that is None), within SUGGESTION_SPREAD of the best, best first, ties to those
    in `prefer` and then in alphabetical order, at most `limit` (None: no limit)."""
    if query is not None:
        floor = suggestion_floor(query)
        scores = {} if floor is None else {k: v for k, v in scores.items() if v >= floor}
    if not scores:
        return []
    floor = max(scores.values()) - SUGGESTION_SPREAD
    ranked = sorted(
        (meant for meant in scores if scores[meant] >= floor),
        key=lambda meant: (-scores[meant], meant not in prefer, meant),
    )
    return ranked if limit is None else ranked[:limit]


def name_scores(query: str, names: Iterable[str], floor: float) -> dict[str, float]:
    """Score 0-100 of each normalised name against `query`, word by word.

    Each query word takes its best similarity to any word of the name (so "emial"
    still finds "email"); the name scores the mean, less 2 points per word beyond
    the query's, so the tightest name wins. Scoring whole strings instead lets one
    shared word such as "marketing" outweigh a near-miss on the word that matters.
    Only names scoring at least `floor` are returned.
    """
    query_words = normalise(query).split()
    if not query_words:
        return {}
    split = {name: name.split() for name in names}
    vocabulary = sorted({word for words in split.values() for word in words})
    if not vocabulary:
        return {}
    needed = least_word_score(len(query_words), floor)
    similarity = word_similarities(query_words, vocabulary, needed)
    first = similarity[0]
    scores = {}
    for name, words in split.items():
        if not words or (needed and not any(word in first for word in words)):
            continue  # most names stop here
        score = score_words(words, similarity)
        if score >= floor:
            scores[name] = score
    return scores


def least_word_score(count: int, floor: float) -> float:
    """How similar (0-100), at least, one word of a name must be to each of `count`
    query words for the name to reach `floor`: the other query words score 100 at
    most. Words below it count as 0, which cannot lift a name that misses the floor."""
    return max(0.0, count * floor - 100 * (count - 1))


def word_similarities(
    query_words: list[str], vocabulary: Sequence[str], cutoff: float
) -> list[dict[str, float]]:
    """For each of `query_words` (normalised), word -> similarity (rapidfuzz ratio,
    0-100) of the words of `vocabulary` at least `cutoff` similar to it."""
    return [
        {vocabulary[at]: score for at, score in row.items()}
        for row in similar_words(query_words, vocabulary, cutoff)
    ]


def similar_words(
    query_words: list[str], vocabulary: Sequence[str], cutoff: float
) -> list[dict[int, float]]:
    """As word_similarities, with each word given by its position in `vocabulary`.
    One C-level pass per query word."""
    from rapidfuzz import fuzz, process

    return [
        {
            at: score
            for _, score, at in process.extract(
                query_word, vocabulary, scorer=fuzz.ratio, limit=None, score_cutoff=cutoff
            )
        }
        for query_word in query_words
    ]


def score_words(words: list[str], similarity: list[dict[str, float]]) -> float:
    """The `name_scores` score of a name split into `words`, given the query's
    `word_similarities`: the mean of each query word's best, less 2 per extra word."""
    count = len(similarity)
    total = sum(max(map(row.get, words, itertools.repeat(0.0))) for row in similarity)
    return total / count - 2 * max(0, len(words) - count)


def find_named(query: str, records: Mapping[str, object]):
    """The record of `records` (id -> a record with `.id` and `.name`, such as a
    models.Skill or models.Family) whose id or name is `query`, ignoring case, spaces
    and punctuation; None when there is none."""
    wanted = normalise(query)
    for record in records.values():
        if wanted in (normalise(record.id), normalise(record.name)):
            return record
    return None


def spellings(records: Mapping[str, object]) -> dict[str, str]:
    """Every way a record of `records` (id -> a record with `.id` and `.name`) is
    written -> its id: what suggestions for an unknown one are chosen from."""
    return {
        written: record.id for record in records.values() for written in (record.id, record.name)
    }


def did_you_mean(word: object, choices: Iterable[object]) -> str:
    """ " (did you mean 'x'?)" naming the choice closest to `word` by the one
    suggestion rule (`suggest`), or "" when none is close: the tail of a message such
    as "unknown skill 'pyhton' (did you mean 'python'?)"."""
    close = suggest(str(word), [str(choice) for choice in choices], limit=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
