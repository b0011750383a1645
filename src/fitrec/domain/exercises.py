"""Exercises: mechanic, prime movers and synergists, equipment and load kind."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from fitrec.domain.muscles import Muscle, MuscleGroup, group_of


class Mechanic(StrEnum):
    """Whether an exercise moves several joints (compound) or one (isolation)."""

    COMPOUND = "compound"
    ISOLATION = "isolation"


class LoadKind(StrEnum):
    """How the load is made, which decides how it is rounded."""

    BARBELL = "barbell"
    DUMBBELL = "dumbbell"
    CABLE = "cable"
    MACHINE = "machine"
    BODYWEIGHT = "bodyweight"


@dataclass(frozen=True, slots=True)
class Exercise:
    """An exercise of the catalogue (or a user's custom one)."""

    slug: str
    name: str
    mechanic: Mechanic
    prime_movers: tuple[Muscle, ...]
    synergists: tuple[Muscle, ...] = ()
    equipment: str = "barbell"
    load_kind: LoadKind = LoadKind.BARBELL
    aliases: tuple[str, ...] = field(default=(), compare=False)
    legs: bool = False  # lower-body compounds take 8-12 reps in the article

    @property
    def is_compound(self) -> bool:
        """True for a multi-joint exercise."""
        return self.mechanic is Mechanic.COMPOUND

    @property
    def is_isolation(self) -> bool:
        """True for a single-joint exercise."""
        return self.mechanic is Mechanic.ISOLATION

    @property
    def groups(self) -> tuple[MuscleGroup, ...]:
        """Common groups of the prime movers, in order, without repeats."""
        return tuple(dict.fromkeys(group_of(m) for m in self.prime_movers))


def slugify(name: str) -> str:
    """A URL-safe slug for a name (`Jefferson Curl (DB)` -> `jefferson-curl-db`).

    Accents fold to ASCII (`Café` -> `cafe`); a name with no ASCII letter or digit
    left becomes `exercise`, never an empty slug.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "exercise"
