"""Whole histories for analytics and imports: fast reads and bulk writes of domain Sessions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from fitrec.domain.sessions import Session
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
