"""The plate solver (exact, not greedy), inventories, and load rounding."""

from __future__ import annotations

from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fitrec.domain.exercises import LoadKind
from fitrec.domain.plates import (
    Loading,
    PlateInventory,
    format_plate_spec,
    parse_plate_spec,
    round_for,
    round_load,
    solve,
)
from fitrec.domain.units import Unit


def test_limited_plates_defeat_greedy_but_not_the_solver() -> None:
    inventory = PlateInventory(bar=20, plates={15: 2, 10: 4}, unit=Unit.KG)
    solution = solve(60, inventory)
    # Greedy takes a 15 first and then cannot reach 20 per side.
    assert solution.exact == Loading(total=60.0, per_side=(10.0, 10.0))
    assert solution.below == solution.above == solution.exact


def test_default_kg_gym() -> None:
    solution = solve(100)
    assert solution.exact == Loading(100.0, (25.0, 15.0))
    assert solution.unit is Unit.KG
    assert solution.bar == 20.0


def test_default_lb_gym() -> None:
    inventory = PlateInventory.default(Unit.LB)
    assert inventory.bar == 45
    assert solve(225, inventory).exact == Loading(225.0, (45.0, 45.0))
    assert solve(135, inventory).exact == Loading(135.0, (45.0,))
    assert solve(230, inventory).exact == Loading(230.0, (45.0, 45.0, 2.5))


def test_unmakeable_target_gives_nearest_below_and_above() -> None:
    solution = solve(101)
    assert solution.exact is None
    assert solution.below == Loading(100.0, (25.0, 15.0))
    assert solution.above == Loading(102.5, (25.0, 15.0, 1.25))
    assert solution.nearest == solution.below
    assert solve(102).nearest == solution.above


def test_a_tie_rounds_to_the_lighter_load() -> None:
    inventory = PlateInventory(bar=20, plates={5: 2}, unit=Unit.KG)
    assert solve(25, inventory).nearest.total == 20


def test_below_the_bar_and_beyond_the_plates() -> None:
    light = solve(10)
    assert light.exact is None
    assert light.below is None
    assert light.above == Loading(20.0, ())
    inventory = PlateInventory(bar=20, plates={20: 2}, unit=Unit.KG)
    heavy = solve(500, inventory)
    assert heavy.above is None
    assert heavy.below == Loading(60.0, (20.0,))
    assert heavy.nearest == heavy.below
    assert inventory.max_load == 60


def test_the_bar_alone() -> None:
    assert solve(20).exact == Loading(20.0, ())


def test_fewer_plates_win_among_equal_totals() -> None:
    inventory = PlateInventory(bar=20, plates={20: 2, 10: 4, 5: 8}, unit=Unit.KG)
    assert solve(60, inventory).exact == Loading(60.0, (20.0,))
    assert solve(80, inventory).exact == Loading(80.0, (20.0, 10.0))


def test_odd_plate_counts_leave_the_spare_off_the_bar() -> None:
    inventory = PlateInventory(bar=20, plates={25: 3}, unit=Unit.KG)
    assert inventory.pairs() == {25: 1}
    assert solve(120, inventory).below == Loading(70.0, (25.0,))


def test_fractional_plates_are_exact() -> None:
    inventory = PlateInventory(bar=20, plates={1.25: 4, 0.5: 2}, unit=Unit.KG)
    assert solve(26, inventory).exact == Loading(26.0, (1.25, 1.25, 0.5))


@pytest.mark.parametrize(
    ("bar", "plates"),
    [(-20, {}), (20, {0: 2}), (20, {-5: 2}), (20, {5: -2}), (20.001, {}), (20, {1.255: 2})],
)
def test_invalid_inventories_are_rejected(bar: float, plates: dict[float, int]) -> None:
    with pytest.raises(ValueError):
        PlateInventory(bar=bar, plates=plates)


@pytest.mark.parametrize("target", [-1, float("nan"), float("inf")])
def test_invalid_targets_are_rejected(target: float) -> None:
    with pytest.raises(ValueError, match="target"):
        solve(target)


def test_plate_spec_round_trips() -> None:
    text = "25x8,20x4,15x2,10x2,5x2,2.5x2,1.25x2"
    plates = parse_plate_spec(text)
    assert plates == PlateInventory.default().plates
    assert format_plate_spec(plates) == text
    assert parse_plate_spec(" 20 × 4 , 10X2,") == {20.0: 4, 10.0: 2}


