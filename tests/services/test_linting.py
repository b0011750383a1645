from pathlib import Path

import pytest

from fitrec.domain.plates import PlateInventory
from fitrec.domain.programs import Level
from fitrec.domain.units import Unit
from fitrec.rules import AthleteContext, Severity
from fitrec.services.errors import InvalidInput
from fitrec.services.linting import lint_text, resolve_program, show_program
from fitrec.textformat import NotationError, parse_program

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SAMPLE = (EXAMPLES / "sample-workout.txt").read_text(encoding="utf-8")
ONE_RMS = {"bench press": 100.0, "squat": 140.0, "row": 90.0, "overhead press": 60.0}


def test_the_sample_lints_clean_and_resolves_every_slug() -> None:
    report = lint_text(SAMPLE)
    assert not report.has_errors and report.count(Severity.WARNING) == 0
    slugs = [e.exercise_slug for w in report.program.workouts for b in w.blocks for e in b.entries]
    assert slugs[:2] == ["barbell-bench-press", "cable-fly"] and None not in slugs


def test_athlete_level_reaches_the_rules() -> None:
    report = lint_text(SAMPLE, athlete=AthleteContext(level=Level.INTERMEDIATE))
    assert [f.code for f in report.findings] == ["too-many-pairs"]


def test_notation_errors_go_to_the_caller() -> None:
    with pytest.raises(NotationError):
        lint_text("program: x\n\n## D\nA1. Bench Press: four by eight\n")


def test_resolve_program_leaves_the_input_untouched() -> None:
    from fitrec.catalog import default_catalog

    program = parse_program(SAMPLE)
    resolved = resolve_program(program, default_catalog(), strict=False)
    assert program.workouts[0].blocks[0].entries[0].exercise_slug is None
    assert resolved.workouts[0].blocks[0].entries[0].exercise_slug == "barbell-bench-press"


def test_show_works_out_every_load_rounded_to_plates() -> None:
    rows = {r.label: r for r in show_program(SAMPLE, ONE_RMS)}
    assert rows["A1"].target == 80.0 and rows["A1"].per_side == (25.0, 5.0)
    assert rows["B1"].target == 72.5  # 80 % of 90 = 72, nearest loading 72.5
    assert rows["C1"].target == 105.0 and sum(rows["C1"].per_side or ()) == 42.5
    assert rows["D1"].target == 45.0
    assert rows["A2"].target is None and rows["A2"].note == "by feel"


def test_show_without_a_1rm_says_so() -> None:
    rows = {r.label: r for r in show_program(SAMPLE, {})}
    assert rows["A1"].target is None and rows["A1"].note == "no 1RM given for Barbell Bench Press"


def test_show_uses_the_rts_chart_for_effort_and_keeps_absolute_loads() -> None:
    text = """program: Effort
level: advanced

## Day
A. Bench Press: 3×5 @ RPE 8
B. Lateral Raises: 3×15 @ 8 kg
"""
    rows = {r.label: r for r in show_program(text, {"bench press": 100.0})}
    assert rows["A"].target == 80.0  # 5 reps @ RPE 8 = 81.1 % -> 81.1 kg -> 80 on the plates
    assert rows["B"].target == 7.5 and rows["B"].note == "as written"


def test_show_in_pounds_with_limited_plates() -> None:
    inventory = PlateInventory(bar=45, plates={45: 4, 25: 2, 10: 2, 5: 2}, unit=Unit.LB)
    rows = {r.label: r for r in show_program(SAMPLE, {"bench press": 225}, Unit.LB, inventory)}
    assert rows["A1"].target == 185.0 and rows["A1"].per_side == (45.0, 25.0)
    with pytest.raises(InvalidInput):
        show_program(SAMPLE, {}, Unit.KG, inventory)
