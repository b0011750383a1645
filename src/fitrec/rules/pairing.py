"""Rules on what a pair is made of: pairing, not-isolation, order."""

from __future__ import annotations

from collections.abc import Iterator

from fitrec.domain.exercises import Exercise
from fitrec.domain.pairs import isolations_for, shared_prime_movers
from fitrec.domain.programs import Intent
from fitrec.rules.blocks import ResolvedBlock, muscle_list
from fitrec.rules.context import LintContext, block_finding
from fitrec.rules.finding import Finding
from fitrec.rules.resolver import ExerciseResolver


def isolation_names(compound: Exercise, catalog: ExerciseResolver, limit: int = 2) -> list[str]:
    """Names of the best catalogue isolations to finish `compound` with (the fix's advice)."""
    return [ex.name for ex in isolations_for(compound, catalog)[:limit]]


def _either(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


def check_pairing(ctx: LintContext) -> Iterator[Finding]:
    """A post-exhaust pair whose isolation hits no prime mover of the compound."""
    for block in ctx.blocks:
        pair = block.pair()
        if pair is None or not block.is_pair:
            continue
        first, second = pair
        compound, isolation = first.exercise, second.exercise
        assert compound is not None and isolation is not None
        if shared_prime_movers(compound, isolation):
            continue
        works = muscle_list(isolation.prime_movers)
        prime = muscle_list(compound.prime_movers)
        verb = "is" if len(compound.prime_movers) == 1 else "are"
        movers = "mover" if len(compound.prime_movers) == 1 else "movers"
        assisting = set(isolation.prime_movers) & set(compound.synergists)
        if assisting:
            why = f"which only assist the {first.entry.name}"
        else:
            why = f"which the {first.entry.name} does not train as a prime mover"
        message = (
            f"{second.entry.name} works the {works}, {why}; its prime {movers} {verb} the {prime}"
        )
        options = isolation_names(compound, ctx.catalog)
        fix = (
            f"pair it with {_either(options)}" if options else f"pick an isolation for the {prime}"
        )
        yield block_finding("pairing", message, fix, block, second)


def check_not_isolation(ctx: LintContext) -> Iterator[Finding]:
    """The second exercise of a post-exhaust pair is itself a compound."""
    for block in ctx.blocks:
        pair = block.pair()
        if pair is None or block.declared not in (None, Intent.POST_EXHAUST):
            continue
        first, second = pair
        compound, other = first.exercise, second.exercise
        assert compound is not None and other is not None
        if not other.is_compound:
            continue
        declared = block.declared is Intent.POST_EXHAUST
        if not declared and not (compound.is_compound and shared_prime_movers(compound, other)):
            continue
        options = isolation_names(compound, ctx.catalog) if compound.is_compound else []
        fix = (
            f"finish with an isolation such as {_either(options)}"
            if options
            else "finish the pair with a single-joint isolation exercise"
        )
        message = (
            f"{second.entry.name} is a compound exercise; a post-exhaust pair finishes "
            f"with an isolation so the target muscle works alone"
        )
        yield block_finding("not-isolation", message, fix, block, second)


def _pre_exhaust_message(isolation_name: str, compound_name: str, muscles: str) -> str:
    return (
        f"{isolation_name} comes before {compound_name} for the {muscles}: that is "
        f"pre-exhaust, which lowers compound loads by 10-20 %"
    )


def check_order(ctx: LintContext) -> Iterator[Finding]:
    """An isolation before a compound for the same muscle (pre-exhaust), in or across blocks."""
    fix = "do the compound first and follow it with the isolation (post-exhaust)"
    for workout in ctx.program.workouts:
        blocks = ctx.blocks_of(workout)
        earlier: list[tuple[ResolvedBlock, Exercise, str]] = []
        for block in blocks:
            if block.kind is Intent.PRE_EXHAUST:
                first, second = block.entries[0], block.entries[1]
                assert first.exercise is not None and second.exercise is not None
                muscles = muscle_list(shared_prime_movers(second.exercise, first.exercise))
                message = _pre_exhaust_message(first.entry.name, second.entry.name, muscles)
                yield block_finding("order", message, fix, block, first)
            elif block.kind is Intent.STRAIGHT:
                only = block.entries[0].exercise
                assert only is not None
                if only.is_compound:
                    for _, iso, name in earlier:
                        shared = shared_prime_movers(only, iso)
                        if shared:
                            message = _pre_exhaust_message(
                                name, block.entries[0].entry.name, muscle_list(shared)
                            )
                            yield block_finding("order", message, fix, block, block.entries[0])
                            break
                else:
                    earlier.append((block, only, block.entries[0].entry.name))
