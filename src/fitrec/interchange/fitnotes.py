"""FitNotes exports (Android old and new, iOS): dates only, so one day is one session."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from fitrec.domain.units import Unit
from fitrec.interchange import values
from fitrec.interchange.model import RawSet, RowValueError
from fitrec.interchange.tabular import Columns, delimiter_of, header_key, records

SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date",),
    "exercise": ("exercise",),
    "category": ("category",),
    "weight": ("weight",),
    "weight_unit": ("weight unit",),
    "weight_kg": ("weight (kg)", "weight (kgs)"),
    "weight_lbs": ("weight (lbs)", "weight (lb)"),
    "reps": ("reps",),
    "distance": ("distance",),
    "distance_unit": ("distance unit",),
    "time": ("time",),
    "comment": ("comment", "notes"),
    "kind": ("kind",),
}
LAYOUT = [
    "date", "exercise", "category", "weight", "weight_unit", "reps", "distance",
    "distance_unit", "time", "comment",
]  # fmt: skip


def read_fitnotes(text: str, unit: Unit | None = None) -> Iterator[RawSet]:
    """Stream the rows of a FitNotes export as raw sets, one session per day."""
    rows = records(text, delimiter_of(text))
    first = next(rows, None)
    if first is None:
        return
    keys = {header_key(f) for f in first[1]}
    pending: list[tuple[int, list[str]]] = []
    if "exercise" in keys and "category" in keys:
        columns = Columns.from_header(first[1], SYNONYMS)
    else:
        columns = Columns.from_layout(LAYOUT)
        pending.append(first)
    for number, record in chain(pending, rows):
        yield _row(number, record, columns, unit)


def _row(number: int, record: list[str], cols: Columns, unit: Unit | None) -> RawSet:
    def field(key: str) -> str | None:
        return values.text(cols.get(record, key))

    def num(key: str) -> float | None:
        return values.number(cols.get(record, key), number, cols.label(key))

    day = values.parse_datetime(cols.get(record, "date"), number, cols.label("date"))
    day = day.replace(hour=0, minute=0, second=0, microsecond=0)
    weight: float | None
    row_unit: Unit | None
    if cols.has("weight_kg") and field("weight_kg") is not None:
        weight, row_unit = num("weight_kg"), Unit.KG
    elif cols.has("weight_lbs"):
        weight, row_unit = num("weight_lbs"), Unit.LB
    else:
        weight = num("weight")
        unit_text = field("weight_unit")
        row_unit = unit
        if unit_text:
            try:
                row_unit = Unit.parse(unit_text)
            except ValueError as exc:
                raise RowValueError(str(exc), number, cols.label("weight_unit")) from None
    distance = field("distance")
    if distance is not None and values.number(distance, number, cols.label("distance")) == 0:
        distance = None
    if distance and field("distance_unit"):
        distance = f"{distance} {field('distance_unit')}"
    return RawSet(
        row=number,
        session_key=day.date().isoformat(),
        started_at=day,
        exercise=field("exercise") or "",
        weight=weight,
        reps=num("reps"),
        unit=row_unit,
        note=field("comment"),
        distance=distance,
        seconds=values.duration_seconds(field("time")) or None,
    )
