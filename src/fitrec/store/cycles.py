"""The cycle and rating repositories: cycles, where they stand, muscle ratings; owner-scoped."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from fitrec.services.models import CycleRecord
from fitrec.store.tables import CycleRow, MuscleRatingRow, ProgramRow
from fitrec.store.timeutil import from_db, to_db

_COLUMNS = (
    CycleRow.public_id,
    ProgramRow.public_id.label("program_public_id"),
    CycleRow.weeks,
    CycleRow.days,
    CycleRow.deload_week,
    CycleRow.days_done,
    CycleRow.started_at,
    CycleRow.finished_at,
)


def _record(row: Any) -> CycleRecord:
    started = from_db(row.started_at)
    assert started is not None
    return CycleRecord(
        row.public_id,
        row.program_public_id,
        row.weeks,
        row.days,
        row.deload_week,
        row.days_done,
        started,
        from_db(row.finished_at),
    )


class SqlCycleRepository:
    """Cycles in SQL; every statement is scoped to the owner."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def _select(self, owner_id: int) -> Any:
        return (
            select(*_COLUMNS)
            .join(ProgramRow, ProgramRow.id == CycleRow.program_id)
            .where(CycleRow.owner_id == owner_id, ProgramRow.owner_id == owner_id)
        )

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
        row_id = self._db.execute(
            select(ProgramRow.id).where(
                ProgramRow.owner_id == owner_id, ProgramRow.public_id == program_id
            )
        ).scalar_one_or_none()
        if row_id is None:
            return None
        public_id = uuid.uuid4().hex
        self._db.execute(
            insert(CycleRow).values(
                public_id=public_id,
                owner_id=owner_id,
                program_id=row_id,
                weeks=weeks,
                days=days,
                deload_week=deload_week,
                days_done=0,
                started_at=to_db(started_at),
            )
        )
        return public_id

    def current(self, owner_id: int) -> CycleRecord | None:
        """The owner's most recently started cycle that is not finished."""
        row = self._db.execute(
            self._select(owner_id)
            .where(CycleRow.finished_at.is_(None))
            .order_by(CycleRow.started_at.desc(), CycleRow.id.desc())
            .limit(1)
        ).one_or_none()
        return None if row is None else _record(row)

    def get(self, owner_id: int, cycle_id: str) -> CycleRecord | None:
        """One of the owner's cycles by public id."""
        row = self._db.execute(
            self._select(owner_id).where(CycleRow.public_id == cycle_id)
        ).one_or_none()
        return None if row is None else _record(row)

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
        result = self._db.execute(
            update(CycleRow)
            .where(CycleRow.owner_id == owner_id, CycleRow.public_id == cycle_id)
            .values(days_done=days_done, deload_week=deload_week, finished_at=to_db(finished_at))
        )
        return bool(result.rowcount)


class SqlRatingRepository:
    """Muscle ratings in SQL; every statement is scoped to the owner."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def add(
        self, owner_id: int, muscle: str, soreness: int | None, joint: int | None, at: datetime
    ) -> None:
        """Store one rating."""
        self._db.execute(
            insert(MuscleRatingRow).values(
                owner_id=owner_id,
                muscle=muscle,
                soreness=soreness,
                joint=joint,
                recorded_at=to_db(at),
            )
        )

    def latest(
        self, owner_id: int, muscle: str, since: datetime | None = None
    ) -> tuple[int | None, int | None, datetime] | None:
        """The newest rating of a muscle (since a time): soreness, joint, when."""
        query = select(
            MuscleRatingRow.soreness, MuscleRatingRow.joint, MuscleRatingRow.recorded_at
        ).where(MuscleRatingRow.owner_id == owner_id, MuscleRatingRow.muscle == muscle)
        if since is not None:
            query = query.where(MuscleRatingRow.recorded_at >= to_db(since))
        row = self._db.execute(
            query.order_by(MuscleRatingRow.recorded_at.desc(), MuscleRatingRow.id.desc()).limit(1)
        ).one_or_none()
        if row is None:
            return None
        when = from_db(row.recorded_at)
        assert when is not None
        return row.soreness, row.joint, when
