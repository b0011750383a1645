"""Rules on a pair's numbers: rest, loads, reps, sets and effort."""

from __future__ import annotations

from collections.abc import Iterator

from fitrec.domain.exercises import Exercise
from fitrec.domain.programs import LoadType, Placement, Prescription
from fitrec.domain.rpe import MAX_REPS, MAX_RIR, rts_percent
from fitrec.rules.blocks import ResolvedBlock, ResolvedEntry
from fitrec.rules.context import LintContext, block_finding
from fitrec.rules.finding import Finding


def _num(value: float) -> str:
    return f"{value:g}"


def _span(low: float, high: float) -> str:
    return _num(low) if low == high else f"{_num(low)}-{_num(high)}"


def _pairs(ctx: LintContext) -> Iterator[tuple[ResolvedBlock, ResolvedEntry, ResolvedEntry]]:
    for block in ctx.blocks:
        pair = block.pair()
        if block.is_pair and pair is not None:
            yield block, pair[0], pair[1]


def _percent_span(p: Prescription) -> tuple[float, float] | None:
    if p.load is None or p.load.type is not LoadType.PERCENT_1RM:
        return None
    return p.load.value, p.load.value_max or p.load.value


def check_rest_long(ctx: LintContext) -> Iterator[Finding]:
    """Rest between the compound and the isolation longer than allowed."""
    limit = ctx.config.max_transition_rest_s
    for block, first, _ in _pairs(ctx):
        rest = block.block.transition_rest_s
        if rest is None or rest <= limit:
            continue
        message = (
            f"{rest} s rest between {first.entry.name} and the isolation diminishes the "
            f"post-exhaust effect (keep it to 30-{limit} s)"
        )
        fix = f"rest {min(60, limit)} seconds between {block.block.label}1 and {block.block.label}2"
        yield block_finding("rest-long", message, fix, block, first)


def effort_percent(p: Prescription) -> float | None:
    """The heaviest %1RM an effort target allows (RTS chart at the low end of the reps)."""
    if p.effort is None:
        return None
    rir = min(max(p.effort.rir, 0.0), MAX_RIR)
    return 100 * rts_percent(max(1, min(p.reps_min, MAX_REPS)), rir)


def check_compound_light(ctx: LintContext) -> Iterator[Finding]:
    """The compound of a pair prescribed below the article's lowest load (or an easy effort)."""
    low = ctx.config.compound_percent[0]
    for block, first, _ in _pairs(ctx):
        p = first.entry.prescription
        span = _percent_span(p)
        implied = effort_percent(p) if span is None else None
        if span is not None and span[1] < low:
            said = f"{_span(*span)} % 1RM"
        elif implied is not None and implied < low and p.effort is not None:
            said = f"{_num(p.effort.rir)} RIR (about {implied:.0f} % 1RM for {p.reps_min} reps)"
        else:
            continue
        message = (
            f"{first.entry.name} at {said} is too light: the compound should "
            f"be heavy, the isolation is the finisher"
        )
        fix = f"load it at {_span(*ctx.config.compound_percent)} % 1RM"
        yield block_finding("compound-light", message, fix, block, first)


def _range_problems(
    p: Prescription,
    reps: tuple[int, int],
    sets: tuple[int, int],
    percent: tuple[float, float],
) -> list[str]:
    problems = []
    if p.reps_min < reps[0] or p.reps_max > reps[1]:
        problems.append(f"{_span(p.reps_min, p.reps_max)} reps (article: {_span(*reps)})")
    if p.sets < sets[0] or p.sets > sets[1]:
        problems.append(f"{p.sets} sets (article: {_span(*sets)})")
    span = _percent_span(p)
    if span is not None and (span[0] < percent[0] or span[1] > percent[1]):
        problems.append(f"{_span(*span)} % 1RM (article: {_span(*percent)} %)")
    return problems


def compound_reps(exercise: Exercise, ctx: LintContext) -> tuple[int, int]:
    """The compound rep range for this exercise (legs take more reps)."""
    return ctx.config.compound_reps_legs if exercise.legs else ctx.config.compound_reps


def check_compound_range(ctx: LintContext) -> Iterator[Finding]:
    """The compound of a pair outside the article's reps, sets or %1RM."""
    cfg = ctx.config
    for block, first, _ in _pairs(ctx):
        if first.exercise is None or not first.exercise.is_compound:
            continue
        reps = compound_reps(first.exercise, ctx)
        percent = (cfg.compound_percent[0], cfg.compound_percent[1])
        p = first.entry.prescription
        span = _percent_span(p)
        # Below the floor is compound-light's (a warning); do not say it twice.
        if span is not None and span[1] < cfg.compound_percent[0]:
            percent = (0.0, cfg.compound_percent[1])
        problems = _range_problems(p, reps, cfg.compound_sets, percent)
        if problems:
            message = f"{first.entry.name}: " + "; ".join(problems)
            fix = f"prescribe {_span(*cfg.compound_sets)}×{_span(*reps)} @ " + (
                f"{_span(*cfg.compound_percent)}% 1RM"
            )
            yield block_finding("compound-range", message, fix, block, first)


def check_isolation_range(ctx: LintContext) -> Iterator[Finding]:
    """The isolation of a pair outside the article's reps, sets or %1RM."""
    cfg = ctx.config
    for block, _, second in _pairs(ctx):
        if second.exercise is None or not second.exercise.is_isolation:
            continue
        problems = _range_problems(
            second.entry.prescription,
            cfg.isolation_reps,
            cfg.isolation_sets,
            cfg.isolation_percent,
        )
        if problems:
            message = f"{second.entry.name}: " + "; ".join(problems)
            fix = (
                f"prescribe {_span(*cfg.isolation_sets)}×{_span(*cfg.isolation_reps)} "
                f"(higher reps for complete exhaustion)"
            )
            yield block_finding("isolation-range", message, fix, block, second)


def check_not_to_failure(ctx: LintContext) -> Iterator[Finding]:
    """The isolation's effort target leaves too many reps in reserve (no target: no finding)."""
    limit = ctx.config.max_isolation_rir
    for block, _, second in _pairs(ctx):
        effort = second.entry.prescription.effort
        if effort is None or effort.rir <= limit:
            continue
        message = (
            f"{second.entry.name} stops {_num(effort.rir)} reps short of failure: the "
            f"isolation must finish the muscle off"
        )
        fix = f"take it to 0-{_num(limit)} RIR, e.g. `@ 0 RIR`"
        yield block_finding("not-to-failure", message, fix, block, second)


def check_sets_match(ctx: LintContext) -> Iterator[Finding]:
    """Isolation sets differ from compound sets, unless the isolation is a finisher."""
    for block, first, second in _pairs(ctx):
        if second.entry.placement is Placement.FINISHER:
            continue
        a, b = first.entry.prescription.sets, second.entry.prescription.sets
        if a == b:
            continue
        message = (
            f"{second.entry.name} has {b} sets but {first.entry.name} has {a}: each compound "
            f"set is followed by one isolation set"
        )
        fix = f"give {second.entry.name} {a} sets, or mark it `(finisher)` after the last set"
        yield block_finding("sets-match", message, fix, block, second)
