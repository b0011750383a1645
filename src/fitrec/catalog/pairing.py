"""Whether an isolation finishes a compound: it must hit one of the compound's prime movers."""

from __future__ import annotations

from collections.abc import Iterable

from fitrec.domain.exercises import Exercise
from fitrec.domain.muscles import Muscle, same_target


def shared_prime_movers(compound: Exercise, isolation: Exercise) -> tuple[Muscle, ...]:
    """The isolation's prime movers that are (or are heads of) a prime mover of the compound."""
    return tuple(
        muscle
        for muscle in isolation.prime_movers
        if any(same_target(muscle, target) for target in compound.prime_movers)
    )


def is_valid_pair(compound: Exercise, isolation: Exercise) -> bool:
    """Whether the isolation hits a prime mover of the compound (synergists do not count)."""
    return bool(shared_prime_movers(compound, isolation))


def isolations_for(compound: Exercise, exercises: Iterable[Exercise]) -> list[Exercise]:
    """The isolation exercises that would make a valid post-exhaust pair with a compound."""
    return [e for e in exercises if e.is_isolation and is_valid_pair(compound, e)]
