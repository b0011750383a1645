"""The article's plain-text program notation: parse it into a Program, format it back."""

from fitrec.textformat.errors import NotationError
from fitrec.textformat.formatter import (
    format_effort,
    format_load,
    format_prescription,
    format_program,
    format_rest,
    format_rest_line,
)
from fitrec.textformat.parser import parse_program

__all__ = [
    "NotationError",
    "format_effort",
    "format_load",
    "format_prescription",
    "format_program",
    "format_rest",
    "format_rest_line",
    "parse_program",
]
