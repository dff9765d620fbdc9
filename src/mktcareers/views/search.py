"""`search`: the roles that match, with what matched, as a table or as records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mktcareers.views.widgets import table, text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.table import Table

    from mktcareers.search import SearchHit


def search_table(hits: Sequence[SearchHit]) -> Table:
    """One line per hit: its slug, its score and the first three things that matched."""
    found = table()
    longest_slug = max((len(hit.role.slug) for hit in hits), default=4)
    found.add_column("Slug", no_wrap=True, min_width=longest_slug)
    found.add_column("Score", justify="right", no_wrap=True)
    found.add_column("Matched", overflow="fold", ratio=1)
    for hit in hits:
        matched = text()
        for index, match in enumerate(hit.matches[:3]):
            if index:
                matched.append("; ")
            matched.append(f"{match.field}: ", style="dim")
            matched.append(match.text)
        found.add_row(text(hit.role.slug), f"{hit.score:.0f}", matched)
    return found


def search_row(hit: SearchHit) -> dict:
    return {
        "slug": hit.role.slug,
        "title": hit.role.title,
        "family": hit.role.family,
        "score": hit.score,
        "matches": [{"field": match.field, "text": match.text} for match in hit.matches],
    }
