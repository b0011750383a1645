"""Implausible values get flagged, conversion noise gets rounded away."""

from __future__ import annotations

from fitrec.domain.exercises import Exercise, LoadKind
from fitrec.domain.units import Unit, clean_weight, convert

MAX_REPS = 150
MAX_FREE_WEIGHT_KG = 510.0  # above the deadlift world record
MAX_MACHINE_KG = 1200.0  # sled leg presses are loaded far beyond any barbell
MAX_SESSION_HOURS = 12.0
_STEP = 0.25  # plates and stacks come in quarter units at the finest
_TOLERANCE = 1e-4


def _is_round(value: float) -> bool:
    """True when `value` sits on a quarter-unit step (give or take float noise)."""
    return abs(value / _STEP - round(value / _STEP)) * _STEP < _TOLERANCE


def snap_weight(value: float, unit: Unit) -> tuple[float, Unit]:
    """The weight as the lifter entered it: noise rounded, converted weights snapped back.

    `44.09245243697551 lb` is exactly 20 kg converted, so it becomes 20 kg;
    `149.99999999999997` becomes 150.
    """
    if value <= 0 or _is_round(value):
        return clean_weight(value), unit
    other = Unit.KG if unit is Unit.LB else Unit.LB
    converted = convert(value, unit, other)
    if _is_round(converted):
        return clean_weight(round(converted / _STEP) * _STEP), other
    return clean_weight(value), unit


def implausible_set(weight_kg: float, reps: int, exercise: Exercise | None) -> str | None:
    """Why a set cannot be real (a typo, a timer left running), or None when it can."""
    if reps > MAX_REPS:
        return f"{reps} reps is implausible (more than {MAX_REPS})"
    if reps < 0:
        return f"{reps} reps is negative"
    if weight_kg < 0:
        return f"weight {weight_kg:g} kg is negative"
    limit = MAX_FREE_WEIGHT_KG
    if exercise is not None and exercise.load_kind is LoadKind.MACHINE:
        limit = MAX_MACHINE_KG
    if weight_kg > limit:
        return f"{weight_kg:g} kg is implausible (more than {limit:g} kg)"
    return None


def implausible_duration(seconds: int | None) -> str | None:
    """Why a workout duration cannot be real, or None."""
    if seconds is not None and seconds > MAX_SESSION_HOURS * 3600:
        return f"workout lasting {seconds / 3600:.0f} h is implausible (timer left running?)"
    return None
