"""The deload week: reduce compound volume, keep isolation for muscle maintenance."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from fitrec.domain.exercises import Exercise
from fitrec.domain.programs import (
    Block,
    Effort,
    EffortType,
    Entry,
    LoadType,
    Phase,
    Prescription,
    Program,
    Workout,
)

EntryResolver = Callable[[Entry], "Exercise | None"]
"""Finds the exercise an entry names (by its slug, else its name); None when unknown."""


@dataclass(frozen=True, slots=True)
class DeloadConfig:
    """How much a deload takes off the compounds."""

    load_cut: float = 0.10  # loads -10 %
    rir_added: float = 1.0  # effort-prescribed compounds stop one rep further from failure


def _lighter(prescription: Prescription, config: DeloadConfig) -> Prescription:
    """Half the sets (rounded up, at least 1), 10 % less load, or one more rep in reserve."""
    load = prescription.load
    if load is not None:
        factor = 1 - config.load_cut
        decimals = 1 if load.type is LoadType.PERCENT_1RM else 2
        load = replace(
            load,
            value=round(load.value * factor, decimals),
            value_max=None if load.value_max is None else round(load.value_max * factor, decimals),
        )
    effort = prescription.effort
    if effort is not None:
        sign = 1 if effort.type is EffortType.RIR else -1
        shift = sign * config.rir_added
        effort = Effort(
            effort.type,
            max(0.0, effort.value + shift),
            None if effort.value_max is None else max(0.0, effort.value_max + shift),
        )
    return replace(
        prescription, sets=max(1, math.ceil(prescription.sets / 2)), load=load, effort=effort
    )


def deload(
    program: Program, resolve: EntryResolver, config: DeloadConfig = DeloadConfig()
) -> Program:
    """A deload copy of `program`: compound sets halved and lighter; isolation unchanged.

    Entries whose exercise is unknown are kept as they are.
    """
    workouts = []
    for workout in program.workouts:
        blocks = []
        for block in workout.blocks:
            entries = []
            for entry in block.entries:
                exercise = resolve(entry)
                if exercise is not None and exercise.is_compound:
                    entry = replace(entry, prescription=_lighter(entry.prescription, config))
                else:
                    entry = replace(entry)
                entries.append(entry)
            blocks.append(Block(block.label, entries, block.title, block.pos))
        workouts.append(Workout(workout.name, blocks, workout.pos))
    return Program(
        f"{program.name} (deload)",
        workouts,
        Phase.DELOAD,
        program.level,
        program.training_age_months,
        program.pos,
    )
