"""Decoding files and reading CSV records with row numbers and named columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from fitrec.interchange.model import InterchangeError

csv.field_size_limit(10_000_000)


def decode(data: bytes) -> str:
    """Text of a file: UTF-8 (with or without BOM), else Windows-1252, else Latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def first_line(text: str) -> str:
    """The first line of a text (a header never holds a line break)."""
    end = text.find("\n")
    return (text if end < 0 else text[:end]).rstrip("\r")


def delimiter_of(text: str) -> str:
    """`;`, tab or `,`: whichever separates the first line most."""
    line = first_line(text.lstrip("\ufeff"))
    counts = {d: line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Every CSV record with its row number (1 = first line); blank records skipped."""
    # strict: a quote never closed is an error, not a note that swallows every later row.
    reader = csv.reader(
        io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter, strict=True
    )
    number = 0
    try:
        for record in reader:
            number += 1
            if record and any(field.strip() for field in record):
                yield number, record
    except csv.Error as exc:
        reason = str(exc)
        if "unexpected end of data" in reason:
            reason = "a quoted field opened on this row is never closed"
        raise InterchangeError(f"broken CSV: {reason}", row=number + 1) from None


def header_key(name: str) -> str:
    """A header cell normalised for comparison (`"Weight (kg)"` -> `weight (kg)`)."""
    return " ".join(name.strip().strip('"').strip("\ufeff").lower().split())


class Columns:
    """Where each known column sits in a record, and its name as the file wrote it."""

    def __init__(self, positions: dict[str, int], labels: dict[str, str]) -> None:
        self.positions = positions
        self.labels = labels

    @classmethod
    def from_header(cls, header: list[str], synonyms: dict[str, tuple[str, ...]]) -> Columns:
        """Columns found in a header by their known names."""
        positions: dict[str, int] = {}
        labels: dict[str, str] = {}
        keys = [header_key(h) for h in header]
        for canonical, names in synonyms.items():
            for index, key in enumerate(keys):
                if key in names and canonical not in positions:
                    positions[canonical] = index
                    labels[canonical] = header[index].strip().strip('"')
        return cls(positions, labels)

    @classmethod
    def from_layout(cls, layout: list[str], header: list[str] | None = None) -> Columns:
        """Columns by position (a translated or missing header), labelled as the file did."""
        positions = {name: i for i, name in enumerate(layout)}
        labels = {
            name: (header[i].strip() if header and i < len(header) else name)
            for i, name in enumerate(layout)
        }
        return cls(positions, labels)

    def has(self, key: str) -> bool:
        """True when the file has this column."""
        return key in self.positions

    def get(self, record: list[str], key: str) -> str | None:
        """The raw field, or None when the column is absent or the record short."""
        index = self.positions.get(key)
        if index is None or index >= len(record):
            return None
        return record[index]

    def label(self, key: str) -> str:
        """The column's name as the file wrote it, for error messages."""
        return self.labels.get(key, key)
