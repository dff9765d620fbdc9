"""Resolve what a user typed to a role (exact names first, then clear word matches),
and search roles by their names, tools, skills and certifications, and O*NET occupations by their
titles (`search_all`).

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

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from mktcareers.models import RoleNames
from mktcareers.names import (
    MAX_SUGGESTIONS,
    STOP_WORDS,
    joined,
    name_scores,
    normalise,
    singular,
    suggest,
    too_vague,
)

if TYPE_CHECKING:
    from mktcareers.titles import TitleMatch, Titles


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
        for step in (self.exact, self.by_form, self.by_words):
            match = step(query)
            if match is not None:
                return match
        return RoleMatch(None, self.suggest(query))

    def by_form(self, query: str) -> RoleMatch | None:
        """A role whose slug or title (else alias) is `query` in the singular, then
        without spaces (names.singular, names.joined): "copywriters", "copy writer"."""
        wanted = normalise(query)
        for form in (singular, joined):
            found = self.named(wanted, form)
            if len(found) == 1:
                return RoleMatch(found[0])
            if found:
                return RoleMatch(None, candidates=self._slugs(found))
        return None

    def named(self, wanted: str, form: Callable[[str], str] | None = None) -> list[int]:
        """The roles whose slug or title (else alias) is `wanted` (normalised), compared
        in `form` (names.singular, names.joined) when given, in role order."""
        for names in (self.index.primary, self.index.secondary):
            if form is None:
                found = names.get(wanted, [])
            elif wanted:
                # A form never changes a name's first letter: most names stop there.
                typed, first = form(wanted), wanted[0]
                found = sorted(
                    {
                        at
                        for name, owners in names.items()
                        if name[:1] == first and form(name) == typed
                        for at in owners
                    }
                )
            else:
                found = []
            if found:
                return list(found)
        return []

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
        words = set(normalise(query).split()) - STOP_WORDS
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
        if not set(normalise(query).split()) - STOP_WORDS:
            return ()  # "and", "the": no name is close to them
        tiers = (self.index.primary, self.index.secondary)
        close = suggest(query, {name for names in tiers for name in names}, limit=None)
        positions = dict.fromkeys(
            position
            for name in close
            for position in sorted({*tiers[0].get(name, ()), *tiers[1].get(name, ())})
        )
        return self._slugs(list(positions)[:limit])

    def search(
        self, query: str, limit: int = 20, also: Mapping[int, Mapping[Matched, float]] | None = None
    ) -> list[SearchHit]:
        """Roles whose title, aliases, skills, tools or certifications match `query`,
        best first (a query `names.too_vague` matches only a name that is all of it);
        `also` adds matches found elsewhere (role position -> match -> weighted score 0-100)."""
        if too_vague(query):  # "the", "a": only a name that is the query itself
            wanted = normalise(query)
            scores = {wanted: 100.0} if wanted in self.index.terms else {}
        else:
            scores = name_scores(query, self.index.terms, SEARCH_CUTOFF)
        also = also or {}
        candidates = sorted(
            {position for name in scores for position in self.index.terms[name]} | set(also)
        )
        hits = []
        for position in candidates:
            role = self.roles[position]
            matches: dict[Matched, float] = dict(also.get(position, {}))  # each at its best
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
# A certification counts about as much as a tool in the middle of the list. It is
# found by its whole name, by its name without the parentheses ("Google Ads Search
# Certification") and by each part in parentheses (an acronym such as CISSP, or
# the issuer, such as HubSpot Academy): long names would otherwise miss the cutoff
# for a one-word query, which loses 2 points per extra word of the name.
CERTIFICATION_WEIGHT = 0.85
# Each further distinct match (up to 5) adds a little, so a role that matches by
# title, alias and skill ranks above one that matches by a single tool.
EXTRA_MATCH_BONUS, MAX_EXTRA_MATCHES = 1.0, 5
SEARCH_CUTOFF = 80


class Matched(NamedTuple):
    field: str  # title, alias, skill, tool, certification, alternate title, occupation title
    text: str
    code: str | None = None  # the O*NET-SOC code of an alternate or occupation title


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
    for certification in role.certifications:
        for part in certification_parts(certification):
            yield "certification", part, certification, CERTIFICATION_WEIGHT


def certification_parts(certification: str) -> tuple[str, ...]:
    """What a certification is found by: its whole name, the name before its first
    parenthesis and each part in parentheses ("CISSP", "ISC2"), each once, in that
    order. "Google Ads Search Certification (Google Skillshop)" -> itself, "Google
    Ads Search Certification", "Google Skillshop"."""
    name = certification.split("(", 1)[0]
    inside = re.findall(r"\(([^()]+)\)", certification)
    parts = (certification, name, *inside)
    return tuple(dict.fromkeys(part.strip() for part in parts if part.strip()))


