"""Which app wrote a file: from its header, or from its data when the header is missing."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import islice

from fitrec.domain.units import Unit
from fitrec.interchange import values
from fitrec.interchange.fitnotes import read_fitnotes
from fitrec.interchange.gymbook import is_gymbook_header
from fitrec.interchange.hevy import read_hevy
from fitrec.interchange.jefit_sections import is_jefit
from fitrec.interchange.liftosaur import read_liftosaur
from fitrec.interchange.model import FORMATS, RawSet, UnknownFormatError
from fitrec.interchange.strong import (
    is_known_header,
    read_strong,
    starts_with_workout_number,
)
from fitrec.interchange.tabular import delimiter_of, header_key, records

Reader = Callable[[str, Unit | None], Iterator[RawSet]]
READERS: dict[str, Reader] = {
    "strong": read_strong,
    "hevy": read_hevy,
    "fitnotes": read_fitnotes,
    "liftosaur": read_liftosaur,
}
_DATE_ONLY = re.compile(r"^\d{4}[-/]\d{1,2}[-/]\d{1,2}$")


def detect(text: str) -> str:
    """The format name (strong, hevy, fitnotes, liftosaur, jefit, gymbook, native) of a text."""
    body = text.lstrip("\ufeff \t\r\n")
    if not body:
        raise UnknownFormatError("the file is empty")
    if body.startswith("{"):
        return "native"
    if is_jefit(body):
        return "jefit"
    sample = [record for _n, record in islice(records(body, delimiter_of(body)), 3)]
    by_header = _from_header(sample[0])
    if by_header:
        return by_header
    data = sample[0] if _is_data(sample[0]) else (sample[1] if len(sample) > 1 else None)
    if data is None:
        raise UnknownFormatError("cannot tell which app wrote this file (no data rows)")
    return _from_data(data)


def check_format(name: str) -> str:
    """A format name given by the user, validated."""
    key = name.strip().lower()
    if key not in FORMATS:
        raise UnknownFormatError(f"unknown format {name!r}: use one of {', '.join(FORMATS)}")
    return key


def _from_header(record: list[str]) -> str | None:
    keys = {header_key(field) for field in record}
    if is_gymbook_header(record):
        return "gymbook"
    if "exercise_title" in keys:
        return "hevy"
    if "workout datetime" in keys:
        return "liftosaur"
    if "exercise" in keys and "category" in keys:
        return "fitnotes"
    if is_known_header(record) or {"workout name", "date"} <= keys:
        return "strong"
    return None


def _is_data(record: list[str]) -> bool:
    return any(values.try_datetime(field) is not None for field in record[:2])


def _from_data(record: list[str]) -> str:
    count = len(record)
    first = record[0].strip()
    if count >= 18 and values.try_datetime(first) is not None:
        return "liftosaur"
    hevy_shape = count in (14, 15) and values.try_datetime(record[1]) is not None
    if hevy_shape and values.try_datetime(first) is None:
        return "hevy"
    if count == 13 and starts_with_workout_number(record):
        return "strong"  # the quoted semicolon variant: workout number, then the date
    if _DATE_ONLY.match(first) and count in (9, 10, 11):
        return "fitnotes"
    if values.try_datetime(first) is not None:
        return "strong"
    raise UnknownFormatError(
        "cannot tell which app wrote this file: "
        "give --from strong|hevy|fitnotes|liftosaur|jefit|gymbook"
    )
