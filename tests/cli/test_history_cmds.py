"""`fitrec history flagged` and confirming flagged sets and workouts, end to end on SQLite."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.local import run

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE"
)
STRONG = f"""\
{HEADER}
2024-03-01 18:00:00,Push,1h,Bench Press (Barbell),1,100,5,0,0,,,
2024-03-04 18:00:00,Push,1h,Bench Press (Barbell),1,600,1,0,0,,,
2024-03-04 18:00:00,Push,1h,Bench Press (Barbell),2,100,500,0,0,,,
2024-03-04 18:00:00,Push,1h,Squat (Barbell),1,120,5,0,0,,,
"""


def flagged() -> list[dict[str, Any]]:
    code, out, err = run("history", "flagged", "--json")
    assert code == 0, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def e1rm_series() -> list[float]:
    code, out, err = run("progress", "bench press", "--json")
    assert code == 0, err
    return [point["e1rm_kg"] for point in json.loads(out)["series"]]


@pytest.fixture
def imported(data_dir: Path) -> Path:
    path = data_dir / "strong.csv"
    path.write_text(STRONG, encoding="utf-8")
    code, out, err = run("import", str(path), "--unit", "kg", "--json")
    assert code == 0, err
    assert json.loads(out)["flagged"] == 2
    return path


def test_flagged_lists_exactly_the_implausible_imported_sets(imported: Path) -> None:
    rows = flagged()
    assert [(r["exercise"], r["weight"], r["unit"], r["reps"]) for r in rows] == [
        ("barbell-bench-press", 600, "kg", 1),
        ("barbell-bench-press", 100, "kg", 500),
    ]
    assert rows[0]["workout"] == "Push" and rows[0]["set_id"]
    assert "600 kg is implausible" in rows[0]["reason"]
    assert "500 reps is implausible" in rows[1]["reason"]
    code, out, _ = run("history", "flagged")
    assert code == 0 and rows[0]["set_id"] in out and rows[1]["set_id"] in out
    assert "fitrec log edit ID --confirm" in out


def test_a_confirmed_set_counts_in_progress_and_leaves_the_list(imported: Path) -> None:
    heavy, many = flagged()
    assert len(e1rm_series()) == 1  # the flagged 600 kg single is kept out
    code, out, err = run("log", "edit", heavy["set_id"], "--confirm")
    assert code == 0, err
    assert "flag cleared (confirmed)" in out and "600 kg × 1" in out
    series = e1rm_series()
    assert len(series) == 2 and max(series) >= 600
    assert [r["set_id"] for r in flagged()] == [many["set_id"]]


def test_correcting_reps_of_a_flagged_set_clears_the_flag(imported: Path) -> None:
    many = flagged()[1]
    code, out, err = run("log", "edit", many["set_id"], "--reps", "5")
    assert code == 0, err
    assert "100 kg × 5" in out and "flag cleared (corrected)" in out
    assert [r["reps"] for r in flagged()] == [1]


def test_editing_a_flagged_set_without_weight_or_reps_keeps_the_flag(imported: Path) -> None:
    heavy = flagged()[0]
    code, out, err = run("log", "edit", heavy["set_id"], "--note", "typo?")
    assert code == 0, err
    assert "still flagged" in out and "note 'typo?'" in out
    assert len(flagged()) == 2


def test_nothing_flagged_says_so(data_dir: Path) -> None:
    assert flagged() == []
    code, out, _ = run("history", "flagged")
    assert code == 0 and "No flagged sets or workouts." in out


ABSURD = f"""\
{HEADER}
2024-03-08 09:00:00,Legs,264h 1m,Squat (Barbell),1,100,5,0,0,,,
"""


@pytest.fixture
def left_running(data_dir: Path) -> Path:
    path = data_dir / "absurd.csv"
    path.write_text(ABSURD, encoding="utf-8")
    code, out, err = run("import", str(path), "--unit", "kg", "--json")
    assert code == 0, err
    assert json.loads(out)["flagged"] == 1
    return path


def test_a_workout_left_running_is_listed_then_confirmed(left_running: Path) -> None:
    (row,) = flagged()
    assert row["kind"] == "session" and row["workout"] == "Legs"
    assert row["duration_s"] == 264 * 3600 + 60 and "264 h" in row["reason"]
    code, out, _ = run("history", "flagged")
    assert code == 0 and row["session_id"] in out and "264 h" in out
    assert "fitrec history confirm ID" in out
    code, out, err = run("history", "confirm", row["session_id"])
    assert code == 0, err
    assert "not flagged" in out
    assert flagged() == []


def test_correcting_the_end_of_a_workout_clears_its_flag(left_running: Path) -> None:
    (row,) = flagged()
    code, out, err = run("history", "confirm", row["session_id"], "--finished", "2024-03-20")
    assert code == 0, err
    assert "(" in out and "not flagged" in out
    assert flagged() == []
    code, _, err = run("history", "confirm", row["session_id"], "--finished", "soon")
    assert code == 2 and "--finished" in err


def test_confirming_an_unknown_session_fails(data_dir: Path) -> None:
    code, _, err = run("history", "confirm", "0" * 32)
    assert code == 1 and "not found" in err


def test_sets_and_workouts_are_told_apart(imported: Path, left_running: Path) -> None:
    rows = flagged()
    assert [r["kind"] for r in rows] == ["set", "set", "session"]
