"""The knowledge base as typed records (msgspec Structs). No Rich, no YAML here.

Structs, not dataclasses: the 20 classes define in about a millisecond instead of
twelve (every command that shows a role defines them), and the compiled knowledge
base (kb/store.py) decodes them from msgpack at C speed. `array_like` stores a
record as a list of its fields, without their names: a smaller compiled file that
decodes faster. Records are frozen; `msgspec.structs.replace` makes a changed copy.

No `from __future__ import annotations` here: with it every field's annotation is a
string that msgspec compiles and evaluates the first time it decodes the class
(about 1 ms of `role show`); evaluated once at definition they cost next to nothing.
"""

from typing import NamedTuple, Self

from msgspec import Struct, field

# The six RIASEC interest areas (Holland codes) as O*NET names them, in O*NET's order.
RIASEC = ("R", "I", "A", "S", "E", "C")
RIASEC_NAMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}


class Record(Struct, frozen=True, array_like=True):
    """The options every record shares."""


class Skill(Record):
    """A skill of the catalogue (skills.yaml)."""

    id: str
    name: str
    type: str  # "technical" or "non-technical"
    description: str


class RoleSkill(Record):
    """A catalogue skill as one role needs it, at `level` 1-5."""

    id: str
    name: str
    type: str
    level: int  # 1-5


class RemoteFactor(Record):
    """One factor of the remote rubric as rated for a role: `rating` 0-4, `weight`
    its share of the 0-100 remote score in percent."""

    id: str
    name: str
    weight: int  # percent of the score, the rubric's weights add up to 100
    rating: int  # 0-4
    reason: str


class RemoteChallenge(Record):
    """Something that makes remote work harder in a role (a rubric challenge kind)."""

    kind: str
    note: str


class RemoteAdvantage(Record):
    """Something remote work gives a person in a role (a rubric advantage kind,
    remote_rubric.yaml `advantage_kinds`), with a note in our own words."""

    kind: str
    note: str


class Remote(Record):
    """How well a role can be done remotely: `score` 0-100, computed from the factors;
    what makes it harder (`challenges`) and what it gives (`advantages`), editorial."""

    score: int  # 0-100
    factors: tuple[RemoteFactor, ...]
    challenges: tuple[RemoteChallenge, ...]
    advantages: tuple[RemoteAdvantage, ...] = ()


# The stages a role's workflow is told in, in the order work usually moves through
# them (docs/workflow.md): the one vocabulary role files may use.
WORKFLOW_STAGES = {
    "research": "Learn about the audience, the market, competitors or the problem.",
    "strategy": "Decide goals, positioning and where effort and budget go.",
    "planning": "Turn the strategy into plans, briefs, calendars and schedules.",
    "execution": "Build, launch and run the work itself.",
    "monitoring": "Watch how the work performs and catch problems early.",
    "optimisation": "Change what is running to make it work better.",
    "reporting": "Tell others what happened, what it was worth and what comes next.",
}


class WorkflowStep(Record):
    """One stage of how a role's work flows: `stage` one of WORKFLOW_STAGES, and a
    note in our own words on what the role does in it (editorial)."""

    stage: str
    note: str


class GettingStarted(Record):
    """Advice for starting out in a role, as bullet points."""

    skills_to_build: tuple[str, ...]
    portfolio: tuple[str, ...]
    networking: tuple[str, ...]
    job_search: tuple[str, ...]


class OnetLink(Record):
    """An O*NET occupation a role maps to; `weight` 0-1 is its share of the role
    (a role's weights add up to 1). The last three come from the derived data."""

    code: str  # O*NET-SOC code, e.g. 13-1161.00
    weight: int | float  # 0-1; as written in the YAML, so 1 stays 1
    reason: str
    title: str | None = None
    job_zone: int | None = None  # 1-5, O*NET's preparation level
    teleworkable: bool | None = None  # Dingel & Neiman (2020)


