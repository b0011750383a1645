"""A lift's e1RM over time as the charts and the findings both read it.

One result per lift: the robust trend line (a rolling median, broken where training
stopped for more than three weeks), every span where the lift was declining, and which of
those spans is current. The progress charts shade the spans; the `decline` finding is
made from the current one only, so charts and findings cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from fitrec.analytics.decline import DeclineConfig, DeclineSignal, detect_decline
from fitrec.domain.units import Unit, from_kg

Point = tuple[date, float]

GAP_DAYS = 21  # a longer pause starts a new stretch of training: the trend line breaks
TREND_SESSIONS = 5  # the rolling median's window
ACTIVE_DAYS = 28  # a lift trained this recently is trained "now"
RECENT_DAYS = 120  # the sessions a current decline may rest on (the findings' window)


@dataclass(frozen=True, slots=True)
class DeclineSpan:
    """The days over which a lift was declining; `current` if it is declining now."""

    start: date
    end: date
    current: bool = False


@dataclass(frozen=True, slots=True)
class LiftTrend:
    """A lift's trend segments, its decline spans and the current decline (if any)."""

    trend: tuple[tuple[Point, ...], ...]  # one segment per stretch without a long gap
    spans: tuple[DeclineSpan, ...]
    current: DeclineSignal | None


def stretches(series: Sequence[Point], gap_days: int = GAP_DAYS) -> list[list[Point]]:
    """The series cut where more than `gap_days` pass between two sessions."""
    parts: list[list[Point]] = []
    for point in series:
        if parts and (point[0] - parts[-1][-1][0]).days <= gap_days:
            parts[-1].append(point)
        else:
            parts.append([point])
    return parts


def rolling_median(stretch: Sequence[Point], window: int = TREND_SESSIONS) -> tuple[Point, ...]:
    """The median of each session and the ones before it (up to `window`), so one light
    day does not pull the line down."""
    values = [value for _, value in stretch]
    return tuple(
        (day, round(median(values[max(0, i + 1 - window) : i + 1]), 2))
        for i, (day, _) in enumerate(stretch)
    )


def _tail(config: DeclineConfig) -> int:
    # detect_decline reads no further back than this: its window, or the best before two.
    return max(config.window, config.best_lookback + 2)


def _history_spans(stretch: Sequence[Point], config: DeclineConfig) -> list[tuple[date, date]]:
    """Each span where the check would have fired, evaluated session by session."""
    spans: list[tuple[date, date]] = []
    tail = _tail(config)
    for end in range(config.min_sessions, len(stretch) + 1):
        signal = detect_decline(stretch[max(0, end - tail) : end], config)
        if signal is None:
            continue
        start, last = signal.evidence[0][0], signal.evidence[-1][0]
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(last, spans[-1][1]))
        else:
            spans.append((start, last))
    return spans


def current_decline(
    series: Sequence[Point], today: date, config: DeclineConfig = DeclineConfig()
) -> DeclineSignal | None:
    """A decline that speaks about now: the lift was trained in the last ACTIVE_DAYS and
    its last sessions, close together and within RECENT_DAYS, are falling."""
    if not series or (today - series[-1][0]).days > ACTIVE_DAYS:
        return None
    since = today - timedelta(days=RECENT_DAYS)
    last = stretches([p for p in series if p[0] >= since])
    return detect_decline(last[-1], config) if last else None


def lift_trend(
    series: Sequence[Point], today: date, config: DeclineConfig = DeclineConfig()
) -> LiftTrend:
    """The trend line, the decline spans (old ones are history) and the current decline."""
    parts = stretches(series)
    current = current_decline(series, today, config)
    spans = [DeclineSpan(a, b) for part in parts for a, b in _history_spans(part, config)]
    if current is not None:
        # The current span covers the finding's evidence and the history spans it touches.
        start, end = current.evidence[0][0], current.evidence[-1][0]
        touching = [s for s in spans if s.start <= end and start <= s.end]
        spans = [s for s in spans if s not in touching]
        start = min([start, *(s.start for s in touching)])
        end = max([end, *(s.end for s in touching)])
        spans.append(DeclineSpan(start, end, current=True))
        spans.sort(key=lambda s: s.start)
    return LiftTrend(tuple(rolling_median(p) for p in parts), tuple(spans), current)


@dataclass(frozen=True, slots=True)
class LongBreak:
    """How long since the last session, and the loads to restart at."""

    last_day: date
    weeks: int
    factor: float  # of the last working load
    loads: tuple[tuple[str, float], ...]  # (exercise slug, last working load in kg)


BREAK_WEEKS = 4  # from four weeks without training the findings say so
LOSS_PER_WEEK = 0.025  # restart 2.5 % lighter per week off ...
MAX_LOSS = 0.30  # ... but never more than 30 % lighter


def restart_factor(weeks: int) -> float:
    """The fraction of the last working load to restart at after `weeks` off."""
    return round(1.0 - min(MAX_LOSS, LOSS_PER_WEEK * weeks), 3)


def restart_load(last_kg: float, factor: float, unit: Unit) -> float:
    """The load to restart at, in `unit`: the last load times `factor`, rounded down to
    2.5 kg or 5 lb (never below one step)."""
    step = 2.5 if unit is Unit.KG else 5.0
    return max(step, from_kg(last_kg * factor, unit) // step * step)


def long_break(
    last_day: date | None, last_loads: dict[str, float], today: date
) -> LongBreak | None:
    """The break since `last_day` if it is BREAK_WEEKS or more, with each lift's last
    working load (kg) and the `restart_factor` to apply to it."""
    if last_day is None:
        return None
    weeks = (today - last_day).days // 7
    if weeks < BREAK_WEEKS:
        return None
    return LongBreak(last_day, weeks, restart_factor(weeks), tuple(sorted(last_loads.items())))