@pytest.mark.parametrize("text", ["", "25", "25x", "x8", "25x8,abc", "25x-2"])
def test_bad_plate_specs_are_named(text: str) -> None:
    with pytest.raises(ValueError, match="plate"):
        parse_plate_spec(text)


def test_round_load_to_the_nearest_step() -> None:
    assert round_load(23.7, 2.5) == 22.5
    assert round_load(23.75, 2.5) == 25.0
    assert round_load(0.1 + 0.2, 0.1) == 0.3
    assert round_load(61.3, 1.25) == 61.25
    with pytest.raises(ValueError, match="increment"):
        round_load(10, 0)


def test_round_for_each_load_kind() -> None:
    kg = PlateInventory.default(Unit.KG)
    lb = PlateInventory.default(Unit.LB)
    assert round_for(LoadKind.BARBELL, 101.2, kg) == 100.0
    assert round_for(LoadKind.DUMBBELL, 23.7, kg) == 22.5
    assert round_for(LoadKind.DUMBBELL, 53, lb) == 55.0
    assert round_for(LoadKind.CABLE, 27.5, kg) == 30.0
    assert round_for(LoadKind.MACHINE, 94, lb) == 90.0
    assert round_for(LoadKind.BODYWEIGHT, 7.3, kg) == 7.3
    assert round_for("barbell", 14) == 20.0  # type: ignore[arg-type]


inventories = st.builds(
    PlateInventory,
    bar=st.sampled_from([0.0, 10.0, 15.0, 20.0, 45.0]),
    plates=st.dictionaries(
        st.sampled_from([25.0, 20.0, 15.0, 10.0, 7.5, 5.0, 2.5, 1.25, 0.5, 45.0, 35.0]),
        st.integers(min_value=0, max_value=7),
        max_size=5,
    ),
)
targets = st.integers(min_value=0, max_value=40_000).map(lambda h: h / 100)


def makeable_totals(inventory: PlateInventory) -> set[int]:
    """Every total (hundredths) the inventory can make, by brute force."""
    pairs = inventory.pairs()
    weights = [round(w * 100) for w in pairs]
    totals = set()
    for counts in product(*(range(n + 1) for n in pairs.values())):
        per_side = sum(w * c for w, c in zip(weights, counts, strict=True))
        totals.add(round(inventory.bar * 100) + 2 * per_side)
    return totals


def check_loading(loading: Loading, inventory: PlateInventory) -> None:
    """A loading adds up and uses no more plates than owned."""
    assert loading.total == pytest.approx(inventory.bar + 2 * sum(loading.per_side))
    assert list(loading.per_side) == sorted(loading.per_side, reverse=True)
    for weight in set(loading.per_side):
        assert 2 * loading.per_side.count(weight) <= inventory.plates[weight]


@settings(max_examples=150)
@given(inventories, targets)
def test_solver_properties(inventory: PlateInventory, target: float) -> None:
    solution = solve(target, inventory)
    for loading in (solution.exact, solution.below, solution.above):
        if loading is not None:
            check_loading(loading, inventory)
    assert solution.below is not None or solution.above is not None
    if solution.below is not None:
        assert solution.below.total <= target
    if solution.above is not None:
        assert solution.above.total >= target
    totals = makeable_totals(inventory)
    scaled = round(target * 100)
    assert (solution.exact is not None) == (scaled in totals)
    below = max((t for t in totals if t <= scaled), default=None)
    above = min((t for t in totals if t >= scaled), default=None)
    assert (solution.below and round(solution.below.total * 100)) == below
    assert (solution.above and round(solution.above.total * 100)) == above


@given(inventories, st.data())
def test_every_makeable_total_is_found_exactly(
    inventory: PlateInventory, data: st.DataObject
) -> None:
    total = data.draw(st.sampled_from(sorted(makeable_totals(inventory))))
    assert solve(total / 100, inventory).exact is not None


@given(targets, st.sampled_from([0.5, 1.25, 2.5, 5.0, 10.0]))
def test_round_load_is_a_nearest_multiple(target: float, step: float) -> None:
    rounded = round_load(target, step)
    assert abs(rounded - target) <= step / 2 + 1e-9
    assert round(rounded * 100) % round(step * 100) == 0


def test_inventories_compare_and_hash() -> None:
    assert PlateInventory.default() == PlateInventory()
    assert hash(PlateInventory.default()) == hash(PlateInventory())
    assert PlateInventory.default(Unit.LB) != PlateInventory.default(Unit.KG)
