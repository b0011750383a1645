"""Reading the settings form's free-text fields (plates, known 1RMs) into profile changes."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from fitrec.domain.units import KG_PER_LB
from fitrec.services.errors import InvalidInput

N = TypeVar("N", int, float)
_MAX_LINE = re.compile(r"^(?P<name>.+?)\s*=\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>kg|lb)?$", re.I)


def parse_number(text: str, field: str, kind: Callable[[str], N]) -> N | None:
    """An optional number typed into a form (blank means none)."""
    if not text.strip():
        return None
    try:
        return kind(text.strip())
    except ValueError:
        raise InvalidInput(field, f"must be a number, got {text.strip()!r}") from None


def parse_plates(text: str) -> dict[float, int]:
    """`20×4, 10×2, 2.5×2` (plate weight × pairs) as a mapping."""
    plates: dict[float, int] = {}
    for part in re.split(r"[,\n]+", text):
        item = part.strip().replace("x", "×").replace("X", "×")
        if not item:
            continue
        weight, _, pairs = item.partition("×")
        try:
            plates[float(weight)] = int(pairs) if pairs.strip() else 1
        except ValueError:
            raise InvalidInput(
                "plates", f"write plates as weight×pairs, e.g. 20×4 (got {item!r})"
            ) from None
    return plates


def parse_maxes(text: str, unit: str = "kg") -> dict[str, float]:
    """One `Exercise name = 100 kg` per line, as kilograms by name (no unit: `unit`)."""
    maxes: dict[str, float] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _MAX_LINE.match(line.strip())
        if match is None:
            raise InvalidInput(
                "one_rep_maxes", f"line {number}: write e.g. Bench Press = 100 {unit}"
            )
        value = float(match["value"])
        maxes[match["name"]] = (
            value * KG_PER_LB if (match["unit"] or unit).lower() == "lb" else value
        )
    return maxes
