"""Request and response bodies of sessions and sets: the one shape of each, API and web alike."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fitrec.api.schemas import Instant, Name, RequestBody
from fitrec.api.schemas_training import KG_LIMIT, RPE_OR_RIR, Label, Note, Rest, Scale
from fitrec.services.validation import MAX_REPS, MAX_WEIGHT_LB


class SessionIn(RequestBody):
    """Start a session: a program's workout, or a free session."""

    program_id: Name | None = None
    workout: Name | None = None
    started_at: Instant | None = None


class SetIn(RequestBody):
    """A performed set."""

    model_config = ConfigDict(
        json_schema_extra={
            "allOf": [
                {"anyOf": [{"required": ["exercise"]}, {"required": ["exercise_slug"]}]},
                KG_LIMIT,
            ],
            **RPE_OR_RIR,
        }
    )

    exercise: Name | None = Field(default=None, description="slug, name or alias")
    exercise_slug: Name | None = None
    weight: Annotated[
        float, Field(ge=0, le=MAX_WEIGHT_LB, description="in `unit` (up to 1500 kg, 3306.93 lb)")
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
    performed_at: Instant | None = None

    @model_validator(mode="after")
    def _names_an_exercise(self) -> SetIn:
        if not (self.exercise or self.exercise_slug):
            raise ValueError("give `exercise` (or `exercise_slug`)")
        return self


class SetPatch(RequestBody):
    """Values of a logged set to change."""

    model_config = ConfigDict(json_schema_extra=RPE_OR_RIR)

    exercise: Name | None = None
    weight: Annotated[float, Field(ge=0, le=MAX_WEIGHT_LB)] | None = Field(
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
    """A performed set: the one shape of a set, logged, in a session, and in the history."""

    id: str | None
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
    flagged: bool = Field(description="an implausible value awaiting confirmation")
    performed_at: datetime | None


class BlockFeedbackIn(RequestBody):
    """How the block named in the path felt: pump and target-muscle exhaustion, 1-5."""

    pump: Scale | None = None
    exhaustion: Scale | None = None
    note: Note | None = None


class FeedbackIn(BlockFeedbackIn):
    """How a block felt, naming the block (when finishing a session)."""

    block_label: Label


class FeedbackOut(BaseModel):
    """Stored feedback of a block."""

    block_label: str
    pump: int | None
    exhaustion: int | None
    note: str | None


class FinishIn(RequestBody):
    """Finish a session: feedback per block and a note."""

    feedback: Annotated[list[FeedbackIn], Field(max_length=26)] = Field(default_factory=list)
    note: Note | None = None


class ConfirmIn(RequestBody):
    """Confirm a flagged session's duration, or correct its end time."""

    finished_at: Instant | None = Field(
        default=None, description="the real end time; left out, the stored one stands"
    )


class LastTimeOut(BaseModel):
    """What the lifter did with an exercise the last time before this session."""

    session_id: str
    started_at: datetime
    sets: list[SetOut]


class TargetOut(BaseModel):
    """What to do for one exercise: fixed when the session started, or for next time."""

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


class PlanEntryOut(BaseModel):
    """One exercise of the session's planned block, its target and what was done last time."""

    position: int
    exercise_slug: str | None
    name: str
    sets: int
    reps_min: int
    reps_max: int
    target_weight: float | None = Field(
        description="the target's load (fixed when the session started), else the program's, "
        "in the session's `unit`"
    )
    target_rir: float | None
    placement: str
    target: TargetOut | None
    last_time: LastTimeOut | None


class PlanBlockOut(BaseModel):
    """A planned block of the session's workout, with its two rests."""

    label: str
    title: str | None
    transition_rest_s: int | None
    rest_after_s: int | None
    entries: list[PlanEntryOut]


class SessionOut(BaseModel):
    """A session: its plan with targets and last time, its sets, feedback and rest taken."""

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
    rest_taken_s: int = Field(description="the rest logged before this session's sets")
    targets: list[TargetOut] = Field(description="the targets fixed when the session started")
    next_targets: list[TargetOut] = Field(description="once finished: the targets for next time")


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
    sets: list[SetOut]


class History(BaseModel):
    """The whole history, oldest first."""

    sessions: list[HistorySession]
