"""The RTS RPE chart: published anchors, its reps + RIR shape, and its edges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitrec.domain.rpe import (
    RPE_COLUMNS,
    RTS_CHART,
    in_chart,
    resolve_rir,
    rir_to_rpe,
    rpe_to_rir,
    rts_percent,
)

ANCHORS = [
    # (reps, RPE, %1RM) as printed in the published chart
    (1, 10, 100.0),
    (1, 9, 95.5),
    (1, 8, 92.2),
    (3, 10, 92.2),
    (5, 10, 86.3),
    (5, 8, 81.1),
    (8, 10, 78.6),
    (8, 8, 73.9),
    (10, 10, 73.9),
    (12, 10, 68.0),
    (3, 8, 86.3),
    (1, 6.5, 87.8),
    (12, 6.5, 58.6),
]


@pytest.mark.parametrize(("reps", "rpe", "percent"), ANCHORS)
def test_published_anchor_values(reps: int, rpe: float, percent: float) -> None:
    assert rts_percent(reps, rpe_to_rir(rpe)) == pytest.approx(percent / 100)


def test_chart_covers_reps_1_to_12_and_rpe_6_to_10() -> None:
    assert sorted(RTS_CHART) == list(range(1, 13))
    assert RPE_COLUMNS == (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)
    assert all(len(row) == len(RPE_COLUMNS) for row in RTS_CHART.values())


def test_chart_is_reps_plus_rir_shaped() -> None:
    by_effective: dict[float, set[float]] = {}
    for reps, row in RTS_CHART.items():
        for rpe, percent in zip(RPE_COLUMNS, row, strict=True):
            by_effective.setdefault(reps + rpe_to_rir(rpe), set()).add(percent)
    assert all(len(values) == 1 for values in by_effective.values())


def test_every_cell_is_read_as_printed() -> None:
    for reps, row in RTS_CHART.items():
        for rpe, percent in zip(RPE_COLUMNS, row, strict=True):
            assert rts_percent(reps, 10 - rpe) == pytest.approx(percent / 100)


def test_rir_between_half_steps_interpolates() -> None:
    assert rts_percent(5, 2.25) == pytest.approx((81.1 + 79.9) / 200)


def test_reps_past_the_chart_follow_its_shape_then_epley() -> None:
    assert not in_chart(13, 0)
    assert rts_percent(13, 0) == pytest.approx(rts_percent(12, 1))
    assert rts_percent(16, 0) == pytest.approx(0.573)
    # Beyond reps + RIR 16, Epley's curve scaled to meet the chart's last value.
    assert rts_percent(20, 0) == pytest.approx(0.573 * (1 + 16 / 30) / (1 + 20 / 30))
    assert 0.50 < rts_percent(20, 0) < 0.55  # the article's 12-20 reps at 50-65 %


@pytest.mark.parametrize(("reps", "rir"), [(0, 0), (31, 0), (5, -0.5), (5, 4.5), (5, float("nan"))])
def test_outside_the_chart_raises(reps: int, rir: float) -> None:
    with pytest.raises(ValueError):
        rts_percent(reps, rir)


def test_rpe_and_rir_convert() -> None:
    assert rpe_to_rir(8) == 2
    assert rir_to_rpe(1) == 9
    assert resolve_rir(rpe=9.5) == 0.5
    assert resolve_rir(rir=3) == 3
    with pytest.raises(ValueError, match="exactly one"):
        resolve_rir()
    with pytest.raises(ValueError, match="exactly one"):
        resolve_rir(rpe=8, rir=2)


half_steps = st.integers(min_value=0, max_value=8).map(lambda h: h / 2)


@given(
    st.integers(min_value=1, max_value=30),
    half_steps,
    st.integers(min_value=1, max_value=30),
    half_steps,
)
def test_percent_decreases_as_reps_plus_rir_grows(a: int, ra: float, b: int, rb: float) -> None:
    if a + ra < b + rb:
        assert rts_percent(a, ra) > rts_percent(b, rb)
    elif a + ra == b + rb:
        assert rts_percent(a, ra) == rts_percent(b, rb)


@given(st.integers(min_value=1, max_value=30), st.floats(min_value=0, max_value=4))
def test_percent_is_a_fraction_of_one_rep_max(reps: int, rir: float) -> None:
    assert 0.3 < rts_percent(reps, rir) <= 1.0
