"""Adding a set in the repository: the one-statement insert and every case it reads first.

A bearer token no longer reaches the repository: the adapter resolves it to its owner once
(`accounts.owner_of_token`); the token cases below check that resolution."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text

from fitrec.domain.sessions import PerformedSet, SetType
from fitrec.domain.units import Unit
from fitrec.services import accounts, sessions
from fitrec.services.templates import copy_template

AT = datetime(2025, 5, 6, 18, 0, 0, 123456, tzinfo=UTC)


def a_set(client_id: str, slug: str = "barbell-bench-press") -> PerformedSet:
    return PerformedSet(
        slug,
        82.5,
        8,
        unit=Unit.KG,
        set_type=SetType.WORKING,
        rpe=8.5,
        rest_before_s=90,
        note="paused",
        block_label="A",
        position=1,
        id=client_id,
        performed_at=AT,
    )


def insert(
    make_uow: Any,
    owner: int | None,
    token: str | None,
    session: str,
    performed: PerformedSet,
    *,
    slot_free: bool = False,
) -> int | None:
    """The new set's number, or None when nothing was stored now (as the old statement)."""
    if owner is None:
        owner = accounts.owner_of_token(make_uow, token or "")
        if owner is None:
            return None
    with make_uow() as uow:
        added = uow.sessions.add_set(owner, session, performed, from_plan=slot_free)
        uow.commit()
    if not added.created or added.performed is None:
        return None
    return added.performed.set_index


def test_inserts_numbered_sets_that_read_back_as_given(make_uow: Any, owner_id: int) -> None:
    session = sessions.start_session(make_uow, owner_id).id
    assert insert(make_uow, owner_id, None, session, a_set("s1")) == 1
    assert insert(make_uow, owner_id, None, session, a_set("f1", "cable-fly")) == 1
    assert insert(make_uow, owner_id, None, session, a_set("s2")) == 2
    with make_uow() as uow:
        found = uow.sessions.find_set(owner_id, "s2")
    assert found is not None
    session_id, stored = found
    assert session_id == session
    expected = a_set("s2")
    expected.set_index = 2
    assert stored == expected


def test_a_live_token_is_its_owner(make_uow: Any, owner_id: int) -> None:
    session = sessions.start_session(make_uow, owner_id).id
    token = accounts.create_token(make_uow, owner_id, "phone")
    assert insert(make_uow, None, token.token, session, a_set("t1")) == 1
    accounts.revoke_token(make_uow, owner_id, token.info.id)
    assert insert(make_uow, None, token.token, session, a_set("t2")) is None
    assert insert(make_uow, None, "fr_not-a-token", session, a_set("t3")) is None


def test_nothing_is_inserted_for_another_owner(
    make_uow: Any, owner_id: int, other_owner_id: int
) -> None:
    session = sessions.start_session(make_uow, owner_id).id
    intruder = accounts.create_token(make_uow, other_owner_id, "intruder").token
    assert insert(make_uow, other_owner_id, None, session, a_set("x1")) is None
    assert insert(make_uow, None, intruder, session, a_set("x2")) is None
    assert sessions.get_session(make_uow, owner_id, session).sets == []


def test_a_retried_id_or_a_finished_session_inserts_nothing(make_uow: Any, owner_id: int) -> None:
    session = sessions.start_session(make_uow, owner_id).id
    assert insert(make_uow, owner_id, None, session, a_set("r1")) == 1
    assert insert(make_uow, owner_id, None, session, a_set("r1")) is None
    sessions.finish_session(make_uow, owner_id, session)
    assert insert(make_uow, owner_id, None, session, a_set("r2")) is None
    assert [s.id for s in sessions.get_session(make_uow, owner_id, session).sets] == ["r1"]


def test_a_deactivated_owners_token_inserts_nothing(make_uow: Any, owner_id: int) -> None:
    session = sessions.start_session(make_uow, owner_id).id
    token = accounts.create_token(make_uow, owner_id, "phone").token
    with make_uow() as uow:
        uow._db.execute(text("UPDATE users SET is_active = false WHERE id = :o"), {"o": owner_id})
        uow.commit()
    assert insert(make_uow, None, token, session, a_set("d1")) is None


def test_a_program_session_gives_a_set_without_a_label_its_slot(
    make_uow: Any, owner_id: int
) -> None:
    program = copy_template(make_uow, owner_id, "Sample post-exhaust full body").id
    session = sessions.start_session(make_uow, owner_id, program=program, workout="Full body").id
    unlabelled = a_set("p1", "barbell-squat")
    unlabelled.block_label = unlabelled.position = None
    assert insert(make_uow, owner_id, None, session, unlabelled, slot_free=True) == 1
    assert insert(make_uow, owner_id, None, session, a_set("p2"), slot_free=False) == 1
    stored = {s.id: s for s in sessions.get_session(make_uow, owner_id, session).sets}
    assert (stored["p1"].block_label, stored["p1"].position) != (None, None)
    assert (stored["p2"].block_label, stored["p2"].position) == ("A", 1)


def test_the_answer_says_why_nothing_was_stored(
    make_uow: Any, owner_id: int, other_owner_id: int
) -> None:
    session = sessions.start_session(make_uow, owner_id).id
    with make_uow() as uow:
        first = uow.sessions.add_set(owner_id, session, a_set("w1"), from_plan=False)
        again = uow.sessions.add_set(owner_id, session, a_set("w1"), from_plan=False)
        missing = uow.sessions.add_set(owner_id, "no-such", a_set("w2"), from_plan=False)
        theirs = uow.sessions.add_set(other_owner_id, session, a_set("w3"), from_plan=False)
        uow.commit()
    assert first.created and first.session_id == session
    assert not again.created and again.stored_in == session and again.performed == first.performed
    assert missing.session_id is None and theirs.session_id is None
    sessions.finish_session(make_uow, owner_id, session)
    with make_uow() as uow:
        late = uow.sessions.add_set(owner_id, session, a_set("w4"), from_plan=False)
    assert late.finished and late.performed is None


def test_sets_logged_at_once_into_one_session_get_distinct_numbers(
    make_uow: Any, owner_id: int
) -> None:
    # Two clients logging the same exercise into one session at the same moment: on
    # PostgreSQL the second waits on the session row, on SQLite on the write lock.
    session = sessions.start_session(make_uow, owner_id).id
    token = accounts.create_token(make_uow, owner_id, "phone").token
    barrier = threading.Barrier(2)

    def client(name: str) -> list[int | None]:
        numbers = []
        for n in range(40):
            barrier.wait()
            numbers.append(insert(make_uow, None, token, session, a_set(f"{name}-{n}")))
        return numbers

    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(client, ["one", "two"])
    assert None not in first + second
    assert sorted(first + second) == list(range(1, 81))
