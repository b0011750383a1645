"""e1RM per compound lift per session, from fresh working sets only."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from fitrec.analytics.history import ExerciseLookup, cached_lookup, counts_as_work
from fitrec.domain.exercises import Exercise
from fitrec.domain.sessions import PerformedSet, Session, SetType
from fitrec.domain.strength import Formula, e1rm, e1rm_from_rpe


@dataclass(frozen=True, slots=True)
class E1rmConfig:
    """How e1RM is estimated and which sets count as fresh."""

    formula: Formula = Formula.EPLEY
    max_reps: int = 12  # higher-rep sets estimate 1RM too poorly
    fresh_rest_s: int = 180  # a compound set this soon after its block's isolation is not fresh
    use_effort: bool = True  # RTS chart when RPE/RIR is logged


def fresh_compound_sets(
    session: Session, lookup: ExerciseLookup, config: E1rmConfig = E1rmConfig()
) -> Iterator[tuple[PerformedSet, Exercise]]:
    """The compound sets of a session that may estimate a 1RM.

    Fresh means: a working (or failure) set of 1..max_reps reps with a load, not flagged,
    and not done right after an isolation set of its own block (rest unknown or under
    `fresh_rest_s`): the isolation has pre-tired the muscle.
    """
    previous: PerformedSet | None = None
    previous_isolation = False
    for performed in session.sets:
        exercise = lookup(performed.exercise_slug)
        after_isolation = (
            previous is not None
            and previous_isolation
            and previous.block_label is not None
            and previous.block_label == performed.block_label
            and (performed.rest_before_s is None or performed.rest_before_s < config.fresh_rest_s)
        )
        previous = performed
        previous_isolation = exercise is not None and exercise.is_isolation
        if (
            exercise is None
            or not exercise.is_compound
            or after_isolation
            or performed.set_type is SetType.DROP
            or not counts_as_work(performed)
            or performed.reps > config.max_reps
            or performed.weight <= 0
        ):
            continue
        yield performed, exercise


def set_e1rm(performed: PerformedSet, config: E1rmConfig = E1rmConfig()) -> float:
    """The e1RM (kg) a set implies: the RTS chart when effort is logged, else the formula."""
    weight = performed.weight_kg
    rir = performed.effective_rir
    if config.use_effort and rir is not None:
        try:
            return e1rm_from_rpe(weight, performed.reps, rir=rir)
        except ValueError:
            pass  # effort outside the chart (e.g. RIR 6): the formula still applies
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
    find = cached_lookup(lookup)
    series: dict[str, list[E1rmPoint]] = {}
    for session in sessions:
        best: dict[str, tuple[float, PerformedSet]] = {}
        for performed, _ in fresh_compound_sets(session, find, config):
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
