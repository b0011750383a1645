"""A block with its exercises resolved, and its kind derived from mechanics and muscles."""

from __future__ import annotations

from dataclasses import dataclass

from fitrec.domain.exercises import Exercise
from fitrec.domain.muscles import Muscle
from fitrec.domain.pairs import block_kind, intended_as_pair
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
        """True for a block meant as a post-exhaust pair (see `intended_as_pair`)."""
        return intended_as_pair(self.declared, [e.exercise for e in self.entries])

    def pair(self) -> tuple[ResolvedEntry, ResolvedEntry] | None:
        """The (compound, isolation) entries of a two-entry block with known exercises."""
        if len(self.entries) != 2:
            return None
        first, second = self.entries
        if first.exercise is None or second.exercise is None:
            return None
        return first, second


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
        kind = block_kind(known)
    return ResolvedBlock(workout, block, entries, kind)
