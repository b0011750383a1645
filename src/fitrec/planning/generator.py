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

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from fitrec.domain.exercises import Exercise, LoadKind
from fitrec.domain.programs import (
    Block,
    Effort,
    EffortType,
    Entry,
    Level,
    Load,
    LoadType,
    Phase,
    Prescription,
    Program,
    Workout,
)
from fitrec.planning.landmarks import LANDMARKS, PlanMuscle, set_share
from fitrec.planning.menu import Equipment, MuscleMenu, menu
from fitrec.planning.timing import block_seconds, workout_minutes
from fitrec.rules.config import LintConfig
from fitrec.rules.resolver import ExerciseResolver

DAYS = (2, 6)
MINUTES = (30, 120)
PHASES = (Phase.HYPERTROPHY, Phase.STRENGTH, Phase.MAINTENANCE)
MIN_PAIR_TRAINING_AGE = LintConfig().min_training_age_months


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


# --- prescriptions -------------------------------------------------------------------


def _compound(exercise: Exercise, phase: Phase, sets: int) -> Prescription:
    heavy = phase is Phase.STRENGTH
    if exercise.legs:
        reps, percent = ((8, 10), 80.0) if heavy else ((8, 12), 75.0)
    else:
        reps, percent = ((6, 8), 85.0) if heavy else ((6, 10), 80.0)
    if exercise.load_kind is LoadKind.BODYWEIGHT:
        # No 1RM for a push-up: one to two reps in reserve is about 76-81 % of it.
        return Prescription(sets, *reps, effort=Effort(EffortType.RIR, 1, 2))
    return Prescription(sets, *reps, load=Load(LoadType.PERCENT_1RM, percent))


def _isolation(muscle: PlanMuscle, sets: int, *, paired: bool) -> Prescription:
    reps = (15, 20) if muscle is PlanMuscle.QUADRICEPS else (12, 15)
    effort = Effort(EffortType.RIR, 0, 1) if paired else Effort(EffortType.RIR, 1, 2)
    return Prescription(sets, *reps, effort=effort)


def _rests(exercise: Exercise, phase: Phase) -> tuple[int, int, int]:
    """(A1 -> A2, after a pair's round, between straight compound sets) in seconds."""
    if exercise.legs:
        return 90, 120, 180 if phase is Phase.STRENGTH else 150
    return 60, 90, 180 if phase is Phase.STRENGTH else 120


_STRAIGHT_ISOLATION_REST_S = 75


# --- building ------------------------------------------------------------------------


@dataclass(slots=True)
class _Dose:
    """One block to add: the muscle it is for, its entries and what it counts."""

    muscle: PlanMuscle
    entries: list[Entry]
    work: list[tuple[Exercise, int]]
    paired: bool

    @property
    def seconds(self) -> int:
        return block_seconds(Block("A", self.entries))


@dataclass(slots=True)
class _Day:
    """A workout being filled."""

    index: int
    doses: list[_Dose] = field(default_factory=list)

    @property
    def seconds(self) -> int:
        return sum(d.seconds for d in self.doses)

    @property
    def pairs(self) -> int:
        return sum(1 for d in self.doses if d.paired)

    def has(self, muscle: PlanMuscle, exercises: Sequence[Exercise]) -> bool:
        slugs = {e.slug for e in exercises}
        return any(d.muscle is muscle or slugs & {e.slug for e, _ in d.work} for d in self.doses)


@dataclass(slots=True)
class _Choice:
    """The exercises picked for a muscle: a main exercise and, maybe, its partner."""

    main: Exercise | None
    partner: Exercise | None


