"""The generator's builder: prescriptions, and blocks added day by day within the caps.

See `planning.generator` for the rules it follows and where each comes from.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fitrec.domain.exercises import Exercise, LoadKind
from fitrec.domain.programs import (
    Block,
    Effort,
    EffortType,
    Entry,
    Load,
    LoadType,
    Phase,
    Prescription,
)
from fitrec.planning.landmarks import LANDMARKS, PlanMuscle, set_share
from fitrec.planning.menu import MuscleMenu, menu
from fitrec.planning.timing import block_seconds
from fitrec.rules.config import LintConfig
from fitrec.rules.resolver import ExerciseResolver

if TYPE_CHECKING:
    from fitrec.planning.generator import PlanRequest

MIN_PAIR_TRAINING_AGE = LintConfig().min_training_age_months


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
class Dose:
    """One block to add: the muscle it is for, its entries and what it counts."""

    muscle: PlanMuscle
    entries: list[Entry]
    work: list[tuple[Exercise, int]]
    paired: bool

    @property
    def seconds(self) -> int:
        """Seconds the block takes."""
        return block_seconds(Block("A", self.entries))


@dataclass(slots=True)
class Day:
    """A workout being filled."""

    index: int
    doses: list[Dose] = field(default_factory=list)

    @property
    def seconds(self) -> int:
        """Seconds the day takes so far."""
        return sum(d.seconds for d in self.doses)

    @property
    def pairs(self) -> int:
        """Post-exhaust pairs on the day."""
        return sum(1 for d in self.doses if d.paired)

    def has(self, muscle: PlanMuscle, exercises: Sequence[Exercise]) -> bool:
        """Whether the day already trains the muscle or uses one of the exercises."""
        slugs = {e.slug for e in exercises}
        return any(d.muscle is muscle or slugs & {e.slug for e, _ in d.work} for d in self.doses)


@dataclass(slots=True)
class Choice:
    """The exercises picked for a muscle: a main exercise and, maybe, its partner."""

    main: Exercise | None
    partner: Exercise | None


class Builder:
    """Fills the days of a request, block by block."""

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
        self.days = [Day(i) for i in range(request.days)]
        self.counts = dict.fromkeys(PlanMuscle, 0.0)
        self.choices: dict[PlanMuscle, Choice] = {}
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

    def _choose(self, options: MuscleMenu, used: set[str]) -> Choice:
        fresh = [c for c in options.compounds if c.slug not in used] or list(options.compounds)
        wants_pair = self.pairs_on and options.muscle in self.priority
        pairable = [c for c in fresh if options.partners(c)]
        main = self._pick(pairable if wants_pair and pairable else fresh)
        if main is None:
            return Choice(self._pick(options.isolations), None)
        partner = self._pick(options.partners(main)) if wants_pair else None
        return Choice(main, partner)

    def cap(self, muscle: PlanMuscle) -> float:
        """The most weekly sets a muscle may get: MAV's top for a priority, else MRV."""
        marks = LANDMARKS[muscle]
        return marks.mav_high if muscle in self.priority else marks.mrv

    def _dose(self, muscle: PlanMuscle, sets: int, *, paired: bool) -> Dose | None:
        choice = self.choices[muscle]
        main, phase = choice.main, self.request.phase
        if main is None:
            return None
        if main.is_isolation:
            p = _isolation(muscle, sets, paired=False)
            entry = Entry(main.name, p, main.slug, _STRAIGHT_ISOLATION_REST_S)
            return Dose(muscle, [entry], [(main, sets)], False)
        transition, after_round, straight = _rests(main, phase)
        first = Entry(main.name, _compound(main, phase, sets), main.slug)
        if paired and choice.partner is not None:
            first.rest_after_s = transition
            iso = choice.partner
            second = Entry(iso.name, _isolation(muscle, sets, paired=True), iso.slug, after_round)
            return Dose(muscle, [first, second], [(main, sets), (iso, sets)], True)
        first.rest_after_s = straight
        return Dose(muscle, [first], [(main, sets)], False)

    def _over_caps(self, dose: Dose) -> list[PlanMuscle]:
        """The muscles this dose would push past their cap (MAV for priority, else MRV)."""
        after = dict(self.counts)
        for exercise, sets in dose.work:
            for muscle in PlanMuscle:
                after[muscle] += set_share(exercise, muscle) * sets
        return [m for m in PlanMuscle if after[m] > self.cap(m) and after[m] != self.counts[m]]

    def _can_pair(self, muscle: PlanMuscle, day: Day) -> bool:
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

    def _count(self, dose: Dose, sign: int) -> None:
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
            dose = Dose(muscle, [entry], [(iso, 3)], False)
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
