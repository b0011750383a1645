"""A linter finding: what is wrong, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How serious a finding is; `error` makes `fitrec lint` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a program or a history, with its location and its fix."""

    code: str
    severity: Severity
    message: str
    fix: str
    workout: str | None = None
    block: str | None = None  # "A"
    entry: str | None = None  # "A2"
    line: int | None = None
    column: int | None = None

    @property
    def location(self) -> str:
        """A human location such as `Day A / A2`."""
        parts = [p for p in (self.workout, self.entry or self.block) if p]
        return " / ".join(parts)

    def to_dict(self, path: str | None = None) -> dict[str, Any]:
        """The JSON shape shared by the CLI and the API."""
        return {
            "path": path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix,
            "location": self.location,
        }
