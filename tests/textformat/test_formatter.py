"""The canonical form: the article's own style, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from fitrec.domain.programs import (
    Block,
    Effort,
    EffortType,
    Entry,
    Level,
    Load,
    LoadType,
    Phase,
    Placement,
    Prescription,
    Program,
    Workout,
)
from fitrec.domain.units import Unit
from fitrec.textformat import (
    format_effort,
    format_load,
    format_prescription,
    format_program,
    format_rest,
    format_rest_line,
    parse_program,
)
from fitrec.textformat.formatter import format_number, format_training_age
from tests.textformat.test_parser import ARTICLE_SAMPLE

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-workout.txt"


def test_the_canonical_sample_formats_to_itself_byte_for_byte() -> None:
    text = SAMPLE.read_bytes().decode("utf-8")
    assert format_program(parse_program(text)) == text


def test_the_article_sample_formats_to_the_canonical_style() -> None:
    text = format_program(parse_program("program: Article\n\n" + ARTICLE_SAMPLE))
    assert text.startswith(
        "program: Article\n"
        "\n"
        "## Day 1\n"
        "\n"
        "Post-Exhaust Pair 1 - Chest:\n"
        "A1. Barbell Bench Press: 4×8 @ 80% 1RM\n"
        "→ Rest 60 seconds\n"
        "A2. Cable Flies: 4×15\n"
        "\n"
        "Post-Exhaust Pair 2 - Back:\n"
    )
    assert text.endswith("D2. Lateral Raises: 3×15\n")


def test_a_built_program_is_written_in_the_canonical_form() -> None:
    bench = Entry(
        "Bench Press",
        Prescription(4, 8, 8, Load(LoadType.PERCENT_1RM, 80), Effort(EffortType.RIR, 2)),
        rest_after_s=45,
    )
    flies = Entry(
        "Cable Flies",
        Prescription(1, 12, 15, effort=Effort(EffortType.RIR, 0, 1)),
        rest_after_s=120,
        placement=Placement.FINISHER,
        note="only after the last set",
    )
    curl = Entry("Curl", Prescription(3, 10, 10, Load(LoadType.ABSOLUTE, 12.5, unit=Unit.KG)))
    program = Program(
        "Upper",
        [Workout("Mon", [Block("A", [bench, flies], "Chest pair"), Block("B", [curl])])],
        Phase.HYPERTROPHY,
        Level.ADVANCED,
        36,
    )
    assert format_program(program) == (
        "program: Upper\n"
        "phase: hypertrophy\n"
        "level: advanced\n"
        "training age: 3 years\n"
        "\n"
        "## Mon\n"
        "\n"
        "Chest pair:\n"
        "A1. Bench Press: 4×8 @ 80% 1RM, 2 RIR\n"
        "→ Rest 45 seconds\n"
        "A2. Cable Flies: 1×12-15 @ 0-1 RIR (finisher) -- only after the last set\n"
        "→ Rest 120 seconds\n"
        "\n"
        "B. Curl: 3×10 @ 12.5 kg\n"
    )


def test_header_only_and_empty_workouts() -> None:
    assert format_program(Program("Solo")) == "program: Solo\n"
    assert format_program(Program("P", [Workout("A"), Workout("B")])) == (
        "program: P\n\n## A\n\n## B\n"
    )


@pytest.mark.parametrize(
    ("value", "text"),
    [(80, "80"), (80.0, "80"), (82.5, "82.5"), (0.25, "0.25"), (0.0, "0"), (1e-7, "0")],
)
def test_numbers_have_no_needless_decimals(value: float, text: str) -> None:
    assert format_number(value) == text


def test_prescription_load_and_effort_helpers() -> None:
    assert format_prescription(Prescription(4, 20, 20)) == "4×20"
    assert format_prescription(Prescription(3, 6, 10, effort=Effort(EffortType.RPE, 8))) == (
        "3×6-10 @ RPE 8"
    )
    assert format_load(Load(LoadType.PERCENT_1RM, 75, 85)) == "75-85% 1RM"
    assert format_load(Load(LoadType.ABSOLUTE, 225, unit=Unit.LB)) == "225 lb"
    assert format_effort(Effort(EffortType.RPE, 8, 9)) == "RPE 8-9"
    assert format_effort(Effort(EffortType.RIR, 0)) == "0 RIR"
    with pytest.raises(ValueError, match="no unit"):
        format_load(Load(LoadType.ABSOLUTE, 100))


@pytest.mark.parametrize(
    ("seconds", "text"), [(60, "60 seconds"), (90, "90 seconds"), (1, "1 second"), (0, "0 seconds")]
)
def test_rest(seconds: int, text: str) -> None:
    assert format_rest(seconds) == text
    assert format_rest_line(seconds) == f"→ Rest {text}"


@pytest.mark.parametrize(
    ("months", "text"),
    [
        (0, "0 months"),
        (1, "1 month"),
        (8, "8 months"),
        (12, "1 year"),
        (18, "18 months"),
        (24, "2 years"),
    ],
)
def test_training_age(months: int, text: str) -> None:
    assert format_training_age(months) == text
