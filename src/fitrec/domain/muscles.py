"""The fine muscle taxonomy and its roll-up to the 17 common muscle groups."""

from __future__ import annotations

from enum import StrEnum


class MuscleGroup(StrEnum):
    """The 17 common muscle groups most trackers use."""

    ABDOMINALS = "abdominals"
    ABDUCTORS = "abductors"
    ADDUCTORS = "adductors"
    BICEPS = "biceps"
    CALVES = "calves"
    CHEST = "chest"
    FOREARMS = "forearms"
    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    LATS = "lats"
    LOWER_BACK = "lower_back"
    MIDDLE_BACK = "middle_back"
    NECK = "neck"
    QUADRICEPS = "quadriceps"
    SHOULDERS = "shoulders"
    TRAPS = "traps"
    TRICEPS = "triceps"


class Muscle(StrEnum):
    """A fine muscle: the unit a prime mover is named in (delt heads apart)."""

    UPPER_CHEST = "upper_chest"
    CHEST = "chest"
    FRONT_DELTS = "front_delts"
    SIDE_DELTS = "side_delts"
    REAR_DELTS = "rear_delts"
    TRICEPS = "triceps"
    BICEPS = "biceps"
    BRACHIALIS = "brachialis"
    FOREARM_FLEXORS = "forearm_flexors"
    FOREARM_EXTENSORS = "forearm_extensors"
    LATS = "lats"
    TERES_MAJOR = "teres_major"
    RHOMBOIDS = "rhomboids"
    MIDDLE_TRAPS = "middle_traps"
    LOWER_TRAPS = "lower_traps"
    UPPER_TRAPS = "upper_traps"
    ERECTORS = "erectors"
    ABS = "abs"
    OBLIQUES = "obliques"
    HIP_FLEXORS = "hip_flexors"
    GLUTES = "glutes"
    GLUTE_MED = "glute_med"
    ADDUCTORS = "adductors"
    QUADS = "quads"
    HAMSTRINGS = "hamstrings"
    CALVES = "calves"
    NECK = "neck"
    SERRATUS = "serratus"


MUSCLE_GROUP: dict[Muscle, MuscleGroup] = {
    Muscle.UPPER_CHEST: MuscleGroup.CHEST,
    Muscle.CHEST: MuscleGroup.CHEST,
    Muscle.FRONT_DELTS: MuscleGroup.SHOULDERS,
    Muscle.SIDE_DELTS: MuscleGroup.SHOULDERS,
    Muscle.REAR_DELTS: MuscleGroup.SHOULDERS,
    Muscle.TRICEPS: MuscleGroup.TRICEPS,
    Muscle.BICEPS: MuscleGroup.BICEPS,
    Muscle.BRACHIALIS: MuscleGroup.BICEPS,
    Muscle.FOREARM_FLEXORS: MuscleGroup.FOREARMS,
    Muscle.FOREARM_EXTENSORS: MuscleGroup.FOREARMS,
    Muscle.LATS: MuscleGroup.LATS,
    Muscle.TERES_MAJOR: MuscleGroup.LATS,
    Muscle.RHOMBOIDS: MuscleGroup.MIDDLE_BACK,
    Muscle.MIDDLE_TRAPS: MuscleGroup.MIDDLE_BACK,
    Muscle.LOWER_TRAPS: MuscleGroup.MIDDLE_BACK,
    Muscle.UPPER_TRAPS: MuscleGroup.TRAPS,
    Muscle.ERECTORS: MuscleGroup.LOWER_BACK,
    Muscle.ABS: MuscleGroup.ABDOMINALS,
    Muscle.OBLIQUES: MuscleGroup.ABDOMINALS,
    Muscle.HIP_FLEXORS: MuscleGroup.ABDOMINALS,
    Muscle.GLUTES: MuscleGroup.GLUTES,
    Muscle.GLUTE_MED: MuscleGroup.ABDUCTORS,
    Muscle.ADDUCTORS: MuscleGroup.ADDUCTORS,
    Muscle.QUADS: MuscleGroup.QUADRICEPS,
    Muscle.HAMSTRINGS: MuscleGroup.HAMSTRINGS,
    Muscle.CALVES: MuscleGroup.CALVES,
    Muscle.NECK: MuscleGroup.NECK,
    Muscle.SERRATUS: MuscleGroup.CHEST,
}

# Heads of one muscle that an isolation may hit for a compound's prime mover:
# flies hit the whole pectoral, so incline press -> fly is a real post-exhaust.
# Delt heads are deliberately NOT siblings: OHP -> rear-delt fly is a mismatch.
_SIBLINGS: tuple[frozenset[Muscle], ...] = (
    frozenset({Muscle.UPPER_CHEST, Muscle.CHEST}),
    frozenset({Muscle.LATS, Muscle.TERES_MAJOR}),
    frozenset({Muscle.BICEPS, Muscle.BRACHIALIS}),
)


def group_of(muscle: Muscle) -> MuscleGroup:
    """The common group a fine muscle rolls up to."""
    return MUSCLE_GROUP[muscle]


def same_target(a: Muscle, b: Muscle) -> bool:
    """Whether two fine muscles count as one target for pairing."""
    return a == b or any(a in s and b in s for s in _SIBLINGS)
