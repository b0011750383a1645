"""`fitrec plates` and `fitrec e1rm` as a lifter runs them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from fitrec.cli.main import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_plates_finds_the_loading_greedy_misses() -> None:
    code, out, _ = run("plates", "60", "--plates", "15x2,10x4", "--json")
    assert code == 0
    assert json.loads(out)["exact"] == {"total": 60.0, "per_side": [10.0, 10.0]}


def test_plates_table_shows_below_and_above() -> None:
    code, out, _ = run("plates", "101")
    assert code == 0
    assert "below" in out and "100 kg" in out and "25 + 15" in out
    assert "above" in out and "102.5 kg" in out and "25 + 15 + 1.25" in out


def test_plates_reads_the_unit_from_the_load() -> None:
    code, out, _ = run("plates", "225lb", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["unit"] == "lb" and data["bar"] == 45.0
    assert data["exact"]["per_side"] == [45.0, 45.0]


def test_plates_converts_the_load_to_the_chosen_unit() -> None:
    code, out, _ = run("plates", "100kg", "--unit", "lb", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["target"] == 220.462
    assert data["below"]["total"] == 220.0 and data["above"]["total"] == 225.0


def test_plates_custom_bar() -> None:
    code, out, _ = run("plates", "35", "--bar", "15", "--json")
    assert code == 0
    assert json.loads(out)["exact"]["per_side"] == [10.0]


def test_plates_names_a_bad_load_on_stderr() -> None:
    code, out, err = run("plates", "heavy")
    assert code == 2
    assert "LOAD" in err and "heavy" in err
    assert out == ""


def test_plates_names_a_bad_plate_item() -> None:
    code, _, err = run("plates", "100", "--plates", "25x8,ten")
    assert code == 2
    assert "plate item 2 'ten'" in err


def test_e1rm_prints_every_formula() -> None:
    code, out, _ = run("e1rm", "100kg", "10")
    assert code == 0
    for name in ("epley", "brzycki", "lander", "lombardi", "mayhew", "oconner", "wathan"):
        assert name in out
    assert "133.3 kg" in out and "125.0 kg" in out


def test_e1rm_with_rpe_adds_the_chart() -> None:
    code, out, _ = run("e1rm", "100", "5", "--rpe", "8", "--formula", "epley", "--json")
    assert code == 0
    estimates = json.loads(out)["estimates"]
    assert set(estimates) == {"rts", "epley"}
    assert round(estimates["rts"], 1) == 123.3


def test_e1rm_with_rir_matches_rpe() -> None:
    _, by_rir, _ = run("e1rm", "100", "5", "--rir", "2", "--json")
    _, by_rpe, _ = run("e1rm", "100", "5", "--rpe", "8", "--json")
    assert json.loads(by_rir) == json.loads(by_rpe)


def test_e1rm_marks_formulas_without_a_value() -> None:
    code, out, _ = run("e1rm", "100", "40", "--json")
    assert code == 0
    estimates = json.loads(out)["estimates"]
    assert estimates["brzycki"] is None and estimates["lander"] is None
    assert estimates["epley"] > 200


def test_e1rm_errors() -> None:
    assert run("e1rm", "100", "0")[0] == 2
    code, _, err = run("e1rm", "100", "5", "--rpe", "8", "--rir", "2")
    assert code == 2 and "exactly one" in err
    code, _, err = run("e1rm", "100", "5", "--formula", "nope")
    assert code == 2 and "'nope'" in err
