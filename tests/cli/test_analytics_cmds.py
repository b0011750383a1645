"""The analytics commands end to end on a real SQLite file in a temp data dir."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from fitrec.cli.analytics_cmds import SPARKS, sparkline
from fitrec.config import get_settings
from tests.cli.local import run

PROGRAM = """program: Chest days
phase: hypertrophy
level: intermediate

## Day A
A1. Barbell Bench Press: 3×8 @ 80% 1RM
→ Rest 60 seconds
A2. Cable Flies: 3×12-15 @ 0 RIR
"""


def log_history(data_dir: Path, loads: list[float], recent: bool = False) -> None:
    from fitrec import bootstrap
    from fitrec.services.history import add_sessions
    from tests.services.test_analytics import START, chest_session, weeks_ago

    make_uow = bootstrap.uow_factory(get_settings())
    bootstrap.upgrade_database(get_settings().database_url)
    owner = bootstrap.local_owner_id(make_uow)
    start = weeks_ago(len(loads)) if recent else START
    add_sessions(make_uow, owner, [chest_session(w, kg, start=start) for w, kg in enumerate(loads)])


def test_sparkline_spans_the_blocks() -> None:
    assert sparkline([1, 2, 3]) == SPARKS[0] + SPARKS[4] + SPARKS[-1]
    assert sparkline([5, 5]) == SPARKS[3] * 2
    assert sparkline([]) == ""


def test_progress_json_and_table(data_dir: Path) -> None:
    log_history(data_dir, [100, 102.5, 105])
    code, out, _ = run("progress", "bench press", "--json")
    assert code == 0, out
    body = json.loads(out)
    assert list(body) == ["exercise", "series"]
    assert body["exercise"] == "barbell-bench-press"
    assert [p["e1rm_kg"] for p in body["series"]] == [126.67, 129.83, 133.0]
    code, out, _ = run("progress", "bench press")
    assert code == 0
    assert "▁" in out and "█" in out
    assert "Best e1RM 133.0 kg on 2024-03-18" in out


def test_progress_unknown_exercise_fails_on_stderr(data_dir: Path) -> None:
    code, _, err = run("progress", "qqqq zzzz")
    assert code == 1
    assert "exercise" in err


def test_next_shows_targets(data_dir: Path) -> None:
    (data_dir / "p.txt").write_text(PROGRAM, encoding="utf-8")
    assert run("programs", "add", str(data_dir / "p.txt"))[0] == 0
    log_history(data_dir, [100])
    code, out, _ = run("next")
    assert code == 0, out
    assert "Barbell Bench Press" in out and "102.5 kg" in out
    code, out, _ = run("next", "--json")
    targets = json.loads(out)["targets"]
    assert [t["label"] for t in targets] == ["A1", "A2"]


def test_check_json_has_lint_fields_and_decline(data_dir: Path) -> None:
    (data_dir / "p.txt").write_text(PROGRAM, encoding="utf-8")
    assert run("programs", "add", str(data_dir / "p.txt"))[0] == 0
    log_history(data_dir, [100, 99, 97, 95, 93, 91], recent=True)
    code, out, _ = run("check", "--json")
    assert code == 0, out
    rows = json.loads(out)
    assert any(r["code"] == "decline" and r["path"] == "history" for r in rows)
    for row in rows:
        assert {"path", "line", "column", "code", "severity", "message", "fix"} <= set(row)
    code, out, _ = run("check")
    assert "decline" in out


def test_volume_pairs_and_deload(data_dir: Path) -> None:
    (data_dir / "p.txt").write_text(PROGRAM, encoding="utf-8")
    assert run("programs", "add", str(data_dir / "p.txt"))[0] == 0
    log_history(data_dir, [100])
    code, out, _ = run("volume")
    assert code == 0 and "chest" in out
    code, out, _ = run("pairs", "--json")
    assert code == 0 and json.loads(out)[0]["isolation"] == "Cable Fly"
    code, out, _ = run("deload", "Chest days")
    assert code == 0 and "2×8 @ 72% 1RM" in out


def test_progress_shows_every_kind_of_record(data_dir: Path) -> None:
    log_history(data_dir, [100, 102.5, 105])
    code, out, _ = run("progress", "bench press")
    assert code == 0
    assert "Best session volume 3360 kg on 2024-03-18" in out
    assert "Best reps at a load: 105 kg × 8 (2024-03-18), 102.5 kg × 8 (2024-03-11)" in out


def test_volume_json_has_tonnage_per_group_and_exercise(data_dir: Path) -> None:
    log_history(data_dir, [100])
    code, out, _ = run("volume", "--json")
    assert code == 0
    [week] = json.loads(out)
    assert week["tonnage_by_exercise_kg"] == {"barbell-bench-press": 3200.0, "cable-fly": 900.0}
    assert week["tonnage_by_group_kg"]["chest"] == 3200.0 + 900.0
    assert week["sets_by_group"]["chest"] == 4 + 3


def test_next_without_any_program_says_how_to_add_one(data_dir: Path) -> None:
    code, _, err = run("next")
    assert code == 1
    assert "no program yet" in err and "fitrec templates copy" in err


HEVY_HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe"
)


# Twelve weeks from a Monday, ending about now: the check speaks about recent training only.
_BACK = datetime.now() - timedelta(days=84)
HEVY_START = (_BACK - timedelta(days=_BACK.weekday())).replace(
    hour=7, minute=30, second=0, microsecond=0
)


def hevy_file(path: Path, bench_kg: list[float]) -> Path:
    """A Hevy export, newest workout first: bench supersetted with flies, then squats."""
    workouts = []
    for i, kg in enumerate(bench_kg):
        day = HEVY_START + timedelta(days=(i // 2) * 7 + (i % 2) * 3)
        when = f'"{day:%d %b %Y, %H:%M}","{day + timedelta(hours=1):%d %b %Y, %H:%M}"'
        rows = []
        for k in range(3):
            rows.append(f"Chest,{when},,Bench Press (Barbell),0,,{k},normal,{kg},8,,,")
            rows.append(f"Chest,{when},,Cable Fly Crossovers,0,,{k},normal,20,15,,,")
        rows += [f"Chest,{when},,Squat (Barbell),,,{k},normal,120,8,,," for k in range(3)]
        workouts.append(rows)
    lines = [HEVY_HEADER] + [row for rows in reversed(workouts) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# Twelve weeks, two sessions a week; the first 18 rise slowly.
RISING = [100 + 2.5 * (i // 3) for i in range(18)]
FALLING_BENCH = [*RISING, 110, 107.5, 107.5, 102.5, 102.5, 100]  # 9 % down over 6 sessions
WOBBLING_BENCH = [100, 102.5, 97.5, 100, 102.5, 100, 97.5, 102.5] * 3  # ±2.5 %, no trend


@pytest.mark.parametrize(("bench", "declines"), [(FALLING_BENCH, True), (WOBBLING_BENCH, False)])
def test_an_imported_history_gives_decline_only_when_the_bench_falls(
    data_dir: Path, bench: list[float], declines: bool
) -> None:
    code, out, err = run("import", str(hevy_file(data_dir / "hevy.csv", bench)))
    assert code == 0, err
    code, out, _ = run("progress", "bench press", "--json")
    assert len(json.loads(out)["series"]) == len(bench)
    code, out, _ = run("check", "--json")
    assert code == 0
    found = [row for row in json.loads(out) if row["code"] == "decline"]
    if declines:
        [finding] = found
        assert finding["path"] == "history"
        assert "Barbell Bench Press" in finding["message"]
        assert "Barbell Bench Press → Cable Fly" in finding["message"]
        last = (HEVY_START + timedelta(days=80)).date().isoformat()
        assert last in finding["message"] and "fewer post-exhaust" in finding["fix"]
    else:
        assert found == []
    code, out, _ = run("volume", "--json")
    assert json.loads(out)[-1]["sets_by_group"]["chest"] == 12
