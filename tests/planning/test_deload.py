from __future__ import annotations

from fitrec.analytics.history import lookup_from
from fitrec.domain.exercises import Exercise
from fitrec.domain.programs import (
    Block,
    Effort,
    EffortType,
    Entry,
    Load,
    LoadType,
    Phase,
    Prescription,
    Program,
    Workout,
)
from fitrec.planning.deload import deload
from tests.analytics.builders import BENCH, FLY, SQUAT

find = lookup_from([BENCH, FLY, SQUAT])


def resolve(entry: Entry) -> Exercise | None:
    return find(entry.exercise_slug or "")


def program() -> Program:
    bench = Entry(
        "Barbell Bench Press",
        Prescription(4, 8, 8, load=Load(LoadType.PERCENT_1RM, 80)),
        "barbell-bench-press",
        rest_after_s=60,
    )
    fly = Entry(
        "Cable Flies", Prescription(4, 15, 15, effort=Effort(EffortType.RIR, 0)), "cable-fly"
    )
    squat = Entry(
        "Barbell Squats", Prescription(3, 10, 10, effort=Effort(EffortType.RPE, 8)), "barbell-squat"
    )
    mystery = Entry("Mystery Press", Prescription(3, 10, 10), None)
    return Program(
        "Full body",
        [
            Workout(
                "Day A",
                [
                    Block("A", [bench, fly], "Post-Exhaust Pair 1 - Chest"),
                    Block("B", [squat]),
                    Block("C", [mystery]),
                ],
            )
        ],
        Phase.HYPERTROPHY,
    )


def test_deload_halves_compound_sets_lightens_them_and_keeps_isolation() -> None:
    original = program()
    light = deload(original, resolve)
    assert light.name == "Full body (deload)"
    assert light.phase is Phase.DELOAD
    a, b, c = light.workouts[0].blocks
    bench, fly = a.entries
    assert bench.prescription.sets == 2
    assert bench.prescription.load == Load(LoadType.PERCENT_1RM, 72.0)
    assert bench.rest_after_s == 60
    assert fly.prescription == original.workouts[0].blocks[0].entries[1].prescription
    assert a.title == "Post-Exhaust Pair 1 - Chest"
    squat = b.entries[0].prescription
    assert squat.sets == 2  # ceil(3 / 2)
    assert squat.effort == Effort(EffortType.RPE, 7.0)
    assert c.entries[0].prescription.sets == 3  # unknown exercise: untouched


def test_deload_leaves_the_original_alone() -> None:
    original = program()
    deload(original, resolve)
    assert original.workouts[0].blocks[0].entries[0].prescription.sets == 4
    assert original.phase is Phase.HYPERTROPHY
