"""The history document: the one set shape, cached while the history is unchanged."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fitrec.api.session_view import history_out, set_out
from fitrec.domain.sessions import PerformedSet, Session, SetType
from fitrec.domain.units import Unit
from fitrec.services import history, sessions
from fitrec.services import history_document as documents
from fitrec.services.history_document import history_key

START = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def _varied() -> list[Session]:
    """Nulls, unicode, quotes, lb units, flags, odd floats, microseconds, empty sessions."""
    return [
        Session(
            started_at=START,
            finished_at=START + timedelta(hours=1, microseconds=120000),
            workout_name='Día "A" \\ 胸',
            program_name="Programm Größe",
            note="ünïcødé 💪",
            flagged=True,
            sets=[
                PerformedSet(
                    "barbell-bench-press",
                    100.0,
                    8,
                    block_label="A",
                    position=1,
                    set_index=1,
                    rpe=8.5,
                    rest_before_s=90,
                    note="schwer 😅",
                    id="a-1",
                    performed_at=START + timedelta(minutes=3, microseconds=5),
                ),
                PerformedSet(
                    "cable-fly",
                    225.0,
                    12,
                    unit=Unit.LB,
                    set_type=SetType.DROP,
                    block_label="A",
                    position=2,
                    set_index=1,
                    rir=1.3333333333333333,
                    id="a-2",
                    performed_at=None,
                    flagged=True,
                ),
                PerformedSet(
                    "barbell-bench-press",
                    0.1 + 0.2,
                    3,
                    set_type=SetType.WARMUP,
                    set_index=2,
                    id="a-3 ü\"'",
                    performed_at=START + timedelta(minutes=9),
                ),
                PerformedSet("barbell-squat", 22.679618, 5, id="a-4", rpe=10.0, rir=None),
                PerformedSet("barbell-squat", 0.0, 0, id="a-5", rir=0.05),
                PerformedSet("barbell-squat", 1432.5, 1, id="a-6", rir=2.0000000000000004),
            ],
        ),
        Session(started_at=START + timedelta(days=1), workout_name=None, sets=[]),
        Session(
            started_at=START + timedelta(days=2, seconds=1, microseconds=999999),
            finished_at=None,
            workout_name="B",
            sets=[PerformedSet("cable-fly", 17.25, 15, id="b-1", performed_at=START)],
        ),
    ]


def history_document(make_uow: Any, owner_id: int, **filters: Any) -> str:
    """The API's history document (cached)."""
    return documents.history_document(make_uow, owner_id, history_out, **filters)


def _python_document(make_uow: Any, owner_id: int, **filters: Any) -> Any:
    return json.loads(history_out(history.load_history(make_uow, owner_id, **filters)))


def test_a_history_set_is_the_sessions_set(make_uow, owner_id: int) -> None:
    history.add_sessions(make_uow, owner_id, _varied())
    document = json.loads(history_document(make_uow, owner_id))
    assert document == _python_document(make_uow, owner_id)
    assert len(document["sessions"]) == 3
    for listed in document["sessions"]:
        session = sessions.get_session(make_uow, owner_id, listed["id"])
        shown = [json.loads(set_out(p, session.id).model_dump_json()) for p in session.sets]
        assert listed["sets"] == shown
    assert document["sessions"][0]["sets"][0]["note"] == "schwer 😅"


def test_flags_are_json_booleans_on_sessions_and_sets(make_uow, owner_id: int) -> None:
    history.add_sessions(make_uow, owner_id, _varied())
    written = history_document(make_uow, owner_id)
    document = json.loads(written)
    assert [s["flagged"] for s in document["sessions"]] == [True, False, False]
    assert [p["flagged"] for p in document["sessions"][0]["sets"]] == [
        False, True, False, False, False, False,
    ]  # fmt: skip
    assert '"flagged":true' in written and '"flagged":false' in written


def test_a_confirmed_session_is_no_longer_flagged_in_the_document(make_uow, owner_id: int) -> None:
    stored = history.add_sessions(make_uow, owner_id, _varied())
    assert json.loads(history_document(make_uow, owner_id))["sessions"][0]["flagged"] is True
    history.confirm_session(make_uow, owner_id, stored[0])
    document = json.loads(history_document(make_uow, owner_id))
    assert [s["flagged"] for s in document["sessions"]] == [False, False, False]
    assert document == _python_document(make_uow, owner_id)


def test_a_document_cached_in_an_older_format_is_not_served(make_uow, owner_id: int) -> None:
    history.add_sessions(make_uow, owner_id, _varied())
    old = '{"sessions":[]}'
    with make_uow() as uow:
        version = uow.analytics_cache.version(owner_id)
        # Where the document without flags was cached, at the current history version.
        uow.analytics_cache.put(owner_id, "history//", version, old)
        uow.commit()
    assert history_key(None, None) != "history//"
    document = json.loads(history_document(make_uow, owner_id))
    assert len(document["sessions"]) == 3 and "flagged" in document["sessions"][0]


