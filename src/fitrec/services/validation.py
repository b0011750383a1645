"""Input checks shared by the use cases; each failure names its field."""

from __future__ import annotations

import math
import unicodedata
from datetime import datetime

from fitrec.domain.sessions import SetType
from fitrec.domain.units import Unit
from fitrec.services.errors import InvalidInput
from fitrec.textformat import NotationError, parse_program

MAX_REPS = 1000
MAX_WEIGHT_KG = 1500.0
MAX_WEIGHT_LB = 3306.93  # 1500 kg, to the hundredth below, so the document can state it
MAX_REST_S = 3600
MAX_NOTE = 2000
MAX_NAME = 200
MAX_LONG_TEXT = 200_000
# Cc: control characters (NUL, escapes, line breaks); Cs: lone surrogates, which neither
# UTF-8 nor PostgreSQL can store. Names also refuse line and paragraph separators and the
# bidi controls that make a name read as something else.
_ALWAYS_REFUSED = frozenset({"Cc", "Cs"})
_NAME_REFUSED = frozenset({"Zl", "Zp"})
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_MULTILINE_ALLOWED = "\n\r\t"
# The same rules as JSON Schema patterns, for the API's document: a name has a visible
# character (it is trimmed) and none of the refused ones; a note none of its refused ones.
_NAME_REFUSED_CLASS = (
    r"\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069"
)
NAME_PATTERN = rf"^[^{_NAME_REFUSED_CLASS}]*[^{_NAME_REFUSED_CLASS}\s][^{_NAME_REFUSED_CLASS}]*$"
NOTE_PATTERN = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$"


