"""Why a role matched a person's answers, in plain sentences (no formulas)."""

from __future__ import annotations

from mktcareers.models import RIASEC_NAMES
from mktcareers.quiz.results import Match, PreferenceFit

DISCLAIMER = (
    "These items are our own and are not a validated psychometric instrument; "
    "the scoring follows the method of the O*NET Interest Profiler."
)


def _strength(correlation: float) -> str:
    if correlation >= 0.7:
        return "strong"
    if correlation >= 0.4:
        return "fair"
    if correlation >= 0:
        return "weak"
    return "poor"


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


def reasons(match: Match) -> list[str]:
    """Why a role matched, in plain sentences."""
    lines = []
    if match.correlation is not None:
        line = f"Interests: {_strength(match.correlation)} match (r = {match.correlation:.2f})"
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
    return lines
