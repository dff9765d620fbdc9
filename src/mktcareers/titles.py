"""Every O*NET occupation's title and alternate titles as `search` finds them, with the
roles built on each occupation.

The index is made when the knowledge base is compiled and kept as a part of its own
(kb/store.py), which only `search` decodes: O*NET's 60,000 titles are normalised and
split into words once then, not at every search. Its layout is chosen for the speed of
a first run and of every search: no record per title (60,000 small records cost more to
decode than a whole search) but the sorted words of all titles, and arrays that decode
as one copy each: each title's words (as positions among them) and each word's titles.
The titles as written are read from the occupations only for the hits shown.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, repeat
from operator import call
from typing import NamedTuple

from mktcareers.models import TitleIndex, TitleWords
from mktcareers.names import (
    NORMALISATION,
    joined,
    least_word_score,
    normalise,
    normalise_all,
    score_words,
    similar_words,
    singular,
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


def title_texts(occupations: Sequence) -> list[str]:
    """Every entry of `occupations` (models.Occupation) as written: each one's title,
    then its alternate titles, in order."""
    return [
        text
        for occupation in occupations
        for text in (occupation.title, *occupation.alternate_titles)
    ]


def titles_digest(texts: Sequence[str]) -> str:
    """A blake2b digest (hex) of the entries as written: what a prepared TitleWords
    was made from, so a file edited since is never read with a stale one."""
    import hashlib

    joined = "\n".join(texts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(joined, digest_size=16).hexdigest()


def index_words(texts: Sequence[str]) -> TitleWords:
    """The word arrays of the entries `texts` (title_texts), normalised by names.normalise:
    the slow part of an index, prepared once by scripts/build_occupations.py into
    occupations.json (arrays little-endian there) and made here again only when that
    file has none that fits."""
    names = normalise_all(texts)
    split = list(map(str.split, names))
    vocabulary = sorted(set(chain.from_iterable(split)))
    position = dict(zip(vocabulary, range(len(vocabulary)), strict=True))
    word_type, entry_type = _type_code(len(vocabulary)), _type_code(len(names))
    words = array(word_type, map(position.__getitem__, chain.from_iterable(split)))
    counts = list(map(len, split))
    # Each word's entries, by C-level iterators (a Python loop over the 170,000 words
    # of O*NET's titles takes twice as long): every word appends its entry to its list.
    by_word: list[list[int]] = [[] for _ in vocabulary]
    appends = [entries.append for entries in by_word]
    entry_of_each_word = chain.from_iterable(map(repeat, range(len(names)), counts))
    deque(map(call, map(appends.__getitem__, words), entry_of_each_word), maxlen=0)
    return TitleWords(
        normalisation=NORMALISATION,
        digest=titles_digest(texts),
        vocabulary=vocabulary,
        words=_little_endian(words),
        word_type=word_type,
        entry_word_ends=_little_endian(array("I", accumulate(counts))),
        entries=_little_endian(array(entry_type, chain.from_iterable(by_word))),
        entry_type=entry_type,
        word_entry_ends=_little_endian(array("I", accumulate(map(len, by_word)))),
    )


def build_titles(
    occupations: Sequence, roles: Sequence, prepared: TitleWords | None = None
) -> TitleIndex:
    """The index of `occupations` (models.Occupation, in order) and of the `roles`
    (models.Role, in order) built on them. `prepared` word arrays are used when made by
    this normalisation from exactly these titles; else they are made now. A role's
    link to a code not among `occupations` is left out."""
    texts = title_texts(occupations)
    fits = (
        prepared is not None
        and prepared.normalisation == NORMALISATION
        and prepared.digest == titles_digest(texts)
    )
    words = prepared if fits else index_words(texts)
    firsts = accumulate((1 + len(o.alternate_titles) for o in occupations), initial=0)
    return TitleIndex(
        codes=[occupation.code for occupation in occupations],
        titles=[occupation.title for occupation in occupations],
        firsts=array("I", list(firsts)[:-1]).tobytes(),
        vocabulary=words.vocabulary,
        words=_native(words.words, words.word_type),
        word_type=words.word_type,
        entry_word_ends=_native(words.entry_word_ends, "I"),
        entries=_native(words.entries, words.entry_type),
        entry_type=words.entry_type,
        word_entry_ends=_native(words.word_entry_ends, "I"),
        roles=_role_links(occupations, roles),
    )


def _little_endian(values: array) -> bytes:
    if sys.byteorder == "big":
        values.byteswap()
    return values.tobytes()


def _native(data: bytes, type_code: str) -> bytes:
    """Little-endian `data` (array `type_code`) in this machine's byte order."""
    if sys.byteorder == "little":
        return data
    values = array(type_code, data)
    values.byteswap()
    return values.tobytes()


