"""Simulated lifters run through 12 weeks of cycles and weekly reviews (checks the rules).

The model is Banister's fitness-fatigue model (Banister et al. 1975; as used in
training-load research since) at weekly resolution, one state per muscle:

    fitness_w = fitness_{w-1} · e^(-1/τ_fitness) + load_w
    fatigue_w = fatigue_{w-1} · e^(-1/τ_fatigue) + load_w
    e1RM_w    = base · (1 + (k_fitness · fitness_w - k_fatigue · fatigue_w) / 100)

`load_w` is the week's hard sets for the muscle: every compound set counts 1, an
isolation set after every compound set 0.6, a finisher's 0.3 (it follows only the last
set, so the next compound sets are fresh). Each session's logged e1RM is the model's
times 1 + U(-3 %, +3 %): the noise the decline check was calibrated with
(`analytics.decline`; single-session e1RM is noisy by 3-5 %, science notes §5). Soreness is
base + gain · fatigue / initial load + N(0, 0.5), pump pump + N(0, 0.5), both rounded
into 1-5; joints never hurt.

Three kinds: one who recovers well (fatigue gone within a week), one who overreaches
(fatigue lasts three weeks and weighs more than fitness: e1RM falls), a flat one
(gains and fatigue cancel; always moderately sore). Every week the review's rules
(`planning.adjust`) are applied as a lifter accepting every proposal would.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from fitrec.analytics.decline import detect_decline
from fitrec.domain.exercises import Exercise
from fitrec.domain.programs import Entry, Placement, Program
from fitrec.planning.adjust import Change, PairSignals, Proposal, apply, muscle_of, propose
from fitrec.planning.cycles import WeekKind, shape, week_kind, week_program
from fitrec.planning.landmarks import LANDMARKS, weekly_sets
from fitrec.textformat import parse_program

WEEKS = 12
CYCLE_WEEKS = 8
NOISE = 0.03
START = date(2025, 1, 6)  # a Monday
BASE = 100.0  # every lift's e1RM before the first week

PROGRAM = """program: Simulated
phase: hypertrophy
level: intermediate
training age: 2 years

## Day 1

A1. Barbell Bench Press: 4×6-10 @ 80% 1RM
→ Rest 60 seconds
A2. Dumbbell Fly: 4×12-15 @ 0-1 RIR
→ Rest 90 seconds

B1. Barbell Row: 4×6-10 @ 80% 1RM
→ Rest 60 seconds
B2. Straight-Arm Pulldown: 4×12-15 @ 0-1 RIR
→ Rest 90 seconds

## Day 2

A1. Barbell Bench Press: 4×6-10 @ 80% 1RM
→ Rest 60 seconds
A2. Dumbbell Fly: 4×12-15 @ 0-1 RIR
→ Rest 90 seconds

B1. Barbell Row: 4×6-10 @ 80% 1RM
→ Rest 60 seconds
B2. Straight-Arm Pulldown: 4×12-15 @ 0-1 RIR
→ Rest 90 seconds
"""


class LifterKind(StrEnum):
    """The three simulated lifters."""

    RECOVERS = "recovers"
    OVERREACHES = "overreaches"
    FLAT = "flat"


@dataclass(frozen=True, slots=True)
class LifterModel:
    """The fitness-fatigue constants of one kind of lifter and how they feel."""

    k_fitness: float
    k_fatigue: float
    tau_fitness: float  # weeks
    tau_fatigue: float  # weeks
    soreness_base: float
    soreness_gain: float
    pump: float


MODELS: dict[LifterKind, LifterModel] = {
    LifterKind.RECOVERS: LifterModel(0.12, 0.12, 6.0, 0.7, 1.0, 0.4, 4.6),
    LifterKind.OVERREACHES: LifterModel(0.06, 0.36, 6.0, 3.0, 2.0, 0.5, 3.2),
    LifterKind.FLAT: LifterModel(0.02, 0.02, 6.0, 1.0, 3.0, 0.0, 3.0),
}

ISOLATION_LOAD = {Placement.EVERY_SET: 0.6, Placement.FINISHER: 0.3}


@dataclass(slots=True)
class _Muscle:
    fitness: float = 0.0
    fatigue: float = 0.0
    series: list[tuple[date, float]] = field(default_factory=list)
    since: int = 0  # sessions before a change of the lift's pair are not evidence after it


@dataclass(frozen=True, slots=True)
class WeekRecord:
    """One simulated week: the model's e1RM per lift, sets, pairs and what was applied."""

    week: int
    kind: WeekKind
    e1rm: dict[str, float]
    isolation_sets: int
    pairs: int
    applied: tuple[Proposal, ...]


