"""The session repository: sessions, performed sets and block feedback, owner-scoped.

Row conversions live in `session_rows`; whole-history reads and bulk imports in
`session_history`. Reads use Core selects over rows, never ORM object loading.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, case, delete, func, insert, select, update

from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType
from fitrec.services.models import OpenSession, SessionSummary
from fitrec.store.session_history import insert_sessions, read_history, stored_import_keys
from fitrec.store.session_rows import (
    SET_COLUMNS,
    F,
    P,
    S,
    feedback_of,
    session_from_row,
    set_from_row,
    set_values,
)
from fitrec.store.set_insert import insert_set_if_open
from fitrec.store.tables import ProgramRow
from fitrec.store.timeutil import from_db, to_db

__all__ = ["F", "P", "S", "SqlSessionRepository", "set_values"]

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
    select(S.c.public_id.label("session_public_id"), *SET_COLUMNS)
    .select_from(P.join(S, S.c.id == P.c.session_id))
    .where(P.c.owner_id == bindparam("owner_id"), P.c.client_id == bindparam("client_id"))
)
_INSERT_SET = insert(P)
# The next number of a set: after the highest of its exercise in the session (not the
# count, which repeats a number once an earlier set was deleted).
_NEXT_INDEX = (
    select(func.coalesce(func.max(P.c.set_index), 0) + 1)
    .where(
        P.c.owner_id == bindparam("count_owner"),
        P.c.session_id == bindparam("count_session"),
        P.c.exercise_slug == bindparam("count_exercise"),
    )
    .scalar_subquery()
)
# PostgreSQL: a second set of the same session waits here until the first commits, so the
# insert that follows (a new snapshot) numbers after it. SQLite has one writer anyway.
_LOCK_SESSION_ROW = select(S.c.id).where(S.c.id == bindparam("session_row")).with_for_update()


def _insert_once(dialect: str) -> Any:
    # INSERT ... ON CONFLICT (owner_id, client_id) DO NOTHING RETURNING set_index: the
    # idempotency check, the numbering and the insert in one statement.
    from sqlalchemy.dialects import postgresql, sqlite

    make_insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        make_insert(P)
        .values(set_index=_NEXT_INDEX)
        .on_conflict_do_nothing(index_elements=[P.c.owner_id, P.c.client_id])
        .returning(P.c.set_index)
    )


_INSERT_ONCE = {name: _insert_once(name) for name in ("postgresql", "sqlite")}


class SqlSessionRepository:
    """Sessions in SQL."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

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
            program_row = self._db.execute(
                select(ProgramRow.id).where(
                    ProgramRow.owner_id == owner_id, ProgramRow.public_id == program_id
                )
            ).scalar_one_or_none()
        public_id = uuid.uuid4().hex
        self._db.execute(
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
        row = self._db.execute(_OPEN_BY_ID, {"owner_id": owner_id, "public_id": session_id}).first()
        return self._open(row) if row else None

    def latest_unfinished(self, owner_id: int) -> OpenSession | None:
        """The owner's most recently started session that is not finished."""
        row = self._db.execute(
            select(*_OPEN_COLUMNS)
            .where(S.c.owner_id == owner_id, S.c.finished_at.is_(None))
            .order_by(S.c.started_at.desc(), S.c.id.desc())
            .limit(1)
        ).first()
        return self._open(row) if row else None

    def find_set(self, owner_id: int, client_id: str) -> tuple[str, PerformedSet] | None:
        """A set by its client id, with the public id of its session."""
        row = self._db.execute(
            _SET_BY_CLIENT_ID, {"owner_id": owner_id, "client_id": client_id}
        ).first()
        if row is None:
            return None
        return row.session_public_id, set_from_row(row)

    def add_set(self, owner_id: int, session_row: int, performed: PerformedSet) -> None:
        """Insert a set (its `id` is the client id and must be set)."""
        assert performed.id, "a set needs its client id"
        self._db.execute(_INSERT_SET, set_values(owner_id, session_row, performed))

    def add_set_once(self, owner_id: int, session_row: int, performed: PerformedSet) -> int | None:
        """Insert a set numbered after the session's sets of its exercise, unless its client id
        is stored already; the new set's `set_index`, or None when nothing was inserted."""
        assert performed.id, "a set needs its client id"
        connection = self._db
        values = set_values(owner_id, session_row, performed)
        del values["set_index"]
        values["count_owner"] = owner_id
        values["count_session"] = session_row
        values["count_exercise"] = performed.exercise_slug
        dialect = connection.dialect.name
        if dialect == "postgresql":
            connection.execute(_LOCK_SESSION_ROW, {"session_row": session_row})
        found = connection.execute(_INSERT_ONCE[dialect], values).scalar_one_or_none()
        return int(found) if found is not None else None

    def add_set_if_open(
        self,
        owner_id: int | None,
        token_hash: str | None,
        session_id: str,
        performed: PerformedSet,
        *,
        slot_free: bool,
    ) -> int | None:
        """Insert a set in one statement if the caller (an owner id, or a live token's hash)
        owns the open session and the client id is new; its `set_index`, else None."""
        return insert_set_if_open(
            self._db,
            owner_id=owner_id,
            token_hash=token_hash,
            session_public_id=session_id,
            performed=performed,
            slot_free=slot_free,
        )

    def update_set(self, owner_id: int, performed: PerformedSet) -> None:
        """Overwrite a stored set's values, found by its client id."""
        values = set_values(owner_id, 0, performed)
        for key in ("owner_id", "session_id", "client_id"):
            del values[key]
        self._db.execute(
            update(P).where(P.c.owner_id == owner_id, P.c.client_id == performed.id).values(values)
        )

    def delete_set(self, owner_id: int, client_id: str) -> bool:
        """Delete a set by client id; False when it did not exist."""
        done = self._db.execute(
            delete(P).where(P.c.owner_id == owner_id, P.c.client_id == client_id)
        )
        return bool(done.rowcount)

    def finish(
        self,
        owner_id: int,
        session_row: int,
        *,
        finished_at: datetime,
        note: str | None,
    ) -> None:
        """Mark a session finished (its note replaced when given).

        The end time given is the one the lifter stands by, so it settles any flag about
        the session's duration.
        """
        values: dict[str, Any] = {"finished_at": to_db(finished_at), "flagged": False}
        if note is not None:
            values["note"] = note
        self._db.execute(
            update(S).where(S.c.owner_id == owner_id, S.c.id == session_row).values(values)
        )

    def save_feedback(self, owner_id: int, session_row: int, feedback: Feedback) -> None:
        """Create or replace the feedback of one block of a session."""
        self._db.execute(
            delete(F).where(
                F.c.owner_id == owner_id,
                F.c.session_id == session_row,
                F.c.block_label == feedback.block_label,
            )
        )
        self._db.execute(
            insert(F).values(
                owner_id=owner_id,
                session_id=session_row,
                block_label=feedback.block_label,
                pump=feedback.pump,
                exhaustion=feedback.exhaustion,
                note=feedback.note,
            )
        )

    def get(self, owner_id: int, session_id: str) -> Session | None:
        """A whole session: sets in order and feedback."""
        row = self._db.execute(
            select(S, _PROGRAM_PUBLIC_ID).where(
                S.c.owner_id == owner_id, S.c.public_id == session_id
            )
        ).first()
        if row is None:
            return None
        session = session_from_row(row)
        sets = self._db.execute(
            select(*SET_COLUMNS)
            .where(P.c.owner_id == owner_id, P.c.session_id == row.id)
            .order_by(P.c.id)
        )
        session.sets = [set_from_row(s) for s in sets]
        session.feedback = feedback_of(self._db, owner_id, [row.id]).get(row.id, [])
        return session

    def list(self, owner_id: int, *, limit: int = 50, offset: int = 0) -> list[SessionSummary]:
        """The history, newest first."""
        warmup = P.c.set_type == SetType.WARMUP.value
        counts = (
            select(
                P.c.session_id,
                func.sum(case((warmup, 0), else_=1)).label("set_count"),
                func.sum(case((warmup, 1), else_=0)).label("warmup_count"),
                func.coalesce(
                    func.sum(case((warmup, 0.0), else_=P.c.weight_kg * P.c.reps)), 0.0
                ).label("volume_kg"),
            )
            .where(P.c.owner_id == owner_id)
            .group_by(P.c.session_id)
            .subquery()
        )
        rows = self._db.execute(
            select(
                S.c.public_id,
                S.c.started_at,
                S.c.finished_at,
                S.c.workout_name,
                S.c.program_name,
                S.c.source,
                counts.c.set_count,
                counts.c.warmup_count,
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
                    warmup_count=int(r.warmup_count or 0),
                    volume_kg=round(float(r.volume_kg or 0.0), 3),
                    source=r.source,
                )
            )
        return result

    def delete(self, owner_id: int, session_id: str) -> bool:
        """Delete a session with its sets and feedback."""
        done = self._db.execute(
            delete(S).where(S.c.owner_id == owner_id, S.c.public_id == session_id)
        )
        return bool(done.rowcount)

    def history(
        self,
        owner_id: int,
        exercise_slug: str | None = None,
        since: datetime | None = None,
        whole_sessions: bool = False,
    ) -> builtins.list[Session]:
        """Every session of the owner (oldest first) with its sets in order, in one query."""
        return read_history(self._db, owner_id, exercise_slug, since, whole_sessions)

    def add_many(self, owner_id: int, sessions: Iterable[Session]) -> builtins.list[str]:
        """Bulk-insert whole sessions (imports); returns their public ids."""
        return insert_sessions(self._db, owner_id, sessions)

    def import_keys(self, owner_id: int) -> set[str]:
        """Every import fingerprint already stored for the owner."""
        return stored_import_keys(self._db, owner_id)