class Pay(Record):
    """Yearly wages in USD (BLS OEWS), None where BLS publishes none."""

    median: int | None  # USD a year
    p10: int | None  # USD a year, 10th percentile
    p90: int | None  # USD a year, 90th percentile
    top_coded: bool  # BLS marks the median or 90th percentile top-coded: a lower bound
    soc_codes: tuple[str, ...]


# BLS OEWS's top code in USD a year: a wage it marks top-coded is at least this much.
TOP_CODE = 239_200


def soc_shares(onet: tuple[OnetLink, ...]) -> tuple[tuple[str, float], ...]:
    """(6-digit SOC occupation, share 0-1) pairs a role's pay and outlook are blended from:
    its O*NET codes' weights summed by SOC code (BLS publishes figures for those, so
    13-1161.00 and 13-1161.01 are one occupation), largest share first, then by code."""
    shares: dict[str, float] = {}
    for link in onet:
        soc = link.code.split(".")[0]
        shares[soc] = shares.get(soc, 0.0) + float(link.weight)
    total = sum(shares.values()) or 1.0
    return tuple(
        sorted(
            ((soc, round(share / total, 4)) for soc, share in shares.items()),
            key=lambda item: (-item[1], item[0]),
        )
    )


class Outlook(Record):
    """Employment projections 2024-34 (BLS)."""

    growth_pct: int | float | None  # percent over ten years
    annual_openings: int | None  # openings a year
    openings_soc: str
    entry_education: str


class ItOverlap(Record):
    """How much a role shares with IT work: `score` 0-100 and its parts (docs/method.md,
    computed by scripts/build_derived.py from O*NET and the role's own skills)."""

    score: int  # 0-100
    profile_similarity: int | float  # -1 to 1, centred cosine of O*NET skill/knowledge profiles
    tool_category_similarity: int | float  # 0-1, Jaccard of O*NET technology categories
    gap_filled: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # 0-1, cosine of the role's skill levels with the IT family's technical skills;
    # None in derived numbers made before this part existed
    role_skill_similarity: int | float | None = None
    shared_skills: tuple[str, ...] = ()  # skill ids adding most to that part, most first
    onet_score: int | None = None  # 0-100, the O*NET parts alone (an occupation's scale)


class Derived(Record):
    """Numbers computed by scripts/build_derived.py, never typed by hand."""

    riasec: dict[str, int | float]  # interest area -> 1-7, O*NET's scale
    job_zone: int  # 1-5
    pay: Pay
    outlook: Outlook
    teleworkable: bool | None
    it_overlap: ItOverlap


class Role(Record):
    """One role of the knowledge base (roles/<slug>.yaml) with its derived numbers."""

    slug: str
    title: str
    family: str
    beginner_friendly: bool
    aliases: tuple[str, ...]
    summary: str
    responsibilities: tuple[str, ...]
    skills: tuple[RoleSkill, ...]
    tools: tuple[str, ...]
    certifications: tuple[str, ...]
    next_roles: tuple[str, ...]
    getting_started: GettingStarted
    remote: Remote
    onet: tuple[OnetLink, ...]
    sources: tuple[str, ...]
    derived: Derived | None = None
    path: str = ""  # the file it came from
    workflow: tuple[WorkflowStep, ...] = ()  # ordered stages; () where none fits

    @property
    def it_overlap(self) -> int | None:
        """0-100, None without derived numbers."""
        return self.derived.it_overlap.score if self.derived else None

    @property
    def pay_median(self) -> int | None:
        """USD a year, None without derived numbers or a published wage."""
        return self.derived.pay.median if self.derived else None

    def skill_names(self, skill_ids: tuple[str, ...]) -> tuple[str, ...]:
        """The names this role gives `skill_ids`, in their order (an id it lacks as itself)."""
        names = {skill.id: skill.name for skill in self.skills}
        return tuple(names.get(skill_id, skill_id) for skill_id in skill_ids)


