"""Progress, volume, pair trends, next-session targets and history checks for one owner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fitrec.analytics.check import history_findings
from fitrec.analytics.decline import DeclineConfig
from fitrec.analytics.e1rm import E1rmConfig, E1rmPoint, e1rm_series
from fitrec.analytics.history import ExerciseLookup, ordered
from fitrec.analytics.lift_trend import RECENT_DAYS as TREND_RECENT_DAYS
from fitrec.analytics.pairs import PairPoint, pair_series
from fitrec.analytics.records import ExerciseRecords, records
from fitrec.analytics.volume import GroupVolume, WeekVolume, against_landmarks, weekly_volume
from fitrec.domain.exercises import Exercise
from fitrec.domain.plates import DEFAULT_BAR, DEFAULT_PLATES, PlateInventory
from fitrec.domain.programs import Entry, Program
from fitrec.domain.sessions import PerformedSet, Session
from fitrec.domain.units import Unit
from fitrec.planning.deload import deload
from fitrec.planning.targets import Target, next_target
from fitrec.rules.finding import Finding
from fitrec.services.errors import InvalidInput, NotFound
from fitrec.services.exercises import catalog_for, resolve_in
from fitrec.services.linting import lint_text
from fitrec.services.models import AthleteProfile
from fitrec.services.programs import find_program
from fitrec.services.unit_of_work import UnitOfWork, UowFactory
from fitrec.textformat import format_program

# Next targets and the history checks look at recent training only: the last sessions of
# each lift, the decline window and the pairs active now all fall well inside four months,
# and reading ten years of history for them made the dashboard slow.
RECENT_DAYS = TREND_RECENT_DAYS  # the window a current decline may rest on


def recent_history(uow: UnitOfWork, owner_id: int) -> list[Session]:
    """The owner's sessions of the last RECENT_DAYS, or the whole history when that is empty.

    A lifter back after a long break still gets targets from what they last did.
    """
    since = datetime.now(UTC) - timedelta(days=RECENT_DAYS)
    return uow.sessions.history(owner_id, since=since) or uow.sessions.history(owner_id)


def lookup_for(uow: UnitOfWork, owner_id: int) -> ExerciseLookup:
    """A slug lookup over the catalogue and the owner's custom exercises."""
    return _lookup(uow, owner_id)[0]


def _lookup(uow: UnitOfWork, owner_id: int) -> tuple[ExerciseLookup, Any]:
    """A slug lookup over the catalogue and the owner's custom exercises."""
    catalog = catalog_for(uow, owner_id)

    def find(slug: str) -> Exercise | None:
        return catalog.get(slug) if slug in catalog else None

    return find, catalog


@dataclass(frozen=True, slots=True)
class Progress:
    """A lift's e1RM per session and its records."""

    exercise: Exercise
    series: list[E1rmPoint]
    records: ExerciseRecords | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `fitrec progress --json` and the API."""
        return {
            "exercise": self.exercise.slug,
            "series": [
                {
                    "date": p.date.isoformat(),
                    "e1rm_kg": p.e1rm_kg,
                    "weight_kg": p.weight_kg,
                    "reps": p.reps,
                    "rpe": p.rpe,
                    "rir": p.rir,
                }
                for p in self.series
            ],
        }


def progress(
    make_uow: UowFactory, owner_id: int, exercise: str, config: E1rmConfig = E1rmConfig()
) -> Progress:
    """The e1RM series and records of one lift (named by slug, name or alias)."""
    with make_uow(read_only=True) as uow:
        find, catalog = _lookup(uow, owner_id)
        chosen = resolve_in(catalog, exercise)
        # Whole sessions: a set right after its block's isolation is not fresh, so the
        # isolation sets must be there to be seen.
        sessions = uow.sessions.history(owner_id, exercise_slug=chosen.slug, whole_sessions=True)
    history = ordered(sessions)
    series = e1rm_series(history, find, config, chosen.slug).get(chosen.slug, [])
    return Progress(chosen, series, records(history, find, config).get(chosen.slug))


@dataclass(frozen=True, slots=True)
class VolumeReport:
    """Weekly volume with each group's landmark zone for the latest week."""

    weeks: list[WeekVolume]
    latest: list[GroupVolume]


