"""Write a Program in the canonical form of the article's notation."""

from __future__ import annotations

from fitrec.domain.programs import (
    Block,
    Effort,
    EffortType,
    Entry,
    Load,
    LoadType,
    Placement,
    Prescription,
    Program,
    Workout,
)


def format_program(program: Program) -> str:
    """The canonical text of `program`: header, then each workout and its blocks."""
    header = [f"program: {program.name}"]
    if program.phase is not None:
        header.append(f"phase: {program.phase.value}")
    if program.level is not None:
        header.append(f"level: {program.level.value}")
    if program.training_age_months is not None:
        header.append(f"training age: {format_training_age(program.training_age_months)}")
    chunks = ["\n".join(header)]
    for workout in program.workouts:
        chunks.extend(_workout_chunks(workout))
    return "\n\n".join(chunks) + "\n"


def _workout_chunks(workout: Workout) -> list[str]:
    """The `## NAME` line and one chunk per block (chunks are separated by blank lines)."""
    return [f"## {workout.name}", *(format_block(block) for block in workout.blocks)]


def format_block(block: Block) -> str:
    """A block's title line, entries and rest lines (no trailing newline)."""
    lines = [f"{block.title}:"] if block.title else []
    single = len(block.entries) == 1
    for number, entry in enumerate(block.entries, start=1):
        label = f"{block.label}." if single else f"{block.label}{number}."
        lines.append(f"{label} {format_entry(entry)}")
        if entry.rest_after_s is not None:
            lines.append(format_rest_line(entry.rest_after_s))
    return "\n".join(lines)


def format_entry(entry: Entry) -> str:
    """An entry after its label: `Barbell Bench Press: 4×8 @ 80% 1RM`."""
    text = f"{entry.name}: {format_prescription(entry.prescription)}"
    if entry.placement is Placement.FINISHER:
        text += " (finisher)"
    if entry.note:
        text += f" -- {entry.note}"
    return text


def format_prescription(prescription: Prescription) -> str:
    """`4×8`, `3×6-10 @ RPE 8`, `4×8 @ 80% 1RM, 2 RIR`."""
    reps = _span(prescription.reps_min, prescription.reps_max)
    text = f"{prescription.sets}×{reps}"
    targets = []
    if prescription.load is not None:
        targets.append(format_load(prescription.load))
    if prescription.effort is not None:
        targets.append(format_effort(prescription.effort))
    if targets:
        text += " @ " + ", ".join(targets)
    return text


def format_load(load: Load) -> str:
    """`80% 1RM`, `75-85% 1RM`, `100 kg`, `225 lb`."""
    amount = _span(load.value, load.value_max)
    if load.type is LoadType.PERCENT_1RM:
        return f"{amount}% 1RM"
    if load.unit is None:
        raise ValueError(f"an absolute load of {amount} has no unit (kg or lb)")
    return f"{amount} {load.unit.value}"


def format_effort(effort: Effort) -> str:
    """`RPE 8`, `RPE 8-9`, `0 RIR`, `0-1 RIR`."""
    amount = _span(effort.value, effort.value_max)
    return f"RPE {amount}" if effort.type is EffortType.RPE else f"{amount} RIR"


def format_rest(seconds: int) -> str:
    """A rest duration as the notation writes it: `60 seconds`, `1 second`."""
    return f"{seconds} second" if seconds == 1 else f"{seconds} seconds"


def format_rest_line(seconds: int) -> str:
    """A whole rest line: `→ Rest 60 seconds`."""
    return f"→ Rest {format_rest(seconds)}"


def format_training_age(months: int) -> str:
    """`8 months`, `1 year`, `2 years` (years when a whole multiple of 12)."""
    if months and months % 12 == 0:
        years = months // 12
        return "1 year" if years == 1 else f"{years} years"
    return "1 month" if months == 1 else f"{months} months"


def format_number(value: float) -> str:
    """A number without needless decimals: 80, 82.5."""
    if value == int(value):
        return str(int(value))
    text = repr(float(value))
    if "e" in text:
        text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text


def _span(low: float, high: float | None) -> str:
    """One number, or a range `low-high` when `high` differs."""
    if high is None or high == low:
        return format_number(low)
    return f"{format_number(low)}-{format_number(high)}"