class RoleSummary(Record):
    """What `roles list` shows and filters on, without the rest of the role."""

    slug: str
    title: str
    family: str
    remote_score: int  # 0-100
    teleworkable: bool | None
    it_overlap: int | None  # 0-100
    pay_median: int | None  # USD a year
    job_zone: int | None  # 1-5
    growth_pct: int | float | None  # percent, 2024-34
    annual_openings: int | None  # openings a year
    riasec: dict[str, int | float] | None  # interest area -> 1-7
    beginner_friendly: bool
    onet_codes: tuple[str, ...]
    # (SOC occupation, share 0-1) the pay is blended from (models.soc_shares); empty
    # without derived numbers
    pay_shares: tuple[tuple[str, float], ...] = ()

    @classmethod
    def of(cls, role: Role) -> Self:
        """The summary of a full role."""
        derived = role.derived
        return cls(
            slug=role.slug,
            title=role.title,
            family=role.family,
            remote_score=role.remote.score,
            teleworkable=derived.teleworkable if derived else None,
            it_overlap=role.it_overlap,
            pay_median=role.pay_median,
            job_zone=derived.job_zone if derived else None,
            growth_pct=derived.outlook.growth_pct if derived else None,
            annual_openings=derived.outlook.annual_openings if derived else None,
            riasec=dict(derived.riasec) if derived else None,
            beginner_friendly=role.beginner_friendly,
            onet_codes=tuple(link.code for link in role.onet),
            pay_shares=soc_shares(role.onet) if derived else (),
        )


class Family(Record):
    """A family of roles (families.yaml), e.g. marketing or IT."""

    id: str
    name: str
    summary: str
    core_focus: tuple[str, ...]


class Source(Record):
    """A data source the knowledge base cites (sources.yaml)."""

    id: str
    title: str
    publisher: str
    version: str
    year: int
    licence: str
    url: str


class RubricFactor(Record):
    """A factor of the remote rubric: `weight` in percent of the 0-100 score, and
    what each rating 0-4 means (`anchors`)."""

    id: str
    name: str
    weight: int  # percent
    question: str
    anchors: dict[int, str]  # rating 0-4 -> meaning


class RemoteRubric(Record):
    """The written rubric remote scores are computed from (remote_rubric.yaml)."""

    factors: tuple[RubricFactor, ...]
    challenge_kinds: dict[str, str]  # kind -> what it means
    advantage_kinds: dict[str, str] = field(default_factory=dict)  # kind -> what it means


class Occupation(Record):
    """One O*NET-SOC occupation of generated/occupations.json (scripts/build_occupations.py):
    pay and outlook are BLS's for the SOC occupation named in `pay_bls` and `outlook_bls`
    (code, title), None where BLS publishes none."""

    code: str  # O*NET-SOC 2019, e.g. 27-3023.00
    title: str
    alternate_titles: tuple[str, ...]
    job_zone: int | None  # 1-5, O*NET's preparation level
    riasec: dict[str, int | float] | None  # interest area -> 1-7
    pay_median: int | None  # USD a year
    pay_p10: int | None  # USD a year, 10th percentile
    pay_p90: int | None  # USD a year, 90th percentile
    pay_bls: tuple[str, str] | None  # (SOC code, title) the pay is for
    growth_pct: int | float | None  # percent over 2024-34
    annual_openings: int | None  # openings a year
    outlook_bls: tuple[str, str] | None  # (SOC code, title) the outlook is for
    entry_education: str | None  # typical education needed to enter (BLS)
    teleworkable: bool | None  # Dingel & Neiman (2020)
    skills: dict[str, int | float]  # O*NET skill name -> level 0-7; {} when unrated
    knowledge: dict[str, int | float]  # O*NET knowledge area -> level 0-7; {} when unrated
    gap_filled_from: tuple[str, ...]  # the codes whose mean ratings stand in, if any
    technology_categories: tuple[str, ...]
    it_overlap: int | None = None  # 0-100, measured as a role's (docs/method.md); None unrated


class OnetProfiles(Record):
    """What comparing occupations with roles needs (occupation_moves), computed once
    per knowledge base: the mean O*NET ratings of every occupation O*NET rates, and
    each role's ratings blended from its codes, by slug (roles without rated codes are
    left out). Ratings: "skills" or "knowledge" -> O*NET element name -> level 0-7."""

    centre: dict[str, dict[str, float]]
    roles: dict[str, dict[str, dict[str, float]]]


