"""A knowledge base as a command reads it: only the parts the command needs.

From the cache when it is current (`roles list` then reads one small section,
`role show` the name index and one role), else parsed from the YAML and cached
for next time. A cache section that turns out damaged while a command runs is
replaced by the parsed knowledge base, so the command still gets the right answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path

from mktcareers.kb import cache


class Store:
    def __init__(
        self,
        root: Path,
        loader: Callable,
        entry: cache.Entry | None = None,
        knowledge=None,
    ) -> None:
        self.root = Path(root)
        self._loader = loader
        self._entry = entry
        self._knowledge = knowledge
        self._finder = None

    @classmethod
    def open(cls, root: Path, loader: Callable) -> Store:
        """The knowledge base at `root`; `loader(root)` parses and validates it (and may
        raise KbError) when there is no current cache, which is then written."""
        files, hashes = cache.fingerprint(root)  # before parsing: an edit meanwhile shows next time
        entry = cache.open_entry(root, (files, hashes))
        if entry is not None:
            return cls(root, loader, entry=entry)
        knowledge = loader(root)
        cache.write(root, *sections(knowledge), files, hashes)
        return cls(root, loader, knowledge=knowledge)

    @property
    def cached(self) -> bool:
        """Whether this store reads from a cache file (else from the parsed YAML)."""
        return self._entry is not None

    def close(self) -> None:
        if self._entry is not None:
            self._entry.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -------------------------------------------------------------- parts

    def rows(self) -> list[dict]:
        """Every role's summary record (views.roles.role_row), in knowledge-base order."""
        from_cache = self._cached(lambda entry: entry.document("rows"))
        if from_cache is not None:
            return from_cache
        from mktcareers.views.roles import role_row

        return [role_row(role) for role in self._parsed().roles]

    def finder(self):
        """A search.RoleFinder over every role."""
        from mktcareers.search import RoleFinder, RoleNames

        if self._finder is None:
            names = self._cached(
                lambda entry: entry.table(
                    "names",
                    lambda value: RoleNames(*value),
                    lambda position: RoleNames.of(self._parsed().roles[position]),
                )
            )
            if names is None:
                self._finder = RoleFinder.of(self._parsed().roles)
            else:
                self._finder = RoleFinder(names, _CachedIndex(self))
        return self._finder

    def role(self, position: int):
        """The models.Role at `position` (as the finder counts)."""
        if self._knowledge is None:
            roles = self._cached(lambda entry: self._roles)
            if roles is not None:
                return roles[position]
        return self._parsed().roles[position]

    def titles(self, slugs: Iterable[str]) -> dict[str, str]:
        """slug -> title for those of `slugs` that are roles."""
        finder = self.finder()
        found = {slug: finder.position(slug) for slug in slugs}
        return {slug: finder.roles[at].title for slug, at in found.items() if at is not None}

    def sources(self) -> dict:
        """source id -> models.Source."""
        return self._base.sources

    def knowledge(self):
        """The whole models.KnowledgeBase."""
        if self._knowledge is None:
            from dataclasses import replace

            base = self._base
            roles = self._cached(lambda entry: tuple(self._roles))
            if roles is not None and self._knowledge is None:
                self._knowledge = replace(base, roles=roles, root=str(self.root))
        return self._parsed()

    # -------------------------------------------------------------- plumbing

    @cached_property
    def _base(self):
        """The knowledge base without its roles (catalogues, sources, rubric)."""
        if self._knowledge is None:
            from mktcareers.kb.codec import decoder
            from mktcareers.models import KnowledgeBase

            base = self._cached(lambda entry: decoder(KnowledgeBase)(entry.document("base")))
            if base is not None:
                return base
        return self._parsed()

    @cached_property
    def _roles(self):
        """Every role, decoded from the cache when first asked for."""
        from mktcareers.kb.codec import decoder
        from mktcareers.models import Role

        return self._entry.table(
            "roles", decoder(Role), lambda position: self._parsed().roles[position]
        )

    def _cached(self, read: Callable[[cache.Entry], object]):
        """`read(entry)`, or None when there is no cache or that part of it is damaged."""
        if self._entry is None:
            return None
        try:
            return read(self._entry)
        except (cache.Damaged, *cache.DECODE_ERRORS):
            self._parsed()
            return None

    def _parsed(self):
        """The knowledge base parsed from its YAML (once), re-caching it when the cache
        had let us down."""
        if self._knowledge is None:
            files, hashes = cache.fingerprint(self.root)
            self._knowledge = self._loader(self.root)
            cache.write(self.root, *sections(self._knowledge), files, hashes)
        return self._knowledge


class _CachedIndex:
    """A search.NameIndex read from the cache part by part, when first used: resolving
    a name needs the slugs, titles and aliases; only search needs every term."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @cached_property
    def primary(self) -> dict[str, list[int]]:
        return self._names["primary"]

    @cached_property
    def secondary(self) -> dict[str, list[int]]:
        return self._names["secondary"]

    @cached_property
    def terms(self) -> dict[str, list[int]]:
        terms = self._store._cached(lambda entry: entry.document("terms"))
        return self._built.terms if terms is None else terms

    @cached_property
    def _names(self) -> dict[str, dict[str, list[int]]]:
        names = self._store._cached(lambda entry: entry.document("names_index"))
        if names is None:
            built = self._built
            names = {"primary": built.primary, "secondary": built.secondary}
        return names

    @cached_property
    def _built(self):
        """The index built from the parsed YAML, when the cached one is damaged."""
        from mktcareers.search import NameIndex, RoleNames

        return NameIndex.build([RoleNames.of(role) for role in self._store._parsed().roles])


def sections(knowledge) -> tuple[dict[str, object], dict[str, list]]:
    """What the cache stores for `knowledge`: (documents, tables), as plain JSON data."""
    from dataclasses import replace

    from mktcareers.kb.codec import encode
    from mktcareers.search import NameIndex, RoleNames
    from mktcareers.views.roles import role_row

    names = [RoleNames.of(role) for role in knowledge.roles]
    index = NameIndex.build(names)
    documents = {
        "rows": [role_row(role) for role in knowledge.roles],
        "names_index": {"primary": index.primary, "secondary": index.secondary},
        "terms": index.terms,
        "base": encode(replace(knowledge, roles=(), root="")),
    }
    tables = {
        "names": [encode(list(entry)) for entry in names],
        "roles": [encode(role) for role in knowledge.roles],
    }
    return documents, tables
