"""A block with its exercises resolved, and its kind derived from mechanics and muscles."""

from __future__ import annotations

from dataclasses import dataclass

from fitrec.catalog.pairing import shared_prime_movers
from fitrec.domain.exercises import Exercise
from fitrec.domain.muscles import Muscle
from fitrec.domain.programs import Block, Entry, Intent, Workout


def muscle_name(muscle: Muscle) -> str:
    """A muscle as a lifter writes it (`front_delts` -> `front delts`)."""
    return muscle.value.replace("_", " ")


def muscle_list(muscles: tuple[Muscle, ...]) -> str:
    """Muscles joined for a sentence: `chest`, `front delts and side delts`."""
    names = [muscle_name(m) for m in dict.fromkeys(muscles)]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True, slots=True)
class ResolvedEntry:
    """An entry with its catalogue exercise (None when the name is unknown)."""

    entry: Entry
    label: str  # "A1", or "A" for a single-entry block
    exercise: Exercise | None


@dataclass(frozen=True, slots=True)
class ResolvedBlock:
    """A block, its resolved entries and its derived kind."""

    workout: Workout
    block: Block
    entries: tuple[ResolvedEntry, ...]
    kind: Intent | None  # None when an exercise is unknown

    @property
    def declared(self) -> Intent | None:
        """The intent the block's title claims."""
        return self.block.declared_intent

    @property
    def is_pair(self) -> bool:
        """True for a post-exhaust pair: declared so, or undeclared compound -> isolation.

        A mismatched compound -> isolation counts: it is meant as a pair, and the
        pairing rule says what is wrong with it. A declared superset never counts.
        """
        if self.declared is Intent.POST_EXHAUST:
            return True
        if self.declared is not None or self.kind is None or len(self.entries) != 2:
            return False
        first, second = (e.exercise for e in self.entries)
        assert first is not None and second is not None
        return first.is_compound and second.is_isolation

    def pair(self) -> tuple[ResolvedEntry, ResolvedEntry] | None:
        """The (compound, isolation) entries of a two-entry block with known exercises."""
        if len(self.entries) != 2:
            return None
        first, second = self.entries
        if first.exercise is None or second.exercise is None:
            return None
        return first, second


def classify(first: Exercise, rest: tuple[Exercise, ...]) -> Intent:
    """The kind of a block from its exercises, in order."""
    if not rest:
        return Intent.STRAIGHT
    if len(rest) > 1:
        return Intent.SUPERSET
    second = rest[0]
    if first.is_compound and second.is_isolation and shared_prime_movers(first, second):
        return Intent.POST_EXHAUST
    if first.is_isolation and second.is_compound and shared_prime_movers(second, first):
        return Intent.PRE_EXHAUST
    return Intent.SUPERSET


def entry_label(block: Block, index: int) -> str:
    """`A1`, `A2`... or `A` for a single-entry block."""
    return block.label if len(block.entries) == 1 else f"{block.label}{index + 1}"


def resolve_block(
    workout: Workout, block: Block, exercises: list[Exercise | None]
) -> ResolvedBlock:
    """Attach exercises to a block's entries and derive its kind."""
    entries = tuple(
        ResolvedEntry(entry, entry_label(block, i), ex)
        for i, (entry, ex) in enumerate(zip(block.entries, exercises, strict=True))
    )
    known = [e for e in exercises if e is not None]
    kind = None
    if known and len(known) == len(exercises):
        kind = classify(known[0], tuple(known[1:]))
    return ResolvedBlock(workout, block, entries, kind)
