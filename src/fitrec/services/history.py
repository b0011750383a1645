"""Whole histories for analytics and imports: fast reads and bulk writes of domain Sessions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from fitrec.catalog.loading import default_catalog
from fitrec.domain.sessions import PerformedSet, Session
from fitrec.interchange.sanity import implausible_duration, implausible_set
from fitrec.services import session_summaries
from fitrec.services.errors import Conflict, NotFound
from fitrec.services.unit_of_work import UowFactory


def load_history(
    make_uow: UowFactory,
    owner_id: int,
    *,
    exercise_slug: str | None = None,
    since: datetime | None = None,
) -> list[Session]:
    """Every session of the owner, oldest first, sets in order (optionally one exercise)."""
    with make_uow() as uow:
        return uow.sessions.history(owner_id, exercise_slug=exercise_slug, since=since)


def add_sessions(make_uow: UowFactory, owner_id: int, sessions: Iterable[Session]) -> list[str]:
    """Store whole sessions in one transaction, with their analytics summaries; returns
    their ids."""
    with make_uow() as uow:
        ids = uow.sessions.add_many(owner_id, sessions)
        session_summaries.refresh(uow, owner_id)
        uow.commit()
    return ids


@dataclass(frozen=True, slots=True)
class FlaggedSet:
    """A set marked implausible, with the session it belongs to and why it looks wrong."""

    session_id: str
    started_at: datetime
    workout: str | None
    performed: PerformedSet
    reason: str


UNKNOWN_REASON = "implausible value"


def flag_reason(performed: PerformedSet) -> str:
    """Why the import's sanity check doubts this set, or a generic reason when it does not."""

    catalog = default_catalog()
    exercise = catalog.get(performed.exercise_slug) if performed.exercise_slug in catalog else None
    return implausible_set(performed.weight_kg, performed.reps, exercise) or UNKNOWN_REASON


def flagged_sets(make_uow: UowFactory, owner_id: int) -> list[FlaggedSet]:
    """Every flagged set of the owner: newest session first, sets in the order done."""
    return flagged_sets_in(load_history(make_uow, owner_id))


def flagged_sets_in(history: list[Session]) -> list[FlaggedSet]:
    """The flagged sets of a history (oldest first): newest session first, sets in order."""
    found: list[FlaggedSet] = []
    for session in reversed(history):
        for performed in session.sets:
            if performed.flagged:
                found.append(
                    FlaggedSet(
                        session_id=session.id or "",
                        started_at=session.started_at,
                        workout=session.workout_name or session.program_name or session.source,
                        performed=performed,
                        reason=flag_reason(performed),
                    )
                )
    return found


@dataclass(frozen=True, slots=True)
class FlaggedSession:
    """A session whose duration is implausible (a timer left running), and why."""

    session: Session
    workout: str | None
    reason: str

    @property
    def duration_s(self) -> int | None:
        """How long the session claims to have lasted, in seconds."""
        return duration_s(self.session)


def duration_s(session: Session) -> int | None:
    """A session's recorded length in seconds, or None while it is not finished."""
    if session.finished_at is None:
        return None
    return int((session.finished_at - session.started_at).total_seconds())


def _session_reason(session: Session) -> str:
    return implausible_duration(duration_s(session)) or "implausible duration"


def flagged_sessions(make_uow: UowFactory, owner_id: int) -> list[FlaggedSession]:
    """Every session of the owner flagged for its duration, newest first."""
    return flagged_sessions_in(load_history(make_uow, owner_id))


def flagged_sessions_in(history: list[Session]) -> list[FlaggedSession]:
    """The sessions of a history (oldest first) flagged for their duration, newest first."""
    return [
        FlaggedSession(
            session=session,
            workout=session.workout_name or session.program_name or session.source,
            reason=_session_reason(session),
        )
        for session in reversed(history)
        if session.flagged
    ]


def confirm_session(
    make_uow: UowFactory,
    owner_id: int,
    session_id: str,
    *,
    finished_at: datetime | None = None,
) -> Session:
    """Clear a session's duration flag: its end time was real, or `finished_at` corrects it.

    One transaction; another owner's session is NotFound.
    """

    with make_uow() as uow:
        stored = uow.sessions.get(owner_id, session_id)
        header = uow.sessions.open_session(owner_id, session_id)
        if stored is None or header is None:
            raise NotFound("session", session_id)
        if finished_at is not None and finished_at.tzinfo is None:
            finished_at = finished_at.replace(tzinfo=UTC)  # as the store reads naive times
        end = finished_at or stored.finished_at
        if end is None:
            raise Conflict("the session has no end time: give the real one", field="finished_at")
        if end <= stored.started_at:
            start = stored.started_at.isoformat(timespec="minutes")
            raise Conflict(f"the end must be after the start ({start})", field="finished_at")
        if finished_at is None and not stored.flagged:
            return stored
        # Storing the end time the lifter stands by settles the flag on the duration.
        uow.sessions.finish(owner_id, header.row_id, finished_at=end, note=None)
        done = uow.sessions.get(owner_id, session_id)
        uow.commit()
    assert done is not None
    return done


def get_set(make_uow: UowFactory, owner_id: int, set_id: str) -> PerformedSet:
    """One logged set of the owner by its id."""

    with make_uow() as uow:
        found = uow.sessions.find_set(owner_id, set_id)
    if found is None:
        raise NotFound("set", set_id)
    return found[1]
