"""The profile commands end to end on a real SQLite file in a temp data dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitrec.cli.profile_cmds import parse_training_age, plate_pairs
from fitrec.domain.plates import format_plate_spec
from tests.cli.local import run


def test_show_before_any_set_gives_the_defaults(data_dir: Path) -> None:
    code, out, err = run("profile", "show", "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "unit": "kg",
        "level": None,
        "training_age_months": None,
        "bodyweight": None,
        "bar_weight": None,
        "plates": None,
        "one_rep_maxes_kg": {},
    }
    code, out, _ = run("profile", "show")
    assert code == 0
    assert "20 kg (default)" in out and "25x8,20x4" in out


def test_set_then_show_round_trip(data_dir: Path) -> None:
    code, _, err = run(
        "profile",
        "set",
        "--unit",
        "kg",
        "--level",
        "advanced",
        "--training-age",
        "18 months",
        "--bodyweight",
        "82kg",
        "--bar",
        "15",
        "--plates",
        "25x8,20x4,1.25x2",
        "--1rm",
        "bench press=100kg",
        "--1rm",
        "Barbell Squat=315lb",
    )
    assert code == 0, err
    code, out, err = run("profile", "show", "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "unit": "kg",
        "level": "advanced",
        "training_age_months": 18,
        "bodyweight": 82.0,
        "bar_weight": 15.0,
        "plates": "25x8,20x4,1.25x2",
        "one_rep_maxes_kg": {"barbell-bench-press": 100.0, "barbell-squat": 142.882},
    }
    code, out, _ = run("profile", "show")
    assert code == 0
    assert "1RM Barbell Bench Press" in out and "25x8,20x4,1.25x2 kg" in out


def test_a_later_1rm_keeps_the_others_and_replaces_its_own(data_dir: Path) -> None:
    assert run("profile", "set", "--1rm", "bench press=100kg", "--1rm", "squat=140")[0] == 0
    code, out, err = run("profile", "set", "--1rm", "barbell bench press=105", "--json")
    assert code == 0, err
    assert json.loads(out)["one_rep_maxes_kg"] == {
        "barbell-bench-press": 105.0,
        "barbell-squat": 140.0,
    }


def test_set_leaves_out_options_it_was_not_given(data_dir: Path) -> None:
    assert run("profile", "set", "--bodyweight", "80", "--training-age", "2 years")[0] == 0
    code, out, _ = run("profile", "set", "--level", "beginner", "--json")
    assert code == 0
    body = json.loads(out)
    assert (body["bodyweight"], body["training_age_months"]) == (80.0, 24)


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("--unit", "stone"), "--unit"),
        (("--level", "pro"), "--level"),
        (("--training-age", "soon"), "--training-age"),
        (("--bodyweight", "heavy"), "--bodyweight"),
        (("--bodyweight", "-5"), "--bodyweight"),
        (("--bar", "2000"), "--bar"),
        (("--plates", "25x3"), "--plates"),
        (("--plates", "25 kilos"), "--plates"),
        (("--1rm", "bench press"), "--1rm"),
        (("--1rm", "bench press=lots"), "--1rm bench press"),
        (("--1rm", "qqqq zzzz=100"), "--1rm qqqq zzzz"),
    ],
)
def test_bad_input_names_the_option(data_dir: Path, args: tuple[str, str], option: str) -> None:
    code, _, err = run("profile", "set", *args)
    assert code == 1
    assert err.startswith(f"error: {option}:"), err


def test_unknown_exercise_suggests_close_names(data_dir: Path) -> None:
    code, _, err = run("profile", "set", "--1rm", "bnch prss zz=100")
    assert code == 1
    assert "unknown exercise 'bnch prss zz'" in err and "Bench Press" in err


def test_set_with_no_option_is_refused(data_dir: Path) -> None:
    code, _, err = run("profile", "set")
    assert code == 1 and "nothing to change" in err


def test_a_bad_option_changes_nothing(data_dir: Path) -> None:
    assert run("profile", "set", "--bodyweight", "80")[0] == 0
    assert run("profile", "set", "--bodyweight", "90", "--1rm", "qqqq zzzz=100")[0] == 1
    assert json.loads(run("profile", "show", "--json")[1])["bodyweight"] == 80.0


def test_switching_unit_warns_about_weights_kept_as_numbers(data_dir: Path) -> None:
    assert run("profile", "set", "--bar", "20")[0] == 0
    code, out, err = run("profile", "set", "--unit", "lb", "--json")
    assert code == 0
    assert "--bar kept" in err and json.loads(out)["bar_weight"] == 20.0


def test_next_rounds_the_bench_target_to_the_plates_you_set(data_dir: Path) -> None:
    assert run("templates", "copy", "Chest post-exhaust")[0] == 0
    assert run("profile", "set", "--1rm", "bench press=110kg")[0] == 0

    def bench_load() -> float:
        code, out, err = run("next", "--json")
        assert code == 0, err
        (bench,) = [t for t in json.loads(out)["targets"] if t["label"] == "A1"]
        return float(bench["load"])

    assert bench_load() == 87.5  # 80 % of 110 on the default plates
    assert run("profile", "set", "--plates", "10x8")[0] == 0
    assert bench_load() == 80.0  # 20 kg bar + 10s only: 80 or 100, and 88 is nearer 80
    assert run("profile", "set", "--bar", "15")[0] == 0
    assert bench_load() == 95.0  # 15 kg bar: 75 or 95, and 88 is nearer 95


@given(
    st.dictionaries(
        st.sampled_from([45.0, 25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25, 0.5]),
        st.integers(min_value=1, max_value=20),
        min_size=1,
    )
)
def test_plate_pairs_read_back_the_totals_a_spec_writes(pairs: dict[float, int]) -> None:
    totals = {w: 2 * n for w, n in pairs.items()}
    assert plate_pairs(format_plate_spec(totals)) == pairs


@pytest.mark.parametrize(
    ("text", "months"),
    [("18 months", 18), ("18mo", 18), ("2 years", 24), ("1.5y", 18), ("1 year", 12)],
)
def test_training_ages(text: str, months: int) -> None:
    assert parse_training_age(text) == months


def test_a_training_age_without_a_unit_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_training_age("18")
