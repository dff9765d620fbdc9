"""Why a role matched a person's answers, in plain sentences (no formulas)."""

from __future__ import annotations

from mktcareers.models import RIASEC_NAMES
from mktcareers.quiz.results import Match, PreferenceFit

DISCLAIMER = (
    "These items are our own and are not a validated psychometric instrument; "
    "the scoring follows the method of the O*NET Interest Profiler."
)


# How strongly your interests match a role's, by the Pearson r of the two profiles:
# the lowest r of each band (docs/quiz.md). Six areas are few points, so only a high
# r says much; below 0.3 the shapes barely agree.
INTEREST_BANDS = ((0.7, "strong"), (0.3, "moderate"), (0.0, "weak"))
BELOW_BANDS = "opposite"  # r below 0: what you like most, the role needs least
INTEREST_WORDS = {
    "strong": "your interests match strongly",
    "moderate": "your interests match moderately",
    "weak": "your interests match only weakly",
    "opposite": "your interests point away from this role",
}
# What each O*NET job zone asks for, in our own words (docs/quiz.md).
JOB_ZONE_WORDS = {
    1: "no particular training or experience",
    2: "secondary school or some work experience",
    3: "vocational training, a two-year degree or a few years in related work",
    4: "a bachelor's degree or several years in related work",
    5: "a graduate degree or many years of specialist work",
}


def interest_match(correlation: float | None) -> str | None:
    """The band of INTEREST_BANDS (or BELOW_BANDS) that a Pearson r falls in; None for None."""
    if correlation is None:
        return None
    return next((name for lowest, name in INTEREST_BANDS if correlation >= lowest), BELOW_BANDS)


def weak_note(matches) -> str | None:
    """A warning when even the best match's interests are weak (or opposite)."""
    best = interest_match(matches[0].correlation) if matches else None
    if best in {"weak", BELOW_BANDS}:
        return (
            "Even your best matches share your interests only weakly: read them as roles "
            "to look into, not as a fit. Answering more items, with the whole scale, helps."
        )
    return None


def stretch_reason(match: Match, your_zone: int | None) -> str | None:
    """A sentence on how far the role's preparation is from yours, or None when
    either job zone is unknown."""
    if match.job_zone is None or your_zone is None:
        return None
    asks = f"it usually asks for {JOB_ZONE_WORDS[match.job_zone]} (job zone {match.job_zone} of 5"
    yours = f"your answer matches zone {your_zone})"
    if match.job_zone > your_zone:
        return f"A stretch from your education and experience: {asks}; {yours}"
    return f"Within reach of your education and experience: {asks}; {yours}"


def _lean(value: float, low: str, middle: str, high: str) -> str:
    return high if value >= 0.6 else low if value <= 0.4 else middle


def _preference_reason(check: PreferenceFit) -> str | None:
    """A sentence for a preference you expressed, or None when you were neutral."""
    if check.measure == "remote":
        if check.wanted < 0.5:
            return None
        return (
            f"Remote work matters to you: remote score {round(check.role_value * 100)} "
            f"({check.verdict})"
        )
    if check.wanted == 0.5:
        return None
    if check.measure == "creative":
        you = "creative" if check.wanted > 0.5 else "analytical"
        role = _lean(check.role_value, "analytical", "mixed", "creative")
        return f"You lean towards {you} work; this role's work is {role} ({check.verdict})"
    if check.measure == "people":
        you = "much of your day" if check.wanted > 0.5 else "little of your day"
        role = _lean(check.role_value, "little", "some", "much")
        return f"You want {you} with people; this role has {role} ({check.verdict})"
    you = "a lot of" if check.wanted > 0.5 else "little"
    return (
        f"You want {you} code and technical work; IT overlap "
        f"{round(check.role_value * 100)} ({check.verdict})"
    )


def reasons(match: Match, your_zone: int | None = None) -> list[str]:
    """Why a role matched, in plain sentences (the numbers are in the results' record);
    `your_zone` is the job zone (1-5) your background answer matches."""
    lines = []
    if match.correlation is not None:
        words = INTEREST_WORDS[interest_match(match.correlation)]
        line = words[0].upper() + words[1:]
        if match.drivers:
            driven = " and ".join(
                f"{RIASEC_NAMES[d.area]} (you {d.you:.1f}, role {d.role:.1f})"
                for d in match.drivers
            )
            line += f", driven by {driven}"
        lines.append(line)
    lines.extend(filter(None, map(_preference_reason, match.preference_fits)))
    if match.readiness is not None:
        lines.append(
            f"You already have {round(match.readiness * 100)}% of the skill level it needs "
            f"in the {match.rated_skills} skill{'s' if match.rated_skills != 1 else ''} you rated"
        )
    stretch = stretch_reason(match, your_zone)
    if stretch:
        lines.append(stretch)
    return lines
