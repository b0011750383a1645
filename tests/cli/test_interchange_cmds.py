"""`fitrec import` and `fitrec export` end to end on a SQLite file in a temp data dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fitrec.services.imports import SUMMARY_KEYS
from tests.cli.local import run

FILES = Path(__file__).resolve().parents[1] / "interchange" / "files"


def test_json_summary_has_exactly_the_documented_keys(data_dir: Path) -> None:
    code, out, err = run("import", str(FILES / "strong_2020.csv"), "--unit", "kg", "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert tuple(summary) == SUMMARY_KEYS
    assert summary["sessions"] == 2 and summary["rest_rows"] == 1


def test_text_report_lists_every_name_and_what_it_became(data_dir: Path) -> None:
    code, out, err = run("import", str(FILES / "hevy_kg.csv"), "--dry-run")
    assert code == 0, err
    assert "would add: 2 sessions" in out
    assert "Bench Press (Barbell)" in out and "barbell-bench-press" in out
    assert "post-exhaust pairs found: 1" in out
    code, out, _ = run("import", str(FILES / "hevy_kg.csv"), "--json")
    assert json.loads(out)["sessions"] == 2  # the dry run wrote nothing


def test_reimport_is_skipped(data_dir: Path) -> None:
    run("import", str(FILES / "liftosaur.csv"))
    code, out, _ = run("import", str(FILES / "liftosaur.csv"), "--json")
    assert code == 0 and json.loads(out)["skipped_sessions"] == 1


def test_missing_unit_and_bad_rows_are_clear_errors(data_dir: Path) -> None:
    code, _, err = run("import", str(FILES / "strong_no_header.csv"))
    assert code == 1 and "--unit kg or --unit lb" in err and "strong_no_header.csv" in err
    code, _, err = run("import", str(FILES / "strong_bad_reps.csv"), "--unit", "kg")
    assert code == 1 and 'row 3, column "Reps": "abc" is not a number' in err
    code, _, err = run("import", str(data_dir / "missing.csv"))
    assert code == 1 and "cannot read" in err


def test_write_mapping_then_apply_it(data_dir: Path) -> None:
    mapping = data_dir / "map.json"
    args = ("import", str(FILES / "fitnotes_ios.csv"), "--dry-run", "--json")
    code, out, _ = run(*args, "--write-mapping", str(mapping))
    assert code == 0 and json.loads(out)["custom_exercises"] == 1
    names = json.loads(mapping.read_text(encoding="utf-8"))
    names["names"]["Treadmill"]["slug"] = "barbell-squat"
    mapping.write_text(json.dumps(names), encoding="utf-8")
    code, out, _ = run(*args, "--mapping", str(mapping))
    assert code == 0 and json.loads(out)["custom_exercises"] == 0


def test_export_in_every_format(data_dir: Path) -> None:
    run("import", str(FILES / "strong_2020.csv"), "--unit", "kg")
    for fmt, start in (("json", "{"), ("csv", "session_id,"), ("strong", "Date,Workout Name")):
        target = data_dir / f"out.{fmt}"
        code, _, err = run("export", "--format", fmt, str(target))
        assert code == 0, err
        assert target.read_text(encoding="utf-8").startswith(start)
    code, out, _ = run("export", "--format", "csv", "-")
    assert code == 0 and out.count("\n") == 8
    code, _, err = run("export", "--format", "xml", str(data_dir / "x"))
    assert code == 1 and "json, csv or strong" in err


def test_forced_format(data_dir: Path) -> None:
    code, _, err = run("import", str(FILES / "hevy_kg.csv"), "--from", "wger")
    assert code == 1 and "unknown format" in err


def test_a_large_file_on_a_terminal_gets_a_progress_bar(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fitrec.cli import interchange_cmds

    assert not interchange_cmds._wants_progress(10)
    with interchange_cmds._progress(True, 8) as advance:
        assert advance is not None
        advance(8)
    monkeypatch.setattr(interchange_cmds, "_wants_progress", lambda size: True)
    code, out, err = run("import", str(FILES / "strong_2020.csv"), "--unit", "kg", "--json")
    assert code == 0, err
    assert json.loads(out)["sets"] == 7  # the bar goes to stderr, stdout stays one object


def test_jefit_and_gymbook_from_the_command_line(data_dir: Path) -> None:
    code, out, err = run("import", str(FILES / "jefit_full.csv"), "--dry-run")
    assert code == 0, err
    assert "jefit import would add: 2 sessions, 9 sets (1 warm-up)" in out
    assert "rows not imported: 5, routines listed as notes (not stored): 1" in out
    assert "CARDIO LOGS: 1 cardio log(s) not imported" in out
    code, out, err = run(
        "import", str(FILES / "jefit_full.csv"), "--from", "jefit", "--with-profile", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["not_imported"] == 3  # the profile rows were asked for
    code, out, _ = run("profile", "show", "--json")
    assert json.loads(out)["bodyweight"] == 180.5
    code, out, err = run("import", str(FILES / "gymbook_it.csv"), "--from", "gymbook", "--json")
    assert code == 0, err
    assert json.loads(out)["skipped_sets"] == 1
    code, _, err = run("import", str(FILES / "gymbook_it.csv"), "--from", "jefit")
    assert code == 1 and "a row outside any ### SECTION ###" in err
