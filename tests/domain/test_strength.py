"""e1RM formulas, RPE-based e1RM, and the loads prescriptions ask for."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitrec.domain.programs import Effort, EffortType, Load, LoadType
from fitrec.domain.strength import (
    FORMULA_SOURCES,
    Formula,
    e1rm,
    e1rm_from_rpe,
    estimate_1rm,
    load_from_effort,
    load_from_percent,
    target_load,
)
from fitrec.domain.units import Unit

PUBLISHED_100_X_10 = {
    # 100 kg for 10 reps, as the published equations give it (one decimal)
    Formula.EPLEY: 133.3,
    Formula.BRZYCKI: 133.3,
    Formula.LANDER: 134.1,
    Formula.LOMBARDI: 125.9,
    Formula.MAYHEW: 130.9,
    Formula.OCONNER: 125.0,
    Formula.WATHAN: 134.7,
}


@pytest.mark.parametrize(("formula", "expected"), PUBLISHED_100_X_10.items())
def test_published_values_for_100_by_10(formula: Formula, expected: float) -> None:
    assert e1rm(100, 10, formula) == pytest.approx(expected, abs=0.06)


def test_published_values_at_5_reps() -> None:
    assert e1rm(100, 5) == pytest.approx(116.67, abs=0.01)
    assert e1rm(100, 5, Formula.BRZYCKI) == pytest.approx(112.5)
    assert e1rm(200, 3, Formula.OCONNER) == pytest.approx(215.0)
    assert e1rm(100, 5, Formula.LOMBARDI) == pytest.approx(117.46, abs=0.01)


def test_epley_is_the_default() -> None:
    assert e1rm(100, 10) == pytest.approx(133.333, abs=0.001)


@pytest.mark.parametrize("formula", list(Formula))
def test_a_single_is_its_own_one_rep_max(formula: Formula) -> None:
    assert e1rm(142.5, 1, formula) == 142.5


def test_formula_by_name() -> None:
    assert e1rm(100, 10, Formula("wathan")) == e1rm(100, 10, Formula.WATHAN)
    assert {f.value for f in Formula} == {
        "epley",
        "brzycki",
        "lander",
        "lombardi",
        "mayhew",
        "oconner",
        "wathan",
    }
    assert set(FORMULA_SOURCES) == set(Formula)


@pytest.mark.parametrize("reps", [0, -1])
def test_zero_reps_has_no_one_rep_max(reps: int) -> None:
    with pytest.raises(ValueError, match="reps must be at least 1"):
        e1rm(100, reps)


def test_negative_weight_is_rejected() -> None:
    with pytest.raises(ValueError, match="weight"):
        e1rm(-5, 5)


def test_brzycki_is_undefined_from_37_reps() -> None:
    assert e1rm(10, 36, Formula.BRZYCKI) == pytest.approx(360)
    with pytest.raises(ValueError, match=r"Brzycki.*37"):
        e1rm(10, 37, Formula.BRZYCKI)
    with pytest.raises(ValueError, match="Brzycki"):
        e1rm(10, 50, Formula.BRZYCKI)


def test_lander_is_undefined_from_38_reps() -> None:
    assert e1rm(10, 37, Formula.LANDER) > 0
    with pytest.raises(ValueError, match="Lander"):
        e1rm(10, 38, Formula.LANDER)


weights = st.integers(min_value=0, max_value=50_000).map(lambda h: h / 100)
reps_in_range = st.integers(min_value=1, max_value=36)


@given(weights, reps_in_range, reps_in_range, st.sampled_from(list(Formula)))
def test_e1rm_grows_with_reps(weight: float, a: int, b: int, formula: Formula) -> None:
    low, high = sorted((a, b))
    assert e1rm(weight, low, formula) <= e1rm(weight, high, formula)
    if weight > 0 and low < high:
        assert e1rm(weight, low, formula) < e1rm(weight, high, formula)


@given(weights, weights, reps_in_range, st.sampled_from(list(Formula)))
def test_e1rm_grows_with_weight(a: float, b: float, reps: int, formula: Formula) -> None:
    low, high = sorted((a, b))
    assert e1rm(low, reps, formula) <= e1rm(high, reps, formula)
    assert e1rm(high, reps, formula) >= high


def test_e1rm_from_rpe_reads_the_chart() -> None:
    assert e1rm_from_rpe(100, 5, rpe=8) == pytest.approx(100 / 0.811)
    assert e1rm_from_rpe(100, 5, rir=2) == pytest.approx(100 / 0.811)
    assert e1rm_from_rpe(100, 1, rpe=10) == 100
    assert e1rm_from_rpe(160, 3, rpe=10) == pytest.approx(160 / 0.922)


def test_e1rm_from_rpe_needs_exactly_one_effort() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        e1rm_from_rpe(100, 5)
    with pytest.raises(ValueError, match="exactly one"):
        e1rm_from_rpe(100, 5, rpe=8, rir=2)


def test_estimate_uses_the_chart_when_effort_is_known() -> None:
    assert estimate_1rm(100, 5, rpe=8) == e1rm_from_rpe(100, 5, rpe=8)
    assert estimate_1rm(100, 5) == e1rm(100, 5)
    assert estimate_1rm(100, 5, formula=Formula.BRZYCKI) == e1rm(100, 5, Formula.BRZYCKI)


@given(
    st.integers(min_value=1, max_value=40_000).map(lambda h: h / 100),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=0, max_value=8).map(lambda h: h / 2),
)
def test_load_from_effort_inverts_e1rm_from_rpe(one_rm: float, reps: int, rir: float) -> None:
    load = load_from_effort(one_rm, reps, rir=rir)
    assert load <= one_rm
    assert e1rm_from_rpe(load, reps, rir=rir) == pytest.approx(one_rm)


def test_load_from_percent() -> None:
    assert load_from_percent(150, 80) == pytest.approx(120)
    assert load_from_percent(100, 100) == 100


@pytest.mark.parametrize("percent", [0, -10, 0.8, float("nan")])
def test_load_from_percent_rejects_non_percentages(percent: float) -> None:
    with pytest.raises(ValueError, match="percent"):
        load_from_percent(100, percent)


def test_load_from_effort() -> None:
    assert load_from_effort(200, 5, rpe=8) == pytest.approx(162.2)
    assert load_from_effort(200, 8, rir=0) == pytest.approx(157.2)


def test_target_load_for_each_kind_of_prescription() -> None:
    one_rm = 120.0
    assert target_load(one_rm, Load(LoadType.PERCENT_1RM, 80), 8) == pytest.approx(96)
    assert target_load(one_rm, Load(LoadType.PERCENT_1RM, 75, 85), 8) == pytest.approx(90)
    assert target_load(one_rm, Effort(EffortType.RPE, 8), 5) == pytest.approx(120 * 0.811)
    assert target_load(one_rm, Effort(EffortType.RIR, 0, 1), 8) == pytest.approx(120 * 0.786)
    assert target_load(one_rm, Load(LoadType.ABSOLUTE, 100, unit=Unit.KG), 5) == 100
    assert target_load(
        265, Load(LoadType.ABSOLUTE, 100, unit=Unit.KG), 5, unit=Unit.LB
    ) == pytest.approx(220.462, abs=0.001)
    assert target_load(one_rm, Load(LoadType.ABSOLUTE, 60), 5) == 60
