"""Read generated/occupations.json (scripts/build_occupations.py) into models.Occupation.

The file is JSON, decoded by msgspec straight into the shapes below: a value of the
wrong type or range is one Problem naming the file and the field msgspec points at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import msgspec
from msgspec import Meta, Struct

from mktcareers.kb.collector import Collector
from mktcareers.kb.safefile import read_regular
from mktcareers.models import RIASEC, Occupation, TitleWords

# The bundled file is 3.3 MB for 1,016 occupations; O*NET will not grow tenfold.
MAX_OCCUPATIONS_BYTES = 64_000_000
MAX_OCCUPATIONS = 20_000

Code = Annotated[str, Meta(pattern=r"^\d\d-\d{4}\.\d\d$")]
Name = Annotated[str, Meta(min_length=1, max_length=300)]
Dollars = Annotated[int, Meta(ge=0)] | None
Interest = Annotated[float, Meta(ge=1, le=7)]
Level = Annotated[float, Meta(ge=0, le=7)]


class _Bls(Struct):
    bls_code: Name
    bls_title: Name


class _Pay(_Bls):
    median: Dollars
    p10: Dollars
    p90: Dollars


class _Outlook(_Bls):
    growth_pct: float
    annual_openings: Annotated[int, Meta(ge=0)]


class _Education(Struct):
    education: Name


class _Riasec(Struct):
    R: Interest
    I: Interest  # noqa: E741 (O*NET's letter for Investigative)
    A: Interest
    S: Interest
    E: Interest
    C: Interest


class _ItOverlap(Struct):
    score: Annotated[int, Meta(ge=0, le=100)]


class _Occupation(Struct):
    title: Name
    alternate_titles: list[Name]
    job_zone: Annotated[int, Meta(ge=1, le=5)] | None
    riasec: _Riasec | None
    pay: _Pay | None
    outlook: _Outlook | None
    entry_education: _Education | None
    teleworkable: bool | None
    technology_categories: list[Name]
    ratings_gap_filled_from: list[Code] | None
    skills_levels: list[Level] = []
    knowledge_levels: list[Level] = []
    it_overlap: _ItOverlap | None = None


class _Elements(Struct):
    skills: list[Name]
    knowledge: list[Name]


class _TitleWords(Struct):
    normalisation: str
    digest: str
    vocabulary: list[str]
    words: bytes  # base64 in the file
    word_type: Annotated[str, Meta(pattern="^[HI]$")]
    entry_word_ends: bytes
    entries: bytes
    entry_type: Annotated[str, Meta(pattern="^[HI]$")]
    word_entry_ends: bytes


class _File(Struct):
    elements: _Elements
    occupations: Annotated[dict[Code, _Occupation], Meta(max_length=MAX_OCCUPATIONS)]
    title_index: _TitleWords | None = None  # prepared by the builder (titles.index_words)


def load_occupations(
    path: Path, collector: Collector
) -> tuple[tuple[Occupation, ...], TitleWords | None]:
    """The occupations in the file at `path` and the word index of their titles it
    holds (None if none); ((), None) after adding to `collector` why not."""
    try:
        data = msgspec.json.decode(read_regular(path, MAX_OCCUPATIONS_BYTES), type=_File)
    except OSError as error:
        collector.add(path, None, "", f"cannot read file: {error.strerror or error}")
        return (), None
    except msgspec.DecodeError as error:  # ValidationError is one: it names the field
        collector.add(path, None, "", str(error))
        return (), None
    elements = data.elements
    occupations = []
    for code, entry in data.occupations.items():
        for kind, names, levels in (
            ("skills", elements.skills, entry.skills_levels),
            ("knowledge", elements.knowledge, entry.knowledge_levels),
        ):
            if levels and len(levels) != len(names):
                field = f"occupations.{code}.{kind}_levels"
                collector.add(path, None, field, f"{len(levels)} levels for {len(names)} names")
                return (), None
        occupations.append(_occupation(code, entry, elements))
    words = data.title_index
    prepared = None if words is None else TitleWords(**msgspec.structs.asdict(words))
    return tuple(occupations), prepared


def _occupation(code: str, entry: _Occupation, elements: _Elements) -> Occupation:
    pay, outlook = entry.pay, entry.outlook
    return Occupation(
        code=code,
        title=entry.title,
        alternate_titles=tuple(entry.alternate_titles),
        job_zone=entry.job_zone,
        riasec=None if entry.riasec is None else {a: getattr(entry.riasec, a) for a in RIASEC},
        pay_median=pay and pay.median,
        pay_p10=pay and pay.p10,
        pay_p90=pay and pay.p90,
        pay_bls=pay and (pay.bls_code, pay.bls_title),
        growth_pct=outlook and outlook.growth_pct,
        annual_openings=outlook and outlook.annual_openings,
        outlook_bls=outlook and (outlook.bls_code, outlook.bls_title),
        entry_education=entry.entry_education and entry.entry_education.education,
        teleworkable=entry.teleworkable,
        skills=dict(zip(elements.skills, entry.skills_levels, strict=False)),
        knowledge=dict(zip(elements.knowledge, entry.knowledge_levels, strict=False)),
        gap_filled_from=tuple(entry.ratings_gap_filled_from or ()),
        technology_categories=tuple(entry.technology_categories),
        it_overlap=entry.it_overlap and entry.it_overlap.score,
    )
