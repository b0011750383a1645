"""The muscles the generator plans, their weekly-set landmarks (MV, MEV, MAV, MRV), and counting.

Landmarks are Renaissance Periodization's starting points as summarised in the
project's science notes (§4, "RP landmarks"): MV maintains, MEV is the least volume
that grows muscle, MAV the range most lifters grow best in, MRV the most they recover
from. RP's table has no side-delt row; side delts take the rear-delt row, which RP
gives to both heads. Sets are counted fractionally (Pelland 2024, science notes §4):
a set counts 1 for a muscle that is a prime mover of its exercise, 0.5 for a synergist.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from fitrec.domain.exercises import Exercise
from fitrec.domain.muscles import Muscle


class PlanMuscle(StrEnum):
    """A muscle the generator can make a priority: the article's six post-exhaust pairs."""

    CHEST = "chest"
    BACK = "back"
    SHOULDERS = "shoulders"
    QUADRICEPS = "quadriceps"
    HAMSTRINGS = "hamstrings"
    TRICEPS = "triceps"


@dataclass(frozen=True, slots=True)
class Landmarks:
    """Weekly sets: maintenance, minimum effective, the adaptive range and the recoverable max."""

    mv: float
    mev: float
    mav_low: float
    mav_high: float
    mrv: float


LANDMARKS: dict[PlanMuscle, Landmarks] = {
    PlanMuscle.CHEST: Landmarks(8, 10, 12, 20, 22),
    PlanMuscle.BACK: Landmarks(8, 10, 14, 22, 25),
    PlanMuscle.SHOULDERS: Landmarks(0, 8, 16, 22, 26),
    PlanMuscle.QUADRICEPS: Landmarks(6, 8, 12, 18, 20),
    PlanMuscle.HAMSTRINGS: Landmarks(4, 6, 10, 16, 20),
    PlanMuscle.TRICEPS: Landmarks(4, 6, 10, 14, 18),
}

# The fine muscles each planned muscle counts (back: the lats and the mid-back rowers).
FINE_MUSCLES: dict[PlanMuscle, frozenset[Muscle]] = {
    PlanMuscle.CHEST: frozenset({Muscle.CHEST, Muscle.UPPER_CHEST}),
    PlanMuscle.BACK: frozenset(
        {Muscle.LATS, Muscle.TERES_MAJOR, Muscle.RHOMBOIDS, Muscle.MIDDLE_TRAPS}
    ),
    PlanMuscle.SHOULDERS: frozenset({Muscle.SIDE_DELTS}),
    PlanMuscle.QUADRICEPS: frozenset({Muscle.QUADS}),
    PlanMuscle.HAMSTRINGS: frozenset({Muscle.HAMSTRINGS}),
    PlanMuscle.TRICEPS: frozenset({Muscle.TRICEPS}),
}

SYNERGIST_SHARE = 0.5


def set_share(exercise: Exercise, muscle: PlanMuscle) -> float:
    """What one set of `exercise` counts for `muscle`: 1 direct, 0.5 synergist, else 0."""
    fine = FINE_MUSCLES[muscle]
    if any(m in fine for m in exercise.prime_movers):
        return 1.0
    if any(m in fine for m in exercise.synergists):
        return SYNERGIST_SHARE
    return 0.0


def weekly_sets(work: Iterable[tuple[Exercise, int]]) -> dict[PlanMuscle, float]:
    """Weekly sets per planned muscle from (exercise, sets) done once a week each."""
    totals = dict.fromkeys(PlanMuscle, 0.0)
    for exercise, sets in work:
        for muscle in PlanMuscle:
            totals[muscle] += set_share(exercise, muscle) * sets
    return totals


def within(sets: Mapping[PlanMuscle, float], priority: Iterable[PlanMuscle]) -> list[PlanMuscle]:
    """The muscles outside their goal: priority below MEV or above MAV, the rest below MV."""
    chosen = set(priority)
    outside = []
    for muscle, count in sets.items():
        marks = LANDMARKS[muscle]
        if muscle in chosen:
            if not marks.mev <= count <= marks.mav_high:
                outside.append(muscle)
        elif count < marks.mv:
            outside.append(muscle)
    return outside
