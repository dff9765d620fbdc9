"""Finding an O*NET occupation by what a person types: its code, title or an alternate title."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from mktcareers.models import Occupation, OccupationIndex
from mktcareers.names import normalise, normalise_all, suggest

# An O*NET-SOC code, with or without the ".00" of an occupation O*NET does not split.
_CODE = re.compile(r"\d\d-\d{4}(?:\.\d\d)?")


class OccupationMatch(NamedTuple):
    """`position` of the occupation a name means; else `candidates` (positions) when it
    names several, or `suggestions` (labels, best first) when it names none."""

    position: int | None
    candidates: tuple[int, ...] = ()
    suggestions: tuple[str, ...] = ()


def build_index(
    occupations: Sequence[Occupation], names: Sequence[str] | None = None
) -> OccupationIndex:
    """The name index of `occupations`, positions in their order. `names`, when given,
    are their titles normalised as names.normalise_all gives them: each occupation's
    title, then its alternate titles (titles.normalised_titles), not normalised again."""
    if names is None:
        names = normalise_all(
            [
                text
                for occupation in occupations
                for text in (occupation.title, *occupation.alternate_titles)
            ]
        )
    by_title: dict[str, list[int]] = {}
    by_alternate: dict[str, list[int]] = {}
    entry = 0
    for position, occupation in enumerate(occupations):
        by_title.setdefault(names[entry], []).append(position)
        for name in names[entry + 1 : entry + 1 + len(occupation.alternate_titles)]:
            positions = by_alternate.get(name)
            if positions is None:
                by_alternate[name] = [position]
            elif positions[-1] != position:  # "TV Reporter" and "TV reporter" are one name
                positions.append(position)
        entry += 1 + len(occupation.alternate_titles)
    return OccupationIndex(
        codes=tuple(occupation.code for occupation in occupations),
        titles=tuple(occupation.title for occupation in occupations),
        by_title=by_title,
        by_alternate=by_alternate,
    )


def label(index: OccupationIndex, position: int) -> str:
    """'27-3023.00 (News Analysts, Reporters, and Journalists)'."""
    return f"{index.codes[position]} ({index.titles[position]})"


def is_code(name: str) -> bool:
    """Whether `name` is written as an O*NET-SOC code: 27-3023.00, or 27-3023."""
    return _CODE.fullmatch(name.strip()) is not None


def code_position(index: OccupationIndex, name: str) -> int | None:
    """The position of the occupation whose O*NET-SOC code `name` is (".00" may be
    left out), None when `name` is no code of the index."""
    typed = name.strip()
    if not _CODE.fullmatch(typed):
        return None
    code = typed if "." in typed else f"{typed}.00"
    return index.codes.index(code) if code in index.codes else None


# What a person types when they mean a code: digits, with dashes or dots between.
_CODE_LIKE = re.compile(r"[\d\s.-]*\d[\d\s.-]*")
CODE_FORM = "two digits, a dash, four digits and optionally a dot and two digits (27-3023.00)"


def code_problem(index: OccupationIndex, name: str) -> tuple[str, tuple[str, ...]] | None:
    """(what is wrong, codes that are close) when `name` is meant as an O*NET-SOC code
    (digits with dashes or dots) but is none of the index; None otherwise."""
    typed = name.strip()
    if not _CODE_LIKE.fullmatch(typed) or code_position(index, typed) is not None:
        return None
    if not _CODE.fullmatch(typed):
        return f"'{typed}' is not written as an O*NET-SOC code: {CODE_FORM}.", ()
    code = typed if "." in typed else f"{typed}.00"
    for prefix in (code[:7], code[:6], code[:4], code[:2]):  # detailed, broad, minor, major
        close = [at for at, other in enumerate(index.codes) if other.startswith(prefix)]
        if close:
            return f"no O*NET occupation has the code {code}.", tuple(
                label(index, at) for at in close[:3]
            )
    return f"no O*NET occupation has the code {code}.", ()


def resolve_occupation(index: OccupationIndex, name: str) -> OccupationMatch:
    """The occupation `name` means: an exact code (".00" may be left out), then an exact
    title, then an exact alternate title, each after names.normalise; never a guess."""
    position = code_position(index, name)
    if position is not None:
        return OccupationMatch(position)
    wanted = normalise(name)
    for table in (index.by_title, index.by_alternate):
        positions = table.get(wanted, [])
        if len(positions) == 1:
            return OccupationMatch(positions[0])
        if positions:
            return OccupationMatch(None, candidates=tuple(positions))
    spellings = {
        spelling: label(index, position)
        for table in (index.by_alternate, index.by_title)  # a title wins a shared spelling
        for spelling, positions in table.items()
        for position in positions
    }
    return OccupationMatch(None, suggestions=tuple(suggest(name, spellings)))
