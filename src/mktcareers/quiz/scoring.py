"""Score quiz answers against roles: interest shape, work preferences and skill readiness.

Pure and deterministic; the method and its weights are in docs/quiz.md.

- Interest: answers 1-5 become 0-4 and are summed per RIASEC area, as the
  O*NET Interest Profiler does. Areas can have different numbers of answers
  (skips, the short quiz), so each sum is divided by its count, then rescaled
  to O*NET's 1-7 occupational scale and compared with each role's profile by
  Pearson correlation: the shape of the profile counts, not its level.
- Preferences: each answer is compared with one number of the role.
- Skills: readiness is the share of the role's needed level you already have,
  over the skills you rated.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence

from mktcareers.models import RIASEC, RIASEC_NAMES, Quiz, Role
from mktcareers.quiz.items import HIGHEST, LOWEST
from mktcareers.quiz.results import (
    AreaDriver,
    Match,
    PreferenceFit,
    QuizResult,
    SkillToBuild,
)

WEIGHTS = {"interest": 0.60, "preferences": 0.25, "skills": 0.15}
# A profile whose highest and lowest areas are closer than this (on 1-7) is
# flat: one answer step is 1.5 on that scale, so this is less than one step.
FLAT_RANGE = 1.0
# Skill answers on the catalogue's level scale; 1 means none yet (level 0).
SKILL_LEVEL = {1: 0, 2: 2, 3: 3, 4: 4, 5: 5}
SKILLS_TO_BUILD = 3
# The middle of O*NET's 1-7 interest scale: an area scores it when its answers
# average "not sure" (3 of 1-5). Only areas at or above it enter the Holland code.
MIDDLE = 4.0
# Areas with equal scores take their places in the code in this order (docs/quiz.md).
TIE_ORDER = "R-I-A-S-E-C"


# ------------------------------------------------------------------ interest profile


def interest_profile(quiz: Quiz, answers: Mapping[str, int]) -> dict[str, float | None]:
    """Each area's 1-7 score, or None for an area without answers."""
    profile: dict[str, float | None] = {}
    for area in RIASEC:
        points = [answers[i.id] - LOWEST for i in quiz.items if i.area == area and i.id in answers]
        profile[area] = 1 + 6 * sum(points) / (4 * len(points)) if points else None
    return profile


def _level(score: float) -> float:
    """A score as compared for ties: equal to 6 decimals (float sums of different
    numbers of answers can differ in the last bits)."""
    return round(score, 6)


def holland_code(profile: Mapping[str, float | None]) -> str:
    """Up to three areas, highest first, of those scoring at least MIDDLE on 1-7: fewer
    letters, or none, when fewer areas reach it. Equal scores are ordered R-I-A-S-E-C
    (the tie rule of docs/quiz.md); holland_ties says where that decided a letter."""
    scored = [area for area in RIASEC if (profile.get(area) or 0) >= MIDDLE]
    return "".join(sorted(scored, key=lambda area: -_level(profile[area]))[:3])


def holland_ties(profile: Mapping[str, float | None], code: str) -> list[dict]:
    """The ties that decided letters of `code` (holland_code): each group of two or
    more areas at or above MIDDLE with the same score, one of them in the code, as
    {"areas": letters in R-I-A-S-E-C order, "score": 1-7 (2 decimals), "places":
    the code's letter positions (1-3) the group fills, "in_code": whether every
    area of the group is in the code (then only their order was decided)}.
    Highest score first; [] when no tie touches the code."""
    groups: dict[float, list[str]] = {}
    for area in RIASEC:
        value = profile.get(area)
        if value is not None and value >= MIDDLE:
            groups.setdefault(_level(value), []).append(area)
    ties = []
    for level in sorted(groups, reverse=True):
        areas = groups[level]
        places = [code.index(area) + 1 for area in areas if area in code]
        if len(areas) > 1 and places:
            ties.append(
                {
                    "areas": "".join(areas),
                    "score": round(level, 2),
                    "places": sorted(places),
                    "in_code": len(places) == len(areas),
                }
            )
    return ties


_PLACES = {1: "first", 2: "second", 3: "third"}


