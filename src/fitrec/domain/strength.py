"""Strength math: estimated one-rep max (e1RM) and the loads a prescription asks for."""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import StrEnum

from fitrec.domain.programs import Effort, Load, LoadType
from fitrec.domain.rpe import resolve_rir, rts_percent
from fitrec.domain.units import Unit, convert

__all__ = [
    "FORMULA_SOURCES",
    "Formula",
    "e1rm",
    "e1rm_from_rpe",
    "estimate_1rm",
    "load_from_effort",
    "load_from_percent",
    "rts_percent",
    "target_load",
]


class Formula(StrEnum):
    """A published equation estimating a one-rep max from a set of several reps."""

    EPLEY = "epley"
    BRZYCKI = "brzycki"
    LANDER = "lander"
    LOMBARDI = "lombardi"
    MAYHEW = "mayhew"
    OCONNER = "oconner"
    WATHAN = "wathan"


def _epley(w: float, r: float) -> float:
    return w * (1 + r / 30)


def _brzycki(w: float, r: float) -> float:
    if r >= 37:
        raise ValueError(f"Brzycki's formula is undefined at 37 reps or more (got {r:g})")
    return w * 36 / (37 - r)


def _lander(w: float, r: float) -> float:
    denominator = 101.3 - 2.67123 * r
    if denominator <= 0:
        raise ValueError(f"Lander's formula is undefined at 38 reps or more (got {r:g})")
    return 100 * w / denominator


def _lombardi(w: float, r: float) -> float:
    return w * float(r**0.10)


def _mayhew(w: float, r: float) -> float:
    return 100 * w / (52.2 + 41.9 * math.exp(-0.055 * r))


def _oconner(w: float, r: float) -> float:
    return w * (1 + 0.025 * r)


def _wathan(w: float, r: float) -> float:
    return 100 * w / (48.8 + 53.8 * math.exp(-0.075 * r))


_EQUATIONS: dict[Formula, Callable[[float, float], float]] = {
    Formula.EPLEY: _epley,
    Formula.BRZYCKI: _brzycki,
    Formula.LANDER: _lander,
    Formula.LOMBARDI: _lombardi,
    Formula.MAYHEW: _mayhew,
    Formula.OCONNER: _oconner,
    Formula.WATHAN: _wathan,
}

FORMULA_SOURCES: dict[Formula, tuple[str, str]] = {
    Formula.EPLEY: ("w × (1 + r/30)", "Epley, Poundage Chart, Boyd Epley Workout (1985)"),
    Formula.BRZYCKI: ("w × 36 / (37 − r)", "Brzycki, JOPERD 64(1):88-90 (1993)"),
    Formula.LANDER: ("100w / (101.3 − 2.67123r)", "Lander, NSCA Journal 6:60-61 (1985)"),
    Formula.LOMBARDI: ("w × r^0.10", "Lombardi, Beginning Weight Training (1989)"),
    Formula.MAYHEW: (
        "100w / (52.2 + 41.9e^(−0.055r))",
        "Mayhew et al., J Appl Sport Sci Res 6(4):200-206 (1992)",
    ),
    Formula.OCONNER: ("w × (1 + 0.025r)", "O'Conner et al., Weight Training Today (1989)"),
    Formula.WATHAN: (
        "100w / (48.8 + 53.8e^(−0.075r))",
        "Wathan, in Essentials of Strength Training and Conditioning (1994)",
    ),
}
"""Each formula's equation (w = weight, r = reps) and where it was published."""


def _check_set(weight: float, reps: float) -> None:
    """Reject weights and rep counts no formula can use."""
    if not math.isfinite(weight) or weight < 0:
        raise ValueError(f"weight must be a finite number of at least 0, got {weight!r}")
    if not math.isfinite(reps) or reps < 1:
        raise ValueError(f"reps must be at least 1 to estimate a 1RM, got {reps!r}")


def e1rm(weight: float, reps: float, formula: Formula = Formula.EPLEY) -> float:
    """Estimated one-rep max from `weight` lifted `reps` times (a single is its own 1RM)."""
    _check_set(weight, reps)
    if reps == 1:
        return float(weight)
    return _EQUATIONS[Formula(formula)](float(weight), float(reps))


def e1rm_from_rpe(
    weight: float, reps: int, rpe: float | None = None, rir: float | None = None
) -> float:
    """Estimated one-rep max from a set and how hard it was, read off the RTS chart."""
    _check_set(weight, reps)
    return weight / rts_percent(reps, resolve_rir(rpe, rir))


def estimate_1rm(
    weight: float,
    reps: int,
    rpe: float | None = None,
    rir: float | None = None,
    formula: Formula = Formula.EPLEY,
) -> float:
    """e1RM from the RTS chart when the effort is known, else from `formula`."""
    if rpe is None and rir is None:
        return e1rm(weight, reps, formula)
    return e1rm_from_rpe(weight, reps, rpe=rpe, rir=rir)


def load_from_percent(one_rm: float, percent: float) -> float:
    """The load at `percent` of a one-rep max; `percent` is in percent (80 means 80 %)."""
    if not math.isfinite(one_rm) or one_rm < 0:
        raise ValueError(f"1RM must be a finite number of at least 0, got {one_rm!r}")
    if not math.isfinite(percent) or percent <= 0:
        raise ValueError(f"percent must be above 0, got {percent!r}")
    if percent <= 1:
        # Guard against a fraction (0.8) passed where a percentage (80) is meant.
        raise ValueError(f"percent {percent:g} looks like a fraction; write 80 for 80 %")
    return one_rm * percent / 100


def load_from_effort(
    one_rm: float, reps: int, rpe: float | None = None, rir: float | None = None
) -> float:
    """The load for `reps` at an RPE or RIR, from a one-rep max and the RTS chart."""
    if not math.isfinite(one_rm) or one_rm < 0:
        raise ValueError(f"1RM must be a finite number of at least 0, got {one_rm!r}")
    return one_rm * rts_percent(reps, resolve_rir(rpe, rir))


def target_load(
    one_rm: float, prescription: Load | Effort, reps: int, unit: Unit = Unit.KG
) -> float:
    """The load (in `unit`, like `one_rm`) that a prescribed Load or Effort asks for.

    A %1RM range (`75-85% 1RM`) starts at its lower end; an effort range uses its hardest
    end (Effort.rir); an absolute load is converted to `unit`.
    """
    if isinstance(prescription, Effort):
        return load_from_effort(one_rm, reps, rir=prescription.rir)
    if prescription.type is LoadType.ABSOLUTE:
        return convert(prescription.value, prescription.unit or unit, unit)
    return load_from_percent(one_rm, prescription.value)