def _type_code(count: int) -> str:
    """The array type code of positions below `count`: 16 bits when they fit."""
    return "H" if count <= 1 << 16 else "I"


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
        self._entry_word_ends = _positions(index.entry_word_ends, "I")
        self._entries = _positions(index.entries, index.entry_type)
        self._word_entry_ends = _positions(index.word_entry_ends, "I")
        self._joined: dict[str, list[int]] | None = None

    @classmethod
    def of(cls, occupations: Sequence, roles: Sequence) -> Titles:
        """The titles of `occupations` and `roles` (models records), indexed now."""
        index = build_titles(occupations, roles)
        return cls(index, lambda position: occupations[position].alternate_titles)

    @property
    def codes(self) -> Sequence[str]:
        """The O*NET-SOC code of each occupation, by position."""
        return self.index.codes

    @property
    def titles(self) -> Sequence[str]:
        """The title of each occupation, by position."""
        return self.index.titles

    def exact(self, name: str) -> tuple[list[int], list[int]]:
        """(occupations whose title is `name`, occupations with `name` as an alternate
        title and not as their title), positions in order, each compared after
        names.normalise; ([], []) when none has it."""
        vocabulary = self.index.vocabulary
        wanted = []
        for word in normalise(name).split():
            at = bisect_right(vocabulary, word) - 1
            if at < 0 or vocabulary[at] != word:
                return [], []
            wanted.append(at)
        if not wanted:
            return [], []
        ends, wanted_words = self._word_entry_ends, memoryview(array(self.index.word_type, wanted))
        first = min(wanted, key=lambda word: ends[word] - (ends[word - 1] if word else 0))
        entries = self._entries[ends[first - 1] if first else 0 : ends[first]]
        return self._by_kind(entry for entry in entries if self.words(entry) == wanted_words)

    def singular(self, name: str) -> tuple[list[int], list[int]]:
        """As `exact`, each word's plural ending folded on both sides (names.singular):
        "registered nurse" finds "Registered Nurses"."""
        wanted = singular(normalise(name)).split()
        spellings = [self._spellings(word) for word in wanted]
        if not wanted or not all(spellings):
            return [], []
        vocabulary = self.index.vocabulary
        return self._by_kind(
            entry
            for entry in sorted(self._entries_of(spellings[0]))
            if [singular(vocabulary[word]) for word in self.words(entry)] == wanted
        )

    def _spellings(self, folded: str) -> list[int]:
        """The vocabulary positions of the words whose singular is `folded`: a singular
        is its word but for the last letter at most ("secretary" of "secretaries"), so
        only the sorted vocabulary's words that start so are looked at."""
        vocabulary = self.index.vocabulary
        stem = folded[:-1] or folded
        at, found = bisect_left(vocabulary, stem), []
        while at < len(vocabulary) and vocabulary[at].startswith(stem):
            if singular(vocabulary[at]) == folded:
                found.append(at)
            at += 1
        return found

    def joined_title(self, name: str) -> list[int]:
        """The occupations whose title, without its spaces, is `name` without its
        spaces (names.joined): "copy writers" finds a title "Copywriters"."""
        if self._joined is None:
            self._joined = {}
            for position, title in enumerate(normalise_all(self.index.titles)):
                self._joined.setdefault(joined(title), []).append(position)
        return list(self._joined.get(joined(normalise(name)), ()))

    def _by_kind(self, entries: Iterable[int]) -> tuple[list[int], list[int]]:
        """(occupations of which an entry is the title, others with it as an alternate)."""
        titled: dict[int, None] = {}
        alternate: dict[int, None] = {}
        for entry in entries:
            occupation = bisect_right(self._firsts, entry) - 1
            (titled if self._firsts[occupation] == entry else alternate)[occupation] = None
        return list(titled), [at for at in sorted(alternate) if at not in titled]

    def __len__(self) -> int:
        """How many entries (titles and alternate titles)."""
        return len(self._entry_word_ends)

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
        entries = sorted(self._candidates(query_words, floor))
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

    def _candidates(self, query_words: list[str], floor: float) -> set[int]:
        """The entries that may score `floor`, a few of all those sharing a word.

        A score is the mean of the query words' best similarities (less a penalty), so
        an entry reaching `floor` has a word at least `floor` close to some query word.
        If to one only, each other query word's best is above 2 x floor - 100 (60 for
        80): the first query word's 100 and the rest below `floor` must still make the
        mean. So: entries close to two query words, or close to one and near the rest."""
        near_cut = max(0.0, 2 * floor - 100)
        rows = similar_words(query_words, self.index.vocabulary, min(floor, near_cut))
        close = [self._entries_of(w for w, score in row.items() if score >= floor) for row in rows]
        if len(close) == 1:
            return close[0]
        near = [self._entries_of(row) for row in rows]
        candidates = {entry for entry, hits in Counter(chain(*close)).items() if hits > 1}
        for row, entries in enumerate(close):
            candidates |= entries.intersection(*near[:row], *near[row + 1 :])
        return candidates

    def words(self, entry: int) -> memoryview:
        """The words of `entry`, as positions in the vocabulary."""
        ends = self._entry_word_ends
        return self._words[ends[entry - 1] if entry else 0 : ends[entry]]

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

    def _entries_of(self, words: Iterable[int]) -> set[int]:
        """The entries that have any of `words` (vocabulary positions)."""
        ends, found = self._word_entry_ends, set()
        for word in words:
            found.update(self._entries[ends[word - 1] if word else 0 : ends[word]])
        return found


def _positions(data: bytes, type_code: str) -> memoryview:
    """The unsigned integers in `data` (array `type_code`), read in place."""
    return memoryview(data).cast(type_code)