@dataclass(frozen=True, slots=True)
class Run:
    """A lifter's 12 weeks and the logged (noisy) e1RM series per lift."""

    kind: LifterKind
    weeks: tuple[WeekRecord, ...]
    logged: dict[str, tuple[tuple[date, float], ...]]


def _load(program: Program, slug: str, resolve: Callable[[Entry], Exercise | None]) -> float:
    total = 0.0
    for workout in program.workouts:
        for block in workout.blocks:
            if block.entries[0].exercise_slug != slug:
                continue
            total += block.entries[0].prescription.sets
            if len(block.entries) == 2:
                iso = block.entries[1]
                total += ISOLATION_LOAD[iso.placement] * iso.prescription.sets
    return total


def _pairs(program: Program) -> int:
    return sum(1 for w in program.workouts for b in w.blocks if len(b.entries) == 2)


def _isolation_sets(program: Program) -> int:
    return sum(
        b.entries[1].prescription.sets
        for w in program.workouts
        for b in w.blocks
        if len(b.entries) == 2
    )


def _rating(value: float) -> int:
    return max(1, min(5, round(value)))


def simulate(
    kind: LifterKind,
    seed: int,
    resolve: Callable[[Entry], Exercise | None],
    weeks: int = WEEKS,
) -> Run:
    """Run one lifter of `kind` through `weeks` weeks; the seed fixes the noise."""
    rng = random.Random(seed)
    model = MODELS[kind]
    program = parse_program(PROGRAM)
    compounds = list(
        dict.fromkeys(
            b.entries[0].exercise_slug or b.entries[0].name
            for w in program.workouts
            for b in w.blocks
        )
    )
    for workout in program.workouts:
        for block in workout.blocks:
            for entry in block.entries:
                found = resolve(entry)
                entry.exercise_slug = found.slug if found else None
    compounds = [b.entries[0].exercise_slug or "" for b in program.workouts[0].blocks]
    state = {slug: _Muscle() for slug in compounds}
    reference = {slug: _load(program, slug, resolve) for slug in compounds}
    decay_fit = math.exp(-1 / model.tau_fitness)
    decay_fat = math.exp(-1 / model.tau_fatigue)
    cycle_start, deload_week = 1, CYCLE_WEEKS + 1
    records = []
    for week in range(1, weeks + 1):
        in_cycle = week - cycle_start + 1
        cycle = shape(CYCLE_WEEKS, len(program.workouts), deload_week)
        kind_now = week_kind(cycle, in_cycle)
        done = week_program(program, cycle, in_cycle, resolve)
        e1rms: dict[str, float] = {}
        feel: dict[str, tuple[int, int]] = {}
        for slug in compounds:
            muscle = state[slug]
            load = _load(done, slug, resolve)
            muscle.fitness = muscle.fitness * decay_fit + load
            muscle.fatigue = muscle.fatigue * decay_fat + load
            level = model.k_fitness * muscle.fitness - model.k_fatigue * muscle.fatigue
            true = BASE * (1 + level / 100)
            e1rms[slug] = true
            for day in range(len(done.workouts)):
                when = START + timedelta(weeks=week - 1, days=2 * day)
                muscle.series.append((when, true * (1 + rng.uniform(-NOISE, NOISE))))
            soreness = model.soreness_base + model.soreness_gain * muscle.fatigue / reference[slug]
            feel[slug] = (
                _rating(soreness + rng.gauss(0, 0.5)),
                _rating(model.pump + rng.gauss(0, 0.5)),
            )
        applied: tuple[Proposal, ...] = ()
        if kind_now is WeekKind.ACCUMULATION:
            applied = _review(program, resolve, state, feel, in_cycle, cycle.deload_week)
            for proposal in applied:
                changed = next(
                    (
                        b.entries[0].exercise_slug
                        for w in program.workouts
                        if w.name == proposal.workout
                        for b in w.blocks
                        if b.label == proposal.label
                    ),
                    None,
                )
                if changed in state and proposal.change in REDUCTIONS:
                    state[changed].since = len(state[changed].series)
                if proposal.change is Change.DELOAD_FORWARD:
                    deload_week = min(deload_week, in_cycle + 1)
                else:
                    program = apply(program, proposal)
        records.append(
            WeekRecord(week, kind_now, e1rms, _isolation_sets(program), _pairs(program), applied)
        )
        if kind_now is WeekKind.DELOAD:
            cycle_start, deload_week = week + 1, CYCLE_WEEKS + 1
    logged = {slug: tuple(state[slug].series) for slug in compounds}
    return Run(kind, tuple(records), logged)


