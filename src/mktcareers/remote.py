"""The remote suitability score: an editorial rating computed from rubric factors."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from mktcareers.models import Remote, RemoteFactor

MAX_RATING = 4


def remote_score(factors: Iterable[RemoteFactor]) -> int:
    """0-100: each factor's weight times its rating as a share of the top rating.

    Rounded half up (82.5 -> 83), so the score does not depend on Python's
    round-half-to-even.
    """
    total = sum(Decimal(factor.weight) * factor.rating / MAX_RATING for factor in factors)
    return int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# A remote score below this is "often not remote" (the family verdict's lowest band);
# at or above it, "often" remote (docs/method.md).
OFTEN_REMOTE = 60


class TeleworkContrast(NamedTuple):
    """Why a role's remote score and its occupation's teleworkable flag seem to disagree.

    `kind` is "low score, teleworkable" (Dingel & Neiman say the occupation's tasks can be
    done from home, yet the role usually is not worked that way) or "high score, not
    teleworkable"; `factors` are the rubric factors that pull the score down most (rated
    2/4 or lower, largest loss of points first), or, for a high score, those rated 4/4."""

    kind: str
    score: int  # 0-100
    factors: tuple[RemoteFactor, ...]


def telework_contrast(remote: Remote, teleworkable: bool | None) -> TeleworkContrast | None:
    """The contrast between `remote` (our editorial score) and `teleworkable` (Dingel &
    Neiman's flag for the role's occupations), or None when they agree or there is no
    flag: a teleworkable occupation with a score below OFTEN_REMOTE, or one that is not
    teleworkable with a score at or above it."""
    if teleworkable is True and remote.score < OFTEN_REMOTE:
        low = [factor for factor in remote.factors if factor.rating <= MAX_RATING // 2]
        lost = sorted(low, key=lambda f: (-(f.weight * (MAX_RATING - f.rating)), f.id))
        return TeleworkContrast("low score, teleworkable", remote.score, tuple(lost[:2]))
    if teleworkable is False and remote.score >= OFTEN_REMOTE:
        high = [factor for factor in remote.factors if factor.rating == MAX_RATING]
        return TeleworkContrast(
            "high score, not teleworkable",
            remote.score,
            tuple(sorted(high, key=lambda f: (-f.weight, f.id))[:2]),
        )
    return None
