"""The `decline` check: a compound lift's e1RM falling while post-exhaust pairs are active.

Single-session e1RM is noisy by 3-5 %, so the detector looks at a window of sessions
with robust statistics. Its thresholds were calibrated by simulation (see
docs/progression.md): with ±3 % uniform noise, about 2-4 % of flat histories give a
finding and about 97 % of histories falling 8 % across 6 sessions do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from fitrec.analytics.trend import fitted_fall
from fitrec.domain.units import Unit, from_kg
from fitrec.rules.finding import Finding, Severity


class DeclineRule(StrEnum):
    """Which of the two tests fired."""

    TREND = "trend"
    BELOW_BEST = "below_best"


@dataclass(frozen=True, slots=True)
class DeclineConfig:
    """Thresholds of the decline check (defaults calibrated by simulation)."""

    window: int = 6  # sessions the trend is fitted over (the last ones)
    min_sessions: int = 4  # no verdict on fewer sessions
    trend_fall: float = 0.0425  # fitted fall across the window that counts as a decline
    below_best: float = 0.05  # two sessions in a row this far below the recent best
    best_lookback: int = 6  # sessions before those two that define "recent best"


@dataclass(frozen=True, slots=True)
class DeclineSignal:
    """Why a series counts as declining, with the numbers behind it."""

    rule: DeclineRule
    fall: float  # the fitted fall (trend) or the gap below the best (below_best)
    evidence: tuple[tuple[date, float], ...]  # the sessions examined, oldest first
    best: tuple[date, float] | None = None  # the recent best, for below_best


def detect_decline(
    series: Sequence[tuple[date, float]], config: DeclineConfig = DeclineConfig()
) -> DeclineSignal | None:
    """Whether the latest sessions of an e1RM series show a decline, and why."""
    if len(series) < config.min_sessions:
        return None
    window = tuple(series[-config.window :])
    fall = fitted_fall([value for _, value in window])
    if fall > config.trend_fall:
        return DeclineSignal(DeclineRule.TREND, fall, window)
    earlier = series[:-2][-config.best_lookback :]
    if earlier:
        best = max(earlier, key=lambda point: point[1])
        floor = best[1] * (1.0 - config.below_best)
        last_two = tuple(series[-2:])
        if all(value < floor for _, value in last_two):
            gap = 1.0 - max(value for _, value in last_two) / best[1]
            return DeclineSignal(DeclineRule.BELOW_BEST, gap, (*earlier, *last_two), best)
    return None


ADVICE = (
    "use fewer post-exhaust pairs per workout, fewer post-exhaust sessions a week, "
    "or take a deload week (fitrec can make one: halve compound sets, keep isolation)"
)


def decline_finding(
    lift_name: str, signal: DeclineSignal, active_pairs: Sequence[str], unit: Unit = Unit.KG
) -> Finding:
    """The `decline` finding for one lift: the evidence (in `unit`), the active pairs, the
    advice."""
    shown = signal.evidence[-6:]
    evidence = ", ".join(
        f"{day.isoformat()} {from_kg(value, unit):.1f} {unit.value}" for day, value in shown
    )
    if signal.rule is DeclineRule.TREND:
        why = (
            f"{lift_name} e1RM is trending down {signal.fall * 100:.1f} % over the "
            f"last {len(signal.evidence)} sessions ({evidence})"
        )
    else:
        assert signal.best is not None
        why = (
            f"{lift_name} e1RM was more than {signal.fall * 100:.1f} % below its recent "
            f"best ({signal.best[0].isoformat()} {from_kg(signal.best[1], unit):.1f} "
            f"{unit.value}) two sessions "
            f"in a row ({evidence})"
        )
    if active_pairs:
        why += f" while post-exhaust pairs were active: {'; '.join(active_pairs)}"
    else:
        why += "; no post-exhaust pairs were active, so look at recovery first"
    return Finding(
        code="decline",
        severity=Severity.WARNING,
        message=why + ".",
        fix=ADVICE[0].upper() + ADVICE[1:] + ".",
        entry=lift_name,
    )
