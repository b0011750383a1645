"""The logging and history commands end to end on a real SQLite file in a temp data dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fitrec.cli.log_cmds import parse_rest
from fitrec.cli.main import app
from fitrec.domain.sessions import PerformedSet, SetType
from fitrec.domain.units import Unit
from tests.cli.local import run, runner


def test_a_workout_from_template_to_history(data_dir: Path) -> None:
    assert run("templates", "copy", "Sample post-exhaust full body")[0] == 0
    code, out, _ = run("programs", "list", "--json")
    assert code == 0 and json.loads(out)[0]["name"] == "Sample post-exhaust full body"
    code, out, err = run("log", "start", "Sample post-exhaust full body", "Full body")
    assert code == 0, err
    code, out, err = run("log", "set", "Barbell Bench Press", "100kg", "8", "--rpe", "8")
    assert code == 0, err
    assert "A1 barbell-bench-press set 1: 100 kg × 8" in out
    code, out, err = run(
        "log", "set", "Cable Flies", "45lb", "15", "--rir", "0", "--rest", "1:00", "--id", "fly-1"
    )
    assert code == 0, err
    assert "A2 cable-fly" in out
    code, out, _ = run("log", "set", "Cable Flies", "45lb", "15", "--rir", "0", "--id", "fly-1")
    assert code == 0 and "already logged" in out
    code, out, err = run("log", "finish", "--pump", "4", "--exhaustion", "5", "--note", "good")
    assert code == 0, err
    assert "2 sets" in out
    session_id = out.split("finished session ")[1].split(":")[0]
    code, out, _ = run("history")
    assert code == 0 and "Sample post-exhaust" in out
    code, out, _ = run("history", "show", session_id)
    assert code == 0
    assert "fly-1" in out and "block A: pump 4, exhaustion 5" in out and "note: good" in out


def test_log_set_without_open_session_is_a_clear_error(data_dir: Path) -> None:
    code, _, err = run("log", "set", "bench press", "100", "8")
    assert code == 1
    assert "no open session" in err and "fitrec log start" in err


def test_log_set_rejects_negative_reps_and_unknown_exercise(data_dir: Path) -> None:
    run("templates", "copy", "Chest post-exhaust")
    run("log", "start", "Chest post-exhaust")
    code, _, err = run("log", "set", "bench press", "100", "-3")
    assert code == 1 and "error: reps: must be between 0 and 1000, got -3" in err
    code, _, err = run("log", "set", "bench press", "-100", "3")
    assert code == 1 and "error: weight: must be 0 or more" in err
    code, _, err = run("log", "set", "Bnch Prss Barbell", "100", "8")
    assert code == 1 and "error: exercise: unknown exercise 'Bnch Prss Barbell'" in err
    code, _, err = run("log", "set", "bench press", "heavy", "8")
    assert code == 1 and "error: weight: " in err
    code, _, err = run("log", "set", "bench press", "100", "8", "--type", "heavy")
    assert code == 1 and "error: --type: must be one of" in err
    code, _, err = run("log", "set", "bench press", "100", "8", "--rpe", "8", "--rir", "2")
    assert code == 1 and "error: --rir: " in err
    code, out, _ = run("history")
    assert code == 0 and "│ 0 " in out


def test_ids_in_history_are_whole_on_a_narrow_terminal(data_dir: Path) -> None:
    run("templates", "copy", "Chest post-exhaust")
    session_id = run("log", "start", "Chest post-exhaust")[1].split("session ")[1].rstrip(")\n")
    set_id = run("log", "set", "bench press", "100", "8")[1].split("(id ")[1].rstrip(")\n")
    for args, wanted in ((["history"], session_id), (["history", "show", session_id], set_id)):
        out = runner.invoke(app, args, env={"COLUMNS": "80"}).stdout
        rows = [line for line in out.splitlines() if line.startswith("│")]
        assert wanted in "".join(row.split("│")[-2].strip() for row in rows)


@pytest.mark.parametrize(
    ("text", "seconds"), [("90", 90), ("90s", 90), ("1:30", 90), ("2min", 120), ("1.5 min", 90)]
)
def test_rest_durations(text: str, seconds: int) -> None:
    assert parse_rest(text) == seconds


def test_rest_that_is_not_a_duration_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_rest("soon")


def test_finish_with_a_bad_rating_names_the_option_and_keeps_the_session_open(
    data_dir: Path,
) -> None:
    run("templates", "copy", "Chest post-exhaust")
    run("log", "start", "Chest post-exhaust")
    run("log", "set", "bench press", "100", "8")
    code, _, err = run("log", "finish", "--pump", "7")
    assert code == 1 and "error: --pump: must be a whole number from 1 to 5, got 7" in err
    code, _, err = run("log", "finish", "--pump", "3", "--exhaustion", "0")
    assert code == 1 and "error: --exhaustion: " in err
    code, out, err = run("log", "set", "bench press", "100", "7")
    assert code == 0 and "set 2" in out, err


def logged_bench(set_id: str = "bench-1") -> str:
    """Start a Chest session and log one bench set with a known id."""
    run("templates", "copy", "Chest post-exhaust")
    run("log", "start", "Chest post-exhaust")
    code, _, err = run("log", "set", "bench press", "100", "8", "--rpe", "8", "--id", set_id)
    assert code == 0, err
    return set_id


def stored(set_id: str) -> PerformedSet:
    from fitrec.cli.store_cmds import LocalContext
    from fitrec.services.history import get_set

    ctx = LocalContext()
    return get_set(ctx.make_uow, ctx.owner_id, set_id)


def test_edit_changes_the_stored_set(data_dir: Path) -> None:
    set_id = logged_bench()
    code, out, err = run(
        "log", "edit", set_id, "--weight", "102.5kg", "--reps", "7", "--rir", "2",
        "--type", "failure", "--rest", "1:30", "--note", "grindy",
    )  # fmt: skip
    assert code == 0, err
    assert "corrected A1 barbell-bench-press set 1: 102.5 kg × 7, 2 RIR, failure" in out
    after = stored(set_id)
    assert (after.weight, after.unit, after.reps) == (102.5, Unit.KG, 7)
    assert (after.rpe, after.rir, after.set_type) == (None, 2, SetType.FAILURE)
    assert (after.rest_before_s, after.note) == (90, "grindy")
    code, _, err = run("log", "edit", set_id, "--weight", "225lb", "--note", "")
    assert code == 0, err
    after = stored(set_id)
    assert (after.weight, after.unit, after.reps, after.note) == (225, Unit.LB, 7, None)


def test_confirming_a_flagged_set_puts_it_into_progress(data_dir: Path) -> None:
    from fitrec.cli.store_cmds import LocalContext
    from fitrec.services.sessions import correct_set

    set_id = logged_bench()
    ctx = LocalContext()
    correct_set(ctx.make_uow, ctx.owner_id, set_id, {"flagged": True})
    code, out, _ = run("progress", "bench press", "--json")
    assert code == 0 and json.loads(out)["series"] == []
    code, out, _ = run("history", "flagged", "--json")
    assert [row["set_id"] for row in json.loads(out)] == [set_id]
    assert json.loads(out)[0]["reason"] == "implausible value"
    code, out, err = run("log", "edit", set_id, "--confirm")
    assert code == 0, err
    assert "flag cleared (confirmed)" in out and "100 kg × 8" in out
    assert not stored(set_id).flagged
    code, out, _ = run("progress", "bench press", "--json")
    assert [point["weight_kg"] for point in json.loads(out)["series"]] == [100]
    assert json.loads(run("history", "flagged", "--json")[1]) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reps", "-3"], "error: --reps: must be between 0 and 1000, got -3"),
        (["--weight", "-5"], "error: --weight: must be 0 or more"),
        (["--weight", "heavy"], "error: --weight: "),
        (["--weight", "5000"], "error: --weight: must be between 0 and 1500 kg"),
        (["--rpe", "11"], "error: --rpe: "),
        (["--rir", "12"], "error: --rir: "),
        (["--rpe", "8", "--rir", "2"], "error: --rir: give RPE or RIR, not both"),
        (["--type", "heavy"], "error: --type: must be one of"),
        (["--rest", "soon"], "error: --rest: "),
        (["--note", "x" * 2001], "error: --note: "),
        ([], "nothing to change"),
    ],
)
def test_edit_with_a_bad_value_names_the_option_and_changes_nothing(
    data_dir: Path, args: list[str], message: str
) -> None:
    set_id = logged_bench()
    code, _, err = run("log", "edit", set_id, *args)
    assert code == 1 and message in err
    after = stored(set_id)
    assert (after.weight, after.reps, after.rpe, after.note) == (100, 8, 8, None)


def test_edit_of_an_unknown_or_another_owners_set_is_not_found(data_dir: Path) -> None:
    from fitrec.cli.store_cmds import LocalContext
    from fitrec.services.sessions import log_set, start_session
    from fitrec.services.users import ensure_user

    ctx = LocalContext()
    other = ensure_user(ctx.make_uow, "someone-else")
    start_session(ctx.make_uow, other, workout="Push")
    log_set(ctx.make_uow, other, None, exercise="bench press", weight=80, reps=5, set_id="theirs")
    code, _, err = run("log", "edit", "theirs", "--reps", "6", "--confirm")
    assert code == 1 and "error: set 'theirs' not found" in err
    code, _, err = run("log", "edit", "no-such-set", "--confirm")
    assert code == 1 and "error: set 'no-such-set' not found" in err
    from fitrec.services.history import get_set

    assert get_set(ctx.make_uow, other, "theirs").reps == 5
