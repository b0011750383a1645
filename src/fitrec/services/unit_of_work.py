"""The unit of work and repository interfaces the use cases depend on (`fitrec.store` has them).

Every repository method takes the owner: another owner's rows are simply not found.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from fitrec.domain.exercises import Exercise
from fitrec.domain.programs import Program, Workout
from fitrec.domain.sessions import Feedback, PerformedSet, Session
from fitrec.planning.targets import Target
from fitrec.services.models import (
    AddedSet,
    AthleteProfile,
    CycleRecord,
    LastTime,
    OpenSession,
    ProgramRecord,
    ProgramSummary,
    SessionSummary,
)


class UserRepository(Protocol):
    """Users (owners of everything else)."""

    def add(self, username: str, *, password_hash: str | None = None) -> int:
        """Create a user and return its id."""
        ...

    def id_by_username(self, username: str) -> int | None:
        """The id of the user called `username`, if any."""
        ...

    def exists(self, owner_id: int) -> bool:
        """Whether a user with this id exists."""
        ...


class ProfileRepository(Protocol):
    """Each owner's athlete profile (one per owner)."""

    def get(self, owner_id: int) -> AthleteProfile | None:
        """The stored profile, or None when never saved."""
        ...

    def save(self, owner_id: int, profile: AthleteProfile) -> None:
        """Create or replace the profile."""
        ...


class CustomExerciseRepository(Protocol):
    """Exercises an owner added beside the built-in catalogue."""

    def list(self, owner_id: int) -> list[Exercise]:
        """Every custom exercise of the owner, by name."""
        ...

    def add(self, owner_id: int, exercise: Exercise, *, needs_review: bool = False) -> None:
        """Store a custom exercise (its slug must be new for this owner)."""
        ...

    def get(self, owner_id: int, slug: str) -> Exercise | None:
        """One custom exercise by slug."""
        ...

    def needing_review(self, owner_id: int) -> set[str]:
        """Slugs of the owner's custom exercises still awaiting review (an import made them)."""
        ...

    def delete(self, owner_id: int, slug: str) -> bool:
        """Remove one; False when it did not exist."""
        ...


class ProgramRepository(Protocol):
    """Programs with their workouts, blocks and entries."""

    def add(
        self, owner_id: int, program: Program, *, template: str | None = None, draft: bool = False
    ) -> str:
        """Store a program; returns its public id."""
        ...

    def replace(
        self, owner_id: int, program_id: str, program: Program, *, draft: bool = False
    ) -> None:
        """Replace a program's content, keeping its id (NotFound if absent)."""
        ...

    def get(self, owner_id: int, program_id: str) -> ProgramRecord | None:
        """One program by public id."""
        ...

    def workout(self, owner_id: int, program_id: str, workout_name: str) -> Workout | None:
        """One workout of a program by public id (its exact name), blocks and entries."""
        ...

    def id_by_name(self, owner_id: int, name: str) -> str | None:
        """The id of the owner's program called `name` (case-insensitive)."""
        ...

    def slot_of(
        self, owner_id: int, program_id: str, workout_name: str, exercise_slug: str
    ) -> tuple[str, int] | None:
        """Block label and position of an exercise in a program's workout (first one)."""
        ...

    def list(self, owner_id: int) -> list[ProgramSummary]:
        """The owner's programs, by name."""
        ...

    def delete(self, owner_id: int, program_id: str) -> bool:
        """Delete a program (sessions keep their denormalised names); False if absent."""
        ...


