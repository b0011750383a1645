"""NotationError: its fields and the caret excerpt."""

from __future__ import annotations

from fitrec.textformat import NotationError


def test_excerpt_points_a_caret_at_the_column() -> None:
    err = NotationError(
        "expected a prescription such as `4×8` after `:`", 7, 18, "A1. Bench Press: four by eight"
    )
    assert err.excerpt() == (
        "line 7, column 18: expected a prescription such as `4×8` after `:`\n"
        "    A1. Bench Press: four by eight\n"
        "                     ^"
    )
    assert str(err) == err.excerpt()
    assert (err.line, err.column, err.message) == (7, 18, err.message)


def test_caret_keeps_tabs_so_it_lines_up() -> None:
    err = NotationError("bad", 1, 3, "\tA1 x")
    assert err.excerpt().splitlines()[2] == "    \t ^"


def test_caret_past_the_end_of_the_line() -> None:
    err = NotationError("expected `:`", 2, 9, "A1. Foo")
    assert err.excerpt().splitlines()[2] == "    " + " " * 8 + "^"


def test_a_carriage_return_is_not_shown() -> None:
    err = NotationError("bad", 1, 1, "oops\r")
    assert err.excerpt().splitlines()[1] == "    oops"
