from __future__ import annotations

from datetime import date

import pytest

from fitrec.analytics.volume import (
    DEFAULT_LANDMARKS,
    Landmarks,
    VolumeZone,
    against_landmarks,
    credit_of,
    weekly_volume,
    zone,
)
from fitrec.domain.muscles import Muscle, MuscleGroup
from fitrec.domain.sessions import SetType
from tests.analytics.builders import BENCH, INCLINE, LOOKUP, s, session


def test_prime_movers_count_one_and_synergists_half() -> None:
    credit = dict(credit_of(BENCH).muscles)
    assert credit[Muscle.CHEST] == 1.0
    assert credit[Muscle.TRICEPS] == 0.5
    groups = dict(credit_of(BENCH).groups)
    assert groups[MuscleGroup.CHEST] == 1.0
    assert groups[MuscleGroup.SHOULDERS] == 0.5


def test_a_group_is_credited_once_per_set() -> None:
    groups = dict(credit_of(INCLINE).groups)
    assert groups[MuscleGroup.CHEST] == 1.0
    assert dict(credit_of(INCLINE).muscles)[Muscle.UPPER_CHEST] == 1.0


def test_weekly_hard_sets_per_group_and_muscle() -> None:
    monday = session(
        0,
        s("barbell-bench-press", 60, 10, kind=SetType.WARMUP),
        s("barbell-bench-press", 100, 8, rir=2),
        s("barbell-bench-press", 100, 8, rir=2),
        s("barbell-bench-press", 100, 5, rir=5),  # too easy: not hard
        s("cable-fly", 20, 15),  # no effort logged: hard
        s("cable-fly", 20, 15, flagged=True),  # flagged: ignored entirely
    )
    thursday = session(3, s("barbell-bench-press", 100, 8, rir=1))
    next_week = session(7, s("cable-fly", 20, 15, rir=0))
    weeks = weekly_volume([monday, thursday, next_week], LOOKUP)
    assert [w.week for w in weeks] == [date(2024, 1, 1), date(2024, 1, 8)]
    first = weeks[0]
    assert first.sets_by_group[MuscleGroup.CHEST] == 4.0
    assert first.sets_by_group[MuscleGroup.TRICEPS] == 1.5
    assert first.sets_by_muscle[Muscle.FRONT_DELTS] == 1.5
    assert first.sets_by_exercise == {"barbell-bench-press": 3, "cable-fly": 1}
    assert first.tonnage_by_exercise["barbell-bench-press"] == pytest.approx(3 * 800 + 500)
    assert first.tonnage_by_exercise["cable-fly"] == 300
    assert first.tonnage_by_group[MuscleGroup.TRICEPS] == pytest.approx((3 * 800 + 500) / 2)
    assert weeks[1].sets_by_group == {MuscleGroup.CHEST: 1.0}


def test_unknown_exercises_are_skipped() -> None:
    weeks = weekly_volume([session(0, s("no-such-thing", 10, 10))], LOOKUP)
    assert weeks[0].sets_by_group == {}


@pytest.mark.parametrize(
    ("sets", "expected"),
    [
        (2, VolumeZone.BELOW_MV),
        (8, VolumeZone.MAINTENANCE),
        (10, VolumeZone.PRODUCTIVE),
        (16, VolumeZone.OPTIMAL),
        (21, VolumeZone.HIGH),
        (23, VolumeZone.ABOVE_MRV),
    ],
)
def test_chest_landmark_zones(sets: float, expected: VolumeZone) -> None:
    assert zone(sets, DEFAULT_LANDMARKS[MuscleGroup.CHEST]) is expected


def test_every_group_has_ordered_landmarks() -> None:
    assert set(DEFAULT_LANDMARKS) == set(MuscleGroup)
    for marks in DEFAULT_LANDMARKS.values():
        assert marks.mv <= marks.mev <= marks.mav_low <= marks.mav_high <= marks.mrv


def test_landmarks_are_configurable() -> None:
    week = weekly_volume([session(0, *[s("cable-fly", 20, 15)] * 5)], LOOKUP)[0]
    custom = {MuscleGroup.CHEST: Landmarks(1, 2, 3, 4, 5)}
    (row,) = against_landmarks(week, custom)
    assert row.sets == 5 and row.zone is VolumeZone.HIGH
    rows = against_landmarks(week)
    assert rows[0].group is MuscleGroup.CHEST
