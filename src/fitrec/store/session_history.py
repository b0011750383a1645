"""The bulk paths over sessions: whole-history reads in one query and imports in batches.

Both use Core statements over rows, never ORM object loading, so that a history of
thousands of sets reads and writes in a few round trips.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, insert, select, text

from fitrec.domain.sessions import Session
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
from fitrec.store.tables import ProgramRow
from fitrec.store.timeutil import to_db

_HISTORY_SESSION_COLUMNS = (
    S.c.id.label("session_row"),
    S.c.public_id,
    S.c.started_at,
    S.c.finished_at,
    S.c.workout_name,
    S.c.program_name,
    S.c.note.label("session_note"),
    S.c.import_key,
    S.c.source,
    S.c.flagged.label("session_flagged"),
    ProgramRow.public_id.label("program_public_id"),
)


def read_history(
    db: Connection,
    owner_id: int,
    exercise_slug: str | None = None,
    since: datetime | None = None,
    whole_sessions: bool = False,
    session_rows: Select[tuple[int]] | None = None,
) -> list[Session]:
    """Every session of the owner (oldest first) with its sets in order, in one query.

    `exercise_slug` keeps only that exercise's sets; with `whole_sessions`, every set of
    the sessions that contain that exercise; `session_rows` (a query of session row ids)
    keeps only those sessions.
    """
    # The owner in the join condition lets the (owner_id, session_id, ...) index serve the
    # join; without it SQLite scans every set once per session (1 s for 20,000 sets).
    on = (P.c.owner_id == S.c.owner_id) & (P.c.session_id == S.c.id)
    joined = S.outerjoin(P, on) if exercise_slug is None else S.join(P, on)
    joined = joined.outerjoin(ProgramRow, ProgramRow.id == S.c.program_id)
    statement = (
        select(*_HISTORY_SESSION_COLUMNS, *SET_COLUMNS)
        .select_from(joined)
        .where(S.c.owner_id == owner_id)
        .order_by(S.c.started_at, S.c.id, P.c.id)
    )
    if exercise_slug is not None and whole_sessions:
        containing = select(P.c.session_id).where(
            P.c.owner_id == owner_id, P.c.exercise_slug == exercise_slug
        )
        statement = statement.where(S.c.id.in_(containing))
    elif exercise_slug is not None:
        statement = statement.where(P.c.exercise_slug == exercise_slug)
    if since is not None:
        statement = statement.where(S.c.started_at >= to_db(since))
    if session_rows is not None:
        statement = statement.where(S.c.id.in_(session_rows))
    sessions: list[Session] = []
    by_row: dict[int, Session] = {}
    current_row = None
    current: Session | None = None
    first_set_column = len(_HISTORY_SESSION_COLUMNS)
    for row in db.execute(statement):
        if row.session_row != current_row:
            current_row = row.session_row
            # The set columns carry their own `note` and `flagged`; the session's are labelled.
            current = session_from_row(
                row, note_column="session_note", flagged_column="session_flagged"
            )
            sessions.append(current)
            by_row[current_row] = current
        if row.client_id is not None and current is not None:
            current.sets.append(set_from_row(row, first_set_column))
    if by_row:
        # A few sessions' feedback by their rows; a whole history's in one scan.
        rows = None if session_rows is None else list(by_row)
        for session_row, items in feedback_of(db, owner_id, rows).items():
            target = by_row.get(session_row)
            if target is not None:
                target.feedback = items
    return sessions


def _program_rows(db: Connection, owner_id: int, public_ids: set[str]) -> dict[str, int]:
    """Row ids of the owner's programs by public id (another owner's are not found)."""
    if not public_ids:
        return {}
    rows = db.execute(
        select(ProgramRow.public_id, ProgramRow.id).where(
            ProgramRow.owner_id == owner_id, ProgramRow.public_id.in_(public_ids)
        )
    )
    return {public_id: row_id for public_id, row_id in rows}


# A bulk insert of at least this many sets refreshes PostgreSQL's statistics.
ANALYZE_AFTER_SETS = 1000


def insert_sessions(db: Connection, owner_id: int, sessions: Iterable[Session]) -> list[str]:
    """Bulk-insert whole sessions (imports); returns their public ids."""
    batch = list(sessions)
    if not batch:
        return []
    public_ids = [s.id or uuid.uuid4().hex for s in batch]
    program_rows = _program_rows(db, owner_id, {s.program_id for s in batch if s.program_id})
    header_rows = [
        {
            "public_id": public_id,
            "owner_id": owner_id,
            "program_id": program_rows.get(s.program_id) if s.program_id else None,
            "program_name": s.program_name,
            "workout_name": s.workout_name,
            "started_at": to_db(s.started_at),
            "finished_at": to_db(s.finished_at),
            "note": s.note,
            "import_key": s.import_key,
            "source": s.source,
            "flagged": s.flagged,
        }
        for s, public_id in zip(batch, public_ids, strict=True)
    ]
    inserted = db.execute(
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
        db.execute(insert(P), set_rows)
    if feedback_rows:
        db.execute(insert(F), feedback_rows)
    if db.dialect.name == "postgresql" and len(set_rows) >= ANALYZE_AFTER_SETS:
        # PostgreSQL plans from table statistics, which autovacuum refreshes only a while
        # later: until then a history just imported is planned as an empty table (listing
        # 50 of 1,500 sessions took 2.1 s instead of 12 ms). ANALYZE sees this
        # transaction's own rows and costs ~50 ms.
        db.execute(text("ANALYZE sessions, performed_sets, block_feedback"))
    return public_ids


def stored_import_keys(db: Connection, owner_id: int) -> set[str]:
    """Every import fingerprint already stored for the owner."""
    rows = db.execute(
        select(S.c.import_key).where(S.c.owner_id == owner_id, S.c.import_key.is_not(None))
    )
    return {r[0] for r in rows}
