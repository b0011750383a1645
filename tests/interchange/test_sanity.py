"""Conversion noise is rounded, converted weights snap back, impossible values are flagged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fitrec.catalog import Catalog
from fitrec.domain.units import Unit, convert
from fitrec.interchange import sanity


def test_float_noise_is_rounded() -> None:
    assert sanity.snap_weight(149.99999999999997, Unit.KG) == (150.0, Unit.KG)


def test_a_kilogram_weight_exported_in_pounds_snaps_back() -> None:
    assert sanity.snap_weight(44.09245243697551, Unit.LB) == (20.0, Unit.KG)


def test_a_pound_weight_exported_in_kilograms_snaps_back() -> None:
    assert sanity.snap_weight(45.359237, Unit.KG) == (100.0, Unit.LB)


def test_an_ordinary_odd_weight_stays_as_written() -> None:
    assert sanity.snap_weight(61.3, Unit.KG) == (61.3, Unit.KG)


@given(st.integers(min_value=1, max_value=2000))
def test_quarter_kilos_survive_a_trip_through_pounds(quarters: int) -> None:
    kg = quarters / 4
    value, unit = sanity.snap_weight(convert(kg, Unit.KG, Unit.LB), Unit.LB)
    assert abs(convert(value, unit, Unit.KG) - kg) < 1e-3
    assert value * 4 == round(value * 4)


def test_impossible_sets_are_named(catalog: Catalog) -> None:
    deadlift = catalog.get("deadlift")
    assert sanity.implausible_set(1111.8, 5, deadlift) is not None
    assert sanity.implausible_set(180, 877777, deadlift) is not None
    assert sanity.implausible_set(300, 3, deadlift) is None
    assert sanity.implausible_set(700, 10, catalog.get("leg-press")) is None


def test_a_timer_left_running_is_implausible() -> None:
    assert sanity.implausible_duration(264 * 3600) is not None
    assert sanity.implausible_duration(3900) is None
