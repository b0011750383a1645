"""Repositories on SQLite and PostgreSQL: round trips, owner scoping, bulk paths."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import text

from fitrec.domain.programs import (
    Block,
    Effort,
    EffortType,
    Entry,
    Level,
    Load,
    LoadType,
    Phase,
    Placement,
    Prescription,
    Program,
    Workout,
)
from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType
from fitrec.domain.units import Unit
from fitrec.services.errors import Conflict
from fitrec.store.database import make_engine
from fitrec.textformat import format_program
from tests.textformat.strategies import programs as notation_programs

T0 = datetime(2024, 3, 4, 17, 30, tzinfo=UTC)


def a_program(name: str = "Push") -> Program:
    return Program(
        name=name,
        phase=Phase.HYPERTROPHY,
        level=Level.INTERMEDIATE,
        training_age_months=24,
        workouts=[
            Workout(
                name="Day A",
                blocks=[
                    Block(
                        label="A",
                        title="Post-Exhaust Pair 1 - Chest",
                        entries=[
                            Entry(
                                "Barbell Bench Press",
                                Prescription(4, 8, 8, Load(LoadType.PERCENT_1RM, 80.0)),
                                exercise_slug="barbell-bench-press",
                                rest_after_s=60,
                            ),
                            Entry(
                                "Cable Flies",
                                Prescription(4, 12, 15, None, Effort(EffortType.RIR, 0.0, 1.0)),
                                exercise_slug="cable-fly",
                                rest_after_s=120,
                                placement=Placement.FINISHER,
                            ),
                        ],
                    ),
                    Block(
                        label="B",
                        entries=[
                            Entry(
                                "Dips",
                                Prescription(
                                    3, 10, 10, Load(LoadType.ABSOLUTE, 20.0, unit=Unit.KG)
                                ),
                                exercise_slug="dips",
                                note="slow",
                            )
                        ],
                    ),
                ],
            ),
            Workout(name="Day B"),
        ],
    )


def test_program_round_trips_through_the_tables(make_uow, owner_id: int) -> None:
    program = a_program()
    with make_uow() as uow:
        program_id = uow.programs.add(owner_id, program, template="Chest post-exhaust")
        uow.commit()
    with make_uow() as uow:
        record = uow.programs.get(owner_id, program_id)
    assert record is not None
    assert record.program == program
    assert record.template == "Chest post-exhaust"
    assert record.program.workouts[0].blocks[0].transition_rest_s == 60


def test_program_of_another_owner_is_not_found(make_uow, owner_id: int, other_owner_id: int):
    with make_uow() as uow:
        program_id = uow.programs.add(owner_id, a_program())
        uow.commit()
    with make_uow() as uow:
        assert uow.programs.get(other_owner_id, program_id) is None
        assert uow.programs.id_by_name(other_owner_id, "Push") is None
        assert not uow.programs.delete(other_owner_id, program_id)
        assert uow.programs.list(other_owner_id) == []
        assert uow.programs.id_by_name(owner_id, "push") == program_id


def test_replace_keeps_the_id_and_drops_old_children(make_uow, owner_id: int) -> None:
    with make_uow() as uow:
        program_id = uow.programs.add(owner_id, a_program())
        uow.commit()
    smaller = Program(name="Push v2", workouts=[Workout(name="Only day")])
    with make_uow() as uow:
        uow.programs.replace(owner_id, program_id, smaller)
        uow.commit()
    with make_uow() as uow:
        record = uow.programs.get(owner_id, program_id)
        assert record is not None and record.program == smaller
        [summary] = uow.programs.list(owner_id)
        assert summary.workouts == ("Only day",)


def _set(client_id: str, slug: str = "barbell-bench-press", **kw) -> PerformedSet:
    values = {"weight": 100.0, "reps": 8, "block_label": "A", "position": 1}
    values.update(kw)
    return PerformedSet(exercise_slug=slug, id=client_id, **values)


def test_sets_are_unique_per_owner_and_client_id(make_uow, owner_id: int) -> None:
    with make_uow() as uow:
        sid = uow.sessions.start(
            owner_id, started_at=T0, program_id=None, program_name=None, workout_name="Free"
        )
        row = uow.sessions.open_session(owner_id, sid)
        assert row is not None
        uow.sessions.insert_set(owner_id, row.row_id, _set("s1"))
        uow.commit()
    with pytest.raises(Conflict), make_uow() as uow:
        uow.sessions.insert_set(owner_id, row.row_id, _set("s1"))
        uow.commit()
    with make_uow() as uow:
        found = uow.sessions.find_set(owner_id, "s1")
        assert found is not None and found[0] == sid
        assert found[1].weight == 100.0 and found[1].unit is Unit.KG


def test_history_loads_sessions_sets_and_feedback_in_order(
    make_uow, owner_id: int, other_owner_id: int
) -> None:
    sessions = [
        Session(
            started_at=T0 + timedelta(days=d),
            finished_at=T0 + timedelta(days=d, hours=1),
            workout_name="Day A",
            program_name="Push",
            note=f"day {d}",
            import_key=f"k{d}",
            source="strong",
            sets=[
                _set(f"{d}-1", weight=100.0 + d, unit=Unit.KG, rpe=8.0),
                _set(f"{d}-2", slug="cable-fly", weight=45.0, unit=Unit.LB, position=2, rir=0.0),
                _set(f"{d}-3", set_type=SetType.WARMUP, weight=60.0, flagged=True),
            ],
            feedback=[Feedback("A", pump=4, exhaustion=5, note="burn")],
        )
        for d in (2, 0, 1)
    ]
    with make_uow() as uow:
        ids = uow.sessions.add_many(owner_id, sessions)
        uow.sessions.add_many(other_owner_id, [Session(started_at=T0, sets=[_set("x")])])
        uow.commit()
    assert len(ids) == 3
    with make_uow() as uow:
        history = uow.sessions.history(owner_id)
        flies = uow.sessions.history(owner_id, exercise_slug="cable-fly")
        recent = uow.sessions.history(owner_id, since=T0 + timedelta(days=1))
        keys = uow.sessions.import_keys(owner_id)
    assert [s.note for s in history] == ["day 0", "day 1", "day 2"]
    first = history[0]
    assert first.started_at == T0 and first.source == "strong"
    assert [p.id for p in first.sets] == ["0-1", "0-2", "0-3"]
    assert first.sets[1].unit is Unit.LB and first.sets[1].rir == 0.0
    assert first.sets[2].flagged and first.sets[2].set_type is SetType.WARMUP
    assert first.feedback == [Feedback("A", pump=4, exhaustion=5, note="burn")]
    assert all(len(s.sets) == 1 for s in flies)
    with make_uow() as uow:
        whole = uow.sessions.history(owner_id, exercise_slug="cable-fly", whole_sessions=True)
        none = uow.sessions.history(owner_id, exercise_slug="dips", whole_sessions=True)
    assert [[p.id for p in s.sets] for s in whole] == [[p.id for p in s.sets] for s in history]
    assert none == []
    assert len(recent) == 2
    assert keys == {"k0", "k1", "k2"}


def test_list_counts_working_sets_and_volume_newest_first(make_uow, owner_id: int) -> None:
    with make_uow() as uow:
        uow.sessions.add_many(
            owner_id,
            [
                Session(started_at=T0, sets=[_set("a", weight=100.0, reps=5)]),
                Session(
                    started_at=T0 + timedelta(days=1),
                    sets=[_set("b", weight=50.0, reps=10), _set("c", set_type=SetType.WARMUP)],
                ),
            ],
        )
        uow.commit()
    with make_uow() as uow:
        summaries = uow.sessions.list(owner_id)
    assert [(s.set_count, s.volume_kg) for s in summaries] == [(1, 500.0), (1, 500.0)]
    assert summaries[0].started_at > summaries[1].started_at


def test_a_failed_unit_of_work_leaves_nothing(make_uow, owner_id: int) -> None:
    with pytest.raises(RuntimeError), make_uow() as uow:
        uow.programs.add(owner_id, a_program())
        raise RuntimeError("boom")
    with make_uow() as uow:
        assert uow.programs.list(owner_id) == []


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    engine.dispose()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(program=notation_programs())
def test_anything_the_notation_writes_round_trips_through_the_tables(
    make_uow, owner_id: int, program: Program
) -> None:
    with make_uow() as uow:
        program_id = uow.programs.add(owner_id, program)
        uow.commit()
    try:
        with make_uow() as uow:
            record = uow.programs.get(owner_id, program_id)
        assert record is not None
        assert record.program == program
        assert format_program(record.program) == format_program(program)
    finally:
        with make_uow() as uow:
            uow.programs.delete(owner_id, program_id)
            uow.commit()


@pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_a_bulk_import_refreshes_postgresql_statistics(make_uow, owner_id: int) -> None:  # type: ignore[no-untyped-def]
    # Never analysed, a table has reltuples -1 and is planned as nearly empty.
    imported = [
        Session(
            started_at=T0 + timedelta(days=day),
            sets=[PerformedSet("barbell-bench-press", 100, 5, id=f"{day}-{k}") for k in range(25)],
        )
        for day in range(40)
    ]
    reltuples_query = "SELECT reltuples FROM pg_class WHERE relname = 'performed_sets'"
    with make_uow() as uow:
        uow.sessions.add_many(owner_id, imported)
        uow.commit()
    with make_uow(read_only=True) as uow:
        assert uow._db.execute(text(reltuples_query)).scalar_one() == 1000
