from __future__ import annotations

import pytest

from fitrec.domain.plates import PlateInventory
from fitrec.domain.programs import Effort, EffortType, Load, LoadType, Prescription
from fitrec.domain.sessions import PerformedSet, SetType
from fitrec.domain.units import Unit
from fitrec.planning.targets import TargetRule, next_target, reps_at_percent
from tests.analytics.builders import BENCH, FLY, LATERAL

EIGHTY = Prescription(4, 6, 10, load=Load(LoadType.PERCENT_1RM, 80))
AT_RPE_8 = Prescription(3, 8, 8, effort=Effort(EffortType.RPE, 8))
FLIES = Prescription(3, 12, 15, effort=Effort(EffortType.RIR, 0))


def sets(slug: str, weight: float, *reps: int, rir: float | None = None) -> list[PerformedSet]:
    return [PerformedSet(slug, weight, r, rir=rir) for r in reps]


def test_compound_load_from_e1rm_and_percent_rounded_to_plates() -> None:
    target = next_target(BENCH, EIGHTY, [], e1rm_kg=121.0)
    assert target.rule is TargetRule.FROM_E1RM
    assert target.load == 97.5  # 96.8 kg made with the default plates
    assert target.unit is Unit.KG
    assert "80 % of e1RM 121.0" in target.reason
    assert target.reps == 6  # 80 % of 1RM allows about 6 reps with 2 in reserve, not 10


@pytest.mark.parametrize(
    ("percent", "rir", "reps"),
    [(80, None, 6), (75, None, 7), (70, None, 9), (80, 0, 7), (90, None, 6)],
)
def test_reps_aimed_at_fit_the_percentage(percent: float, rir: float | None, reps: int) -> None:
    effort = None if rir is None else Effort(EffortType.RIR, rir)
    p = Prescription(3, 6, 10, load=Load(LoadType.PERCENT_1RM, percent), effort=effort)
    assert reps_at_percent(p) == reps


def test_compound_load_from_effort_uses_the_rts_chart() -> None:
    target = next_target(BENCH, AT_RPE_8, [], e1rm_kg=100.0)
    assert target.load == 75.0  # 8 reps @ RPE 8 = 73.9 % of 1RM; nearest loading 75 kg
    assert target.effort == "RPE 8"


def test_every_set_at_the_top_steps_up_by_the_smallest_pair() -> None:
    history = [sets("barbell-bench-press", 100, 10, 10, 10, 10)]
    target = next_target(BENCH, EIGHTY, history, e1rm_kg=120.0)
    assert target.rule is TargetRule.STEP_UP
    assert target.load == 102.5  # smallest pair of plates: 1.25 kg x 2


def test_too_hard_at_the_top_is_not_a_step_up() -> None:
    hard = Prescription(
        4, 6, 10, load=Load(LoadType.PERCENT_1RM, 80), effort=Effort(EffortType.RIR, 2)
    )
    history = [sets("barbell-bench-press", 100, 10, 10, 10, 10, rir=0)]
    assert next_target(BENCH, hard, history, e1rm_kg=120.0).rule is TargetRule.FROM_E1RM


def test_three_failed_sessions_reset_by_ten_percent() -> None:
    failed = sets("barbell-bench-press", 100, 6, 5, 5, 4)
    target = next_target(BENCH, EIGHTY, [failed] * 3, e1rm_kg=120.0)
    assert target.rule is TargetRule.RESET
    assert target.load == 90.0
    two = next_target(BENCH, EIGHTY, [failed] * 2, e1rm_kg=120.0)
    assert two.rule is TargetRule.FROM_E1RM


def test_isolation_double_progression_reps_first() -> None:
    history = [sets("cable-fly", 20, 13, 12, 12, rir=0)]
    target = next_target(FLY, FLIES, history)
    assert (target.rule, target.load, target.reps) == (TargetRule.REPS_UP, 20.0, 13)


def test_isolation_at_the_top_adds_the_stack_step_and_goes_back_down() -> None:
    history = [sets("cable-fly", 20, 15, 15, 15, rir=0)]
    target = next_target(FLY, FLIES, history)
    assert (target.rule, target.load, target.reps) == (TargetRule.LOAD_UP, 25.0, 12)
    dumbbells = next_target(LATERAL, FLIES, [sets("lateral-raise", 10, 15, 15, 15)])
    assert dumbbells.load == 12.5


def test_pounds_and_a_lifters_own_plates() -> None:
    inventory = PlateInventory(45.0, {45.0: 4, 10.0: 2, 5.0: 2}, Unit.LB)
    history = [sets("barbell-bench-press", 135, 10, 10, 10, 10)]
    history[0] = [PerformedSet(p.exercise_slug, 135, p.reps, unit=Unit.LB) for p in history[0]]
    target = next_target(BENCH, EIGHTY, history, inventory=inventory)
    assert (target.load, target.unit) == (145.0, Unit.LB)


def test_warmups_do_not_count_as_the_last_load() -> None:
    history = [[PerformedSet("cable-fly", 40, 5, set_type=SetType.WARMUP)]]
    target = next_target(FLY, FLIES, history)
    assert target.rule is TargetRule.NO_DATA and target.load is None


@pytest.mark.parametrize("load", [60.0, 100.0])
def test_absolute_loads_are_kept(load: float) -> None:
    fixed = Prescription(3, 8, 8, load=Load(LoadType.ABSOLUTE, load, unit=Unit.KG))
    target = next_target(BENCH, fixed, [])
    assert (target.rule, target.load) == (TargetRule.ABSOLUTE, load)
