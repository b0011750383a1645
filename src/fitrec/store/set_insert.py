"""Logging a set in one statement: the owner, the session and the insert checked together.

The common case of logging a set (the owner's own open session, a new client id) needs no
read before the write: one `INSERT ... SELECT` checks the session, numbers the set and
inserts it, or inserts nothing. On SQLite it runs in autocommit, so the database's single
write lock is held for that statement only, not across the Python between a
`BEGIN IMMEDIATE` and its `COMMIT`; several processes then log sets side by side instead of
queueing on the lock. Only `SqlSessionRepository.add_set` uses it, as its first step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, bindparam, func, literal_column, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from fitrec.domain.sessions import PerformedSet
from fitrec.store.database import when_unlocked
from fitrec.store.session_rows import P, S, set_values

# Columns filled from bound values; owner_id, session_id and set_index come from the SELECT.
_VALUE_COLUMNS = (
    "client_id",
    "exercise_slug",
    "block_label",
    "position",
    "set_type",
    "weight",
    "unit",
    "weight_kg",
    "reps",
    "rpe",
    "rir",
    "rest_before_s",
    "note",
    "flagged",
    "performed_at",
)
_SQLITE = sqlite.dialect(paramstyle="named")
_LOCK_SESSION = (
    select(S.c.id).where(S.c.public_id == bindparam("session_public_id")).with_for_update()
)


def _statement(dialect: str, *, slot_free: bool) -> Any:
    """The INSERT ... SELECT, and whether the session must have no program slot to take a
    missing block label from."""
    earlier = P.alias("earlier")
    next_index = (
        select(func.coalesce(func.max(earlier.c.set_index), 0) + 1)
        .where(
            earlier.c.owner_id == S.c.owner_id,
            earlier.c.session_id == S.c.id,
            earlier.c.exercise_slug == bindparam("exercise_slug"),
        )
        .scalar_subquery()
    )
    source = select(
        S.c.owner_id,
        S.c.id,
        next_index,
        *(bindparam(name, type_=P.c[name].type) for name in _VALUE_COLUMNS),
    ).where(
        S.c.public_id == bindparam("session_public_id"),
        S.c.finished_at.is_(None),
        S.c.owner_id == bindparam("owner_id"),
    )
    if slot_free:
        # Without a block label, a session from a program takes it from the program's slot:
        # `add_set` looks that up and inserts such a set itself.
        no_workout = func.coalesce(S.c.workout_name, literal_column("''")) == literal_column("''")
        source = source.where(or_(S.c.program_id.is_(None), no_workout))
    make_insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        make_insert(P)
        .from_select(["owner_id", "session_id", "set_index", *_VALUE_COLUMNS], source)
        .on_conflict_do_nothing(index_elements=[P.c.owner_id, P.c.client_id])
        .returning(P.c.set_index)
    )


class _SqliteStatement:
    """A statement compiled once for the sqlite3 driver, with SQLAlchemy's bind processing."""

    def __init__(self, statement: Any, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        # Literals of the statement (the 1 of count() + 1) are bound parameters too.
        self._constants = {k: v for k, v in compiled.params.items() if v is not None}
        self._process: dict[str, Callable[[Any], Any]] = {}
        for name in _VALUE_COLUMNS:
            processor = P.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                self._process[name] = processor

    def params(self, values: dict[str, Any]) -> dict[str, Any]:
        """The values as the driver takes them (times as SQLAlchemy writes them)."""
        process = self._process
        params = dict(self._constants)
        for name, value in values.items():
            params[name] = process[name](value) if name in process else value
        return params


_STATEMENTS: dict[tuple[str, bool], Any] = {}
_SQLITE_STATEMENTS: dict[bool, _SqliteStatement] = {}


def insert_set_if_open(
    db: Connection,
    *,
    owner_id: int,
    session_public_id: str,
    performed: PerformedSet,
    slot_free: bool,
) -> int | None:
    """Insert a set in one statement when the owner's session is open and the client id is
    new; its `set_index`, or None when nothing was inserted (the caller then finds out why).

    `slot_free` leaves a set into a session from a program's workout to the caller.
    """
    values = set_values(0, 0, performed)
    for name in ("owner_id", "session_id", "set_index"):
        del values[name]
    values["session_public_id"] = session_public_id
    values["owner_id"] = owner_id
    dialect = db.dialect.name
    if dialect == "sqlite" and not db.in_transaction():
        compiled = _SQLITE_STATEMENTS.get(slot_free)
        if compiled is None:
            compiled = _SqliteStatement(_statement("sqlite", slot_free=slot_free), _SQLITE)
            _SQLITE_STATEMENTS[slot_free] = compiled
        # The driver connection is in autocommit (fitrec issues BEGIN itself): this
        # statement is a transaction of its own.
        driver = db.connection.driver_connection
        assert driver is not None
        params = compiled.params(values)
        rows = when_unlocked(driver, lambda: driver.execute(compiled.sql, params).fetchall())
    else:
        if dialect == "postgresql":
            # As the full path does: a second set of the same session waits for the first
            # to commit, and the insert (a new snapshot) numbers after it.
            db.execute(_LOCK_SESSION, {"session_public_id": session_public_id})
        statement_key = (dialect, slot_free)
        statement = _STATEMENTS.get(statement_key)
        if statement is None:
            statement = _statement(dialect, slot_free=slot_free)
            _STATEMENTS[statement_key] = statement
        rows = db.execute(statement, values).all()
    return int(rows[0][0]) if rows else None
