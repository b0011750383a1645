"""A warm-up ramp before a compound's working sets: the bar, then about 40/60/80 % of the
working load for 5/3/2 reps, each rounded to a load the lifter's bar and plates make.

The ramp is a suggestion the live page shows; the sets, once logged, are `warmup` sets,
which never count as working sets, in e1RM or in weekly volume.
"""

from __future__ import annotations

from dataclasses import dataclass

from fitrec.domain.exercises import LoadKind
from fitrec.domain.plates import PlateInventory, round_for, solve


@dataclass(frozen=True, slots=True)
class RampStep:
    """One step of a warm-up scheme: a share of the working load (None: the bar) × reps."""

    share: float | None
    reps: int


DEFAULT_RAMP: tuple[RampStep, ...] = (
    RampStep(None, 10),
    RampStep(0.4, 5),
    RampStep(0.6, 3),
    RampStep(0.8, 2),
)
"""The bar × 10, then ~40 % × 5, ~60 % × 3, ~80 % × 2 of the working load."""


@dataclass(frozen=True, slots=True)
class WarmupSet:
    """A suggested warm-up set: its load (the inventory's unit), reps and plates per side."""

    weight: float
    reps: int
    share: float | None  # the step's share of the working load; None for the empty bar
    per_side: tuple[float, ...] = ()


def warmup_ramp(
    working_load: float,
    inventory: PlateInventory,
    load_kind: LoadKind = LoadKind.BARBELL,
    steps: tuple[RampStep, ...] = DEFAULT_RAMP,
) -> tuple[WarmupSet, ...]:
    """The warm-up sets before `working_load`: rounded, rising, every one below the work.

    A step that rounds to the load of the step before it, or to the working load or more,
    is left out, so a light working load gets a short ramp (or none at all). Equipment that
    is not a barbell has no empty-bar step and rounds to its stack or dumbbell steps.
    """
    barbell = LoadKind(load_kind) is LoadKind.BARBELL
    ramp: list[WarmupSet] = []
    previous = 0.0
    for step in steps:
        if step.share is None and not barbell:
            continue
        target = inventory.bar if step.share is None else working_load * step.share
        if barbell:
            loading = solve(target, inventory).nearest
            weight, per_side = loading.total, loading.per_side
        else:
            weight, per_side = round_for(load_kind, target, inventory), ()
        if weight >= working_load or (ramp and weight <= previous) or weight <= 0:
            continue
        ramp.append(WarmupSet(weight=weight, reps=step.reps, share=step.share, per_side=per_side))
        previous = weight
    return tuple(ramp)
