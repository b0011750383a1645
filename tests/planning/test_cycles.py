"""Cycles, pure: isolation RIR toward 0, the deload week, the position and the grid."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from fitrec.catalog import default_catalog
from fitrec.domain.exercises import Exercise
from fitrec.domain.programs import Entry, Level, Phase
from fitrec.planning.cycles import (
    DayState,
    WeekKind,
    check_weeks,
    grid,
    isolation_rir,
    position,
    shape,
    week_program,
)
from fitrec.planning.generator import PlanRequest, generate
from fitrec.planning.landmarks import PlanMuscle

CATALOG = default_catalog()


def resolve(entry: Entry) -> Exercise | None:
    return CATALOG.get(entry.exercise_slug) if entry.exercise_slug else None


@given(st.integers(4, 8))
def test_isolation_rir_falls_from_one_to_zero_and_never_rises(weeks: int) -> None:
    cycle = shape(weeks, 3)
    values = [isolation_rir(cycle, w) for w in range(1, weeks + 1)]
    assert values[0] == 1 and values[-1] == 0
    assert all(a is not None and b is not None and a >= b for a, b in pairwise(values))
    assert isolation_rir(cycle, weeks + 1) is None  # the deload keeps the program's effort


def test_weeks_outside_four_to_eight_are_refused() -> None:
    assert check_weeks(4) is None and check_weeks(8) is None
    assert "4 to 8" in (check_weeks(3) or "") and "4 to 8" in (check_weeks(9) or "")


@given(st.integers(4, 8), st.integers(2, 6), st.data())
def test_the_grid_has_one_next_day_after_the_done_ones(
    weeks: int, days: int, data: st.DataObject
) -> None:
    cycle = shape(weeks, days)
    done = data.draw(st.integers(0, cycle.total_days))
    cells = [state for row in grid(cycle, done) for state in row.days]
    assert len(cells) == (weeks + 1) * days
    assert cells[:done] == [DayState.DONE] * done
    assert cells[done : done + 1] == ([] if done == cycle.total_days else [DayState.NEXT])
    assert all(c is DayState.TODO for c in cells[done + 1 :])
    at = position(cycle, done)
    assert (at is None) == (done == cycle.total_days)
    assert grid(cycle, done)[-1].kind is WeekKind.DELOAD


def test_a_week_sets_the_pairs_isolations_and_the_deload_cuts_compounds() -> None:
    program = generate(
        PlanRequest(3, 60, Level.INTERMEDIATE, focus=(PlanMuscle.CHEST,), phase=Phase.HYPERTROPHY),
        CATALOG,
    ).program
    cycle = shape(4, 3)
    last = week_program(program, cycle, 4, resolve)
    pair = next(b for b in last.workouts[0].blocks if len(b.entries) == 2)
    assert pair.entries[1].prescription.effort is not None
    assert pair.entries[1].prescription.effort.value == 0
    assert pair.entries[0].prescription == program.workouts[0].blocks[0].entries[0].prescription
    deload = week_program(program, cycle, 5, resolve)
    assert deload.phase is Phase.DELOAD
    first, original = deload.workouts[0].blocks[0], program.workouts[0].blocks[0]
    assert first.entries[0].prescription.sets < original.entries[0].prescription.sets
    assert first.entries[1].prescription == original.entries[1].prescription  # isolation kept
