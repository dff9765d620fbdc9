"""Resolve what a user typed to a role: exact names first, then clear word matches.

A typo is never silently "corrected": it gets suggestions instead, so
`role show seo-specalist` says "Did you mean: seo-specialist?" while
`role show seo` and `role show "SEO Analyst"` resolve directly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mktcareers.models import Role

SUGGESTION_CUTOFF = 60
# Suggestions must also be close to the best one, so a clear typo gets one answer.
SUGGESTION_SPREAD = 10
MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class RoleMatch:
    role: Role | None
    suggestions: tuple[str, ...] = ()  # slugs, best first, when role is None


def normalise(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9+#]+", text.lower()))


def _names(role: Role) -> tuple[list[str], list[str]]:
    """(primary names: slug and title, secondary names: aliases), normalised."""
    return [normalise(role.slug), normalise(role.title)], [
        normalise(alias) for alias in role.aliases
    ]


def resolve_role(query: str, roles: Sequence[Role]) -> RoleMatch:
    wanted = normalise(query)
    if not wanted:
        return RoleMatch(None, ())
    # Each role's names, normalised once: (slug and title, aliases).
    names = [(role, _names(role)) for role in roles]
    # 1. An exact slug, title or alias.
    for tier in (0, 1):
        exact = [role for role, tiers in names if wanted in tiers[tier]]
        if len(exact) == 1:
            return RoleMatch(exact[0])
        if len(exact) > 1:
            return RoleMatch(None, tuple(role.slug for role in exact))
    # 2. Every word of the query appears as a whole word in a name: prefer roles
    # whose slug or title has it, and resolve only when one role stands out.
    words = set(wanted.split())
    for tier in (0, 1):
        hits = [
            role for role, tiers in names if any(words <= set(name.split()) for name in tiers[tier])
        ]
        if len(hits) == 1:
            return RoleMatch(hits[0])
        if len(hits) > 1:
            return RoleMatch(None, tuple(role.slug for role in hits[: MAX_SUGGESTIONS * 2]))
    # 3. No clear match: offer the closest names.
    return RoleMatch(None, suggest_roles(query, roles))


def suggest_roles(
    query: str, roles: Sequence[Role], limit: int = MAX_SUGGESTIONS
) -> tuple[str, ...]:
    """The closest roles by name, best first, scored word by word.

    Each query word is matched to its most similar word in a name (so "emial"
    still finds "email"), and a name scores the mean over the query's words.
    Scoring whole strings instead lets one shared word such as "marketing"
    outweigh a near-miss on the word that matters.
    """
    named = [(name.split(), role.slug) for role in roles for tier in _names(role) for name in tier]
    ranked = rank_names(query, named)
    slugs: list[str] = []
    best = ranked[0][1] if ranked else 0
    for slug, score in ranked:
        if score < SUGGESTION_CUTOFF or score < best - SUGGESTION_SPREAD:
            break
        if slug not in slugs:
            slugs.append(slug)
        if len(slugs) == limit:
            break
    return tuple(slugs)


def rank_names(query: str, named: Sequence[tuple[list[str], object]]) -> list[tuple[object, float]]:
    """(owner, score 0-100) for every (name words, owner) pair, best first."""
    from rapidfuzz import fuzz, process

    query_words = normalise(query).split()
    if not query_words:
        return []
    vocabulary = sorted({word for words, _ in named for word in words})
    if not vocabulary:
        return []
    # One C-level pass per query word: its similarity to every known word.
    similarity = [
        {
            word: score
            for word, score, _ in process.extract(
                query_word, vocabulary, scorer=fuzz.ratio, limit=None
            )
        }
        for query_word in query_words
    ]
    scored = []
    for words, owner in named:
        per_word = [max(row[word] for word in words) for row in similarity]
        # A small penalty for extra words favours the tightest name.
        extra = max(0, len(words) - len(query_words))
        scored.append((owner, sum(per_word) / len(per_word) - 2 * extra))
    scored.sort(key=lambda item: -item[1])
    return scored


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


@dataclass(frozen=True)
class Matched:
    field: str  # title, slug, alias, skill or tool
    text: str


@dataclass(frozen=True)
class SearchHit:
    role: Role
    score: float  # 0-100
    matches: tuple[Matched, ...]  # best first


def search_roles(query: str, roles: Sequence[Role], limit: int = 20) -> list[SearchHit]:
    """Roles whose title, aliases, skills or tools match `query`, best first."""
    fields: list[tuple[list[str], tuple[int, str, str, float]]] = []
    for index, role in enumerate(roles):
        # (field, text to match, text to show, weight)
        entries = [("title", role.title, role.title, 1.0), ("slug", role.slug, role.title, 1.0)]
        entries += [("alias", alias, alias, ALIAS_WEIGHT) for alias in role.aliases]
        entries += [
            ("tool", tool, tool, TOOL_BASE + TOOL_SPREAD * (1 - position / len(role.tools)))
            for position, tool in enumerate(role.tools)
        ]
        for skill in role.skills:
            weight = SKILL_BASE + SKILL_PER_LEVEL * skill.level
            entries += [("skill", name, skill.name, weight) for name in (skill.name, skill.id)]
        for field, text, shown, weight in entries:
            fields.append((normalise(text).split(), (index, field, shown, weight)))
    best: dict[int, tuple[float, list[tuple[float, Matched]]]] = {}
    for match_score, (index, field, text, weight) in _scores(query, fields):
        if match_score < SEARCH_CUTOFF:
            continue
        weighted = match_score * weight
        shown = Matched("title" if field == "slug" else field, text)
        top, matches = best.get(index, (0.0, []))
        if all(existing != shown for _, existing in matches):
            matches.append((weighted, shown))
        best[index] = (max(top, weighted), matches)
    hits = []
    for index, (top, matches) in best.items():
        extra = min(MAX_EXTRA_MATCHES, len(matches) - 1)
        ordered = tuple(match for _, match in sorted(matches, key=lambda item: -item[0]))
        hits.append(
            SearchHit(roles[index], round(min(100.0, top + EXTRA_MATCH_BONUS * extra), 1), ordered)
        )
    # Ties go to roles matched by their title, then alphabetically.
    hits.sort(
        key=lambda hit: (
            -hit.score,
            all(match.field != "title" for match in hit.matches),
            hit.role.title.lower(),
        )
    )
    return hits[:limit]


def _scores(query: str, fields):
    """(match score, payload) for each (words, payload), unsorted."""
    ranked = rank_names(query, [(words, position) for position, (words, _) in enumerate(fields)])
    for position, score in ranked:
        yield score, fields[position][1]
