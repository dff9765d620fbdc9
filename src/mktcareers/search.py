"""Resolve what a user typed to a role: exact names first, then clear word matches.

A typo is never silently "corrected": it gets suggestions instead, so
`role show seo-specalist` says "Did you mean: seo-specialist?" while
`role show seo` and `role show "SEO Analyst"` resolve directly.

Everything here works on `RoleNames` (a role's names, tools and skills, not the
whole profile) and a `NameIndex` from normalised names to roles, which the cache
stores: finding one role among 5,000 then scores each distinct name once
instead of every name of every role. Its small value types are NamedTuples,
which cost a tenth of a dataclass to define: `role show` imports this module.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

SUGGESTION_CUTOFF = 60
# Suggestions must also be close to the best one, so a clear typo gets one answer.
SUGGESTION_SPREAD = 10
MAX_SUGGESTIONS = 3


class RoleNames(NamedTuple):
    """What finding a role needs: its names, tools and skills, without the rest."""

    slug: str
    title: str
    family: str
    aliases: Sequence[str]
    tools: Sequence[str]
    skills: Sequence[Sequence]  # (id, name, level) for each skill the role needs

    @classmethod
    def of(cls, role) -> RoleNames:
        """The names of a `models.Role`."""
        skills = tuple((skill.id, skill.name, skill.level) for skill in role.skills)
        return cls(role.slug, role.title, role.family, role.aliases, role.tools, skills)


class NameIndex(NamedTuple):
    """Normalised names -> positions of the roles that have them, in role order."""

    primary: dict[str, list[int]]  # slugs and titles
    secondary: dict[str, list[int]]  # aliases
    terms: dict[str, list[int]]  # everything search looks at: names, tools, skills

    @classmethod
    def build(cls, roles: Sequence[RoleNames]) -> NameIndex:
        primary: dict[str, list[int]] = {}
        secondary: dict[str, list[int]] = {}
        terms: dict[str, list[int]] = {}
        for position, role in enumerate(roles):
            for names, texts in (
                (primary, (role.slug, role.title)),
                (secondary, role.aliases),
                (terms, _search_texts(role)),
            ):
                for text in texts:
                    owners = names.setdefault(normalise(text), [])
                    if not owners or owners[-1] != position:
                        owners.append(position)
        return cls(primary, secondary, terms)


class RoleMatch(NamedTuple):
    position: int | None  # of the role in the sequence searched, when one matched
    suggestions: tuple[str, ...] = ()  # slugs, best first, when none matched


@cache
def normalise(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9+#]+", text.lower()))


class RoleFinder:
    """Resolve, suggest and search roles by name; `index` is built when not given."""

    def __init__(self, roles: Sequence[RoleNames], index: NameIndex | None = None) -> None:
        self.roles = roles
        self.index = index if index is not None else NameIndex.build(roles)

    @classmethod
    def of(cls, roles: Sequence) -> RoleFinder:
        """A finder over `models.Role` objects."""
        return cls([RoleNames.of(role) for role in roles])

    def position(self, slug: str) -> int | None:
        """Where the role with exactly this slug is, if any."""
        for position in self.index.primary.get(normalise(slug), ()):
            if self.roles[position].slug == slug:
                return position
        return None

    def resolve(self, query: str) -> RoleMatch:
        wanted = normalise(query)
        if not wanted:
            return RoleMatch(None, ())
        tiers = (self.index.primary, self.index.secondary)
        # 1. An exact slug, title or alias.
        for names in tiers:
            exact = names.get(wanted, [])
            if len(exact) == 1:
                return RoleMatch(exact[0])
            if len(exact) > 1:
                return RoleMatch(None, self._slugs(exact))
        # 2. Every word of the query appears as a whole word in a name: prefer roles
        # whose slug or title has it, and resolve only when one role stands out.
        words = set(wanted.split())
        for names in tiers:
            hits = sorted(
                {
                    position
                    for name, owners in names.items()
                    # the substring test is cheap and rules out almost every name
                    if all(word in name for word in words) and words <= set(name.split())
                    for position in owners
                }
            )
            if len(hits) == 1:
                return RoleMatch(hits[0])
            if len(hits) > 1:
                return RoleMatch(None, self._slugs(hits[: MAX_SUGGESTIONS * 2]))
        # 3. No clear match: offer the closest names.
        return RoleMatch(None, self.suggest(query))

    def suggest(self, query: str, limit: int = MAX_SUGGESTIONS) -> tuple[str, ...]:
        """The closest roles by slug, title or alias, best first, scored word by word.

        Each query word is matched to its most similar word in a name (so "emial"
        still finds "email"), and a name scores the mean over the query's words.
        Scoring whole strings instead lets one shared word such as "marketing"
        outweigh a near-miss on the word that matters.
        """
        best: dict[int, float] = {}
        for names in (self.index.primary, self.index.secondary):
            for name, score in name_scores(query, names, SUGGESTION_CUTOFF).items():
                for position in names[name]:
                    best[position] = max(score, best.get(position, score))
        if not best:
            return ()
        floor = max(best.values()) - SUGGESTION_SPREAD
        ranked = sorted(
            (position for position, score in best.items() if score >= floor),
            key=lambda position: (-best[position], position),
        )
        return self._slugs(ranked[:limit])

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Roles whose title, aliases, skills or tools match `query`, best first."""
        scores = name_scores(query, self.index.terms, SEARCH_CUTOFF)
        candidates = sorted({position for name in scores for position in self.index.terms[name]})
        hits = []
        for position in candidates:
            role = self.roles[position]
            matches: dict[Matched, float] = {}  # each distinct match at its best weight
            for field, text, shown, weight in _search_entries(role):
                score = scores.get(normalise(text))
                if score is not None:
                    found = Matched("title" if field == "slug" else field, shown)
                    matches[found] = max(score * weight, matches.get(found, 0.0))
            top = max(matches.values())
            extra = min(MAX_EXTRA_MATCHES, len(matches) - 1)
            ordered = tuple(sorted(matches, key=lambda found: -matches[found]))
            score = round(min(100.0, top + EXTRA_MATCH_BONUS * extra), 1)
            hits.append(SearchHit(role, score, ordered))
        # Ties go to roles matched by their title, then alphabetically.
        hits.sort(
            key=lambda hit: (
                -hit.score,
                all(match.field != "title" for match in hit.matches),
                hit.role.title.lower(),
            )
        )
        return hits[:limit]

    def _slugs(self, positions: Iterable[int]) -> tuple[str, ...]:
        return tuple(self.roles[position].slug for position in positions)


