"""The one-statement set insert: what it inserts, and every case it leaves to the full path."""

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
    hashed = accounts.token_hash(token) if token is not None else None
    with make_uow() as uow:
        found = uow.sessions.add_set_if_open(owner, hashed, session, performed, slot_free=slot_free)
        uow.commit()
    return found


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


def test_a_program_session_is_left_to_the_full_path_when_asked(
    make_uow: Any, owner_id: int
) -> None:
    program = copy_template(make_uow, owner_id, "Sample post-exhaust full body").id
    session = sessions.start_session(make_uow, owner_id, program=program, workout="Full body").id
    assert insert(make_uow, owner_id, None, session, a_set("p1"), slot_free=True) is None
    assert insert(make_uow, owner_id, None, session, a_set("p2"), slot_free=False) == 1


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
