"""The progress read model turns into the JSON charts.js draws, losslessly (to 0.1)."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from fitrec.web.progress import DeclineSpan, E1rmPoint, LiftProgress, ProgressView

points = st.lists(
    st.builds(
        E1rmPoint,
        day=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
        e1rm=st.floats(min_value=0, max_value=1500, allow_nan=False),
    ),
    max_size=30,
).map(tuple)


@given(points)
def test_chart_json_round_trips_dates_and_values(series: tuple[E1rmPoint, ...]) -> None:
    view = ProgressView(lifts=(LiftProgress("squat", "Squat", series),), unit="lb")
    data = json.loads(json.dumps(view.chart_data()))
    back = [(date.fromisoformat(p["x"]), p["y"]) for p in data["lifts"][0]["points"]]
    assert [d for d, _ in back] == [p.day for p in series]
    assert all(abs(y - p.e1rm) <= 0.05 + 1e-9 for (_, y), p in zip(back, series, strict=True))
    assert data["unit"] == "lb"


def test_decline_spans_are_iso_dates() -> None:
    lift = LiftProgress(
        "barbell-bench-press",
        "Barbell Bench Press",
        (E1rmPoint(date(2024, 1, 1), 100.04),),
        (DeclineSpan(date(2024, 2, 1), date(2024, 3, 1)),),
    )
    data = ProgressView(lifts=(lift,)).chart_data()
    assert data["lifts"][0]["declines"] == [
        {"start": "2024-02-01", "end": "2024-03-01", "current": False}
    ]
    assert data["lifts"][0]["points"] == [{"x": "2024-01-01", "y": 100.0}]


def test_a_lift_is_charted_from_the_analytics_service_progress_in_the_lifters_unit() -> None:
    from fitrec.analytics.e1rm import E1rmPoint as SessionE1rm
    from fitrec.domain.exercises import Exercise, Mechanic
    from fitrec.domain.muscles import Muscle
    from fitrec.services.analytics import Progress
    from fitrec.web.progress import lift_progress

    bench = Exercise(
        "barbell-bench-press", "Barbell Bench Press", Mechanic.COMPOUND, (Muscle.CHEST,)
    )
    series = [
        SessionE1rm(date(2024, 1, 1), 100.0, 80.0, 8),
        SessionE1rm(date(2024, 1, 8), 102.0, 82.5, 8),
    ]
    lift = lift_progress(Progress(bench, series, None), unit="lb")
    assert lift.slug == "barbell-bench-press" and lift.name == "Barbell Bench Press"
    assert [p.day for p in lift.points] == [date(2024, 1, 1), date(2024, 1, 8)]
    assert round(lift.points[0].e1rm, 1) == 220.5
