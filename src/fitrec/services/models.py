"""Read models the services return: plain dataclasses, never database rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from fitrec.domain.programs import Level, Program
from fitrec.domain.sessions import PerformedSet
from fitrec.domain.units import Unit


@dataclass(slots=True)
class AthleteProfile:
    """A lifter's settings: units, experience, bodyweight, bar and plates, known 1RMs (kg)."""

    unit: Unit = Unit.KG
    level: Level | None = None
    training_age_months: int | None = None
    bodyweight: float | None = None  # in `unit`
    bar_weight: float | None = None  # in `unit`
    plates: dict[float, int] = field(default_factory=dict)  # plate weight in `unit` -> pairs
    one_rep_maxes_kg: dict[str, float] = field(default_factory=dict)  # exercise slug -> kg


@dataclass(slots=True)
class ProgramRecord:
    """A stored program: its public id, the parsed program and when it changed."""

    id: str
    program: Program
    created_at: datetime
    updated_at: datetime
    template: str | None = None  # the built-in template it was copied from
    draft: bool = False  # saved on purpose with errors


@dataclass(frozen=True, slots=True)
class ProgramSummary:
    """One line of a program list."""

    id: str
    name: str
    workouts: tuple[str, ...]
    updated_at: datetime
    template: str | None = None
    draft: bool = False


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One line of the history: a session with its counts."""

    id: str
    started_at: datetime
    finished_at: datetime | None
    workout_name: str | None
    program_name: str | None
    set_count: int  # every set but the warm-ups, as the session page counts them
    volume_kg: float
    source: str | None = None
    warmup_count: int = 0


@dataclass(frozen=True, slots=True)
class OpenSession:
    """What logging a set needs to know about a session, without loading its sets."""

    id: str
    row_id: int
    started_at: datetime
    finished_at: datetime | None
    program_id: str | None
    workout_name: str | None
    program_name: str | None


@dataclass(frozen=True, slots=True)
class AddedSet:
    """What logging a set into a session did.

    `session_id` is the open session the set went to (None: no such session); `performed`
    the set stored now (`created`) or the one stored before under its client id, whose
    session is `stored_in`; `finished` when the session was finished and nothing was stored.
    """

    session_id: str | None
    performed: PerformedSet | None = None
    created: bool = False
    stored_in: str | None = None
    finished: bool = False


@dataclass(frozen=True, slots=True)
class LastTime:
    """What the lifter did with an exercise the last time before a session: its sets, when."""

    session_id: str
    started_at: datetime
    sets: list[PerformedSet]


@dataclass(frozen=True, slots=True)
class Template:
    """A built-in program anyone may copy."""

    name: str
    text: str
    program: Program


@dataclass(frozen=True, slots=True)
class CycleRecord:
    """A stored training cycle: its program, its shape and how many days are done."""

    id: str
    program_id: str
    weeks: int
    days: int
    deload_week: int
    days_done: int
    started_at: datetime
    finished_at: datetime | None = None