# ------------------------------------------------------------------ scoring


def suggest(word: str, choices: Iterable[str], limit: int = MAX_SUGGESTIONS) -> list[str]:
    """The one "did you mean" rule: the `choices` closest to `word`, best first.

    Returns at most `limit` of the choices, as given, each scoring at least
    SUGGESTION_CUTOFF (0-100) and within SUGGESTION_SPREAD of the best, ties in
    alphabetical order; [] when none is close. Both sides are compared after
    Unicode NFKC normalisation and case folding (full-width 'SEO' and 'Seo' are 'seo'),
    then word by word as `name_scores` scores names, words being runs of letters,
    digits, '+' and '#' (so 'content-marketr' finds 'content-marketer').
    rapidfuzz is imported on the first call, not at start-up. Raises TypeError
    when `word` or a choice is not text; raises nothing else.
    """
    by_name: dict[str, list[str]] = {}
    for choice in choices:
        by_name.setdefault(_fold(choice), []).append(choice)
    scores = _word_scores(_fold(word).split(), by_name, SUGGESTION_CUTOFF)
    if not scores:
        return []
    floor = max(scores.values()) - SUGGESTION_SPREAD
    close = {
        choice: score
        for name, score in scores.items()
        if score >= floor
        for choice in by_name[name]
    }
    return sorted(close, key=lambda choice: (-close[choice], choice))[:limit]


def _fold(text: str) -> str:
    """`text` as words for comparing: NFKC-normalised, case-folded, split at anything but
    letters, digits, '+' and '#'."""
    import unicodedata  # only when suggesting: `role show` imports this module

    if not isinstance(text, str):
        raise TypeError(f"expected text to compare, got {type(text).__name__}")
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


