"""Database outages: which driver errors mean "unreachable", and one log line per outage.

A server that logs a traceback for each request while its database is down buries the one
line an operator needs. The watch logs when an outage starts (the first failed unit of
work) and when it ends (the first one that completes again), and counts in between.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import weakref
from typing import Any

from sqlalchemy.exc import DBAPIError

LOGGER = logging.getLogger("fitrec.database")

# SQLite errors that pass with time (another writer, a full or unreadable disk); others,
# such as "no such table", are bugs or a missing migration and stay 500s.
_SQLITE_TRANSIENT = ("locked", "busy", "unable to open", "disk i/o", "database or disk is full")


def first_line(error: BaseException) -> str:
    """The first line of an error's message, for a log line or a problem's detail."""
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def is_unreachable(error: BaseException) -> bool:
    """Whether a driver error means the database is down or unreachable for now."""
    if isinstance(error, DBAPIError):
        if error.connection_invalidated:
            return True
        error = error.orig if error.orig is not None else error
    if isinstance(error, sqlite3.OperationalError):
        message = str(error).lower()
        return any(part in message for part in _SQLITE_TRANSIENT)
    if type(error).__module__.startswith("psycopg"):
        import psycopg

        # Connection failures, an administrator's shutdown, a server starting up or
        # recovering: psycopg raises all of them as OperationalError or its subclasses.
        return isinstance(error, psycopg.OperationalError)
    return False


class OutageWatch:
    """The process's view of the database: up, or down since when and how often refused."""

    def __init__(self, logger: logging.Logger = LOGGER) -> None:
        self._logger = logger
        self._lock = threading.Lock()
        self._since: float | None = None
        self._refused = 0

    @property
    def down(self) -> bool:
        """Whether the last unit of work failed to reach the database."""
        return self._since is not None

    def failed(self, error: BaseException) -> None:
        """A unit of work could not reach the database; log only the first of an outage."""
        with self._lock:
            self._refused += 1
            if self._since is not None:
                return
            self._since = time.monotonic()
        self._logger.error(
            "database unreachable, answering 503 until it is back: %s", first_line(error)
        )

    def succeeded(self) -> None:
        """A unit of work completed: end the outage, if there was one, with one line."""
        if self._since is None:  # the usual case, without taking the lock
            return
        with self._lock:
            if self._since is None:
                return
            lasted = time.monotonic() - self._since
            refused = self._refused
            self._since = None
            self._refused = 0
        self._logger.warning(
            "database reachable again after %.1f s (%d units of work refused meanwhile)",
            lasted,
            refused,
        )


_WATCHES: weakref.WeakKeyDictionary[Any, OutageWatch] = weakref.WeakKeyDictionary()
_WATCHES_LOCK = threading.Lock()


def watch_for(engine: Any) -> OutageWatch:
    """The outage watch of one engine (one database): each database goes down on its own."""
    found = _WATCHES.get(engine)
    if found is None:
        with _WATCHES_LOCK:
            found = _WATCHES.setdefault(engine, OutageWatch())
    return found
