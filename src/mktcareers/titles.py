"""Every O*NET occupation's title and alternate titles as `search` finds them, with the
roles built on each occupation.

The index is made when the knowledge base is compiled and kept as a part of its own
(kb/store.py), which only `search` decodes: O*NET's 60,000 titles are normalised and
split into words once then, not at every search. Its layout is chosen for the speed of
a first run and of every search: no record per title (60,000 small records cost more to
decode than a whole search) and no table from words to titles (building it costs more
than the rest of the index), but the sorted words of all titles and, title after title,
the position of each of its words among them, as an array that decodes as one copy. A
search finds the titles that have a word by looking for its position in that array,
which bytes.find does at C speed. The titles as written are read from the occupations
only for the hits shown.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain
from typing import NamedTuple

from mktcareers.models import TitleIndex
from mktcareers.names import (
    least_word_score,
    normalise,
    normalise_all,
    score_words,
    similar_words,
)


class RoleLink(NamedTuple):
    """A role built on an occupation: its position among the roles, the share of the
    role the occupation is (its O*NET link's weight, 0-1), and whether it is the role's
    main code (its highest weight, the first listed of equal ones)."""

    role: int
    share: float
    main: bool


class TitleMatch(NamedTuple):
    """An entry (a title) that matched: which, the occupation it belongs to, whether
    it is that occupation's title (else an alternate title), and its score."""

    entry: int
    occupation: int
    is_title: bool
    score: float  # 0-100


def normalised_titles(occupations: Sequence) -> list[str]:
    """Every entry of `occupations` (models.Occupation) normalised: each one's title,
    then its alternate titles, in order."""
    return normalise_all(
        [
            text
            for occupation in occupations
            for text in (occupation.title, *occupation.alternate_titles)
        ]
    )


def build_titles(
    occupations: Sequence, roles: Sequence, names: Sequence[str] | None = None
) -> TitleIndex:
    """The index of `occupations` (models.Occupation, in order) and of the `roles`
    (models.Role, in order) built on them; `names` are normalised_titles(occupations)
    when already known. A role's link to a code not among `occupations` is left out."""
    if names is None:
        names = normalised_titles(occupations)
    split = list(map(str.split, names))
    vocabulary = sorted(set(chain.from_iterable(split)))
    position = dict(zip(vocabulary, range(len(vocabulary)), strict=True))
    word_type = "H" if len(vocabulary) <= 1 << 16 else "I"
    firsts = accumulate((1 + len(o.alternate_titles) for o in occupations), initial=0)
    return TitleIndex(
        codes=[occupation.code for occupation in occupations],
        titles=[occupation.title for occupation in occupations],
        firsts=array("I", list(firsts)[:-1]).tobytes(),
        vocabulary=vocabulary,
        words=array(word_type, map(position.__getitem__, chain.from_iterable(split))).tobytes(),
        word_type=word_type,
        word_ends=array("I", accumulate(map(len, split))).tobytes(),
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


class Titles:
    """Questions to a TitleIndex, its arrays read in place. `alternate_titles(position)`
    gives an occupation's alternate titles as written (from its record), for the few
    titles a search shows."""

    def __init__(self, index: TitleIndex, alternate_titles: Callable[[int], Sequence[str]]) -> None:
        self.index = index
        self._alternate_titles = alternate_titles
        self._firsts = _positions(index.firsts, "I")
        self._words = _positions(index.words, index.word_type)
        self._word_ends = _positions(index.word_ends, "I")

    @classmethod
    def of(cls, occupations: Sequence, roles: Sequence) -> Titles:
        """The titles of `occupations` and `roles` (models records), indexed now."""
        index = build_titles(occupations, roles)
        return cls(index, lambda position: occupations[position].alternate_titles)

    def __len__(self) -> int:
        """How many entries (titles and alternate titles)."""
        return len(self._word_ends)

    def matches(self, query: str, floor: float) -> Iterator[TitleMatch]:
        """The entries scoring at least `floor` (0-100) against `query` by the rule of
        names.name_scores, in entry order."""
        for entry, score in self.scores(query, floor).items():
            occupation = bisect_right(self._firsts, entry) - 1
            yield TitleMatch(entry, occupation, self._firsts[occupation] == entry, score)

    def scores(self, query: str, floor: float) -> dict[int, float]:
        """entry -> score 0-100, as names.name_scores scores the normalised entries,
        for those scoring at least `floor`; in entry order."""
        query_words = normalise(query).split()
        vocabulary = self.index.vocabulary
        if not query_words or not vocabulary:
            return {}
        # A name's score is at most the mean of its query words' best: one reaching
        # `floor` has a word at least that close to a query word. Only those are
        # scored, against the words they have.
        close = similar_words(query_words, vocabulary, floor)
        entries = sorted(self._entries_with({word for row in close for word in row}))
        words = [self.words(entry) for entry in entries]
        known = sorted(set(chain.from_iterable(words)))
        needed = least_word_score(len(query_words), floor)
        similarity = [
            {known[at]: score for at, score in row.items()}
            for row in similar_words(query_words, [vocabulary[word] for word in known], needed)
        ]
        scores = {}
        for entry, its_words in zip(entries, words, strict=True):
            score = score_words(its_words, similarity)
            if score >= floor:
                scores[entry] = score
        return scores

    def words(self, entry: int) -> memoryview:
        """The words of `entry`, as positions in the vocabulary."""
        return self._words[self._word_ends[entry - 1] if entry else 0 : self._word_ends[entry]]

    def name(self, entry: int) -> str:
        """The normalised text of `entry`."""
        return " ".join(self.index.vocabulary[word] for word in self.words(entry))

    def written(self, match: TitleMatch) -> str:
        """The text of a matched entry as O*NET writes it."""
        if match.is_title:
            return self.index.titles[match.occupation]
        alternate = match.entry - self._firsts[match.occupation] - 1
        return self._alternate_titles(match.occupation)[alternate]

    def role_links(self, occupation: int) -> list[RoleLink]:
        """The roles built on `occupation`, in role order."""
        return [RoleLink(*link) for link in self.index.roles.get(occupation, ())]

    def _entries_with(self, words: Iterable[int]) -> set[int]:
        """The entries that have any of `words` (vocabulary positions)."""
        data, size, ends = self.index.words, self._words.itemsize, self._word_ends
        found = set()
        for word in words:
            needle = array(self.index.word_type, [word]).tobytes()
            at = data.find(needle)
            while at >= 0:
                if at % size:  # the needle across two words: look on
                    at = data.find(needle, at + 1)
                    continue
                found.add(bisect_right(ends, at // size))
                at = data.find(needle, at + size)
        return found


def _positions(data: bytes, type_code: str) -> memoryview:
    """The unsigned integers in `data` (array `type_code`), read in place."""
    return memoryview(data).cast(type_code)
