"""The sections of a JEFIT export (`### NAME ###`, a header, rows, a line of `#`)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from fitrec.interchange.model import InterchangeError
from fitrec.interchange.tabular import header_key, records

_SECTION = re.compile(r"^#{3}\s*(.*?)\s*#*$")
_END = re.compile(r"^#+$")


def is_jefit(text: str) -> bool:
    """True when a file starts with a JEFIT section line (`### SETTING ####`)."""
    start = text.lstrip("\ufeff \t\r\n")
    return start.startswith("###") and _SECTION.match(start.split("\n", 1)[0].strip()) is not None


@dataclass(slots=True)
class Section:
    """One section: its name, header and data rows (with their row numbers in the file)."""

    name: str
    row: int
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    _index: dict[str, int] = field(default_factory=dict)

    def set_header(self, header: list[str]) -> None:
        """The header line: the names of the columns, looked up case-insensitively."""
        self.header = header
        self._index = {header_key(name): i for i, name in enumerate(header)}
        # The names as written too: lookups run for every field of 100,000 rows.
        self._index.update({name.strip(): i for i, name in reversed(list(enumerate(header)))})

    def has(self, column: str) -> bool:
        """True when the section has this column."""
        return column.lower() in self._index

    def get(self, record: list[str], column: str) -> str | None:
        """The field's text (None when blank, absent or the record is short)."""
        index = self._index.get(column)
        if index is None:
            index = self._index.get(column.lower())
        if index is None or index >= len(record):
            return None
        value = record[index].strip()
        return (value.replace("\r\n", "\n") if "\r" in value else value) or None

    def error(self, message: str, row: int, column: str | None = None) -> InterchangeError:
        """An error naming this section, the row and the column."""
        return InterchangeError(message, row=row, column=column, section=self.name)

    def number(self, record: list[str], column: str, row: int) -> float | None:
        """A number field, None when blank; an error naming section, row and column."""
        raw = self.get(record, column)
        if raw is None:
            return None
        try:
            result = float(raw)
        except ValueError:
            raise self.error(f'"{raw}" is not a number', row, column) from None
        if not math.isfinite(result):
            raise self.error(f'"{raw}" is not a number', row, column)
        return result


def sections(text: str) -> dict[str, Section]:
    """Every section of the file by name; an error when rows stand outside any section."""
    found: dict[str, Section] = {}
    current: Section | None = None
    for number, record in records(text, ","):
        first = record[0].strip() if len(record) == 1 else ""
        if first and _END.match(first):
            current = None
            continue
        heading = _SECTION.match(first) if first.startswith("###") else None
        if heading:
            current = found.setdefault(heading.group(1).upper(), Section(heading.group(1), number))
            continue
        if current is None:
            raise InterchangeError("a row outside any ### SECTION ###", row=number)
        if not current.header:
            current.set_header(record)
        else:
            current.rows.append((number, record))
    return found
