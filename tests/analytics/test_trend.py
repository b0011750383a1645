from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitrec.analytics.trend import fitted_fall, theil_sen


def test_a_straight_line_is_recovered_exactly() -> None:
    assert theil_sen([10.0, 12.0, 14.0, 16.0]) == (2.0, 10.0)


def test_one_outlier_barely_moves_the_slope() -> None:
    slope, _ = theil_sen([100.0, 100.0, 100.0, 60.0, 100.0, 100.0])
    assert slope == 0.0


def test_fall_is_a_fraction_of_the_start() -> None:
    assert fitted_fall([100.0, 98.0, 96.0, 94.0, 92.0]) == pytest.approx(0.08)
    assert fitted_fall([100.0, 101.0, 102.0]) < 0


def test_a_single_point_has_no_trend() -> None:
    with pytest.raises(ValueError):
        theil_sen([1.0])


@given(
    st.floats(50, 300),
    st.floats(-5, 5),
    st.integers(2, 12),
)
def test_exact_lines_give_their_own_slope(start: float, slope: float, n: int) -> None:
    values = [start + slope * i for i in range(n)]
    got, intercept = theil_sen(values)
    assert got == pytest.approx(slope, abs=1e-9)
    assert intercept == pytest.approx(start, abs=1e-9)
