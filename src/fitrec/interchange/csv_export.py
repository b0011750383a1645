"""CSV exports: one row per set (documented columns), and Strong-compatible CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import TextIO

from fitrec.domain.sessions import Session, SetType
from fitrec.domain.units import Unit, clean_weight, convert, to_kg

CSV_COLUMNS = (
    "session_id", "started_at", "finished_at", "workout_name", "program_name", "block",
    "position", "exercise_slug", "exercise_name", "set_index", "set_type", "weight", "unit",
    "weight_kg", "reps", "rpe", "rir", "rest_before_s", "flagged", "note", "session_note",
)  # fmt: skip
STRONG_COLUMNS = (
    "Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps",
    "Distance", "Seconds", "Notes", "Workout Notes", "RPE",
)  # fmt: skip
_STRONG_ORDER = {SetType.WARMUP: "W", SetType.DROP: "D", SetType.FAILURE: "F"}


def _blank(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else repr(value)
    return str(value)


def write_csv(sessions: Iterable[Session], names: Mapping[str, str], out: TextIO) -> int:
    """Write one row per set with CSV_COLUMNS; returns the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for session in sessions:
        for p in session.sets:
            writer.writerow(
                [
                    _blank(session.id),
                    session.started_at.isoformat(),
                    _blank(session.finished_at and session.finished_at.isoformat()),
                    _blank(session.workout_name),
                    _blank(session.program_name),
                    _blank(p.block_label),
                    _blank(p.position),
                    p.exercise_slug,
                    names.get(p.exercise_slug, p.exercise_slug),
                    p.set_index,
                    p.set_type.value,
                    _blank(p.weight),
                    p.unit.value,
                    _blank(clean_weight(to_kg(p.weight, p.unit))),
                    p.reps,
                    _blank(p.rpe),
                    _blank(p.rir),
                    _blank(p.rest_before_s),
                    "true" if p.flagged else "false",
                    _blank(p.note),
                    _blank(session.note),
                ]
            )
            count += 1
    return count


def strong_duration(seconds: int) -> str:
    """A duration as Strong writes it: `1h 5m`, `38m`, `55s`."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes}m"
    if minutes:
        return f"{minutes}m"
    return f"{secs}s"


def write_strong(
    sessions: Iterable[Session], names: Mapping[str, str], out: TextIO, unit: Unit = Unit.KG
) -> int:
    """Write Strong's 2020+ CSV (weights in `unit`, rests as `Rest Timer` rows)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STRONG_COLUMNS)
    count = 0
    for session in sessions:
        date = session.started_at.strftime("%Y-%m-%d %H:%M:%S")
        duration = ""
        if session.finished_at is not None:
            seconds = int((session.finished_at - session.started_at).total_seconds())
            duration = strong_duration(max(seconds, 0))
        head = [date, session.workout_name or "Workout", duration]
        tail_note = session.note or ""
        working: dict[str, int] = {}
        for p in session.sets:
            name = names.get(p.exercise_slug, p.exercise_slug)
            if p.rest_before_s is not None:
                writer.writerow(
                    [*head, name, "Rest Timer", "0", "0", "0", p.rest_before_s, "", tail_note, ""]
                )
                count += 1
            order = _STRONG_ORDER.get(p.set_type)
            if order is None:
                working[p.exercise_slug] = working.get(p.exercise_slug, 0) + 1
                order = str(working[p.exercise_slug])
            weight = clean_weight(convert(p.weight, p.unit, unit))
            writer.writerow(
                [*head, name, order, _blank(weight), p.reps, "0", "0", _blank(p.note),
                 tail_note, _blank(p.rpe)]
            )  # fmt: skip
            count += 1
    return count
