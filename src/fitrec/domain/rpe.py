"""The RTS RPE chart: %1RM as a function of reps and effort (RPE or reps in reserve).

The table is Mike Tuchscherer's Reactive Training Systems chart. It is "reps + RIR"
shaped: 5 reps at RPE 8 (2 in reserve) weighs what 7 reps at RPE 10 weighs.
"""

from __future__ import annotations

import math

RPE_COLUMNS: tuple[float, ...] = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)
"""The chart's columns, hardest first; RIR = 10 - RPE."""

RTS_CHART: dict[int, tuple[float, ...]] = {
    # reps: %1RM at RPE 10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6
    1: (100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3),
    2: (95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7),
    3: (92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7, 82.4, 81.1),
    4: (89.2, 87.8, 86.3, 85.0, 83.7, 82.4, 81.1, 79.9, 78.6),
    5: (86.3, 85.0, 83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2),
    6: (83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2, 75.1, 73.9),
    7: (81.1, 79.9, 78.6, 77.4, 76.2, 75.1, 73.9, 72.3, 70.7),
    8: (78.6, 77.4, 76.2, 75.1, 73.9, 72.3, 70.7, 69.4, 68.0),
    9: (76.2, 75.1, 73.9, 72.3, 70.7, 69.4, 68.0, 66.7, 65.3),
    10: (73.9, 72.3, 70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6),
    11: (70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9),
    12: (68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6, 57.3),
}
"""%1RM by reps (1-12) and RPE column. The published chart stops at RPE 6.5; the RPE 6
column continues its reps + RIR shape (12 @ 6 = 57.3 % extends the ~1.3-point step)."""

CHART_MAX_REPS = 12
MAX_RIR = 4.0
MAX_REPS = 30  # past ~30 reps a set measures endurance, not strength


def _percent_by_reps_plus_rir() -> dict[int, float]:
    """The chart flattened to its one real axis, reps + RIR, keyed in half reps."""
    flat: dict[int, float] = {}
    for reps, row in RTS_CHART.items():
        for rpe, percent in zip(RPE_COLUMNS, row, strict=True):
            flat[round((reps + 10.0 - rpe) * 2)] = percent
    return flat


_BY_HALF_REPS = _percent_by_reps_plus_rir()
_CHART_END = max(_BY_HALF_REPS)  # reps + RIR = 16


def rpe_to_rir(rpe: float) -> float:
    """Reps in reserve implied by an RPE (RPE 8 -> 2 RIR)."""
    return 10.0 - rpe


def rir_to_rpe(rir: float) -> float:
    """RPE implied by reps in reserve (1 RIR -> RPE 9)."""
    return 10.0 - rir


def resolve_rir(rpe: float | None = None, rir: float | None = None) -> float:
    """The RIR given either an RPE or an RIR (exactly one of them)."""
    if (rpe is None) == (rir is None):
        raise ValueError("give exactly one of rpe or rir")
    value = rpe_to_rir(rpe) if rpe is not None else rir
    assert value is not None
    return value


def in_chart(reps: int, rir: float) -> bool:
    """True when (reps, rir) lies inside the published table, not its extrapolation."""
    return 1 <= reps <= CHART_MAX_REPS and 0.0 <= rir <= MAX_RIR


def rts_percent(reps: int, rir: float) -> float:
    """%1RM as a fraction (0.863 for 5 reps at 0 RIR) from the RTS chart.

    Inside the chart (reps 1-12, RIR 0-4) the table is read directly; an RIR between
    half steps is interpolated linearly. Reps 13-30 are extrapolated: up to reps + RIR
    = 16 by the chart's own reps + RIR shape, beyond that by Epley's curve scaled to meet
    the chart's last value. Reps outside 1-30 or RIR outside 0-4 raise ValueError.
    """
    if isinstance(reps, bool) or not isinstance(reps, int) or not 1 <= reps <= MAX_REPS:
        raise ValueError(f"reps must be a whole number from 1 to {MAX_REPS}, got {reps!r}")
    if not math.isfinite(rir) or not 0.0 <= rir <= MAX_RIR:
        raise ValueError(f"RIR must be between 0 and {MAX_RIR:g} (RPE 6-10), got {rir!r}")
    return _percent_at(reps + rir) / 100.0


def _percent_at(reps_plus_rir: float) -> float:
    """%1RM (in percent) at an effective rep count reps + RIR."""
    half = reps_plus_rir * 2
    if half > _CHART_END:
        edge = _CHART_END / 2
        return _BY_HALF_REPS[_CHART_END] * (1 + edge / 30) / (1 + reps_plus_rir / 30)
    low = math.floor(half)
    high = math.ceil(half)
    if low == high:
        return _BY_HALF_REPS[low]
    share = half - low
    return _BY_HALF_REPS[low] * (1 - share) + _BY_HALF_REPS[high] * share
