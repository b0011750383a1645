"""Every accepted prescription, load, effort and rest form, and their errors."""

from __future__ import annotations

import pytest

from fitrec.domain.programs import Effort, EffortType, Load, LoadType, Placement, Prescription
from fitrec.domain.units import Unit
from fitrec.textformat import NotationError, parse_program


def entry_of(line: str):  # type: ignore[no-untyped-def]
    """The single entry of a program whose only body line is `line`."""
    program = parse_program(f"program: P\n{line}\n")
    return program.workouts[0].blocks[0].entries[0]


def prescription_of(text: str) -> Prescription:
    """Parse `text` as the prescription of an entry."""
    return entry_of(f"A. Lift: {text}").prescription  # type: ignore[no-any-return]


def error_of(line: str) -> NotationError:
    """The error raised by a program whose second line is `line`."""
    with pytest.raises(NotationError) as caught:
        parse_program(f"program: P\n{line}\n")
    return caught.value


PCT = LoadType.PERCENT_1RM
ABS = LoadType.ABSOLUTE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4×20", Prescription(4, 20, 20)),
        ("4x8", Prescription(4, 8, 8)),
        ("4X8", Prescription(4, 8, 8)),
        ("4 × 8", Prescription(4, 8, 8)),
        ("3×6-10", Prescription(3, 6, 10)),
        ("3×6–10", Prescription(3, 6, 10)),
        ("3×6 - 10", Prescription(3, 6, 10)),
        ("3×8-8", Prescription(3, 8, 8)),
        ("4×8 @ 80% 1RM", Prescription(4, 8, 8, Load(PCT, 80))),
        ("4×8 @80%1rm", Prescription(4, 8, 8, Load(PCT, 80))),
        ("4×8 @ 80%", Prescription(4, 8, 8, Load(PCT, 80))),
        ("4×8 @ 82.5% 1RM", Prescription(4, 8, 8, Load(PCT, 82.5))),
        ("4×8 @ 75-85% 1RM", Prescription(4, 8, 8, Load(PCT, 75, 85))),
        ("3×12 @ 20 kg", Prescription(3, 12, 12, Load(ABS, 20, unit=Unit.KG))),
        ("3×5 @ 100kg", Prescription(3, 5, 5, Load(ABS, 100, unit=Unit.KG))),
        ("3×5 @ 225 lb", Prescription(3, 5, 5, Load(ABS, 225, unit=Unit.LB))),
        ("3×5 @ 225 lbs", Prescription(3, 5, 5, Load(ABS, 225, unit=Unit.LB))),
        ("3×5 @ 60-70 kg", Prescription(3, 5, 5, Load(ABS, 60, 70, Unit.KG))),
        ("3×6-10 @ RPE 8", Prescription(3, 6, 10, effort=Effort(EffortType.RPE, 8))),
        ("3×6 @ RPE 8.5", Prescription(3, 6, 6, effort=Effort(EffortType.RPE, 8.5))),
        ("3×6 @ rpe 8-9", Prescription(3, 6, 6, effort=Effort(EffortType.RPE, 8, 9))),
        ("4×15 @ 0 RIR", Prescription(4, 15, 15, effort=Effort(EffortType.RIR, 0))),
        ("4×15 @ 1 RIR", Prescription(4, 15, 15, effort=Effort(EffortType.RIR, 1))),
        ("4×15 @ 0-1 RIR", Prescription(4, 15, 15, effort=Effort(EffortType.RIR, 0, 1))),
        ("4×15 @ RIR 1", Prescription(4, 15, 15, effort=Effort(EffortType.RIR, 1))),
        (
            "4×8 @ 80% 1RM, 2 RIR",
            Prescription(4, 8, 8, Load(PCT, 80), Effort(EffortType.RIR, 2)),
        ),
        (
            "4×8 @ RPE 8 , 100 kg",
            Prescription(4, 8, 8, Load(ABS, 100, unit=Unit.KG), Effort(EffortType.RPE, 8)),
        ),
    ],
)
def test_accepted_prescriptions(text: str, expected: Prescription) -> None:
    assert prescription_of(text) == expected