def test_numbers_keep_their_json_types(make_uow, owner_id: int) -> None:
    history.add_sessions(make_uow, owner_id, _varied())
    first = json.loads(history_document(make_uow, owner_id))["sessions"][0]["sets"][0]
    assert isinstance(first["weight"], float) and isinstance(first["reps"], int)
    at = datetime.fromisoformat(first["performed_at"].replace("Z", "+00:00"))
    assert at == datetime(2024, 3, 1, 9, 3, 0, 5, tzinfo=UTC) and at.utcoffset() == timedelta(0)


def test_filters_match_python(make_uow, owner_id: int) -> None:
    history.add_sessions(make_uow, owner_id, _varied())
    for filters in (
        {"exercise_slug": "cable-fly"},
        {"exercise_slug": "barbell-squat"},
        {"exercise_slug": "leg-press"},
        {"since": START + timedelta(hours=12)},
        {"since": START + timedelta(days=9)},
        {"exercise_slug": "cable-fly", "since": START + timedelta(days=2)},
    ):
        document = json.loads(history_document(make_uow, owner_id, **filters))
        assert document == _python_document(make_uow, owner_id, **filters), filters


def test_another_owner_and_empty_history(make_uow, owner_id: int, other_owner_id: int) -> None:
    history.add_sessions(make_uow, owner_id, _varied())
    assert history_document(make_uow, other_owner_id) == '{"sessions":[]}'


def test_logged_sets_appear_in_order(make_uow, owner_id: int) -> None:
    opened = sessions.start_session(make_uow, owner_id)
    for i, weight in enumerate((60, 62.5, 65)):
        sessions.log_set(
            make_uow, owner_id, opened.id, exercise="bench press", weight=weight, reps=5,
            set_id=f"s{i}",
        )  # fmt: skip
    document = json.loads(history_document(make_uow, owner_id))
    assert document == _python_document(make_uow, owner_id)
    assert [s["weight"] for s in document["sessions"][0]["sets"]] == [60.0, 62.5, 65.0]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    weights=st.lists(
        st.builds(
            round,
            st.floats(min_value=0, max_value=3450, allow_nan=False, allow_infinity=False),
            st.integers(min_value=0, max_value=6),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_weights_with_up_to_six_decimals_print_as_python_does(
    make_uow, owner_id: int, weights
) -> None:
    stored = history.add_sessions(
        make_uow,
        owner_id,
        [Session(started_at=START, sets=[PerformedSet("cable-fly", w, 1) for w in weights])],
    )
    document = json.loads(history_document(make_uow, owner_id))
    found = next(s for s in document["sessions"] if s["id"] == stored[0])
    assert [s["weight"] for s in found["sets"]] == weights
    assert all(isinstance(s["weight"], float) for s in found["sets"])
    written = history_document(make_uow, owner_id)
    assert all(f'"weight":{w!r}' in written for w in weights if w == 0 or w >= 0.0001)


def test_cached_document_equals_a_fresh_one_and_a_logged_set_invalidates_it(
    make_uow, owner_id: int
) -> None:
    history.add_sessions(make_uow, owner_id, _varied())
    filters: list[dict[str, Any]] = [
        {},
        {"exercise_slug": "cable-fly"},
        {"since": START + timedelta(hours=12)},
        {"exercise_slug": "barbell-squat", "since": START - timedelta(days=1)},
    ]
    first = [history_document(make_uow, owner_id, **f) for f in filters]
    with make_uow() as uow:
        fresh = [history_out(uow.sessions.history(owner_id, **f)) for f in filters]
        version = uow.analytics_cache.version(owner_id)
        stored = [
            uow.analytics_cache.get(owner_id, history_key(**f_keys(f)), version) for f in filters
        ]
    assert first == fresh == stored  # the first request built and stored each document
    assert [history_document(make_uow, owner_id, **f) for f in filters] == fresh

    opened = sessions.start_session(make_uow, owner_id, started_at=START + timedelta(days=3))
    sessions.log_set(
        make_uow, owner_id, opened.id, exercise="cable-fly", weight=20, reps=10, set_id="new-1"
    )
    after = [history_document(make_uow, owner_id, **f) for f in filters]
    with make_uow() as uow:
        assert after == [history_out(uow.sessions.history(owner_id, **f)) for f in filters]
    # Every document holding the new set changed; the squat-only one did not.
    assert [a != b for a, b in zip(after, fresh, strict=True)] == [True, True, True, False]
    assert '"id":"new-1"' in after[0] and '"id":"new-1"' in after[1]


def f_keys(filters: dict[str, Any]) -> dict[str, Any]:
    """The filters as history_key's arguments."""
    return {"exercise_slug": filters.get("exercise_slug"), "since": filters.get("since")}


def test_history_key_names_the_same_moment_once() -> None:
    naive = datetime(2024, 3, 1, 9, 0)
    assert history_key(None, naive) == history_key(None, naive.replace(tzinfo=UTC))
    assert history_key(None, START) == history_key(
        None, START.astimezone(timezone(timedelta(hours=2)))
    )
    assert history_key("cable-fly", None) != history_key(None, None)