class _Builder:
    def __init__(self, request: PlanRequest, catalog: ExerciseResolver) -> None:
        self.request = request
        self.rng = random.Random(request.seed) if request.seed is not None else None
        self.config = LintConfig()
        self.priority = tuple(dict.fromkeys(request.focus))
        self.menus = {m: menu(m, request.equipment, catalog) for m in PlanMuscle}
        self.pairs_on = request.phase is not Phase.STRENGTH and (
            request.training_age_months is None
            or request.training_age_months >= MIN_PAIR_TRAINING_AGE
        )
        self.pair_cap = self.config.max_pairs(request.level) or 0
        cap = self.config.max_pair_workouts(request.level)
        self.pair_days_cap = request.days if cap is None else min(cap, request.days)
        self.budget = request.minutes * 60
        self.days = [_Day(i) for i in range(request.days)]
        self.counts = dict.fromkeys(PlanMuscle, 0.0)
        self.choices: dict[PlanMuscle, _Choice] = {}
        # Why a muscle could not get more: the muscles a cap stopped, or () for time.
        self.blocked: dict[PlanMuscle, tuple[PlanMuscle, ...]] = {}
        used: set[str] = set()
        for muscle in (*self.priority, *(m for m in PlanMuscle if m not in self.priority)):
            self.choices[muscle] = self._choose(self.menus[muscle], used)
            main = self.choices[muscle].main
            if main is not None:
                used.add(main.slug)

    def _pick(self, options: Sequence[Exercise]) -> Exercise | None:
        if not options:
            return None
        return self.rng.choice(list(options)) if self.rng else options[0]

    def _choose(self, options: MuscleMenu, used: set[str]) -> _Choice:
        fresh = [c for c in options.compounds if c.slug not in used] or list(options.compounds)
        wants_pair = self.pairs_on and options.muscle in self.priority
        pairable = [c for c in fresh if options.partners(c)]
        main = self._pick(pairable if wants_pair and pairable else fresh)
        if main is None:
            return _Choice(self._pick(options.isolations), None)
        partner = self._pick(options.partners(main)) if wants_pair else None
        return _Choice(main, partner)

    def cap(self, muscle: PlanMuscle) -> float:
        marks = LANDMARKS[muscle]
        return marks.mav_high if muscle in self.priority else marks.mrv

    def _dose(self, muscle: PlanMuscle, sets: int, *, paired: bool) -> _Dose | None:
        choice = self.choices[muscle]
        main, phase = choice.main, self.request.phase
        if main is None:
            return None
        if main.is_isolation:
            p = _isolation(muscle, sets, paired=False)
            entry = Entry(main.name, p, main.slug, _STRAIGHT_ISOLATION_REST_S)
            return _Dose(muscle, [entry], [(main, sets)], False)
        transition, after_round, straight = _rests(main, phase)
        first = Entry(main.name, _compound(main, phase, sets), main.slug)
        if paired and choice.partner is not None:
            first.rest_after_s = transition
            iso = choice.partner
            second = Entry(iso.name, _isolation(muscle, sets, paired=True), iso.slug, after_round)
            return _Dose(muscle, [first, second], [(main, sets), (iso, sets)], True)
        first.rest_after_s = straight
        return _Dose(muscle, [first], [(main, sets)], False)

    def _over_caps(self, dose: _Dose) -> list[PlanMuscle]:
        """The muscles this dose would push past their cap (MAV for priority, else MRV)."""
        after = dict(self.counts)
        for exercise, sets in dose.work:
            for muscle in PlanMuscle:
                after[muscle] += set_share(exercise, muscle) * sets
        return [m for m in PlanMuscle if after[m] > self.cap(m) and after[m] != self.counts[m]]

    def _can_pair(self, muscle: PlanMuscle, day: _Day) -> bool:
        if not (self.pairs_on and muscle in self.priority and self.choices[muscle].partner):
            return False
        if day.pairs >= self.pair_cap:
            return False
        pair_days = sum(1 for d in self.days if d.pairs)
        return day.pairs > 0 or pair_days < self.pair_days_cap

    def try_add(self, muscle: PlanMuscle, sizes: tuple[int, ...] = (3, 4)) -> bool:
        """Add one exposure of `muscle` on the emptiest day that takes it; False if none.

        `sizes` are the set counts to try, in order: three sets first leave room for
        more muscles in a short session.
        """
        main = self.choices[muscle].main
        if main is None:
            return False
        capped: set[PlanMuscle] = set()
        for day in sorted(self.days, key=lambda d: (d.seconds, d.index)):
            exercises = [main]
            if day.has(muscle, exercises):
                continue
            options = [(n, True) for n in sizes] + [(n, False) for n in sizes]
            if not self._can_pair(muscle, day):
                options = [o for o in options if not o[1]]
            for sets, paired in options:
                dose = self._dose(muscle, sets, paired=paired)
                if dose is None or day.seconds + dose.seconds > self.budget:
                    continue
                over = self._over_caps(dose)
                if over:
                    capped.update(over)
                    continue
                day.doses.append(dose)
                self._count(dose, 1)
                self.blocked.pop(muscle, None)
                return True
        if self._grow(muscle, capped) or self._accessory(muscle, capped):
            self.blocked.pop(muscle, None)
            return True
        self.blocked[muscle] = tuple(sorted(capped))
        return False

    def _count(self, dose: _Dose, sign: int) -> None:
        for exercise, n in dose.work:
            for m in PlanMuscle:
                self.counts[m] += sign * set_share(exercise, m) * n

    def _accessory(self, muscle: PlanMuscle, capped: set[PlanMuscle]) -> bool:
        """A priority muscle short of its goal gets straight isolation sets after its compound."""
        options = self.menus[muscle].isolations
        main = self.choices[muscle].main
        if muscle not in self.priority or not options or main is None or main.is_isolation:
            return False
        iso = options[0]
        for day in sorted(self.days, key=lambda d: (d.seconds, d.index)):
            taken = {e.slug for d in day.doses for e, _ in d.work}
            if iso.slug in taken:
                continue
            entry = Entry(iso.name, _isolation(muscle, 3, paired=False), iso.slug)
            entry.rest_after_s = _STRAIGHT_ISOLATION_REST_S
            dose = _Dose(muscle, [entry], [(iso, 3)], False)
            if day.seconds + dose.seconds > self.budget:
                continue
            over = self._over_caps(dose)
            if over:
                capped.update(over)
                continue
            day.doses.append(dose)
            self._count(dose, 1)
            return True
        return False

    def _grow(self, muscle: PlanMuscle, capped: set[PlanMuscle]) -> bool:
        """Give a three-set block of `muscle` a fourth set (when no new day takes it)."""
        for day in sorted(self.days, key=lambda d: (d.seconds, d.index)):
            for index, dose in enumerate(day.doses):
                main = self.choices[muscle].main
                if dose.muscle is not muscle or dose.work[0] != (main, 3):
                    continue
                bigger = self._dose(muscle, 4, paired=dose.paired)
                if bigger is None or day.seconds - dose.seconds + bigger.seconds > self.budget:
                    continue
                self._count(dose, -1)
                over = self._over_caps(bigger)
                if over:
                    capped.update(over)
                    self._count(dose, 1)
                    continue
                day.doses[index] = bigger
                self._count(bigger, 1)
                return True
        return False

    def fill(self, goal: dict[PlanMuscle, float], sizes: tuple[int, ...] = (3, 4)) -> None:
        """Add exposures, neediest muscle first, until every goal is met or nothing fits."""
        stuck: set[PlanMuscle] = set()
        while True:
            short = [m for m in goal if self.counts[m] < goal[m] and m not in stuck]
            if not short:
                return
            muscle = min(
                short,
                key=lambda m: (m not in self.priority, self.counts[m] / max(goal[m], 1)),
            )
            if not self.try_add(muscle, sizes):
                stuck.add(muscle)

    def unpair_full_days(self) -> None:
        """Below advanced, a day of only pairs is overuse: its last pair becomes straight sets."""
        if self.request.level in self.config.all_paired_allowed:
            return
        for day in self.days:
            while len(day.doses) > 1 and all(d.paired for d in day.doses):
                dose = day.doses[-1]
                sets = dose.work[0][1]
                iso, iso_sets = dose.work[1]
                for m in PlanMuscle:
                    self.counts[m] -= set_share(iso, m) * iso_sets
                day.doses[-1] = self._dose(dose.muscle, sets, paired=False) or dose