class SessionRepository(Protocol):
    """Sessions, performed sets and block feedback."""

    def start(
        self,
        owner_id: int,
        *,
        started_at: datetime,
        program_id: str | None,
        program_name: str | None,
        workout_name: str | None,
        targets: Sequence[Target] = (),
    ) -> str:
        """Open a session with the targets fixed for it; returns its public id."""
        ...

    def open_session(self, owner_id: int, session_id: str) -> OpenSession | None:
        """A session's header, without its sets."""
        ...

    def latest_unfinished(self, owner_id: int) -> OpenSession | None:
        """The owner's most recently started session that is not finished."""
        ...

    def find_set(self, owner_id: int, client_id: str) -> tuple[str, PerformedSet] | None:
        """A set by its client id, with the public id of its session."""
        ...

    def insert_set(self, owner_id: int, session_row: int, performed: PerformedSet) -> None:
        """Insert a set as it is (its `id` is the client id and must be set)."""
        ...

    def add_set(
        self,
        owner_id: int,
        session_id: str | None,
        performed: PerformedSet,
        *,
        from_plan: bool,
    ) -> AddedSet:
        """Log a set into the owner's open session (the latest one when `session_id` is None),
        numbered after the session's sets of its exercise, unless its client id is stored.

        `from_plan`: the set has no block label of its own, so a session from a program's
        workout gives it the exercise's slot there. Nothing is stored into a finished or
        missing session, or under a client id already stored: the answer says which.
        """
        ...

    def update_set(self, owner_id: int, performed: PerformedSet) -> None:
        """Overwrite a stored set's values, found by its client id."""
        ...

    def delete_set(self, owner_id: int, client_id: str) -> bool:
        """Delete a set by client id; False when it did not exist."""
        ...

    def finish(
        self,
        owner_id: int,
        session_row: int,
        *,
        finished_at: datetime,
        note: str | None,
    ) -> None:
        """Mark a session finished (its note replaced when given); clears its duration flag.

        The end time given is the one the lifter stands by, so a flag raised on the
        session's duration (an import's timer left running) is settled by it.
        """
        ...

    def save_feedback(self, owner_id: int, session_row: int, feedback: Feedback) -> None:
        """Create or replace the feedback of one block of a session."""
        ...

    def save_next_targets(self, owner_id: int, session_row: int, targets: Sequence[Target]) -> None:
        """Store the targets a finished session leaves for next time."""
        ...

    def targets(self, owner_id: int, session_id: str) -> tuple[list[Target], list[Target]]:
        """A session's stored targets: those fixed at its start, and those it left for next."""
        ...

    def last_sets(
        self, owner_id: int, before: datetime, exercise_slugs: Iterable[str]
    ) -> dict[str, LastTime]:
        """For each exercise, its sets in the latest session that did it before `before`."""
        ...

    def get(self, owner_id: int, session_id: str) -> Session | None:
        """A whole session: sets in order and feedback."""
        ...

    def list(self, owner_id: int, *, limit: int = 50, offset: int = 0) -> list[SessionSummary]:
        """The history, newest first."""
        ...

    def delete(self, owner_id: int, session_id: str) -> bool:
        """Delete a session with its sets and feedback."""
        ...

    def history(
        self,
        owner_id: int,
        exercise_slug: str | None = None,
        since: datetime | None = None,
        whole_sessions: bool = False,
    ) -> builtins.list[Session]:
        """Every session of the owner (oldest first) with its sets in order, in one query.

        `exercise_slug` keeps only that exercise's sets, or with `whole_sessions` every set
        of the sessions that contain it (what came before a set matters to analytics).
        """
        ...

    def add_many(self, owner_id: int, sessions: Iterable[Session]) -> builtins.list[str]:
        """Bulk-insert whole sessions (imports); returns their public ids."""
        ...

    def import_keys(self, owner_id: int) -> set[str]:
        """Every import fingerprint already stored for the owner."""
        ...


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """A personal access token as its owner sees it: never the secret, only its prefix."""

    id: int
    name: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None


class AuthRepository(Protocol):
    """Credentials: password hashes, access tokens, web sessions, failed log-ins."""

    def add_account(self, email: str, password_hash: str) -> int:
        """Create a user signing in with `email`; returns its id."""
        ...

    def account_by_email(self, email: str) -> tuple[int, str | None] | None:
        """The id and password hash of the active user with this e-mail address."""
        ...

    def password_hash(self, owner_id: int) -> str | None:
        """The owner's password hash."""
        ...

    def set_password_hash(self, owner_id: int, password_hash: str) -> None:
        """Replace the owner's password hash."""
        ...

    def add_token(self, owner_id: int, name: str, token_hash: str, at: datetime) -> int:
        """Store a token's hash; returns the token's id."""
        ...

    def tokens(self, owner_id: int) -> builtins.list[TokenInfo]:
        """The owner's tokens, newest first (revoked ones included)."""
        ...

    def revoke_token(self, owner_id: int, token_id: int, at: datetime) -> bool:
        """Revoke one of the owner's tokens; False when the owner has no such live token."""
        ...

    def owner_by_token(self, token_hash: str) -> int | None:
        """The active owner of a live token with this hash."""
        ...

    def add_web_session(
        self, id_hash: str, owner_id: int, csrf_token: str, at: datetime, expires_at: datetime
    ) -> None:
        """Store a signed-in browser by the hash of its cookie."""
        ...

    def web_session(self, id_hash: str, now: datetime) -> tuple[int, str] | None:
        """The owner and CSRF token of an unexpired web session."""
        ...

    def end_web_session(self, id_hash: str) -> None:
        """Forget one web session."""
        ...

    def end_web_sessions(self, owner_id: int) -> None:
        """Forget every web session of the owner."""
        ...

    def add_login_failure(self, key: str, at: datetime) -> None:
        """Remember a failed log-in for `key` (an account or an address)."""
        ...

    def login_failures(
        self, key: str, since: datetime
    ) -> tuple[int, datetime | None, datetime | None]:
        """How many failures `key` had since `since`, the oldest and the latest of them."""
        ...


