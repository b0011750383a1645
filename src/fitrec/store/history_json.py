"""A read model: the whole history document (`GET /api/v1/history`) built as JSON by the database.

Turning 20,000 rows into domain objects, then into dicts, then into JSON costs Python a
few hundred milliseconds; SQLite and PostgreSQL write the same text in a few dozen.
The document is concatenated from escaped pieces rather than json_object/json_agg so
that its bytes are the same on both databases and match Python's `json.dumps`:
compact separators, floats as `repr` prints them (`100.0`, `82.5`), times as
`datetime.isoformat()` of an aware UTC time (non-ASCII text is left unescaped).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, DateTime, Integer, String, bindparam, text

from fitrec.store.timeutil import to_db

Fragment = Callable[[str], str]


def _sqlite_float(column: str) -> str:
    # json_object would print 15 significant digits, and SQLite 3.40 formats doubles
    # slowly and not always exactly. A value with at most six decimals (every weight and
    # effort typed or imported) is printed with integer arithmetic, exactly as Python's
    # repr prints it; only a longer double falls back to the shortest of 15, 16 or 17
    # digits SQLite reads back as the same value ('!' keeps the '.0'), which can differ
    # from repr in the last digit.
    whole = f"CAST({column} AS INTEGER)"
    micros = f"CAST(round({column} * 1000000) AS INTEGER)"
    digits = [f"printf('%!.{n}g', {column})" for n in (15, 16)]
    return (
        f"CASE WHEN {column} IS NULL THEN 'null'"
        f" WHEN {column} = {whole} AND {column} >= 0 AND {column} < 1e13 THEN {whole} || '.0'"
        f" WHEN {column} >= 0.0001 AND {column} < 1e9"
        f" AND round({column} * 1000000) / 1000000.0 = {column}"
        f" THEN ({micros} / 1000000) || '.' || rtrim(printf('%06d', {micros} % 1000000), '0')"
        f" WHEN CAST({digits[0]} AS REAL) = {column} THEN {digits[0]}"
        f" WHEN CAST({digits[1]} AS REAL) = {column} THEN {digits[1]}"
        f" ELSE printf('%!.17g', {column}) END"
    )


def _sqlite_time(column: str) -> str:
    # Stored as 'YYYY-MM-DD HH:MM:SS.ffffff' (naive UTC); isoformat drops zero microseconds.
    return (
        f"CASE WHEN {column} IS NULL THEN 'null' ELSE '\"' ||"
        f" replace(replace({column}, ' ', 'T'), '.000000', '') || '+00:00\"' END"
    )


def _sqlite_string(column: str) -> str:
    return f"json_quote({column})"


def _sqlite_int(column: str) -> str:
    return f"coalesce({column}, 'null')"


def _boolean(column: str) -> str:
    # SQLite stores 0/1 and PostgreSQL a boolean: both read as a condition.
    return f"CASE WHEN {column} THEN 'true' ELSE 'false' END"


def _pg_float(column: str) -> str:
    # PostgreSQL prints the shortest round-trip digits but no '.0' on whole numbers.
    shown = f"CAST({column} AS TEXT)"
    return (
        f"CASE WHEN {column} IS NULL THEN 'null'"
        f" WHEN {shown} ~ '[.eEn]' THEN {shown} ELSE {shown} || '.0' END"
    )


def _pg_time(column: str) -> str:
    return (
        f"CASE WHEN {column} IS NULL THEN 'null' ELSE"
        f" '\"' || to_char({column}, 'YYYY-MM-DD\"T\"HH24:MI:SS')"
        f" || CASE WHEN CAST(date_part('microseconds', {column}) AS BIGINT) % 1000000 = 0"
        f" THEN '' ELSE to_char({column}, '.US') END || '+00:00\"' END"
    )


def _pg_string(column: str) -> str:
    return f"coalesce(CAST(to_json(CAST({column} AS TEXT)) AS TEXT), 'null')"


def _pg_int(column: str) -> str:
    return f"coalesce(CAST({column} AS TEXT), 'null')"


_ENUM = "ENUM:"
_DIALECTS: dict[str, tuple[Fragment, Fragment, Fragment, Fragment]] = {
    "sqlite": (_sqlite_string, _sqlite_int, _sqlite_float, _sqlite_time),
    "postgresql": (_pg_string, _pg_int, _pg_float, _pg_time),
}


def _object(dialect: str, pairs: list[tuple[str, str]]) -> str:
    """SQL writing a JSON object from (key, SQL of the value's JSON text) pairs.

    A value SQL starting with `ENUM:` names a column of enum values (letters only): it is
    quoted without escaping.
    """
    if dialect == "sqlite":
        # One printf builds the object in one allocation; a chain of || copies it per piece.
        layout = ",".join(
            f'"{key}":"%s"' if value.startswith(_ENUM) else f'"{key}":%s' for key, value in pairs
        )
        values = ", ".join(value.removeprefix(_ENUM) for _, value in pairs)
        return f"printf('{{{layout}}}', {values})"
    parts = []
    for i, (key, value) in enumerate(pairs):
        opening = "{" if i == 0 else ","
        if value.startswith(_ENUM):
            value = f"'\"' || {value.removeprefix(_ENUM)} || '\"'"
        parts.append(f"'{opening}\"{key}\":' || {value}")
    return " || ".join(parts) + " || '}'"


def _statement(dialect: str, exercise: bool, since: bool) -> str:
    string, integer, number, time = _DIALECTS[dialect]
    set_json = _object(
        dialect,
        [
            ("id", string("p.client_id")),
            ("exercise_slug", string("p.exercise_slug")),
            ("block_label", string("p.block_label")),
            ("position", integer("p.position")),
            ("set_index", integer("p.set_index")),
            ("set_type", _ENUM + "p.set_type"),
            ("weight", number("p.weight")),
            ("unit", _ENUM + "p.unit"),
            ("reps", integer("p.reps")),
            ("rpe", number("p.rpe")),
            ("rir", number("p.rir")),
            ("rest_before_s", integer("p.rest_before_s")),
            ("flagged", _boolean("p.flagged")),
            ("performed_at", time("p.performed_at")),
        ],
    )
    same_session = "p.owner_id = s.owner_id AND p.session_id = s.id"
    only_exercise = " AND p.exercise_slug = :exercise_slug" if exercise else ""
    if dialect == "postgresql":
        sets = (
            f"SELECT '[' || coalesce(string_agg({set_json}, ',' ORDER BY p.id), '') || ']'"
            f" FROM performed_sets p WHERE {same_session}{only_exercise}"
        )
    else:
        # SQLite (before 3.44) has no ORDER BY inside an aggregate; an ordered subquery
        # under an aggregate is never flattened, so rows reach group_concat in order.
        sets = (
            "SELECT '[' || coalesce(group_concat(one, ','), '') || ']' FROM"
            f" (SELECT {set_json} AS one FROM performed_sets p"
            f" WHERE {same_session}{only_exercise} ORDER BY p.id)"
        )
    session_json = _object(
        dialect,
        [
            ("id", string("s.public_id")),
            ("started_at", time("s.started_at")),
            ("finished_at", time("s.finished_at")),
            ("workout", string("s.workout_name")),
            ("program", string("s.program_name")),
            ("flagged", _boolean("s.flagged")),
            ("sets", f"({sets})"),
        ],
    )
    where = ["s.owner_id = :owner_id"]
    if since:
        where.append("s.started_at >= :since")
    if exercise:
        where.append(f"EXISTS (SELECT 1 FROM performed_sets p WHERE {same_session}{only_exercise})")
    sessions = (
        f"SELECT s.started_at, s.id, {session_json} AS doc FROM sessions s"
        f" WHERE {' AND '.join(where)}"
    )
    if dialect == "postgresql":
        return (
            "SELECT '{\"sessions\":[' || coalesce(string_agg(doc, ',' ORDER BY started_at, id),"
            f" '') || ']}}' FROM ({sessions}) AS docs"
        )
    return (
        "SELECT '{\"sessions\":[' || coalesce(group_concat(doc, ','), '') || ']}' FROM"
        f" ({sessions} ORDER BY s.started_at, s.id)"
    )


_cache: dict[tuple[str, bool, bool], Any] = {}


def _compiled(dialect: str, exercise: bool, since: bool) -> Any:
    key = (dialect, exercise, since)
    found = _cache.get(key)
    if found is None:
        params: list[Any] = [bindparam("owner_id", type_=Integer)]
        if exercise:
            params.append(bindparam("exercise_slug", type_=String))
        if since:
            params.append(bindparam("since", type_=DateTime))
        found = _cache[key] = text(_statement(dialect, exercise, since)).bindparams(*params)
    return found


class SqlHistoryDocuments:
    """The history document of an owner, written by the database in one statement."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def document(
        self, owner_id: int, exercise_slug: str | None = None, since: datetime | None = None
    ) -> str:
        """Every session of the owner (oldest first) with its sets in order, as JSON text."""
        dialect = self._db.dialect.name
        statement = _compiled(dialect, exercise_slug is not None, since is not None)
        params: dict[str, Any] = {"owner_id": owner_id}
        if exercise_slug is not None:
            params["exercise_slug"] = exercise_slug
        if since is not None:
            params["since"] = to_db(since)
        return str(self._db.execute(statement, params).scalar_one())