def _ordered(doses: list[_Dose]) -> list[_Dose]:
    """Pairs first, then straight compounds, then straight isolations (compounds first)."""

    def rank(dose: _Dose) -> int:
        if dose.paired:
            return 0
        return 1 if dose.work[0][0].is_compound else 2

    return sorted(doses, key=rank)


def _workout(day: _Day) -> Workout:
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
    builder = _Builder(request, catalog)
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
    explanations = _explain(builder, workouts, minutes)
    return GeneratedPlan(request, program, explanations, dict(builder.counts), minutes)


# --- explanations --------------------------------------------------------------------


def _num(value: float) -> str:
    return f"{value:g}"


def _days_text(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"day {numbers[0]}"
    return "days " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def _explain(
    builder: _Builder, workouts: list[Workout], minutes: tuple[float, ...]
) -> tuple[str, ...]:
    request = builder.request
    lines = [_setup_line(builder)]
    lines.append(_phase_line(builder))
    for muscle in (*builder.priority, *(m for m in PlanMuscle if m not in builder.priority)):
        lines.append(_muscle_line(builder, muscle, workouts))
    lines.append(
        "Prescriptions (the article's ranges): compounds 6-10 reps at 80 % 1RM, legs 8-12 at "
        "75 % (strength phase: 6-8 at 85 %, legs 8-10 at 80 %), bodyweight compounds at 1-2 "
        "RIR; isolations 12-15 reps (quadriceps 15-20) to 0-1 RIR in a pair, with as many "
        "sets as the compound; 60 s between A1 and A2 (90 s for legs), 90-120 s after a round."
    )
    for workout, length in zip(workouts, minutes, strict=True):
        sets = sum(e.prescription.sets for b in workout.blocks for e in b.entries)
        lines.append(
            f"{workout.name}: about {_num(length)} minutes ({sets} sets with their rests; "
            f"{request.minutes} asked)."
        )
    return tuple(lines)


def _setup_line(builder: _Builder) -> str:
    request = builder.request
    level = request.level.value
    if not builder.pairs_on:
        return (
            f"{request.days} days a week, up to {request.minutes} minutes a session, {level}: "
            "no post-exhaust pairs (see the phase and training age)."
        )
    return (
        f"{request.days} days a week, up to {request.minutes} minutes a session, {level}: "
        f"up to {builder.pair_cap} post-exhaust pair{'s' if builder.pair_cap != 1 else ''} "
        f"a workout on up to {builder.pair_days_cap} days a week (the article's caps for "
        f"the level)."
    )


def _phase_line(builder: _Builder) -> str:
    request = builder.request
    age = request.training_age_months
    if request.phase is Phase.STRENGTH:
        return (
            "Strength phase: straight sets only; the article keeps post-exhaust out of pure "
            "strength training and peaking."
        )
    if age is not None and age < MIN_PAIR_TRAINING_AGE:
        return (
            f"{age} months of training: straight sets only; the article adds one pair after "
            f"{MIN_PAIR_TRAINING_AGE}-12 months."
        )
    if request.phase is Phase.MAINTENANCE:
        return (
            "Maintenance phase: priority muscles at their MEV, the rest at their MV "
            "(maintenance volume)."
        )
    if not builder.priority:
        return (
            "Hypertrophy phase, no priority muscles: straight sets; post-exhaust is for "
            "stubborn muscles, so name them with --focus."
        )
    return (
        "Hypertrophy phase: priority muscles get post-exhaust pairs and MEV to MAV sets a "
        "week, the rest at least MV (RP's volume landmarks)."
    )


def _why_short(builder: _Builder, muscle: PlanMuscle) -> str:
    capped = builder.blocked.get(muscle, ())
    if capped:
        names = ", ".join(m.value for m in capped)
        return f"more sets would take {names} past its weekly cap (MAV for a priority, else MRV)"
    request = builder.request
    return f"{request.minutes} minutes on {request.days} days leave no room for more"


def _muscle_line(builder: _Builder, muscle: PlanMuscle, workouts: list[Workout]) -> str:
    marks = LANDMARKS[muscle]
    count = builder.counts[muscle]
    choice = builder.choices[muscle]
    name = muscle.value
    if choice.main is None:
        have = ", ".join(e.value for e in builder.request.equipment)
        return f"{name}: no exercise in the catalogue trains it with {have}."
    pairs: dict[str, list[int]] = {}
    straight: list[int] = []
    extra: dict[str, list[int]] = {}
    isolations = {e.slug for e in builder.menus[muscle].isolations}
    for number, workout in enumerate(workouts, start=1):
        for block in workout.blocks:
            first = block.entries[0]
            if len(block.entries) == 1 and first.exercise_slug in isolations - {choice.main.slug}:
                extra.setdefault(first.name, []).append(number)
            if block.entries[0].exercise_slug != choice.main.slug:
                continue
            if len(block.entries) == 2:
                pairs.setdefault(block.label, []).append(number)
            else:
                straight.append(number)
    parts = []
    for label, numbers in pairs.items():
        assert choice.partner is not None
        parts.append(
            f"pair {label} ({choice.main.name} → {choice.partner.name}) on {_days_text(numbers)}"
        )
    if straight:
        text = f"{choice.main.name} as straight sets on {_days_text(straight)}"
        if muscle in builder.priority and builder.pairs_on:
            if choice.partner is None:
                text += " (no isolation that finishes it with the equipment given)"
            else:
                text += " (the level's pair caps are reached there)"
        parts.append(text)
    for iso_name, numbers in extra.items():
        parts.append(f"{iso_name} as extra straight sets on {_days_text(numbers)}")
    where = "; ".join(parts) if parts else "trained only through other exercises"
    if muscle in builder.priority:
        goal = f"MEV {_num(marks.mev)} to MAV {_num(marks.mav_low)}-{_num(marks.mav_high)}"
        met = marks.mev <= count <= marks.mav_high
        lead = f"{name} is a priority: "
    else:
        goal = f"at least MV {_num(marks.mv)}"
        met = count >= marks.mv
        lead = f"{name}: "
    line = f"{lead}{where}; {_num(count)} sets a week ({goal})"
    if not met and count < (marks.mev if muscle in builder.priority else marks.mv):
        line += "; short of the goal: " + _why_short(builder, muscle)
    return line + "."
