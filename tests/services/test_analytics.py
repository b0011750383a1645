from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fitrec.domain.sessions import PerformedSet, Session
from fitrec.planning.targets import TargetRule
from fitrec.services import analytics
from fitrec.services.athletes import update_profile
from fitrec.services.errors import InvalidInput, NotFound
from fitrec.services.history import add_sessions
from fitrec.services.programs import create_program, edit_program
from fitrec.services.sessions import finish_session, log_set, start_session

PROGRAM = """program: Chest days
phase: hypertrophy
level: intermediate

## Day A
A1. Barbell Bench Press: 4×8 @ 80% 1RM
→ Rest 60 seconds
A2. Cable Flies: 3×12-15 @ 0 RIR

## Day B
B1. Barbell Squats: 4×10 @ 75% 1RM
"""

START = datetime(2024, 3, 4, 18, 0)


def weeks_ago(weeks: int) -> datetime:
    """A start `weeks` before now, so that a history of that many weeks ends about now."""
    return (datetime.now(UTC) - timedelta(weeks=weeks)).replace(tzinfo=None, microsecond=0)


def chest_session(
    week: int, bench_kg: float, fly_reps: int = 15, start: datetime = START
) -> Session:
    sets = []
    for i in range(4):
        sets.append(
            PerformedSet(
                "barbell-bench-press",
                bench_kg,
                8,
                block_label="A",
                position=1,
                set_index=i + 1,
                rest_before_s=180,
            )
        )
        if i < 3:
            sets.append(
                PerformedSet(
                    "cable-fly",
                    20,
                    fly_reps,
                    block_label="A",
                    position=2,
                    set_index=i + 1,
                    rir=0,
                    rest_before_s=60,
                )
            )
    return Session(
        start + timedelta(weeks=week), sets, workout_name="Day A", program_name="Chest days"
    )


def test_progress_series_and_records(make_uow, owner_id) -> None:  # type: ignore[no-untyped-def]
    add_sessions(make_uow, owner_id, [chest_session(w, 100 + 2.5 * w) for w in range(3)])
    report = analytics.progress(make_uow, owner_id, "Bench Press")
    assert report.exercise.slug == "barbell-bench-press"
    body = report.to_dict()
    assert set(body) == {"exercise", "series"}
    assert [p["date"] for p in body["series"]] == ["2024-03-04", "2024-03-11", "2024-03-18"]
    assert body["series"][0]["e1rm_kg"] == pytest.approx(126.67)
    assert report.records is not None and report.records.e1rm is not None
    assert report.records.e1rm.date.isoformat() == "2024-03-18"


def test_progress_never_counts_a_set_done_right_after_its_blocks_isolation(
    make_uow, owner_id
) -> None:  # type: ignore[no-untyped-def]
    def bench(kg: float, rest: int | None) -> PerformedSet:
        return PerformedSet(
            "barbell-bench-press", kg, 8, block_label="A", position=1, rest_before_s=rest
        )

    fly = PerformedSet("cable-fly", 20, 15, block_label="A", position=2, rir=0, rest_before_s=60)
    # The heavier second bench set came 60 s after the flies: pre-tired, not fresh.
    add_sessions(make_uow, owner_id, [Session(START, [bench(100, None), fly, bench(110, 60)])])
    [point] = analytics.progress(make_uow, owner_id, "Bench Press").series
    assert (point.weight_kg, point.e1rm_kg) == (100, pytest.approx(126.67))


def test_progress_of_an_unknown_lift_is_invalid(make_uow, owner_id) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput):
        analytics.progress(make_uow, owner_id, "Bnch Prss Xyz")


def test_next_targets_for_the_next_workout(make_uow, owner_id) -> None:  # type: ignore[no-untyped-def]
    create_program(make_uow, owner_id, PROGRAM)
    update_profile(make_uow, owner_id, {"one_rep_maxes_kg": {"barbell-squat": 140}})
    add_sessions(make_uow, owner_id, [chest_session(0, 100, fly_reps=13)])
    plan = analytics.next_session(make_uow, owner_id)
    assert (plan.program, plan.workout) == ("Chest days", "Day B")
    (squat,) = plan.targets
    assert (squat.rule, squat.load) == (TargetRule.FROM_E1RM, 105.0)
    day_a = analytics.next_session(make_uow, owner_id, workout="Day A")
    bench, fly = day_a.targets
    assert (bench.rule, bench.load) == (TargetRule.STEP_UP, 102.5)  # 4×8 done: +2 × 1.25 kg
    assert (fly.rule, fly.reps, fly.load) == (TargetRule.REPS_UP, 14, 20.0)


