"""Personal records with their dates: e1RM, best reps at a load, session volume."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from fitrec.analytics.e1rm import E1rmConfig, fresh_sets, set_e1rm
from fitrec.analytics.history import WORK_TYPES, ExerciseLookup, cached_lookup, mechanic_index
from fitrec.domain.sessions import Session
from fitrec.domain.units import KG_PER_LB, Unit


class RecordKind(StrEnum):
    """What a record measures."""

    E1RM = "e1rm"
    REPS_AT_LOAD = "reps_at_load"
    SESSION_VOLUME = "session_volume"


@dataclass(frozen=True, slots=True)
class Record:
    """A best value and the day it was first reached."""

    kind: RecordKind
    exercise_slug: str
    value: float  # kg for e1RM and volume, reps for reps at a load
    date: date
    weight_kg: float | None = None
    reps: int | None = None


@dataclass(slots=True)
class ExerciseRecords:
    """Every record of one exercise."""

    exercise_slug: str
    e1rm: Record | None = None
    session_volume: Record | None = None
    reps_at_load: dict[float, Record] = field(default_factory=dict)  # by load in kg


def records(
    sessions: Iterable[Session], lookup: ExerciseLookup, config: E1rmConfig = E1rmConfig()
) -> dict[str, ExerciseRecords]:
    """Records per exercise; a tie keeps the earlier date (a record must be beaten).

    e1RM records come from fresh compound sets only; reps-at-load and session volume
    from every working set. Flagged sets never make a record.
    """
    kind_of = mechanic_index(cached_lookup(lookup))
    result: dict[str, ExerciseRecords] = {}
    work = WORK_TYPES
    for session in sessions:
        day = session.started_at.date()
        volume: dict[str, float] = {}
        for performed in session.sets:
            if (
                performed.set_type not in work
                or performed.flagged
                or performed.reps <= 0
                or not kind_of(performed.exercise_slug)
            ):
                continue
            slug = performed.exercise_slug
            weight = round(
                performed.weight if performed.unit is Unit.KG else performed.weight * KG_PER_LB,
                2,
            )
            volume[slug] = volume.get(slug, 0.0) + weight * performed.reps
            mine = result.get(slug)
            if mine is None:
                mine = result[slug] = ExerciseRecords(slug)
            best = mine.reps_at_load.get(weight)
            if best is None or performed.reps > best.value:
                mine.reps_at_load[weight] = Record(
                    RecordKind.REPS_AT_LOAD, slug, performed.reps, day, weight, performed.reps
                )
        for slug, kg in volume.items():
            mine = result[slug]
            if mine.session_volume is None or kg > mine.session_volume.value:
                mine.session_volume = Record(RecordKind.SESSION_VOLUME, slug, round(kg, 2), day)
        for performed in fresh_sets(session, kind_of, config):
            value = round(set_e1rm(performed, config), 2)
            mine = result[performed.exercise_slug]
            if mine.e1rm is None or value > mine.e1rm.value:
                mine.e1rm = Record(
                    RecordKind.E1RM,
                    performed.exercise_slug,
                    value,
                    day,
                    round(performed.weight_kg, 2),
                    performed.reps,
                )
    return result