def _listed(words: Sequence[str], last: str = "and") -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def tie_sentence(tie: Mapping) -> str:
    """One tie (holland_ties) in words: 'R, S, E and C tie at 4.0: the third letter
    could be any of them.'"""
    areas = list(tie["areas"])
    places = [_PLACES.get(place, str(place)) for place in tie["places"]]
    where = f"the {_listed(places)} letter{'s' * (len(places) > 1)}"
    if tie["in_code"]:
        could = (
            f"{where} could come in either order"
            if len(areas) == 2
            else (f"{where} could come in any order")
        )
    elif len(places) == 1:
        which = "either" if len(areas) == 2 else "any"
        could = f"{where} could be {which} of them"
    else:
        could = f"{where} could be any {len(places)} of them"
    return f"{_listed(areas)} tie at {tie['score']:.1f}: {could}."


def holland_note(code: str, profile: Mapping[str, float | None] | None = None) -> str | None:
    """What the Holland code does not say by itself, or None: the areas without any
    answer (the code is from the answered ones only), why it has fewer than three
    letters, and the ties that decided a letter (holland_ties)."""
    profile = profile or {}
    missing = [area for area in RIASEC if area in profile and profile[area] is None]
    answered = [area for area in RIASEC if area not in missing]
    sentences = []
    if missing:
        names = _listed([RIASEC_NAMES[area] for area in missing])
        some = "the one area" if len(answered) == 1 else f"the {len(answered)} areas"
        sentences.append(
            f"You answered no item for {names}, so your code comes only from {some} you answered."
            if answered
            else f"You answered no item for {names}."
        )
    if len(code) < 3 and answered:
        middle = f"the middle of the scale ({MIDDLE:g} on 1-7, an average answer of 'not sure')"
        among = "Of the areas you answered, " if missing else ""
        if not code:
            no = "no" if missing else "No"
            sentences.append(f"{among}{no} area reaches {middle}, so there is no Holland code.")
        else:
            names = _listed([RIASEC_NAMES[area] for area in code])
            verb = "reaches" if len(code) == 1 else "reach"
            only = "only" if missing else "Only"
            letters = f"{len(code)} letter{'s' * (len(code) > 1)}"
            sentences.append(f"{among}{only} {names} {verb} {middle}, so your code has {letters}.")
    ties = holland_ties(profile, code)
    sentences += [tie_sentence(tie) for tie in ties]
    if ties:
        sentences.append(f"Tied areas are put in {TIE_ORDER} order.")
    return " ".join(sentences) or None


def background_zone(quiz: Quiz, answers: Mapping[str, int]) -> int | None:
    """The job zone (1-5) the background answer matches: answer N is zone N (the
    scale's labels are written so); None when the quiz has no background item or it
    was skipped."""
    return next(
        (
            answers[item.id]
            for item in quiz.items
            if item.kind == "background" and item.id in answers
        ),
        None,
    )


# ------------------------------------------------------------------ scoring


def score(
    quiz: Quiz,
    answers: Mapping[str, int],
    roles: Sequence[Role],
    limit: int = 5,
    asked: int | None = None,
) -> QuizResult:
    """The best `limit` roles for these answers, best first, with why."""
    profile = interest_profile(quiz, answers)
    code = holland_code(profile)
    note = holland_note(code, profile)
    ties = holland_ties(profile, code)
    zone = background_zone(quiz, answers)
    answered = sum(1 for item in quiz.items if item.id in answers)
    asked = len(quiz.items) if asked is None else asked
    missing = [area for area in RIASEC if profile[area] is None]
    if missing:
        names = ", ".join(RIASEC_NAMES[area] for area in missing)
        message = (
            f"No interest answers for {names}: answer at least one item in every area "
            "to get recommendations."
        )
        return QuizResult(
            profile, code, "incomplete", message, (), answered, asked, note, zone, ties
        )
    spread = max(profile.values()) - min(profile.values())
    if spread < FLAT_RANGE:
        message = (
            f"Your interest answers are almost the same for every area (they span only "
            f"{spread:.1f} on the 1-7 scale), so they cannot tell roles apart. "
            + _flat_advice(quiz, answers, asked)
        )
        return QuizResult(profile, code, "flat", message, (), answered, asked, note, zone, ties)

    person = _Person.from_answers(quiz, answers, profile, zone)
    # Only the best `limit` are needed: a heap avoids sorting thousands of roles.
    best = heapq.nsmallest(
        limit,
        ((person.fit(role), role) for role in roles),
        key=lambda pair: (-pair[0][0], -(pair[0][1] or -2), pair[1].title, pair[1].slug),
    )
    matches = tuple(person.explain(role, parts) for parts, role in best)
    return QuizResult(profile, code, "ok", None, matches, answered, asked, note, zone, ties)


