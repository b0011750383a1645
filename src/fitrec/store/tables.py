"""SQLAlchemy 2 declarative models: every table carries owner_id, child rows too."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names so migrations and autogenerate agree on every database.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID_LEN = 32  # uuid4().hex
CLIENT_ID_LEN = 64
NAME_LEN = 200


class Base(DeclarativeBase):
    """The declarative base of fitrec's tables."""

    metadata = MetaData(naming_convention=NAMING)


def _owner() -> Mapped[int]:
    return mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)


class User(Base):
    """Someone who owns programs and sessions; the CLI's local owner is one too."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(NAME_LEN), unique=True, nullable=False)
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class AthleteProfileRow(Base):
    """One per user: units, experience, bodyweight, bar and plates, known 1RMs."""

    __tablename__ = "athlete_profiles"

    owner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    unit: Mapped[str] = mapped_column(String(2), nullable=False, default="kg")
    level: Mapped[str | None] = mapped_column(String(20))
    training_age_months: Mapped[int | None] = mapped_column(Integer)
    bodyweight: Mapped[float | None] = mapped_column(Float)
    bar_weight: Mapped[float | None] = mapped_column(Float)
    plates: Mapped[Any] = mapped_column(JSON, nullable=False)  # [[weight, pairs], ...]
    one_rep_maxes_kg: Mapped[Any] = mapped_column(JSON, nullable=False)  # {slug: kg}
    effort_scale: Mapped[str] = mapped_column(String(3), nullable=False, server_default="rir")
    theme: Mapped[str] = mapped_column(String(5), nullable=False, server_default="auto")
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class CustomExerciseRow(Base):
    """An exercise a user added (or an import created) beside the built-in catalogue."""

    __tablename__ = "custom_exercises"
    __table_args__ = (UniqueConstraint("owner_id", "slug"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner_id: Mapped[int] = _owner()
    slug: Mapped[str] = mapped_column(String(NAME_LEN), nullable=False)
    name: Mapped[str] = mapped_column(String(NAME_LEN), nullable=False)
    aliases: Mapped[Any] = mapped_column(JSON, nullable=False)
    mechanic: Mapped[str] = mapped_column(String(20), nullable=False)
    prime_movers: Mapped[Any] = mapped_column(JSON, nullable=False)
    synergists: Mapped[Any] = mapped_column(JSON, nullable=False)
    equipment: Mapped[str] = mapped_column(String(50), nullable=False)
    load_kind: Mapped[str] = mapped_column(String(20), nullable=False)
    legs: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    needs_review: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class ProgramRow(Base):
    """A program's header; its days, blocks and entries are child rows."""

    __tablename__ = "programs"
    __table_args__ = (UniqueConstraint("owner_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    public_id: Mapped[str] = mapped_column(String(ID_LEN), unique=True, nullable=False)
    owner_id: Mapped[int] = _owner()
    name: Mapped[str] = mapped_column(String(NAME_LEN), nullable=False)
    phase: Mapped[str | None] = mapped_column(String(20))
    level: Mapped[str | None] = mapped_column(String(20))
    training_age_months: Mapped[int | None] = mapped_column(Integer)
    template: Mapped[str | None] = mapped_column(String(NAME_LEN))
    # Saved on purpose with errors: marked in the list until saved without them.
    draft: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default=false()
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class WorkoutRow(Base):
    """A day of a program."""

    __tablename__ = "workouts"
    __table_args__ = (Index("ix_workouts_owner_program", "owner_id", "program_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner_id: Mapped[int] = _owner()
    program_id: Mapped[int] = mapped_column(
        ForeignKey("programs.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(NAME_LEN), nullable=False)


class BlockRow(Base):
    """A block (A, B, ...) with its transition rest A1 -> A2 and the rest after the round."""

    __tablename__ = "blocks"
    __table_args__ = (Index("ix_blocks_owner_workout", "owner_id", "workout_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner_id: Mapped[int] = _owner()
    workout_id: Mapped[int] = mapped_column(
        ForeignKey("workouts.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    label: Mapped[str] = mapped_column(String(8), nullable=False)
    title: Mapped[str | None] = mapped_column(String(NAME_LEN))
    # Mirrors of the entries' rests, kept so queries need no entry join.
    transition_rest_s: Mapped[int | None] = mapped_column(Integer)
    rest_after_round_s: Mapped[int | None] = mapped_column(Integer)


class EntryRow(Base):
    """One exercise of a block with its prescription."""

    __tablename__ = "entries"
    __table_args__ = (Index("ix_entries_owner_block", "owner_id", "block_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner_id: Mapped[int] = _owner()
    block_id: Mapped[int] = mapped_column(
        ForeignKey("blocks.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(NAME_LEN), nullable=False)
    exercise_slug: Mapped[str | None] = mapped_column(String(NAME_LEN))
    sets: Mapped[int] = mapped_column(Integer, nullable=False)
    reps_min: Mapped[int] = mapped_column(Integer, nullable=False)
    reps_max: Mapped[int] = mapped_column(Integer, nullable=False)
    load_type: Mapped[str | None] = mapped_column(String(20))
    load_value: Mapped[float | None] = mapped_column(Float)
    load_value_max: Mapped[float | None] = mapped_column(Float)
    load_unit: Mapped[str | None] = mapped_column(String(2))
    effort_type: Mapped[str | None] = mapped_column(String(8))
    effort_value: Mapped[float | None] = mapped_column(Float)
    effort_value_max: Mapped[float | None] = mapped_column(Float)
    rest_after_s: Mapped[int | None] = mapped_column(Integer)
    placement: Mapped[str] = mapped_column(String(20), nullable=False, default="every_set")
    note: Mapped[str | None] = mapped_column(Text)


class SessionRow(Base):
    """A performed workout; names are copied so history reads without joins."""

    __tablename__ = "sessions"
    __table_args__ = (
        UniqueConstraint("owner_id", "import_key"),
        Index("ix_sessions_owner_started", "owner_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    public_id: Mapped[str] = mapped_column(String(ID_LEN), unique=True, nullable=False)
    owner_id: Mapped[int] = _owner()
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id", ondelete="SET NULL"))
    program_name: Mapped[str | None] = mapped_column(String(NAME_LEN))
    workout_name: Mapped[str | None] = mapped_column(String(NAME_LEN))
    started_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)
    import_key: Mapped[str | None] = mapped_column(String(128))
    source: Mapped[str | None] = mapped_column(String(32))
    # An implausible duration: kept out of duration analytics until confirmed or corrected.
    flagged: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default=false()
    )
    # Targets fixed when the session started (JSON list), and once it is finished the
    # targets it leaves for next time: read back as stored, never recomputed.
    targets: Mapped[str | None] = mapped_column(Text)
    next_targets: Mapped[str | None] = mapped_column(Text)


class PerformedSetRow(Base):
    """One logged set, keyed for idempotency by (owner_id, client_id)."""

    __tablename__ = "performed_sets"
    __table_args__ = (
        UniqueConstraint("owner_id", "client_id"),
        Index(
            "ix_performed_sets_owner_session_exercise_index",
            "owner_id",
            "session_id",
            "exercise_slug",
            "set_index",
        ),
        Index("ix_performed_sets_owner_exercise_at", "owner_id", "exercise_slug", "performed_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner_id: Mapped[int] = _owner()
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False
    )
    client_id: Mapped[str] = mapped_column(String(CLIENT_ID_LEN), nullable=False)
    exercise_slug: Mapped[str] = mapped_column(String(NAME_LEN), nullable=False)
    block_label: Mapped[str | None] = mapped_column(String(8))
    position: Mapped[int | None] = mapped_column(Integer)
    set_index: Mapped[int] = mapped_column(Integer, nullable=False)
    set_type: Mapped[str] = mapped_column(String(10), nullable=False)
    weight: Mapped[float] = mapped_column(Float, nullable=False)
    unit: Mapped[str] = mapped_column(String(2), nullable=False)
    weight_kg: Mapped[float] = mapped_column(Float, nullable=False)
    reps: Mapped[int] = mapped_column(Integer, nullable=False)
    rpe: Mapped[float | None] = mapped_column(Float)
    rir: Mapped[float | None] = mapped_column(Float)
    rest_before_s: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    flagged: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    performed_at: Mapped[datetime | None] = mapped_column(DateTime)


class BlockFeedbackRow(Base):
    """How a block felt in a session: pump and exhaustion 1-5 and a note."""

    __tablename__ = "block_feedback"
    __table_args__ = (UniqueConstraint("session_id", "block_label"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner_id: Mapped[int] = _owner()
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False
    )
    block_label: Mapped[str] = mapped_column(String(8), nullable=False)
    pump: Mapped[int | None] = mapped_column(Integer)
    exhaustion: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)


class ApiTokenRow(Base):
    """A personal access token, stored only as a hash."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner_id: Mapped[int] = _owner()
    name: Mapped[str] = mapped_column(String(NAME_LEN), nullable=False)
    token_hash: Mapped[str] = mapped_column(String(128), unique=True, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class WebSessionRow(Base):
    """A signed-in browser, found by the hash of its cookie."""

    __tablename__ = "web_sessions"

    id_hash: Mapped[str] = mapped_column(String(128), primary_key=True)
    owner_id: Mapped[int] = _owner()
    csrf_token: Mapped[str] = mapped_column(String(128), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class LoginAttemptRow(Base):
    """A failed log-in, for rate limiting by key (user name or address)."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(255), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class HistoryVersionRow(Base):
    """A counter per owner that database triggers bump on every change to the history.

    Triggers (migration 0002, not the models) keep it current on every write path.
    """

    __tablename__ = "history_versions"

    owner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(BigInteger, nullable=False)


class AnalyticsCacheRow(Base):
    """A computed analytics payload (JSON text), valid while its history version is current."""

    __tablename__ = "analytics_cache"

    owner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(NAME_LEN), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False)


class CycleRow(Base):
    """A training cycle: a program run for N accumulation weeks and a deload week."""

    __tablename__ = "cycles"
    __table_args__ = (Index("ix_cycles_owner_started", "owner_id", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    public_id: Mapped[str] = mapped_column(String(ID_LEN), unique=True, nullable=False)
    owner_id: Mapped[int] = _owner()
    program_id: Mapped[int] = mapped_column(
        ForeignKey("programs.id", ondelete="CASCADE"), nullable=False
    )
    weeks: Mapped[int] = mapped_column(Integer, nullable=False)
    days: Mapped[int] = mapped_column(Integer, nullable=False)
    deload_week: Mapped[int] = mapped_column(Integer, nullable=False)
    days_done: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    started_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class MuscleRatingRow(Base):
    """How a muscle felt before a session: soreness (recovery) and joint discomfort, 1-5."""

    __tablename__ = "muscle_ratings"
    __table_args__ = (
        Index("ix_muscle_ratings_owner_muscle_recorded", "owner_id", "muscle", "recorded_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    owner_id: Mapped[int] = _owner()
    muscle: Mapped[str] = mapped_column(String(40), nullable=False)
    soreness: Mapped[int | None] = mapped_column(Integer)
    joint: Mapped[int | None] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class SessionSummaryRow(Base):
    """One session's share of the whole-history analytics (JSON text), in a given format.

    Triggers (migration 0013, not the models) delete a session's row when its sets,
    feedback or header change, and an owner's rows when their custom exercises change;
    the analytics service writes the missing ones back.
    """

    __tablename__ = "session_summaries"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    owner_id: Mapped[int] = _owner()
    format: Mapped[int] = mapped_column(Integer, nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
