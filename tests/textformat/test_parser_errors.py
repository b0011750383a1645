"""Every parse error names its line and column."""

from __future__ import annotations

import pytest

from fitrec.textformat import NotationError, parse_program


def error_of(text: str) -> NotationError:
    """The error parsing `text` raises."""
    with pytest.raises(NotationError) as caught:
        parse_program(text)
    return caught.value


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("", 1, 1, "expected a `program: NAME` line"),
        ("phase: hypertrophy\n## Day A\n", 2, 1, "expected a `program: NAME` line"),
        ("program: P\nphase: bulking\n", 2, 8, "unknown phase `bulking`"),
        ("program: P\nlevel: pro\n", 2, 8, "unknown level `pro`"),
        ("program: P\ntraining age: long\n", 2, 15, "training age such as"),
        ("program: P\ntraining age: 0.1 years\n", 2, 15, "whole number of months"),
        ("program: P\ngoal: size\n", 2, 1, "unknown header `goal`"),
        ("program: P\nprogram: Q\n", 2, 1, "`program` is given twice (first on line 1)"),
        ("program:   \n", 1, 9, "expected a value after `program:`"),
        ("program: P\n## Day A\nphase: strength\n", 3, 1, "must come before the first workout"),
        ("program: P\n##\n", 2, 3, "expected a workout name"),
        ("program: P\n## A\n## a\n", 3, 4, "workout `a` appears twice (first on line 2)"),
        ("program: P\nA. Dips: 3×8\n## Day 1\n", 3, 4, "workout `Day 1` appears twice"),
        ("program: P\nA1 Bench Press: 4×8\n", 2, 3, "expected `.` after `A1`"),
        ("program: P\n  B2) Bench Press: 4×8\n", 2, 5, "expected `.` after `B2`"),
        ("program: P\nA1. Bench Press 4×8\n", 2, 20, "expected `:` after the exercise name"),
        ("program: P\nA1.  : 4×8\n", 2, 6, "expected an exercise name"),
        ("program: P\nA1. Bench: 4×8\nA3. Flies: 4×15\n", 3, 1, "A3 follows A1; expected A2"),
        ("program: P\nA1. Bench: 4×8\nA1. Flies: 4×15\n", 3, 1, "A1 appears twice"),
        ("program: P\nA2. Flies: 4×15\n", 2, 1, "A2 comes before A1"),
        ("program: P\nA. Bench: 4×8\nA2. Flies: 4×15\n", 3, 1, "block A appears twice"),
        ("program: P\nA1. Bench: 4×8\nA. Flies: 4×15\n", 3, 1, "block A appears twice"),
        (
            "program: P\nA1. Bench: 4×8\nB. Rows: 4×8\nA2. Flies: 4×15\n",
            4,
            1,
            "A2 is separated from A1",
        ),
        ("program: P\n→ Rest 60 seconds\n", 2, 1, "must follow the entry"),
        ("program: P\n## A\n  -> Rest 60 s\n", 3, 3, "must follow the entry"),
        (
            "program: P\nA1. Bench: 4×8\nPair:\n→ Rest 60 seconds\nA2. Flies: 4×15\n",
            4,
            1,
            "must follow the entry",
        ),
        (
            "program: P\nA1. Bench: 4×8\n→ Rest 60 s\n→ Rest 90 s\n",
            4,
            1,
            "already has a rest line",
        ),
        ("program: P\n## A\nChest pair:\n## B\n", 3, 1, "`Chest pair:` has no entry below it"),
        ("program: P\nChest pair:\n", 2, 1, "has no entry below it"),
        ("program: P\nOne:\nTwo:\nA. Dips: 3×8\n", 3, 1, "two block titles in a row"),
        (
            "program: P\nA1. Bench: 4×8\nFlies:\nA2. Flies: 4×15\n",
            3,
            1,
            "must come before the first entry of a block",
        ),
        ("program: P\n  :\n", 2, 3, "expected a block title before `:`"),
        ("program: P\nDo some curls\n", 2, 1, "expected an entry"),
        ("program: P\n## A\n b1. Rows: 3×8\n", 3, 2, "write `B1.`"),
        ("program: P\n### Day A\n", 2, 1, "expected an entry"),
    ],
)
def test_errors_name_line_and_column(text: str, line: int, column: int, message: str) -> None:
    err = error_of(text)
    assert message in err.message
    assert (err.line, err.column) == (line, column), err.excerpt()
    assert err.source_line == [*text.split("\n"), ""][line - 1]


def test_only_the_first_error_is_reported() -> None:
    err = error_of("program: P\nA1 Bench: 4×8\nnonsense\n")
    assert err.line == 2


def test_error_lines_count_crlf_and_bom_like_lf() -> None:
    err = error_of("\ufeffprogram: P\r\n\r\nA1. Bench: four\r\n")
    assert (err.line, err.column, err.source_line) == (3, 12, "A1. Bench: four")


def test_report_is_compiler_style_with_the_caret_excerpt() -> None:
    err = error_of("program: P\nA1. Bench: four\n")
    assert err.report("p.txt") == (
        "p.txt:2:12: error: expected a prescription such as `4×8` or `3×6-10 @ 80% 1RM`"
        " after `:`\n    A1. Bench: four\n               ^"
    )