def _flat_advice(quiz: Quiz, answers: Mapping[str, int], asked: int) -> str:
    """What to do about a flat profile, by what was taken: the full quiz is suggested
    only after a shorter one (fewer items asked, or answers to short items only)."""
    whole_scale = (
        "use the whole scale: 'strongly like' for the work that appeals most, "
        "'dislike' or 'strongly dislike' for what appeals least"
    )
    full = asked >= len(quiz.items) and any(
        not item.short for item in quiz.items if item.id in answers
    )
    if not full:
        return f"Take the full quiz ('mktcareers quiz') and {whole_scale}."
    return f"Take the quiz again and {whole_scale}."


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def role_value(measure: str, role: Role) -> float | None:
    """The role's side of a preference, 0-1 (None without the data it needs)."""
    if measure == "remote":
        return role.remote.score / 100
    derived = role.derived
    if derived is None:
        return None
    riasec = derived.riasec
    if measure == "creative":  # Artistic against Investigative: 0 analytical, 1 creative
        return (_clamp((riasec["A"] - riasec["I"]) / 4, -1.0, 1.0) + 1) / 2
    if measure == "people":  # Social and Enterprising: work with and through people
        return _clamp(((riasec["S"] + riasec["E"]) / 2 - 2) / 3)
    if measure == "code":
        return derived.it_overlap.score / 100
    raise ValueError(f"unknown measure: {measure}")


def preference_fit(measure: str, wanted: float, value: float) -> float:
    """How well a role's value meets a preference, 0-1.

    Remote is one-sided: a role cannot be too remote-friendly, and someone to
    whom it does not matter is never penalised. The others are two-sided.
    """
    if measure == "remote":
        return 1 - wanted * (1 - value)
    return 1 - abs(wanted - value)


_INTEREST, _PREFERENCES, _SKILLS = WEIGHTS["interest"], WEIGHTS["preferences"], WEIGHTS["skills"]


