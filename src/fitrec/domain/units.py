"""Weight units and conversions."""

from __future__ import annotations

import re
from enum import StrEnum

KG_PER_LB = 0.45359237


class Unit(StrEnum):
    """A unit of weight."""

    KG = "kg"
    LB = "lb"

    @classmethod
    def parse(cls, text: str) -> Unit:
        """Read a unit as lifters and apps write it (`kg`, `kgs`, `lbs`, `pounds`...)."""
        key = text.strip().lower().rstrip(".")
        if key in {"kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"}:
            return cls.KG
        if key in {"lb", "lbs", "pound", "pounds", "#"}:
            return cls.LB
        raise ValueError(f"unknown weight unit {text!r} (use kg or lb)")


def to_kg(value: float, unit: Unit) -> float:
    """Convert a weight in `unit` to kilograms."""
    return value if unit is Unit.KG else value * KG_PER_LB


def from_kg(value_kg: float, unit: Unit) -> float:
    """Convert a weight in kilograms to `unit`."""
    return value_kg if unit is Unit.KG else value_kg / KG_PER_LB


def convert(value: float, src: Unit, dst: Unit) -> float:
    """Convert a weight between units."""
    return from_kg(to_kg(value, src), dst)


def clean_weight(value: float) -> float:
    """Round away float conversion noise (`149.99999999999997` → 150.0) to 0.001."""
    return round(value + 0.0, 3)


_WEIGHT = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*([^\d\s][^\d]*)?$")


def parse_weight(text: str) -> tuple[float, Unit | None]:
    """Read a weight as lifters write it (`100`, `100kg`, `225 lb`); unit None when unwritten."""
    match = _WEIGHT.match(text)
    if match is None:
        raise ValueError(f"weight {text!r} is not a number with an optional kg/lb unit")
    unit = match.group(2)
    return float(match.group(1)), (Unit.parse(unit) if unit else None)