class AnalyticsCache(Protocol):
    """Computed analytics kept as JSON text, valid while the owner's history version holds.

    The store bumps the version on every change to sessions, sets, feedback and custom
    exercises (database triggers), so a payload stored under an older version is stale.
    """

    def version(self, owner_id: int) -> int:
        """The owner's current history version (0 before any change)."""
        ...

    def get(self, owner_id: int, key: str, version: int) -> str | None:
        """The payload stored under `key` when it was computed at `version`, else None."""
        ...

    def put(self, owner_id: int, key: str, version: int, payload: str) -> None:
        """Store a payload computed at `version` (commit to keep it)."""
        ...

    # Per-session summaries: the store drops a session's summary whenever the session, its
    # sets or its feedback change (and an owner's when their custom exercises change).
    def unsummarised(self, owner_id: int, fmt: int) -> list[Session]:
        """The owner's sessions (whole, oldest first) without a summary of format `fmt`."""
        ...

    def put_summaries(self, owner_id: int, fmt: int, payloads: Mapping[str, str]) -> None:
        """Store summaries (JSON text) of format `fmt` by session id (commit to keep them)."""
        ...

    def summaries(self, owner_id: int, fmt: int) -> list[str | None]:
        """Every session's summary of format `fmt` in history order; None where missing."""
        ...


class CycleRepository(Protocol):
    """Training cycles and where each stands."""

    def add(
        self,
        owner_id: int,
        program_id: str,
        *,
        weeks: int,
        days: int,
        deload_week: int,
        started_at: datetime,
    ) -> str | None:
        """Store a new cycle of the owner's program; its public id, or None if no such program."""
        ...

    def current(self, owner_id: int) -> CycleRecord | None:
        """The owner's most recently started cycle that is not finished."""
        ...

    def get(self, owner_id: int, cycle_id: str) -> CycleRecord | None:
        """One of the owner's cycles by public id."""
        ...

    def save_position(
        self,
        owner_id: int,
        cycle_id: str,
        *,
        days_done: int,
        deload_week: int,
        finished_at: datetime | None,
    ) -> bool:
        """Store where a cycle stands; False when the owner has no such cycle."""
        ...


class RatingRepository(Protocol):
    """Muscle ratings (soreness / recovery and joint discomfort, 1-5) asked before sessions."""

    def add(
        self, owner_id: int, muscle: str, soreness: int | None, joint: int | None, at: datetime
    ) -> None:
        """Store one rating."""
        ...

    def latest(
        self, owner_id: int, muscle: str, since: datetime | None = None
    ) -> tuple[int | None, int | None, datetime] | None:
        """The newest rating of a muscle (since a time): soreness, joint, when."""
        ...


class UnitOfWork(Protocol):
    """One transaction: repositories, then `commit()`; leaving without commit rolls back."""

    users: UserRepository
    profiles: ProfileRepository
    exercises: CustomExerciseRepository
    programs: ProgramRepository
    sessions: SessionRepository
    auth: AuthRepository
    analytics_cache: AnalyticsCache
    cycles: CycleRepository
    ratings: RatingRepository

    def __enter__(self) -> Self:
        """Begin the transaction."""
        ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed and release the connection."""
        ...

    def commit(self) -> None:
        """Make the work durable."""
        ...

    def rollback(self) -> None:
        """Discard the work done so far."""
        ...


class UowFactory(Protocol):
    """Makes a unit of work; `read_only=True` for a use case that only reads."""

    def __call__(self, *, read_only: bool = False) -> UnitOfWork:
        """A new unit of work.

        A read-only one reads a consistent snapshot without taking SQLite's write lock, so
        a long read (a history, the progress page) never holds up another process's
        writes; it must not write.
        """
        ...
