"""Athlete profile, custom exercises, and whole-history reads and bulk writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fitrec.domain.programs import Level
from fitrec.domain.sessions import PerformedSet, Session
from fitrec.domain.units import Unit
from fitrec.services import athletes, exercises, history, sessions
from fitrec.services.errors import Conflict, InvalidInput, NotFound
from fitrec.services.models import EffortScale, Theme


def test_profile_defaults_then_updates(make_uow, owner_id: int, other_owner_id: int) -> None:
    assert athletes.get_profile(make_uow, owner_id).unit is Unit.KG
    profile = athletes.update_profile(
        make_uow,
        owner_id,
        {
            "unit": "lb",
            "level": "advanced",
            "training_age_months": 30,
            "bodyweight": 190,
            "bar_weight": 45,
            "plates": {"45": 4, "25": 2, "2.5": 1},
            "one_rep_maxes_kg": {"Bench Press": 120, "squat": 160},
        },
    )
    stored = athletes.get_profile(make_uow, owner_id)
    assert stored == profile
    assert stored.level is Level.ADVANCED and stored.plates == {45.0: 4, 25.0: 2, 2.5: 1}
    assert stored.one_rep_maxes_kg["barbell-bench-press"] == 120.0
    assert athletes.get_profile(make_uow, other_owner_id).level is None


def test_effort_scale_and_theme_are_remembered(make_uow, owner_id: int) -> None:
    default = athletes.get_profile(make_uow, owner_id)
    assert (default.effort_scale, default.theme) == (EffortScale.RIR, Theme.AUTO)
    athletes.update_profile(make_uow, owner_id, {"effort_scale": "rpe", "theme": "dark"})
    athletes.update_profile(make_uow, owner_id, {"bodyweight": 80})
    stored = athletes.get_profile(make_uow, owner_id)
    assert (stored.effort_scale, stored.theme) == (EffortScale.RPE, Theme.DARK)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"unit": "stone"}, "unit"),
        ({"level": "elite"}, "level"),
        ({"training_age_months": -1}, "training_age_months"),
        ({"bodyweight": -70}, "bodyweight"),
        ({"plates": {"20": -1}}, "plates[20]"),
        ({"plates": {"1.255": 2}}, "plates[1.255]"),
        ({"bar_weight": 20.001}, "bar_weight"),
        ({"one_rep_maxes_kg": {"Bnch": 100}}, "one_rep_maxes_kg[Bnch]"),
        ({"favourite": "bench"}, "favourite"),
        ({"effort_scale": "rpf"}, "effort_scale"),
        ({"theme": "sepia"}, "theme"),
    ],
)
def test_bad_profile_values_change_nothing(make_uow, owner_id: int, changes, field) -> None:
    athletes.update_profile(make_uow, owner_id, {"bodyweight": 80})
    with pytest.raises(InvalidInput) as error:
        athletes.update_profile(make_uow, owner_id, {"bodyweight": 90, **changes})
    assert error.value.field == field
    assert athletes.get_profile(make_uow, owner_id).bodyweight == 80


def test_custom_exercise_can_be_logged(make_uow, owner_id: int, other_owner_id: int) -> None:
    made = exercises.add_custom_exercise(
        make_uow,
        owner_id,
        name="Zorbatron Press",
        mechanic="compound",
        prime_movers=["chest"],
        synergists=["triceps"],
    )
    with pytest.raises(Conflict):
        exercises.add_custom_exercise(
            make_uow, owner_id, name="Zorbatron Press", mechanic="compound", prime_movers=["chest"]
        )
    assert exercises.list_custom_exercises(make_uow, owner_id) == [made]
    sessions.start_session(make_uow, owner_id, workout="Odd day")
    logged = sessions.log_set(
        make_uow, owner_id, None, exercise="zorbatron press", weight=50, reps=10
    )
    assert logged.performed.exercise_slug == made.slug
    sessions.start_session(make_uow, other_owner_id, workout="Odd day")
    with pytest.raises(InvalidInput):
        sessions.log_set(
            make_uow, other_owner_id, None, exercise="zorbatron press", weight=50, reps=10
        )
    with pytest.raises(InvalidInput) as error:
        exercises.add_custom_exercise(
            make_uow, owner_id, name="X", mechanic="compound", prime_movers=["pecs"]
        )
    assert error.value.field == "prime_movers[0]"
    # The same slug an import gives the name: accents folded, symbols dropped.
    odd = exercises.add_custom_exercise(
        make_uow, owner_id, name="Café Curl (DB) 💪", mechanic="isolation", prime_movers=["biceps"]
    )
    assert odd.slug == "custom-cafe-curl-db"
    with pytest.raises(NotFound):
        exercises.delete_custom_exercise(make_uow, other_owner_id, made.slug)


def test_bulk_add_and_load_history(make_uow, owner_id: int) -> None:
    start = datetime(2023, 1, 2, 18, 0, tzinfo=UTC)
    batch = [
        Session(
            started_at=start + timedelta(days=3 * i),
            workout_name="Day A",
            import_key=f"strong:{i}",
            source="strong",
            sets=[
                PerformedSet("barbell-bench-press", 100 + i, 8, id=f"s{i}-1"),
                PerformedSet("cable-fly", 20, 15, id=f"s{i}-2"),
            ],
        )
        for i in range(20)
    ]
    ids = history.add_sessions(make_uow, owner_id, batch)
    assert len(set(ids)) == 20
    loaded = history.load_history(make_uow, owner_id)
    assert [s.import_key for s in loaded] == [f"strong:{i}" for i in range(20)]
    assert loaded[5].sets[0].weight == 105 and loaded[5].sets[1].exercise_slug == "cable-fly"
    bench = history.load_history(make_uow, owner_id, exercise_slug="barbell-bench-press")
    assert all(len(s.sets) == 1 for s in bench)
    later = history.load_history(make_uow, owner_id, since=start + timedelta(days=30))
    assert len(later) == 10


def test_a_bulk_add_that_fails_adds_nothing(make_uow, owner_id: int) -> None:
    start = datetime(2023, 1, 2, tzinfo=UTC)
    good = Session(started_at=start, sets=[PerformedSet("dips", 0, 10, id="same")])
    clash = Session(started_at=start, sets=[PerformedSet("dips", 0, 10, id="same")])
    with pytest.raises(Conflict):
        history.add_sessions(make_uow, owner_id, [good, clash])
    assert history.load_history(make_uow, owner_id) == []