class TitleWords(Record):
    """The words of every occupation's titles (titles.index_words), as prepared in
    generated/occupations.json: the bytes fields are little-endian arrays of unsigned
    integers of the type code given, or "I" (32-bit); see TitleIndex for each."""

    normalisation: str  # names.NORMALISATION that made them
    digest: str  # titles.titles_digest of the titles they were made from
    vocabulary: list[str]
    words: bytes
    word_type: str
    entry_word_ends: bytes
    entries: bytes
    entry_type: str
    word_entry_ends: bytes


class KnowledgeBase(Record):
    """A whole knowledge base: roles in file-name order, catalogues by id, and the
    O*NET occupations (generated/occupations.json; none without that file)."""

    roles: tuple[Role, ...]
    skills: dict[str, Skill]
    families: dict[str, Family]
    sources: dict[str, Source]
    rubric: RemoteRubric
    root: str = ""
    occupations: tuple[Occupation, ...] = ()
    title_words: TitleWords | None = None  # prepared with the occupations, when they are

    def role(self, slug: str) -> Role | None:
        for role in self.roles:
            if role.slug == slug:
                return role
        return None


QUIZ_KINDS = ("interest", "preference", "skill", "background")
QUIZ_MEASURES = ("remote", "creative", "people", "code")


class QuizItem(Record):
    """One question, answered 1-5 on `scale` (five labels, lowest first)."""

    id: str
    kind: str  # one of QUIZ_KINDS (background: education and experience, as a job zone)
    text: str
    scale: tuple[str, ...]
    area: str | None = None  # interest items: one of RIASEC
    measures: str | None = None  # preference items: one of QUIZ_MEASURES
    skill: str | None = None  # skill items: a catalogue skill id
    short: bool = False  # part of the short quiz


class Quiz(Record):
    """The quiz of a knowledge base, and the file it came from."""

    items: tuple[QuizItem, ...]
    path: str = ""


class RoleNames(NamedTuple):
    """What finding a role needs (search.RoleFinder): its names, tools, skills and
    certifications, without the rest; a NamedTuple, so a compiled knowledge base
    stores it as a list."""

    slug: str
    title: str
    family: str
    aliases: tuple[str, ...]
    tools: tuple[str, ...]
    skills: tuple[tuple, ...]  # (id, name, level) for each skill the role needs
    certifications: tuple[str, ...] = ()

    @classmethod
    def of(cls, role: Role) -> Self:
        """The names of a `models.Role`."""
        skills = tuple((skill.id, skill.name, skill.level) for skill in role.skills)
        return cls(
            role.slug,
            role.title,
            role.family,
            role.aliases,
            role.tools,
            skills,
            role.certifications,
        )


class TitleIndex(Record):
    """Every occupation's titles as search finds them (titles.py builds and reads it).
    An occupation's titles are entries: its title, then its alternate titles, the
    occupations in their order. The bytes fields are arrays of unsigned integers (of
    the type code given, or "I", 32-bit; in this machine's byte order: the compiled
    file never leaves it)."""

    codes: list[str]  # O*NET-SOC code of each occupation
    titles: list[str]  # title of each occupation
    firsts: bytes  # per occupation: the entry of its title
    vocabulary: list[str]  # every word of every entry, normalised, sorted
    words: bytes  # entry after entry, its words as positions in `vocabulary`
    word_type: str  # array type code of `words`: "H" (16-bit) or "I"
    entry_word_ends: bytes  # per entry: where its words end in `words`
    entries: bytes  # word after word of `vocabulary`, the entries that have it
    entry_type: str  # array type code of `entries`: "H" (16-bit) or "I"
    word_entry_ends: bytes  # per word of `vocabulary`: where its entries end in `entries`
    roles: dict[int, list[tuple[int, float, bool]]]  # occupation -> titles.RoleLink
