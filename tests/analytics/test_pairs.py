from __future__ import annotations

from datetime import date

from fitrec.analytics.history import Pair, lookup_from, session_pairs
from fitrec.analytics.pairs import pair_series
from fitrec.catalog import default_catalog
from fitrec.domain.sessions import Feedback, Session, SetType
from tests.analytics.builders import LOOKUP, s, session

CHEST = Pair("barbell-bench-press", "cable-fly")
LEGS = Pair("barbell-squat", "leg-extension")


def chest_day(day: int, fly_reps: int, pump: int | None = None) -> Session:
    return session(
        day,
        s("barbell-bench-press", 60, 8, kind=SetType.WARMUP),
        s("barbell-bench-press", 100, 8),
        s("cable-fly", 20, fly_reps, rir=0, rest=60),
        s("barbell-bench-press", 100, 8, rest=120),
        s("cable-fly", 20, fly_reps, rir=0, rest=60),
        s("barbell-squat", 140, 10, "B"),
        s("leg-extension", 50, 20, "B", rir=1),
        feedback=(Feedback("A", pump=pump, exhaustion=4),),
    )


def test_a_pair_is_a_compound_then_an_isolation_in_one_block() -> None:
    pairs = session_pairs(chest_day(0, 15), LOOKUP)
    assert pairs == {"A": CHEST, "B": LEGS}
    assert CHEST.key == "barbell-bench-press>cable-fly"


def test_straight_sets_and_isolation_first_are_not_pairs() -> None:
    straight = session(0, s("barbell-bench-press", 100, 8), s("cable-fly", 20, 15, "B"))
    pre = session(0, s("cable-fly", 20, 15), s("barbell-bench-press", 100, 8))
    assert session_pairs(straight, LOOKUP) == {}
    assert session_pairs(pre, LOOKUP) == {}


def test_pair_volume_beside_feedback_over_time() -> None:
    history = [chest_day(0, 15, pump=3), chest_day(7, 17, pump=5)]
    series = pair_series(history, LOOKUP)
    chest = series[CHEST]
    assert [p.date for p in chest] == [date(2024, 1, 1), date(2024, 1, 8)]
    assert chest[0].compound_sets == 2
    assert chest[0].isolation_sets == 2
    assert chest[1].isolation_reps == 34
    assert chest[1].isolation_tonnage_kg == 680
    assert [p.pump for p in chest] == [3, 5]
    assert chest[0].exhaustion == 4
    assert series[LEGS][0].pump is None


def test_a_compound_then_an_isolation_for_another_muscle_is_not_a_pair() -> None:
    # Bench press then pushdowns: the triceps only assist the press, so no post-exhaust.
    mismatched = session(0, s("barbell-bench-press", 100, 8), s("cable-pushdown", 30, 15))
    lookup = lookup_from(default_catalog())
    assert session_pairs(mismatched, lookup) == {}
    assert pair_series([mismatched], lookup) == {}
