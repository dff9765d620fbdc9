"""The remote suitability score: an editorial rating computed from rubric factors."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from mktcareers.models import RemoteFactor

MAX_RATING = 4


def remote_score(factors: Iterable[RemoteFactor]) -> int:
    """0-100: each factor's weight times its rating as a share of the top rating.

    Rounded half up (82.5 -> 83), so the score does not depend on Python's
    round-half-to-even.
    """
    total = sum(Decimal(factor.weight) * factor.rating / MAX_RATING for factor in factors)
    return int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP))
