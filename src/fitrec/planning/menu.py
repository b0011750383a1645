"""Which exercises the generator may pick for each muscle, best first, by equipment.

The lists start with the article's own pairs ("Classic Post-Exhaust Combinations":
bench press or dips -> flies; rows or pull-ups -> straight-arm pulldowns or pullovers;
overhead press -> lateral raises; squats or leg press -> leg extensions; Romanian
deadlifts -> leg curls; close-grip bench or dips -> pushdowns or overhead extensions),
then catalogue exercises for other equipment. Whether an isolation finishes a
compound is decided by `domain.pairs`, never here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from fitrec.domain.exercises import Exercise
from fitrec.domain.pairs import is_post_exhaust
from fitrec.planning.landmarks import PlanMuscle
from fitrec.rules.resolver import ExerciseResolver


class Equipment(StrEnum):
    """What the lifter has to train with (an exercise needs exactly its own kind)."""

    BARBELL = "barbell"
    DUMBBELL = "dumbbell"
    CABLE = "cable"
    MACHINE = "machine"
    BODYWEIGHT = "bodyweight"


COMPOUNDS: dict[PlanMuscle, tuple[str, ...]] = {
    PlanMuscle.CHEST: (
        "barbell-bench-press",
        "dumbbell-bench-press",
        "machine-chest-press",
        "incline-dumbbell-press",
        "dips",
        "push-up",
    ),
    PlanMuscle.BACK: (
        "barbell-row",
        "pull-up",
        "dumbbell-row",
        "seated-cable-row",
        "lat-pulldown",
        "machine-row",
        "chest-supported-row",
        "inverted-row",
    ),
    PlanMuscle.SHOULDERS: (
        "overhead-press",
        "dumbbell-shoulder-press",
        "arnold-press",
        "machine-shoulder-press",
        "handstand-push-up",
    ),
    PlanMuscle.QUADRICEPS: (
        "barbell-squat",
        "leg-press",
        "front-squat",
        "hack-squat",
        "goblet-squat",
        "bulgarian-split-squat",
        "pistol-squat",
    ),
    PlanMuscle.HAMSTRINGS: (
        "romanian-deadlift",
        "stiff-leg-deadlift",
        "dumbbell-romanian-deadlift",
        "cable-romanian-deadlift",
        "glute-ham-raise",
    ),
    PlanMuscle.TRICEPS: (
        "close-grip-bench-press",
        "dips",
        "close-grip-dumbbell-press",
        "seated-dip-machine",
        "diamond-push-up",
        "bench-dip",
    ),
}

ISOLATIONS: dict[PlanMuscle, tuple[str, ...]] = {
    PlanMuscle.CHEST: ("dumbbell-fly", "cable-fly", "pec-deck", "seated-cable-fly"),
    PlanMuscle.BACK: (
        "straight-arm-pulldown",
        "dumbbell-pullover",
        "machine-pullover",
    ),
    PlanMuscle.SHOULDERS: (
        "lateral-raise",
        "cable-lateral-raise",
        "machine-lateral-raise",
    ),
    PlanMuscle.QUADRICEPS: ("leg-extension", "sissy-squat", "reverse-nordic"),
    PlanMuscle.HAMSTRINGS: (
        "lying-leg-curl",
        "seated-leg-curl",
        "dumbbell-leg-curl",
        "nordic-curl",
        "stability-ball-leg-curl",
    ),
    PlanMuscle.TRICEPS: (
        "cable-pushdown",
        "overhead-triceps-extension",
        "rope-pushdown",
        "machine-triceps-extension",
        "dumbbell-skull-crusher",
    ),
}


@dataclass(frozen=True, slots=True)
class MuscleMenu:
    """The exercises open to one muscle with the equipment at hand, best first."""

    muscle: PlanMuscle
    compounds: tuple[Exercise, ...]
    isolations: tuple[Exercise, ...]

    def partners(self, compound: Exercise) -> tuple[Exercise, ...]:
        """The isolations that finish `compound` as a post-exhaust pair."""
        return tuple(e for e in self.isolations if is_post_exhaust(compound, e))


def allowed(exercise: Exercise, equipment: Iterable[Equipment]) -> bool:
    """Whether the exercise needs only equipment the lifter has."""
    return exercise.equipment in {e.value for e in equipment}


def menu(
    muscle: PlanMuscle, equipment: Sequence[Equipment], catalog: ExerciseResolver
) -> MuscleMenu:
    """The compounds and isolations for `muscle` that the equipment allows."""

    def pick(slugs: tuple[str, ...], compound: bool) -> tuple[Exercise, ...]:
        found = (catalog.get(slug) for slug in slugs)
        return tuple(e for e in found if e.is_compound is compound and allowed(e, equipment))

    return MuscleMenu(muscle, pick(COMPOUNDS[muscle], True), pick(ISOLATIONS[muscle], False))