def test_finisher_and_note() -> None:
    entry = entry_of("A. Cable Flies: 1×15 @ 0 RIR (finisher) -- after the last bench set only")
    assert entry.placement is Placement.FINISHER
    assert entry.note == "after the last bench set only"
    plain = entry_of("A. Cable Flies: 4×15 (Finisher)")
    assert plain.placement is Placement.FINISHER and plain.note is None
    noted = entry_of("A. Dips: 3×8 -- lean forward -- slow")
    assert noted.placement is Placement.EVERY_SET and noted.note == "lean forward -- slow"


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        ("A. Bench Press: four by eight", 17, "expected a prescription"),
        ("A. Bench Press:", 16, "expected a prescription"),
        ("A. Bench Press: 4 sets", 19, "expected `×`"),
        ("A. Bench Press: 4×", 19, "expected reps"),
        ("A. Bench Press: 0×8", 17, "at least 1 set"),
        ("A. Bench Press: 3×0", 19, "at least 1 rep"),
        ("A. Bench Press: 3×10-6", 19, "runs backwards"),
        ("A. Bench Press: 4×8 @", 22, "expected a load"),
        ("A. Bench Press: 4×8 @ heavy", 23, "expected a load"),
        ("A. Bench Press: 4×8 @ 80% 1RM, 90% 1RM", 32, "at most one load"),
        ("A. Bench Press: 4×8 @ RPE 8, 1 RIR", 30, "at most one effort"),
        ("A. Bench Press: 4×8 @ 80% 2 RIR", 27, "separate a load and an effort"),
        ("A. Bench Press: 4×8 @ RPE 11", 23, "RPE runs from 1 to 10"),
        ("A. Bench Press: 4×8 @ 120% 1RM", 23, "above 0 and at most 100"),
        ("A. Bench Press: 4×8 @ 85-75% 1RM", 23, "runs backwards"),
        ("A. Bench Press: 4×8 (dropset)", 21, "only marker is `(finisher)`"),
        ("A. Bench Press: 4×8 --", 23, "expected a note"),
        ("A. Bench Press: 4×8 heavy", 21, "unexpected `heavy`"),
    ],
)
def test_prescription_errors(line: str, column: int, message: str) -> None:
    err = error_of(line)
    assert (err.line, err.column) == (2, column)
    assert message in err.message


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("60s", 60),
        ("60 s", 60),
        ("60 sec", 60),
        ("90 secs", 90),
        ("60 seconds", 60),
        ("1 second", 1),
        ("1:30", 90),
        ("0:45", 45),
        ("2 min", 120),
        ("2 minutes", 120),
        ("1 minute", 60),
        ("1.5 min", 90),
        ("1 min 30 s", 90),
        ("1 min 30 seconds", 90),
        ("0 seconds", 0),
    ],
)
def test_rest_durations(text: str, seconds: int) -> None:
    for arrow in ("→ Rest", "-> rest", "  →REST"):
        program = parse_program(f"program: P\nA1. Bench: 4×8\n{arrow} {text}\nA2. Flies: 4×15\n")
        assert program.workouts[0].blocks[0].transition_rest_s == seconds


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        ("→ Rest 60", 8, "give the rest a unit"),
        ("→ Rest soon", 8, "expected a duration"),
        ("→ Rest 60 seconds please", 19, "unexpected `please`"),
        ("→ Rest 1.01 min", 8, "whole number of seconds"),
        ("→ 60 seconds", 3, "expected `Rest`"),
        ("→ Rest 1:75", 8, "expected a duration"),
    ],
)
def test_rest_errors(line: str, column: int, message: str) -> None:
    with pytest.raises(NotationError) as caught:
        parse_program(f"program: P\nA1. Bench: 4×8\n{line}\n")
    assert (caught.value.line, caught.value.column) == (3, column)
    assert message in caught.value.message
