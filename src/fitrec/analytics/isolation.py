"""Isolation lifts over time: the volume load of each session and the best reps at the
lift's usual load (isolation work progresses in reps more than in e1RM)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from fitrec.analytics.history import WORK_TYPES, ExerciseLookup, cached_lookup
from fitrec.domain.exercises import Mechanic
from fitrec.domain.sessions import Session


@dataclass(frozen=True, slots=True)
class IsolationPoint:
    """One session of an isolation lift."""

    day: date
    volume_kg: float  # weight x reps of its working sets
    reps_at_load: int | None  # best reps at the lift's usual load, if done that day


@dataclass(frozen=True, slots=True)
class IsolationSeries:
    """An isolation lift's sessions, oldest first, and its usual load (the most used)."""

    slug: str
    load_kg: float
    points: tuple[IsolationPoint, ...]


def isolation_sets(session: Session, find: ExerciseLookup) -> dict[str, list[tuple[float, int]]]:
    """A session's working isolation sets as (weight kg to 0.01, reps), per lift in order."""
    sets: dict[str, list[tuple[float, int]]] = {}
    for performed in session.sets:
        exercise = find(performed.exercise_slug)
        if exercise is None or exercise.mechanic is not Mechanic.ISOLATION:
            continue
        if performed.set_type not in WORK_TYPES or performed.flagged:
            continue
        sets.setdefault(performed.exercise_slug, []).append(
            (round(performed.weight_kg, 2), performed.reps)
        )
    return sets


def isolation_series(
    history: Sequence[Session], lookup: ExerciseLookup, max_lifts: int = 4
) -> list[IsolationSeries]:
    """The isolation lifts with the most sessions (`history` oldest first)."""
    find = cached_lookup(lookup)
    return isolation_series_of(
        ((session.started_at.date(), isolation_sets(session, find)) for session in history),
        max_lifts,
    )


def isolation_series_of(
    days: Iterable[tuple[date, dict[str, list[tuple[float, int]]]]], max_lifts: int = 4
) -> list[IsolationSeries]:
    """`isolation_series` from each session's day and `isolation_sets` (oldest first)."""
    per_lift: dict[str, list[tuple[date, list[tuple[float, int]]]]] = {}
    for day, sets in days:
        for slug, done in sets.items():
            per_lift.setdefault(slug, []).append((day, done))
    busiest = sorted(per_lift.items(), key=lambda item: (-len(item[1]), item[0]))[:max_lifts]
    result = []
    for slug, sessions in busiest:
        usual = Counter(w for _, done in sessions for w, _ in done).most_common(1)[0][0]
        points = tuple(
            IsolationPoint(
                day,
                round(sum(w * r for w, r in done), 1),
                max((r for w, r in done if w == usual), default=None),
            )
            for day, done in sessions
        )
        result.append(IsolationSeries(slug, usual, points))
    return result
