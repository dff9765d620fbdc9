"""Every O*NET occupation's title and alternate titles as `search` finds them, with the
roles built on each occupation.

The index is made when the knowledge base is compiled and kept as a part of its own
(kb/store.py), which only `search` decodes: O*NET's 60,000 titles are normalised and
split into words once then, not at every search. Its layout is chosen for the speed of
a first run and of every search: no record per title (60,000 small records cost more to
decode than a whole search) but two long texts, the titles as written and normalised,
and arrays of positions (which decode as one copy): where each title ends, and for each
word the titles that have it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import NamedTuple

from mktcareers.models import TitleIndex
from mktcareers.names import (
    least_word_score,
    normalise,
    normalise_all,
    score_words,
    word_similarities,
)


class RoleLink(NamedTuple):
    """A role built on an occupation: its position among the roles, the share of the
    role the occupation is (its O*NET link's weight, 0-1), and whether it is the role's
    main code (its highest weight, the first listed of equal ones)."""

    role: int
    share: float
    main: bool


def build_titles(occupations: Sequence, roles: Sequence) -> TitleIndex:
    """The index of `occupations` (models.Occupation, in order) and of the `roles`
    (models.Role, in order) built on them; a role's link to a code that is not among
    `occupations` is left out."""
    entries = [
        text
        for occupation in occupations
        for text in (occupation.title, *occupation.alternate_titles)
    ]
    names = normalise_all(entries)
    by_word: defaultdict[str, list[int]] = defaultdict(list)
    for entry, name in enumerate(names):  # the one loop over every word: keep it lean
        for word in name.split():
            by_word[word].append(entry)  # twice for a word twice in a title: harmless
    vocabulary = sorted(by_word)
    word_entries = array("I")
    for word in vocabulary:
        word_entries.extend(by_word[word])
    firsts = accumulate((1 + len(o.alternate_titles) for o in occupations), initial=0)
    return TitleIndex(
        codes=[occupation.code for occupation in occupations],
        titles=[occupation.title for occupation in occupations],
        firsts=array("I", list(firsts)[:-1]).tobytes(),
        written="".join(entries),
        written_ends=array("I", accumulate(map(len, entries))).tobytes(),
        normalised="\n".join(names) + "\n" if names else "",
        normalised_ends=array("I", accumulate(len(name) + 1 for name in names)).tobytes(),
        vocabulary=vocabulary,
        word_entries=word_entries.tobytes(),
        word_ends=array("I", accumulate(len(by_word[word]) for word in vocabulary)).tobytes(),
        roles=_role_links(occupations, roles),
    )


def _role_links(occupations: Sequence, roles: Sequence) -> dict[int, list[tuple]]:
    """occupation position -> (role position, share, main code) of the roles built on it."""
    position_of = {occupation.code: position for position, occupation in enumerate(occupations)}
    links: dict[int, list[tuple]] = {}
    for role_position, role in enumerate(roles):
        main = max(role.onet, key=lambda link: link.weight, default=None)  # first of equals
        for link in role.onet:
            if link.code in position_of:
                link_tuple = (role_position, float(link.weight), link is main)
                links.setdefault(position_of[link.code], []).append(link_tuple)
    return links


def entry_names(index: TitleIndex) -> list[str]:
    """The normalised text of every entry, in order."""
    return index.normalised.split("\n")[:-1]


class TitleMatch(NamedTuple):
    """An entry that matched: the occupation it belongs to, whether it is that
    occupation's title (else an alternate title), its text as written, and its score."""

    occupation: int
    is_title: bool
    text: str
    score: float  # 0-100


class Titles:
    """Questions to a TitleIndex, its arrays read in place."""

    def __init__(self, index: TitleIndex) -> None:
        self.index = index
        self._firsts = _positions(index.firsts)
        self._written_ends = _positions(index.written_ends)
        self._normalised_ends = _positions(index.normalised_ends)
        self._word_entries = _positions(index.word_entries)
        self._word_ends = _positions(index.word_ends)

    def __len__(self) -> int:
        """How many entries (titles and alternate titles)."""
        return len(self._written_ends)

    def matches(self, query: str, floor: float) -> Iterator[TitleMatch]:
        """The entries scoring at least `floor` (0-100) against `query` by the rule of
        names.name_scores, in entry order."""
        for entry, score in self.scores(query, floor).items():
            occupation = bisect_right(self._firsts, entry) - 1
            is_title = self._firsts[occupation] == entry
            yield TitleMatch(occupation, is_title, self.written(entry), score)

    def scores(self, query: str, floor: float) -> dict[int, float]:
        """entry -> score 0-100, as names.name_scores scores the normalised entries,
        for those scoring at least `floor`; in entry order."""
        query_words = normalise(query).split()
        if not query_words or not self.index.vocabulary:
            return {}
        # A name's score is at most the mean of its query words' best: one reaching
        # `floor` has a word at least that close to a query word. Only those are
        # scored, against the words they have.
        close = word_similarities(query_words, self.index.vocabulary, floor)
        entries = sorted(self._entries_with({word for row in close for word in row}))
        names = [self.name(entry).split() for entry in entries]
        words = {word for name in names for word in name}
        needed = least_word_score(len(query_words), floor)
        similarity = word_similarities(query_words, sorted(words), needed)
        scores = {}
        for entry, name in zip(entries, names, strict=True):
            score = score_words(name, similarity)
            if score >= floor:
                scores[entry] = score
        return scores

    def name(self, entry: int) -> str:
        """The normalised text of `entry`."""
        start = self._normalised_ends[entry - 1] if entry else 0
        return self.index.normalised[start : self._normalised_ends[entry] - 1]

    def written(self, entry: int) -> str:
        """The text of `entry` as O*NET writes it."""
        start = self._written_ends[entry - 1] if entry else 0
        return self.index.written[start : self._written_ends[entry]]

    def role_links(self, occupation: int) -> list[RoleLink]:
        """The roles built on `occupation`, in role order."""
        return [RoleLink(*link) for link in self.index.roles.get(occupation, ())]

    def _entries_with(self, words: set[str]) -> set[int]:
        """The entries that have any of `words` (of the vocabulary) as a word."""
        vocabulary, ends, found = self.index.vocabulary, self._word_ends, set()
        for word in words:
            at = bisect_left(vocabulary, word)
            found.update(self._word_entries[ends[at - 1] if at else 0 : ends[at]])
        return found


def _positions(data: bytes) -> memoryview:
    """The unsigned 32-bit integers in `data`, read in place."""
    return memoryview(data).cast("I")
