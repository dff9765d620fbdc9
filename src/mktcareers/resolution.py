"""What a typed name means when it may be a role or an O*NET occupation (`path FROM`).

One order, never a guess: an exact role slug or O*NET-SOC code; then an exact role
title or alias, or occupation title; then an exact O*NET alternate title; then a
clear word match of a role ("seo" -> seo-specialist). A name that several roles or
occupations share at the first step that finds it gives all of them as candidates;
a name nothing has gives the closest names of both kinds as suggestions. Every name
is compared after names.normalise (NFKC, case folding, accents and punctuation).
"""

from __future__ import annotations

from typing import NamedTuple

from mktcareers.models import OccupationIndex
from mktcareers.names import MAX_SUGGESTIONS, normalise, suggest
from mktcareers.occupations import code_position, label
from mktcareers.search import RoleFinder

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


def role_label(finder: RoleFinder, position: int) -> str:
    """'seo-specialist (SEO Specialist)'."""
    role = finder.roles[position]
    return f"{role.slug} ({role.title})"


def resolve_name(finder: RoleFinder, index: OccupationIndex, name: str) -> Resolved:
    """The role or occupation `name` means (see the module's docstring)."""
    wanted = normalise(name)
    if not wanted:
        return Resolved("")
    primary = finder.index.primary.get(wanted, [])
    slugs = [at for at in primary if normalise(finder.roles[at].slug) == wanted]
    if len(slugs) == 1:
        return Resolved(ROLE, slugs[0])
    code = code_position(index, name)
    if code is not None:
        return Resolved(OCCUPATION, code)
    roles = primary or finder.index.secondary.get(wanted, [])
    titled = index.by_title.get(wanted, [])
    found = [(ROLE, at) for at in roles] + [(OCCUPATION, at) for at in titled]
    if not found:
        found = [(OCCUPATION, at) for at in index.by_alternate.get(wanted, [])]
    if not found:
        match = finder.by_words(name)
        if match is not None and match.position is not None:
            return Resolved(ROLE, match.position)
        if match is not None:
            return Resolved("", suggestions=match.suggestions)
        return Resolved("", suggestions=suggest_any(finder, index, name))
    if len(found) == 1:
        return Resolved(*found[0])
    return Resolved(
        "",
        candidates=tuple(
            role_label(finder, at) if kind == ROLE else label(index, at) for kind, at in found
        ),
    )


def suggest_any(
    finder: RoleFinder, index: OccupationIndex, name: str, limit: int = MAX_SUGGESTIONS
) -> tuple[str, ...]:
    """The closest role slugs and occupation labels to `name`, best first, by the one
    suggestion rule (names.suggest) over every role name and occupation title and
    alternate title (a role's own name wins a spelling it shares)."""
    spellings: dict[str, str] = {}
    for table, labelled in (
        (index.by_alternate, lambda at: label(index, at)),
        (index.by_title, lambda at: label(index, at)),
        (finder.index.secondary, lambda at: finder.roles[at].slug),
        (finder.index.primary, lambda at: finder.roles[at].slug),
    ):
        for spelling, positions in table.items():
            spellings[spelling] = labelled(positions[0])
    return tuple(suggest(name, spellings, limit=limit))
