"""Request and response bodies of programs, sessions and sets."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from fitrec.api.schemas import MAX_PROGRAM_TEXT, Name
from fitrec.services.validation import MAX_NOTE, MAX_REPS, MAX_REST_S, MAX_WEIGHT_KG

# One line of notation: a line break would smuggle in lines of its own.
Line = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\r\n\x00-\x1f]+$")]
Note = Annotated[str, Field(max_length=MAX_NOTE)]
Rest = Annotated[int, Field(ge=0, le=MAX_REST_S)]
Label = Annotated[str, Field(min_length=1, max_length=3, pattern=r"^[A-Za-z]{1,3}$")]
Scale = Annotated[int, Field(ge=1, le=5)]
ClientId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]


class LoadIn(BaseModel):
    """A prescribed load: percent of 1RM or an absolute weight."""

    type: Literal["percent_1rm", "absolute"]
    value: Annotated[
        float,
        Field(
            gt=0,
            le=MAX_WEIGHT_KG * 2.3,
            description="percent of 1RM (80 = 80 %), or a weight in `unit`",
        ),
    ]
    value_max: Annotated[float, Field(gt=0, le=MAX_WEIGHT_KG * 2.3)] | None = Field(
        default=None, description="the top of a range, as `value`"
    )
    unit: Literal["kg", "lb"] | None = Field(
        default=None, description="an absolute load's unit; none means the lifter's"
    )


class EffortIn(BaseModel):
    """A prescribed effort: RPE or reps in reserve."""

    type: Literal["rpe", "rir"]
    value: Annotated[float, Field(ge=0, le=10)]
    value_max: Annotated[float, Field(ge=0, le=10)] | None = None


class EntryIn(BaseModel):
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


class BlockIn(BaseModel):
    """A single exercise or a superset (A1, A2, ...)."""

    label: Label
    title: Line | None = None
    entries: Annotated[list[EntryIn], Field(min_length=1, max_length=10)]


class WorkoutIn(BaseModel):
    """A day of the program."""

    name: Line
    blocks: Annotated[list[BlockIn], Field(min_length=1, max_length=26)]


class ProgramIn(BaseModel):
    """A program as notation text, or as structured JSON (name and workouts)."""

    text: Annotated[str, Field(min_length=1, max_length=MAX_PROGRAM_TEXT)] | None = None
    name: Line | None = None
    phase: Literal["hypertrophy", "strength", "peaking", "deload"] | None = None
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


class CloneIn(BaseModel):
    """An optional name for the copy."""

    name: Name | None = None


class SessionIn(BaseModel):
    """Start a session: a program's workout, or a free session."""

    program_id: Name | None = None
    workout: Name | None = None
    started_at: datetime | None = None


class SetIn(BaseModel):
    """A performed set."""

    exercise: Name | None = Field(default=None, description="slug, name or alias")
    exercise_slug: Name | None = None
    weight: Annotated[
        float, Field(ge=0, le=MAX_WEIGHT_KG * 2.3, description="in `unit` (up to 1500 kg)")
    ]
    reps: Annotated[int, Field(ge=0, le=MAX_REPS)]
    unit: Literal["kg", "lb"] = "kg"
    set_type: Literal["warmup", "working", "drop", "failure"] = "working"
    rpe: Annotated[float, Field(ge=1, le=10, multiple_of=0.5)] | None = None
    rir: Annotated[float, Field(ge=0, le=10)] | None = None
    rest_before_s: Rest | None = None
    note: Note | None = None
    block_label: Label | None = None
    position: Annotated[int, Field(ge=1, le=10)] | None = None
    performed_at: datetime | None = None

    @model_validator(mode="after")
    def _names_an_exercise(self) -> SetIn:
        if not (self.exercise or self.exercise_slug):
            raise ValueError("give `exercise` (or `exercise_slug`)")
        return self


class SetPatch(BaseModel):
    """Values of a logged set to change."""

    exercise: Name | None = None
    weight: Annotated[float, Field(ge=0, le=MAX_WEIGHT_KG * 2.3)] | None = Field(
        default=None, description="in `unit` (the set's own when `unit` is not given)"
    )
    reps: Annotated[int, Field(ge=0, le=MAX_REPS)] | None = None
    unit: Literal["kg", "lb"] | None = None
    set_type: Literal["warmup", "working", "drop", "failure"] | None = None
    rpe: Annotated[float, Field(ge=1, le=10, multiple_of=0.5)] | None = None
    rir: Annotated[float, Field(ge=0, le=10)] | None = None
    rest_before_s: Rest | None = None
    note: Note | None = None
    block_label: Label | None = None
    position: Annotated[int, Field(ge=1, le=10)] | None = None
    flagged: bool | None = None


