"""Names of roles that mean the same after normalisation, found for `kb validate`.

A person types a role's slug, title or an alias, and names.normalise decides which
names are the same (NFKC, case folding, no accents: a full-width 'Copywriter'
and an NFD 'RÉFÉRENCEUR' are 'copywriter' and 'referenceur'). Two roles answering to
one name make that name ambiguous, so each such pair is a Problem on the later name,
naming the other role:

- a role's title or alias that is another role's slug, title or alias;
- a name a role gives twice (an alias that is its own title, or an alias listed
  twice). A title or alias that reads as the role's own slug is not reported: a
  slug must be typed exactly, and the title or alias lets a person type words.

Each name is checked against the first that gave it (titles, then slugs, then
aliases, in the order of the roles), so a name that n roles share is n - 1
problems, not one per pair.
Commands still load such a knowledge base: resolving a shared name lists every role.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from mktcareers.kb import yamldoc
from mktcareers.kb.errors import Problem
from mktcareers.kb.fields import format_path
from mktcareers.models import Role
from mktcareers.names import normalise


class _Name(NamedTuple):
    rank: int  # 0 title, 1 slug, 2 alias: the order in which names own a name
    order: int  # the role's place in the knowledge base
    role: Role
    field: yamldoc.Path
    text: str


_KINDS = ("title", "slug", "alias")


def name_collisions(roles: Iterable[Role], root: Path) -> list[Problem]:
    """A Problem for each name of `roles` that means the same as an earlier one."""
    by_name: dict[str, list[_Name]] = {}
    for order, role in enumerate(roles):
        names = [_Name(0, order, role, ("title",), role.title)]
        names.append(_Name(1, order, role, ("slug",), role.slug))
        names += [
            _Name(2, order, role, ("aliases", index), alias)
            for index, alias in enumerate(role.aliases)
        ]
        for name in names:
            by_name.setdefault(normalise(name.text), []).append(name)
    found: list[tuple[_Name, _Name]] = []
    for names in by_name.values():
        if len(names) == 1:
            continue
        names.sort(key=lambda name: (name.rank, name.order))
        first = names[0]
        for position, name in enumerate(names[1:], 1):
            other = first
            if name.role is first.role and 1 in (name.rank, first.rank):
                # A title or alias may spell out the role's own slug, once.
                earlier = names[:position]
                other = next((n for n in earlier if n.role is name.role and n.rank != 1), None)
                if other is None or name.rank == 1:
                    continue
            found.append((name, other))
    found.sort(key=lambda pair: (pair[0].order, pair[0].rank, pair[0].field))
    documents: dict[str, yamldoc.Document | None] = {}
    return [_problem(name, first, _line(root, name, documents)) for name, first in found]


def _problem(name: _Name, first: _Name, line: int | None) -> Problem:
    owner = "this role" if first.role is name.role else f"role '{first.role.slug}'"
    message = (
        f"{_KINDS[name.rank]} '{name.text}' is the same name as {_KINDS[first.rank]} "
        f"'{first.text}' of {owner} ({first.role.path} {format_path(first.field)})"
    )
    if name.text != first.text:
        message += " once normalised"
    return Problem(name.role.path, line, format_path(name.field), message)


def _line(root: Path, name: _Name, documents: dict[str, yamldoc.Document | None]) -> int | None:
    """The line of the name in its role file, read again (once per file with a problem:
    loading keeps no documents, and valid knowledge bases have no collisions)."""
    path = name.role.path
    if path not in documents:
        try:
            documents[path] = yamldoc.read(root / path)
        except (OSError, yamldoc.YamlDocError):
            documents[path] = None
    document = documents[path]
    return None if document is None else document.line_of(name.field)
