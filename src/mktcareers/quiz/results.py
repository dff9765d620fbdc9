"""What the quiz finds: the records scoring returns and views show."""

from __future__ import annotations

import msgspec

from mktcareers.models import Role

MET, MISSED = 0.75, 0.5  # a preference fit at or above MET is met, below MISSED missed


class AreaDriver(msgspec.Struct, frozen=True):
    """An area that is above average both for you and for the role."""

    area: str
    you: float
    role: float


class PreferenceFit(msgspec.Struct, frozen=True):
    """How a role meets one work preference: your wish and the role's value, both 0-1,
    and the fit, 0-1."""

    measure: str  # remote, creative, people, code
    wanted: float  # your answer as 0-1
    role_value: float  # the role's value as 0-1
    fit: float  # 0-1

    @property
    def verdict(self) -> str:
        return "met" if self.fit >= MET else "missed" if self.fit < MISSED else "partly"


class SkillToBuild(msgspec.Struct, frozen=True):
    """A skill a recommended role needs: the level you rated (0-5, None when not rated)
    and the level it needs (1-5)."""

    id: str
    name: str
    have: int | None  # None when you did not rate it
    need: int


class Match(msgspec.Struct, frozen=True):
    """A recommended role: its fit (0-100), the parts it is made of and why."""

    role: Role
    fit: int  # 0-100
    correlation: float | None  # Pearson r of interest profiles
    preferences: float | None  # 0-1
    readiness: float | None  # 0-1
    rated_skills: int
    drivers: tuple[AreaDriver, ...]
    preference_fits: tuple[PreferenceFit, ...]
    skills_to_build: tuple[SkillToBuild, ...]
    job_zone: int | None = None  # 1-5, the role's O*NET job zone (preparation it asks for)
    stretch: bool | None = None  # its job zone is above yours; None when either is unknown

    @property
    def interest(self) -> float | None:
        return None if self.correlation is None else (self.correlation + 1) / 2


class QuizResult(msgspec.Struct, frozen=True):
    """The quiz's outcome: your RIASEC profile (1-7 per area, None without answers), your
    Holland code (up to three areas at or above the scale's middle; `holland_note` says
    why when it has fewer), a status (ok, flat or incomplete, with a message when not
    ok), the best matches first, how many items were answered of those asked, and the
    job zone (1-5) your background answer matches, None when not answered, and the
    ties that decided letters of the code (scoring.holland_ties)."""

    profile: dict[str, float | None]
    holland_code: str
    status: str  # "ok", "flat" or "incomplete"
    message: str | None
    matches: tuple[Match, ...]
    answered: int
    asked: int
    holland_note: str | None = None
    job_zone: int | None = None  # 1-5, from the background question
    holland_ties: list[dict] = []  # scoring.holland_ties: ties that decided a letter
