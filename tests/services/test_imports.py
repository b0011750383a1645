"""Imports and exports through the services on SQLite and PostgreSQL: atomic, idempotent."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType
from fitrec.domain.units import Unit
from fitrec.services.athletes import update_profile
from fitrec.services.errors import InvalidInput, NotFound
from fitrec.services.exercises import add_custom_exercise
from fitrec.services.exports import export_account
from fitrec.services.history import (
    add_sessions,
    confirm_session,
    flagged_sessions,
    load_history,
)
from fitrec.services.imports import SUMMARY_KEYS, ImportFailed, import_file
from fitrec.services.programs import create_program
from fitrec.services.users import ensure_user

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
        "notes": 3,
        "first_date": "2023-01-02",
        "last_date": "2023-01-05",
        "skipped_sets": 0,
        "not_imported": 0,
        "routines_as_notes": 0,
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
    with pytest.raises(ImportFailed, match="kg or lb") as caught:
        import_file(make_uow, owner_id, data("strong_no_header.csv"))
    assert caught.value.unit_required and "--unit" not in str(caught.value)
    with pytest.raises(InvalidInput, match="unit"):
        import_file(make_uow, owner_id, data("strong_no_header.csv"), unit="stone")


def test_a_file_without_a_unit_is_read_in_the_profile_unit(
    make_uow: Any, owner_id: int, tmp_path: Path
) -> None:
    update_profile(make_uow, owner_id, {"unit": "lb"})
    upload = tmp_path / "upload.csv"
    upload.write_bytes(data("strong_no_header.csv"))
    result = import_file(make_uow, owner_id, upload)
    assert result.summary.sessions >= 1
    assert {p.unit for s in load_history(make_uow, owner_id) for p in s.sets} == {Unit.LB}


def test_flagged_sets_are_stored_flagged_and_left_out_of_volume(
    make_uow: Any, owner_id: int
) -> None:
    result = import_file(make_uow, owner_id, data("strong_no_duration.csv"), unit="lb")
    assert result.summary.flagged == 2 and result.summary.volume_kg == 0
    assert all(p.flagged for p in load_history(make_uow, owner_id)[0].sets)


def test_a_264_hour_workout_is_stored_flagged_and_counted_once(
    make_uow: Any, owner_id: int
) -> None:
    result = import_file(make_uow, owner_id, data("strong_absurd_duration.csv"), unit="kg")
    assert result.summary.flagged == 1 and result.summary.sessions == 1
    (stored,) = load_history(make_uow, owner_id)
    assert stored.flagged and not stored.sets[0].flagged
    (listed,) = flagged_sessions(make_uow, owner_id)
    assert listed.session.id == stored.id and listed.duration_s == 264 * 3600 + 60
    assert "264 h" in listed.reason
    # A native export carries the flag across, and importing it again counts it once.
    exported = export_account(make_uow, owner_id, "json")
    assert json.loads(exported)["sessions"][0]["flagged"] is True
    copy_owner = ensure_user(make_uow, "copy-of-flagged")
    again = import_file(make_uow, copy_owner, exported.encode())
    assert again.summary.flagged == 1
    assert load_history(make_uow, copy_owner)[0].flagged


def test_confirming_a_flagged_workout_clears_the_flag(make_uow: Any, owner_id: int) -> None:
    import_file(make_uow, owner_id, data("strong_absurd_duration.csv"), unit="kg")
    (stored,) = load_history(make_uow, owner_id)
    assert stored.id is not None
    done = confirm_session(make_uow, owner_id, stored.id)
    assert not done.flagged and done.finished_at == stored.finished_at
    assert not load_history(make_uow, owner_id)[0].flagged
    assert flagged_sessions(make_uow, owner_id) == []


def test_correcting_a_flagged_workout_end_clears_the_flag(make_uow: Any, owner_id: int) -> None:
    import_file(make_uow, owner_id, data("strong_absurd_duration.csv"), unit="kg")
    (stored,) = load_history(make_uow, owner_id)
    assert stored.id is not None
    real_end = stored.started_at + timedelta(minutes=75)
    confirm_session(make_uow, owner_id, stored.id, finished_at=real_end)
    (after,) = load_history(make_uow, owner_id)
    assert not after.flagged and after.finished_at == real_end
    with pytest.raises(InvalidInput):
        confirm_session(make_uow, owner_id, stored.id, finished_at=stored.started_at)


def test_another_owner_cannot_confirm_a_workout(
    make_uow: Any, owner_id: int, other_owner_id: int
) -> None:
    import_file(make_uow, owner_id, data("strong_absurd_duration.csv"), unit="kg")
    (stored,) = load_history(make_uow, owner_id)
    assert stored.id is not None
    with pytest.raises(NotFound):
        confirm_session(make_uow, other_owner_id, stored.id)
    assert load_history(make_uow, owner_id)[0].flagged


def test_owners_do_not_see_each_others_imports(
    make_uow: Any, owner_id: int, other_owner_id: int
) -> None:
    import_file(make_uow, owner_id, data("liftosaur.csv"))
    result = import_file(make_uow, other_owner_id, data("liftosaur.csv"))
    assert result.summary.sessions == 1
    assert len(load_history(make_uow, other_owner_id)) == 1


def _comparable(text: str) -> dict[str, Any]:
    """An export without the ids a database hands out; a program link names the program."""
    document = json.loads(text)
    names = {p.pop("id"): p["name"] for p in document["programs"]}
    for session in document["sessions"]:
        session.pop("id")
        session.pop("import_key")
        link = session.pop("program_id")
        session["program"] = None if link is None else names[link]
    return document


def _links(make_uow: Any, owner: int) -> list[str | None]:
    """The name of the program each stored session is linked to, oldest session first."""
    with make_uow() as uow:
        names = {p.id: p.name for p in uow.programs.list(owner)}
    return [names[s.program_id] if s.program_id else None for s in load_history(make_uow, owner)]


def _reviews(make_uow: Any, owner: int) -> set[str]:
    with make_uow() as uow:
        return uow.exercises.needing_review(owner)


def test_native_export_into_an_empty_account_gives_the_same_account(
    make_uow: Any, owner_id: int, other_owner_id: int
) -> None:
    import_file(make_uow, owner_id, data("strong_2020.csv"), unit="kg")
    import_file(make_uow, owner_id, data("hevy_kg.csv"))
    program = create_program(make_uow, owner_id, PROGRAM)
    add_custom_exercise(
        make_uow, owner_id, name="Yoke", mechanic="compound", prime_movers=["quads"]
    )
    update_profile(make_uow, owner_id, {"unit": "lb", "level": "intermediate", "bodyweight": 180})
    logged = Session(
        started_at=datetime(2025, 10, 1, 9, 0, tzinfo=UTC),
        sets=[PerformedSet("barbell-bench-press", 100, 8, block_label="A", position=1)],
        feedback=[Feedback("A", pump=4, exhaustion=5, note="great pump")],
        workout_name="Day A",
        program_name="Chest post-exhaust",
        program_id=program.id,
    )
    add_sessions(make_uow, owner_id, [logged])
    exported = export_account(make_uow, owner_id, "json")
    assert _links(make_uow, owner_id)[-1] == "Chest post-exhaust"
    reviews = _reviews(make_uow, owner_id)
    assert reviews and "custom-yoke" not in reviews

    result = import_file(make_uow, other_owner_id, exported.encode())
    assert result.format == "native" and result.summary.sessions == 5 and result.programs == 1
    copy = export_account(make_uow, other_owner_id, "json")
    assert _comparable(copy) == _comparable(exported)
    # The copy's session follows the copy's own program, and only the same customs await review.
    assert _links(make_uow, other_owner_id) == _links(make_uow, owner_id)
    assert _reviews(make_uow, other_owner_id) == reviews

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


_accounts = itertools.count(1)
_notes = st.one_of(
    st.none(),
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=20),
)
_stored_sets = st.builds(
    PerformedSet,
    exercise_slug=st.sampled_from(["barbell-bench-press", "cable-fly", "barbell-squat"]),
    weight=st.floats(min_value=0, max_value=400, allow_nan=False),
    reps=st.integers(min_value=0, max_value=50),
    unit=st.sampled_from(Unit),
    set_type=st.sampled_from(SetType),
    block_label=st.one_of(st.none(), st.sampled_from(["A", "B"])),
    position=st.one_of(st.none(), st.integers(1, 3)),
    set_index=st.integers(1, 10),
    rpe=st.one_of(st.none(), st.sampled_from([6.0, 8.5, 10.0])),
    rir=st.one_of(st.none(), st.sampled_from([0.0, 2.0])),
    rest_before_s=st.one_of(st.none(), st.integers(0, 600)),
    note=_notes,
    flagged=st.booleans(),
)
_stored_sessions = st.builds(
    Session,
    started_at=st.integers(0, 10_000).map(
        lambda minutes: datetime(2024, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes * 97)
    ),
    sets=st.lists(_stored_sets, max_size=4),
    feedback=st.lists(
        st.builds(Feedback, st.sampled_from(["A", "B"]), st.integers(1, 5), st.integers(1, 5)),
        max_size=2,
        unique_by=lambda f: f.block_label,
    ),
    workout_name=_notes,
    note=_notes,
    source=st.sampled_from([None, "strong", "hevy"]),
    flagged=st.booleans(),
)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(_stored_sessions, st.booleans()), max_size=3, unique_by=lambda s: s[0].started_at
    ),
    st.lists(st.booleans(), max_size=2),
)
def test_export_import_export_through_the_database_is_a_fixed_point(
    make_uow: Any, linked_sessions: list[tuple[Session, bool]], reviews: list[bool]
) -> None:
    number = next(_accounts)
    owner = ensure_user(make_uow, f"source-{number}")
    copy_owner = ensure_user(make_uow, f"copy-{number}")
    program = create_program(make_uow, owner, PROGRAM)
    for index, needs_review in enumerate(reviews):
        add_custom_exercise(
            make_uow,
            owner,
            name=f"Custom {index}",
            mechanic="isolation",
            prime_movers=["chest"],
            needs_review=needs_review,
        )
    sessions = [
        replace(s, program_id=program.id if linked else None) for s, linked in linked_sessions
    ]
    add_sessions(make_uow, owner, sessions)
    exported = export_account(make_uow, owner, "json")
    result = import_file(make_uow, copy_owner, exported.encode())
    assert result.summary.sessions == len(sessions)
    assert _comparable(export_account(make_uow, copy_owner, "json")) == _comparable(exported)
    # Not only the text: the stored sessions themselves are the same, field by field, each
    # linked to the copy's own program.
    original, copied = load_history(make_uow, owner), load_history(make_uow, copy_owner)
    copied_program = {p.name: p.id for p in _programs(make_uow, copy_owner)}["Chest post-exhaust"]
    assert [replace(s, id=None, import_key=None) for s in copied] == [
        replace(s, id=None, import_key=None, program_id=copied_program if s.program_id else None)
        for s in original
    ]
    oldest_first = sorted(linked_sessions, key=lambda pair: pair[0].started_at)
    assert [s.program_id is not None for s in original] == [linked for _, linked in oldest_first]
    expected = {f"custom-custom-{i}" for i, review in enumerate(reviews) if review}
    assert _reviews(make_uow, copy_owner) == _reviews(make_uow, owner) == expected


def _programs(make_uow: Any, owner: int) -> list[Any]:
    with make_uow() as uow:
        return uow.programs.list(owner)
