"""GymBook (iOS) CSV in the app's language: decimal commas, units inside values, skipped sets."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from fitrec.domain.sessions import SetType
from fitrec.domain.units import Unit
from fitrec.interchange import values
from fitrec.interchange.model import MuscleHint, RawSet, ReadExtras, RowValueError
from fitrec.interchange.tabular import Columns, delimiter_of, header_key, records

LAYOUT = [
    "date", "workout", "time", "exercise", "zone", "primary", "secondary", "kind", "reps",
    "weight", "notes", "skipped",
]  # fmt: skip
# The header GymBook writes in each language (docs/interchange.md lists them).
HEADERS: dict[str, tuple[str, ...]] = {
    "en": (
        "Date", "Workout", "Time", "Exercise", "Region", "Muscle groups (Primary)",
        "Muscle groups (Secondary)", "Set / Warm-up set / Cool-down set", "Reps / Time",
        "Weight / Distance", "Notes", "Skipped",
    ),
    "it": (
        "Data", "Programma", "Orario", "Esercizio", "Zona", "Gruppi muscolari (Primari)",
        "Gruppi muscolari (Secondari)", "Set / Set di riscaldamento / Set di defaticamento",
        "Ripetizioni / Tempo", "Peso / Distanza", "Appunti", "Saltato",
    ),
    "de": (
        "Datum", "Training", "Uhrzeit", "Übung", "Region", "Muskelgruppen (Primär)",
        "Muskelgruppen (Sekundär)", "Satz / Aufwärmsatz / Abwärmsatz",
        "Wiederholungen / Zeit", "Gewicht / Distanz", "Notizen", "Übersprungen",
    ),
    "fr": (
        "Date", "Programme", "Heure", "Exercice", "Zone", "Groupes musculaires (Primaires)",
        "Groupes musculaires (Secondaires)",
        "Série / Série d'échauffement / Série de récupération", "Répétitions / Temps",
        "Poids / Distance", "Notes", "Ignoré",
    ),
    "es": (
        "Fecha", "Programa", "Hora", "Ejercicio", "Zona", "Grupos musculares (Primarios)",
        "Grupos musculares (Secundarios)",
        "Serie / Serie de calentamiento / Serie de enfriamiento", "Repeticiones / Tiempo",
        "Peso / Distancia", "Notas", "Omitido",
    ),
}  # fmt: skip
SYNONYMS: dict[str, tuple[str, ...]] = {
    key: tuple(sorted({header_key(h[i]) for h in HEADERS.values()})) for i, key in enumerate(LAYOUT)
}
_WARMUP = ("warm", "riscald", "aufwärm", "aufwaerm", "échauff", "echauff", "calent")
_COOLDOWN = ("cool", "defatic", "abwärm", "abwaerm", "cool-down", "récup", "recup", "enfria")
_YES = {"si", "sì", "sí", "yes", "y", "ja", "oui", "true", "1"}
_NO = {"no", "nein", "non", "false", "0"}
_SECONDS = {
    3600: ("h", "hr", "hrs", "hour", "hours", "ora", "ore", "stunde", "stunden", "std",
           "heure", "heures", "hora", "horas"),
    60: ("min", "mins", "minute", "minutes", "minuto", "minuti", "minuten", "minutos"),
    1: ("s", "sec", "secs", "second", "seconds", "secondo", "secondi", "sek", "sekunde",
        "sekunden", "seconde", "secondes", "segundo", "segundos"),
}  # fmt: skip
_TIME_WORDS = {word: factor for factor, words in _SECONDS.items() for word in words}
_DISTANCES = {"km": "km", "m": "m", "mi": "miles", "miles": "miles", "mile": "miles", "yd": "yd"}
_QUANTITY = re.compile(r"(\d[\d.,' ]*\d|\d)\s*([^\d\s.,][^\d]*)?")
_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$", re.IGNORECASE)


def is_gymbook_header(record: list[str]) -> bool:
    """True for a GymBook header in any language: by its names, or by its shape.

    The shape is what every translation keeps: twelve columns, the set kind written as
    three choices with slashes, then `reps / time` and `weight / distance`.
    """
    keys = [header_key(field) for field in record]
    known = sum(1 for key, names in zip(keys, SYNONYMS.values(), strict=False) if key in names)
    if known >= 9:
        return True
    return len(keys) in (11, 12) and keys[7].count("/") == 2 and "/" in keys[8] and "/" in keys[9]


def read_gymbook(text: str, unit: Unit | None, extras: ReadExtras) -> Iterator[RawSet]:
    """Stream the rows of a GymBook export as raw sets; skipped sets are marked skipped."""
    rows = records(text, delimiter_of(text))
    first = next(rows, None)
    if first is None:
        return
    header = first[1]
    columns = Columns.from_header(header, SYNONYMS)
    if not all(columns.has(key) for key in ("date", "exercise", "reps", "weight")):
        # A language whose names fitrec does not know: the columns keep their order.
        columns = Columns.from_layout(LAYOUT, header)
    memo: dict[tuple[str, str | None, str | None], object] = {}
    for number, record in rows:
        raw = _row(number, record, columns, unit, memo)
        if raw.exercise not in extras.hints:
            extras.hints[raw.exercise] = _hint(record, columns)
        yield raw


def _hint(record: list[str], cols: Columns) -> MuscleHint:
    def words(key: str) -> tuple[str, ...]:
        return tuple(w.strip() for w in (cols.get(record, key) or "").split(",") if w.strip())

    return MuscleHint(primary=words("primary") or words("zone"), secondary=words("secondary"))


def _row(
    number: int,
    record: list[str],
    cols: Columns,
    unit: Unit | None,
    memo: dict[tuple[str, str | None, str | None], Any],
) -> RawSet:
    def field(key: str) -> str | None:
        return values.text(cols.get(record, key))

    def parsed(kind: str, a: str | None, b: str | None, read: Callable[[], Any]) -> Any:
        # Dates, reps and weights repeat across rows: each distinct text is read once (a
        # bad one raises on its first row, so nothing wrong is remembered).
        key = (kind, a, b)
        if key not in memo:
            memo[key] = read()
        return memo[key]

    day, clock = field("date"), field("time")
    reps_text, weight_text = field("reps"), field("weight")
    started = parsed("when", day, clock, lambda: _when(day, clock, number, cols))
    workout = field("workout")
    kind = (field("kind") or "").lower()
    cooldown, warmup = parsed("kind", kind, None, lambda: _kind(kind))
    reps, seconds = parsed(
        "reps", reps_text, None, lambda: _reps_or_time(reps_text, number, cols.label("reps"))
    )
    weight, weight_unit, distance = parsed(
        "weight", weight_text, None, lambda: _weight_or_distance(weight_text, number, cols)
    )
    return RawSet(
        row=number,
        session_key=f"{started.isoformat()}|{workout or ''}",
        started_at=started,
        exercise=field("exercise") or "",
        weight=weight,
        reps=reps,
        unit=weight_unit or unit,
        set_type=SetType.WARMUP if warmup else SetType.WORKING,
        workout_name=workout,
        note=field("notes"),
        distance=distance,
        seconds=seconds,
        skipped=_skipped(field("skipped"), number, cols.label("skipped")),
        cooldown=cooldown,
    )


def _kind(kind: str) -> tuple[bool, bool]:
    """(cool-down, not a working set) for a set kind in any language."""
    cooldown = any(word in kind for word in _COOLDOWN)
    return cooldown, cooldown or any(word in kind for word in _WARMUP)


def _when(day: str | None, clock: str | None, row: int, cols: Columns) -> datetime:
    """dd/mm/yy (or dd.mm.yyyy) and HH:MM into one date-time."""
    if day is None:
        raise RowValueError("a date is required", row, cols.label("date"))
    match = _DATE.match(day)
    if match is None:
        raise RowValueError(f'"{day}" is not a date (dd/mm/yy)', row, cols.label("date"))
    d, m, y = (int(part) for part in match.groups())
    hour = minute = second = 0
    if clock is not None:
        timed = _TIME.match(clock)
        if timed is None:
            raise RowValueError(f'"{clock}" is not a time (HH:MM)', row, cols.label("time"))
        hour, minute = int(timed.group(1)), int(timed.group(2))
        second = int(timed.group(3) or 0)
        meridiem = (timed.group(4) or "").lower().replace(".", "")
        if meridiem:
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
        if hour > 23 or minute > 59 or second > 59:
            raise RowValueError(f'"{clock}" is not a time of day', row, cols.label("time"))
    try:
        return datetime(y + 2000 if y < 100 else y, m, d, hour, minute, second)
    except ValueError as exc:
        raise RowValueError(f'"{day}" is not a date: {exc}', row, cols.label("date")) from None


def decimal(raw: str, row: int, column: str) -> float:
    """A number with a decimal comma or point (`62,50`, `1.062,50`, `1,062.50`, `8`)."""
    candidate = raw.replace(" ", "").replace("'", "")
    if "," in candidate and "." in candidate:
        # The separator written last is the decimal one; the other groups thousands.
        thousands = "." if candidate.rfind(",") > candidate.rfind(".") else ","
        candidate = candidate.replace(thousands, "")
    candidate = candidate.replace(",", ".")
    try:
        return float(candidate)
    except ValueError:
        raise RowValueError(f'"{raw}" is not a number', row, column) from None


def _quantities(raw: str, row: int, column: str) -> list[tuple[float, str]]:
    parts = [(m.group(1), (m.group(2) or "").strip()) for m in _QUANTITY.finditer(raw)]
    leftover = _QUANTITY.sub("", raw).strip()
    if not parts or leftover:
        raise RowValueError(f'"{raw}" is not a number with a unit', row, column)
    return [(decimal(amount, row, column), word.lower().rstrip(".")) for amount, word in parts]


def _reps_or_time(raw: str | None, row: int, column: str) -> tuple[float | None, float | None]:
    """`8 ripetizioni` -> 8 reps; `5 minuti`, `30 secondi`, `1 min 30 s`, `1:30` -> seconds."""
    if raw is None:
        return None, None
    clock = re.fullmatch(r"(\d+):(\d{2})", raw)
    if clock:
        return None, float(int(clock.group(1)) * 60 + int(clock.group(2)))
    parts = _quantities(raw, row, column)
    if all(word in _TIME_WORDS for _amount, word in parts):
        return None, sum(amount * _TIME_WORDS[word] for amount, word in parts)
    if len(parts) == 1:
        return parts[0][0], None  # reps in any language: `8`, `8 reps`, `8 Wdh.`
    raise RowValueError(f'"{raw}" is neither reps nor a time', row, column)


def _weight_or_distance(
    raw: str | None, row: int, cols: Columns
) -> tuple[float | None, Unit | None, str | None]:
    """`62,50 kg` -> (62.5, kg, None); `2,50 km` -> (None, None, "2.5 km")."""
    if raw is None:
        return None, None, None
    column = cols.label("weight")
    parts = _quantities(raw, row, column)
    if len(parts) != 1:
        raise RowValueError(f'"{raw}" is not one weight or distance', row, column)
    amount, word = parts[0]
    if not word:
        return amount, None, None
    if word in _DISTANCES:
        return None, None, (f"{amount:g} {_DISTANCES[word]}" if amount else None)
    try:
        return amount, Unit.parse(word), None
    except ValueError:
        raise RowValueError(f'"{raw}": unknown unit "{word}"', row, column) from None


def _skipped(raw: str | None, row: int, column: str) -> bool:
    key = (raw or "").strip().lower()
    if not key or key in _NO:
        return False
    if key in _YES:
        return True
    raise RowValueError(f'"{raw}" is not yes or no (Si / No)', row, column)
