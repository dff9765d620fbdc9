"""What a typed name means when it may be a role or an O*NET occupation (`path FROM`).

One order, never a guess: an exact role slug or O*NET-SOC code; then a role's title
or alias, or an occupation's title (as typed, then in the singular, "registered
nurse" for "Registered Nurses", then without spaces, "copy writer" for "Copywriter");
then an O*NET alternate title (as typed, then in the singular); then a clear word
match of a role ("seo" -> seo-specialist; words such as "and" match nothing). A
name that several roles or occupations share at the first step that finds it gives
all of them as candidates; a name nothing has gives the closest names of both kinds
as suggestions. Every name is compared after names.normalise (NFKC, case folding,
accents and punctuation).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from mktcareers.names import (
    MAX_SUGGESTIONS,
    STOP_WORDS,
    closest,
    joined,
    normalise,
    singular,
    spelling_scores,
    suggestion_floor,
)
from mktcareers.occupations import code_position, label, occupation_scores

if TYPE_CHECKING:
    from mktcareers.search import RoleFinder
    from mktcareers.titles import Titles

ROLE, OCCUPATION = "role", "occupation"


class Resolved(NamedTuple):
    """A role (`kind` ROLE, `position` in the finder's roles) or an occupation (`kind`
    OCCUPATION, `position` in the occupation index); else `kind` is "" and the name
    gave `candidates` (labels such as "seo-specialist (SEO Specialist)" or
    "27-3023.00 (News Analysts, ...)") or `suggestions` (slugs and labels)."""

    kind: str
    position: int | None = None
    candidates: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    via: str = ""  # what matched: "slug", "code", "title", "alternate title", "words"


def role_label(finder: RoleFinder, position: int) -> str:
    """'seo-specialist (SEO Specialist)'."""
    role = finder.roles[position]
    return f"{role.slug} ({role.title})"


def resolve_name(finder: RoleFinder, titles: Titles, name: str, *, roles: bool = True) -> Resolved:
    """The role or occupation `name` means (see the module's docstring); without
    `roles`, only an occupation (for a caller that has looked for a role already),
    and no suggestions."""
    wanted = normalise(name)
    if not wanted:
        return Resolved("")
    primary = finder.index.primary.get(wanted, []) if roles else []
    slugs = [at for at in primary if normalise(finder.roles[at].slug) == wanted]
    if len(slugs) == 1:
        return Resolved(ROLE, slugs[0], via="slug")
    code = code_position(titles, name)
    if code is not None:
        return Resolved(OCCUPATION, code, via="code")
    exact = cache(lambda: titles.exact(name))  # (titles, alternate titles), once each
    folded = cache(lambda: titles.singular(name))
    tiers = (
        # a role's title or alias, an occupation's title: as typed or in the singular
        # (one step: "web developers" is the role as much as the occupation), then
        # without spaces; then an alternate title: as typed, then in the singular
        (
            lambda: _union(finder.named(wanted), finder.named(wanted, singular)),
            lambda: _union(exact()[0], folded()[0]),
            "title",
        ),
        (lambda: finder.named(wanted, joined), lambda: titles.joined_title(name), "title"),
        (list, lambda: exact()[1], "alternate title"),
        (list, lambda: folded()[1], "alternate title"),
    )
    for named, occupations, via in tiers:
        found_roles = set(named() if roles else ())
        found = [(ROLE, at) for at in sorted(found_roles)]
        # an occupation a found role is built on is that role's job, not another one
        found += [
            (OCCUPATION, at)
            for at in occupations()
            if not found_roles & {link.role for link in titles.role_links(at)}
        ]
        if len(found) == 1:
            return Resolved(*found[0], via=via)
        if found:
            labels = (
                role_label(finder, at) if kind == ROLE else label(titles, at) for kind, at in found
            )
            return Resolved("", candidates=tuple(labels))
    if not roles:
        return Resolved("")
    match = finder.by_words(name)
    if match is not None and match.position is not None:
        return Resolved(ROLE, match.position, via="words")
    if match is not None:
        return Resolved("", suggestions=match.suggestions)
    return Resolved("", suggestions=suggest_any(finder, titles, name))


def _union(first: list[int], second: list[int]) -> list[int]:
    return sorted({*first, *second})


def suggest_any(
    finder: RoleFinder, titles: Titles, name: str, limit: int = MAX_SUGGESTIONS
) -> tuple[str, ...]:
    """The closest role slugs and occupation labels to `name`, best first, by the one
    suggestion rule (names.closest) over every role's slug, title and aliases and every
    occupation's title and alternate titles; a role wins a tie."""
    floor = suggestion_floor(name)
    if floor is None or not set(normalise(name).split()) - STOP_WORDS:
        return ()  # "and", "the", "x": no name is close to them
    scores = occupation_scores(titles, name)
    names = {**finder.index.secondary, **finder.index.primary}
    slugs = set()
    for spelling, score in spelling_scores(name, names, floor).items():
        for position in names[spelling]:
            slug = finder.roles[position].slug
            scores[slug] = max(score, scores.get(slug, 0.0))
            slugs.add(slug)
    return tuple(closest(scores, limit, prefer=slugs, query=name))
