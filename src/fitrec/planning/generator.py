"""The program generator: goals in, a post-exhaust program that lints clean out, explained.

Rules it follows, all from the article unless said otherwise: compounds first;
post-exhaust pairs only for the priority muscles, only in hypertrophy or maintenance
phases and after 6 months of training, within the level's pairs per workout and
workouts per week (the linter's caps); compounds 6-10 reps (8-12 for legs) at
75-85 % 1RM, isolations 12-20 reps to 0-1 RIR with as many sets as the compound;
30-90 s between A1 and A2. Weekly sets per muscle aim at the landmarks in
`planning.landmarks`; every session fits the minutes asked (`planning.timing`).
"""

from __future__ import annotations

from dataclasses import dataclass

from fitrec.domain.programs import Block, Level, Phase, Program, Workout
from fitrec.planning.builder import Builder, Day, Dose
from fitrec.planning.explain import explain
from fitrec.planning.landmarks import LANDMARKS, PlanMuscle
from fitrec.planning.menu import Equipment
from fitrec.planning.timing import workout_minutes
from fitrec.rules.resolver import ExerciseResolver

DAYS = (2, 6)
MINUTES = (30, 120)
PHASES = (Phase.HYPERTROPHY, Phase.STRENGTH, Phase.MAINTENANCE)


@dataclass(frozen=True, slots=True)
class PlanRequest:
    """What the lifter asks for; ranges are checked by `check_request`."""

    days: int = 3
    minutes: int = 60
    level: Level = Level.INTERMEDIATE
    equipment: tuple[Equipment, ...] = tuple(Equipment)
    focus: tuple[PlanMuscle, ...] = ()
    phase: Phase = Phase.HYPERTROPHY
    training_age_months: int | None = None
    seed: int | None = None


@dataclass(frozen=True, slots=True)
class GeneratedPlan:
    """A generated program with its explanations, weekly sets and session lengths."""

    request: PlanRequest
    program: Program
    explanations: tuple[str, ...]
    weekly_sets: dict[PlanMuscle, float]
    session_minutes: tuple[float, ...]


def check_request(request: PlanRequest) -> list[tuple[str, str]]:
    """(field, problem) for every value out of range; empty when the request is good."""
    problems = []
    if not DAYS[0] <= request.days <= DAYS[1]:
        problems.append(("days", f"{request.days} is not a whole number from 2 to 6"))
    if not MINUTES[0] <= request.minutes <= MINUTES[1]:
        problems.append(("minutes", f"{request.minutes} is not a whole number from 30 to 120"))
    if not request.equipment:
        problems.append(("equipment", "give at least one kind of equipment"))
    if request.phase not in PHASES:
        problems.append(("phase", f"{request.phase.value} is not one the generator plans for"))
    if request.training_age_months is not None and request.training_age_months < 0:
        problems.append(("training_age_months", "cannot be negative"))
    return problems


def _ordered(doses: list[Dose]) -> list[Dose]:
    """Pairs first, then straight compounds, then straight isolations (compounds first)."""

    def rank(dose: Dose) -> int:
        if dose.paired:
            return 0
        return 1 if dose.work[0][0].is_compound else 2

    return sorted(doses, key=rank)


def _workout(day: Day) -> Workout:
    blocks = []
    pair_number = 0
    for index, dose in enumerate(_ordered(day.doses)):
        title = None
        if dose.paired:
            pair_number += 1
            title = f"Post-Exhaust Pair {pair_number} - {dose.muscle.value.capitalize()}"
        blocks.append(Block(chr(ord("A") + index), dose.entries, title))
    return Workout(f"Day {day.index + 1}", blocks)


def generate(request: PlanRequest, catalog: ExerciseResolver) -> GeneratedPlan:
    """A program for `request` (which `check_request` must have passed), explained."""
    builder = Builder(request, catalog)
    priority = builder.priority
    phase = request.phase
    for muscle in priority:  # a priority muscle gets its own exercise (a pair when allowed)
        builder.try_add(muscle)
    first = {m: LANDMARKS[m].mev if m in priority else LANDMARKS[m].mv for m in PlanMuscle}
    builder.fill(first)
    if phase is not Phase.MAINTENANCE:
        builder.fill({m: LANDMARKS[m].mav_low for m in priority}, (4, 3))
        builder.fill({m: LANDMARKS[m].mev for m in PlanMuscle if m not in priority}, (4, 3))
    builder.unpair_full_days()
    workouts = [_workout(day) for day in builder.days]
    name = "Post-exhaust plan"
    if priority:
        name += ": " + ", ".join(m.value for m in priority)
    program = Program(
        name,
        workouts,
        phase=phase,
        level=request.level,
        training_age_months=request.training_age_months,
    )
    minutes = tuple(workout_minutes(w) for w in workouts)
    explanations = explain(builder, workouts, minutes)
    return GeneratedPlan(request, program, explanations, dict(builder.counts), minutes)
