"""Rules on how much post-exhaust: too-many-pairs, frequency, beginner, phase."""

from __future__ import annotations

from collections.abc import Iterator

from fitrec.domain.programs import Workout
from fitrec.rules.context import LintContext, program_finding, workout_finding
from fitrec.rules.finding import Finding


def _level_text(ctx: LintContext) -> str:
    if ctx.level is None:
        return f"{ctx.effective_level.value} (no level given; add `level:`)"
    return ctx.level.value


def pair_count(ctx: LintContext, workout: Workout) -> int:
    """How many post-exhaust pairs a workout holds."""
    return sum(1 for b in ctx.blocks_of(workout) if b.is_pair)


def check_too_many_pairs(ctx: LintContext) -> Iterator[Finding]:
    """More pairs in a workout than the level allows, or every exercise paired."""
    level = ctx.effective_level
    cap = ctx.config.max_pairs(level)
    for workout in ctx.program.workouts:
        blocks = ctx.blocks_of(workout)
        pairs = pair_count(ctx, workout)
        if cap is not None and pairs > cap:
            message = (
                f"{pairs} post-exhaust pairs in {workout.name}; at level {_level_text(ctx)} "
                f"the article allows {cap} per workout"
            )
            fix = f"keep {cap} pair{'s' if cap != 1 else ''} and train the rest as straight sets"
            yield workout_finding("too-many-pairs", message, fix, workout)
        elif (
            len(blocks) > 1 and pairs == len(blocks) and level not in ctx.config.all_paired_allowed
        ):
            message = (
                f"every exercise of {workout.name} is in a post-exhaust pair: overuse causes "
                f"excessive fatigue and impairs recovery"
            )
            fix = "reserve post-exhaust for 1-3 exercises and train the others as straight sets"
            yield workout_finding("too-many-pairs", message, fix, workout)


def check_frequency(ctx: LintContext) -> Iterator[Finding]:
    """More workouts a week with pairs than the level allows (each workout once a week)."""
    level = ctx.effective_level
    cap = ctx.config.max_pair_workouts(level)
    with_pairs = [w for w in ctx.program.workouts if pair_count(ctx, w) > 0]
    if cap is None or len(with_pairs) <= cap:
        return
    message = (
        f"{len(with_pairs)} workouts a week use post-exhaust; at level {_level_text(ctx)} "
        f"the article allows {cap}"
    )
    fix = f"keep post-exhaust in {cap} workout{'s' if cap != 1 else ''} a week"
    yield workout_finding("frequency", message, fix, with_pairs[cap])


def check_beginner(ctx: LintContext) -> Iterator[Finding]:
    """Post-exhaust pairs with too little training age."""
    age = ctx.training_age_months
    minimum = ctx.config.min_training_age_months
    if age is None or age >= minimum:
        return
    if not any(b.is_pair for b in ctx.blocks):
        return
    message = (
        f"{age} months of training: beginners should master basic progressive overload "
        f"before post-exhaust (the article says after {minimum}-12 months)"
    )
    fix = "train the compounds with straight sets for now; add one pair after 6 months"
    yield program_finding("beginner", message, fix, ctx.program)


def check_phase(ctx: LintContext) -> Iterator[Finding]:
    """Post-exhaust pairs in a strength or peaking phase."""
    phase = ctx.phase
    if phase is None or phase not in ctx.config.unsuited_phases:
        return
    if not any(b.is_pair for b in ctx.blocks):
        return
    message = (
        f"post-exhaust in a {phase.value} phase: during strength peaking focus on the main "
        f"lifts; post-exhaust belongs in hypertrophy blocks"
    )
    fix = "drop the isolations for this phase, or set `phase: hypertrophy`"
    yield program_finding("phase", message, fix, ctx.program)
