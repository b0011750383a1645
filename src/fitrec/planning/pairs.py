"""The post-exhaust pairs a program plans: what progression and cycle changes work on."""

from __future__ import annotations

from dataclasses import dataclass

from fitrec.domain.exercises import Exercise
from fitrec.domain.pairs import block_kind
from fitrec.domain.programs import Intent, Program
from fitrec.planning.deload import EntryResolver


@dataclass(frozen=True, slots=True)
class PlannedPair:
    """A block of a program that is a post-exhaust pair, with its two exercises."""

    workout: str
    block_label: str
    compound: Exercise
    isolation: Exercise


def planned_pairs(program: Program, resolve: EntryResolver) -> list[PlannedPair]:
    """Every block of `program` whose kind is post-exhaust, in program order.

    A block with an unknown exercise is not counted: its kind cannot be known.
    """
    found: list[PlannedPair] = []
    for workout in program.workouts:
        for block in workout.blocks:
            exercises = [resolve(entry) for entry in block.entries]
            known = [e for e in exercises if e is not None]
            if len(known) != len(exercises) or block_kind(known) is not Intent.POST_EXHAUST:
                continue
            found.append(PlannedPair(workout.name, block.label, known[0], known[1]))
    return found
