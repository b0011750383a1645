"""Hevy exports (kg and lb): workouts, set types, RPE and supersets numbered per workout."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from fitrec.domain.sessions import SetType
from fitrec.domain.units import Unit
from fitrec.interchange import values
from fitrec.interchange.model import RawSet, RowValueError
from fitrec.interchange.tabular import Columns, delimiter_of, header_key, records

HEADER = [
    "title", "start_time", "end_time", "description", "exercise_title", "superset_id",
    "exercise_notes", "set_index", "set_type", "weight_kg", "reps", "distance_km",
    "duration_seconds", "rpe",
]  # fmt: skip
SYNONYMS: dict[str, tuple[str, ...]] = {name: (name,) for name in HEADER}
SYNONYMS["weight_kg"] = ("weight_kg",)
SYNONYMS["weight_lbs"] = ("weight_lbs", "weight_lb")
SYNONYMS["distance_km"] = ("distance_km", "distance_miles", "distance_meters")
_SET_TYPES = {
    "warmup": SetType.WARMUP,
    "normal": SetType.WORKING,
    "failure": SetType.FAILURE,
    "dropset": SetType.DROP,
}


def read_hevy(text: str, unit: Unit | None = None) -> Iterator[RawSet]:
    """Stream the rows of a Hevy export as raw sets (`unit` only for a file without header)."""
    rows = records(text, delimiter_of(text))
    first = next(rows, None)
    if first is None:
        return
    keys = {header_key(f) for f in first[1]}
    pending: list[tuple[int, list[str]]] = []
    headerless = "exercise_title" not in keys
    if headerless:
        columns = Columns.from_layout(HEADER)
        pending.append(first)
    else:
        columns = Columns.from_header(first[1], SYNONYMS)
    noted: set[tuple[str, str]] = set()
    for number, record in chain(pending, rows):
        raw = _row(number, record, columns, noted)
        if headerless:
            # weight_kg and weight_lbs files look alike without their header: the unit
            # (of weights and distances) must come from the user, never a guess.
            raw.unit = unit
            raw.distance = raw.distance.rsplit(" ", 1)[0] if raw.distance else None
        yield raw


def _row(number: int, record: list[str], cols: Columns, noted: set[tuple[str, str]]) -> RawSet:
    def field(key: str) -> str | None:
        return values.text(cols.get(record, key))

    def num(key: str) -> float | None:
        return values.number(cols.get(record, key), number, cols.label(key))

    started = values.parse_datetime(
        cols.get(record, "start_time"), number, cols.label("start_time")
    )
    end_raw = field("end_time")
    finished = values.parse_datetime(end_raw, number, cols.label("end_time")) if end_raw else None
    title = field("title")
    exercise = field("exercise_title") or ""
    if cols.has("weight_kg") and field("weight_kg") is not None:
        weight, unit = num("weight_kg"), Unit.KG
    elif cols.has("weight_lbs"):
        weight, unit = num("weight_lbs"), Unit.LB
    else:
        weight, unit = num("weight_kg"), Unit.KG
    kind = (field("set_type") or "normal").lower()
    if kind not in _SET_TYPES:
        raise RowValueError(
            f'"{kind}" is not a set type (warmup, normal, failure, dropset)',
            number,
            cols.label("set_type"),
        )
    key = f"{started.isoformat()}|{title or ''}"
    note = field("exercise_notes")
    if note is not None:
        # Hevy repeats the exercise note on every set; it belongs to the exercise once.
        if (key, exercise) in noted:
            note = None
        noted.add((key, exercise))
    superset = field("superset_id")
    distance = field("distance_km")
    if distance is not None and values.number(distance, number, cols.label("distance_km")) == 0:
        distance = None
    return RawSet(
        row=number,
        session_key=key,
        started_at=started,
        finished_at=finished,
        exercise=exercise,
        weight=weight,
        reps=num("reps"),
        unit=unit,
        set_type=_SET_TYPES[kind],
        workout_name=title,
        session_note=field("description"),
        note=note,
        rpe=num("rpe"),
        superset=superset,
        distance=f"{distance} {cols.label('distance_km').split('_')[-1]}" if distance else None,
        seconds=num("duration_seconds"),
    )
