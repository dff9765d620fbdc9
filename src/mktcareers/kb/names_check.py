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

Tools are names too: two spellings of one tool ('Jira' and 'Atlassian Jira') make
`compare` count it twice. tool_near_duplicates finds them for `kb validate` as
warnings, which do not fail validation.
"""

from __future__ import annotations

import re
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
    return _line_of(root, name.role.path, name.field, documents)


def _line_of(
    root: Path, path: str, field: yamldoc.Path, documents: dict[str, yamldoc.Document | None]
) -> int | None:
    """The line of `field` in the role file at `path`, each file read once."""
    if path not in documents:
        try:
            documents[path] = yamldoc.read(root / path)
        except (OSError, yamldoc.YamlDocError):
            documents[path] = None
    document = documents[path]
    return None if document is None else document.line_of(field)


# Two tool names are one tool spelled two ways when, word by word, each word is the same
# or at least this alike (rapidfuzz ratio, 0-100): "Hootsuit" and "Hootsuite" (94),
# "Tablaeu" and "Tableau" (86). Words shorter than TOOL_FUZZY_LENGTH must be equal, so
# "Google Ad Manager" and "Google Tag Manager" stay two tools, as do product lines that
# add a word ("Google Ads Editor" beside "Google Ads").
TOOL_SIMILARITY = 85
TOOL_FUZZY_LENGTH = 5
_PARENTHESES = re.compile(r"\([^)]*\)")


class _Tool(NamedTuple):
    order: int  # the role's place in the knowledge base
    role: Role
    index: int  # the tool's place in the role's list
    text: str


def tool_key(name: str) -> str:
    """A tool's name for comparing: without parentheses, normalised (names.normalise) and
    without spaces ('Amazon Web Services (AWS)' and 'amazon webservices' are one key)."""
    return normalise(_PARENTHESES.sub(" ", name)).replace(" ", "")


def _asides(name: str) -> set[str]:
    """The keys of what `name` says in parentheses (an acronym, usually)."""
    return {tool_key(aside) for aside in re.findall(r"\(([^)]*)\)", name)}


def _words(name: str) -> str:
    return normalise(_PARENTHESES.sub(" ", name))


def _vendor_prefixed(longer: str, shorter: str) -> bool:
    """Whether `longer` is `shorter` with words in front ('Atlassian Jira' and 'Jira'):
    a vendor's name, not a different product ('Google Ads Editor' adds words behind)."""
    words, tail = _words(longer), _words(shorter)
    return bool(tail) and words.endswith(" " + tail)


def _alike(left: str, right: str) -> bool:
    """Word by word the same or a typo apart (TOOL_SIMILARITY, TOOL_FUZZY_LENGTH)."""
    from rapidfuzz import fuzz

    return left == right or (
        min(len(left), len(right)) >= TOOL_FUZZY_LENGTH
        and fuzz.ratio(left, right) >= TOOL_SIMILARITY
    )


def near_duplicate_tools(first: str, second: str) -> bool:
    """Whether two different spellings name one tool: the same key (tool_key: case,
    accents, spaces and parentheses aside), one the other with a vendor in front, one
    what the other says in parentheses, or the same words but for typos
    (TOOL_SIMILARITY). Uses rapidfuzz."""
    left, right = tool_key(first), tool_key(second)
    if not left or not right:
        return False
    if left == right or _vendor_prefixed(first, second) or _vendor_prefixed(second, first):
        return True
    if right in _asides(first) or left in _asides(second):  # 'AWS', 'Amazon Web Services (AWS)'
        return True
    words, others = _words(first).split(), _words(second).split()
    return len(words) == len(others) and all(map(_alike, words, others))


def _candidates(names: list[str]) -> dict[str, set[str]]:
    """For each of `names`, the others that may be near duplicates (near_duplicate_tools
    decides), found through indexes instead of testing every pair: the same key, a
    vendor's words in front, a key in parentheses, or keys at least
    TOOL_SIMILARITY alike, which words each that alike imply."""
    found: dict[str, set[str]] = {}

    def pair(first: str, second: str) -> None:
        if first != second:
            found.setdefault(first, set()).add(second)
            found.setdefault(second, set()).add(first)

    by_key: dict[str, list[str]] = {}
    by_words: dict[str, list[str]] = {}
    for name in names:
        by_key.setdefault(tool_key(name), []).append(name)
        by_words.setdefault(_words(name), []).append(name)
    for name in names:
        for other in by_key[tool_key(name)]:
            pair(name, other)
        words = _words(name).split()
        for start in range(1, len(words)):
            for other in by_words.get(" ".join(words[start:]), ()):
                pair(name, other)
        for aside in _asides(name):
            for other in by_key.get(aside, ()):
                pair(name, other)
    keys = [key for key in by_key if len(key) >= TOOL_FUZZY_LENGTH]
    if len(keys) > 1:
        from rapidfuzz import fuzz, process

        for row, key in enumerate(keys):
            close = process.extract(
                key, keys, scorer=fuzz.ratio, score_cutoff=TOOL_SIMILARITY, limit=None
            )
            for _, _, column in close:
                if row < column:
                    for first in by_key[key]:
                        for second in by_key[keys[column]]:
                            pair(first, second)
    return found


def tool_near_duplicates(roles: Iterable[Role], root: Path) -> list[Problem]:
    """A warning (as a Problem) for each place a role lists a tool under a second spelling
    of a tool other roles list (near_duplicate_tools): `compare` would count it twice.
    The spelling more roles use is the one to keep (ties: the one met first); each place
    of the other spelling is reported, naming the one to use and where it is."""
    places: dict[str, list[_Tool]] = {}
    for order, role in enumerate(roles):
        for index, tool in enumerate(role.tools):
            places.setdefault(tool, []).append(_Tool(order, role, index, tool))
    spellings = sorted(places, key=lambda name: (-len(places[name]), places[name][0][:1]))
    rank = {name: position for position, name in enumerate(spellings)}
    alike = _candidates(spellings)
    keep: dict[str, str] = {}  # a second spelling -> the spelling to keep
    for name in spellings:
        earlier = sorted(
            (other for other in alike.get(name, ()) if rank[other] < rank[name]),
            key=rank.__getitem__,
        )
        kept = next((o for o in earlier if o not in keep and near_duplicate_tools(o, name)), None)
        if kept is not None:
            keep[name] = kept
    found = sorted(
        (place for name in keep for place in places[name]),
        key=lambda place: (place.order, place.index),
    )
    documents: dict[str, yamldoc.Document | None] = {}
    problems = []
    for place in found:
        kept = places[keep[place.text]][0]
        field: yamldoc.Path = ("tools", place.index)
        message = (
            f"tool '{place.text}' looks like tool '{kept.text}' of "
            f"{'this role' if kept.role is place.role else f'role {kept.role.slug!r}'} "
            f"({kept.role.path} tools[{kept.index}]): use one spelling, so that compare "
            "counts it once"
        )
        line = _line_of(root, place.role.path, field, documents)
        problems.append(Problem(place.role.path, line, format_path(field), message))
    return problems
