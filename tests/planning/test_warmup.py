"""The warm-up ramp: the bar, then ~40/60/80 % for 5/3/2, on the lifter's plates."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fitrec.domain.exercises import LoadKind
from fitrec.domain.plates import PlateInventory, solve
from fitrec.domain.units import Unit
from fitrec.planning.warmup import WarmupSet, warmup_ramp

KG = PlateInventory.default(Unit.KG)


def test_a_100_kg_bench_ramps_from_the_bar_through_40_60_80_percent() -> None:
    assert warmup_ramp(100, KG) == (
        WarmupSet(20.0, 10, None, ()),
        WarmupSet(40.0, 5, 0.4, (10.0,)),
        WarmupSet(60.0, 3, 0.6, (20.0,)),
        WarmupSet(80.0, 2, 0.8, (25.0, 5.0)),
    )


def test_loads_round_to_the_lifters_plates() -> None:
    # 45 lb bar and only 45s and 25s: 40 % of 225 (90) rounds to 95, 60 % (135) is exact.
    inventory = PlateInventory(bar=45, plates={45: 4, 25: 2}, unit=Unit.LB)
    ramp = warmup_ramp(225, inventory)
    assert [(s.weight, s.reps) for s in ramp] == [(45, 10), (95, 5), (135, 3), (185, 2)]
    assert ramp[1].per_side == (25.0,)


def test_a_light_working_load_gets_a_short_ramp_or_none() -> None:
    assert [s.weight for s in warmup_ramp(40, KG)] == [20.0, 25.0, 32.5]
    assert warmup_ramp(20, KG) == ()


def test_dumbbells_have_no_bar_step_and_round_to_their_steps() -> None:
    ramp = warmup_ramp(30, KG, LoadKind.DUMBBELL)
    assert [(s.weight, s.share) for s in ramp] == [(12.5, 0.4), (17.5, 0.6), (25.0, 0.8)]


@given(st.floats(min_value=0, max_value=300).map(lambda w: round(w * 4) / 4))
def test_every_ramp_rises_stays_below_the_work_and_is_loadable(working: float) -> None:
    ramp = warmup_ramp(working, KG)
    weights = [s.weight for s in ramp]
    assert weights == sorted(set(weights))
    assert all(w < working for w in weights)
    assert all(solve(w, KG).exact is not None for w in weights)
    assert all(2 * sum(s.per_side) + KG.bar == s.weight for s in ramp)
    if ramp and ramp[0].share is None:
        assert ramp[0].weight == KG.bar
