"""Request and response bodies of accounts, tokens, profile, lint, catalogue and templates."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    WithJsonSchema,
    model_validator,
)

from fitrec.services.accounts import MAX_EMAIL, MAX_PASSWORD, PASSWORD_PATTERN
from fitrec.services.athletes import PLATE_WEIGHT
from fitrec.services.errors import InvalidInput
from fitrec.services.validation import (
    MAX_NAME,
    MAX_WEIGHT_KG,
    MAX_WEIGHT_LB,
    NAME_PATTERN,
    NOTE_PATTERN,
    check_instant,
)

Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME, pattern=NAME_PATTERN)]
Email = Annotated[str, Field(min_length=3, max_length=MAX_EMAIL, examples=["lifter@example.com"])]
Password = Annotated[
    str, Field(min_length=1, max_length=MAX_PASSWORD, examples=["correct horse battery"])
]
NewPassword = Annotated[str, Field(min_length=8, max_length=MAX_PASSWORD, pattern=PASSWORD_PATTERN)]
MAX_PROGRAM_TEXT = 200_000
ProgramText = Annotated[str, Field(min_length=1, max_length=MAX_PROGRAM_TEXT, pattern=NOTE_PATTERN)]
_NUMBER = re.compile(r"^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$")


def _text_only(value: Any) -> Any:
    # pydantic reads a number as seconds since 1970; the document promises a date-time.
    if isinstance(value, int | float) or (isinstance(value, str) and _NUMBER.match(value)):
        raise ValueError("must be a date-time such as 2026-01-31T18:00:00Z")
    return value


def _in_range(value: datetime) -> datetime:
    try:
        return check_instant(value)
    except InvalidInput as error:
        raise ValueError(error.message) from None


Instant = Annotated[
    datetime,
    BeforeValidator(_text_only),
    AfterValidator(_in_range),
    WithJsonSchema(
        {"type": "string", "format": "date-time", "pattern": r"^(19[7-9][0-9]|20[0-9][0-9])-"}
    ),
]
"""A date-time in the years 1970 to 2099, given as text (RFC 3339)."""


def _allows_bool(annotation: Any) -> bool:
    return annotation is bool or bool in get_args(annotation)


class RequestBody(BaseModel):
    """A request body: `true`/`false` are refused where the document wants a number.

    pydantic's lax mode reads them as 1 and 0; the document says `number` or `integer`.
    """

    @model_validator(mode="before")
    @classmethod
    def _no_bool_for_numbers(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for name, value in data.items():
                field = cls.model_fields.get(name)
                if isinstance(value, bool) and field and not _allows_bool(field.annotation):
                    raise ValueError(f"{name}: must not be true or false")
        return data


class FieldError(BaseModel):
    """One invalid field: where (`body.reps`, `query.limit`) and why."""

    field: str
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] | None = None


class SignUp(RequestBody):
    """A new account (the address is checked by email-validator)."""

    email: Annotated[EmailStr, Field(max_length=MAX_EMAIL, examples=["lifter@example.com"])]
    password: NewPassword


class Credentials(RequestBody):
    """An e-mail address and password, to log in or make a token."""

    email: Email
    password: Password
    name: Name | None = Field(default=None, description="the token's name (tokens only)")


class UserOut(BaseModel):
    """An account."""

    id: int
    email: str


class PasswordChange(RequestBody):
    """The current password and the new one."""

    current_password: Password
    new_password: NewPassword


class TokenOut(BaseModel):
    """A personal access token as listed: name and prefix, never the secret."""

    id: int
    name: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None = None


class NewTokenOut(TokenOut):
    """A token just made: `token` is shown this once."""

    token: str


class WebLoginOut(BaseModel):
    """A signed-in browser: the CSRF token to send as X-CSRF-Token on unsafe requests."""

    user_id: int
    csrf_token: str


class LintIn(RequestBody):
    """Program notation to lint."""

    text: Annotated[str, Field(min_length=1, max_length=MAX_PROGRAM_TEXT)]


class FindingOut(BaseModel):
    """One finding, with the same fields as `fitrec lint --format json`."""

    path: str | None = None
    line: int | None = None
    column: int | None = None
    code: str
    severity: Literal["error", "warning", "info"]
    message: str
    fix: str
    location: str
    workout: str | None = None
    block: str | None = None
    entry: str | None = None


class LintEntryOut(BaseModel):
    """An exercise of a linted block, with the catalogue slug it resolved to."""

    name: str
    exercise_slug: str | None


class LintBlockOut(BaseModel):
    """A block of the linted program, where the builder shows its findings."""

    workout: str
    label: str
    title: str | None
    line: int | None
    entries: list[LintEntryOut]


class LintOut(BaseModel):
    """The findings of a program, errors first, and its blocks."""

    findings: list[FindingOut]
    errors: int
    warnings: int
    infos: int
    blocks: list[LintBlockOut] = Field(default_factory=list)


class ExerciseOut(BaseModel):
    """A catalogue (or custom) exercise."""

    slug: str
    name: str
    mechanic: str
    prime_movers: list[str]
    synergists: list[str]
    equipment: str
    load_kind: str
    aliases: list[str]


class ExercisePage(BaseModel):
    """Exercises matching a search."""

    items: list[ExerciseOut]


class TemplateOut(BaseModel):
    """A built-in program anyone may copy."""

    name: str
    text: str
    workouts: list[str]


class TemplateCopy(RequestBody):
    """An optional new name for the copy."""

    name: Name | None = None


Weight = Annotated[float, Field(ge=0, le=MAX_WEIGHT_LB)]
PlateWeight = Annotated[str, Field(pattern=PLATE_WEIGHT.pattern)]


class ProfileIn(RequestBody):
    """Profile fields to change (absent fields stay as they are)."""

    model_config = ConfigDict(extra="forbid")

    unit: Literal["kg", "lb"] | None = None
    level: Literal["beginner", "intermediate", "advanced"] | None = None
    training_age_months: Annotated[int, Field(ge=0, le=900)] | None = None
    bodyweight: Weight | None = Field(default=None, description="in the profile's `unit`")
    bar_weight: Weight | None = Field(default=None, description="in the profile's `unit`")
    plates: dict[PlateWeight, Annotated[int, Field(ge=0, le=100, strict=True)]] | None = Field(
        default=None, max_length=50, description="plate weight (in the profile's `unit`) -> pairs"
    )
    one_rep_maxes_kg: dict[Name, Annotated[float, Field(gt=0, le=MAX_WEIGHT_KG)]] | None = Field(
        default=None, max_length=200, description="exercise slug -> known 1RM in kg"
    )
    effort_scale: Literal["rir", "rpe"] | None = Field(
        default=None, description="how the live workout asks for effort: RIR or RPE"
    )
    theme: Literal["auto", "light", "dark"] | None = Field(
        default=None, description="web colours: follow the device, or always light or dark"
    )


class ProfileOut(BaseModel):
    """A lifter's settings."""

    unit: str = Field(description="the lifter's unit: `kg` or `lb`")
    level: str | None
    training_age_months: int | None
    bodyweight: float | None = Field(description="in `unit`")
    bar_weight: float | None = Field(description="in `unit`")
    plates: dict[str, int] = Field(description="plate weight (in `unit`) -> pairs")
    one_rep_maxes_kg: dict[str, float] = Field(description="exercise slug -> known 1RM in kg")
    effort_scale: Literal["rir", "rpe"]
    theme: Literal["auto", "light", "dark"]
