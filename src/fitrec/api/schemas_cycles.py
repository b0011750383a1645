"""Bodies of the generator, cycle, review and rating routes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# The generator's choices, as the services check them (the schema says what they accept).
Level = Literal["beginner", "intermediate", "advanced"]
Equipment = Literal["barbell", "dumbbell", "cable", "machine", "bodyweight"]
FocusMuscle = Literal["chest", "back", "shoulders", "quadriceps", "hamstrings", "triceps"]
Phase = Literal["hypertrophy", "strength", "maintenance"]
Rating = Annotated[int, Field(ge=1, le=5, strict=True)]


class PlanIn(BaseModel):
    """Goals for the generator; absent values take the defaults (level: the profile's)."""

    model_config = ConfigDict(extra="forbid")

    days: Annotated[int, Field(ge=2, le=6, strict=True)] | None = Field(
        default=None, description="2-6"
    )
    minutes: Annotated[int, Field(ge=30, le=120, strict=True)] | None = Field(
        default=None, description="30-120"
    )
    level: Level | None = Field(default=None, description="beginner, intermediate or advanced")
    training_age_months: Annotated[int, Field(ge=0, le=900, strict=True)] | None = None
    equipment: list[Equipment] | None = Field(
        default=None,
        min_length=1,
        max_length=10,
        description="barbell, dumbbell, cable, machine, bodyweight",
    )
    focus: list[FocusMuscle] | None = Field(
        default=None,
        max_length=10,
        description="chest, back, shoulders, quadriceps, hamstrings, triceps",
    )
    phase: Phase | None = Field(default=None, description="hypertrophy, strength or maintenance")
    seed: Annotated[int, Field(strict=True)] | None = None


class MuscleSetsOut(BaseModel):
    """Weekly sets of one muscle against its landmarks."""

    sets: float
    priority: bool
    mv: float
    mev: float
    mav: list[float]
    mrv: float


class SessionMinutesOut(BaseModel):
    """A workout's estimated length."""

    workout: str
    minutes: float


class LintCountOut(BaseModel):
    """How the linter judged the generated program."""

    errors: int
    warnings: int


class PlanOut(BaseModel):
    """A generated program: notation, explanations, weekly sets, session minutes."""

    program: str
    name: str
    request: dict[str, int | str | list[str] | None]
    explanations: list[str]
    weekly_sets: dict[str, MuscleSetsOut]
    sessions: list[SessionMinutesOut]
    lint: LintCountOut


class CycleIn(BaseModel):
    """A program (name or id) to run as a cycle for `weeks` accumulation weeks."""

    model_config = ConfigDict(extra="forbid")

    program: Annotated[str, Field(min_length=1, max_length=200)]
    weeks: int = Field(
        strict=True, ge=4, le=8, description="4-8 accumulation weeks; a deload week follows"
    )


class GridWeekOut(BaseModel):
    """One week of the grid."""

    week: int
    kind: str
    isolation_rir: float | None
    days: list[str]


class TargetOut(BaseModel):
    """The next day's target for one entry."""

    label: str | None
    exercise: str
    sets: int
    reps: int
    load: float | None = Field(description="in `unit`")
    unit: str = Field(description="the lifter's unit: `kg` or `lb`")
    effort: str | None
    rule: str
    reason: str


class NextDayOut(BaseModel):
    """The cycle's next day."""

    week: int
    kind: str
    workout: str
    targets: list[TargetOut]


class CycleOut(BaseModel):
    """A cycle: its grid of weeks × days, the next day and the week's program."""

    id: str
    program_id: str
    program: str
    weeks: int
    deload_week: int
    days_done: int
    started_at: datetime
    finished_at: datetime | None
    workouts: list[str]
    grid: list[GridWeekOut]
    next: NextDayOut | None
    week_program: str | None


class ProposalOut(BaseModel):
    """A proposed change with its reason; `number` is what to accept (holds have none)."""

    number: int | None = None
    change: str
    workout: str
    block: str
    muscle: str
    reason: str
    source: str


class ReviewOut(BaseModel):
    """The week's proposals and those just applied."""

    cycle_id: str
    week: int | None
    proposals: list[ProposalOut]
    applied: list[ProposalOut]


class AcceptIn(BaseModel):
    """The proposal numbers to apply."""

    model_config = ConfigDict(extra="forbid")

    accept: list[int] = Field(max_length=50)


class RatingIn(BaseModel):
    """How a muscle feels before its session: soreness and joint discomfort, 1-5."""

    # At least one of the two ratings: the server refuses a rating of neither.
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "anyOf": [
                {"required": ["soreness"], "properties": {"soreness": {"type": "integer"}}},
                {"required": ["joint"], "properties": {"joint": {"type": "integer"}}},
            ]
        },
    )

    muscle: FocusMuscle
    soreness: Rating | None = Field(default=None, description="1 recovered ... 5 very sore")
    joint: Rating | None = Field(default=None, description="joint discomfort: 1 none ... 5 severe")
