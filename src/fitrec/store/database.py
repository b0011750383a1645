"""Engines: SQLite with WAL, foreign keys and a busy timeout; PostgreSQL through psycopg 3."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from fitrec.config import normalize_database_url

BUSY_TIMEOUT_MS = 5000
# Waiting for another writer: SQLite's own busy handler sleeps 1, 2, 5 ... up to 100 ms
# between tries, which turns a 50 us wait into a 1-100 ms one (and a worker logging sets on
# its event loop serves nothing while it sleeps). fitrec retries itself with short jittered
# sleeps instead, for BEGIN IMMEDIATE and for statements that are transactions of their own.
_FIRST_SLEEP_S = 0.00005
_MAX_SLEEP_S = 0.002

T = TypeVar("T")

# The execution option of a connection that only reads (`make_uow(read_only=True)`).
READ_ONLY_OPTION = "fitrec_read_only"


def is_sqlite(url: str) -> bool:
    """Whether a URL points at SQLite."""
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # NORMAL is durable across application crashes in WAL mode and avoids an fsync per set.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def when_unlocked(raw: sqlite3.Connection, attempt: Callable[[], T]) -> T:
    """Run `attempt`, which takes SQLite's write lock, retrying with short jittered sleeps
    while another connection holds it (up to the busy timeout).

    `attempt` must be atomic: BEGIN IMMEDIATE, or a statement in autocommit, which does
    nothing when it finds the database locked.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    sleep = _FIRST_SLEEP_S
    raw.execute("PRAGMA busy_timeout=0")
    try:
        while True:
            try:
                return attempt()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(sleep * random.uniform(0.5, 1.5))
            sleep = min(sleep * 2, _MAX_SLEEP_S)
    finally:
        raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def _sqlite_begin(conn: Any) -> None:
    # pysqlite's own transaction handling is off (below); BEGIN here so that SAVEPOINTs
    # and the first read of a transaction behave as on PostgreSQL. IMMEDIATE takes the
    # write lock up front: a use case reads before it writes, and a deferred transaction
    # whose read snapshot is overtaken by another process's commit fails with "database
    # is locked" at its first write instead of waiting busy_timeout.
    # A read-only unit of work begins deferred: it reads a snapshot and never waits for,
    # or holds up, a writer.
    raw = conn.connection.dbapi_connection
    if conn.get_execution_options().get(READ_ONLY_OPTION):
        raw.execute("BEGIN")
        return
    when_unlocked(raw, lambda: raw.execute("BEGIN IMMEDIATE"))


def make_engine(url: str, **kwargs: Any) -> Engine:
    """A new engine for `url`, configured for fitrec."""
    url = normalize_database_url(url)
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "isolation_level": None},
            **kwargs,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)
