"""Workout logging through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from fitrec.domain.sessions import Feedback, SetType
from fitrec.domain.units import Unit
from fitrec.services import sessions
from fitrec.services.errors import Conflict, InvalidInput, NotFound
from fitrec.services.templates import copy_template

FULL_BODY = "Sample post-exhaust full body"


@pytest.fixture
def open_session(make_uow, owner_id: int) -> str:
    copy_template(make_uow, owner_id, FULL_BODY)
    return sessions.start_session(make_uow, owner_id, program=FULL_BODY, workout="full body").id


def test_start_from_a_program_workout(make_uow, owner_id: int, open_session: str) -> None:
    current = sessions.current_session(make_uow, owner_id)
    assert current is not None and current.id == open_session
    assert current.program_name == FULL_BODY and current.workout_name == "Full body"
    assert current.program_id is not None


def test_unknown_workout_names_the_choices(make_uow, owner_id: int) -> None:
    copy_template(make_uow, owner_id, FULL_BODY)
    with pytest.raises(InvalidInput) as error:
        sessions.start_session(make_uow, owner_id, program=FULL_BODY, workout="Leg day")
    assert error.value.field == "workout" and "Full body" in error.value.message


def test_log_set_takes_block_and_position_from_the_program(
    make_uow, owner_id: int, open_session: str
) -> None:
    first = sessions.log_set(
        make_uow, owner_id, open_session, exercise="Bench Press", weight=100, reps=8, rpe=8
    )
    fly = sessions.log_set(
        make_uow,
        owner_id,
        None,
        exercise="cable flies",
        weight=45,
        unit="lb",
        reps=15,
        rir=0,
        rest_before_s=60,
    )
    second = sessions.log_set(
        make_uow, owner_id, open_session, exercise="barbell-bench-press", weight=100, reps=7
    )
    assert (first.performed.block_label, first.performed.position) == ("A", 1)
    assert (fly.performed.block_label, fly.performed.position) == ("A", 2)
    assert fly.performed.unit is Unit.LB and fly.performed.rest_before_s == 60
    assert [first.performed.set_index, second.performed.set_index] == [1, 2]
    stored = sessions.get_session(make_uow, owner_id, open_session)
    assert [s.id for s in stored.sets] == [
        first.performed.id,
        fly.performed.id,
        second.performed.id,
    ]


def test_logging_the_same_id_twice_stores_one_set(
    make_uow, owner_id: int, open_session: str
) -> None:
    kwargs = {"exercise": "Bench Press", "weight": 100.0, "reps": 8, "set_id": "client-1"}
    first = sessions.log_set(make_uow, owner_id, open_session, **kwargs)
    again = sessions.log_set(make_uow, owner_id, open_session, **kwargs)
    assert first.created and not again.created
    assert again.performed.id == "client-1" and again.performed.reps == 8
    assert len(sessions.get_session(make_uow, owner_id, open_session).sets) == 1


def test_the_one_statement_path_stores_what_the_full_path_stores(make_uow, owner_id: int) -> None:
    # A session id given: one statement. No session id (the latest open one): the full path.
    quick_session = sessions.start_session(make_uow, owner_id).id
    kwargs = {
        "exercise": "Bench Press",
        "weight": 185.0,
        "reps": 6,
        "unit": "lb",
        "set_type": "failure",
        "rpe": 9.5,
        "rest_before_s": 150,
        "note": "belt",
        "block_label": "b",
        "position": 1,
        "performed_at": datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
    }
    quick = sessions.log_set(make_uow, owner_id, quick_session, set_id="q", **kwargs)
    full_session = sessions.start_session(make_uow, owner_id).id
    full = sessions.log_set(make_uow, owner_id, None, set_id="f", **kwargs)
    assert full.session_id == full_session
    stored_quick = sessions.get_session(make_uow, owner_id, quick_session).sets
    stored_full = sessions.get_session(make_uow, owner_id, full_session).sets
    assert [quick.performed] == stored_quick
    assert [full.performed] == stored_full
    assert replace(stored_quick[0], id="f") == stored_full[0]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reps": -1}, "reps"),
        ({"reps": 1001}, "reps"),
        ({"weight": -5}, "weight"),
        ({"weight": 3400, "unit": "lb"}, "weight"),
        ({"rpe": 8.3}, "rpe"),
        ({"rpe": 11}, "rpe"),
        ({"rir": 11}, "rir"),
        ({"rest_before_s": 4000}, "rest_before_s"),
        ({"note": "x" * 2001}, "note"),
        ({"exercise": "Bnch"}, "exercise"),
        ({"set_type": "heavy"}, "set_type"),
        ({"unit": "stone"}, "unit"),
        ({"rpe": 8, "rir": 2}, "rir"),
    ],
)
def test_bad_sets_name_the_field_and_store_nothing(
    make_uow, owner_id: int, open_session: str, changes: dict, field: str
) -> None:
    values = {"exercise": "Bench Press", "weight": 100.0, "reps": 8}
    values.update(changes)
    with pytest.raises(InvalidInput) as error:
        sessions.log_set(make_uow, owner_id, open_session, **values)
    assert error.value.field == field
    assert sessions.get_session(make_uow, owner_id, open_session).sets == []


def test_unknown_exercise_suggests_the_closest(make_uow, owner_id: int, open_session: str) -> None:
    with pytest.raises(InvalidInput) as error:
        sessions.log_set(make_uow, owner_id, open_session, exercise="Bnch", weight=1, reps=1)
    assert "unknown exercise 'Bnch'" in error.value.message
    assert "did you mean" in error.value.message and "Bench" in error.value.message


def test_another_users_session_is_not_found(
    make_uow, owner_id: int, other_owner_id: int, open_session: str
) -> None:
    with pytest.raises(NotFound):
        sessions.log_set(
            make_uow, other_owner_id, open_session, exercise="Bench Press", weight=1, reps=1
        )
    with pytest.raises(NotFound):
        sessions.get_session(make_uow, other_owner_id, open_session)
    with pytest.raises(NotFound):
        sessions.finish_session(make_uow, other_owner_id, open_session)
    assert sessions.list_sessions(make_uow, other_owner_id) == []


def test_correct_and_delete_a_set(make_uow, owner_id: int, open_session: str) -> None:
    logged = sessions.log_set(
        make_uow, owner_id, open_session, exercise="Bench Press", weight=100, reps=8
    )
    set_id = logged.performed.id
    assert set_id is not None
    fixed = sessions.correct_set(
        make_uow, owner_id, set_id, {"reps": 6, "rpe": 9, "set_type": "failure", "note": "grind"}
    )
    assert (fixed.reps, fixed.rpe, fixed.set_type, fixed.note) == (6, 9, SetType.FAILURE, "grind")
    with pytest.raises(InvalidInput):
        sessions.correct_set(make_uow, owner_id, set_id, {"reps": -2})
    stored = sessions.get_session(make_uow, owner_id, open_session).sets[0]
    assert stored.reps == 6
    sessions.delete_set(make_uow, owner_id, set_id)
    assert sessions.get_session(make_uow, owner_id, open_session).sets == []
    with pytest.raises(NotFound):
        sessions.delete_set(make_uow, owner_id, set_id)


@pytest.mark.parametrize("session_given", [True, False], ids=["one-statement", "full-path"])
def test_a_set_after_a_deleted_one_takes_the_next_number(
    make_uow, owner_id: int, session_given: bool
) -> None:
    session = sessions.start_session(make_uow, owner_id).id
    target = session if session_given else None  # no id: the latest open one, the full path

    def log(set_id: str) -> int:
        logged = sessions.log_set(
            make_uow, owner_id, target, exercise="Bench Press", weight=100, reps=5, set_id=set_id
        )
        return logged.performed.set_index

    assert [log("a"), log("b"), log("c")] == [1, 2, 3]
    sessions.delete_set(make_uow, owner_id, "b")
    assert log("d") == 4
    stored = sessions.get_session(make_uow, owner_id, session).sets
    assert [(p.id, p.set_index) for p in stored] == [("a", 1), ("c", 3), ("d", 4)]


def test_finish_with_feedback_then_the_history(make_uow, owner_id: int, open_session: str) -> None:
    sessions.log_set(make_uow, owner_id, None, exercise="Bench Press", weight=100, reps=8)
    sessions.log_set(make_uow, owner_id, None, exercise="Cable Flies", weight=20, reps=15)
    done = sessions.finish_session(
        make_uow,
        owner_id,
        None,
        feedback=[Feedback("a", pump=4, exhaustion=5, note="burn")],
        note="felt strong",
        finished_at=datetime(2030, 1, 1, tzinfo=UTC),
    )
    assert done.finished_at == datetime(2030, 1, 1, tzinfo=UTC)
    assert done.feedback == [Feedback("A", pump=4, exhaustion=5, note="burn")]
    assert done.note == "felt strong"
    assert sessions.current_session(make_uow, owner_id) is None
    [summary] = sessions.list_sessions(make_uow, owner_id)
    assert summary.set_count == 2 and summary.volume_kg == 100 * 8 + 20 * 15
    with pytest.raises(Conflict):
        sessions.log_set(make_uow, owner_id, open_session, exercise="dips", weight=0, reps=10)
    with pytest.raises(Conflict):
        sessions.finish_session(make_uow, owner_id, open_session)


def test_feedback_out_of_range_leaves_the_session_open(
    make_uow, owner_id: int, open_session: str
) -> None:
    with pytest.raises(InvalidInput) as error:
        sessions.finish_session(make_uow, owner_id, None, feedback=[Feedback("A", pump=6)])
    assert error.value.field == "feedback[0].pump"
    assert sessions.current_session(make_uow, owner_id) is not None


def test_blocks_without_feedback(make_uow, owner_id: int, open_session: str) -> None:
    sessions.log_set(make_uow, owner_id, None, exercise="Bench Press", weight=100, reps=8)
    sessions.log_set(make_uow, owner_id, None, exercise="Barbell Squats", weight=100, reps=8)
    sessions.save_feedback(make_uow, owner_id, open_session, Feedback("A", pump=3))
    session = sessions.get_session(make_uow, owner_id, open_session)
    assert sessions.blocks_without_feedback(session) == ["C"]


def test_delete_session(make_uow, owner_id: int, open_session: str) -> None:
    sessions.delete_session(make_uow, owner_id, open_session)
    with pytest.raises(NotFound):
        sessions.get_session(make_uow, owner_id, open_session)
