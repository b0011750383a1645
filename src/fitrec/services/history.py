"""Whole histories for analytics and imports: fast reads and bulk writes of domain Sessions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from fitrec.domain.sessions import PerformedSet, Session
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
    """Store whole sessions in one transaction; returns their ids."""
    with make_uow() as uow:
        ids = uow.sessions.add_many(owner_id, sessions)
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
    from fitrec.catalog.loading import default_catalog
    from fitrec.interchange.sanity import implausible_set

    catalog = default_catalog()
    exercise = catalog.get(performed.exercise_slug) if performed.exercise_slug in catalog else None
    return implausible_set(performed.weight_kg, performed.reps, exercise) or UNKNOWN_REASON


def flagged_sets(make_uow: UowFactory, owner_id: int) -> list[FlaggedSet]:
    """Every flagged set of the owner: newest session first, sets in the order done."""
    found: list[FlaggedSet] = []
    for session in reversed(load_history(make_uow, owner_id)):
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


def get_set(make_uow: UowFactory, owner_id: int, set_id: str) -> PerformedSet:
    """One logged set of the owner by its id."""
    from fitrec.services.errors import NotFound

    with make_uow() as uow:
        found = uow.sessions.find_set(owner_id, set_id)
    if found is None:
        raise NotFound("set", set_id)
    return found[1]
