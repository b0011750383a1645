"""Parsing whole programs: header, workouts, blocks, titles, rests and source positions."""

from __future__ import annotations

import pytest

from fitrec.domain.programs import Intent, Level, Phase, SourcePos
from fitrec.textformat import parse_program

# The sample workout exactly as the article prints it: blank lines between every line,
# titled pairs, and no effort on the isolations.
ARTICLE_SAMPLE = """\
Post-Exhaust Pair 1 - Chest:

A1. Barbell Bench Press: 4×8 @ 80% 1RM

→ Rest 60 seconds

A2. Cable Flies: 4×15

Post-Exhaust Pair 2 - Back:

B1. Bent-Over Barbell Rows: 4×8 @ 80% 1RM

→ Rest 60 seconds

B2. Straight-Arm Pulldowns: 4×15

Post-Exhaust Pair 3 - Legs:

C1. Barbell Squats: 4×10 @ 75% 1RM

→ Rest 90 seconds

C2. Leg Extensions: 4×20

Post-Exhaust Pair 4 - Shoulders:

D1. Overhead Press: 3×8 @ 75% 1RM

→ Rest 60 seconds

D2. Lateral Raises: 3×15
"""


def test_the_article_sample_as_printed() -> None:
    program = parse_program("program: Article sample\n\n" + ARTICLE_SAMPLE)
    (workout,) = program.workouts
    assert workout.name == "Day 1"
    assert [b.label for b in workout.blocks] == ["A", "B", "C", "D"]
    assert [b.title for b in workout.blocks] == [
        "Post-Exhaust Pair 1 - Chest",
        "Post-Exhaust Pair 2 - Back",
        "Post-Exhaust Pair 3 - Legs",
        "Post-Exhaust Pair 4 - Shoulders",
    ]
    assert all(b.declared_intent is Intent.POST_EXHAUST for b in workout.blocks)
    names = [e.name for b in workout.blocks for e in b.entries]
    assert names[:2] == ["Barbell Bench Press", "Cable Flies"]
    assert names[-1] == "Lateral Raises"
    assert [b.transition_rest_s for b in workout.blocks] == [60, 60, 90, 60]
    squat, extensions = workout.blocks[2].entries
    assert (squat.prescription.sets, squat.prescription.reps_min) == (4, 10)
    assert squat.prescription.load is not None and squat.prescription.load.value == 75
    assert extensions.prescription.effort is None and extensions.rest_after_s is None
    assert squat.pos == SourcePos(21, 5)
    assert workout.blocks[2].pos == SourcePos(19, 1)
    assert all(e.exercise_slug is None for b in workout.blocks for e in b.entries)


def test_the_article_sample_without_a_header_takes_the_default_name() -> None:
    program = parse_program(ARTICLE_SAMPLE, default_name="sample")
    assert program.name == "sample" and program.pos is None
    assert [b.label for b in program.workouts[0].blocks] == ["A", "B", "C", "D"]
    # A `program:` line wins over the default.
    named = parse_program("program: Mine\n" + ARTICLE_SAMPLE, default_name="sample")
    assert named.name == "Mine"


def test_a_header_without_program_takes_the_default_name() -> None:
    program = parse_program("level: advanced\nA. Dips: 3×8\n", default_name="dips")
    assert program.name == "dips" and program.level is Level.ADVANCED


def test_header_fields_and_positions() -> None:
    text = (
        "Program: Push pull\n"
        "PHASE: Hypertrophy\n"
        "level: intermediate\n"
        "training age: 2 years\n"
        "\n"
        "## Day A\n"
        "  A. Bench Press: 3×8\n"
    )
    program = parse_program(text)
    assert program.name == "Push pull"
    assert program.phase is Phase.HYPERTROPHY
    assert program.level is Level.INTERMEDIATE
    assert program.training_age_months == 24
    assert program.pos == SourcePos(1, 1)
    (workout,) = program.workouts
    assert workout.pos == SourcePos(6, 1)
    assert workout.blocks[0].pos == SourcePos(7, 3)
    assert workout.blocks[0].entries[0].pos == SourcePos(7, 6)


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("8 months", 8),
        ("1 month", 1),
        ("18 mo", 18),
        ("1 year", 12),
        ("1.5 years", 18),
        ("3 yrs", 36),
        ("0 months", 0),
    ],
)
def test_training_age_is_stored_in_months(text: str, months: int) -> None:
    assert parse_program(f"program: P\ntraining age: {text}\n").training_age_months == months


def test_header_only_program_has_no_workouts() -> None:
    program = parse_program("program: Empty\nlevel: beginner\n")
    assert program.workouts == [] and program.level is Level.BEGINNER
    assert program.phase is None and program.training_age_months is None


def test_program_name_may_contain_colons() -> None:
    assert parse_program("program: Upper: lower split\n").name == "Upper: lower split"


def test_workouts_blocks_and_rest_after_the_round() -> None:
    text = """program: Two days
## Day A
Chest pair:
A1. Bench Press: 4×8 @ 80% 1RM
→ Rest 60 seconds
A2. Cable Flies: 4×15 @ 0 RIR
-> Rest 2 min
B. Squat: 3×5 @ 100 kg
## Day B
A1. Rows: 3×8
A2. Pullovers: 3×12
"""
    program = parse_program(text)
    day_a, day_b = program.workouts
    assert day_a.name == "Day A" and day_b.name == "Day B"
    pair, squat = day_a.blocks
    assert pair.title == "Chest pair" and squat.title is None
    assert pair.transition_rest_s == 60 and pair.rest_after_round_s == 120
    assert squat.label == "B" and len(squat.entries) == 1
    assert squat.transition_rest_s is None
    assert [len(b.entries) for b in day_b.blocks] == [2]
    assert program.workout("day b") is day_b


def test_a_single_entry_may_be_numbered() -> None:
    block = parse_program("program: P\nA1. Dips: 3×8\n").workouts[0].blocks[0]
    assert block.label == "A" and len(block.entries) == 1


def test_entries_before_any_workout_go_to_day_1_then_named_workouts_follow() -> None:
    program = parse_program("program: P\nA. Dips: 3×8\n## Day 2\nA. Rows: 3×8\n")
    assert [w.name for w in program.workouts] == ["Day 1", "Day 2"]


def test_crlf_bom_tabs_and_surrounding_whitespace() -> None:
    lf = "program: P\n## Day A\nA1. Bench: 4×8\n→ Rest 60 seconds\nA2. Flies: 4×15\n"
    messy = "\ufeff" + "  program: P  \r\n\r\n\t## Day A\t\r\n\tA1.\tBench :\t4×8\r\n"
    messy += "   → Rest 60 seconds   \r\n A2. Flies: 4×15\r\n\r\n"
    assert parse_program(messy) == parse_program(lf)
    assert parse_program(messy).workouts[0].blocks[0].entries[0].pos == SourcePos(4, 6)


def test_names_are_kept_exactly_as_written() -> None:
    entry = parse_program("program: P\nA. Db Bench (30°) — incline: 3×8\n").workouts[0]
    assert entry.blocks[0].entries[0].name == "Db Bench (30°) — incline"