def test_the_next_workout_follows_a_renamed_program(make_uow, owner_id) -> None:  # type: ignore[no-untyped-def]
    program = create_program(make_uow, owner_id, PROGRAM)
    now = datetime.now(UTC)
    started = start_session(
        make_uow, owner_id, program=program.id, workout="Day A", started_at=now
    ).id
    log_set(make_uow, owner_id, started, exercise="Bench Press", weight=100, reps=8)
    finish_session(make_uow, owner_id, started)
    edit_program(make_uow, owner_id, program.id, PROGRAM.replace("Chest days", "Chest & legs"))
    # A new program under the old name must not be taken for the renamed one.
    create_program(make_uow, owner_id, PROGRAM)
    plan = analytics.next_session(make_uow, owner_id, program.id)
    assert (plan.program, plan.workout) == ("Chest & legs", "Day B")
    assert analytics.next_session(make_uow, owner_id, "Chest days").workout == "Day A"


def test_next_without_programs_is_not_found(make_uow, owner_id) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound):
        analytics.next_session(make_uow, owner_id)


def test_check_reports_decline_beside_lint_findings(make_uow, owner_id) -> None:  # type: ignore[no-untyped-def]
    create_program(make_uow, owner_id, PROGRAM)
    loads = [100, 99, 97, 95, 93, 91]
    start = weeks_ago(len(loads))
    add_sessions(
        make_uow, owner_id, [chest_session(w, kg, start=start) for w, kg in enumerate(loads)]
    )
    report = analytics.check(make_uow, owner_id)
    rows = report.to_dicts()
    decline = [r for r in rows if r["code"] == "decline"]
    assert len(decline) == 1
    assert decline[0]["path"] == "history"
    assert "Cable Fly" in decline[0]["message"]
    assert {"path", "line", "column", "code", "severity", "message", "fix"} <= set(rows[0])


def test_after_a_long_break_check_says_how_long_and_where_to_restart(make_uow, owner_id) -> None:  # type: ignore[no-untyped-def]
    create_program(make_uow, owner_id, PROGRAM)
    update_profile(make_uow, owner_id, {"unit": "lb"})
    loads = [100, 99, 97, 95, 93, 91]  # a decline, but ten months ago
    start = weeks_ago(len(loads) + 43)
    add_sessions(
        make_uow, owner_id, [chest_session(w, kg, start=start) for w, kg in enumerate(loads)]
    )
    rows = analytics.check(make_uow, owner_id).to_dicts()
    assert not [r for r in rows if r["code"] == "decline"]
    (pause,) = [r for r in rows if r["code"] == "long-break"]
    assert "about 10 months ago" in pause["message"]
    # 44 weeks off: 30 % lighter (the most): 91 kg -> 63.7 kg = 140.4 lb, down to 140 lb.
    assert "Restart 30 % below" in pause["fix"]
    assert "Barbell Bench Press 140 lb" in pause["fix"] and " kg" not in pause["fix"]


def test_volume_pairs_and_deload(make_uow, owner_id) -> None:  # type: ignore[no-untyped-def]
    create_program(make_uow, owner_id, PROGRAM)
    add_sessions(make_uow, owner_id, [chest_session(0, 100)])
    report = analytics.volume(make_uow, owner_id)
    assert report.weeks[0].sets_by_exercise == {"barbell-bench-press": 4, "cable-fly": 3}
    assert report.latest[0].group.value == "chest" and report.latest[0].sets == 7
    (trend,) = analytics.pair_trends(make_uow, owner_id)
    assert trend.points[0].isolation_sets == 3
    text = analytics.deload_text(make_uow, owner_id, "Chest days")
    assert "Barbell Bench Press: 2×8 @ 72% 1RM" in text
    assert "Cable Flies: 3×12-15 @ 0 RIR" in text


def test_targets_and_checks_read_only_recent_training(make_uow, owner_id) -> None:  # type: ignore[no-untyped-def]
    old = chest_session(0, 100)
    recent = chest_session(0, 90)
    recent.started_at = datetime.now() - timedelta(days=3)
    add_sessions(make_uow, owner_id, [old, recent])
    with make_uow() as uow:
        window = analytics.recent_history(uow, owner_id)
    assert [s.sets[0].weight for s in window] == [90]


def test_with_no_recent_training_the_whole_history_is_read(make_uow, owner_id) -> None:  # type: ignore[no-untyped-def]
    add_sessions(make_uow, owner_id, [chest_session(w, 100) for w in range(2)])
    with make_uow() as uow:
        assert len(analytics.recent_history(uow, owner_id)) == 2