def _review(
    program: Program,
    resolve: Callable[[Entry], Exercise | None],
    state: dict[str, _Muscle],
    feel: dict[str, tuple[int, int]],
    week: int,
    deload_week: int,
) -> tuple[Proposal, ...]:
    """Every non-hold proposal of the week, as the review makes them (one earlier deload)."""
    work = [
        (exercise, e.prescription.sets)
        for w in program.workouts
        for b in w.blocks
        for e in b.entries
        if (exercise := resolve(e)) is not None
    ]
    counts = weekly_sets(work)
    found: list[Proposal] = []
    for workout in program.workouts:
        for block in workout.blocks:
            slug = block.entries[0].exercise_slug or ""
            muscle_state = state[slug]
            declining = detect_decline(muscle_state.series[muscle_state.since :]) is not None
            soreness, pump = feel[slug]
            iso = resolve(block.entries[1]) if len(block.entries) == 2 else None
            muscle = muscle_of(iso) if iso is not None else None
            signals = PairSignals(
                declining=declining,
                pump=pump,
                soreness=soreness,
                joint=1,
                weekly_sets=counts[muscle] if muscle else 0.0,
                mrv=LANDMARKS[muscle].mrv if muscle else 20.0,
            )
            if len(block.entries) == 1 and not declining:
                continue
            name = muscle.value if muscle else block.entries[0].name
            proposal = propose(
                workout.name, block, name, signals, deload_due=week + 1 >= deload_week
            )
            if proposal.change is not Change.HOLD:
                found.append(proposal)
    deloads = [p for p in found if p.change is Change.DELOAD_FORWARD]
    return tuple(p for p in found if p.change is not Change.DELOAD_FORWARD) + tuple(deloads[:1])


REDUCTIONS = frozenset({Change.FINISHER, Change.STRAIGHT, Change.REMOVE_SET})


def expected(run: Run) -> bool:
    """Whether the run got what its kind should get (the issue's three expectations)."""
    first, last = run.weeks[0], run.weeks[-1]
    if run.kind is LifterKind.RECOVERS:
        rising = all(
            sum(v for _, v in series[-4:]) > sum(v for _, v in series[:4])
            for series in run.logged.values()
        )
        return last.isolation_sets > first.isolation_sets and rising
    if run.kind is LifterKind.FLAT:
        return abs(last.pairs - first.pairs) <= 1
    return _overreach_handled(run)


def decline_week(run: Run) -> int | None:
    """The first week a lift's model e1RM is 5 % or more below its best (100 at the start)."""
    best: dict[str, float] = {}
    for record in run.weeks:
        for slug, value in record.e1rm.items():
            best[slug] = max(best.get(slug, BASE), value)
            if value <= best[slug] * 0.95:
                return record.week
    return None


def _overreach_handled(run: Run) -> bool:
    start = decline_week(run)
    if start is None:
        return False
    # Reduced by two weeks after the decline at the latest (earlier, on the first signs, too).
    reduced = any(
        p.change in REDUCTIONS
        for record in run.weeks
        if record.week <= start + 2
        for p in record.applied
    )
    deloaded = any(r.kind is WeekKind.DELOAD for r in run.weeks if r.week >= start)
    return reduced and deloaded


def rates(
    count: int, resolve: Callable[[Entry], Exercise | None], seed: int = 0
) -> dict[LifterKind, float]:
    """The share of `count` lifters of each kind that got what was expected."""
    result = {}
    for offset, kind in enumerate(LifterKind):
        hits = sum(
            expected(simulate(kind, seed + offset * 1_000_003 + i, resolve)) for i in range(count)
        )
        result[kind] = hits / count
    return result
