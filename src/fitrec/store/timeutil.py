"""Times are stored as naive UTC (portable across SQLite and PostgreSQL) and read back aware."""

from __future__ import annotations

from datetime import UTC, datetime


def to_db(value: datetime | None) -> datetime | None:
    """A time as stored: aware times converted to UTC, naive ones taken as UTC already."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def from_db(value: datetime | None) -> datetime | None:
    """A stored time as an aware UTC datetime."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    """The current time, naive UTC, as stored."""
    return datetime.now(UTC).replace(tzinfo=None)
