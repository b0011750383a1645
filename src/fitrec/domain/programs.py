"""Programs: Program -> Workout (a day) -> Block (A1, A2...) -> Entry + Prescription."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from fitrec.domain.units import Unit


class Phase(StrEnum):
    """The training phase a program belongs to."""

    HYPERTROPHY = "hypertrophy"
    STRENGTH = "strength"
    PEAKING = "peaking"
    MAINTENANCE = "maintenance"
    DELOAD = "deload"


class Level(StrEnum):
    """A lifter's experience level."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class LoadType(StrEnum):
    """How a prescription states its load."""

    PERCENT_1RM = "percent_1rm"
    ABSOLUTE = "absolute"


class EffortType(StrEnum):
    """How a prescription states its effort."""

    RPE = "rpe"
    RIR = "rir"


class Placement(StrEnum):
    """Where an isolation sits in a pair: after every compound set, or only the last."""

    EVERY_SET = "every_set"
    FINISHER = "finisher"


class Intent(StrEnum):
    """What a block is (derived) or claims to be (declared in its title)."""

    POST_EXHAUST = "post_exhaust"
    PRE_EXHAUST = "pre_exhaust"
    STRAIGHT = "straight"
    SUPERSET = "superset"


@dataclass(frozen=True, slots=True)
class SourcePos:
    """Where something was written in a text file (1-based line and column)."""

    line: int
    column: int = 1


@dataclass(frozen=True, slots=True)
class Load:
    """A prescribed load: a percentage of 1RM (`value` = 80 means 80 %) or an absolute weight.

    `value_max` is set for ranges such as `75-85% 1RM`.
    """

    type: LoadType
    value: float
    value_max: float | None = None
    unit: Unit | None = None  # for ABSOLUTE only


@dataclass(frozen=True, slots=True)
class Effort:
    """A prescribed effort: RPE (1-10) or reps in reserve; `value_max` for `0-1 RIR`."""

    type: EffortType
    value: float
    value_max: float | None = None

    @property
    def rir(self) -> float:
        """Reps in reserve implied (the easier end of a range is not used; lowest RIR)."""
        return self.value if self.type is EffortType.RIR else 10.0 - (self.value_max or self.value)


@dataclass(frozen=True, slots=True)
class Prescription:
    """Sets, a rep range, an optional load and an optional effort target."""

    sets: int
    reps_min: int
    reps_max: int
    load: Load | None = None
    effort: Effort | None = None

    @property
    def is_range(self) -> bool:
        """True when reps are a range such as 6-10."""
        return self.reps_min != self.reps_max


@dataclass(slots=True)
class Entry:
    """One exercise of a block, as written (`name`) and as resolved (`exercise_slug`)."""

    name: str
    prescription: Prescription
    exercise_slug: str | None = None
    rest_after_s: int | None = None  # within a block: transition rest; last entry: rest after round
    placement: Placement = Placement.EVERY_SET
    note: str | None = None
    pos: SourcePos | None = field(default=None, compare=False)


@dataclass(slots=True)
class Block:
    """A single exercise or a superset of ordered entries (A1, A2, ...)."""

    label: str  # "A", "B", ...
    entries: list[Entry]
    title: str | None = None  # e.g. "Post-Exhaust Pair 1 - Chest"
    pos: SourcePos | None = field(default=None, compare=False)

    @property
    def transition_rest_s(self) -> int | None:
        """Rest between A1 and A2 (None for a single exercise)."""
        return self.entries[0].rest_after_s if len(self.entries) > 1 else None

    @property
    def rest_after_round_s(self) -> int | None:
        """Rest after the whole round (after the last entry)."""
        return self.entries[-1].rest_after_s if self.entries else None

    @property
    def declared_intent(self) -> Intent | None:
        """The intent a title claims (`Post-Exhaust Pair 1 - Chest` -> post-exhaust)."""
        if not self.title:
            return None
        key = self.title.lower().replace(" ", "-")
        if "post-exhaust" in key:
            return Intent.POST_EXHAUST
        if "pre-exhaust" in key:
            return Intent.PRE_EXHAUST
        if "superset" in key:
            return Intent.SUPERSET
        return None


@dataclass(slots=True)
class Workout:
    """A day of the program; each workout is done once a week."""

    name: str
    blocks: list[Block] = field(default_factory=list)
    pos: SourcePos | None = field(default=None, compare=False)


@dataclass(slots=True)
class Program:
    """A named program of workouts with its phase, level and the lifter's training age."""

    name: str
    workouts: list[Workout] = field(default_factory=list)
    phase: Phase | None = None
    level: Level | None = None
    training_age_months: int | None = None
    pos: SourcePos | None = field(default=None, compare=False)

    def workout(self, name: str) -> Workout:
        """The workout called `name` (case-insensitive); KeyError if none."""
        for w in self.workouts:
            if w.name.lower() == name.strip().lower():
                return w
        raise KeyError(name)
