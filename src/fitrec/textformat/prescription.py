"""Reading prescriptions (`4×8 @ 80% 1RM, 2 RIR`) and rest durations (`90 seconds`, `1:30`)."""

from __future__ import annotations

import re

from fitrec.domain.programs import Effort, EffortType, Load, LoadType, Prescription
from fitrec.domain.units import Unit
from fitrec.textformat.scanner import LineScanner

_NUM = r"\d+(?:\.\d+)?"
_RANGE = rf"(?P<lo>{_NUM})(?:\s*[-–]\s*(?P<hi>{_NUM}))?"
_I = re.IGNORECASE

_SETS = re.compile(r"\d+")
_TIMES = re.compile(r"\s*[×xX]\s*")
_REPS = re.compile(r"\d+")
_REPS_TOP = re.compile(r"\s*[-–]\s*(\d+)")
_AT = re.compile(r"\s*@")
_COMMA = re.compile(r"\s*,")
_FINISHER = re.compile(r"\s*\(\s*finisher\s*\)", _I)
_NOTE = re.compile(r"\s*--(.*)$")

_RPE = re.compile(rf"RPE\s*{_RANGE}(?![\d.])", _I)
_RIR_BEFORE = re.compile(rf"RIR\s*{_RANGE}(?![\d.])", _I)
_RIR_AFTER = re.compile(rf"{_RANGE}\s*RIR\b", _I)
_PERCENT = re.compile(rf"{_RANGE}\s*%(?:\s*1\s*RM\b)?", _I)
_WEIGHT = re.compile(rf"{_RANGE}\s*(?P<unit>kgs?|lbs?)\b", _I)

_CLOCK = re.compile(r"(\d+):([0-5]\d)(?!\d)")
_MINUTES = re.compile(
    rf"({_NUM})\s*(?:minutes|minute|mins|min|m)\b"
    r"(?:\s*(\d+)\s*(?:seconds|second|secs|sec|s)\b)?",
    _I,
)
_SECONDS = re.compile(rf"({_NUM})\s*(?:seconds|second|secs|sec|s)\b", _I)

EXAMPLE = "such as `4×8` or `3×6-10 @ 80% 1RM`"


def parse_prescription(scan: LineScanner) -> tuple[Prescription, bool, str | None]:
    """Read `SETS×REPS[ @ LOAD, EFFORT][ (finisher)][ -- NOTE]` up to the end of the line.

    Returns the prescription, whether it is marked `(finisher)`, and the note.
    """
    scan.skip_space()
    sets_at = scan.pos
    sets = scan.take(_SETS)
    if sets is None:
        raise scan.error(f"expected a prescription {EXAMPLE} after `:`")
    if scan.take(_TIMES) is None:
        scan.skip_space()
        raise scan.error("expected `×` after the number of sets (as in `4×8`)")
    reps_at = scan.pos
    reps = scan.take(_REPS)
    if reps is None:
        raise scan.error("expected reps after `×` (as in `4×8` or `3×6-10`)")
    reps_min = int(reps.group())
    reps_max = reps_min
    top = scan.take(_REPS_TOP)
    if top is not None:
        reps_max = int(top.group(1))
    if int(sets.group()) < 1:
        raise scan.error("a prescription needs at least 1 set", sets_at)
    if reps_min < 1:
        raise scan.error("a prescription needs at least 1 rep", reps_at)
    if reps_max < reps_min:
        raise scan.error(
            f"rep range {reps_min}-{reps_max} runs backwards; write the lower number first",
            reps_at,
        )
    load, effort = _parse_targets(scan) if scan.take(_AT) else (None, None)
    finisher = scan.take(_FINISHER) is not None
    note_match = scan.take(_NOTE)
    note: str | None = None
    if note_match is not None:
        note = note_match.group(1).strip()
        if not note:
            raise scan.error("expected a note after `--`")
    if not scan.at_end():
        scan.skip_space()
        if scan.text.startswith("(", scan.pos):
            raise scan.error("unknown marker; the only marker is `(finisher)`")
        raise scan.error(f"unexpected `{scan.rest()}` after the prescription")
    prescription = Prescription(int(sets.group()), reps_min, reps_max, load, effort)
    return prescription, finisher, note


