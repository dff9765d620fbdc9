"""The knowledge base as frozen dataclasses. No Rich, no YAML here."""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    type: str  # "technical" or "non-technical"
    description: str


@dataclass(frozen=True)
class RoleSkill:
    """A catalogue skill as one role needs it."""

    id: str
    name: str
    type: str
    level: int  # 1-5


@dataclass(frozen=True)
class RemoteFactor:
    id: str
    name: str
    weight: int
    rating: int  # 0-4
    reason: str


@dataclass(frozen=True)
class RemoteChallenge:
    kind: str
    note: str


@dataclass(frozen=True)
class Remote:
    score: int  # 0-100, computed from the factors
    factors: tuple[RemoteFactor, ...]
    challenges: tuple[RemoteChallenge, ...]


@dataclass(frozen=True)
class GettingStarted:
    skills_to_build: tuple[str, ...]
    portfolio: tuple[str, ...]
    networking: tuple[str, ...]
    job_search: tuple[str, ...]


@dataclass(frozen=True)
class OnetLink:
    code: str
    weight: float
    reason: str
    title: str | None = None  # from the derived data
    job_zone: int | None = None
    teleworkable: bool | None = None


@dataclass(frozen=True)
class Pay:
    median: int | None
    p10: int | None
    p90: int | None
    top_coded: bool
    soc_codes: tuple[str, ...]


@dataclass(frozen=True)
class Outlook:
    growth_pct: float | None
    annual_openings: int | None
    openings_soc: str
    entry_education: str


@dataclass(frozen=True)
class ItOverlap:
    score: int  # 0-100
    profile_similarity: float
    tool_category_similarity: float
    gap_filled: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Derived:
    """Numbers computed by scripts/build_derived.py, never typed by hand."""

    riasec: dict[str, float]
    job_zone: int
    pay: Pay
    outlook: Outlook
    teleworkable: bool | None
    it_overlap: ItOverlap


@dataclass(frozen=True)
class Role:
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

    @property
    def it_overlap(self) -> int | None:
        return self.derived.it_overlap.score if self.derived else None

    @property
    def pay_median(self) -> int | None:
        return self.derived.pay.median if self.derived else None


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    summary: str
    core_focus: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    version: str
    year: int
    licence: str
    url: str


@dataclass(frozen=True)
class RubricFactor:
    id: str
    name: str
    weight: int
    question: str
    anchors: dict[int, str]


@dataclass(frozen=True)
class RemoteRubric:
    factors: tuple[RubricFactor, ...]
    challenge_kinds: dict[str, str]


@dataclass(frozen=True)
class KnowledgeBase:
    roles: tuple[Role, ...]
    skills: dict[str, Skill]
    families: dict[str, Family]
    sources: dict[str, Source]
    rubric: RemoteRubric
    root: str = ""

    def role(self, slug: str) -> Role | None:
        for role in self.roles:
            if role.slug == slug:
                return role
        return None


QUIZ_KINDS = ("interest", "preference", "skill")
QUIZ_MEASURES = ("remote", "creative", "people", "code")


@dataclass(frozen=True)
class QuizItem:
    """One question, answered 1-5 on `scale` (five labels, lowest first)."""

    id: str
    kind: str  # one of QUIZ_KINDS
    text: str
    scale: tuple[str, ...]
    area: str | None = None  # interest items: one of RIASEC
    measures: str | None = None  # preference items: one of QUIZ_MEASURES
    skill: str | None = None  # skill items: a catalogue skill id
    short: bool = False  # part of the short quiz


@dataclass(frozen=True)
class Quiz:
    items: tuple[QuizItem, ...]
    path: str = ""

    def item(self, item_id: str) -> QuizItem | None:
        for item in self.items:
            if item.id == item_id:
                return item
        return None
