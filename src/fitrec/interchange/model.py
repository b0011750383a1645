"""What an import produces: sessions, custom exercises, per-row issues and the name report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from fitrec.domain.exercises import Exercise
from fitrec.domain.sessions import Session, SetType
from fitrec.domain.units import Unit

FORMATS = ("strong", "hevy", "fitnotes", "liftosaur", "jefit", "gymbook", "native")


class InterchangeError(ValueError):
    """A file that cannot be imported, with where and why."""

    def __init__(
        self,
        message: str,
        row: int | None = None,
        column: str | None = None,
        section: str | None = None,
    ) -> None:
        self.row = row
        self.column = column
        self.section = section
        self.detail = message
        where = [f'section "{section}"'] if section is not None else []
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f'column "{column}"')
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class RowValueError(InterchangeError):
    """A field of a row that cannot be read (`row 1234, column "Reps": "abc" is not a number`)."""


class UnitRequiredError(InterchangeError):
    """The file does not say whether weights are kg or lb, and no unit was given."""


class UnknownFormatError(InterchangeError):
    """The file is not one of the formats fitrec reads."""


@dataclass(slots=True)
class RawSet:
    """One data row of a foreign file, read but not yet interpreted."""

    row: int
    session_key: str
    started_at: datetime
    exercise: str
    weight: float | None
    reps: float | None
    unit: Unit | None
    set_type: SetType = SetType.WORKING
    is_rest: bool = False
    rest_s: int | None = None  # for rest rows: the rest taken
    workout_name: str | None = None
    program_name: str | None = None
    finished_at: datetime | None = None
    duration_s: int | None = None
    session_note: str | None = None
    note: str | None = None
    rpe: float | None = None
    superset: str | None = None
    distance: str | None = None
    seconds: float | None = None
    performed_at: datetime | None = None
    skipped: bool = False  # marked skipped in the file: kept in the session note, not performed
    cooldown: bool = False  # a cool-down set: stored as a warm-up (not working) with a note


@dataclass(frozen=True, slots=True)
class MuscleHint:
    """The muscles a file lists for an exercise, to fill in a custom exercise it becomes."""

    primary: tuple[str, ...] = ()
    secondary: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProfileRows:
    """Personal rows of an export (bodyweight, birth date): imported only when asked."""

    bodyweight: float | None = None
    unit: Unit | None = None
    measured_on: str | None = None
    birth_date: str | None = None
    rows: int = 0


@dataclass(slots=True)
class ReadExtras:
    """What a reader found beside the sets: rows left out, notes, muscle hints, profile."""

    not_imported: int = 0  # rows read and deliberately not imported (each reason in notes)
    routines: int = 0  # routines the notation cannot express: listed in the notes
    notes: list[str] = field(default_factory=list)
    hints: dict[str, MuscleHint] = field(default_factory=dict)  # foreign name -> muscles
    profile: ProfileRows | None = None
    unit: Unit | None = None  # the unit the file declares for all its weights


@dataclass(frozen=True, slots=True)
class RowIssue:
    """Something noteworthy about one row: a flagged value, an absurd duration."""

    row: int
    column: str | None
    message: str


@dataclass(frozen=True, slots=True)
class NameResolution:
    """What one foreign exercise name became, how it was decided and how sure."""

    foreign: str
    slug: str
    name: str
    how: str  # exact, alias, normalized, fuzzy, mapping, custom
    confidence: float
    rows: int = 0

    @property
    def needs_review(self) -> bool:
        """True for custom exercises and uncertain matches."""
        return self.how == "custom" or self.confidence < 0.9


@dataclass(slots=True)
class ImportBatch:
    """Everything one file yields, ready to be persisted in one transaction."""

    source: str
    sessions: list[Session] = field(default_factory=list)
    custom_exercises: list[Exercise] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    names: list[NameResolution] = field(default_factory=list)
    rest_rows: dict[str, int] = field(default_factory=dict)  # import key -> rest rows
    skipped_sets: dict[str, int] = field(default_factory=dict)  # import key -> skipped sets
    extras: ReadExtras = field(default_factory=ReadExtras)
    flagged_sessions: set[str] = field(default_factory=set)  # import keys, absurd durations
    pairs: int = 0

    @property
    def set_count(self) -> int:
        """Every performed set (rest rows are not sets)."""
        return sum(len(s.sets) for s in self.sessions)
