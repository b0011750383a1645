"""The cached overview and today's plan: equal to a fresh computation, invalidated by every write.

Runs on SQLite and PostgreSQL (the `make_uow` fixture): invalidation comes from database
triggers, which differ per dialect.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType
from fitrec.domain.units import Unit
from fitrec.services import analytics, athletes, exercises, sessions
from fitrec.services.history import add_sessions
from fitrec.services.imports import import_file
from fitrec.services.overview import (
    OVERVIEW_KEY,
    TODAY_KEY,
    GroupWeek,
    LiftSeries,
    Overview,
    PairSummary,
    RecordSummary,
    SeriesPoint,
    Span,
    Today,
    compute_overview,
    compute_today,
    overview,
    today,
)
from fitrec.services.templates import copy_template

FULL_BODY = "Sample post-exhaust full body"
FILES = Path(__file__).resolve().parents[1] / "interchange" / "files"


def _set(slug: str, weight: float, reps: int, at: datetime, label: str, pos: int) -> PerformedSet:
    return PerformedSet(
        exercise_slug=slug,
        weight=weight,
        reps=reps,
        unit=Unit.KG,
        set_type=SetType.WORKING,
        rir=1,
        block_label=label,
        position=pos,
        performed_at=at,
    )


def _history(weeks: int = 8) -> list[Session]:
    """Weekly bench → flies sessions, bench rising, with pump and exhaustion rated."""
    began = datetime.now(UTC).replace(microsecond=0) - timedelta(days=7 * weeks)
    out = []
    for week in range(weeks):
        at = began + timedelta(days=7 * week)
        sets = [
            _set("barbell-bench-press", 80 + 2.5 * week, 8, at + timedelta(minutes=i), "A", 1)
            for i in range(3)
        ] + [_set("cable-fly", 20, 15, at + timedelta(minutes=5 + i), "A", 2) for i in range(3)]
        sets.append(_set("barbell-squat", 100 + 5 * week, 5, at + timedelta(minutes=10), "B", 1))
        out.append(
            Session(
                started_at=at,
                finished_at=at + timedelta(hours=1),
                sets=sets,
                feedback=[Feedback("A", pump=3 + week % 3, exhaustion=4)],
            )
        )
    return out


@pytest.fixture
def trained(make_uow: Any, owner_id: int) -> int:
    add_sessions(make_uow, owner_id, _history())
    return owner_id


def _fresh(make_uow: Any, owner_id: int) -> Overview:
    with make_uow() as uow:
        find = analytics.lookup_for(uow, owner_id)
        history = uow.sessions.history(owner_id)
    return compute_overview(history, find, today=datetime.now(UTC).date())


def _version(make_uow: Any, owner_id: int) -> int:
    with make_uow() as uow:
        return int(uow.analytics_cache.version(owner_id))


def _cached(make_uow: Any, owner_id: int, key: str = OVERVIEW_KEY) -> str | None:
    with make_uow() as uow:
        version = uow.analytics_cache.version(owner_id)
        found: str | None = uow.analytics_cache.get(owner_id, key, version)
        return found


def test_a_cached_overview_equals_a_fresh_one(make_uow: Any, trained: int) -> None:
    first = overview(make_uow, trained)
    assert _cached(make_uow, trained) is not None
    second = overview(make_uow, trained)
    assert first == second == _fresh(make_uow, trained)
    assert [lift.slug for lift in first.lifts][:2] == ["barbell-bench-press", "barbell-squat"]
    assert first.records[0].slug == "barbell-squat"
    assert first.pairs[0].isolation_slug == "cable-fly" and first.pairs[0].sessions == 8
    assert first.pairs[0].pump == (4, 5, 3, 4) and first.week is not None
    assert {g.group for g in first.volume} >= {"chest"}


def test_the_cached_payload_is_what_is_served(make_uow: Any, trained: int) -> None:
    overview(make_uow, trained)
    version = _version(make_uow, trained)
    planted = Overview(records=(RecordSummary("x", "X", 1.0, date(2024, 1, 1), None),))
    with make_uow() as uow:
        payload = {"day": datetime.now(UTC).date().isoformat(), "overview": planted.to_dict()}
        uow.analytics_cache.put(trained, OVERVIEW_KEY, version, json.dumps(payload))
        uow.commit()
    assert overview(make_uow, trained) == planted


def _open(make_uow: Any, owner_id: int) -> str:
    copy_template(make_uow, owner_id, FULL_BODY)
    return sessions.start_session(make_uow, owner_id, program=FULL_BODY, workout="full body").id


def _log(make_uow: Any, owner_id: int, session_id: str, weight: float = 100) -> str:
    logged = sessions.log_set(
        make_uow, owner_id, session_id, exercise="barbell-bench-press", weight=weight, reps=8
    )
    return str(logged.performed.id)


WRITES: dict[str, Callable[[Any, int, str, str], object]] = {
    "log a set": lambda m, o, s, _: _log(m, o, s, 140),
    "correct a set": lambda m, o, _, set_id: sessions.correct_set(m, o, set_id, {"weight": 150}),
    "delete a set": lambda m, o, _, set_id: sessions.delete_set(m, o, set_id),
    "finish the session": lambda m, o, s, _: sessions.finish_session(m, o, s),
    "save feedback": lambda m, o, s, _: sessions.save_feedback(m, o, s, Feedback("A", pump=5)),
    "delete the session": lambda m, o, s, _: sessions.delete_session(m, o, s),
    "import a file": lambda m, o, _s, _i: import_file(m, o, (FILES / "hevy_kg.csv").read_bytes()),
    "add sessions": lambda m, o, _s, _i: add_sessions(m, o, _history(2)),
    "add a custom exercise": lambda m, o, _s, _i: exercises.add_custom_exercise(
        m, o, name="Landmine Press", mechanic="compound", prime_movers=["front_delts"]
    ),
}


@pytest.mark.parametrize("write", WRITES)
def test_every_write_to_the_history_invalidates_the_cache(
    make_uow: Any, trained: int, write: str
) -> None:
    open_id = _open(make_uow, trained)
    set_id = _log(make_uow, trained, open_id)
    overview(make_uow, trained)
    before = _version(make_uow, trained)
    assert _cached(make_uow, trained) is not None
    WRITES[write](make_uow, trained, open_id, set_id)
    assert _version(make_uow, trained) > before
    assert _cached(make_uow, trained) is None
    assert overview(make_uow, trained) == _fresh(make_uow, trained)


def test_a_new_record_shows_right_after_it_is_logged(make_uow: Any, trained: int) -> None:
    open_id = _open(make_uow, trained)
    overview(make_uow, trained)
    _log(make_uow, trained, open_id, weight=200)
    best = {r.slug: r.e1rm_kg for r in overview(make_uow, trained).records}
    assert best["barbell-bench-press"] > 240


def test_owners_have_their_own_versions_and_caches(
    make_uow: Any, trained: int, other_owner_id: int
) -> None:
    overview(make_uow, trained)
    assert overview(make_uow, other_owner_id) == Overview()
    before = _version(make_uow, trained)
    add_sessions(make_uow, other_owner_id, _history(2))
    assert _version(make_uow, trained) == before
    assert _cached(make_uow, trained) is not None
    assert overview(make_uow, other_owner_id).lifts


def test_deleting_a_user_removes_its_version_and_cache(make_uow: Any, trained: int) -> None:
    from sqlalchemy import delete, func, select

    from fitrec.store.tables import AnalyticsCacheRow, HistoryVersionRow, User

    overview(make_uow, trained)
    with make_uow() as uow:
        # The cascade deletes the sets after the user: the triggers must not resurrect it.
        uow._db.execute(delete(User).where(User.id == trained))
        uow.commit()
    with make_uow() as uow:
        for table in (HistoryVersionRow, AnalyticsCacheRow):
            count = uow._db.execute(select(func.count()).select_from(table)).scalar_one()
            assert count == 0


def test_today_is_cached_and_follows_programs_profile_and_history(
    make_uow: Any, owner_id: int
) -> None:
    open_id = _open(make_uow, owner_id)
    _log(make_uow, owner_id, open_id)
    first = today(make_uow, owner_id)
    assert first.next_workout is not None and first.next_workout.targets
    assert first == today(make_uow, owner_id) == compute_today(make_uow, owner_id)
    assert _cached(make_uow, owner_id, TODAY_KEY) is not None
    athletes.update_profile(make_uow, owner_id, {"unit": "lb"})
    in_lb = today(make_uow, owner_id)
    assert in_lb == compute_today(make_uow, owner_id) and in_lb != first
    sessions.finish_session(make_uow, owner_id, open_id, feedback=[Feedback("A", pump=2)])
    assert today(make_uow, owner_id) == compute_today(make_uow, owner_id)
    tomorrow = today(make_uow, owner_id, now=lambda: datetime.now(UTC) + timedelta(days=1))
    assert tomorrow == compute_today(make_uow, owner_id)


def test_today_without_a_program_has_no_next_workout(make_uow: Any, owner_id: int) -> None:
    assert today(make_uow, owner_id) == Today(None, ())


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))
kg = st.floats(min_value=0, max_value=1e4, allow_nan=False)
names = st.text(max_size=12)
ratings = st.lists(st.integers(1, 5), max_size=4).map(tuple)
overviews = st.builds(
    Overview,
    lifts=st.lists(
        st.builds(
            LiftSeries,
            slug=names,
            name=names,
            points=st.lists(st.builds(SeriesPoint, days, kg), max_size=5).map(tuple),
            declines=st.lists(st.builds(Span, days, days), max_size=2).map(tuple),
        ),
        max_size=3,
    ).map(tuple),
    records=st.lists(
        st.builds(RecordSummary, names, names, kg, days, st.none() | kg), max_size=3
    ).map(tuple),
    week=st.none() | days,
    volume=st.lists(st.builds(GroupWeek, names, kg, names, kg, kg, kg), max_size=3).map(tuple),
    pairs=st.lists(
        st.builds(
            PairSummary,
            names,
            names,
            names,
            names,
            st.integers(0, 999),
            st.integers(0, 99),
            kg,
            ratings,
            ratings,
        ),
        max_size=3,
    ).map(tuple),
)


@given(overviews)
def test_an_overview_round_trips_through_json(value: Overview) -> None:
    assert Overview.from_dict(json.loads(json.dumps(value.to_dict()))) == value
