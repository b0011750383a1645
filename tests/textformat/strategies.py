"""Hypothesis strategies: programs the notation can write, and loose spellings of them."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from fitrec.domain.programs import (
    Block,
    Effort,
    EffortType,
    Entry,
    Level,
    Load,
    LoadType,
    Phase,
    Placement,
    Prescription,
    Program,
    Workout,
)
from fitrec.domain.units import Unit
from fitrec.textformat.formatter import format_number

_SAFE_PUNCTUATION = " -'()/&,.+°—#"
_CHARS = st.characters(categories=("L", "N"), include_characters=_SAFE_PUNCTUATION)
# A title must not read as an entry (`A1.`), a rest (`→`, `->`) or a workout (`##`).
_HEADER_KEYS = {"program", "phase", "level", "training age"}
_LOOKS_SPECIAL = re.compile(r"\s*(?:[A-Z]\d*\.|→|->|##)")


def _writable_title(title: str) -> bool:
    """A title that reads back as a title, also right under the header lines."""
    key = " ".join(title.replace("_", " ").lower().split())
    return not _LOOKS_SPECIAL.match(title) and key not in _HEADER_KEYS


def _name(max_size: int = 24) -> st.SearchStrategy[str]:
    """Non-empty text without surrounding whitespace, newlines or colons."""
    return st.text(_CHARS, min_size=1, max_size=max_size).filter(lambda s: s == s.strip() != "")


def _halves(low: int, high: int) -> st.SearchStrategy[float]:
    """Numbers in steps of 0.5 between low and high."""
    return st.integers(low * 2, high * 2).map(lambda n: n / 2)


@st.composite
def _span(draw: st.DrawFn, low: int, high: int) -> tuple[float, float | None]:
    """A number, or a strictly increasing range, in steps of 0.5."""
    first = draw(_halves(low, high))
    if first >= high or not draw(st.booleans()):
        return first, None
    return first, draw(_halves(low, high).filter(lambda v: v > first))


@st.composite
def loads(draw: st.DrawFn) -> Load:
    """A %1RM or an absolute load."""
    if draw(st.booleans()):
        low, high = draw(_span(1, 100))
        return Load(LoadType.PERCENT_1RM, low, high)
    low, high = draw(_span(0, 400))
    return Load(LoadType.ABSOLUTE, low, high, draw(st.sampled_from(Unit)))


@st.composite
def efforts(draw: st.DrawFn) -> Effort:
    """An RPE or an RIR target."""
    if draw(st.booleans()):
        low, high = draw(_span(1, 10))
        return Effort(EffortType.RPE, low, high)
    low, high = draw(_span(0, 6))
    return Effort(EffortType.RIR, low, high)


@st.composite
def prescriptions(draw: st.DrawFn) -> Prescription:
    """Sets, reps (maybe a range), and optional load and effort."""
    reps_min = draw(st.integers(1, 30))
    reps_max = reps_min + draw(st.sampled_from([0, 0, 2, 4, 5]))
    return Prescription(
        sets=draw(st.integers(1, 10)),
        reps_min=reps_min,
        reps_max=reps_max,
        load=draw(st.none() | loads()),
        effort=draw(st.none() | efforts()),
    )


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    """An entry as parsing produces it (no resolved exercise)."""
    return Entry(
        name=draw(_name()),
        prescription=draw(prescriptions()),
        rest_after_s=draw(st.none() | st.integers(0, 600)),
        placement=draw(st.sampled_from(Placement)),
        note=draw(st.none() | _name(30)),
    )


@st.composite
def workouts(draw: st.DrawFn, name: str) -> Workout:
    """A workout of up to four blocks labelled A, B, C..."""
    count = draw(st.integers(0, 4))
    blocks = []
    for label in "ABCDEFGH"[:count]:
        title = draw(st.none() | _name(30).filter(_writable_title))
        blocks.append(Block(label, draw(st.lists(entries(), min_size=1, max_size=3)), title))
    return Workout(name, blocks)


@st.composite
def programs(draw: st.DrawFn) -> Program:
    """A program the notation can write."""
    names = draw(st.lists(st.just("Day 1") | _name(), max_size=3, unique_by=str.lower))
    return Program(
        name=draw(_name(40)),
        workouts=[draw(workouts(name)) for name in names],
        phase=draw(st.none() | st.sampled_from(Phase)),
        level=draw(st.none() | st.sampled_from(Level)),
        training_age_months=draw(st.none() | st.integers(0, 240)),
    )


@st.composite
def loose_texts(draw: st.DrawFn, program: Program) -> str:
    """`program` written with accepted but non-canonical spellings, spacing and newlines."""
    pick = draw
    pad = st.sampled_from(["", " ", "  ", "\t"])
    blank = st.sampled_from([[], [""], ["", "  "]])
    lines: list[str] = [f"{pick(pad)}PROGRAM :  {program.name}{pick(pad)}"]
    if program.phase:
        lines.append(f"Phase: {program.phase.value.upper()}")
    if program.level:
        lines.append(f"level:{program.level.value.title()}")
    if program.training_age_months is not None:
        months = program.training_age_months
        lines.append(
            f"training_age: {months / 12:g} years"
            if months % 6 == 0
            else f"training age: {months} mo"
        )
    for index, workout in enumerate(program.workouts):
        lines += pick(blank)
        implicit = index == 0 and workout.name == "Day 1" and bool(workout.blocks)
        if not (implicit and pick(st.booleans())):
            # `###x` would not be a workout line, so a name starting with # needs a space.
            gap = pick(pad) or (" " if workout.name.startswith("#") else "")
            lines.append(f"{pick(pad)}##{gap}{workout.name}")
        for block in workout.blocks:
            lines += pick(blank)
            if block.title:
                lines.append(f"{pick(pad)}{block.title}:{pick(pad)}")
            for number, entry in enumerate(block.entries, start=1):
                single = len(block.entries) == 1 and pick(st.booleans())
                label = f"{block.label}." if single else f"{block.label}{number}."
                head = f"{pick(pad)}{label}{pick(pad)}{entry.name}{pick(pad)}:"
                lines.append(head + _loose_entry(pick, entry))
                lines += pick(blank)
                if entry.rest_after_s is not None:
                    lines.append(_loose_rest(pick, entry.rest_after_s))
    newline = pick(st.sampled_from(["\n", "\r\n"]))
    bom = pick(st.sampled_from(["", "\ufeff"]))
    return bom + newline.join(lines) + pick(st.sampled_from(["", newline, newline * 2]))


def _loose_entry(pick: st.DrawFn, entry: Entry) -> str:
    """An entry's prescription, marker and note in a loose spelling."""
    p = entry.prescription
    times = pick(st.sampled_from(["×", "x", "X", " x ", " × "]))
    dash = pick(st.sampled_from(["-", "–", " - "]))
    reps = f"{p.reps_min}" if p.reps_min == p.reps_max else f"{p.reps_min}{dash}{p.reps_max}"
    text = f" {p.sets}{times}{reps}"
    targets = []
    if p.load is not None:
        targets.append(_loose_load(pick, p.load))
    if p.effort is not None:
        targets.append(_loose_effort(pick, p.effort))
    if targets:
        if pick(st.booleans()):
            targets.reverse()
        text += pick(st.sampled_from([" @ ", "@", " @"])) + pick(
            st.sampled_from([", ", ",", " , "])
        ).join(targets)
    if entry.placement is Placement.FINISHER:
        text += pick(st.sampled_from([" (finisher)", "(Finisher)", " ( FINISHER )"]))
    if entry.note:
        text += pick(st.sampled_from([" -- ", "--", " --  "])) + entry.note
    return text


