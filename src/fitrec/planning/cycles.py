"""Training cycles (mesocycles): N accumulation weeks of a program, then a deload week.

Lifters call this a training block; here it is a cycle, because `Block` names an
A1/A2 group. Week by week the isolations move toward failure (the article: "Take
isolation sets to 0-1 RIR"; a mesocycle starts further from failure and ends at it,
as RP and the science notes' §5 progression practice do); compound loads come from
the next-session targets (`planning.targets`), so they progress as the lifter does.
The deload week is `planning.deload` (compound volume cut, isolation kept).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from fitrec.domain.programs import Block, Effort, EffortType, Program, Workout
from fitrec.planning.deload import EntryResolver, deload

WEEKS = (4, 8)
START_RIR = 1.0  # the article's 0-1 RIR, its easier end first
END_RIR = 0.0


class WeekKind(StrEnum):
    """Whether a week of a cycle builds (accumulation) or recovers (deload)."""

    ACCUMULATION = "accumulation"
    DELOAD = "deload"


class DayState(StrEnum):
    """Where a day of the grid stands."""

    DONE = "done"
    NEXT = "next"
    TODO = "todo"


@dataclass(frozen=True, slots=True)
class CycleShape:
    """A cycle's length: accumulation weeks, the deload's week and the days a week."""

    weeks: int
    days: int
    deload_week: int  # 1-based; weeks + 1 unless it was brought forward

    @property
    def total_weeks(self) -> int:
        """Weeks up to and including the deload (the cycle ends with it)."""
        return self.deload_week

    @property
    def total_days(self) -> int:
        """Every training day of the cycle."""
        return self.total_weeks * self.days


@dataclass(frozen=True, slots=True)
class GridWeek:
    """One row of the grid: the week, its kind, the isolations' RIR and each day's state."""

    week: int
    kind: WeekKind
    isolation_rir: float | None
    days: tuple[DayState, ...]


def check_weeks(weeks: int) -> str | None:
    """Why `weeks` is not a cycle's accumulation length, or None when it is."""
    if not WEEKS[0] <= weeks <= WEEKS[1]:
        return f"{weeks} is out of range: a cycle has {WEEKS[0]} to {WEEKS[1]} accumulation weeks"
    return None


def shape(weeks: int, days: int, deload_week: int | None = None) -> CycleShape:
    """The shape of a cycle of `weeks` accumulation weeks over `days` workouts."""
    return CycleShape(weeks, days, weeks + 1 if deload_week is None else deload_week)


def week_kind(cycle: CycleShape, week: int) -> WeekKind:
    """Accumulation, or the deload (the last week)."""
    return WeekKind.DELOAD if week >= cycle.deload_week else WeekKind.ACCUMULATION


def isolation_rir(cycle: CycleShape, week: int) -> float | None:
    """The isolations' RIR in an accumulation week: 1 in week one down to 0 in the last.

    Rounded to half a rep (RIR is judged to about a rep, science notes §3); None in
    the deload week, which keeps the program's own isolation effort.
    """
    if week_kind(cycle, week) is WeekKind.DELOAD:
        return None
    last = max(cycle.weeks, 2)
    fraction = (min(week, last) - 1) / (last - 1)
    value = START_RIR + (END_RIR - START_RIR) * fraction
    return round(value * 2) / 2


def position(cycle: CycleShape, days_done: int) -> tuple[int, int] | None:
    """(week, day index), both counted from 1 and 0, of the next day; None when finished."""
    if days_done >= cycle.total_days:
        return None
    return days_done // cycle.days + 1, days_done % cycle.days


def grid(cycle: CycleShape, days_done: int) -> list[GridWeek]:
    """Weeks × days with what is done and what is next."""
    rows = []
    for week in range(1, cycle.total_weeks + 1):
        states = []
        for day in range(cycle.days):
            index = (week - 1) * cycle.days + day
            if index < days_done:
                states.append(DayState.DONE)
            elif index == days_done:
                states.append(DayState.NEXT)
            else:
                states.append(DayState.TODO)
        rows.append(
            GridWeek(week, week_kind(cycle, week), isolation_rir(cycle, week), tuple(states))
        )
    return rows


def week_program(program: Program, cycle: CycleShape, week: int, resolve: EntryResolver) -> Program:
    """The program as it is done in `week`: isolations at the week's RIR, or the deload."""
    if week_kind(cycle, week) is WeekKind.DELOAD:
        return deload(program, resolve)
    rir = isolation_rir(cycle, week)
    assert rir is not None
    workouts = []
    for workout in program.workouts:
        blocks = []
        for block in workout.blocks:
            entries = []
            for entry in block.entries:
                exercise = resolve(entry)
                if exercise is not None and exercise.is_isolation and len(block.entries) > 1:
                    effort = Effort(EffortType.RIR, rir)
                    entry = replace(entry, prescription=replace(entry.prescription, effort=effort))
                else:
                    entry = replace(entry)
                entries.append(entry)
            blocks.append(Block(block.label, entries, block.title, block.pos))
        workouts.append(Workout(workout.name, blocks, workout.pos))
    return Program(
        f"{program.name} (week {week})",
        workouts,
        program.phase,
        program.level,
        program.training_age_months,
        program.pos,
    )
