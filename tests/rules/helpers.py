"""A small hand-built catalogue and program builders for the rule tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fitrec.domain.exercises import Exercise, LoadKind, Mechanic
from fitrec.domain.muscles import Muscle as M
from fitrec.domain.programs import (
    Block,
    Effort,
    EffortType,
    Entry,
    Level,
    Load,
    LoadType,
    Phase,
    Placement,
    Prescription,
    Program,
    SourcePos,
    Workout,
)

C, ISO = Mechanic.COMPOUND, Mechanic.ISOLATION

EXERCISES = (
    Exercise("barbell-bench-press", "Bench Press", C, (M.CHEST,), (M.FRONT_DELTS, M.TRICEPS)),
    Exercise("dips", "Dips", C, (M.CHEST, M.TRICEPS), (M.FRONT_DELTS,)),
    Exercise("cable-fly", "Cable Fly", ISO, (M.CHEST,), load_kind=LoadKind.CABLE),
    Exercise("dumbbell-fly", "Dumbbell Fly", ISO, (M.CHEST,), load_kind=LoadKind.DUMBBELL),
    Exercise("cable-pushdown", "Triceps Pushdown", ISO, (M.TRICEPS,), load_kind=LoadKind.CABLE),
    Exercise("overhead-press", "Overhead Press", C, (M.FRONT_DELTS, M.SIDE_DELTS), (M.TRICEPS,)),
    Exercise("lateral-raise", "Lateral Raise", ISO, (M.SIDE_DELTS,), load_kind=LoadKind.DUMBBELL),
    Exercise("rear-delt-fly", "Rear Delt Fly", ISO, (M.REAR_DELTS,), load_kind=LoadKind.DUMBBELL),
    Exercise("barbell-squat", "Squat", C, (M.QUADS, M.GLUTES), legs=True),
    Exercise("leg-extension", "Leg Extension", ISO, (M.QUADS,), load_kind=LoadKind.MACHINE),
    Exercise("barbell-curl", "Barbell Curl", ISO, (M.BICEPS,)),
    Exercise("lying-leg-curl", "Lying Leg Curl", ISO, (M.HAMSTRINGS,), load_kind=LoadKind.MACHINE),
)


@dataclass(frozen=True)
class TinyMatch:
    """A lookup result of the tiny catalogue."""

    exercise: Exercise
    kind: str
    confidence: float


class TinyCatalog:
    """Exact-name lookup over a dozen exercises; `Bench Pres` is a fuzzy guess."""

    def __init__(self) -> None:
        self.by_name = {e.name.lower(): e for e in EXERCISES}
        self.by_slug = {e.slug: e for e in EXERCISES}

    def lookup(self, name: str) -> TinyMatch | None:
        """Exact name, or a fuzzy guess when one letter is missing."""
        exercise = self.by_name.get(name.lower())
        if exercise:
            return TinyMatch(exercise, "exact", 1.0)
        for known, ex in self.by_name.items():
            if known.startswith(name.lower()) and len(known) - len(name) == 1:
                return TinyMatch(ex, "fuzzy", 0.8)
        return None

    def suggest(self, name: str, limit: int = 3) -> list[TinyMatch]:
        """Exercises sharing a word with `name`."""
        words = set(name.lower().split())
        hits = [e for e in EXERCISES if words & set(e.name.lower().split())]
        return [TinyMatch(e, "fuzzy", 0.5) for e in hits[:limit]]

    def get(self, slug: str) -> Exercise:
        """By slug."""
        return self.by_slug[slug]

    def __iter__(self) -> Iterator[Exercise]:
        return iter(EXERCISES)


def rx(
    sets: int,
    reps: int | tuple[int, int],
    percent: float | None = None,
    rir: float | None = None,
    rpe: float | None = None,
) -> Prescription:
    """A prescription: sets × reps, optionally @ percent 1RM and an effort."""
    low, high = reps if isinstance(reps, tuple) else (reps, reps)
    load = Load(LoadType.PERCENT_1RM, percent) if percent is not None else None
    effort = None
    if rir is not None:
        effort = Effort(EffortType.RIR, rir)
    elif rpe is not None:
        effort = Effort(EffortType.RPE, rpe)
    return Prescription(sets, low, high, load, effort)


_line = [0]


def entry(
    name: str,
    p: Prescription,
    rest: int | None = None,
    placement: Placement = Placement.EVERY_SET,
) -> Entry:
    """An entry at the next source line."""
    _line[0] += 1
    return Entry(name, p, rest_after_s=rest, placement=placement, pos=SourcePos(_line[0], 5))


def pair(
    label: str,
    compound: str = "Bench Press",
    isolation: str = "Cable Fly",
    *,
    rest: int = 60,
    compound_rx: Prescription | None = None,
    isolation_rx: Prescription | None = None,
    title: str | None = None,
    placement: Placement = Placement.EVERY_SET,
) -> Block:
    """A compound → isolation block with the article's numbers unless told otherwise."""
    first = entry(compound, compound_rx or rx(4, 8, 80), rest)
    second = entry(isolation, isolation_rx or rx(4, 15, rir=0), placement=placement)
    return Block(label, [first, second], title=title)


def single(label: str, name: str, p: Prescription | None = None) -> Block:
    """A single-exercise block."""
    return Block(label, [entry(name, p or rx(3, 10))])


def program(
    *workouts: list[Block],
    level: Level | None = Level.ADVANCED,
    phase: Phase | None = Phase.HYPERTROPHY,
    training_age: int | None = None,
) -> Program:
    """A program with one workout per list of blocks."""
    days = [
        Workout(f"Day {i + 1}", blocks, pos=SourcePos(10 * i + 1))
        for i, blocks in enumerate(workouts)
    ]
    return Program("Test", days, phase, level, training_age, pos=SourcePos(1))