def _parse_targets(scan: LineScanner) -> tuple[Load | None, Effort | None]:
    """Read the comma-separated load and effort after `@` (any order, at most one each)."""
    load: Load | None = None
    effort: Effort | None = None
    while True:
        scan.skip_space()
        item_at = scan.pos
        item = _parse_target(scan)
        if isinstance(item, Load):
            if load is not None:
                raise scan.error("a prescription has at most one load", item_at)
            load = item
        else:
            if effort is not None:
                raise scan.error("a prescription has at most one effort (RPE or RIR)", item_at)
            effort = item
        if scan.take(_COMMA) is None:
            break
    scan.skip_space()
    if not scan.at_end() and not scan.text.startswith(("(", "--"), scan.pos):
        raise scan.error(
            f"unexpected `{scan.rest()}`; separate a load and an effort with `,`"
            " (as in `@ 80% 1RM, 2 RIR`)"
        )
    return load, effort


def _parse_target(scan: LineScanner) -> Load | Effort:
    """Read one load (`80% 1RM`, `100 kg`) or effort (`RPE 8`, `1 RIR`) at the cursor."""
    at = scan.pos
    if m := scan.take(_RPE):
        lo, hi = _bounds(scan, m, at)
        if lo < 1 or (hi or lo) > 10:
            raise scan.error("RPE runs from 1 to 10", at)
        return Effort(EffortType.RPE, lo, hi)
    if (m := scan.take(_RIR_BEFORE)) or (m := scan.take(_RIR_AFTER)):
        lo, hi = _bounds(scan, m, at)
        return Effort(EffortType.RIR, lo, hi)
    if m := scan.take(_PERCENT):
        lo, hi = _bounds(scan, m, at)
        if lo <= 0 or (hi or lo) > 100:
            raise scan.error("a percentage of 1RM must be above 0 and at most 100", at)
        return Load(LoadType.PERCENT_1RM, lo, hi)
    if m := scan.take(_WEIGHT):
        lo, hi = _bounds(scan, m, at)
        return Load(LoadType.ABSOLUTE, lo, hi, Unit.parse(m.group("unit")))
    raise scan.error(
        "expected a load (`80% 1RM`, `100 kg`) or an effort (`RPE 8`, `1 RIR`) after `@`"
    )


def _bounds(scan: LineScanner, match: re.Match[str], at: int) -> tuple[float, float | None]:
    """The low and (for a range) high number of a match; an equal range is one number."""
    lo = float(match.group("lo"))
    hi_text = match.group("hi")
    if hi_text is None:
        return lo, None
    hi = float(hi_text)
    if hi < lo:
        raise scan.error(
            f"range {match.group('lo')}-{hi_text} runs backwards; write the lower number first",
            at,
        )
    return lo, (hi if hi > lo else None)


def parse_duration(scan: LineScanner) -> int:
    """Read a rest duration (`60s`, `90 seconds`, `1:30`, `2 min`, `1 min 30 s`) in seconds."""
    scan.skip_space()
    at = scan.pos
    seconds: float
    if m := scan.take(_CLOCK):
        seconds = int(m.group(1)) * 60 + int(m.group(2))
    elif m := scan.take(_MINUTES):
        seconds = float(m.group(1)) * 60 + (int(m.group(2)) if m.group(2) else 0)
    elif m := scan.take(_SECONDS):
        seconds = float(m.group(1))
    elif re.match(rf"{_NUM}\s*$", scan.text[at:]):
        raise scan.error("give the rest a unit, as in `60 seconds` or `2 min`")
    else:
        raise scan.error("expected a duration such as `60 seconds`, `90s`, `1:30` or `2 min`")
    if seconds != int(seconds):
        raise scan.error("a rest must be a whole number of seconds", at)
    if not scan.at_end():
        scan.skip_space()
        raise scan.error(f"unexpected `{scan.rest()}` after the rest duration")
    return int(seconds)
