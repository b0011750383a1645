"""Parse program text in the article's notation into a Program (pure syntax, names unresolved)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fitrec.domain.programs import (
    Block,
    Entry,
    Level,
    Phase,
    Placement,
    Program,
    SourcePos,
    Workout,
)
from fitrec.textformat.errors import NotationError
from fitrec.textformat.prescription import parse_duration, parse_prescription
from fitrec.textformat.scanner import LineScanner

IMPLICIT_WORKOUT = "Day 1"

_WORKOUT = re.compile(r"\s*##(?!#)")
_REST = re.compile(r"\s*(?:→|->)")
_REST_WORD = re.compile(r"\s*rest\b", re.IGNORECASE)
_ENTRY = re.compile(r"\s*([A-Z])(\d*)\.")
_MISSING_DOT = re.compile(r"\s*[A-Z]\d+(?=[\s):\-])")
_LOWER_LABEL = re.compile(r"\s*([a-z]\d*)\.")
_HEADER = re.compile(r"\s*([A-Za-z][A-Za-z_ ]*?)\s*:")
_TRAINING_AGE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(months|month|mos|mo|m|years|year|yrs|yr|y)\s*$", re.IGNORECASE
)
_HEADER_KEYS = ("program", "phase", "level", "training age")
_ENTRY_FORM = "`A1. NAME: 4×8`"


@dataclass(slots=True)
class _BlockState:
    """A block being read: the Block and the number of its last entry (None for `A.`)."""

    block: Block
    last_number: int | None


@dataclass(slots=True)
class _PendingTitle:
    """A block title waiting for the entry that starts its block."""

    text: str
    pos: SourcePos
    source: str


def parse_program(text: str, *, default_name: str | None = None) -> Program:
    """Parse program text; raises NotationError at the first problem.

    Without a `program:` line the text is an error, unless `default_name` is given
    (a file name, say): then the program takes that name, so the article's sample,
    pasted as printed, parses.
    """
    return _Parser(text, default_name).parse()


class _Parser:
    """Reads lines in order, keeping the workout, block and entry being filled."""

    def __init__(self, text: str, default_name: str | None = None) -> None:
        text = text.removeprefix("\ufeff")
        self.default_name = default_name.strip() if default_name else None
        self.lines = [line.removesuffix("\r") for line in text.split("\n")]
        self.in_header = True
        self.header: dict[str, tuple[str, int]] = {}
        self.program = Program(name="")
        self.workout: Workout | None = None
        self.blocks: dict[str, _BlockState] = {}
        self.current: _BlockState | None = None
        self.last_entry: Entry | None = None
        self.title: _PendingTitle | None = None
        self.workout_lines: dict[str, int] = {}

    def parse(self) -> Program:
        """Read every line and return the program."""
        for index, line in enumerate(self.lines):
            if line.strip():
                self._line(LineScanner(line, index + 1))
        if self.in_header:
            self._end_header(len(self.lines), "")
        self._end_workout()
        return self.program

    def _line(self, scan: LineScanner) -> None:
        """Dispatch one non-blank line by its form."""
        text = scan.text
        if self.in_header and self._header_line(scan):
            return
        if _WORKOUT.match(text):
            self._workout_line(scan)
        elif _REST.match(text):
            self._rest_line(scan)
        elif _ENTRY.match(text):
            self._entry_line(scan)
        elif (m := _MISSING_DOT.match(text)) and not text.rstrip().endswith(":"):
            label = m.group().strip()
            raise scan.error(f"expected `.` after `{label}` (write `{label}. NAME: 4×8`)", m.end())
        elif text.rstrip().endswith(":"):
            self._title_line(scan)
        elif m := _LOWER_LABEL.match(text):
            upper = m.group(1).upper()
            raise scan.error(f"block letters are capitals: write `{upper}.`", m.start(1))
        else:
            scan.skip_space()
            m = _HEADER.match(text)
            if m and _key(m.group(1)) in _HEADER_KEYS:
                raise scan.error(
                    f"the `{_key(m.group(1))}` header line must come before the first"
                    " workout and entry"
                )
            raise scan.error(
                f"expected an entry ({_ENTRY_FORM}), a rest (`→ Rest 60 seconds`),"
                " a block title ending with `:` or a workout (`## NAME`)"
            )

    def _header_line(self, scan: LineScanner) -> bool:
        """Read a `key: value` header line; False when the line is not one (header ends)."""
        text = scan.text
        if _WORKOUT.match(text) or _REST.match(text) or _ENTRY.match(text):
            self._end_header(scan.line_no, text)
            return False
        m = _HEADER.match(text)
        if m is None or (_MISSING_DOT.match(text) and not text.rstrip().endswith(":")):
            self._end_header(scan.line_no, text)
            return False
        key = _key(m.group(1))
        if key not in _HEADER_KEYS:
            if text.rstrip().endswith(":"):
                self._end_header(scan.line_no, text)
                return False
            raise scan.error(
                f"unknown header `{m.group(1)}` (use program, phase, level or training age)",
                m.start(1),
            )
        if key in self.header:
            raise scan.error(
                f"`{key}` is given twice (first on line {self.header[key][1]})", m.start(1)
            )
        scan.pos = m.end()
        scan.skip_space()
        value = scan.rest()
        if not value:
            raise scan.error(f"expected a value after `{key}:`", m.end())
        self.header[key] = (value, scan.line_no)
        self._header_value(scan, key, value)
        return True

    def _header_value(self, scan: LineScanner, key: str, value: str) -> None:
        """Store one header value on the program, checking it."""
        if key == "program":
            self.program.name = value
            self.program.pos = SourcePos(scan.line_no, _indent(scan.text) + 1)
        elif key == "phase":
            try:
                self.program.phase = Phase(value.lower())
            except ValueError:
                raise scan.error(
                    f"unknown phase `{value}` "
                    "(use hypertrophy, strength, peaking, maintenance or deload)"
                ) from None
        elif key == "level":
            try:
                self.program.level = Level(value.lower())
            except ValueError:
                raise scan.error(
                    f"unknown level `{value}` (use beginner, intermediate or advanced)"
                ) from None
        else:
            m = _TRAINING_AGE.match(value)
            if m is None:
                raise scan.error("expected a training age such as `8 months` or `2 years`")
            amount = float(m.group(1)) * (12 if m.group(2).lower().startswith("y") else 1)
            if amount != int(amount):
                raise scan.error("a training age must come to a whole number of months")
            self.program.training_age_months = int(amount)

    def _end_header(self, line_no: int, text: str) -> None:
        """Leave the header; it must have named the program."""
        self.in_header = False
        if "program" not in self.header and self.default_name:
            self.program.name = self.default_name
        elif "program" not in self.header:
            raise NotationError(
                "expected a `program: NAME` line at the top of the file",
                max(line_no, 1),
                _indent(text) + 1,
                text,
            )

    def _workout_line(self, scan: LineScanner) -> None:
        """`## NAME` starts a workout."""
        self._end_workout()
        m = scan.take(_WORKOUT)
        assert m is not None
        scan.skip_space()
        name = scan.rest()
        if not name:
            raise scan.error("expected a workout name after `##`")
        self._start_workout(name, scan, SourcePos(scan.line_no, m.end() - 1))

    def _start_workout(self, name: str, scan: LineScanner, pos: SourcePos) -> None:
        """Open a workout called `name`; names are unique ignoring case."""
        first = self.workout_lines.get(name.lower())
        if first is not None:
            raise scan.error(f"workout `{name}` appears twice (first on line {first})")
        self.workout_lines[name.lower()] = scan.line_no
        self.workout = Workout(name=name, pos=pos)
        self.program.workouts.append(self.workout)
        self.blocks = {}
        self.current = None
        self.last_entry = None

    def _ensure_workout(self, scan: LineScanner) -> None:
        """Content before any `##` goes into an implicit first workout."""
        if self.workout is None:
            pos = SourcePos(scan.line_no, _indent(scan.text) + 1)
            self._start_workout(IMPLICIT_WORKOUT, scan, pos)

    def _end_workout(self) -> None:
        """A workout may not end on a title with no block under it."""
        if self.title is not None:
            t = self.title
            raise NotationError(
                f"block title `{t.text}:` has no entry below it", t.pos.line, t.pos.column, t.source
            )

    def _title_line(self, scan: LineScanner) -> None:
        """A line ending with `:` titles the next block."""
        self._ensure_workout(scan)
        scan.skip_space()
        if self.title is not None:
            raise scan.error(
                f"two block titles in a row (`{self.title.text}:` on line {self.title.pos.line})"
            )
        text = scan.rest()[:-1].strip()
        if not text:
            raise scan.error("expected a block title before `:`")
        self.title = _PendingTitle(text, SourcePos(scan.line_no, scan.pos + 1), scan.text)
        self.last_entry = None

    def _rest_line(self, scan: LineScanner) -> None:
        """`→ Rest 60 seconds` sets the rest after the entry just above."""
        arrow_at = _indent(scan.text)
        scan.take(_REST)
        if scan.take(_REST_WORD) is None:
            scan.skip_space()
            raise scan.error("expected `Rest` after the arrow (as in `→ Rest 60 seconds`)")
        seconds = parse_duration(scan)
        if self.last_entry is None:
            raise scan.error("a rest line must follow the entry it rests after", arrow_at)
        if self.last_entry.rest_after_s is not None:
            raise scan.error("this entry already has a rest line", arrow_at)
        self.last_entry.rest_after_s = seconds

    def _entry_line(self, scan: LineScanner) -> None:
        """`A1. NAME: PRESCRIPTION` adds an entry to block A."""
        self._ensure_workout(scan)
        label_at = _indent(scan.text)
        m = scan.take(_ENTRY)
        assert m is not None
        letter, digits = m.group(1), m.group(2)
        number = int(digits) if digits else None
        scan.skip_space()
        name_at = scan.pos
        colon = scan.text.find(":", name_at)
        if colon < 0:
            raise NotationError(
                f"expected `:` after the exercise name (as in {_ENTRY_FORM})",
                scan.line_no,
                len(scan.text.rstrip()) + 1,
                scan.text,
            )
        name = scan.text[name_at:colon].strip()
        if not name:
            raise scan.error("expected an exercise name before `:`")
        scan.pos = colon + 1
        prescription, finisher, note = parse_prescription(scan)
        entry = Entry(
            name=name,
            prescription=prescription,
            placement=Placement.FINISHER if finisher else Placement.EVERY_SET,
            note=note,
            pos=SourcePos(scan.line_no, name_at + 1),
        )
        self._place(scan, entry, letter, number, label_at)
        self.last_entry = entry

    def _place(
        self, scan: LineScanner, entry: Entry, letter: str, number: int | None, at: int
    ) -> None:
        """Put an entry into its block, checking that A1, A2... run in order."""
        label = f"{letter}{number if number is not None else ''}"
        state = self.blocks.get(letter)
        if state is None:
            if number is not None and number != 1:
                raise scan.error(f"{label} comes before {letter}1; number entries from 1", at)
            block = Block(letter, [entry], pos=SourcePos(scan.line_no, at + 1))
            if self.title is not None:
                block.title, block.pos = self.title.text, self.title.pos
                self.title = None
            self.blocks[letter] = state = _BlockState(block, number)
            assert self.workout is not None
            self.workout.blocks.append(block)
            self.current = state
            return
        last = state.last_number
        if number is None or last is None:
            raise scan.error(
                f"block {letter} appears twice; a single entry is `{letter}.`,"
                f" a superset's entries are {letter}1, {letter}2, …",
                at,
            )
        if number <= last:
            raise scan.error(f"{label} appears twice", at)
        if state is not self.current:
            raise scan.error(
                f"{label} is separated from {letter}{last}; keep a block's entries together", at
            )
        if number != last + 1:
            raise scan.error(f"{label} follows {letter}{last}; expected {letter}{last + 1}", at)
        if self.title is not None:
            t = self.title
            raise NotationError(
                f"block title `{t.text}:` must come before the first entry of a block,"
                f" not before {label}",
                t.pos.line,
                t.pos.column,
                t.source,
            )
        state.block.entries.append(entry)
        state.last_number = number


def _key(raw: str) -> str:
    """A header key as compared: lower case, single spaces."""
    return " ".join(raw.replace("_", " ").lower().split())


def _indent(text: str) -> int:
    """How many spaces and tabs start `text`."""
    return len(text) - len(text.lstrip(" \t"))
