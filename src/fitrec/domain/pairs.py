"""What a post-exhaust pair is: a block's kind, and which exercises fit as a pair's partner.

The one home of the concept: the linter, the importer, analytics, planning and the
builder all ask here. An isolation fits a compound when it hits one of the compound's
prime movers (or a head of one, see `same_target`); synergists do not count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fitrec.domain.exercises import Exercise
from fitrec.domain.muscles import Muscle, same_target
from fitrec.domain.programs import Intent

# The article's own pairs, in its order: suggested first when they fit. They are slugs
# of the built-in catalogue; an exercise not listed simply ranks after them.
ARTICLE_ISOLATIONS = (
    "dumbbell-fly",
    "cable-fly",
    "straight-arm-pulldown",
    "dumbbell-pullover",
    "lateral-raise",
    "front-raise",
    "leg-extension",
    "lying-leg-curl",
    "seated-leg-curl",
    "cable-pushdown",
    "overhead-triceps-extension",
)
ARTICLE_COMPOUNDS = (
    "barbell-bench-press",
    "barbell-row",
    "overhead-press",
    "barbell-squat",
    "romanian-deadlift",
    "close-grip-bench-press",
)


def shared_prime_movers(compound: Exercise, isolation: Exercise) -> tuple[Muscle, ...]:
    """The isolation's prime movers that are (or are heads of) a prime mover of the compound."""
    return tuple(
        muscle
        for muscle in isolation.prime_movers
        if any(same_target(muscle, target) for target in compound.prime_movers)
    )


def is_post_exhaust(first: Exercise, second: Exercise) -> bool:
    """A compound then an isolation that hits one of the compound's prime movers."""
    return first.is_compound and second.is_isolation and bool(shared_prime_movers(first, second))


def is_pre_exhaust(first: Exercise, second: Exercise) -> bool:
    """An isolation then a compound whose prime movers include the isolation's target."""
    return first.is_isolation and second.is_compound and bool(shared_prime_movers(second, first))


def block_kind(exercises: Sequence[Exercise]) -> Intent:
    """The kind of a block from its exercises in order: straight, post-, pre-exhaust or superset."""
    if len(exercises) <= 1:
        return Intent.STRAIGHT
    if len(exercises) == 2:
        first, second = exercises
        if is_post_exhaust(first, second):
            return Intent.POST_EXHAUST
        if is_pre_exhaust(first, second):
            return Intent.PRE_EXHAUST
    return Intent.SUPERSET


def intended_as_pair(declared: Intent | None, exercises: Sequence[Exercise | None]) -> bool:
    """Whether a planned block is meant as a post-exhaust pair (what the linter checks).

    Declared so in its title, or undeclared and a compound then an isolation, even when
    the isolation misses the compound's prime movers: that block is a pair done wrong,
    and the pairing rule says what is wrong with it. A declared superset never counts.
    """
    if declared is Intent.POST_EXHAUST:
        return True
    if declared is not None or len(exercises) != 2:
        return False
    first, second = exercises
    return first is not None and second is not None and first.is_compound and second.is_isolation


def logged_pair(exercises: Sequence[Exercise | None]) -> tuple[int, int] | None:
    """The (compound, isolation) positions of a performed block's post-exhaust pair, if any.

    `exercises` are the block's exercises in the order first done (None when unknown).
    The pair is the first compound and the first isolation done after it, and only when
    that isolation hits one of the compound's prime movers: a compound followed by an
    isolation for another muscle is a superset, not a pair (see docs/pairs.md).
    """
    compound: int | None = None
    for index, exercise in enumerate(exercises):
        if exercise is None:
            continue
        if compound is None:
            if exercise.is_compound:
                compound = index
        elif exercise.is_isolation:
            first = exercises[compound]
            assert first is not None
            return (compound, index) if is_post_exhaust(first, exercise) else None
    return None


def _article_rank(slug: str, order: tuple[str, ...]) -> int:
    return order.index(slug) if slug in order else len(order)


def isolations_for(compound: Exercise, exercises: Iterable[Exercise]) -> list[Exercise]:
    """The isolations that finish `compound` as a post-exhaust pair, best first.

    Hitting the compound's main (first) prime mover ranks first, then the article's
    own isolations in its order, then better-known exercises (more aliases), then name.
    """
    main = compound.prime_movers[:1]

    def rank(ex: Exercise) -> tuple[int, int, int, str, str]:
        hits_main = any(same_target(m, t) for m in ex.prime_movers for t in main)
        article = _article_rank(ex.slug, ARTICLE_ISOLATIONS)
        return (0 if hits_main else 1, article, -len(ex.aliases), ex.name, ex.slug)

    fits = [ex for ex in exercises if is_post_exhaust(compound, ex)]
    return sorted(fits, key=rank)


def compounds_for(isolation: Exercise, exercises: Iterable[Exercise]) -> list[Exercise]:
    """The compounds that `isolation` can finish as a post-exhaust pair, best first.

    A compound whose main (first) prime mover is the isolation's target ranks first,
    then the article's own compounds in its order, then more aliases, then name.
    """

    def rank(ex: Exercise) -> tuple[int, int, int, str, str]:
        leads = any(same_target(m, t) for m in isolation.prime_movers for t in ex.prime_movers[:1])
        article = _article_rank(ex.slug, ARTICLE_COMPOUNDS)
        return (0 if leads else 1, article, -len(ex.aliases), ex.name, ex.slug)

    fits = [ex for ex in exercises if is_post_exhaust(ex, isolation)]
    return sorted(fits, key=rank)


def partners_for(exercise: Exercise, exercises: Iterable[Exercise]) -> list[Exercise]:
    """The exercises that fit as `exercise`'s partner in a pair, best first.

    For a compound, the isolations that finish it; for an isolation, the compounds it
    finishes (the live page's swap list asks in both directions).
    """
    if exercise.is_compound:
        return isolations_for(exercise, exercises)
    return compounds_for(exercise, exercises)
