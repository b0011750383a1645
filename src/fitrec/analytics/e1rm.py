"""e1RM per compound lift per session, from fresh working sets only."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from fitrec.analytics.history import (
    COMPOUND,
    ISOLATION,
    ExerciseLookup,
    cached_lookup,
    mechanic_index,
)
from fitrec.domain.rpe import rts_percent
from fitrec.domain.sessions import PerformedSet, Session, SetType
from fitrec.domain.strength import Formula, e1rm


@dataclass(frozen=True, slots=True)
class E1rmConfig:
    """How e1RM is estimated and which sets count as fresh."""

    formula: Formula = Formula.EPLEY
    max_reps: int = 12  # higher-rep sets estimate 1RM too poorly
    fresh_rest_s: int = 180  # a compound set this soon after its block's isolation is not fresh
    use_effort: bool = True  # RTS chart when RPE/RIR is logged


_FRESH_TYPES = frozenset({SetType.WORKING, SetType.FAILURE})


def fresh_compound_sets(
    session: Session, lookup: ExerciseLookup, config: E1rmConfig = E1rmConfig()
) -> list[PerformedSet]:
    """The compound sets of a session that may estimate a 1RM.

    Fresh means: a working (or failure) set of 1..max_reps reps with a load, not flagged,
    and not done right after an isolation set of its own block (rest unknown or under
    `fresh_rest_s`): the isolation has pre-tired the muscle.
    """
    return fresh_sets(session, mechanic_index(lookup), config)


def fresh_sets(
    session: Session, kind_of: Callable[[str], int], config: E1rmConfig
) -> list[PerformedSet]:
    """`fresh_compound_sets` with a memoised mechanic index (the hot loop of analytics)."""
    fresh: list[PerformedSet] = []
    previous_label: str | None = None
    previous_isolation = False
    max_reps = config.max_reps
    min_rest = config.fresh_rest_s
    for performed in session.sets:
        kind = kind_of(performed.exercise_slug)
        label = performed.block_label
        after_isolation = (
            previous_isolation
            and label is not None
            and label == previous_label
            and (performed.rest_before_s is None or performed.rest_before_s < min_rest)
        )
        previous_label = label
        # A warm-up isolation set does not pre-tire the compound's muscle.
        previous_isolation = kind == ISOLATION and performed.set_type is not SetType.WARMUP
        if (
            kind == COMPOUND
            and not after_isolation
            and performed.set_type in _FRESH_TYPES
            and not performed.flagged
            and 0 < performed.reps <= max_reps
            and performed.weight > 0
        ):
            fresh.append(performed)
    return fresh


@cache
def _chart_fraction(reps: int, rir: float) -> float | None:
    """%1RM (fraction) of the RTS chart, None where the chart has no value; memoised."""
    try:
        return rts_percent(reps, rir)
    except ValueError:
        return None


def set_e1rm(performed: PerformedSet, config: E1rmConfig = E1rmConfig()) -> float:
    """The e1RM (kg) a set implies: the RTS chart when effort is logged, else the formula.

    Effort outside the chart (e.g. RIR 6) falls back to the formula.
    """
    weight = performed.weight_kg
    rir = (
        performed.rir
        if performed.rir is not None
        else (None if performed.rpe is None else 10.0 - performed.rpe)
    )
    if config.use_effort and rir is not None:
        fraction = _chart_fraction(performed.reps, rir)
        if fraction is not None:
            return weight / fraction
    return e1rm(weight, performed.reps, config.formula)


@dataclass(frozen=True, slots=True)
class E1rmPoint:
    """A session's e1RM for one lift and the set it came from (the best set)."""

    date: date
    e1rm_kg: float
    weight_kg: float
    reps: int
    rpe: float | None = None
    rir: float | None = None
    session_id: str | None = None


def e1rm_series(
    sessions: Iterable[Session],
    lookup: ExerciseLookup,
    config: E1rmConfig = E1rmConfig(),
    exercise_slug: str | None = None,
) -> dict[str, list[E1rmPoint]]:
    """Per compound lift, one point per session (its best fresh set), in session order."""
    kind_of = mechanic_index(cached_lookup(lookup))
    series: dict[str, list[E1rmPoint]] = {}
    for session in sessions:
        best: dict[str, tuple[float, PerformedSet]] = {}
        for performed in fresh_sets(session, kind_of, config):
            slug = performed.exercise_slug
            if exercise_slug is not None and slug != exercise_slug:
                continue
            value = set_e1rm(performed, config)
            held = best.get(slug)
            if held is None or value > held[0]:
                best[slug] = (value, performed)
        day = session.started_at.date()
        for slug, (value, performed) in best.items():
            series.setdefault(slug, []).append(
                E1rmPoint(
                    date=day,
                    e1rm_kg=round(value, 2),
                    weight_kg=round(performed.weight_kg, 3),
                    reps=performed.reps,
                    rpe=performed.rpe,
                    rir=performed.rir,
                    session_id=session.id,
                )
            )
    return series
