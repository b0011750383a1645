"""The session repository: sessions, performed sets and block feedback, owner-scoped.

Reads of whole histories use Core selects over rows, never ORM object loading.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session as OrmSession

from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType
from fitrec.domain.units import Unit
from fitrec.services.models import OpenSession, SessionSummary
from fitrec.store.tables import BlockFeedbackRow, PerformedSetRow, ProgramRow, SessionRow
from fitrec.store.timeutil import from_db, to_db

S = cast(Table, SessionRow.__table__)
P = cast(Table, PerformedSetRow.__table__)
F = cast(Table, BlockFeedbackRow.__table__)

_SET_COLUMNS = (
    P.c.client_id,
    P.c.exercise_slug,
    P.c.block_label,
    P.c.position,
    P.c.set_index,
    P.c.set_type,
    P.c.weight,
    P.c.unit,
    P.c.reps,
    P.c.rpe,
    P.c.rir,
    P.c.rest_before_s,
    P.c.note,
    P.c.flagged,
    P.c.performed_at,
)
_PROGRAM_PUBLIC_ID = (
    select(ProgramRow.public_id)
    .where(ProgramRow.id == S.c.program_id)
    .scalar_subquery()
    .label("program_public_id")
)
_OPEN_COLUMNS = (
    S.c.id,
    _PROGRAM_PUBLIC_ID,
    S.c.public_id,
    S.c.started_at,
    S.c.finished_at,
    S.c.program_id,
    S.c.workout_name,
    S.c.program_name,
)

# The logging path runs these on every set: built once, executed with parameters.
_OPEN_BY_ID = select(*_OPEN_COLUMNS).where(
    S.c.owner_id == bindparam("owner_id"), S.c.public_id == bindparam("public_id")
)
_SET_BY_CLIENT_ID = (
    select(S.c.public_id.label("session_public_id"), *_SET_COLUMNS)
    .select_from(P.join(S, S.c.id == P.c.session_id))
    .where(P.c.owner_id == bindparam("owner_id"), P.c.client_id == bindparam("client_id"))
)
_COUNT_SETS = (
    select(func.count())
    .select_from(P)
    .where(
        P.c.owner_id == bindparam("owner_id"),
        P.c.session_id == bindparam("session_id"),
        P.c.exercise_slug == bindparam("exercise_slug"),
    )
)
_INSERT_SET = insert(P)

_UNITS = {u.value: u for u in Unit}
_SET_TYPES = {t.value: t for t in SetType}


def _set_from_row(row: Any) -> PerformedSet:
    performed_at = row.performed_at
    return PerformedSet(
        exercise_slug=row.exercise_slug,
        weight=row.weight,
        reps=row.reps,
        unit=_UNITS[row.unit],
        set_type=_SET_TYPES[row.set_type],
        block_label=row.block_label,
        position=row.position,
        set_index=row.set_index,
        rpe=row.rpe,
        rir=row.rir,
        rest_before_s=row.rest_before_s,
        note=row.note,
        id=row.client_id,
        performed_at=from_db(performed_at) if performed_at is not None else None,
        flagged=bool(row.flagged),
    )


def set_values(owner_id: int, session_row: int, performed: PerformedSet) -> dict[str, Any]:
    """The column values of a performed set."""
    return {
        "owner_id": owner_id,
        "session_id": session_row,
        "client_id": performed.id or uuid.uuid4().hex,
        "exercise_slug": performed.exercise_slug,
        "block_label": performed.block_label,
        "position": performed.position,
        "set_index": performed.set_index,
        "set_type": performed.set_type.value,
        "weight": performed.weight,
        "unit": performed.unit.value,
        "weight_kg": performed.weight_kg,
        "reps": performed.reps,
        "rpe": performed.rpe,
        "rir": performed.rir,
        "rest_before_s": performed.rest_before_s,
        "note": performed.note,
        "flagged": performed.flagged,
        "performed_at": to_db(performed.performed_at),
    }


class SqlSessionRepository:
    """Sessions in SQL."""

    def __init__(self, session: OrmSession) -> None:
        self._session = session

    def start(
        self,
        owner_id: int,
        *,
        started_at: datetime,
        program_id: str | None,
        program_name: str | None,
        workout_name: str | None,
    ) -> str:
        """Open a session; returns its public id."""
        program_row = None
        if program_id is not None:
            program_row = self._session.execute(
                select(ProgramRow.id).where(
                    ProgramRow.owner_id == owner_id, ProgramRow.public_id == program_id
                )
            ).scalar_one_or_none()
        public_id = uuid.uuid4().hex
        self._session.execute(
            insert(S).values(
                public_id=public_id,
                owner_id=owner_id,
                program_id=program_row,
                program_name=program_name,
                workout_name=workout_name,
                started_at=to_db(started_at),
            )
        )
        return public_id

    @staticmethod
    def _open(row: Any) -> OpenSession:
        started = from_db(row.started_at)
        assert started is not None
        return OpenSession(
            id=row.public_id,
            row_id=row.id,
            started_at=started,
            finished_at=from_db(row.finished_at),
            program_id=row.program_public_id,
            workout_name=row.workout_name,
            program_name=row.program_name,
        )

    def open_session(self, owner_id: int, session_id: str) -> OpenSession | None:
        """A session's header, without its sets."""
        row = self._session.execute(
            _OPEN_BY_ID, {"owner_id": owner_id, "public_id": session_id}
        ).first()
        return self._open(row) if row else None

    def latest_unfinished(self, owner_id: int) -> OpenSession | None:
        """The owner's most recently started session that is not finished."""
        row = self._session.execute(
            select(*_OPEN_COLUMNS)
            .where(S.c.owner_id == owner_id, S.c.finished_at.is_(None))
            .order_by(S.c.started_at.desc(), S.c.id.desc())
            .limit(1)
        ).first()
        return self._open(row) if row else None

    def find_set(self, owner_id: int, client_id: str) -> tuple[str, PerformedSet] | None:
        """A set by its client id, with the public id of its session."""
        row = self._session.execute(
            _SET_BY_CLIENT_ID, {"owner_id": owner_id, "client_id": client_id}
        ).first()
        if row is None:
            return None
        return row.session_public_id, _set_from_row(row)

    def count_sets(self, owner_id: int, session_row: int, exercise_slug: str) -> int:
        """How many sets of one exercise a session already holds."""
        params = {"owner_id": owner_id, "session_id": session_row, "exercise_slug": exercise_slug}
        return int(self._session.execute(_COUNT_SETS, params).scalar_one())

    def add_set(self, owner_id: int, session_row: int, performed: PerformedSet) -> None:
        """Insert a set (its `id` is the client id and must be set)."""
        assert performed.id, "a set needs its client id"
        self._session.execute(_INSERT_SET, set_values(owner_id, session_row, performed))

    def update_set(self, owner_id: int, performed: PerformedSet) -> None:
        """Overwrite a stored set's values, found by its client id."""
        values = set_values(owner_id, 0, performed)
        for key in ("owner_id", "session_id", "client_id"):
            del values[key]
        self._session.execute(
            update(P).where(P.c.owner_id == owner_id, P.c.client_id == performed.id).values(values)
        )

    def delete_set(self, owner_id: int, client_id: str) -> bool:
        """Delete a set by client id; False when it did not exist."""
        done = self._session.execute(
            delete(P).where(P.c.owner_id == owner_id, P.c.client_id == client_id)
        )
        return bool(done.rowcount)  # type: ignore[attr-defined]

    def finish(
        self,
        owner_id: int,
        session_row: int,
        *,
        finished_at: datetime,
        note: str | None,
    ) -> None:
        """Mark a session finished (its note replaced when given)."""
        values: dict[str, Any] = {"finished_at": to_db(finished_at)}
        if note is not None:
            values["note"] = note
        self._session.execute(
            update(S).where(S.c.owner_id == owner_id, S.c.id == session_row).values(values)
        )

    def save_feedback(self, owner_id: int, session_row: int, feedback: Feedback) -> None:
        """Create or replace the feedback of one block of a session."""
        self._session.execute(
            delete(F).where(
                F.c.owner_id == owner_id,
                F.c.session_id == session_row,
                F.c.block_label == feedback.block_label,
            )
        )
        self._session.execute(
            insert(F).values(
                owner_id=owner_id,
                session_id=session_row,
                block_label=feedback.block_label,
                pump=feedback.pump,
                exhaustion=feedback.exhaustion,
                note=feedback.note,
            )
        )

    def _feedback_of(self, owner_id: int, session_rows: list[int] | None) -> dict[int, list[Any]]:
        statement = (
            select(F).where(F.c.owner_id == owner_id).order_by(F.c.session_id, F.c.block_label)
        )
        if session_rows is not None:
            statement = statement.where(F.c.session_id.in_(session_rows))
        found: dict[int, list[Any]] = {}
        for row in self._session.execute(statement):
            found.setdefault(row.session_id, []).append(
                Feedback(
                    block_label=row.block_label,
                    pump=row.pump,
                    exhaustion=row.exhaustion,
                    note=row.note,
                )
            )
        return found

    @staticmethod
    def _session_from_row(row: Any) -> Session:
        started = from_db(row.started_at)
        assert started is not None
        return Session(
            started_at=started,
            workout_name=row.workout_name,
            program_name=row.program_name,
            finished_at=from_db(row.finished_at),
            note=row.note,
            id=row.public_id,
            import_key=row.import_key,
            source=row.source,
        )

    def get(self, owner_id: int, session_id: str) -> Session | None:
        """A whole session: sets in order and feedback."""
        row = self._session.execute(
            select(S).where(S.c.owner_id == owner_id, S.c.public_id == session_id)
        ).first()
        if row is None:
            return None
        session = self._session_from_row(row)
        sets = self._session.execute(
            select(*_SET_COLUMNS)
            .where(P.c.owner_id == owner_id, P.c.session_id == row.id)
            .order_by(P.c.id)
        )
        session.sets = [_set_from_row(s) for s in sets]
        session.feedback = self._feedback_of(owner_id, [row.id]).get(row.id, [])
        return session

    def list(self, owner_id: int, *, limit: int = 50, offset: int = 0) -> list[SessionSummary]:
        """The history, newest first."""
        counts = (
            select(
                P.c.session_id,
                func.count().label("set_count"),
                func.coalesce(func.sum(P.c.weight_kg * P.c.reps), 0.0).label("volume_kg"),
            )
            .where(P.c.owner_id == owner_id, P.c.set_type != SetType.WARMUP.value)
            .group_by(P.c.session_id)
            .subquery()
        )
        rows = self._session.execute(
            select(
                S.c.public_id,
                S.c.started_at,
                S.c.finished_at,
                S.c.workout_name,
                S.c.program_name,
                S.c.source,
                counts.c.set_count,
                counts.c.volume_kg,
            )
            .select_from(S.outerjoin(counts, counts.c.session_id == S.c.id))
            .where(S.c.owner_id == owner_id)
            .order_by(S.c.started_at.desc(), S.c.id.desc())
            .limit(limit)
            .offset(offset)
        )
        result = []
        for r in rows:
            started = from_db(r.started_at)
            assert started is not None
            result.append(
                SessionSummary(
                    id=r.public_id,
                    started_at=started,
                    finished_at=from_db(r.finished_at),
                    workout_name=r.workout_name,
                    program_name=r.program_name,
                    set_count=int(r.set_count or 0),
                    volume_kg=round(float(r.volume_kg or 0.0), 3),
                    source=r.source,
                )
            )
        return result

    def delete(self, owner_id: int, session_id: str) -> bool:
        """Delete a session with its sets and feedback."""
        done = self._session.execute(
            delete(S).where(S.c.owner_id == owner_id, S.c.public_id == session_id)
        )
        return bool(done.rowcount)  # type: ignore[attr-defined]

    def history(
        self,
        owner_id: int,
        exercise_slug: str | None = None,
        since: datetime | None = None,
    ) -> builtins.list[Session]:
        """Every session of the owner (oldest first) with its sets in order, in one query."""
        session_columns = (
            S.c.id.label("session_row"),
            S.c.public_id,
            S.c.started_at,
            S.c.finished_at,
            S.c.workout_name,
            S.c.program_name,
            S.c.note.label("session_note"),
            S.c.import_key,
            S.c.source,
        )
        if exercise_slug is None:
            joined = S.outerjoin(P, P.c.session_id == S.c.id)
        else:
            joined = S.join(P, P.c.session_id == S.c.id)
        statement = (
            select(*session_columns, *_SET_COLUMNS)
            .select_from(joined)
            .where(S.c.owner_id == owner_id)
            .order_by(S.c.started_at, S.c.id, P.c.id)
        )
        if exercise_slug is not None:
            statement = statement.where(P.c.exercise_slug == exercise_slug)
        if since is not None:
            statement = statement.where(S.c.started_at >= to_db(since))
        sessions: builtins.list[Session] = []
        by_row: dict[int, Session] = {}
        current_row = None
        current: Session | None = None
        for row in self._session.execute(statement):
            if row.session_row != current_row:
                current_row = row.session_row
                started = from_db(row.started_at)
                assert started is not None
                current = Session(
                    started_at=started,
                    workout_name=row.workout_name,
                    program_name=row.program_name,
                    finished_at=from_db(row.finished_at),
                    note=row.session_note,
                    id=row.public_id,
                    import_key=row.import_key,
                    source=row.source,
                )
                sessions.append(current)
                by_row[current_row] = current
            if row.client_id is not None and current is not None:
                current.sets.append(_set_from_row(row))
        if by_row:
            feedback = self._feedback_of(owner_id, None)
            for session_row, items in feedback.items():
                target = by_row.get(session_row)
                if target is not None:
                    target.feedback = items
        return sessions

    def add_many(self, owner_id: int, sessions: Iterable[Session]) -> builtins.list[str]:
        """Bulk-insert whole sessions (imports); returns their public ids."""
        batch = list(sessions)
        if not batch:
            return []
        public_ids = [s.id or uuid.uuid4().hex for s in batch]
        header_rows = []
        for s, public_id in zip(batch, public_ids, strict=True):
            header_rows.append(
                {
                    "public_id": public_id,
                    "owner_id": owner_id,
                    "program_id": None,
                    "program_name": s.program_name,
                    "workout_name": s.workout_name,
                    "started_at": to_db(s.started_at),
                    "finished_at": to_db(s.finished_at),
                    "note": s.note,
                    "import_key": s.import_key,
                    "source": s.source,
                }
            )
        inserted = self._session.execute(
            insert(S).returning(S.c.id, sort_by_parameter_order=True), header_rows
        ).all()
        set_rows: list[dict[str, Any]] = []
        feedback_rows: list[dict[str, Any]] = []
        for s, (row_id,) in zip(batch, inserted, strict=True):
            set_rows.extend(set_values(owner_id, row_id, p) for p in s.sets)
            feedback_rows.extend(
                {
                    "owner_id": owner_id,
                    "session_id": row_id,
                    "block_label": f.block_label,
                    "pump": f.pump,
                    "exhaustion": f.exhaustion,
                    "note": f.note,
                }
                for f in s.feedback
            )
        if set_rows:
            self._session.execute(insert(P), set_rows)
        if feedback_rows:
            self._session.execute(insert(F), feedback_rows)
        return public_ids

    def import_keys(self, owner_id: int) -> set[str]:
        """Every import fingerprint already stored for the owner."""
        rows = self._session.execute(
            select(S.c.import_key).where(S.c.owner_id == owner_id, S.c.import_key.is_not(None))
        )
        return {r[0] for r in rows}
