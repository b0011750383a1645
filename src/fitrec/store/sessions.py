"""The session repository: sessions, performed sets and block feedback, owner-scoped.

Row conversions live in `session_rows`; whole-history reads and bulk imports in
`session_history`. Reads use Core selects over rows, never ORM object loading.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, case, delete, func, insert, select, union_all, update

from fitrec.domain.sessions import Feedback, PerformedSet, Session, SetType
from fitrec.planning.targets import Target
from fitrec.services.models import AddedSet, LastTime, OpenSession, SessionSummary
from fitrec.store.programs import SqlProgramRepository
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
    targets_of,
    targets_text,
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
_TARGETS_BY_ID = select(S.c.targets, S.c.next_targets).where(
    S.c.owner_id == bindparam("owner_id"), S.c.public_id == bindparam("public_id")
)
# The latest earlier set of each exercise, from the end of the index on (owner_id,
# exercise_slug, performed_at); a set without a time (some imports) is never "last time".
_LATEST_STATEMENTS: dict[int, Any] = {}


def _latest_sessions(count: int) -> Any:
    """The session row of the latest set before `before` of each of `count` exercises."""
    found = _LATEST_STATEMENTS.get(count)
    if found is None:
        arms = []
        for n in range(count):
            latest = (
                select(P.c.session_id, P.c.exercise_slug)
                .where(
                    P.c.owner_id == bindparam("owner_id"),
                    P.c.exercise_slug == bindparam(f"slug_{n}"),
                    P.c.performed_at < bindparam("before"),
                )
                .order_by(P.c.performed_at.desc())
                .limit(1)
                .subquery(f"latest_{n}")
            )
            arms.append(select(latest.c.session_id, latest.c.exercise_slug))
        found = _LATEST_STATEMENTS[count] = union_all(*arms)
    return found


_LAST_SETS = (
    select(
        P.c.session_id.label("session_row"),
        S.c.public_id.label("session_public_id"),
        S.c.started_at.label("session_started_at"),
        *SET_COLUMNS,
    )
    .select_from(P.join(S, S.c.id == P.c.session_id))
    .where(
        P.c.owner_id == bindparam("owner_id"),
        P.c.session_id.in_(bindparam("session_rows", expanding=True)),
        P.c.exercise_slug.in_(bindparam("exercise_slugs", expanding=True)),
    )
    .order_by(P.c.set_index, P.c.id)
)
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
        targets: Sequence[Target] = (),
    ) -> str:
        """Open a session with the targets fixed for it; returns its public id."""
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
                targets=targets_text(targets) if targets else None,
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

    def insert_set(self, owner_id: int, session_row: int, performed: PerformedSet) -> None:
        """Insert a set as it is (its `id` is the client id and must be set)."""
        assert performed.id, "a set needs its client id"
        self._db.execute(_INSERT_SET, set_values(owner_id, session_row, performed))

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
        workout gives it the exercise's slot there. The common case (a session named, a new
        client id, nothing to take from the plan) is one statement; anything else is read
        first, in the same unit of work.
        """
        assert performed.id, "a set needs its client id"
        if session_id is not None:
            index = insert_set_if_open(
                self._db,
                owner_id=owner_id,
                session_public_id=session_id,
                performed=performed,
                slot_free=from_plan,
            )
            if index is not None:
                return AddedSet(session_id, replace(performed, set_index=index), created=True)
        session = (
            self.open_session(owner_id, session_id)
            if session_id is not None
            else self.latest_unfinished(owner_id)
        )
        if session is None:
            return AddedSet(None)
        stored = self.find_set(owner_id, performed.id)
        if stored is not None:
            return AddedSet(session.id, stored[1], stored_in=stored[0])
        if session.finished_at is not None:
            return AddedSet(session.id, finished=True)
        logged = replace(performed)
        if from_plan and session.program_id is not None and session.workout_name:
            slot = SqlProgramRepository(self._db).slot_of(
                owner_id, session.program_id, session.workout_name, performed.exercise_slug
            )
            if slot is not None:
                logged.block_label = slot[0]
                logged.position = performed.position if performed.position is not None else slot[1]
        index = self._insert_numbered(owner_id, session.row_id, logged)
        if index is None:  # stored by a concurrent retry since the look-up above
            stored = self.find_set(owner_id, performed.id)
            assert stored is not None
            return AddedSet(session.id, stored[1], stored_in=stored[0])
        logged.set_index = index
        return AddedSet(session.id, logged, created=True)

    def _insert_numbered(
        self, owner_id: int, session_row: int, performed: PerformedSet
    ) -> int | None:
        """Insert a set numbered after the session's sets of its exercise, unless its client id
        is stored already; the new set's `set_index`, or None when nothing was inserted."""
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

    def save_next_targets(self, owner_id: int, session_row: int, targets: Sequence[Target]) -> None:
        """Store the targets a finished session leaves for next time."""
        self._db.execute(
            update(S)
            .where(S.c.owner_id == owner_id, S.c.id == session_row)
            .values(next_targets=targets_text(targets))
        )

    def targets(self, owner_id: int, session_id: str) -> tuple[list[Target], list[Target]]:
        """A session's stored targets: those fixed at its start, and those it left for next."""
        row = self._db.execute(
            _TARGETS_BY_ID, {"owner_id": owner_id, "public_id": session_id}
        ).first()
        if row is None:
            return [], []
        return targets_of(row.targets), targets_of(row.next_targets)

    def last_sets(
        self, owner_id: int, before: datetime, exercise_slugs: Iterable[str]
    ) -> dict[str, LastTime]:
        """For each exercise, its sets in the latest session that did it before `before`."""
        slugs = list(dict.fromkeys(exercise_slugs))
        if not slugs:
            return {}
        # One statement finds each exercise's latest session (one index seek each), one
        # more reads those sessions' sets of those exercises.
        params: dict[str, Any] = {"owner_id": owner_id, "before": to_db(before)}
        params.update({f"slug_{n}": slug for n, slug in enumerate(slugs)})
        latest = {
            (row.session_id, row.exercise_slug)
            for row in self._db.execute(_latest_sessions(len(slugs)), params)
        }
        if not latest:
            return {}
        rows = self._db.execute(
            _LAST_SETS,
            {
                "owner_id": owner_id,
                "session_rows": sorted({session for session, _ in latest}),
                "exercise_slugs": slugs,
            },
        )
        found: dict[str, LastTime] = {}
        for row in rows:
            if (row.session_row, row.exercise_slug) not in latest:
                continue
            last = found.get(row.exercise_slug)
            if last is None:
                started = from_db(row.session_started_at)
                assert started is not None
                last = found[row.exercise_slug] = LastTime(row.session_public_id, started, [])
            last.sets.append(set_from_row(row))
        return found

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