def _search_texts(role: RoleNames):
    return (text for _, text, _, _ in _search_entries(role))


# ------------------------------------------------------------------ roles and occupations

# A role also matches by the alternate titles O*NET lists for its occupations: less
# than by its own names, and more through its main code (its highest weight) than
# through another, so a job-board title finds the role built on that occupation
# first. The code's share of the role (0-1) adds a little: of the roles built mainly
# on one occupation, the one that is most that occupation comes first. Only a role's
# best alternate title counts, so many alternates do not add up to a bonus.
ALTERNATE_MAIN_BASE, ALTERNATE_OTHER_BASE, ALTERNATE_PER_SHARE = 0.9, 0.8, 0.05
# An occupation matches by its title fully, by an alternate title a little less. Each
# further title that matches (up to 3) adds half a point: an occupation many of whose
# titles match ranks above one with a single close title, while 1.5 points are less
# than a title one word longer than the query, or a word of a short query mistyped,
# costs (benchmarks/search_titles.py measures the balance on O*NET's titles).
OCCUPATION_ALTERNATE_WEIGHT = 0.98
OCCUPATION_EXTRA_BONUS, OCCUPATION_MAX_EXTRA = 0.5, 3
KINDS = ("role", "occupation")


class OccupationHit(NamedTuple):
    code: str  # O*NET-SOC code
    title: str
    score: float  # 0-100
    matches: tuple[Matched, ...]  # best first
    roles: tuple[str, ...]  # slugs of the roles built on it, in role order


class Found(NamedTuple):
    roles: list[SearchHit]  # best first
    occupations: list[OccupationHit]  # best first


def search_all(
    finder: RoleFinder, titles: Titles, query: str, limit: int = 10, kinds: Iterable[str] = KINDS
) -> Found:
    """Roles matching `query` by their own names, skills and tools or by the alternate
    titles of their O*NET codes, and occupations matching it by their title or an
    alternate title; at most `limit` of each of `kinds` ("role", "occupation"), best
    first. Every text is compared after names.normalise, forgiving typos."""
    kinds = set(kinds)
    # a query of stop words or single letters is close to every title ("the", "a")
    matched = [] if too_vague(query) else list(titles.matches(query, SEARCH_CUTOFF))
    roles = []
    if "role" in kinds:
        roles = finder.search(query, limit=limit, also=_alternates_of_roles(titles, matched))
    occupations = []
    if "occupation" in kinds:
        occupations = _occupation_hits(finder, titles, matched, limit)
    return Found(roles, occupations)


def _alternates_of_roles(
    titles: Titles, matched: Iterable[TitleMatch]
) -> dict[int, dict[Matched, float]]:
    """role position -> {its best alternate-title match: weighted score 0-100}."""
    best: dict[int, tuple[float, TitleMatch]] = {}
    for match in matched:
        if match.is_title:
            continue
        for link in titles.role_links(match.occupation):
            base = ALTERNATE_MAIN_BASE if link.main else ALTERNATE_OTHER_BASE
            score = match.score * (base + ALTERNATE_PER_SHARE * link.share)
            if link.role not in best or score > best[link.role][0]:
                best[link.role] = (score, match)
    return {role: {_matched(titles, match): score} for role, (score, match) in best.items()}


def _occupation_hits(
    finder: RoleFinder, titles: Titles, matched: Iterable[TitleMatch], limit: int
) -> list[OccupationHit]:
    """The `limit` best occupations with a matching title; ties in O*NET's order."""
    by_occupation: dict[int, dict[TitleMatch, float]] = {}
    for match in matched:
        weight = 1.0 if match.is_title else OCCUPATION_ALTERNATE_WEIGHT
        by_occupation.setdefault(match.occupation, {})[match] = match.score * weight
    scored = []
    for occupation, matches in by_occupation.items():
        extra = min(OCCUPATION_MAX_EXTRA, len(matches) - 1)
        score = round(min(100.0, max(matches.values()) + OCCUPATION_EXTRA_BONUS * extra), 1)
        scored.append((-score, occupation))
    hits = []
    for negative_score, occupation in sorted(scored)[:limit]:
        matches = by_occupation[occupation]
        best = sorted(matches, key=lambda match: -matches[match])
        hits.append(
            OccupationHit(
                code=titles.index.codes[occupation],
                title=titles.index.titles[occupation],
                score=-negative_score,
                matches=tuple(dict.fromkeys(_matched(titles, match) for match in best)),
                roles=tuple(finder.roles[link.role].slug for link in titles.role_links(occupation)),
            )
        )
    return hits


def _matched(titles: Titles, match: TitleMatch) -> Matched:
    """What a title match shows: its field, its text as written, its code."""
    field = "occupation title" if match.is_title else "alternate title"
    return Matched(field, titles.written(match), titles.index.codes[match.occupation])