def volume(make_uow: UowFactory, owner_id: int, max_rir: float = 3.0) -> VolumeReport:
    """Weekly hard sets and tonnage per muscle; the latest week against the landmarks."""
    with make_uow(read_only=True) as uow:
        find, _ = _lookup(uow, owner_id)
        sessions = uow.sessions.history(owner_id)
    weeks = weekly_volume(sessions, find, max_rir)
    return VolumeReport(weeks, against_landmarks(weeks[-1]) if weeks else [])


@dataclass(frozen=True, slots=True)
class PairTrend:
    """One post-exhaust pair's volume and feedback over time."""

    compound: str
    isolation: str
    points: list[PairPoint]


def pair_trends(make_uow: UowFactory, owner_id: int) -> list[PairTrend]:
    """Every pair performed, with its isolation volume beside pump and exhaustion."""
    with make_uow(read_only=True) as uow:
        find, _ = _lookup(uow, owner_id)
        sessions = uow.sessions.history(owner_id)
    trends = []
    for pair, points in pair_series(ordered(sessions), find).items():
        compound, isolation = find(pair.compound_slug), find(pair.isolation_slug)
        trends.append(
            PairTrend(
                compound.name if compound else pair.compound_slug,
                isolation.name if isolation else pair.isolation_slug,
                points,
            )
        )
    return trends


def inventory_of(profile: AthleteProfile) -> PlateInventory:
    """The lifter's bar and plates (the profile stores pairs; the inventory counts plates)."""
    unit = profile.unit
    plates = (
        {w: 2 * n for w, n in profile.plates.items()}
        if profile.plates
        else dict(DEFAULT_PLATES[unit])
    )
    bar = profile.bar_weight if profile.bar_weight is not None else DEFAULT_BAR[unit]
    return PlateInventory(bar, plates, unit)


@dataclass(frozen=True, slots=True)
class NextWorkout:
    """Today's targets: which program and workout, and a target per entry."""

    program: str
    workout: str
    targets: list[Target] = field(default_factory=list)


def _next_workout_name(program: Program, program_id: str, sessions: list[Session]) -> str:
    """The workout after the latest one done from this program (in program order)."""
    names = [w.name for w in program.workouts]
    for session in reversed(sessions):
        if _from_program(session, program_id, program.name) and session.workout_name in names:
            return names[(names.index(session.workout_name) + 1) % len(names)]
    return names[0]


def _from_program(session: Session, program_id: str, name: str) -> bool:
    # By id while the program exists (a rename keeps it); by name for imported sessions.
    if session.program_id is not None:
        return session.program_id == program_id
    return session.program_name == name


def next_session(
    make_uow: UowFactory,
    owner_id: int,
    program: str | None = None,
    workout: str | None = None,
    config: E1rmConfig = E1rmConfig(),
    transform: Callable[[Program, Callable[[Entry], Exercise | None]], Program] | None = None,
) -> NextWorkout:
    """Targets for the next workout of the owner's current program (or the one named).

    `transform` turns the stored program into the one done now (a cycle's week) before
    the targets are worked out; it gets the program and an entry -> exercise resolver.
    """
    with make_uow(read_only=True) as uow:
        return next_workout_in(uow, owner_id, program, workout, config, transform)


