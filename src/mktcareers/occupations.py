"""Finding an O*NET occupation by what a person types: its code, title or an alternate title.

Every function takes the occupations' titles.Titles (the compiled store's `titles()`):
codes and titles by position, exact lookups and typo-tolerant scores of every title.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from mktcareers.titles import Titles

from mktcareers.names import closest, suggestion_floor

# An O*NET-SOC code, with or without the ".00" of an occupation O*NET does not split.
_CODE = re.compile(r"\d\d-\d{4}(?:\.\d\d)?")


class OccupationMatch(NamedTuple):
    """`position` of the occupation a name means; else `candidates` (positions) when it
    names several, or `suggestions` (labels, best first) when it names none."""

    position: int | None
    candidates: tuple[int, ...] = ()
    suggestions: tuple[str, ...] = ()
    via: str = ""  # what matched: "code", "title" or "alternate title"


def label(titles: Titles, position: int) -> str:
    """'27-3023.00 (News Analysts, Reporters, and Journalists)'."""
    return f"{titles.codes[position]} ({titles.titles[position]})"


def is_code(name: str) -> bool:
    """Whether `name` is written as an O*NET-SOC code: 27-3023.00, or 27-3023."""
    return _CODE.fullmatch(code_text(name)) is not None


# Dashes a keyboard or a word processor puts in place of a hyphen.
_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_SIX_DIGITS = re.compile(r"(\d\d)(\d{4}(?:\.\d\d)?)")


def code_text(name: str) -> str:
    """`name` as a code is written: NFKC (full-width digits), any dash a hyphen, no
    surrounding spaces, and six digits split as O*NET does (273023 is 27-3023)."""
    from unicodedata import normalize

    typed = _DASHES.sub("-", normalize("NFKC", name)).strip()
    return _SIX_DIGITS.sub(r"\1-\2", typed) if _SIX_DIGITS.fullmatch(typed) else typed


def code_position(titles: Titles, name: str) -> int | None:
    """The position of the occupation whose O*NET-SOC code `name` is (".00" may be
    left out), None when `name` is no code of the index."""
    typed = code_text(name)
    if not _CODE.fullmatch(typed):
        return None
    code = typed if "." in typed else f"{typed}.00"
    codes = titles.codes
    return codes.index(code) if code in codes else None


# What a person types when they mean a code: digits, with dashes or dots between.
_CODE_LIKE = re.compile(r"[\d\s.-]*\d[\d\s.-]*")
CODE_FORM = "two digits, a dash, four digits and optionally a dot and two digits (27-3023.00)"


def code_problem(titles: Titles, name: str) -> tuple[str, tuple[str, ...]] | None:
    """(what is wrong, codes that are close) when `name` is meant as an O*NET-SOC code
    (digits with dashes or dots) but is none of the index; None otherwise."""
    typed = code_text(name)
    if not _CODE_LIKE.fullmatch(typed) or code_position(titles, typed) is not None:
        return None
    if not _CODE.fullmatch(typed):
        return f"'{typed}' is not written as an O*NET-SOC code: {CODE_FORM}.", ()
    code = typed if "." in typed else f"{typed}.00"
    for prefix in (code[:7], code[:6], code[:4], code[:2]):  # detailed, broad, minor, major
        close = [at for at, other in enumerate(titles.codes) if other.startswith(prefix)]
        if close:
            return f"no O*NET occupation has the code {code}.", tuple(
                label(titles, at) for at in close[:3]
            )
    return f"no O*NET occupation has the code {code}.", ()


def resolve_occupation(titles: Titles, name: str) -> OccupationMatch:
    """The occupation `name` means: an exact code (".00" may be left out), then its
    title (as typed, in the singular, without spaces), then an alternate title (as
    typed, in the singular), each after names.normalise; never a guess."""
    position = code_position(titles, name)
    if position is not None:
        return OccupationMatch(position, via="code")
    exact, folded = titles.exact(name), titles.singular(name)
    tiers = (
        (sorted({*exact[0], *folded[0]}), "title"),
        (titles.joined_title(name), "title"),
        (exact[1], "alternate title"),
        (folded[1], "alternate title"),
    )
    for positions, via in tiers:
        if len(positions) == 1:
            return OccupationMatch(positions[0], via=via)
        if positions:
            return OccupationMatch(None, candidates=tuple(positions))
    close = closest(occupation_scores(titles, name), query=name)
    return OccupationMatch(None, suggestions=tuple(close))


def occupation_scores(titles: Titles, name: str) -> dict[str, float]:
    """label -> the best score (0-100, at least names.suggestion_floor(name)) of any
    title or alternate title of each occupation close to `name`, by the rule of
    names.name_scores; {} for a name too short for suggestions."""
    scores: dict[str, float] = {}
    floor = suggestion_floor(name)
    if floor is None:
        return scores
    for match in titles.matches(name, floor):
        key = label(titles, match.occupation)
        scores[key] = max(match.score, scores.get(key, 0.0))
    return scores
