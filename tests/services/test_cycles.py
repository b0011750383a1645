"""Cycles through the services on SQLite and PostgreSQL: stored, advanced, owner-scoped."""

from __future__ import annotations

import pytest

from fitrec.planning.cycles import DayState, WeekKind
from fitrec.services import cycles
from fitrec.services.errors import InvalidInput, NotFound
from fitrec.services.plans import parse_request, plan_program
from fitrec.services.programs import create_program


@pytest.fixture
def program_id(make_uow, owner_id: int) -> str:  # type: ignore[no-untyped-def]
    result = plan_program(parse_request(days=2, minutes=45, focus="chest", level="intermediate"))
    return create_program(make_uow, owner_id, result.text).id


def test_a_cycle_runs_day_by_day_to_its_deload_and_ends(make_uow, owner_id, program_id) -> None:  # type: ignore[no-untyped-def]
    view = cycles.start_cycle(make_uow, owner_id, program_id, 4)
    assert [row.kind for row in view.grid] == [WeekKind.ACCUMULATION] * 4 + [WeekKind.DELOAD]
    assert view.grid[0].days == (DayState.NEXT, DayState.TODO)
    assert view.next is not None and view.next.workout == "Day 1" and view.next.targets
    for _ in range(3):
        view = cycles.advance_cycle(make_uow, owner_id)
    assert view.grid[1].days == (DayState.DONE, DayState.NEXT)
    assert view.next is not None and (view.next.week, view.next.workout) == (2, "Day 2")
    assert cycles.show_cycle(make_uow, owner_id).record.days_done == 3  # stored
    for _ in range(6):
        view = cycles.advance_cycle(make_uow, owner_id)
    assert view.next is not None and view.next.kind is WeekKind.DELOAD
    assert view.week_text is not None and "phase: deload" in view.week_text
    view = cycles.advance_cycle(make_uow, owner_id)
    assert view.finished and view.record.finished_at is not None
    with pytest.raises(NotFound):
        cycles.show_cycle(make_uow, owner_id)


def test_another_owner_sees_no_cycle_and_cannot_start_one_on_the_program(  # type: ignore[no-untyped-def]
    make_uow, owner_id, other_owner_id, program_id
) -> None:
    cycles.start_cycle(make_uow, owner_id, program_id, 5)
    with pytest.raises(NotFound):
        cycles.show_cycle(make_uow, other_owner_id)
    with pytest.raises(NotFound):
        cycles.advance_cycle(make_uow, other_owner_id)
    with pytest.raises(NotFound):
        cycles.start_cycle(make_uow, other_owner_id, program_id, 5)
    assert cycles.show_cycle(make_uow, owner_id).record.days_done == 0


def test_bad_weeks_are_refused_and_nothing_is_stored(make_uow, owner_id, program_id) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as caught:
        cycles.start_cycle(make_uow, owner_id, program_id, 9)
    assert caught.value.field == "weeks"
    with pytest.raises(NotFound):
        cycles.show_cycle(make_uow, owner_id)


def test_starting_a_new_cycle_ends_the_running_one(make_uow, owner_id, program_id) -> None:  # type: ignore[no-untyped-def]
    first = cycles.start_cycle(make_uow, owner_id, program_id, 4)
    cycles.advance_cycle(make_uow, owner_id)
    second = cycles.start_cycle(make_uow, owner_id, program_id, 6)
    assert second.record.id != first.record.id and second.record.days_done == 0
    assert cycles.show_cycle(make_uow, owner_id, first.record.id).record.finished_at is not None