def next_workout_in(
    uow: UnitOfWork,
    owner_id: int,
    program: str | None = None,
    workout: str | None = None,
    config: E1rmConfig = E1rmConfig(),
    transform: Callable[[Program, Callable[[Entry], Exercise | None]], Program] | None = None,
) -> NextWorkout:
    """`next_session` inside a unit of work the caller holds (starting a session stores them)."""
    find, catalog = _lookup(uow, owner_id)
    sessions = ordered(recent_history(uow, owner_id))
    if program is None:
        named = next(
            (s.program_id or s.program_name for s in reversed(sessions) if s.program_name),
            None,
        )
        if named is None:
            summaries = uow.programs.list(owner_id)
            if not summaries:
                raise NotFound("program", "(none: add one with `fitrec programs add`)")
            named = max(summaries, key=lambda p: p.updated_at).id
        program = named
    record = find_program(uow, owner_id, program)
    profile = uow.profiles.get(owner_id) or AthleteProfile()
    chosen = record.program
    if transform is not None:
        chosen = transform(chosen, lambda entry: _entry_exercise(entry, find, catalog))
    if not chosen.workouts:
        raise InvalidInput("program", f"{chosen.name!r} has no workouts")
    try:
        day = chosen.workout(workout or _next_workout_name(chosen, record.id, sessions))
    except KeyError:
        raise NotFound("workout", workout or "") from None
    inventory = inventory_of(profile)
    latest = {
        slug: points[-1].e1rm_kg for slug, points in e1rm_series(sessions, find, config).items()
    }
    by_exercise: dict[str, list[list[PerformedSet]]] = {}
    for session in sessions:
        grouped: dict[str, list[PerformedSet]] = {}
        for performed in session.sets:
            grouped.setdefault(performed.exercise_slug, []).append(performed)
        for slug, done in grouped.items():
            by_exercise.setdefault(slug, []).append(done)
    targets = []
    for block in day.blocks:
        for position, entry in enumerate(block.entries, start=1):
            exercise = _entry_exercise(entry, find, catalog)
            if exercise is None:
                continue
            per_session = by_exercise.get(exercise.slug, [])
            one_rm = latest.get(exercise.slug, profile.one_rep_maxes_kg.get(exercise.slug))
            targets.append(
                next_target(
                    exercise,
                    entry.prescription,
                    per_session,
                    e1rm_kg=one_rm,
                    inventory=inventory,
                    label=f"{block.label}{position}",
                )
            )
    return NextWorkout(chosen.name, day.name, targets)


def entry_resolver(uow: UnitOfWork, owner_id: int) -> Callable[[Entry], Exercise | None]:
    """Entry -> exercise over the catalogue and the owner's custom exercises."""
    find, catalog = _lookup(uow, owner_id)
    return lambda entry: _entry_exercise(entry, find, catalog)


def _entry_exercise(entry: Entry, find: ExerciseLookup, catalog: Any) -> Exercise | None:
    """The exercise an entry names: its resolved slug, else a sure catalogue match."""
    if entry.exercise_slug:
        return find(entry.exercise_slug)
    match = catalog.lookup(entry.name)
    return match.exercise if match is not None else None


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Findings of the program text and of the history, with where each came from."""

    findings: list[tuple[str, Finding]]  # (path, finding): program name or "history"

    def to_dicts(self) -> list[dict[str, Any]]:
        """The JSON shape shared with `fitrec lint --json`."""
        return [finding.to_dict(path) for path, finding in self.findings]


def check(
    make_uow: UowFactory,
    owner_id: int,
    program: str | None = None,
    decline: DeclineConfig = DeclineConfig(),
) -> CheckReport:
    """Lint the owner's program (the one named, else every program) and check the history."""
    with make_uow(read_only=True) as uow:
        find, catalog = _lookup(uow, owner_id)
        if program is not None:
            programs = [find_program(uow, owner_id, program).program]
        else:
            programs = [
                record.program
                for summary in uow.programs.list(owner_id)
                if (record := uow.programs.get(owner_id, summary.id)) is not None
            ]
        sessions = recent_history(uow, owner_id)
        profile = uow.profiles.get(owner_id)
    unit = profile.unit if profile is not None else Unit.KG
    today = datetime.now(UTC).date()
    found: list[tuple[str, Finding]] = []
    for chosen in programs:
        report = lint_text(format_program(chosen), catalog=catalog)
        found.extend((chosen.name, f) for f in report.findings)
    found.extend(
        ("history", f)
        for f in history_findings(sessions, find, E1rmConfig(), decline, today=today, unit=unit)
    )
    return CheckReport(found)


def deload_text(make_uow: UowFactory, owner_id: int, program: str) -> str:
    """The deload week of a program, as notation text (compound sets halved and lighter)."""
    with make_uow(read_only=True) as uow:
        find, catalog = _lookup(uow, owner_id)
        chosen = find_program(uow, owner_id, program).program
    return format_program(deload(chosen, lambda entry: _entry_exercise(entry, find, catalog)))
