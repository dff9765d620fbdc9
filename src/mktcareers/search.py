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
    # 1. An exact slug, title or alias.
    for tier in (0, 1):
        exact = [role for role in roles if wanted in _names(role)[tier]]
        if len(exact) == 1:
            return RoleMatch(exact[0])
        if len(exact) > 1:
            return RoleMatch(None, tuple(role.slug for role in exact))
    # 2. Every word of the query appears as a whole word in a name: prefer roles
    # whose slug or title has it, and resolve only when one role stands out.
    words = set(wanted.split())
    for tier in (0, 1):
        hits = [
            role for role in roles if any(words <= set(name.split()) for name in _names(role)[tier])
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
    named = [
        (name.split(), role.slug) for role in roles for name in _names(role)[0] + _names(role)[1]
    ]
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


def rank_names(query: str, named: Sequence[tuple[list[str], str]]) -> list[tuple[str, float]]:
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
