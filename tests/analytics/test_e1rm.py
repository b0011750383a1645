from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitrec.analytics.e1rm import E1rmConfig, e1rm_series, fresh_compound_sets, set_e1rm
from fitrec.domain.sessions import PerformedSet, SetType
from fitrec.domain.strength import Formula
from tests.analytics.builders import LOOKUP, s, session


def fresh(*sets: PerformedSet) -> list[tuple[float, int]]:
    done = session(0, *sets)
    return [(p.weight, p.reps) for p in fresh_compound_sets(done, LOOKUP)]


def test_warmups_isolations_high_reps_and_flagged_sets_are_not_fresh() -> None:
    assert fresh(
        s("barbell-bench-press", 60, 8, kind=SetType.WARMUP),
        s("barbell-bench-press", 100, 8),
        s("barbell-bench-press", 70, 15),
        s("barbell-bench-press", 140, 8, flagged=True),
        s("barbell-bench-press", 80, 8, kind=SetType.DROP),
        s("cable-fly", 20, 15, "B"),
    ) == [(100, 8)]


def test_a_compound_set_right_after_its_blocks_isolation_is_not_fresh() -> None:
    assert fresh(
        s("barbell-bench-press", 100, 8),
        s("cable-fly", 20, 15, rest=60),
        s("barbell-bench-press", 100, 7, rest=90),  # 90 s after the fly: tired
        s("cable-fly", 20, 15, rest=60),
        s("barbell-bench-press", 100, 8, rest=240),  # long rest: fresh again
        s("cable-fly", 20, 15, rest=60),
        s("barbell-bench-press", 100, 6),  # rest unknown: assume tired
    ) == [(100, 8), (100, 8)]


def test_a_warmup_of_the_isolation_does_not_tire_the_compound() -> None:
    assert fresh(
        s("cable-fly", 10, 10, kind=SetType.WARMUP),
        s("barbell-bench-press", 100, 8),
        s("cable-fly", 20, 15),
        s("barbell-bench-press", 100, 7),
    ) == [(100, 8)]


def test_an_isolation_of_another_block_does_not_tire_the_compound() -> None:
    assert fresh(s("lateral-raise", 10, 15, "A"), s("barbell-bench-press", 100, 8, "B")) == [
        (100, 8)
    ]


def test_effort_uses_the_rts_chart_and_otherwise_epley() -> None:
    assert set_e1rm(s("barbell-bench-press", 100, 10)) == pytest.approx(133.33, abs=0.01)
    # 5 reps at RPE 10 is 86.3 % of 1RM on the RTS chart
    assert set_e1rm(s("barbell-bench-press", 86.3, 5, rpe=10)) == pytest.approx(100.0)
    assert set_e1rm(s("barbell-bench-press", 86.3, 5, rir=0)) == pytest.approx(100.0)
    no_effort = E1rmConfig(use_effort=False, formula=Formula.BRZYCKI)
    assert set_e1rm(s("barbell-bench-press", 100, 10, rir=0), no_effort) == pytest.approx(
        100 * 36 / 27
    )


def test_effort_outside_the_chart_falls_back_to_the_formula() -> None:
    assert set_e1rm(s("barbell-bench-press", 100, 10, rir=6)) == pytest.approx(133.33, abs=0.01)


def test_one_point_per_session_from_the_best_set() -> None:
    history = [
        session(0, s("barbell-bench-press", 100, 8), s("barbell-bench-press", 105, 5)),
        session(3, s("barbell-squat", 140, 10, "B")),
        session(7, s("barbell-bench-press", 102.5, 8)),
    ]
    series = e1rm_series(history, LOOKUP)
    bench = series["barbell-bench-press"]
    assert [p.e1rm_kg for p in bench] == [126.67, 129.83]
    assert (bench[0].weight_kg, bench[0].reps, bench[0].session_id) == (100, 8, "s0")
    assert set(series) == {"barbell-bench-press", "barbell-squat"}
    only = e1rm_series(history, LOOKUP, exercise_slug="barbell-squat")
    assert list(only) == ["barbell-squat"]


def test_isolations_have_no_e1rm_series() -> None:
    assert e1rm_series([session(0, s("cable-fly", 20, 10))], LOOKUP) == {}


@given(st.floats(20, 300), st.integers(1, 12), st.integers(1, 12))
def test_more_reps_at_a_weight_never_lowers_the_estimate(w: float, a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert set_e1rm(s("barbell-bench-press", w, low)) <= set_e1rm(s("barbell-bench-press", w, high))
