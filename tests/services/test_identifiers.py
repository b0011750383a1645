"""Session and program ids given whole or as a unique prefix, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fitrec.domain.sessions import PerformedSet, Session
from fitrec.services.errors import InvalidInput, NotFound
from fitrec.services.identifiers import AmbiguousId, resolve_program_id, resolve_session_id
from fitrec.services.programs import create_program

START = datetime(2025, 3, 1, 18, 0, tzinfo=UTC)
IDS = [
    "abcd1111" + "0" * 24,
    "abcd2222" + "0" * 24,
    "ef012345" + "0" * 24,
]


def add_sessions(make_uow, owner_id: int, ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Store one session per id, a day apart, each with one set (the n-th of 100 + n kg)."""
    sessions = [
        Session(
            started_at=START + timedelta(days=n),
            finished_at=START + timedelta(days=n, hours=1),
            workout_name=f"Day {n}",
            program_name="Push",
            id=session_id,
            sets=[PerformedSet("barbell-bench-press", 100 + n, 8)],
        )
        for n, session_id in enumerate(ids)
    ]
    with make_uow() as uow:
        uow.sessions.add_many(owner_id, sessions)
        uow.commit()


def program_text(name: str) -> str:
    """A one-exercise program called `name`."""
    return f"program: {name}\n\n## Day A\n\nA. Bench Press: 3×8 @ 80% 1RM\n"


def set_program_id(database_url: str, program_id: str, new_id: str) -> None:
    """Give a stored program a chosen id (no repository changes one) so prefixes collide."""
    from sqlalchemy import text

    from fitrec.bootstrap import engine_for

    with engine_for(database_url).begin() as db:
        db.execute(
            text("UPDATE programs SET public_id = :new WHERE public_id = :old"),
            {"new": new_id, "old": program_id},
        )


def test_a_unique_prefix_resolves_to_the_full_id(make_uow, owner_id: int) -> None:  # type: ignore[no-untyped-def]
    add_sessions(make_uow, owner_id, IDS)
    assert resolve_session_id(make_uow, owner_id, "ef01") == IDS[2]
    assert resolve_session_id(make_uow, owner_id, "ABCD2") == IDS[1]
    assert resolve_session_id(make_uow, owner_id, IDS[0]) == IDS[0]


def test_an_ambiguous_prefix_lists_the_candidates(make_uow, owner_id: int) -> None:  # type: ignore[no-untyped-def]
    add_sessions(make_uow, owner_id, IDS)
    with pytest.raises(AmbiguousId) as raised:
        resolve_session_id(make_uow, owner_id, "abcd", "SESSION_ID")
    error = raised.value
    assert error.field == "SESSION_ID"
    assert sorted(c.id for c in error.candidates) == IDS[:2]
    assert "'abcd' matches 2 sessions" in error.message
    assert IDS[0] in error.message and IDS[1] in error.message and IDS[2] not in error.message
    assert "Push / Day 0" in error.message and "Push / Day 1" in error.message


def test_a_too_short_prefix_is_refused(make_uow, owner_id: int) -> None:  # type: ignore[no-untyped-def]
    add_sessions(make_uow, owner_id, IDS)
    with pytest.raises(InvalidInput, match="at least 4 characters"):
        resolve_session_id(make_uow, owner_id, "ef0")


def test_no_match_is_not_found(make_uow, owner_id: int) -> None:  # type: ignore[no-untyped-def]
    add_sessions(make_uow, owner_id, IDS)
    with pytest.raises(NotFound) as raised:
        resolve_session_id(make_uow, owner_id, "9999")
    assert (raised.value.what, raised.value.id) == ("session", "9999")


def test_another_owners_sessions_are_never_candidates(  # type: ignore[no-untyped-def]
    make_uow, owner_id: int, other_owner_id: int
) -> None:
    add_sessions(make_uow, other_owner_id, IDS[:2])
    add_sessions(make_uow, owner_id, IDS[2:])
    with pytest.raises(NotFound):
        resolve_session_id(make_uow, owner_id, "abcd")
    # The other owner's two sessions sharing "abcd" do not make it ambiguous for them either.
    assert resolve_session_id(make_uow, other_owner_id, "abcd1") == IDS[0]


def test_a_short_imported_id_typed_whole_is_that_session(make_uow, owner_id: int) -> None:  # type: ignore[no-untyped-def]
    add_sessions(make_uow, owner_id, ["run1", "run12"])
    assert resolve_session_id(make_uow, owner_id, "run1") == "run1"
    assert resolve_session_id(make_uow, owner_id, "run12") == "run12"


def test_programs_resolve_by_name_id_or_unique_prefix(  # type: ignore[no-untyped-def]
    make_uow, database_url: str, owner_id: int, other_owner_id: int
) -> None:
    push = create_program(make_uow, owner_id, program_text("Push")).id
    pull = create_program(make_uow, owner_id, program_text("Pull")).id
    theirs = create_program(make_uow, other_owner_id, program_text("Legs")).id
    set_program_id(database_url, push, "beef0001" + "0" * 24)
    set_program_id(database_url, pull, "beef0002" + "0" * 24)
    set_program_id(database_url, theirs, "cafe0001" + "0" * 24)
    assert resolve_program_id(make_uow, owner_id, "Push") == "Push"
    assert resolve_program_id(make_uow, owner_id, "beef0001" + "0" * 24) == "beef0001" + "0" * 24
    assert resolve_program_id(make_uow, owner_id, "beef0002") == "beef0002" + "0" * 24
    with pytest.raises(AmbiguousId) as raised:
        resolve_program_id(make_uow, owner_id, "beef")
    assert "Push" in raised.value.message and "Pull" in raised.value.message
    with pytest.raises(NotFound):
        resolve_program_id(make_uow, owner_id, "cafe")
    with pytest.raises(InvalidInput, match="no program is named 'bee'"):
        resolve_program_id(make_uow, owner_id, "bee")


def test_a_program_name_wins_over_an_id_prefix(  # type: ignore[no-untyped-def]
    make_uow, database_url: str, owner_id: int
) -> None:
    named_like_an_id = create_program(make_uow, owner_id, program_text("dead")).id
    other = create_program(make_uow, owner_id, program_text("Other")).id
    set_program_id(database_url, named_like_an_id, "1234" + "0" * 28)
    set_program_id(database_url, other, "dead" + "0" * 28)
    assert resolve_program_id(make_uow, owner_id, "dead") == "dead"
    assert resolve_program_id(make_uow, owner_id, "dead0") == "dead" + "0" * 28


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(length=st.integers(min_value=4, max_value=32), which=st.integers(min_value=0, max_value=2))
def test_any_prefix_that_only_one_id_has_resolves_to_it(  # type: ignore[no-untyped-def]
    make_uow, owner_id: int, length: int, which: int
) -> None:
    with make_uow() as uow:
        stored = {s.id for s in uow.sessions.list(owner_id)}
    if not stored:
        add_sessions(make_uow, owner_id, IDS)
    prefix = IDS[which][:length]
    shared = [i for i in IDS if i.startswith(prefix)]
    if len(shared) == 1:
        assert resolve_session_id(make_uow, owner_id, prefix) == IDS[which]
    else:
        with pytest.raises(AmbiguousId):
            resolve_session_id(make_uow, owner_id, prefix)
