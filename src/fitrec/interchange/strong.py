"""Strong exports: every header variant, localised and missing headers, rest-timer rows."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fitrec.domain.sessions import SetType
from fitrec.domain.units import Unit
from fitrec.interchange import values
from fitrec.interchange.model import RawSet, RowValueError, UnknownFormatError
from fitrec.interchange.tabular import Columns, delimiter_of, header_key, records

SYNONYMS: dict[str, tuple[str, ...]] = {
    "workout_number": ("workout #",),
    "date": ("date",),
    "workout": ("workout name",),
    "duration": ("duration", "workout duration", "duration (sec)", "duration (seconds)"),
    "exercise": ("exercise name",),
    "set_order": ("set order",),
    "weight": ("weight", "weight (kg)", "weight (kgs)", "weight (lbs)", "weight (lb)", "kg", "lbs"),
    "weight_unit": ("weight unit",),
    "reps": ("reps",),
    "rpe": ("rpe",),
    "distance": ("distance", "km", "miles", "distance (meters)", "distance (km)", "distance (m)"),
    "distance_unit": ("distance unit",),
    "seconds": ("seconds",),
    "notes": ("notes",),
    "workout_notes": ("workout notes",),
}

_FULL = [
    "date", "workout", "duration", "exercise", "set_order", "weight", "reps",
    "distance", "seconds", "notes", "workout_notes", "rpe",
]  # fmt: skip
_NO_DURATION = [c for c in _FULL if c != "duration"]
_SEMICOLON = [
    "date", "workout", "exercise", "set_order", "weight", "weight_unit", "reps", "rpe",
    "distance", "distance_unit", "seconds", "notes", "workout_notes", "duration",
]  # fmt: skip
_QUOTED = [
    "workout_number", "date", "workout", "duration", "exercise", "set_order", "weight",
    "reps", "rpe", "distance", "seconds", "notes", "workout_notes",
]  # fmt: skip
_SET_TYPES = {"w": SetType.WARMUP, "d": SetType.DROP, "f": SetType.FAILURE}
_DISTANCE_UNITS = {
    "km": "km",
    "miles": "miles",
    "distance (km)": "km",
    "distance (meters)": "m",
    "distance (m)": "m",
}
_DIGITS = re.compile(r"^\d+(?:\.0+)?$")


def header_unit(label: str) -> Unit | None:
    """The unit a weight column's name gives (`kg`, `Weight (lbs)`), if any."""
    key = header_key(label)
    for token, unit in (("kg", Unit.KG), ("lb", Unit.LB)):
        if key == token or key == token + "s" or f"({token}" in key:
            return unit
    return None


def layout_for(sample: list[str], delimiter: str) -> list[str]:
    """Column layout of a record whose header is translated or missing, from its shape."""
    count = len(sample)
    if delimiter == ";":
        if count == 13 and starts_with_workout_number(sample):
            return _QUOTED
        if count in (13, 14):
            return _SEMICOLON[:count]
    else:
        has_duration = count > 2 and values.looks_like_duration(sample[2])
        if has_duration and count == 12:
            return _FULL
        if has_duration and count == 11:
            return _FULL[:11]
        if has_duration and count == 10:
            return [*_FULL[:9], "rpe"]
        if not has_duration and count in (9, 10, 11):
            return _NO_DURATION[:count]
    raise UnknownFormatError(
        f"cannot tell the columns of a Strong file with {count} columns and no known header"
    )


def starts_with_workout_number(record: list[str]) -> bool:
    """True for a data row of the quoted semicolon variant: `"1";"2018-06-01 08:00:00";...`."""
    return (
        len(record) > 1
        and record[0].strip().isdigit()
        and values.try_datetime(record[1]) is not None
    )


def is_data_row(record: list[str]) -> bool:
    """True when a record is data (a date first, or a workout number then a date)."""
    return values.try_datetime(record[0]) is not None or starts_with_workout_number(record)


def is_known_header(record: list[str]) -> bool:
    """True when a record is a Strong header in English."""
    keys = {header_key(field) for field in record}
    return "exercise name" in keys and ("set order" in keys or "reps" in keys)


def read_strong(text: str, unit: Unit | None = None) -> Iterator[RawSet]:
    """Stream the rows of a Strong export as raw sets (rest-timer rows marked as rest)."""
    delimiter = delimiter_of(text)
    rows = records(text, delimiter)
    first = next(rows, None)
    if first is None:
        return
    pending: list[tuple[int, list[str]]] = []
    if is_known_header(first[1]):
        columns = Columns.from_header(first[1], SYNONYMS)
    elif is_data_row(first[1]):
        columns = Columns.from_layout(layout_for(first[1], delimiter))
        pending.append(first)
    else:
        second = next(rows, None)
        if second is None:
            return
        columns = Columns.from_layout(layout_for(second[1], delimiter), first[1])
        pending.append(second)
    file_unit = header_unit(columns.label("weight")) if columns.has("weight") else None
    for number, record in _chain(pending, rows):
        yield _row(number, record, columns, file_unit or unit, file_unit is not None)


def _chain(
    pending: list[tuple[int, list[str]]], rest: Iterator[tuple[int, list[str]]]
) -> Iterator[tuple[int, list[str]]]:
    yield from pending
    yield from rest


def _row(number: int, record: list[str], cols: Columns, unit: Unit | None, fixed: bool) -> RawSet:
    def field(key: str) -> str | None:
        return values.text(cols.get(record, key))

    def num(key: str) -> float | None:
        return values.number(cols.get(record, key), number, cols.label(key))

    started = values.parse_datetime(cols.get(record, "date"), number, cols.label("date"))
    workout = field("workout")
    order = (field("set_order") or "").strip()
    row_unit = unit
    unit_text = field("weight_unit")
    if unit_text and not fixed:
        try:
            row_unit = Unit.parse(unit_text)
        except ValueError as exc:
            raise RowValueError(str(exc), number, cols.label("weight_unit")) from None
    duration = values.duration_seconds(field("duration"))
    seconds = num("seconds")
    distance = field("distance")
    weight = num("weight")
    reps = num("reps")
    set_type = SetType.WORKING
    is_rest = False
    if _DIGITS.match(order) or not order:
        pass
    elif order.lower() in _SET_TYPES:
        set_type = _SET_TYPES[order.lower()]
    elif order.lower() == "rest timer" or (seconds is not None and not reps):
        # Localised files translate "Rest Timer"; a rest row is text with seconds, no reps.
        is_rest = True
    else:
        raise RowValueError(
            f'"{order}" is not a set order (a number, W, D, F or Rest Timer)',
            number,
            cols.label("set_order"),
        )
    if distance is not None and values.number(distance, number, cols.label("distance")) == 0:
        distance = None
    distance_unit = field("distance_unit") or _DISTANCE_UNITS.get(
        header_key(cols.label("distance"))
    )
    if distance and distance_unit:
        distance = f"{distance} {distance_unit}"
    key = f"{field('workout_number') or ''}|{started.isoformat()}|{workout or ''}"
    return RawSet(
        row=number,
        session_key=key,
        started_at=started,
        exercise=field("exercise") or "",
        weight=weight,
        reps=reps,
        unit=row_unit,
        set_type=set_type,
        is_rest=is_rest,
        rest_s=round(seconds) if is_rest and seconds is not None else None,
        workout_name=workout,
        duration_s=duration,
        session_note=field("workout_notes"),
        note=field("notes"),
        rpe=num("rpe"),
        distance=distance,
        seconds=None if is_rest else seconds,
    )
