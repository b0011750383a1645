"""The weekly review on both databases: proposals from what was logged, applied when accepted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fitrec.domain.sessions import Feedback, PerformedSet, Session
from fitrec.planning.adjust import Change
from fitrec.services import cycles, reviews
from fitrec.services.errors import InvalidInput, NotFound
from fitrec.services.programs import create_program, get_program

TEXT = """program: Chest cycle
phase: hypertrophy
level: intermediate
training age: 2 years

## Day 1

Post-Exhaust Pair 1 - Chest:
A1. Barbell Bench Press: 4×6-10 @ 80% 1RM
→ Rest 60 seconds
A2. Dumbbell Fly: 4×12-15 @ 0-1 RIR
→ Rest 90 seconds

B. Barbell Squat: 3×8-12 @ 75% 1RM
→ Rest 150 seconds
"""


def _session(days_ago: int, bench_kg: float, pump: int) -> Session:
    at = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=days_ago)
    sets = []
    for index in (1, 2, 3):
        sets.append(
            PerformedSet(
                "barbell-bench-press",
                bench_kg,
                8,
                block_label="A",
                position=1,
                set_index=index,
                rir=2,
            )
        )
        sets.append(
            PerformedSet(
                "dumbbell-fly", 14, 14, block_label="A", position=2, set_index=index, rir=0
            )
        )
    return Session(
        at,
        sets,
        [Feedback("A", pump=pump, exhaustion=4)],
        workout_name="Day 1",
        program_name="Chest cycle",
    )


@pytest.fixture
def cycle(make_uow, owner_id: int) -> str:  # type: ignore[no-untyped-def]
    record = create_program(make_uow, owner_id, TEXT)
    cycles.start_cycle(make_uow, owner_id, record.id, 4, now=datetime.now(UTC) - timedelta(days=30))
    return record.id


def _log(make_uow, owner_id: int, sessions: list[Session]) -> None:  # type: ignore[no-untyped-def]
    with make_uow() as uow:
        uow.sessions.add_many(owner_id, sessions)
        uow.commit()


def test_recovered_and_pumped_proposes_a_set_applied_only_when_accepted(  # type: ignore[no-untyped-def]
    make_uow, owner_id, cycle
) -> None:
    _log(make_uow, owner_id, [_session(d, 100, 5) for d in (20, 13, 6)])
    reviews.rate_muscle(make_uow, owner_id, "chest", soreness=1, joint=1)
    review = reviews.review_cycle(make_uow, owner_id)
    ((number, proposal),) = [(n, p) for n, p in review.proposals if n is not None]
    assert proposal.change is Change.ADD_SET and "recovered" in proposal.reason
    fly = get_program(make_uow, owner_id, cycle).program.workouts[0].blocks[0].entries[1]
    assert fly.prescription.sets == 4  # nothing changes without accepting
    accepted = reviews.review_cycle(make_uow, owner_id, [number])
    assert [p.change for p in accepted.applied] == [Change.ADD_SET]
    fly = get_program(make_uow, owner_id, cycle).program.workouts[0].blocks[0].entries[1]
    assert fly.prescription.sets == 5


def test_a_declining_bench_proposes_the_finisher_and_later_an_earlier_deload(  # type: ignore[no-untyped-def]
    make_uow, owner_id, cycle
) -> None:
    _log(
        make_uow,
        owner_id,
        [
            _session(d, w, 3)
            for d, w in ((27, 110), (22, 108), (17, 104), (12, 100), (7, 96), (2, 92))
        ],
    )
    review = reviews.review_cycle(make_uow, owner_id)
    changes = {p.change for n, p in review.proposals if n is not None}
    assert changes == {Change.FINISHER}  # the squat has no decline: no proposal
    finisher = next(n for n, p in review.proposals if p.change is Change.FINISHER)
    reviews.review_cycle(make_uow, owner_id, [finisher])
    again = reviews.review_cycle(make_uow, owner_id)
    assert Change.STRAIGHT in {p.change for _, p in again.proposals}
    straight = next(n for n, p in again.proposals if p.change is Change.STRAIGHT)
    reviews.review_cycle(make_uow, owner_id, [straight])
    last = reviews.review_cycle(make_uow, owner_id)
    deload = next(n for n, p in last.proposals if p.change is Change.DELOAD_FORWARD)
    reviews.review_cycle(make_uow, owner_id, [deload])
    assert cycles.show_cycle(make_uow, owner_id).record.deload_week == 2


def test_bad_numbers_and_ratings_are_refused_and_other_owners_see_nothing(  # type: ignore[no-untyped-def]
    make_uow, owner_id, other_owner_id, cycle
) -> None:
    with pytest.raises(InvalidInput) as caught:
        reviews.review_cycle(make_uow, owner_id, [7])
    assert caught.value.field == "accept"
    with pytest.raises(InvalidInput) as caught:
        reviews.rate_muscle(make_uow, owner_id, "chest", soreness=6)
    assert caught.value.field == "soreness"
    with pytest.raises(InvalidInput):
        reviews.rate_muscle(make_uow, owner_id, "calves", soreness=2)
    with pytest.raises(NotFound):
        reviews.review_cycle(make_uow, other_owner_id)