class SetOut(BaseModel):
    """A stored set."""

    id: str
    session_id: str | None = None
    exercise_slug: str
    block_label: str | None
    position: int | None
    set_index: int
    set_type: str
    weight: float = Field(description="in `unit`, as logged")
    unit: str
    reps: int
    rpe: float | None
    rir: float | None
    rest_before_s: int | None
    note: str | None
    flagged: bool
    performed_at: datetime | None


class FeedbackIn(BaseModel):
    """How a block felt: pump and target-muscle exhaustion, 1-5."""

    block_label: Label
    pump: Scale | None = None
    exhaustion: Scale | None = None
    note: Note | None = None


class FeedbackOut(BaseModel):
    """Stored feedback of a block."""

    block_label: str
    pump: int | None
    exhaustion: int | None
    note: str | None


class FinishIn(BaseModel):
    """Finish a session: feedback per block and a note."""

    feedback: Annotated[list[FeedbackIn], Field(max_length=26)] = Field(default_factory=list)
    note: Note | None = None


class ConfirmIn(BaseModel):
    """Confirm a flagged session's duration, or correct its end time."""

    finished_at: datetime | None = Field(
        default=None, description="the real end time; left out, the stored one stands"
    )


class PlanEntryOut(BaseModel):
    """One exercise of the session's planned block."""

    position: int
    exercise_slug: str | None
    name: str
    sets: int
    reps_min: int
    reps_max: int
    target_weight: float | None = Field(
        description="an absolute prescribed load, in the session's `unit`"
    )
    target_rir: float | None
    placement: str


class PlanBlockOut(BaseModel):
    """A planned block of the session's workout, with its two rests."""

    label: str
    title: str | None
    transition_rest_s: int | None
    rest_after_s: int | None
    entries: list[PlanEntryOut]


class TargetOut(BaseModel):
    """What to do next time for one exercise."""

    exercise_slug: str
    name: str
    label: str | None
    sets: int
    reps: int
    reps_min: int
    reps_max: int
    weight: float | None = Field(description="in `unit`")
    unit: str = Field(description="the lifter's unit: `kg` or `lb`")
    effort: str | None
    rule: str
    note: str | None


class SessionOut(BaseModel):
    """A session with its plan, its sets and feedback."""

    id: str
    started_at: datetime
    finished_at: datetime | None
    workout: str | None
    program: str | None
    note: str | None
    flagged: bool = Field(
        description="an implausible duration (an import's timer left running), kept out of "
        "duration analytics until confirmed or corrected"
    )
    unit: str = Field(description="the lifter's unit (`kg` or `lb`): the plan's target weights")
    blocks: list[PlanBlockOut]
    sets: list[SetOut]
    feedback: list[FeedbackOut]
    next_targets: list[TargetOut]


class SessionSummaryOut(BaseModel):
    """One line of the history."""

    id: str
    started_at: datetime
    finished_at: datetime | None
    workout: str | None
    program: str | None
    set_count: int
    volume_kg: float = Field(description="weight x reps of the working sets, in kg")
    source: str | None


class SessionPage(BaseModel):
    """A page of the history, newest first."""

    items: list[SessionSummaryOut]
    limit: int
    offset: int
    next_offset: int | None


class HistorySet(BaseModel):
    """A set of the history."""

    id: str | None
    exercise_slug: str
    block_label: str | None
    position: int | None
    set_index: int
    set_type: str
    weight: float = Field(description="in `unit`, as logged")
    unit: str
    reps: int
    rpe: float | None
    rir: float | None
    rest_before_s: int | None
    flagged: bool = Field(description="an implausible value awaiting confirmation")
    performed_at: datetime | None


class HistorySession(BaseModel):
    """A session of the history with every set."""

    id: str | None
    started_at: datetime
    finished_at: datetime | None
    workout: str | None
    program: str | None
    flagged: bool = Field(
        description="an implausible duration (a timer left running) awaiting confirmation"
    )
    sets: list[HistorySet]


class History(BaseModel):
    """The whole history, oldest first."""

    sessions: list[HistorySession]