_WORD = re.compile(r"(?:[^\W_]|[+#])+")


def name_scores(query: str, names: Iterable[str], floor: float | None = None) -> dict[str, float]:
    """Score 0-100 of each normalised name against `query`, word by word.

    Each query word takes its best similarity to any word of the name; the name
    scores the mean, less 2 points per word beyond the query's, so the tightest
    name wins. With `floor`, only names scoring at least that are returned.
    """
    return _word_scores(normalise(query).split(), names, floor)


def _word_scores(
    query_words: list[str], names: Iterable[str], floor: float | None
) -> dict[str, float]:
    """`name_scores` for a query already split into normalised words."""
    from rapidfuzz import fuzz, process

    if not query_words:
        return {}
    split = {name: name.split() for name in names}
    vocabulary = sorted({word for words in split.values() for word in words})
    if not vocabulary:
        return {}
    count = len(query_words)
    # A name can reach `floor` only if, for every query word, one of its words is
    # at least this similar (the other query words scoring 100 at most). Words
    # below it count as 0: that cannot lift a name that misses the floor anyway.
    needed = 0.0 if floor is None else max(0.0, count * floor - 100 * (count - 1))
    # One C-level pass per query word: the words similar enough to it.
    similarity = [
        {
            word: score
            for word, score, _ in process.extract(
                query_word, vocabulary, scorer=fuzz.ratio, limit=None, score_cutoff=needed
            )
        }
        for query_word in query_words
    ]
    first, zeros = similarity[0], itertools.repeat(0.0)
    scores = {}
    for name, words in split.items():
        if not words or (needed and not any(word in first for word in words)):
            continue  # most names stop here
        total = sum(max(map(row.get, words, zeros)) for row in similarity)
        score = total / count - 2 * max(0, len(words) - count)
        if floor is None or score >= floor:
            scores[name] = score
    return scores


def rank_names(query: str, named: Sequence[tuple[list[str], object]]) -> list[tuple[object, float]]:
    """(owner, score 0-100) for every (name words, owner) pair, best first."""
    scores = name_scores(query, {" ".join(words) for words, _ in named})
    scored = [(owner, scores.get(" ".join(words), 0.0)) for words, owner in named if words]
    scored.sort(key=lambda item: -item[1])
    return scored if scores else []


# ------------------------------------------------------------------ search

# How much a match counts by where it was found: a hit on the title says more
# about a role than the same hit on one of its tools. A skill counts more the
# higher the level the role needs (0.85 + 0.03 x level, so level 5 = 1.0); a
# tool counts more the earlier it is listed (role files list main tools first).
ALIAS_WEIGHT = 0.95
SKILL_BASE, SKILL_PER_LEVEL = 0.85, 0.03
TOOL_BASE, TOOL_SPREAD = 0.8, 0.1
# Each further distinct match (up to 5) adds a little, so a role that matches by
# title, alias and skill ranks above one that matches by a single tool.
EXTRA_MATCH_BONUS, MAX_EXTRA_MATCHES = 1.0, 5
SEARCH_CUTOFF = 80


class Matched(NamedTuple):
    field: str  # title, slug, alias, skill or tool
    text: str


class SearchHit(NamedTuple):
    role: RoleNames
    score: float  # 0-100
    matches: tuple[Matched, ...]  # best first


def _search_entries(role: RoleNames):
    """(field, text to match, text to show, weight) for everything search looks at."""
    yield "title", role.title, role.title, 1.0
    yield "slug", role.slug, role.title, 1.0
    for alias in role.aliases:
        yield "alias", alias, alias, ALIAS_WEIGHT
    for position, tool in enumerate(role.tools):
        yield "tool", tool, tool, TOOL_BASE + TOOL_SPREAD * (1 - position / len(role.tools))
    for skill_id, name, level in role.skills:
        weight = SKILL_BASE + SKILL_PER_LEVEL * level
        yield "skill", name, name, weight
        yield "skill", skill_id, name, weight


def _search_texts(role: RoleNames):
    return (text for _, text, _, _ in _search_entries(role))
