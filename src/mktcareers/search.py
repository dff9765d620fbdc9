"""Resolve what a user typed to a role (exact names first, then clear word matches),
and search roles by their names, tools and skills.

A typo is never silently "corrected": it gets suggestions instead, so
`role show seo-specalist` says "Did you mean: seo-specialist?" while
`role show seo` and `role show "SEO Analyst"` resolve directly.

Names are normalised, scored and suggested by `names.py`, the one rule for every
name a person types. Everything here works on `RoleNames` (a role's names, tools and
skills, not the whole profile) and a `NameIndex` from normalised names to roles, which the cache
stores: finding one role among 5,000 then scores each distinct name once
instead of every name of every role. Its small value types are NamedTuples,
which cost a tenth of a dataclass to define: `role show` imports this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from mktcareers.models import RoleNames
from mktcareers.names import MAX_SUGGESTIONS, name_scores, normalise, suggest


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
    candidates: tuple[str, ...] = ()  # slugs of the roles that share the name typed


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

    def titles(self, slugs: Iterable[str]) -> dict[str, str]:
        """slug -> title for those of `slugs` that are roles (a role's next roles)."""
        found = {slug: self.position(slug) for slug in slugs}
        return {slug: self.roles[at].title for slug, at in found.items() if at is not None}

    def resolve(self, query: str) -> RoleMatch:
        """The role `query` means: an exact name (`exact`), then a clear word match
        (`by_words`); else the closest slugs as suggestions, never a guess."""
        for step in (self.exact, self.by_words):
            match = step(query)
            if match is not None:
                return match
        return RoleMatch(None, self.suggest(query))

    def exact(self, query: str) -> RoleMatch | None:
        """A role whose slug, title (first) or alias is `query` after names.normalise;
        the slugs of all of them when several share that name; None when none has it."""
        wanted = normalise(query)
        for names in (self.index.primary, self.index.secondary):
            exact = names.get(wanted, [])
            if len(exact) == 1:
                return RoleMatch(exact[0])
            if len(exact) > 1:
                return RoleMatch(None, candidates=self._slugs(exact))
        return None

    def by_words(self, query: str) -> RoleMatch | None:
        """Every word of `query` is a whole word of a name ("seo" -> seo-specialist):
        slugs and titles before aliases, the role when one stands out, the slugs of
        the candidates when several do, None when none has them all."""
        words = set(normalise(query).split())
        if not words:
            return None
        for names in (self.index.primary, self.index.secondary):
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
        return None

    def suggest(self, query: str, limit: int = MAX_SUGGESTIONS) -> tuple[str, ...]:
        """The slugs of the roles whose slug, title or alias is closest to `query`,
        best first, by the one "did you mean" rule (names.suggest) over the index's
        names: each role once, at its closest name."""
        tiers = (self.index.primary, self.index.secondary)
        close = suggest(query, {name for names in tiers for name in names}, limit=None)
        positions = dict.fromkeys(
            position
            for name in close
            for position in sorted({*tiers[0].get(name, ()), *tiers[1].get(name, ())})
        )
        return self._slugs(list(positions)[:limit])

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
