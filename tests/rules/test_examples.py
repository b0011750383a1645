"""Every example program: the good ones lint clean, each bad one produces its code."""

from pathlib import Path

import pytest

from fitrec.catalog import default_catalog
from fitrec.domain.programs import Level
from fitrec.rules import AthleteContext, lint_program
from fitrec.rules.codes import RULES
from fitrec.rules.finding import Severity
from fitrec.textformat import parse_program

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
GOOD = sorted(EXAMPLES.glob("*.txt"))
BAD = sorted((EXAMPLES / "bad").glob("*.txt"))


def lint_file(path: Path, athlete: AthleteContext | None = None) -> list:
    return lint_program(
        parse_program(path.read_text(encoding="utf-8")), default_catalog(), athlete=athlete
    )


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_good_examples_have_no_error_or_warning(path: Path) -> None:
    found = [f for f in lint_file(path) if f.severity is not Severity.INFO]
    assert found == []


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_each_bad_example_produces_exactly_its_code(path: Path) -> None:
    assert {f.code for f in lint_file(path)} == {path.stem}


def test_there_is_a_bad_example_for_every_program_rule() -> None:
    # `decline` needs a training history, so it has no program example.
    assert {p.stem for p in BAD} == set(RULES) - {"decline"}


def test_the_articles_sample_is_too_much_for_an_intermediate() -> None:
    sample = EXAMPLES / "sample-workout.txt"
    found = lint_file(sample, AthleteContext(level=Level.INTERMEDIATE))
    assert [f.code for f in found if f.severity is not Severity.INFO] == ["too-many-pairs"]
    assert "4 post-exhaust pairs" in found[0].message


def test_the_article_mismatches_are_errors_and_its_pairs_pass() -> None:
    catalog = default_catalog()
    text = """program: Pairs
level: advanced

## Day
A1. Bench Press: 3×8 @ 80% 1RM
A2. Triceps Pushdown: 3×15
B1. Overhead Press: 3×8 @ 80% 1RM
B2. Rear Delt Fly: 3×15
C1. Close-Grip Bench Press: 3×8 @ 80% 1RM
C2. Cable Pushdowns: 3×15
D1. Overhead Press: 3×8 @ 80% 1RM
D2. Lateral Raises: 3×15
"""
    found = lint_program(parse_program(text), catalog)
    assert [(f.code, f.entry) for f in found if f.code == "pairing"] == [
        ("pairing", "A2"),
        ("pairing", "B2"),
    ]
    [bench] = [f for f in found if f.entry == "A2"]
    assert "only assist the Bench Press; its prime mover is the chest" in bench.message
    assert (bench.line, bench.column) == (6, 5)


def test_the_sample_written_at_intermediate_level_gets_too_many_pairs() -> None:
    text = (EXAMPLES / "sample-workout.txt").read_text(encoding="utf-8")
    program = parse_program(text.replace("level: advanced", "level: intermediate"))
    found = lint_program(program, default_catalog())
    assert [f.code for f in found] == ["too-many-pairs"]
