"""Plate math: which plates make a load on a bar, and how other loads are rounded.

All arithmetic runs in integer hundredths of the unit so that 1.25 + 1.25 is 2.5 exactly.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from fitrec.domain.exercises import LoadKind
from fitrec.domain.units import Unit

DEFAULT_BAR: dict[Unit, float] = {Unit.KG: 20.0, Unit.LB: 45.0}
DEFAULT_PLATES: dict[Unit, dict[float, int]] = {
    Unit.KG: {25.0: 8, 20.0: 4, 15.0: 2, 10.0: 2, 5.0: 2, 2.5: 2, 1.25: 2},
    Unit.LB: {45.0: 8, 35.0: 2, 25.0: 2, 10.0: 4, 5.0: 2, 2.5: 2},
}
"""A typical gym's stock: many big plates, a pair of each small one (total counts)."""

STACK_STEP: dict[LoadKind, dict[Unit, float]] = {
    LoadKind.DUMBBELL: {Unit.KG: 2.5, Unit.LB: 5.0},
    LoadKind.CABLE: {Unit.KG: 5.0, Unit.LB: 10.0},
    LoadKind.MACHINE: {Unit.KG: 5.0, Unit.LB: 10.0},
}
"""The step between available loads for equipment that is not plate-loaded on a bar."""


def to_hundredths(value: float, what: str = "weight") -> int:
    """`value` in integer hundredths; ValueError when it is not a whole hundredth."""
    if not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    scaled = round(value * 100)
    if abs(value * 100 - scaled) > 1e-6:
        raise ValueError(f"{what} {value!r} is finer than a hundredth")
    return scaled


