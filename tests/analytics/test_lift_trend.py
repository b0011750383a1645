"""The lift trend the charts and findings share: the line, its breaks, spans that are now."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from fitrec.analytics.lift_trend import (
    current_decline,
    lift_trend,
    restart_factor,
    rolling_median,
    stretches,
)

START = date(2024, 1, 1)


def weekly(values: list[float], start: date = START) -> list[tuple[date, float]]:
    return [(start + timedelta(weeks=i), v) for i, v in enumerate(values)]


def test_a_light_day_does_not_pull_the_trend_line_down() -> None:
    series = weekly([100, 101, 102, 55, 103, 104])
    line = [v for _, v in rolling_median(series)]
    assert min(line[3:]) >= 100  # the 55 kg day moves the line half a unit at most


def test_the_line_breaks_at_a_pause_over_three_weeks() -> None:
    series = weekly([100, 101]) + weekly([90, 91], START + timedelta(days=7 + 22))
    assert [len(s) for s in stretches(series)] == [2, 2]
    assert len(lift_trend(series, START + timedelta(days=60)).trend) == 2


def test_an_old_decline_is_history_and_a_recent_one_is_current() -> None:
    falling = weekly([100, 99, 97, 95, 93, 91])
    last = falling[-1][0]
    old = lift_trend(falling, last + timedelta(days=365))
    assert old.current is None and old.spans and not any(s.current for s in old.spans)
    now = lift_trend(falling, last + timedelta(days=3))
    assert now.current is not None and [s.current for s in now.spans] == [True]
    assert current_decline(falling, last + timedelta(days=29)) is None


def test_sessions_years_apart_are_not_a_decline_now() -> None:
    spread = [(START + timedelta(days=200 * i), 100.0 - 3 * i) for i in range(6)]
    assert current_decline(spread, spread[-1][0] + timedelta(days=2)) is None


def test_the_restart_factor_falls_with_the_weeks_off_but_not_below_70_percent() -> None:
    assert [restart_factor(w) for w in (4, 8, 12, 40)] == [0.9, 0.8, 0.7, 0.7]


@given(st.lists(st.floats(min_value=1, max_value=500), min_size=1, max_size=40))
def test_the_rolling_median_stays_within_its_window(values: list[float]) -> None:
    line = rolling_median(weekly(values))
    for i, (_, v) in enumerate(line):
        window = values[max(0, i - 4) : i + 1]
        assert min(window) - 0.01 <= v <= max(window) + 0.01
