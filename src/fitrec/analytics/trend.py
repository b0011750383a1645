"""Robust statistics for short, noisy series: the Theil-Sen slope and its fitted fall."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median


def theil_sen(values: Sequence[float]) -> tuple[float, float]:
    """Slope and intercept of the Theil-Sen line through (i, values[i]).

    The slope is the median of every pairwise slope, so one bad session moves it little.
    """
    n = len(values)
    if n < 2:
        raise ValueError("a trend needs at least two points")
    slopes = [(values[j] - values[i]) / (j - i) for i in range(n) for j in range(i + 1, n)]
    slope = median(slopes)
    intercept = median(v - slope * i for i, v in enumerate(values))
    return slope, intercept


def fitted_fall(values: Sequence[float]) -> float:
    """How far the robust line falls across the series, as a fraction of where it starts.

    0.08 means the fitted line ends 8 % below its start; a rising series gives < 0.
    """
    slope, intercept = theil_sen(values)
    if intercept <= 0:
        return 0.0
    end = intercept + slope * (len(values) - 1)
    return (intercept - end) / intercept
