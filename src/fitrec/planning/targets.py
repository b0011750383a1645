"""Next-session targets: compound load from e1RM, step-ups, double progression, resets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from fitrec.domain.exercises import Exercise
from fitrec.domain.plates import PlateInventory
from fitrec.domain.programs import Effort, EffortType, Load, LoadType, Prescription
from fitrec.domain.sessions import PerformedSet
from fitrec.domain.strength import rts_percent, target_load
from fitrec.domain.units import Unit, convert
from fitrec.planning.progression import (
    Outcome,
    ProgressionConfig,
    failed_in_a_row,
    load_step,
    outcome,
    rounded,
    top_load,
    working_sets,
)


class TargetRule(StrEnum):
    """Which progression rule produced a target."""

    FROM_E1RM = "from_e1rm"  # load computed from the e1RM and the prescription
    STEP_UP = "step_up"  # every set at the top of the range: add the smallest step
    REPS_UP = "reps_up"  # double progression: same load, one more rep
    LOAD_UP = "load_up"  # double progression: top of the range reached, add load
    RESET = "reset"  # failed sessions in a row: take 10 % off
    REPEAT = "repeat"  # repeat the last load
    ABSOLUTE = "absolute"  # the program states the load
    NO_DATA = "no_data"  # nothing to compute a load from yet


@dataclass(frozen=True, slots=True)
class Target:
    """What to do next time for one exercise."""

    exercise_slug: str
    exercise_name: str
    sets: int
    reps: int  # the reps to aim for in every set
    reps_min: int
    reps_max: int
    load: float | None  # in `unit`, rounded to the lifter's equipment
    unit: Unit
    rule: TargetRule
    reason: str
    effort: str | None = None  # e.g. "1 RIR" or "RPE 8"
    label: str | None = None  # "A1"


def _effort_text(effort: Effort | None) -> str | None:
    if effort is None:
        return None
    span = f"{effort.value:g}" + (f"-{effort.value_max:g}" if effort.value_max else "")
    return f"RPE {span}" if effort.type is EffortType.RPE else f"{span} RIR"


def _from_e1rm(one_rm: float, prescription: Prescription, unit: Unit) -> tuple[float, str] | None:
    """The load the prescription asks for at this 1RM, and how it was read."""
    how: Load | Effort | None = prescription.load
    if how is None or how.type is LoadType.ABSOLUTE:
        how = prescription.effort
    if how is None:
        return None
    load = target_load(one_rm, how, prescription.reps_max, unit)
    if isinstance(how, Load):
        return load, f"{how.value:g} % of e1RM {one_rm:.1f} {unit}"
    return (
        load,
        f"{prescription.reps_max} reps at {_effort_text(how)} from e1RM {one_rm:.1f} {unit}",
    )


# Reps in reserve assumed for a %1RM prescription with no effort target: hard, not failure.
_DEFAULT_COMPOUND_RIR = 2.0


def reps_at_percent(prescription: Prescription) -> int:
    """The most reps in the range that a %1RM load allows at the target effort (RTS chart).

    80 % of 1RM allows about six reps with two in reserve, so a `3×6-10 @ 80% 1RM`
    compound aims for 6, not 10; with no %1RM load the top of the range is the aim.
    """
    p = prescription
    if p.load is None or p.load.type is not LoadType.PERCENT_1RM:
        return p.reps_max
    rir = p.effort.rir if p.effort is not None else _DEFAULT_COMPOUND_RIR
    fraction = p.load.value / 100.0
    possible = [r for r in range(p.reps_min, p.reps_max + 1) if rts_percent(r, rir) >= fraction]
    return max(possible) if possible else p.reps_min


def next_target(
    exercise: Exercise,
    prescription: Prescription,
    history: Sequence[Sequence[PerformedSet]],
    *,
    e1rm_kg: float | None = None,
    inventory: PlateInventory | None = None,
    config: ProgressionConfig = ProgressionConfig(),
    label: str | None = None,
) -> Target:
    """The next session's target for one exercise of a program.

    `history` holds the exercise's sets per past session, oldest first. Compounds take
    their load from the e1RM unless every set reached the top of the range (one step up);
    isolations use double progression; both reset by 10 % after failed sessions in a row.
    """
    inventory = inventory or PlateInventory.default()
    unit = inventory.unit
    step = load_step(exercise.load_kind, inventory)
    last = history[-1] if history else ()
    last_load = top_load(last, unit)
    p = prescription

    def target(load: float | None, reps: int, rule: TargetRule, reason: str) -> Target:
        shown = None if load is None else rounded(exercise.load_kind, load, inventory)
        return Target(
            exercise.slug,
            exercise.name,
            p.sets,
            reps,
            p.reps_min,
            p.reps_max,
            shown,
            unit,
            rule,
            reason,
            _effort_text(p.effort),
            label,
        )

    failures = failed_in_a_row(history, p)
    if last_load is not None and failures >= config.failures_before_reset:
        return target(
            last_load * (1 - config.reset_fraction),
            p.reps_min,
            TargetRule.RESET,
            f"{failures} sessions in a row short of {p.reps_min} reps: "
            f"reset {config.reset_fraction * 100:g} % from {last_load:g} {unit}",
        )
    last_outcome = outcome(last, p) if last else None
    if exercise.is_isolation and last_load is not None:
        if last_outcome is Outcome.TOP:
            return target(
                last_load + step,
                p.reps_min,
                TargetRule.LOAD_UP,
                f"every set reached {p.reps_max} reps: add {step:g} {unit}, "
                f"back to {p.reps_min} reps",
            )
        done = working_sets(last)
        fewest = min(s.reps for s in done) if done else p.reps_min
        reps = max(p.reps_min, min(p.reps_max, fewest + 1))
        return target(
            last_load,
            reps,
            TargetRule.REPS_UP,
            f"same load, aim for {reps} reps in every set (last: {fewest})",
        )
    if last_load is not None and last_outcome is Outcome.TOP:
        return target(
            last_load + step,
            p.reps_max,
            TargetRule.STEP_UP,
            f"every set reached {p.reps_max} reps at or under the target effort: "
            f"add {step:g} {unit}",
        )
    if p.load is not None and p.load.type is LoadType.ABSOLUTE:
        load = convert(p.load.value, p.load.unit or unit, unit)
        return target(load, p.reps_max, TargetRule.ABSOLUTE, "the program states the load")
    if e1rm_kg is not None:
        computed = _from_e1rm(convert(e1rm_kg, Unit.KG, unit), p, unit)
        if computed is not None:
            reps = reps_at_percent(p)
            return target(computed[0], reps, TargetRule.FROM_E1RM, computed[1])
    if last_load is not None:
        return target(last_load, p.reps_max, TargetRule.REPEAT, "repeat the last load")
    return target(None, p.reps_max, TargetRule.NO_DATA, "no history or 1RM yet: pick a load")