def _amount(low: float, high: float | None) -> str:
    return format_number(low) if high is None else f"{format_number(low)}-{format_number(high)}"


def _loose_load(pick: st.DrawFn, load: Load) -> str:
    amount = _amount(load.value, load.value_max)
    if load.type is LoadType.PERCENT_1RM:
        return amount + pick(st.sampled_from(["% 1RM", "%", "%1rm", " % 1 RM"]))
    unit = pick(st.sampled_from(["kg", "kgs"] if load.unit is Unit.KG else ["lb", "lbs"]))
    return amount + pick(st.sampled_from([" ", ""])) + unit


def _loose_effort(pick: st.DrawFn, effort: Effort) -> str:
    amount = _amount(effort.value, effort.value_max)
    if effort.type is EffortType.RPE:
        return pick(st.sampled_from(["RPE ", "rpe", "Rpe  "])) + amount
    return pick(st.sampled_from([f"{amount} RIR", f"{amount}rir", f"RIR {amount}"]))


def _loose_rest(pick: st.DrawFn, seconds: int) -> str:
    arrow = pick(st.sampled_from(["→ Rest ", "-> rest ", "  →REST  "]))
    forms = [f"{seconds}s", f"{seconds} s", f"{seconds} sec", f"{seconds} seconds"]
    forms.append(f"{seconds // 60}:{seconds % 60:02d}")
    if seconds % 60 == 0:
        forms += [f"{seconds // 60} min", f"{seconds // 60} minutes"]
    if seconds % 30 == 0:
        forms.append(f"{seconds / 60:g} min")
    if seconds >= 60 and seconds % 60:
        forms.append(f"{seconds // 60} min {seconds % 60} s")
    return arrow + pick(st.sampled_from(forms))
