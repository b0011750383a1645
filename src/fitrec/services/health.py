"""Readiness for a load balancer: the database answers and its schema is the code's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from fitrec.services.errors import DatabaseUnavailable


class SchemaProbe(Protocol):
    """Reads the migration the database is at, and the one this code expects."""

    def current(self) -> str | None:
        """The database's migration revision (raises DatabaseUnavailable when unreachable)."""
        ...

    def expected(self) -> str:
        """The newest migration this code ships."""
        ...


@dataclass(frozen=True)
class Readiness:
    """Whether this process can serve requests, and why not."""

    ready: bool
    database: str  # "reachable" | "unreachable"
    migration: str | None
    expected_migration: str
    reason: str | None = None


def readiness(probe: SchemaProbe) -> Readiness:
    """Ready when the database answers and is migrated to this code's newest revision."""
    expected = probe.expected()
    try:
        current = probe.current()
    except DatabaseUnavailable as error:
        return Readiness(False, "unreachable", None, expected, error.reason)
    if current != expected:
        reason = f"the database is at migration {current or 'none'}, the code needs {expected}"
        return Readiness(False, "reachable", current, expected, reason)
    return Readiness(True, "reachable", current, expected)
