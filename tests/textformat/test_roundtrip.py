"""Round-trip properties: formatting is parsed back unchanged and is a fixed point."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fitrec.domain.programs import Program
from fitrec.textformat import format_program, parse_program
from tests.textformat.strategies import loose_texts, programs

FAST = settings(max_examples=100, deadline=None)


@FAST
@given(programs())
def test_parse_of_format_gives_the_program_back(program: Program) -> None:
    assert parse_program(format_program(program)) == program


@FAST
@given(programs())
def test_formatting_is_a_fixed_point(program: Program) -> None:
    text = format_program(program)
    assert format_program(parse_program(text)) == text


@FAST
@given(st.data())
def test_loose_spellings_parse_to_the_same_program(data: st.DataObject) -> None:
    program = data.draw(programs())
    loose = data.draw(loose_texts(program))
    assert parse_program(loose) == program


@FAST
@given(st.data())
def test_any_valid_text_formats_stably(data: st.DataObject) -> None:
    loose = data.draw(loose_texts(data.draw(programs())))
    once = format_program(parse_program(loose))
    assert format_program(parse_program(once)) == once
