"""Request and response bodies of programs (sessions and sets: `schemas_sessions`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fitrec.api.schemas import Name, ProgramText, RequestBody
from fitrec.services.validation import (
    MAX_NOTE,
    MAX_REST_S,
    MAX_WEIGHT_KG,
    MAX_WEIGHT_LB,
    NAME_PATTERN,
    NOTE_PATTERN,
)

# One line of notation: a line break would smuggle in lines of its own.
Line = Annotated[str, Field(min_length=1, max_length=200, pattern=NAME_PATTERN)]
Note = Annotated[str, Field(max_length=MAX_NOTE, pattern=NOTE_PATTERN)]
Rest = Annotated[int, Field(ge=0, le=MAX_REST_S)]
Label = Annotated[str, Field(min_length=1, max_length=3, pattern=r"^[A-Za-z]{1,3}$")]
Scale = Annotated[int, Field(ge=1, le=5)]
ClientId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]


# A set has an RPE or reps in reserve, not both (the server refuses both).
RPE_OR_RIR: dict[str, Any] = {
    "not": {
        "required": ["rpe", "rir"],
        "properties": {"rpe": {"type": "number"}, "rir": {"type": "number"}},
    }
}


PROGRAM_EXAMPLE = """program: {}
level: intermediate

## Day A
A1. Barbell Bench Press: 4×8 @ 80% 1RM
→ Rest 60 seconds
A2. Cable Flies: 4×15 @ 0 RIR
"""


# Weights go up to 1500 kg: 1500 in kg (the default unit), 3306.93 in lb.
KG_LIMIT: dict[str, Any] = {
    "anyOf": [
        {"required": ["unit"], "properties": {"unit": {"const": "lb"}}},
        {"properties": {"weight": {"maximum": MAX_WEIGHT_KG}}},
    ]
}


class LoadIn(RequestBody):
    """A prescribed load: percent of 1RM or an absolute weight."""

    type: Literal["percent_1rm", "absolute"]
    value: Annotated[
        float,
        Field(
            gt=0,
            le=MAX_WEIGHT_LB,
            description="percent of 1RM (80 = 80 %), or a weight in `unit`",
        ),
    ]
    value_max: Annotated[float, Field(gt=0, le=MAX_WEIGHT_LB)] | None = Field(
        default=None, description="the top of a range, as `value`"
    )
    unit: Literal["kg", "lb"] | None = Field(
        default=None, description="an absolute load's unit; none means the lifter's"
    )


class EffortIn(RequestBody):
    """A prescribed effort: RPE or reps in reserve."""

    type: Literal["rpe", "rir"]
    value: Annotated[float, Field(ge=0, le=10)]
    value_max: Annotated[float, Field(ge=0, le=10)] | None = None


class EntryIn(RequestBody):
    """One exercise of a block."""

    exercise: Line
    sets: Annotated[int, Field(ge=1, le=20)]
    reps_min: Annotated[int, Field(ge=1, le=100)]
    reps_max: Annotated[int, Field(ge=1, le=100)] | None = None
    load: LoadIn | None = None
    effort: EffortIn | None = None
    rest_after_s: Rest | None = None
    placement: Literal["every_set", "finisher"] = "every_set"
    note: Line | None = None


class BlockIn(RequestBody):
    """A single exercise or a superset (A1, A2, ...)."""

    label: Label
    title: Line | None = None
    entries: Annotated[list[EntryIn], Field(min_length=1, max_length=10)]


class WorkoutIn(RequestBody):
    """A day of the program."""

    name: Line
    blocks: Annotated[list[BlockIn], Field(min_length=1, max_length=26)]


class ProgramIn(RequestBody):
    """A program as notation text, or as structured JSON (name and workouts)."""

    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [{"required": ["text"]}, {"required": ["name", "workouts"]}],
            "examples": [{"text": PROGRAM_EXAMPLE.format(name)} for name in ("Push", "Pull")],
        }
    )

    text: ProgramText | None = None
    name: Line | None = None
    phase: Literal["hypertrophy", "strength", "peaking", "maintenance", "deload"] | None = None
    level: Literal["beginner", "intermediate", "advanced"] | None = None
    training_age_months: Annotated[int, Field(ge=0, le=900)] | None = None
    workouts: Annotated[list[WorkoutIn], Field(max_length=14)] | None = None

    @model_validator(mode="after")
    def _text_or_structure(self) -> ProgramIn:
        if self.text is None and (self.name is None or not self.workouts):
            raise ValueError("give `text`, or `name` and `workouts`")
        return self


class LoadOut(BaseModel):
    """A prescribed load."""

    type: str
    value: float = Field(description="percent of 1RM (80 = 80 %), or a weight in `unit`")
    value_max: float | None = Field(description="the top of a range, as `value`")
    unit: str | None = Field(description="an absolute load's unit; none means the lifter's")


class EffortOut(BaseModel):
    """A prescribed effort."""

    type: str
    value: float
    value_max: float | None


class EntryOut(BaseModel):
    """One exercise of a block, with the exercise it resolved to."""

    exercise: str
    exercise_slug: str | None
    sets: int
    reps_min: int
    reps_max: int
    load: LoadOut | None
    effort: EffortOut | None
    rest_after_s: int | None
    placement: str
    note: str | None


class BlockOut(BaseModel):
    """A block of a workout."""

    label: str
    title: str | None
    entries: list[EntryOut]


class WorkoutOut(BaseModel):
    """A day of the program."""

    name: str
    blocks: list[BlockOut]


class ProgramOut(BaseModel):
    """A stored program: structure and canonical notation."""

    id: str
    name: str
    phase: str | None
    level: str | None
    training_age_months: int | None
    template: str | None
    created_at: datetime
    updated_at: datetime
    workouts: list[WorkoutOut]
    text: str


class ProgramSummaryOut(BaseModel):
    """One line of the program list."""

    id: str
    name: str
    workouts: list[str]
    updated_at: datetime
    template: str | None


class ProgramList(BaseModel):
    """The owner's programs."""

    items: list[ProgramSummaryOut]


class CloneIn(RequestBody):
    """An optional name for the copy."""

    name: Name | None = None
