"""The overview folded from per-session summaries equals the full rebuild from every set.

The pure fold is checked over generated histories; the stored summaries over generated
sequences of writes (sets logged, corrected, deleted, feedback, sessions imported and
deleted, a custom exercise added) on SQLite and PostgreSQL, where triggers drop them.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fitrec.analytics.history import ExerciseLookup, ordered
from fitrec.analytics.session_summary import SUMMARY_FORMAT, SessionSummary, summarize
from fitrec.catalog.loading import default_catalog
from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType
from fitrec.domain.units import Unit
from fitrec.services import analytics, exercises, session_summaries, sessions
from fitrec.services.history import add_sessions
from fitrec.services.overview import compute_overview, overview, overview_from_summaries
from fitrec.services.users import ensure_user

TODAY = date(2026, 12, 1)
# Compounds, isolations (pairs form when one follows a compound in a block), an unknown slug.
SLUGS = ["barbell-bench-press", "barbell-squat", "cable-fly", "leg-extension", "no-such-lift"]
LABELS = [None, "A", "A", "B"]

moments = st.datetimes(
    min_value=datetime(2023, 1, 1), max_value=datetime(2026, 11, 30), timezones=st.just(UTC)
).map(lambda m: m.replace(microsecond=0))
performed_sets = st.builds(
    PerformedSet,
    exercise_slug=st.sampled_from(SLUGS),
    # Repeated loads make ties: records must keep the earlier day, the usual load the first.
    weight=st.one_of(
        st.sampled_from([0.0, 20.0, 22.5, 60.0, 100.0]), st.floats(1, 300, allow_nan=False)
    ),
    reps=st.integers(0, 15),
    unit=st.sampled_from(Unit),
    set_type=st.sampled_from(SetType),
    block_label=st.sampled_from(LABELS),
    rpe=st.one_of(st.none(), st.sampled_from([6.0, 8.5, 10.0])),
    rir=st.one_of(st.none(), st.sampled_from([0.0, 2.0, 5.0])),
    rest_before_s=st.one_of(st.none(), st.sampled_from([60, 200])),
    flagged=st.booleans(),
).map(lambda p: replace(p, rpe=None) if p.rir is not None else p)  # one effort measure, as logged
feedbacks = st.builds(
    Feedback,
    block_label=st.sampled_from(["A", "B"]),
    pump=st.one_of(st.none(), st.integers(1, 5)),
    exhaustion=st.one_of(st.none(), st.integers(1, 5)),
)
histories = st.lists(
    st.builds(
        Session,
        started_at=moments,
        sets=st.lists(performed_sets, max_size=8),
        feedback=st.lists(feedbacks, max_size=2, unique_by=lambda f: f.block_label),
    ),
    max_size=10,
)


def _catalog_lookup() -> ExerciseLookup:
    catalog = default_catalog()
    return lambda slug: catalog.get(slug) if slug in catalog else None


def _round_trip(summary: SessionSummary) -> SessionSummary:
    return SessionSummary.from_dict(json.loads(json.dumps(summary.to_dict())))


@settings(max_examples=150, deadline=None)
@given(histories)
def test_summaries_fold_to_the_full_rebuild(history: list[Session]) -> None:
    find = _catalog_lookup()
    summaries = [_round_trip(summarize(s, find)) for s in ordered(history)]
    folded = overview_from_summaries(summaries, find, today=TODAY)
    assert folded == compute_overview(history, find, today=TODAY)


def test_a_summary_round_trips_through_json() -> None:
    find = _catalog_lookup()
    at = datetime(2026, 1, 5, 18, tzinfo=UTC)
    sets = [
        PerformedSet("barbell-bench-press", 80, 8, block_label="A", rir=2, performed_at=at),
        PerformedSet("cable-fly", 20, 12, block_label="A", rir=1, performed_at=at),
    ]
    summary = summarize(Session(at, sets=sets, feedback=[Feedback("A", 4, 3)]), find)
    assert summary.pairs and summary.e1rm and summary.isolations
    assert _round_trip(summary) == summary


def _rebuilt(make_uow: Any, owner_id: int) -> Any:
    with make_uow() as uow:
        find = analytics.lookup_for(uow, owner_id)
        history = uow.sessions.history(owner_id)
    return compute_overview(history, find, today=datetime.now(UTC).date())


def _set_ids(make_uow: Any, owner_id: int) -> list[str]:
    with make_uow() as uow:
        return [p.id for s in uow.sessions.history(owner_id) for p in s.sets if p.id]


def _session_ids(make_uow: Any, owner_id: int) -> list[str]:
    with make_uow() as uow:
        return [s.id for s in uow.sessions.history(owner_id) if s.id]


def _pick(items: list[str], index: int) -> str | None:
    return items[index % len(items)] if items else None


def _apply(make_uow: Any, owner_id: int, open_id: str, step: tuple[Any, ...]) -> None:
    kind = step[0]
    if kind == "import":
        add_sessions(make_uow, owner_id, step[1])
    elif kind == "log":
        performed: PerformedSet = step[1]
        sessions.log_set(
            make_uow,
            owner_id,
            open_id,
            exercise=performed.exercise_slug if performed.exercise_slug != SLUGS[-1] else SLUGS[0],
            weight=performed.weight,
            reps=max(performed.reps, 1),
            unit=performed.unit,
            set_type=performed.set_type,
            rir=performed.rir,
            block_label=performed.block_label,
        )
    elif kind == "correct" and (set_id := _pick(_set_ids(make_uow, owner_id), step[1])):
        sessions.correct_set(make_uow, owner_id, set_id, step[2])
    elif kind == "delete set" and (set_id := _pick(_set_ids(make_uow, owner_id), step[1])):
        sessions.delete_set(make_uow, owner_id, set_id)
    elif kind == "feedback":
        sessions.save_feedback(make_uow, owner_id, open_id, step[1])
    elif kind == "delete session":
        others = [s for s in _session_ids(make_uow, owner_id) if s != open_id]
        if (chosen := _pick(others, step[1])) is not None:
            sessions.delete_session(make_uow, owner_id, chosen)
    elif kind == "custom":
        exercises.add_custom_exercise(
            make_uow,
            owner_id,
            name=f"Yoke {uuid.uuid4().hex[:6]}",
            mechanic="compound",
            prime_movers=["quads"],
        )


corrections = st.fixed_dictionaries(
    {},
    optional={
        "weight": st.sampled_from([20.0, 100.0, 140.0]),
        "reps": st.integers(1, 12),
        "set_type": st.sampled_from([t.value for t in SetType]),
        "flagged": st.booleans(),
        "block_label": st.sampled_from(["A", "B"]),
    },
)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("import"), histories),
        st.tuples(st.just("log"), performed_sets),
        st.tuples(st.just("correct"), st.integers(0, 1000), corrections),
        st.tuples(st.just("delete set"), st.integers(0, 1000)),
        st.tuples(st.just("feedback"), feedbacks),
        st.tuples(st.just("delete session"), st.integers(0, 1000)),
        st.tuples(st.just("custom")),
    ),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=histories, writes=steps)
def test_stored_summaries_follow_every_write(
    make_uow: Any, first: list[Session], writes: list[tuple[Any, ...]]
) -> None:
    owner_id = ensure_user(make_uow, f"lifter-{uuid.uuid4().hex}")
    add_sessions(make_uow, owner_id, first)
    open_id = sessions.start_session(make_uow, owner_id).id
    assert overview(make_uow, owner_id) == _rebuilt(make_uow, owner_id)
    for step in writes:
        _apply(make_uow, owner_id, open_id, step)
        assert overview(make_uow, owner_id) == _rebuilt(make_uow, owner_id), step
    with make_uow() as uow:
        stored = uow.analytics_cache.summaries(owner_id, SUMMARY_FORMAT)
    assert None not in stored and len(stored) == len(_session_ids(make_uow, owner_id))


def test_an_import_writes_every_summary_and_a_set_drops_only_its_own(
    make_uow: Any, owner_id: int
) -> None:
    at = datetime.now(UTC).replace(microsecond=0) - timedelta(days=30)
    history = [
        Session(at + timedelta(days=d), sets=[PerformedSet("barbell-squat", 100 + d, 5)])
        for d in range(5)
    ]
    add_sessions(make_uow, owner_id, history)
    with make_uow() as uow:
        assert uow.analytics_cache.unsummarised(owner_id, SUMMARY_FORMAT) == []
        assert None not in uow.analytics_cache.summaries(owner_id, SUMMARY_FORMAT)
    open_id = sessions.start_session(make_uow, owner_id).id
    sessions.log_set(make_uow, owner_id, open_id, exercise="barbell-squat", weight=90, reps=5)
    with make_uow() as uow:
        stale = uow.analytics_cache.unsummarised(owner_id, SUMMARY_FORMAT)
        assert [s.id for s in stale] == [open_id]
        assert session_summaries.refresh(uow, owner_id) == 1
        uow.commit()
    with make_uow() as uow:
        assert uow.analytics_cache.unsummarised(owner_id, SUMMARY_FORMAT) == []
