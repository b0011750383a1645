"""Reading the fields foreign files contain: numbers, dates, durations, booleans, text."""

from __future__ import annotations

import re
from datetime import datetime

from fitrec.interchange.model import RowValueError

_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d %b %Y, %H:%M",
    "%d %B %Y, %H:%M",
    "%b %d, %Y %I:%M %p",
)

_DURATION_PART = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(小时|時間|hours?|hrs?|h|分钟|分鐘|分|minutes?|mins?|m|秒|seconds?|secs?|s)",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^(\d+):(\d{1,2})(?::(\d{1,2}))?$")


def text(value: str | None) -> str | None:
    """A field's text, or None when blank; keeps inner line breaks and emoji."""
    if value is None:
        return None
    stripped = value.strip().replace("\r\n", "\n")
    return stripped or None


def number(value: str | None, row: int, column: str) -> float | None:
    """A decimal number (`8`, `8.0`, `82,5`), None when blank; an error naming row/column."""
    raw = text(value)
    if raw is None:
        return None
    candidate = raw.replace(" ", "")
    if "," in candidate and "." not in candidate:
        candidate = candidate.replace(",", ".")
    try:
        result = float(candidate)
    except ValueError:
        raise RowValueError(f"{raw!r} is not a number".replace("'", '"'), row, column) from None
    if result != result or result in (float("inf"), float("-inf")):
        raise RowValueError(f'"{raw}" is not a number', row, column)
    return result


def parse_datetime(value: str | None, row: int, column: str) -> datetime:
    """A date or date-time as the apps write it; an error naming row and column."""
    raw = text(value)
    if raw is None:
        raise RowValueError("a date is required", row, column)
    found = try_datetime(raw)
    if found is None:
        raise RowValueError(f'"{raw}" is not a date', row, column)
    return found


def try_datetime(raw: str) -> datetime | None:
    """A date-time when `raw` looks like one, else None (used to sniff header-less files)."""
    candidate = raw.strip()
    if candidate.endswith("Z"):
        candidate = candidate[:-1]
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        parsed = None
    if parsed is not None:
        return parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(candidate, fmt)
        except ValueError:
            continue
    return None


def duration_seconds(value: str | None) -> int | None:
    """Seconds in `1h 5m`, `1h 5min`, `38min`, `55s`, `1小时13分钟`, `1:05:00` or `3900`."""
    raw = text(value)
    if raw is None:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", raw):
        return round(float(raw))
    clock = _CLOCK.match(raw)
    if clock:
        a, b, c = clock.groups()
        if c is None:
            return int(a) * 60 + int(b)
        return int(a) * 3600 + int(b) * 60 + int(c)
    total = 0.0
    matched = False
    for amount, unit in _DURATION_PART.findall(raw):
        matched = True
        qty = float(amount.replace(",", "."))
        key = unit.lower()
        if key in {"小时", "時間"} or key.startswith("h"):
            total += qty * 3600
        elif key in {"分钟", "分鐘", "分"} or key.startswith("m"):
            total += qty * 60
        else:
            total += qty
    return round(total) if matched else None


def looks_like_duration(value: str) -> bool:
    """True for a workout-duration field (`1h 5m`, `38min`, `1小时13分钟`), not a plain number."""
    raw = value.strip()
    return bool(raw) and not re.fullmatch(r"[\d.]+", raw) and duration_seconds(raw) is not None


def boolean(value: str | None) -> bool:
    """A yes/no field (`true`, `1`, `yes`, `x`)."""
    return (text(value) or "").lower() in {"true", "1", "yes", "y", "x"}


def reps_of(value: float | None) -> int:
    """Whole reps from a field such as `8.0` (blank counts as 0)."""
    return 0 if value is None else round(value)
