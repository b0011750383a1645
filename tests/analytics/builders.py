"""Domain objects for analytics tests: a few real exercises and a session builder."""

from __future__ import annotations

from datetime import datetime, timedelta

from fitrec.analytics.history import lookup_from
from fitrec.domain.exercises import Exercise, LoadKind, Mechanic
from fitrec.domain.muscles import Muscle as M
from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType

BENCH = Exercise(
    "barbell-bench-press",
    "Barbell Bench Press",
    Mechanic.COMPOUND,
    (M.CHEST,),
    (M.FRONT_DELTS, M.TRICEPS),
)
INCLINE = Exercise(
    "incline-bench-press",
    "Incline Bench Press",
    Mechanic.COMPOUND,
    (M.UPPER_CHEST, M.CHEST),
    (M.FRONT_DELTS, M.TRICEPS),
)
FLY = Exercise(
    "cable-fly", "Cable Fly", Mechanic.ISOLATION, (M.CHEST,), (), "cable", LoadKind.CABLE
)
SQUAT = Exercise(
    "barbell-squat", "Barbell Squat", Mechanic.COMPOUND, (M.QUADS, M.GLUTES), (), legs=True
)
EXTENSION = Exercise(
    "leg-extension",
    "Leg Extension",
    Mechanic.ISOLATION,
    (M.QUADS,),
    (),
    "machine",
    LoadKind.MACHINE,
)
LATERAL = Exercise(
    "lateral-raise",
    "Lateral Raise",
    Mechanic.ISOLATION,
    (M.SIDE_DELTS,),
    (),
    "dumbbell",
    LoadKind.DUMBBELL,
)
LOOKUP = lookup_from([BENCH, INCLINE, FLY, SQUAT, EXTENSION, LATERAL])
START = datetime(2024, 1, 1, 18, 0)  # a Monday


def s(
    slug: str,
    weight: float,
    reps: int,
    block: str | None = "A",
    *,
    rir: float | None = None,
    rpe: float | None = None,
    rest: int | None = None,
    kind: SetType = SetType.WORKING,
    flagged: bool = False,
) -> PerformedSet:
    """A performed set in kilograms."""
    return PerformedSet(
        slug,
        weight,
        reps,
        set_type=kind,
        block_label=block,
        rir=rir,
        rpe=rpe,
        rest_before_s=rest,
        flagged=flagged,
    )


def session(day: int, *sets: PerformedSet, feedback: tuple[Feedback, ...] = ()) -> Session:
    """A session `day` days after START."""
    return Session(START + timedelta(days=day), list(sets), list(feedback), id=f"s{day}")