class _Person:
    """Answers prepared once, so scoring thousands of roles stays cheap."""

    def __init__(self, profile, deviations, norm, wanted, skill_levels, zone=None) -> None:
        self.profile = profile
        self.zone = zone  # 1-5, None when the background question was not answered
        self.deviations = deviations
        self.norm = norm
        self.wanted = wanted  # measure -> 0-1
        self.skill_levels = skill_levels  # skill id -> level 0-5

    @classmethod
    def from_answers(
        cls, quiz: Quiz, answers: Mapping[str, int], profile, zone: int | None = None
    ) -> _Person:
        values = [profile[area] for area in RIASEC]
        mean = sum(values) / len(values)
        deviations = [value - mean for value in values]
        norm = math.sqrt(sum(d * d for d in deviations))
        wanted, skills = {}, {}
        for item in quiz.items:
            if item.id not in answers:
                continue
            if item.kind == "preference":
                wanted[item.measures] = (answers[item.id] - LOWEST) / (HIGHEST - LOWEST)
            elif item.kind == "skill":
                skills[item.skill] = SKILL_LEVEL[answers[item.id]]
        return cls(profile, deviations, norm, wanted, skills, zone)

    def correlation(self, role: Role) -> float | None:
        if role.derived is None:
            return None
        r = role.derived.riasec
        x = (r["R"], r["I"], r["A"], r["S"], r["E"], r["C"])
        d = self.deviations
        # Written out, not as generators: this runs for every role of the knowledge base.
        # sum((x - mean) * d) == sum(x * d) because your deviations d sum to 0.
        covariance = x[0] * d[0] + x[1] * d[1] + x[2] * d[2] + x[3] * d[3] + x[4] * d[4]
        covariance += x[5] * d[5]
        total = x[0] + x[1] + x[2] + x[3] + x[4] + x[5]
        squares = x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3] + x[4] * x[4]
        squares += x[5] * x[5]
        norm = math.sqrt(max(squares - total * total / 6, 0.0)) * self.norm
        if norm == 0:
            return None
        return covariance / norm

    def preference_fits(self, role: Role) -> list[PreferenceFit]:
        fits = []
        for measure, wanted in self.wanted.items():
            value = role_value(measure, role)
            if value is not None:
                fits.append(
                    PreferenceFit(measure, wanted, value, preference_fit(measure, wanted, value))
                )
        return fits

    def readiness(self, role: Role) -> tuple[float | None, int]:
        levels = self.skill_levels
        if not levels:
            return None, 0
        have = need = rated = 0
        for skill in role.skills:
            if skill.id in levels:  # most skills are not rated: test before fetching
                level, needed = levels[skill.id], skill.level
                rated += 1
                have += level if level < needed else needed
                need += needed
        return (have / need if need else None), rated

    def fit(self, role: Role) -> tuple[int, float | None, float | None, float | None, int]:
        """(fit 0-100, correlation, preferences 0-1, readiness 0-1, skills rated)."""
        correlation = self.correlation(role)
        # Plain floats here, not PreferenceFit objects: this runs for every role.
        fits = [
            preference_fit(measure, wanted, value)
            for measure, wanted in self.wanted.items()
            if (value := role_value(measure, role)) is not None
        ]
        preferences = sum(fits) / len(fits) if fits else None
        readiness, rated = self.readiness(role)
        # The parts you have, weighted; a missing part's weight is shared out.
        weighted = total = 0.0
        if correlation is not None:
            weighted += _INTEREST * (correlation + 1) / 2
            total += _INTEREST
        if preferences is not None:
            weighted += _PREFERENCES * preferences
            total += _PREFERENCES
        if readiness is not None:
            weighted += _SKILLS * readiness
            total += _SKILLS
        value = weighted / total if total else 0.0
        return round(100 * value), correlation, preferences, readiness, rated

    def explain(self, role: Role, parts) -> Match:
        fit, correlation, preferences, readiness, rated = parts
        job_zone = role.derived.job_zone if role.derived else None
        stretch = None if job_zone is None or self.zone is None else job_zone > self.zone
        return Match(
            role=role,
            fit=fit,
            correlation=correlation,
            preferences=preferences,
            readiness=readiness,
            rated_skills=rated,
            drivers=self.drivers(role),
            preference_fits=tuple(self.preference_fits(role)),
            skills_to_build=self.skills_to_build(role),
            job_zone=job_zone,
            stretch=stretch,
        )

    def drivers(self, role: Role) -> tuple[AreaDriver, ...]:
        """Areas above average for both, the largest joint contribution first."""
        if role.derived is None:
            return ()
        riasec = role.derived.riasec
        role_mean = sum(riasec.values()) / len(riasec)
        joint = [
            (you_dev * (riasec[area] - role_mean), area)
            for area, you_dev in zip(RIASEC, self.deviations, strict=True)
            if you_dev > 0 and riasec[area] > role_mean
        ]
        joint.sort(key=lambda pair: (-pair[0], RIASEC.index(pair[1])))
        return tuple(AreaDriver(area, self.profile[area], riasec[area]) for _, area in joint[:2])

    def skills_to_build(self, role: Role) -> tuple[SkillToBuild, ...]:
        """The role's skills you lack most, weighted by how much it needs them.

        Skills you rated come first; those you did not rate follow (as level 0).
        """
        gaps = []
        for skill in role.skills:
            have = self.skill_levels.get(skill.id)
            gap = skill.level - (have or 0)
            if gap > 0:
                gaps.append((gap * skill.level, skill, have))
        # Gaps you told us about come first; unrated skills follow, as if level 0.
        gaps.sort(key=lambda entry: (entry[2] is None, -entry[0], -entry[1].level, entry[1].name))
        return tuple(
            SkillToBuild(skill.id, skill.name, have, skill.level)
            for _, skill, have in gaps[:SKILLS_TO_BUILD]
        )
