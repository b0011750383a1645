"""Findings from a history: the `decline` check over every compound lift."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from fitrec.analytics.decline import DeclineConfig, decline_finding, detect_decline
from fitrec.analytics.e1rm import E1rmConfig, E1rmPoint, e1rm_series
from fitrec.analytics.history import ExerciseLookup, cached_lookup, ordered, session_pairs
from fitrec.domain.sessions import Session
from fitrec.rules.finding import Finding


def _name(lookup: ExerciseLookup, slug: str) -> str:
    exercise = lookup(slug)
    return exercise.name if exercise is not None else slug


def history_findings(
    sessions: Sequence[Session],
    lookup: ExerciseLookup,
    config: E1rmConfig = E1rmConfig(),
    decline: DeclineConfig = DeclineConfig(),
) -> list[Finding]:
    """A `decline` finding for each compound lift whose recent e1RM falls."""
    find = cached_lookup(lookup)
    history = ordered(sessions)
    series = e1rm_series(history, find, config)
    findings: list[Finding] = []
    for slug in sorted(series):
        points: list[E1rmPoint] = series[slug]
        signal = detect_decline([(p.date, p.e1rm_kg) for p in points], decline)
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
        findings.append(decline_finding(_name(find, slug), signal, list(active)))
    return findings
