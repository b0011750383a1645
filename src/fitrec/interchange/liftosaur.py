"""Liftosaur exports: completed reps, weight and RPE per set, with program and day names."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import chain

from fitrec.domain.sessions import SetType
from fitrec.domain.units import Unit
from fitrec.interchange import values
from fitrec.interchange.model import RawSet, RowValueError
from fitrec.interchange.tabular import Columns, delimiter_of, header_key, records

HEADER = [
    "Workout DateTime", "Program", "Day Name", "Exercise", "Is Warmup Set?", "Required Reps",
    "Completed Reps", "Is AMRAP?", "Required RPE", "Completed RPE", "Log RPE?",
    "Required Weight Value", "Required Weight Unit", "Completed Weight Value",
    "Completed Weight Unit", "Ask Weight?", "Completed Reps Time", "Target Muscles",
    "Synergist Muscles", "Notes",
]  # fmt: skip
SYNONYMS: dict[str, tuple[str, ...]] = {header_key(h): (header_key(h),) for h in HEADER}


def read_liftosaur(text: str, unit: Unit | None = None) -> Iterator[RawSet]:
    """Stream the rows of a Liftosaur export as raw sets."""
    rows = records(text, delimiter_of(text))
    first = next(rows, None)
    if first is None:
        return
    pending: list[tuple[int, list[str]]] = []
    if "workout datetime" in {header_key(f) for f in first[1]}:
        columns = Columns.from_header(first[1], SYNONYMS)
    else:
        columns = Columns.from_layout([header_key(h) for h in HEADER], HEADER)
        pending.append(first)
    for number, record in chain(pending, rows):
        yield _row(number, record, columns, unit)


def _moment(raw: str | None) -> datetime | None:
    """A set's completion time: ISO text or epoch milliseconds."""
    if raw is None:
        return None
    if raw.isdigit():
        stamp = int(raw) / (1000 if len(raw) > 11 else 1)
        return datetime.fromtimestamp(stamp, UTC).replace(tzinfo=None)
    return values.try_datetime(raw)


def _row(number: int, record: list[str], cols: Columns, unit: Unit | None) -> RawSet:
    def field(key: str) -> str | None:
        return values.text(cols.get(record, key))

    def num(key: str) -> float | None:
        return values.number(cols.get(record, key), number, cols.label(key))

    started = values.parse_datetime(
        cols.get(record, "workout datetime"), number, cols.label("workout datetime")
    )
    row_unit = unit
    unit_text = field("completed weight unit") or field("required weight unit")
    if unit_text:
        try:
            row_unit = Unit.parse(unit_text)
        except ValueError as exc:
            raise RowValueError(str(exc), number, cols.label("completed weight unit")) from None
    weight = num("completed weight value")
    if weight is None:
        weight = num("required weight value")
    return RawSet(
        row=number,
        session_key=f"{started.isoformat()}|{field('day name') or ''}",
        started_at=started,
        exercise=field("exercise") or "",
        weight=weight,
        reps=num("completed reps"),
        unit=row_unit,
        set_type=SetType.WARMUP if values.boolean(field("is warmup set?")) else SetType.WORKING,
        workout_name=field("day name"),
        program_name=field("program"),
        note=field("notes"),
        rpe=num("completed rpe"),
        performed_at=_moment(field("completed reps time")),
    )
