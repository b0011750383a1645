"""Errors the use cases raise; adapters map them to 404, 422 and 409."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of every error a use case raises on purpose."""


class NotFound(ServiceError):
    """Something does not exist for this owner (another owner's things are not found either)."""

    def __init__(self, what: str, id: object) -> None:
        self.what = what
        self.id = id
        super().__init__(f"{what} {id!r} not found")


class InvalidInput(ServiceError):
    """A value is not acceptable; `field` is a path such as `reps` or `sets[3].weight`."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class Conflict(ServiceError):
    """The request clashes with what is stored (a duplicate name, a finished session)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        self.message = message
        self.field = field
        super().__init__(message)


class DatabaseUnavailable(ServiceError):
    """The database cannot be reached (down, restarting, or locked past the busy timeout).

    Nothing was written: the caller may retry the same request later.
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"the database is unavailable: {reason}")


class BackupError(ServiceError):
    """A backup, restore or verify cannot be done (says which file or database, and why)."""
