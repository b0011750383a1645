"""Weight units: parsing, conversion and clean-up of float noise."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitrec.domain.units import (
    KG_PER_LB,
    Unit,
    clean_weight,
    convert,
    from_kg,
    parse_weight,
    to_kg,
)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("kg", Unit.KG),
        ("KGS", Unit.KG),
        (" kilograms ", Unit.KG),
        ("lb", Unit.LB),
        ("lbs.", Unit.LB),
        ("Pounds", Unit.LB),
        ("#", Unit.LB),
    ],
)
def test_unit_parse_reads_what_lifters_write(text: str, unit: Unit) -> None:
    assert Unit.parse(text) is unit


def test_unit_parse_rejects_an_unknown_unit_by_name() -> None:
    with pytest.raises(ValueError, match="stone"):
        Unit.parse("stone")


def test_pound_is_the_international_pound() -> None:
    assert to_kg(1, Unit.LB) == KG_PER_LB == 0.45359237
    assert clean_weight(to_kg(225, Unit.LB)) == 102.058
    assert clean_weight(from_kg(100, Unit.LB)) == 220.462
    assert to_kg(100, Unit.KG) == 100
    assert from_kg(100, Unit.KG) == 100


def test_convert_between_units() -> None:
    assert clean_weight(convert(45, Unit.LB, Unit.KG)) == 20.412
    assert convert(60, Unit.KG, Unit.KG) == 60
    assert clean_weight(convert(20, Unit.KG, Unit.LB)) == 44.092


def test_clean_weight_removes_float_noise() -> None:
    assert clean_weight(149.99999999999997) == 150.0
    assert clean_weight(0.1 + 0.2) == 0.3
    assert clean_weight(-0.0) == 0.0


@given(st.floats(min_value=0, max_value=2000, allow_nan=False), st.sampled_from(list(Unit)))
def test_convert_round_trips(value: float, unit: Unit) -> None:
    other = Unit.LB if unit is Unit.KG else Unit.KG
    assert convert(convert(value, unit, other), other, unit) == pytest.approx(value, abs=1e-9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100", (100.0, None)),
        ("100kg", (100.0, Unit.KG)),
        ("225lb", (225.0, Unit.LB)),
        ("102.5 kg", (102.5, Unit.KG)),
        (" 5 lbs ", (5.0, Unit.LB)),
        (".5kg", (0.5, Unit.KG)),
    ],
)
def test_parse_weight(text: str, expected: tuple[float, Unit | None]) -> None:
    assert parse_weight(text) == expected


@pytest.mark.parametrize("text", ["", "kg", "-5", "nan", "1e3", "abc"])
def test_parse_weight_rejects_non_weights(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_weight(text)


def test_parse_weight_names_an_unknown_unit() -> None:
    with pytest.raises(ValueError, match="stone"):
        parse_weight("100 stone")


@given(
    st.integers(min_value=0, max_value=100_000).map(lambda h: h / 100),
    st.sampled_from(["", "kg", " kg", "lb", " lbs"]),
)
def test_parse_weight_reads_back_what_is_written(value: float, suffix: str) -> None:
    parsed, unit = parse_weight(f"{value:g}{suffix}")
    assert parsed == value
    assert unit == (Unit.parse(suffix) if suffix.strip() else None)
