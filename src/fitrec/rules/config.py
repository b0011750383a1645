"""Linter thresholds (the article's numbers by default) and the athlete's context."""

from __future__ import annotations

from dataclasses import dataclass, field

from fitrec.domain.programs import Level, Phase
from fitrec.rules.finding import Severity


def _by_level(
    beginner: int | None, intermediate: int | None, advanced: int | None
) -> dict[Level, int | None]:
    return {
        Level.BEGINNER: beginner,
        Level.INTERMEDIATE: intermediate,
        Level.ADVANCED: advanced,
    }


@dataclass(frozen=True, slots=True)
class LintConfig:
    """Every threshold of the linter; defaults are the article's numbers.

    A `None` cap in `pairs_per_workout` / `pair_workouts_per_week` means "no cap".
    """

    max_transition_rest_s: int = 90
    compound_percent: tuple[float, float] = (75.0, 85.0)
    compound_reps: tuple[int, int] = (6, 10)
    compound_reps_legs: tuple[int, int] = (8, 12)
    compound_sets: tuple[int, int] = (3, 4)
    isolation_percent: tuple[float, float] = (50.0, 65.0)
    isolation_reps: tuple[int, int] = (12, 20)
    isolation_sets: tuple[int, int] = (3, 4)
    max_isolation_rir: float = 1.0
    pairs_per_workout: dict[Level, int | None] = field(default_factory=lambda: _by_level(1, 3, 4))
    # The article's sample is an advanced full-body day made only of pairs, so
    # "every exercise paired" is flagged only below the advanced level.
    all_paired_allowed: frozenset[Level] = frozenset({Level.ADVANCED})
    pair_workouts_per_week: dict[Level, int | None] = field(
        default_factory=lambda: _by_level(2, 3, 6)
    )
    default_level: Level = Level.INTERMEDIATE
    min_training_age_months: int = 6
    unsuited_phases: frozenset[Phase] = frozenset({Phase.STRENGTH, Phase.PEAKING})
    fuzzy_warn_below: float = 1.0
    severity: dict[str, Severity] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()

    def max_pairs(self, level: Level) -> int | None:
        """Post-exhaust pairs allowed in one workout at `level`."""
        return self.pairs_per_workout.get(level)

    def max_pair_workouts(self, level: Level) -> int | None:
        """Workouts a week that may contain post-exhaust pairs at `level`."""
        return self.pair_workouts_per_week.get(level)


@dataclass(frozen=True, slots=True)
class AthleteContext:
    """What is known about the lifter; each field, when set, overrides the program's."""

    level: Level | None = None
    training_age_months: int | None = None
    phase: Phase | None = None
