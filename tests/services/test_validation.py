"""The one validator of free text: names on one line, notes without NUL, bounded lengths."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitrec.services.errors import InvalidInput
from fitrec.services.exercises import add_custom_exercise
from fitrec.services.validation import (
    MAX_NAME,
    MAX_NOTE,
    NAME_PATTERN,
    NOTE_PATTERN,
    check_name,
    check_notation_name,
    check_note,
)

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)


@pytest.mark.parametrize(
    "name", ["Copy\nlevel: advanced", "a\x00b", "tab\there", "right\u202eleft", "x\u2028y", " "]
)
def test_a_name_is_one_visible_line(name: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_name(name, "name")
    assert raised.value.field == "name"


def test_a_name_is_trimmed_and_bounded() -> None:
    assert check_name("  Día de pierna  ") == "Día de pierna"
    with pytest.raises(InvalidInput, match=f"at most {MAX_NAME}"):
        check_name("x" * (MAX_NAME + 1))


def test_a_note_may_break_lines_but_holds_no_nul() -> None:
    assert check_note("felt\nstrong\r\n\tnext time more") == "felt\nstrong\r\n\tnext time more"
    with pytest.raises(InvalidInput, match="U\\+0000"):
        check_note("a\x00b")
    with pytest.raises(InvalidInput, match=f"at most {MAX_NOTE}"):
        check_note("x" * (MAX_NOTE + 1))


def test_a_name_written_into_the_notation_must_read_back() -> None:
    assert check_notation_name("Push (copy)") == "Push (copy)"
    with pytest.raises(InvalidInput, match="notation"):
        check_notation_name("Cable: Fly", kind="exercise")


def test_a_custom_exercise_the_notation_cannot_name_is_refused(make_uow, owner_id) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput, match="notation"):
        add_custom_exercise(
            make_uow, owner_id, name="Fly: cable", mechanic="isolation", prime_movers=["chest"]
        )


@given(TEXT)
def test_the_documents_name_pattern_says_what_check_name_accepts(text: str) -> None:
    try:
        check_name(text)
        accepted = True
    except InvalidInput:
        accepted = False
    assert (re.fullmatch(NAME_PATTERN, text) is not None) == accepted


@given(TEXT)
def test_the_documents_note_pattern_says_what_check_note_accepts(text: str) -> None:
    try:
        check_note(text)
        accepted = True
    except InvalidInput:
        accepted = False
    assert (re.fullmatch(NOTE_PATTERN, text) is not None) == accepted
