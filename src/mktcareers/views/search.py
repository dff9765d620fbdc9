"""`search`: the roles and occupations that match, with what matched, as a table or as
records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mktcareers.views.widgets import Either, group, table, text

if TYPE_CHECKING:
    from rich.console import RenderableType

    from mktcareers.search import Found, Matched, OccupationHit, SearchHit
    from mktcareers.views.inert import InertText

SHOWN_MATCHES = 3


def search_table(found: Found) -> RenderableType:
    """One row per hit, roles first: its score, then its kind and name (a role's slug,
    and title, an occupation's code and title), the roles built on an occupation, and the first
    three things that matched, each on a line of its own. Two columns read at any
    width: a slug or title is never cut mid-word to make room for a third. Where the
    longest word (a slug) would not fit beside the score, each hit is a paragraph
    starting with its score instead, so a slug folds only when wider than the screen."""
    hits = table()
    stacked: list[RenderableType] = []
    hits.add_column("Score", justify="right", no_wrap=True)
    hits.add_column("Role or O*NET occupation, and what matched", overflow="fold", ratio=1)
    for hit in found.roles:
        found_text = _named("role", hit.role.slug)
        found_text.append(f" {hit.role.title}")
        found_text.append(_matched(hit.matches, with_codes=True))
        hits.add_row(f"{hit.score:.0f}", found_text)
        stacked.append(_paragraph(hit.score, found_text))
    for hit in found.occupations:
        found_text = _named("occupation", f"{hit.code} {hit.title}")
        if hit.roles:
            found_text.append("\nroles built on it: ", style="dim")
            found_text.append(", ".join(hit.roles))
        found_text.append(_matched(hit.matches, with_codes=False))
        hits.add_row(f"{hit.score:.0f}", found_text)
        stacked.append(_paragraph(hit.score, found_text))
    return Either(hits, group(*stacked))


def _paragraph(score: float, found_text: InertText) -> InertText:
    """One hit on lines of its own: 'score 95: role SLUG Title', then what matched."""
    paragraph = text(f"score {score:.0f}: ", style="bold")
    return paragraph.append(found_text).append("\n")


def _named(kind: str, name: str) -> InertText:
    named = text(f"{kind} ", style="dim")
    named.append(name, style="bold")
    return named


def _matched(matches: tuple[Matched, ...], with_codes: bool) -> InertText:
    """A line per match: '\nalternate title of 13-1161.01: SEO Strategist', the code
    left out `with_codes` False (an occupation's row names it already)."""
    matched = text()
    for match in matches[:SHOWN_MATCHES]:
        field = match.field
        if with_codes and match.field == "alternate title":
            field = f"alternate title of {match.code}"
        matched.append(f"\n{field}: ", style="dim")
        matched.append(match.text)
    return matched


def search_rows(found: Found) -> list[dict]:
    """The records of --format: roles first, each with the same fields."""
    return [*map(search_row, found.roles), *map(occupation_row, found.occupations)]


def search_row(hit: SearchHit) -> dict:
    """A role's record: the fields role rows always had, then kind, code (None) and
    roles ([]), which every row has."""
    return {
        "slug": hit.role.slug,
        "title": hit.role.title,
        "family": hit.role.family,
        "score": hit.score,
        "matches": _match_records(hit.matches),
        "kind": "role",
        "code": None,
        "roles": [],
    }


def occupation_row(hit: OccupationHit) -> dict:
    """An occupation's record: the fields of a role's row, slug and family None, with
    its O*NET-SOC code and the slugs of the roles built on it."""
    return {
        "slug": None,
        "title": hit.title,
        "family": None,
        "score": hit.score,
        "matches": _match_records(hit.matches),
        "kind": "occupation",
        "code": hit.code,
        "roles": list(hit.roles),
    }


def _match_records(matches: tuple[Matched, ...]) -> list[dict]:
    """{"field", "text"}, as ever, and "code" for a match on an O*NET title."""
    return [
        {"field": match.field, "text": match.text}
        | ({"code": match.code} if match.code is not None else {})
        for match in matches
    ]
