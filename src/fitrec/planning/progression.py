"""Reading the last sessions of one exercise: did they reach the top, did they fail."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from fitrec.domain.exercises import LoadKind
from fitrec.domain.plates import STACK_STEP, PlateInventory, round_for
from fitrec.domain.programs import Prescription
from fitrec.domain.sessions import PerformedSet, SetType
from fitrec.domain.units import Unit, convert

_WORK = frozenset({SetType.WORKING, SetType.FAILURE})


@dataclass(frozen=True, slots=True)
class ProgressionConfig:
    """Thresholds of the progression rules."""

    failures_before_reset: int = 3  # failed sessions in a row before a reset
    reset_fraction: float = 0.10  # how much a reset takes off the load


class Outcome(StrEnum):
    """How one session of an exercise went against its prescription."""

    TOP = "top"  # every set reached the top of the range at or under the target effort
    MET = "met"  # every set reached the bottom of the range
    FAILED = "failed"  # a set fell short of the range, or sets were missing


def working_sets(sets: Sequence[PerformedSet]) -> list[PerformedSet]:
    """The sets that count for progression: working or failure sets, not flagged."""
    return [p for p in sets if p.set_type in _WORK and not p.flagged]


def outcome(sets: Sequence[PerformedSet], prescription: Prescription) -> Outcome:
    """Judge one session's sets of an exercise against the prescription."""
    done = working_sets(sets)
    if len(done) < prescription.sets or any(p.reps < prescription.reps_min for p in done):
        return Outcome.FAILED
    target_rir = prescription.effort.rir if prescription.effort is not None else None

    def easy_enough(performed: PerformedSet) -> bool:
        rir = performed.effective_rir
        return target_rir is None or rir is None or rir >= target_rir

    if all(p.reps >= prescription.reps_max and easy_enough(p) for p in done):
        return Outcome.TOP
    return Outcome.MET


def failed_in_a_row(history: Sequence[Sequence[PerformedSet]], prescription: Prescription) -> int:
    """How many of the latest sessions (history oldest first) failed, counting back."""
    count = 0
    for sets in reversed(history):
        if outcome(sets, prescription) is not Outcome.FAILED:
            break
        count += 1
    return count


def top_load(sets: Sequence[PerformedSet], unit: Unit) -> float | None:
    """The heaviest working load of a session, in `unit`."""
    done = working_sets(sets)
    if not done:
        return None
    return max(convert(p.weight, p.unit, unit) for p in done)


def load_step(load_kind: LoadKind, inventory: PlateInventory) -> float:
    """The smallest sensible load increase, in the inventory's unit.

    Barbell: the smallest plate you own a pair of, one each side; dumbbell, cable and
    machine: the equipment's step; bodyweight: none.
    """
    kind = LoadKind(load_kind)
    if kind is LoadKind.BARBELL:
        pairs = inventory.pairs()
        return 2 * min(pairs) if pairs else 0.0
    if kind is LoadKind.BODYWEIGHT:
        return 0.0
    return STACK_STEP[kind][inventory.unit]


def rounded(load_kind: LoadKind, target: float, inventory: PlateInventory) -> float:
    """A load rounded to what the lifter's equipment can make (never below zero)."""
    if target <= 0:
        return 0.0
    return round(round_for(load_kind, target, inventory), 3)
