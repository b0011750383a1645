"""What the linter needs from an exercise catalogue (fitrec.catalog.Catalog fits)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from fitrec.domain.exercises import Exercise


class ExerciseMatch(Protocol):
    """A catalogue match: the exercise, how it matched and how sure."""

    @property
    def exercise(self) -> Exercise:
        """The matched exercise."""
        ...

    @property
    def kind(self) -> str:
        """How the name matched: exact, alias, normalized or fuzzy."""
        ...

    @property
    def confidence(self) -> float:
        """How sure the match is, 0..1."""
        ...


class ExerciseResolver(Protocol):
    """Looks exercise names up; the linter takes one so it stays testable."""

    def lookup(self, name: str) -> ExerciseMatch | None:
        """The best match for a name, or None."""
        ...

    def suggest(self, name: str, limit: int = 3) -> Sequence[ExerciseMatch]:
        """Candidates for an unknown name, best first."""
        ...

    def get(self, slug: str) -> Exercise:
        """The exercise with this slug; KeyError if none."""
        ...

    def __iter__(self) -> Iterator[Exercise]:
        """Every exercise."""
        ...