@dataclass(frozen=True, slots=True)
class PlateInventory:
    """A bar and the plates you own, as total counts per weight (loaded in pairs)."""

    bar: float = 20.0
    plates: Mapping[float, int] = field(
        default_factory=lambda: dict(DEFAULT_PLATES[Unit.KG]), hash=False
    )
    unit: Unit = Unit.KG

    def __post_init__(self) -> None:
        if to_hundredths(self.bar, "bar weight") < 0:
            raise ValueError(f"bar weight must be at least 0, got {self.bar!r}")
        for weight, count in self.plates.items():
            if to_hundredths(weight, "plate weight") <= 0:
                raise ValueError(f"plate weight must be above 0, got {weight!r}")
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise ValueError(f"count of {weight:g} {self.unit} plates must be ≥ 0")

    @classmethod
    def default(cls, unit: Unit = Unit.KG) -> PlateInventory:
        """A typical gym: a 20 kg bar with kg plates, or a 45 lb bar with lb plates."""
        return cls(bar=DEFAULT_BAR[unit], plates=dict(DEFAULT_PLATES[unit]), unit=unit)

    def pairs(self) -> dict[float, int]:
        """How many pairs of each plate can go on the bar (one plate per side each)."""
        return {w: c // 2 for w, c in sorted(self.plates.items(), reverse=True) if c >= 2}

    @property
    def max_load(self) -> float:
        """The heaviest load this bar and these plates can make."""
        per_side = sum(to_hundredths(w) * n for w, n in self.pairs().items())
        return (to_hundredths(self.bar) + 2 * per_side) / 100


@dataclass(frozen=True, slots=True)
class Loading:
    """A loaded bar: its total and the plates on each side, heaviest first."""

    total: float
    per_side: tuple[float, ...] = ()

    @property
    def plate_count(self) -> int:
        """Plates on the whole bar (both sides)."""
        return 2 * len(self.per_side)


@dataclass(frozen=True, slots=True)
class PlateSolution:
    """The loadings closest to a target: exact if makeable, else the nearest either side."""

    target: float
    unit: Unit
    bar: float
    exact: Loading | None
    below: Loading | None
    above: Loading | None

    @property
    def nearest(self) -> Loading:
        """The exact loading, else the closer of below/above (the lighter on a tie)."""
        if self.exact is not None:
            return self.exact
        if self.below is None or self.above is None:
            found = self.below or self.above
            assert found is not None  # the bar alone is always a loading
            return found
        if self.above.total - self.target < self.target - self.below.total:
            return self.above
        return self.below


@functools.lru_cache(maxsize=64)
def _per_side_sums(inventory: PlateInventory) -> dict[int, tuple[int, ...]]:
    """Every makeable per-side sum (hundredths) with its best plate counts per weight.

    Best = fewest plates, then the heaviest plates; a bounded subset-sum over pairs, so a
    limited inventory never misses a load a greedy fill would skip. Cached per inventory:
    a warm-up ramp and a session view solve several loads on the same bar and plates.
    """
    kinds = [(to_hundredths(w), n) for w, n in inventory.pairs().items()]
    best: dict[int, tuple[int, ...]] = {0: ()}
    for weight, available in kinds:
        grown: dict[int, tuple[int, ...]] = {}
        for subtotal, counts in best.items():
            for used in range(available + 1):
                key = subtotal + used * weight
                candidate = (*counts, used)
                current = grown.get(key)
                if current is None or _preference(candidate) < _preference(current):
                    grown[key] = candidate
        best = grown
    return best


@functools.lru_cache(maxsize=64)
def _sorted_sums(inventory: PlateInventory) -> tuple[int, ...]:
    """The makeable per-side sums (hundredths), lightest first."""
    return tuple(sorted(_per_side_sums(inventory)))


def _preference(counts: tuple[int, ...]) -> tuple[int, tuple[int, ...]]:
    """Sort key: fewer plates first, then more of the heavier plates."""
    return sum(counts), tuple(-c for c in counts)


def _loading(bar: int, per_side: int, counts: tuple[int, ...], weights: list[int]) -> Loading:
    plates = tuple(w / 100 for w, n in zip(weights, counts, strict=False) for _ in range(n))
    return Loading(total=(bar + 2 * per_side) / 100, per_side=plates)


def solve(target: float, inventory: PlateInventory | None = None) -> PlateSolution:
    """The exact loading for `target` (in the inventory's unit), or the nearest below/above."""
    inventory = inventory or PlateInventory.default()
    if not math.isfinite(target) or target < 0:
        raise ValueError(f"target load must be a finite number of at least 0, got {target!r}")
    bar = to_hundredths(inventory.bar)
    scaled_target = target * 100
    weights = [to_hundredths(w) for w in inventory.pairs()]
    sums = _per_side_sums(inventory)
    keys = _sorted_sums(inventory)
    # The per-side sums whose totals sit at or just around the target (within 1e-6).
    low = bisect.bisect_right(keys, (scaled_target + 1e-6 - bar) / 2) - 1
    high = bisect.bisect_left(keys, (scaled_target - 1e-6 - bar) / 2)
    below_key = keys[low] if low >= 0 else None
    above_key = keys[high] if high < len(keys) else None

    def made(per_side: int | None) -> Loading | None:
        return None if per_side is None else _loading(bar, per_side, sums[per_side], weights)

    below, above = made(below_key), made(above_key)
    exact = below if below is not None and abs(below.total * 100 - scaled_target) < 1e-6 else None
    return PlateSolution(
        target=float(target),
        unit=inventory.unit,
        bar=float(inventory.bar),
        exact=exact,
        below=below,
        above=above,
    )


def round_load(target: float, increment: float) -> float:
    """`target` rounded to the nearest multiple of `increment` (halves round up)."""
    step = to_hundredths(increment, "increment")
    if step <= 0:
        raise ValueError(f"increment must be above 0, got {increment!r}")
    if not math.isfinite(target) or target < 0:
        raise ValueError(f"target load must be a finite number of at least 0, got {target!r}")
    return math.floor(target * 100 / step + 0.5) * step / 100


def round_for(load_kind: LoadKind, target: float, inventory: PlateInventory | None = None) -> float:
    """`target` rounded to what the equipment can make, in the inventory's unit.

    Barbell: the nearest plate loading; dumbbell: 2.5 kg / 5 lb steps; cable and
    machine: 5 kg / 10 lb steps; bodyweight: unchanged.
    """
    inventory = inventory or PlateInventory.default()
    kind = LoadKind(load_kind)
    if kind is LoadKind.BARBELL:
        return solve(target, inventory).nearest.total
    if kind is LoadKind.BODYWEIGHT:
        return target
    return round_load(target, STACK_STEP[kind][inventory.unit])


_SPEC_ITEM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+)\s*$", re.IGNORECASE)


def parse_plate_spec(text: str) -> dict[float, int]:
    """Read plates written `25x8,20x4,1.25x2` (weight x total count) into a mapping."""
    plates: dict[float, int] = {}
    for position, item in enumerate(text.split(","), start=1):
        if not item.strip():
            continue
        match = _SPEC_ITEM.match(item)
        if match is None:
            raise ValueError(
                f"plate item {position} {item.strip()!r} is not WEIGHTxCOUNT (e.g. 25x8)"
            )
        weight, count = float(match.group(1)), int(match.group(2))
        plates[weight] = plates.get(weight, 0) + count
    if not plates:
        raise ValueError("no plates given (write e.g. 25x8,20x4,10x2)")
    return plates


def format_plate_spec(plates: Mapping[float, int]) -> str:
    """Write plates as `25x8,20x4,1.25x2`, heaviest first (the inverse of parse)."""
    return ",".join(f"{w:g}x{n}" for w, n in sorted(plates.items(), reverse=True))
