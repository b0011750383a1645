"""Sessions: performed sets and per-block feedback."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from fitrec.domain.units import Unit, to_kg


class SetType(StrEnum):
    """What kind of set was performed."""

    WARMUP = "warmup"
    WORKING = "working"
    DROP = "drop"
    FAILURE = "failure"


@dataclass(slots=True)
class PerformedSet:
    """One set as logged at the gym."""

    exercise_slug: str
    weight: float
    reps: int
    unit: Unit = Unit.KG
    set_type: SetType = SetType.WORKING
    block_label: str | None = None  # "A"
    position: int | None = None  # 1 for A1, 2 for A2
    set_index: int = 1  # 1-based within the exercise in the session
    rpe: float | None = None
    rir: float | None = None
    rest_before_s: int | None = None
    note: str | None = None
    id: str | None = None  # the client's idempotency id
    performed_at: datetime | None = None
    flagged: bool = False  # an implausible value awaiting confirmation

    @property
    def weight_kg(self) -> float:
        """The weight in kilograms."""
        return to_kg(self.weight, self.unit)

    @property
    def effective_rir(self) -> float | None:
        """RIR as logged, or derived from RPE (RIR = 10 - RPE)."""
        if self.rir is not None:
            return self.rir
        if self.rpe is not None:
            return 10.0 - self.rpe
        return None


def set_record(performed: PerformedSet) -> dict[str, Any]:
    """A performed set as plain values (enums as their values), every field once.

    The one mapping of a set: the API's and the web's set (`SetOut`), the history and the
    native export are all built from it, so a field is added in one place.
    """
    return {
        "id": performed.id,
        "exercise_slug": performed.exercise_slug,
        "block_label": performed.block_label,
        "position": performed.position,
        "set_index": performed.set_index,
        "set_type": performed.set_type.value,
        "weight": performed.weight,
        "unit": performed.unit.value,
        "reps": performed.reps,
        "rpe": performed.rpe,
        "rir": performed.rir,
        "rest_before_s": performed.rest_before_s,
        "note": performed.note,
        "flagged": performed.flagged,
        "performed_at": performed.performed_at,
    }


@dataclass(slots=True)
class Feedback:
    """How a block felt: pump and target-muscle exhaustion, 1-5."""

    block_label: str
    pump: int | None = None
    exhaustion: int | None = None
    note: str | None = None


@dataclass(slots=True)
class Session:
    """A performed workout."""

    started_at: datetime
    sets: list[PerformedSet] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    workout_name: str | None = None
    program_name: str | None = None
    finished_at: datetime | None = None
    note: str | None = None
    id: str | None = None
    import_key: str | None = None  # an importer's fingerprint: re-importing adds nothing
    source: str | None = None  # where an imported session came from: "strong", "hevy"...
    flagged: bool = False  # an implausible duration (a timer left running) awaiting confirmation
    program_id: str | None = None  # public id of the program followed, while it still exists
