"""Findings from a history: the `decline` check over every compound lift, and a long break.

Findings speak about now: a decline is a finding only for a lift trained in recent weeks
over sessions close together (see `lift_trend.current_decline`); older declines are
history, shaded on the charts. After a long break the check says how long it has been
and which loads to restart at instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from fitrec.analytics.decline import DeclineConfig, decline_finding
from fitrec.analytics.e1rm import E1rmConfig, E1rmPoint, e1rm_series
from fitrec.analytics.history import ExerciseLookup, cached_lookup, ordered, session_pairs
from fitrec.analytics.lift_trend import (
    LongBreak,
    current_decline,
    long_break,
    restart_load,
    stretches,
)
from fitrec.domain.sessions import Session
from fitrec.domain.units import Unit
from fitrec.rules.finding import Finding, Severity


def _name(lookup: ExerciseLookup, slug: str) -> str:
    exercise = lookup(slug)
    return exercise.name if exercise is not None else slug


def history_findings(
    sessions: Sequence[Session],
    lookup: ExerciseLookup,
    config: E1rmConfig = E1rmConfig(),
    decline: DeclineConfig = DeclineConfig(),
    today: date | None = None,
    unit: Unit = Unit.KG,
) -> list[Finding]:
    """A `decline` finding for each lift declining now, or a `long-break` finding.

    `today` defaults to the day of the last session (a history judged as of its end).
    """
    find = cached_lookup(lookup)
    history = ordered(sessions)
    if not history:
        return []
    series = e1rm_series(history, find, config)
    last_day = history[-1].started_at.date()
    today = today or last_day
    pause = long_break(last_day, _last_loads(series), today)
    if pause is not None:
        return [_break_finding(pause, find, unit)]
    findings: list[Finding] = []
    for slug in sorted(series):
        points: list[E1rmPoint] = series[slug]
        signal = current_decline([(p.date, p.e1rm_kg) for p in points], today, decline)
        if signal is None:
            continue
        days: set[date] = {day for day, _ in signal.evidence[-decline.window :]}
        active: dict[str, None] = {}
        for session in history:
            if session.started_at.date() not in days:
                continue
            for pair in session_pairs(session, find).values():
                label = f"{_name(find, pair.compound_slug)} → {_name(find, pair.isolation_slug)}"
                active[label] = None
        findings.append(decline_finding(_name(find, slug), signal, list(active), unit))
    return findings


def _last_loads(series: dict[str, list[E1rmPoint]]) -> dict[str, float]:
    """Each lift's working load (kg) in its last stretch of training's last session."""
    loads: dict[str, float] = {}
    latest = max((points[-1].date for points in series.values() if points), default=None)
    if latest is None:
        return loads
    for slug, points in series.items():
        last = stretches([(p.date, p.weight_kg) for p in points])[-1]
        if (latest - last[-1][0]).days <= 28:  # trained in the last weeks before the break
            loads[slug] = last[-1][1]
    return loads


def _break_finding(pause: LongBreak, find: ExerciseLookup, unit: Unit) -> Finding:
    months = pause.weeks / 4.35
    spoken = f"{pause.weeks} weeks" if pause.weeks < 9 else f"about {round(months)} months"
    loads = "; ".join(
        f"{_name(find, slug)} {restart_load(kg, pause.factor, unit):g} {unit.value}"
        for slug, kg in pause.loads
    )
    lighter = round((1 - pause.factor) * 100)
    return Finding(
        code="long-break",
        severity=Severity.INFO,
        message=(
            f"Your last session was {spoken} ago ({pause.last_day.isoformat()}). "
            "Declines from before the break are history, not a reason to change the program."
        ),
        fix=(
            f"Restart {lighter} % below your last working loads"
            + (f": {loads}" if loads else "")
            + ", and build back up over two or three weeks."
        ),
        entry=None,
    )
