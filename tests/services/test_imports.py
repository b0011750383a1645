"""Imports and exports through the services on SQLite and PostgreSQL: atomic, idempotent."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from fitrec.domain.sessions import Feedback, PerformedSet, Session
from fitrec.services.athletes import update_profile
from fitrec.services.errors import InvalidInput
from fitrec.services.exports import export_account
from fitrec.services.history import add_sessions, load_history
from fitrec.services.imports import SUMMARY_KEYS, ImportFailed, import_file
from fitrec.services.programs import create_program

FILES = Path(__file__).resolve().parents[1] / "interchange" / "files"
PROGRAM = """program: Chest post-exhaust
phase: hypertrophy
level: intermediate

## Day A
A1. Barbell Bench Press: 4×8 @ 80% 1RM
→ Rest 60 seconds
A2. Cable Flies: 4×15 @ 0 RIR
"""


def data(name: str) -> bytes:
    return (FILES / name).read_bytes()


def test_an_import_adds_sessions_and_reports_them(make_uow: Any, owner_id: int) -> None:
    result = import_file(make_uow, owner_id, data("strong_2020.csv"), unit="kg")
    summary = result.summary.to_dict()
    assert tuple(summary) == SUMMARY_KEYS
    assert summary == {
        "sessions": 2,
        "sets": 7,
        "rest_rows": 1,
        "warmup_sets": 1,
        "exercises": 3,
        "custom_exercises": 1,
        "flagged": 0,
        "volume_kg": 4380.0,
        "skipped_sessions": 0,
    }
    history = load_history(make_uow, owner_id)
    assert [len(s.sets) for s in history] == [5, 2]
    assert history[0].sets[2].rest_before_s == 90
    assert history[0].source == "strong"


def test_importing_the_same_file_again_adds_nothing(make_uow: Any, owner_id: int) -> None:
    import_file(make_uow, owner_id, data("hevy_kg.csv"))
    again = import_file(make_uow, owner_id, data("hevy_kg.csv"))
    assert again.summary.sessions == 0 and again.summary.skipped_sessions == 2
    assert len(load_history(make_uow, owner_id)) == 2


def test_a_dry_run_writes_nothing(make_uow: Any, owner_id: int) -> None:
    result = import_file(make_uow, owner_id, data("fitnotes_ios.csv"), dry_run=True)
    assert result.summary.sessions == 1 and result.summary.custom_exercises == 1
    assert load_history(make_uow, owner_id) == []


def test_a_file_failing_part_way_leaves_the_database_as_it_was(
    make_uow: Any, owner_id: int
) -> None:
    import_file(make_uow, owner_id, data("strong_2016_kg.csv"))
    before = load_history(make_uow, owner_id)
    with pytest.raises(ImportFailed) as caught:
        import_file(make_uow, owner_id, data("strong_bad_reps.csv"), unit="kg")
    assert caught.value.row == 3 and caught.value.column == "Reps"
    assert 'row 3, column "Reps": "abc" is not a number' in caught.value.message
    assert load_history(make_uow, owner_id) == before


def test_a_missing_unit_is_a_clear_error(make_uow: Any, owner_id: int) -> None:
    with pytest.raises(ImportFailed, match="--unit"):
        import_file(make_uow, owner_id, data("strong_no_header.csv"))
    with pytest.raises(InvalidInput, match="unit"):
        import_file(make_uow, owner_id, data("strong_no_header.csv"), unit="stone")


def test_flagged_sets_are_stored_flagged_and_left_out_of_volume(
    make_uow: Any, owner_id: int
) -> None:
    result = import_file(make_uow, owner_id, data("strong_no_duration.csv"), unit="lb")
    assert result.summary.flagged == 2 and result.summary.volume_kg == 0
    assert all(p.flagged for p in load_history(make_uow, owner_id)[0].sets)


def test_owners_do_not_see_each_others_imports(
    make_uow: Any, owner_id: int, other_owner_id: int
) -> None:
    import_file(make_uow, owner_id, data("liftosaur.csv"))
    result = import_file(make_uow, other_owner_id, data("liftosaur.csv"))
    assert result.summary.sessions == 1
    assert len(load_history(make_uow, other_owner_id)) == 1


def _comparable(text: str) -> dict[str, Any]:
    """An export without the ids a database hands out."""
    document = json.loads(text)
    for session in document["sessions"]:
        session.pop("id")
        session.pop("import_key")
    return document


def test_native_export_into_an_empty_account_gives_the_same_account(
    make_uow: Any, owner_id: int, other_owner_id: int
) -> None:
    import_file(make_uow, owner_id, data("strong_2020.csv"), unit="kg")
    import_file(make_uow, owner_id, data("hevy_kg.csv"))
    create_program(make_uow, owner_id, PROGRAM)
    update_profile(make_uow, owner_id, {"unit": "lb", "level": "intermediate", "bodyweight": 180})
    logged = Session(
        started_at=datetime(2025, 10, 1, 9, 0, tzinfo=UTC),
        sets=[PerformedSet("barbell-bench-press", 100, 8, block_label="A", position=1)],
        feedback=[Feedback("A", pump=4, exhaustion=5, note="great pump")],
        workout_name="Day A",
    )
    add_sessions(make_uow, owner_id, [logged])
    exported = export_account(make_uow, owner_id, "json")

    result = import_file(make_uow, other_owner_id, exported.encode())
    assert result.format == "native" and result.summary.sessions == 5 and result.programs == 1
    copy = export_account(make_uow, other_owner_id, "json")
    assert _comparable(copy) == _comparable(exported)

    again = import_file(make_uow, other_owner_id, exported.encode())
    assert again.summary.sessions == 0 and again.summary.skipped_sessions == 5
    assert export_account(make_uow, other_owner_id, "json") == copy


def test_csv_and_strong_exports(make_uow: Any, owner_id: int) -> None:
    import_file(make_uow, owner_id, data("strong_semicolon_mixed.csv"))
    table = export_account(make_uow, owner_id, "csv")
    assert table.startswith("session_id,started_at,")
    assert len(table.strip().splitlines()) == 3
    strong = export_account(make_uow, owner_id, "strong", unit="lb")
    assert strong.startswith("Date,Workout Name,Duration,Exercise Name,Set Order,Weight")
    assert ",Dumbbell Curl,1,44.092,12," in strong
    with pytest.raises(InvalidInput, match="format"):
        export_account(make_uow, owner_id, "xml")
