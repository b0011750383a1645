"""Use cases of training cycles: start one, show where it stands, advance it a day.

A cycle is stored with its position (days done); the grid, the week's program and
the next day's targets are worked out from it by `planning.cycles` and the
next-session targets, so nothing derived is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fitrec.domain.exercises import Exercise
from fitrec.domain.programs import Entry, Program
from fitrec.planning.cycles import (
    CycleShape,
    GridWeek,
    WeekKind,
    check_weeks,
    grid,
    position,
    shape,
    week_kind,
    week_program,
)
from fitrec.planning.targets import Target
from fitrec.services.analytics import entry_resolver, next_session
from fitrec.services.errors import InvalidInput, NotFound
from fitrec.services.models import CycleRecord
from fitrec.services.programs import find_program
from fitrec.services.unit_of_work import UnitOfWork, UowFactory
from fitrec.textformat import format_program


@dataclass(frozen=True, slots=True)
class NextDay:
    """The next day of a cycle: its week, the workout and the targets for it."""

    week: int
    kind: WeekKind
    workout: str
    targets: list[Target] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CycleView:
    """A cycle as the faces show it: the grid, the next day and the week's program."""

    record: CycleRecord
    program_name: str
    workouts: tuple[str, ...]
    grid: list[GridWeek]
    next: NextDay | None
    week_text: str | None  # the current week's program in the notation

    @property
    def finished(self) -> bool:
        """True once every day, the deload's too, is done."""
        return self.next is None

    def to_dict(self) -> dict[str, Any]:
        """The view as JSON (the CLI's --json and the API share it)."""
        r = self.record
        nxt = self.next
        return {
            "id": r.id,
            "program_id": r.program_id,
            "program": self.program_name,
            "weeks": r.weeks,
            "deload_week": r.deload_week,
            "days_done": r.days_done,
            "started_at": r.started_at.isoformat(),
            "finished_at": r.finished_at.isoformat() if r.finished_at else None,
            "workouts": list(self.workouts),
            "grid": [
                {
                    "week": g.week,
                    "kind": g.kind.value,
                    "isolation_rir": g.isolation_rir,
                    "days": [d.value for d in g.days],
                }
                for g in self.grid
            ],
            "next": None
            if nxt is None
            else {
                "week": nxt.week,
                "kind": nxt.kind.value,
                "workout": nxt.workout,
                "targets": [_target_dict(t) for t in nxt.targets],
            },
            "week_program": self.week_text,
        }


def _target_dict(t: Target) -> dict[str, Any]:
    return {
        "label": t.label,
        "exercise": t.exercise_name,
        "sets": t.sets,
        "reps": t.reps,
        "load": t.load,
        "unit": t.unit.value,
        "effort": t.effort,
        "rule": t.rule.value,
        "reason": t.reason,
    }


def _shape(record: CycleRecord) -> CycleShape:
    return shape(record.weeks, record.days, record.deload_week)


def _week_transform(
    cycle: CycleShape, week: int
) -> Callable[[Program, Callable[[Entry], Exercise | None]], Program]:
    return lambda program, resolve: week_program(program, cycle, week, resolve)


def start_cycle(
    make_uow: UowFactory,
    owner_id: int,
    program: str,
    weeks: int,
    *,
    now: datetime | None = None,
) -> CycleView:
    """Start a cycle of the owner's program (by id or name); a running cycle is ended."""
    problem = check_weeks(weeks)
    if problem is not None:
        raise InvalidInput("weeks", problem)
    when = now or datetime.now(UTC)
    with make_uow() as uow:
        record = find_program(uow, owner_id, program)
        if not record.program.workouts:
            raise InvalidInput("program", f"{record.program.name!r} has no workouts")
        running = uow.cycles.current(owner_id)
        if running is not None:
            uow.cycles.save_position(
                owner_id,
                running.id,
                days_done=running.days_done,
                deload_week=running.deload_week,
                finished_at=when,
            )
        days = len(record.program.workouts)
        cycle_id = uow.cycles.add(
            owner_id,
            record.id,
            weeks=weeks,
            days=days,
            deload_week=weeks + 1,
            started_at=when,
        )
        if cycle_id is None:
            raise NotFound("program", program)
        uow.commit()
    return show_cycle(make_uow, owner_id, cycle_id)


def _current(uow: UnitOfWork, owner_id: int, cycle_id: str | None) -> CycleRecord:
    record = (
        uow.cycles.current(owner_id) if cycle_id is None else uow.cycles.get(owner_id, cycle_id)
    )
    if record is None:
        raise NotFound("cycle", cycle_id or "(none: start one with `fitrec cycle start`)")
    return record


def show_cycle(make_uow: UowFactory, owner_id: int, cycle_id: str | None = None) -> CycleView:
    """The owner's current cycle (or the one given): grid, next day and its targets."""
    with make_uow(read_only=True) as uow:
        record = _current(uow, owner_id, cycle_id)
        program = find_program(uow, owner_id, record.program_id).program
        resolve = entry_resolver(uow, owner_id)
    cycle = _shape(record)
    names = tuple(w.name for w in program.workouts)
    at = position(cycle, record.days_done)
    nxt = None
    week_text = None
    if at is not None and names:
        week, day = at
        workout = names[day % len(names)]
        ahead = next_session(
            make_uow,
            owner_id,
            program=record.program_id,
            workout=workout,
            transform=_week_transform(cycle, week),
        )
        nxt = NextDay(week, week_kind(cycle, week), workout, ahead.targets)
        week_text = format_program(week_program(program, cycle, week, resolve))
    return CycleView(record, program.name, names, grid(cycle, record.days_done), nxt, week_text)


def advance_cycle(make_uow: UowFactory, owner_id: int, *, now: datetime | None = None) -> CycleView:
    """Mark the next day of the current cycle done; the cycle ends after its deload week."""
    with make_uow() as uow:
        record = _current(uow, owner_id, None)
        cycle = _shape(record)
        done = min(record.days_done + 1, cycle.total_days)
        finished = (now or datetime.now(UTC)) if done >= cycle.total_days else None
        uow.cycles.save_position(
            owner_id,
            record.id,
            days_done=done,
            deload_week=record.deload_week,
            finished_at=finished,
        )
        uow.commit()
    return show_cycle(make_uow, owner_id, record.id)
