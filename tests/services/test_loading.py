"""Plates per side and the warm-up ramp, from the lifter's stored bar and plates."""

from __future__ import annotations

import pytest

from fitrec.domain.exercises import LoadKind
from fitrec.services import athletes, loading
from fitrec.services.errors import InvalidInput
from fitrec.services.models import AthleteProfile


def test_plates_come_from_the_profiles_bar_and_plates(make_uow, owner_id: int) -> None:
    athletes.update_profile(
        make_uow, owner_id, {"unit": "lb", "bar_weight": 45, "plates": {"45": 2, "10": 1}}
    )
    help_ = loading.loading_help_for(make_uow, owner_id, 155, LoadKind.BARBELL, compound=True)
    assert help_.plates is not None
    assert (help_.plates.per_side, help_.plates.exact, help_.plates.unit) == (
        (45.0, 10.0),
        True,
        "lb",
    )
    # 60 % (93) rounds to 65 again on these plates and is left out.
    assert [w.weight for w in help_.warmup] == [45, 65, 135]
    inexact = loading.plates_for(athletes.get_profile(make_uow, owner_id), 150)
    assert (inexact.total, inexact.exact) == (155.0, False)  # 135 or 155: the nearer


def test_default_plates_isolations_and_other_equipment() -> None:
    profile = AthleteProfile()
    bench = loading.loading_help(profile, 100, LoadKind.BARBELL, compound=True)
    assert bench.plates is not None and bench.plates.per_side == (25.0, 15.0)
    assert [w.weight for w in bench.warmup] == [20, 40, 60, 80]
    fly = loading.loading_help(profile, 20, LoadKind.DUMBBELL, compound=False)
    assert fly.plates is None and fly.warmup == ()


@pytest.mark.parametrize("load", [-1, float("nan"), True, "100"])
def test_a_bad_load_names_the_field(load: object) -> None:
    with pytest.raises(InvalidInput) as error:
        loading.loading_help(AthleteProfile(), load, LoadKind.BARBELL, compound=True)  # type: ignore[arg-type]
    assert error.value.field == "load"