def _number(field: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInput(field, f"{value!r} is not a number")
    return float(value)


def check_reps(value: int, field: str = "reps") -> int:
    """Reps are a whole number from 0 to 1000."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(field, f"{value!r} is not a whole number of reps")
    if not 0 <= value <= MAX_REPS:
        raise InvalidInput(field, f"must be between 0 and {MAX_REPS}, got {value}")
    return value


def max_weight(unit: Unit) -> float:
    """The heaviest weight in `unit`: 1500 kg, or 3306.93 lb (to the hundredth below)."""
    return MAX_WEIGHT_KG if unit is Unit.KG else MAX_WEIGHT_LB


def check_weight(value: float, unit: Unit, field: str = "weight") -> float:
    """A weight from 0 to 1500 kg (3306.93 lb)."""
    number = _number(field, value)
    if number < 0 or number > max_weight(unit):
        raise InvalidInput(
            field,
            f"must be between 0 and {max_weight(unit):g} {unit} (1500 kg), got {number:g} {unit}",
        )
    return number


def check_rpe(value: float | None, field: str = "rpe") -> float | None:
    """RPE from 1 to 10 in half steps."""
    if value is None:
        return None
    number = _number(field, value)
    if not 1 <= number <= 10 or (number * 2) != int(number * 2):
        raise InvalidInput(field, f"must be 1 to 10 in steps of 0.5, got {number:g}")
    return number


def check_rir(value: float | None, field: str = "rir") -> float | None:
    """Reps in reserve from 0 to 10."""
    if value is None:
        return None
    number = _number(field, value)
    if not 0 <= number <= 10:
        raise InvalidInput(field, f"must be between 0 and 10, got {number:g}")
    return number


def check_rest(value: int | None, field: str = "rest") -> int | None:
    """A rest in whole seconds from 0 to 3600."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(field, f"{value!r} is not a whole number of seconds")
    if not 0 <= value <= MAX_REST_S:
        raise InvalidInput(field, f"must be between 0 and {MAX_REST_S} seconds, got {value}")
    return value


def check_scale(value: int | None, field: str) -> int | None:
    """Pump or exhaustion on the 1-5 scale."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidInput(field, f"must be a whole number from 1 to 5, got {value!r}")
    return value


def _refused_character(value: str, multiline: bool) -> str | None:
    """The first character of `value` free text may not hold, as U+XXXX, or None."""
    for char in value:
        if multiline and char in _MULTILINE_ALLOWED:
            continue
        category = unicodedata.category(char)
        if category in _ALWAYS_REFUSED or (
            not multiline and (category in _NAME_REFUSED or char in _BIDI)
        ):
            return f"U+{ord(char):04X}"
    return None


def check_text(value: object, field: str, *, max_length: int, multiline: bool = False) -> str:
    """Free text as both databases store it: a string of bounded length without NUL.

    One line (no line breaks, tabs or other control characters) unless `multiline`,
    which allows line breaks and tabs but still no NUL or other control characters.
    """
    if not isinstance(value, str):
        raise InvalidInput(field, f"must be text, got {type(value).__name__}")
    if len(value) > max_length:
        raise InvalidInput(field, f"must be at most {max_length} characters, got {len(value)}")
    bad = _refused_character(value, multiline)
    if bad is not None:
        what = "control character" if multiline else "line break or control character"
        raise InvalidInput(field, f"must not contain a {what} (found {bad})")
    return value


def check_note(value: str | None, field: str = "note") -> str | None:
    """A note of at most 2000 characters, line breaks allowed; blank notes become None."""
    if value is None:
        return None
    return check_text(value, field, max_length=MAX_NOTE, multiline=True).strip() or None


def check_name(value: object, field: str = "name", max_length: int = MAX_NAME) -> str:
    """A non-empty name on one line, of at most 200 characters, trimmed."""
    name = check_text(value, field, max_length=max_length).strip()
    if not name:
        raise InvalidInput(field, "must not be empty")
    return name


def check_optional_name(value: str | None, field: str = "name") -> str | None:
    """A name as check_name, or None (blank becomes None)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return check_name(value, field)


def _read_back(name: str, kind: str) -> str:
    """`name` written into the notation as a program or exercise name, and parsed again."""
    if kind == "program":
        return parse_program(f"program: {name}\n").name
    program = parse_program(f"program: P\n\n## Day\nA1. {name}: 3×8\n")
    return program.workouts[0].blocks[0].entries[0].name


def _article(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def check_notation_name(value: object, field: str = "name", kind: str = "program") -> str:
    """A program (or exercise) name the notation's parser reads back exactly, or InvalidInput."""
    name = check_name(value, field)
    try:
        parsed = _read_back(name, kind)
    except (NotationError, IndexError) as error:
        raise InvalidInput(
            field,
            f"cannot be written as the name of {_article(kind)} in the notation: {error}",
        ) from None
    if parsed != name:
        raise InvalidInput(
            field,
            f"cannot be written as the name of {_article(kind)} in the notation"
            f" (reads back as {parsed!r})",
        )
    return name


FIRST_YEAR = 1970
LAST_YEAR = 2099


def check_instant(value: datetime, field: str = "time") -> datetime:
    """A moment of a lifter's history: in the years 1970 to 2099."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise InvalidInput(field, f"must be in the years {FIRST_YEAR} to {LAST_YEAR}")
    return value


def check_client_id(value: str, field: str = "id") -> str:
    """A client's set id: 1-64 visible characters."""
    if not isinstance(value, str) or not 1 <= len(value) <= 64 or not value.isprintable():
        raise InvalidInput(field, "must be 1 to 64 printable characters")
    if value != value.strip():
        raise InvalidInput(field, "must not start or end with spaces")
    return value


def check_unit(value: Unit | str, field: str = "unit") -> Unit:
    """A unit given as `kg` or `lb` (or already a Unit)."""
    if isinstance(value, Unit):
        return value
    try:
        return Unit.parse(value)
    except (ValueError, AttributeError):
        raise InvalidInput(field, f"unknown unit {value!r} (use kg or lb)") from None


def check_set_type(value: SetType | str, field: str = "set_type") -> SetType:
    """A set type by its name (`drop-set` reads as `dropset`), or already a SetType."""
    if isinstance(value, SetType):
        return value
    key = str(value).strip().lower().replace("-", "")
    try:
        return SetType(key)
    except ValueError:
        allowed = ", ".join(t.value for t in SetType)
        raise InvalidInput(field, f"must be one of {allowed}, got {value!r}") from None


def check_block_label(value: str | None, field: str = "block_label") -> str | None:
    """A block label such as A (one to three letters, upper-cased), or None."""
    if value is None:
        return None
    label = value.strip().upper()
    if not label or not label.isalpha() or len(label) > 3:
        raise InvalidInput(field, f"must be a block letter such as A, got {value!r}")
    return label
