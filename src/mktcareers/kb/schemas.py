"""What each knowledge-base file must hold, written with the checkers of `fields`."""

from __future__ import annotations

from mktcareers.kb.fields import (
    ONET_CODE,
    SLUG,
    Field,
    IntegerField,
    ListOf,
    MapOf,
    NumberField,
    OneOf,
    Record,
    TextField,
    any_text,
    boolean,
    optional_boolean,
    optional_number,
)
from mktcareers.models import QUIZ_KINDS, QUIZ_MEASURES, RIASEC


def _list_file(key: str, max_items: int, **fields) -> Record:
    """A file holding one list of records under `key`."""
    return Record(**{key: ListOf(Record(**fields), 1, max_items)})


FAMILIES = _list_file(
    "families",
    20,
    id=SLUG,
    name=TextField(120),
    summary=TextField(600),
    core_focus=ListOf(TextField(200), 1, 10),
)
SKILLS = _list_file(
    "skills",
    10_000,
    id=SLUG,
    name=TextField(120),
    type=OneOf(("technical", "non-technical")),
    description=TextField(600),
)
SOURCES = _list_file(
    "sources",
    500,
    id=SLUG,
    title=TextField(300),
    publisher=TextField(300),
    version=TextField(60),
    year=IntegerField(1900, 2100),
    licence=TextField(200),
    url=TextField(300),
)
RUBRIC = Record(
    factors=ListOf(
        Record(
            id=TextField(60, r"[a-z_]+", "use lowercase letters and underscores"),
            name=TextField(120),
            weight=IntegerField(0, 100),
            question=TextField(400),
            anchors=MapOf(IntegerField(0, 4), TextField(300)),
        ),
        1,
        20,
    ),
    challenge_kinds=MapOf(SLUG, TextField(300)),
    # optional, so knowledge bases written before advantages were added still load
    advantage_kinds=Field(MapOf(SLUG, TextField(300)), required=False),
    # optional: the short name of a challenge or advantage kind in prose
    kind_names=Field(MapOf(SLUG, TextField(60)), required=False),
)
BULLETS = ListOf(TextField(400), 1, 10)
# A kind (checked against the rubric's kinds when the role is built) and a note.
KIND_NOTES = ListOf(Record(kind=SLUG, note=TextField(400)), 0, 10)
ROLE = Record(
    slug=SLUG,
    title=TextField(120),
    family=SLUG,
    beginner_friendly=boolean,
    aliases=ListOf(TextField(120), 0, 50),
    summary=TextField(800),
    responsibilities=ListOf(TextField(400), 4, 8),
    skills=ListOf(Record(skill=SLUG, level=IntegerField(1, 5)), 1, 40),
    tools=ListOf(TextField(120), 0, 60),
    certifications=ListOf(TextField(200), 0, 20),
    next_roles=ListOf(SLUG, 0, 10),
    getting_started=Record(
        skills_to_build=BULLETS, portfolio=BULLETS, networking=BULLETS, job_search=BULLETS
    ),
    remote=Record(
        factors=MapOf(TextField(60), Record(rating=IntegerField(0, 4), reason=TextField(400))),
        challenges=KIND_NOTES,
        advantages=Field(KIND_NOTES, required=False),
    ),
    onet=ListOf(
        Record(code=ONET_CODE, weight=NumberField(0.01, 1.0), reason=TextField(400)), 1, 10
    ),
    sources=ListOf(SLUG, 1, 20),
    # stages are checked against models.WORKFLOW_STAGES when the role is built
    workflow=Field(ListOf(Record(stage=SLUG, note=TextField(400)), 1, 12), required=False),
)
ONET_DETAIL = Record(
    code=ONET_CODE,
    title=TextField(200),
    weight=NumberField(0, 1),
    job_zone=IntegerField(1, 5),
    teleworkable=optional_boolean,
    teleworkable_status=TextField(20),
)
DERIVED_ROLE = Record(
    onet=ListOf(ONET_DETAIL, 1, 10),
    riasec=Record(**{area: NumberField(1, 7) for area in RIASEC}),
    job_zone=IntegerField(1, 5),
    pay=Record(
        median=optional_number,
        p10=optional_number,
        p90=optional_number,
        top_coded=boolean,
        soc_codes=ListOf(TextField(10), 1, 10),
    ),
    outlook=Record(
        growth_pct=optional_number,
        annual_openings=optional_number,
        openings_soc=TextField(10),
        entry_education=any_text,
    ),
    teleworkable=optional_boolean,
    it_overlap=Record(
        score=IntegerField(0, 100),
        profile_similarity=NumberField(-1, 1),
        tool_category_similarity=NumberField(0, 1),
        gap_filled=MapOf(ONET_CODE, ListOf(ONET_CODE, 1, 50)),
        # The role's own-skill part; absent from files made before it existed.
        role_skill_similarity=Field(NumberField(0, 1), required=False),
        shared_skills=Field(ListOf(SLUG, 0, 10), required=False),
        onet_score=Field(IntegerField(0, 100), required=False),
    ),
)
DERIVED = Record(method=TextField(200), roles=MapOf(SLUG, DERIVED_ROLE))
QUIZ = Record(
    scales=MapOf(SLUG, ListOf(TextField(80), 5, 5)),
    items=ListOf(
        Record(
            id=SLUG,
            kind=OneOf(QUIZ_KINDS),
            text=TextField(300),
            area=Field(OneOf(RIASEC), required=False),
            measures=Field(OneOf(QUIZ_MEASURES), required=False),
            skill=Field(SLUG, required=False),
            scale=Field(SLUG, required=False),
            short=Field(boolean, required=False),
        ),
        1,
        500,
    ),
)
