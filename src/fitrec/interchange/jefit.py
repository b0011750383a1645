"""JEFIT's full export: one CSV of `### NAME ###` sections, each set counted exactly once.

Per-set rows (EXERCISE SET LOGS) win over the packed `logs` field of their exercise log;
sessions come from WORKOUT SESSIONS; the unit from SETTING. Rows that are not sets
(cardio logs, routines, records, personal profile rows) are reported, never dropped
silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from fitrec.domain.sessions import SetType
from fitrec.domain.units import Unit, convert
from fitrec.interchange import values
from fitrec.interchange.jefit_sections import Section, sections
from fitrec.interchange.model import (
    MuscleHint,
    ProfileRows,
    RawSet,
    ReadExtras,
)

_PACKED = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[xX×]\s*(\d+(?:\.\d+)?)\s*$")
_SET_TYPES = {
    "default": SetType.WORKING,
    "normal": SetType.WORKING,
    "working": SetType.WORKING,
    "": SetType.WORKING,
    "warm-up": SetType.WARMUP,
    "warmup": SetType.WARMUP,
    "warm up": SetType.WARMUP,
    "drop": SetType.DROP,
    "dropset": SetType.DROP,
    "drop-set": SetType.DROP,
    "failure": SetType.FAILURE,
}
_READ = {
    "SETTING", "PROFILE", "ROUTINES", "WORKOUT SESSIONS", "EXERCISE LOGS",
    "EXERCISE SET LOGS", "CUSTOM EXERCISES", "CARDIO LOGS",
}  # fmt: skip
# Sections read for something other than sets, and why the rest are left out.
_LEFT_OUT = {
    "EXERCISE RECORDS": "records are computed again from the sets",
    "FAVORITE EXERCISES": "favourites are not kept",
    "NOTES": "exercise notes are not linked to a session in the export",
    "CARDIO EXERCISE LOGS": "cardio is not imported",
}


@dataclass(frozen=True, slots=True)
class _Workout:
    started_at: datetime
    finished_at: datetime | None
    duration_s: int | None


def read_jefit(
    text: str, unit: Unit | None, extras: ReadExtras, *, with_profile: bool = False
) -> Iterator[RawSet]:
    """The sets of a JEFIT export, session by session; `extras` gets what is not a set."""
    parts = sections(text)
    file_unit, birth = _settings(parts.get("SETTING"))
    extras.unit = file_unit
    set_unit = file_unit or unit
    workouts = _workouts(parts.get("WORKOUT SESSIONS"))
    set_section = parts.get("EXERCISE SET LOGS")
    per_set = _set_logs(set_section)
    _hints(parts.get("CUSTOM EXERCISES"), extras)
    _report(parts, extras, file_unit, birth, with_profile)
    logs = parts.get("EXERCISE LOGS")
    if logs is None:
        return
    for number, record in logs.rows:
        yield from _exercise_log(
            logs, number, record, workouts, per_set, set_section, set_unit, extras
        )


def _settings(section: Section | None) -> tuple[Unit | None, str | None]:
    if section is None or not section.rows:
        return None, None
    number, record = section.rows[0]
    mass = section.get(record, "mass")
    unit = None
    if mass is not None:
        try:
            unit = Unit.parse(mass)
        except ValueError:
            raise section.error(f'"{mass}" is not kg or lbs', number, "mass") from None
    return unit, section.get(record, "DOB")


def _unix(section: Section, record: list[str], column: str, row: int) -> datetime | None:
    seconds = section.number(record, column, row)
    if seconds is None or seconds <= 0:
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):
        raise section.error(f'"{seconds:g}" is not a time in Unix seconds', row, column) from None


def _workouts(section: Section | None) -> dict[str, _Workout]:
    found: dict[str, _Workout] = {}
    if section is None:
        return found
    for number, record in section.rows:
        key = section.get(record, "_id")
        if key is None:
            raise section.error("a workout session without an _id", number, "_id")
        started = _unix(section, record, "starttime", number)
        if started is None:
            raise section.error("a workout session needs its start time", number, "starttime")
        finished = _unix(section, record, "endtime", number)
        if finished is not None and finished <= started:
            finished = None
        total = section.number(record, "total_time", number)
        found[key] = _Workout(started, finished, round(total) if total else None)
    return found


def _set_logs(section: Section | None) -> dict[str, list[tuple[int, list[str]]]]:
    grouped: dict[str, list[tuple[int, list[str]]]] = {}
    if section is None:
        return grouped
    for number, record in section.rows:
        log_id = section.get(record, "exercise_log_id")
        if log_id is None:
            raise section.error("a set without its exercise log", number, "exercise_log_id")
        grouped.setdefault(log_id, []).append((number, record))
    for rows in grouped.values():
        rows.sort(key=lambda item: section.number(item[1], "set_index", item[0]) or 0)
    return grouped


def _hints(section: Section | None, extras: ReadExtras) -> None:
    if section is None:
        return
    for _number, record in section.rows:
        name = section.get(record, "name")
        parts = [section.get(record, c) for c in ("bodypart", "bodypart2", "bodypart3")]
        # Body parts written as words help; JEFIT's numeric codes say nothing reliable.
        words = tuple(p for p in parts if p and not p.lstrip("-").isdigit())
        if name:
            extras.hints[name] = MuscleHint(primary=words[:1], secondary=words[1:])


def _report(
    parts: dict[str, Section],
    extras: ReadExtras,
    unit: Unit | None,
    birth: str | None,
    with_profile: bool,
) -> None:
    """Count and explain every row that does not become a set."""
    cardio = parts.get("CARDIO LOGS")
    if cardio is not None and cardio.rows:
        extras.not_imported += len(cardio.rows)
        extras.notes.append(
            f"CARDIO LOGS: {len(cardio.rows)} cardio log(s) not imported "
            "(fitrec keeps strength sets; cardio logs are counted, not stored)"
        )
    routines = parts.get("ROUTINES")
    if routines is not None:
        for number, record in routines.rows:
            extras.routines += 1
            extras.notes.append(_routine_note(routines, number, record))
    for name, why in _LEFT_OUT.items():
        section = parts.get(name)
        if section is not None and section.rows:
            extras.not_imported += len(section.rows)
            extras.notes.append(f"{name}: {len(section.rows)} row(s) not imported ({why})")
    for name, section in parts.items():
        if name not in _READ and name not in _LEFT_OUT and section.rows:
            extras.not_imported += len(section.rows)
            extras.notes.append(
                f"{section.name}: {len(section.rows)} row(s) not imported "
                "(a section fitrec does not read)"
            )
    _profile(parts.get("PROFILE"), extras, unit, birth, with_profile)


def _profile(
    section: Section | None,
    extras: ReadExtras,
    unit: Unit | None,
    birth: str | None,
    with_profile: bool,
) -> None:
    """The latest bodyweight and the birth date, kept aside: they are personal."""
    rows = section.rows if section is not None else []
    latest: tuple[str, float] | None = None
    if section is not None:
        for number, record in rows:
            weight = section.number(record, "weight", number)
            day = section.get(record, "mydate") or ""
            if weight and (latest is None or day >= latest[0]):
                latest = (day, weight)
    if not rows and birth is None:
        return
    extras.profile = ProfileRows(
        bodyweight=latest[1] if latest else None,
        unit=unit,
        measured_on=(latest[0] or None) if latest else None,
        birth_date=birth,
        rows=len(rows),
    )
    if not with_profile:
        extras.not_imported += len(rows)
        what = [f"{len(rows)} body-measurement row(s)"] if rows else []
        what += ["the birth date"] if birth else []
        extras.notes.append(
            f"PROFILE: {' and '.join(what)} not imported "
            "(personal data: --with-profile imports the latest bodyweight)"
        )


def _routine_note(section: Section, number: int, record: list[str]) -> str:
    name = section.get(record, "name") or f"routine on row {number}"
    details = [
        f"{section.get(record, 'dayaweek')} days a week" if section.get(record, "dayaweek") else "",
        section.get(record, "description") or "",
    ]
    said = "; ".join(d for d in details if d)
    return (
        f'ROUTINES: "{name}" is not a program (the export lists no exercises for its days) '
        f"and is not stored{': ' + said if said else ''}"
    )


def _exercise_log(
    logs: Section,
    number: int,
    record: list[str],
    workouts: dict[str, _Workout],
    per_set: dict[str, list[tuple[int, list[str]]]],
    set_section: Section | None,
    unit: Unit | None,
    extras: ReadExtras,
) -> Iterator[RawSet]:
    name = logs.get(record, "ename")
    if name is None:
        raise logs.error("an exercise log without its exercise name", number, "ename")
    session_id = logs.get(record, "belongsession")
    workout = workouts.get(session_id or "")
    if workout is not None:
        key = f"session:{session_id}"
        started, finished, duration = workout.started_at, workout.finished_at, workout.duration_s
    else:
        # An exercise log of no known session (older exports): its day is the session.
        day = logs.get(record, "mydate")
        parsed = values.try_datetime(day) if day else None
        if parsed is None:
            raise logs.error(f'"{day or ""}" is not a date', number, "mydate")
        started = parsed.replace(hour=0, minute=0, second=0, microsecond=0)
        key, finished, duration = f"day:{started.date().isoformat()}", None, None
    base = RawSet(
        row=number,
        session_key=key,
        started_at=started,
        finished_at=finished,
        duration_s=duration,
        exercise=name,
        weight=None,
        reps=None,
        unit=unit,
    )
    packed = _unpack(logs, number, record)
    log_id = logs.get(record, "_id")
    rows = per_set.get(log_id or "") if log_id is not None else None
    if rows and set_section is not None:
        sets = list(_from_set_logs(set_section, rows, base, packed, unit))
        if packed and len(packed) != len(sets):
            extras.notes.append(
                f'EXERCISE LOGS row {number}: "{name}" packs {len(packed)} set(s) but has '
                f"{len(sets)} set row(s); the set rows were imported"
            )
        yield from sets
        return
    for weight, reps in packed:
        yield _copy(base, weight=weight, reps=reps)


def _unpack(logs: Section, number: int, record: list[str]) -> list[tuple[float, float]]:
    """`"135.0x8,135.0x8"` -> [(135.0, 8.0), (135.0, 8.0)]."""
    packed = logs.get(record, "logs")
    if packed is None:
        return []
    sets = []
    for part in packed.split(","):
        if not part.strip():
            continue
        match = _PACKED.match(part)
        if match is None:
            message = f'"{part.strip()}" is not weight x reps (e.g. 135.0x8)'
            raise logs.error(message, number, "logs")
        sets.append((float(match.group(1)), float(match.group(2))))
    return sets


def _from_set_logs(
    section: Section,
    rows: list[tuple[int, list[str]]],
    base: RawSet,
    packed: list[tuple[float, float]],
    unit: Unit | None,
) -> Iterator[RawSet]:
    """The set rows of one exercise log, in `set_index` order, with their set types."""
    weights = [section.number(r, "weight_lbs", n) or 0.0 for n, r in rows]
    row_unit = _set_log_unit(weights, packed, unit)
    for (number, record), weight in zip(rows, weights, strict=True):
        kind = (section.get(record, "set_type") or "").lower()
        if kind not in _SET_TYPES:
            raise section.error(
                f'"{kind}" is not a set type (default, warm-up, drop, failure)',
                number,
                "set_type",
            )
        distance = section.number(record, "distance_mi", number)
        seconds = section.number(record, "duration", number)
        yield _copy(
            base,
            row=number,
            weight=weight,
            reps=section.number(record, "reps", number),
            unit=row_unit,
            set_type=_SET_TYPES[kind],
            distance=f"{distance:g} miles" if distance else None,
            seconds=seconds or None,
        )


def _set_log_unit(
    weights: list[float], packed: list[tuple[float, float]], unit: Unit | None
) -> Unit | None:
    """The unit of `weight_lbs`: the export's unit, unless the values are the packed ones
    converted to pounds (a kg user's set rows then hold pounds, as the column says)."""
    if unit is not Unit.KG or not packed or len(packed) != len(weights):
        return unit
    pairs = list(zip(weights, (p for p, _reps in packed), strict=True))
    same = all(abs(w - p) < 0.01 for w, p in pairs)
    in_lb = all(abs(w - convert(p, Unit.KG, Unit.LB)) < 0.05 for w, p in pairs)
    return Unit.LB if in_lb and not same else unit


def _copy(base: RawSet, **changes: object) -> RawSet:
    """A new raw set with the session fields of `base` and the given set fields."""
    raw = RawSet(
        row=base.row,
        session_key=base.session_key,
        started_at=base.started_at,
        exercise=base.exercise,
        weight=base.weight,
        reps=base.reps,
        unit=base.unit,
        finished_at=base.finished_at,
        duration_s=base.duration_s,
    )
    for name, value in changes.items():
        setattr(raw, name, value)
    return raw
