"""The generator's explanations: one line in plain words per choice it made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fitrec.domain.programs import Phase, Workout
from fitrec.planning.builder import MIN_PAIR_TRAINING_AGE
from fitrec.planning.landmarks import LANDMARKS, PlanMuscle

if TYPE_CHECKING:
    from fitrec.planning.builder import Builder


def _num(value: float) -> str:
    return f"{value:g}"


def _days_text(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"day {numbers[0]}"
    return "days " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def explain(
    builder: Builder, workouts: list[Workout], minutes: tuple[float, ...]
) -> tuple[str, ...]:
    """Every explanation of a built program, in the order a lifter reads them."""
    request = builder.request
    lines = [_setup_line(builder)]
    lines.append(_phase_line(builder))
    for muscle in (*builder.priority, *(m for m in PlanMuscle if m not in builder.priority)):
        lines.append(_muscle_line(builder, muscle, workouts))
    lines.append(
        "Prescriptions (the article's ranges): compounds 6-10 reps at 80 % 1RM, legs 8-12 at "
        "75 % (strength phase: 6-8 at 85 %, legs 8-10 at 80 %), bodyweight compounds at 1-2 "
        "RIR; isolations 12-15 reps (quadriceps 15-20) to 0-1 RIR in a pair, with as many "
        "sets as the compound; 60 s between A1 and A2 (90 s for legs), 90-120 s after a round."
    )
    for workout, length in zip(workouts, minutes, strict=True):
        sets = sum(e.prescription.sets for b in workout.blocks for e in b.entries)
        lines.append(
            f"{workout.name}: about {_num(length)} minutes ({sets} sets with their rests; "
            f"{request.minutes} asked)."
        )
    return tuple(lines)


def _setup_line(builder: Builder) -> str:
    request = builder.request
    level = request.level.value
    if not builder.pairs_on:
        return (
            f"{request.days} days a week, up to {request.minutes} minutes a session, {level}: "
            "no post-exhaust pairs (see the phase and training age)."
        )
    return (
        f"{request.days} days a week, up to {request.minutes} minutes a session, {level}: "
        f"up to {builder.pair_cap} post-exhaust pair{'s' if builder.pair_cap != 1 else ''} "
        f"a workout on up to {builder.pair_days_cap} days a week (the article's caps for "
        f"the level)."
    )


def _phase_line(builder: Builder) -> str:
    request = builder.request
    age = request.training_age_months
    if request.phase is Phase.STRENGTH:
        return (
            "Strength phase: straight sets only; the article keeps post-exhaust out of pure "
            "strength training and peaking."
        )
    if age is not None and age < MIN_PAIR_TRAINING_AGE:
        return (
            f"{age} months of training: straight sets only; the article adds one pair after "
            f"{MIN_PAIR_TRAINING_AGE}-12 months."
        )
    if request.phase is Phase.MAINTENANCE:
        return (
            "Maintenance phase: priority muscles at their MEV, the rest at their MV "
            "(maintenance volume)."
        )
    if not builder.priority:
        return (
            "Hypertrophy phase, no priority muscles: straight sets; post-exhaust is for "
            "stubborn muscles, so name them with --focus."
        )
    return (
        "Hypertrophy phase: priority muscles get post-exhaust pairs and MEV to MAV sets a "
        "week, the rest at least MV (RP's volume landmarks)."
    )


def _why_short(builder: Builder, muscle: PlanMuscle) -> str:
    capped = builder.blocked.get(muscle, ())
    if capped:
        names = ", ".join(m.value for m in capped)
        return f"more sets would take {names} past its weekly cap (MAV for a priority, else MRV)"
    request = builder.request
    return f"{request.minutes} minutes on {request.days} days leave no room for more"


def _muscle_line(builder: Builder, muscle: PlanMuscle, workouts: list[Workout]) -> str:
    marks = LANDMARKS[muscle]
    count = builder.counts[muscle]
    choice = builder.choices[muscle]
    name = muscle.value
    if choice.main is None:
        have = ", ".join(e.value for e in builder.request.equipment)
        return f"{name}: no exercise in the catalogue trains it with {have}."
    pairs: dict[str, list[int]] = {}
    straight: list[int] = []
    extra: dict[str, list[int]] = {}
    isolations = {e.slug for e in builder.menus[muscle].isolations}
    for number, workout in enumerate(workouts, start=1):
        for block in workout.blocks:
            first = block.entries[0]
            if len(block.entries) == 1 and first.exercise_slug in isolations - {choice.main.slug}:
                extra.setdefault(first.name, []).append(number)
            if block.entries[0].exercise_slug != choice.main.slug:
                continue
            if len(block.entries) == 2:
                pairs.setdefault(block.label, []).append(number)
            else:
                straight.append(number)
    parts = []
    for label, numbers in pairs.items():
        assert choice.partner is not None
        parts.append(
            f"pair {label} ({choice.main.name} → {choice.partner.name}) on {_days_text(numbers)}"
        )
    if straight:
        text = f"{choice.main.name} as straight sets on {_days_text(straight)}"
        if muscle in builder.priority and builder.pairs_on:
            if choice.partner is None:
                text += " (no isolation that finishes it with the equipment given)"
            else:
                text += " (the level's pair caps are reached there)"
        parts.append(text)
    for iso_name, numbers in extra.items():
        parts.append(f"{iso_name} as extra straight sets on {_days_text(numbers)}")
    where = "; ".join(parts) if parts else "trained only through other exercises"
    if muscle in builder.priority:
        goal = f"MEV {_num(marks.mev)} to MAV {_num(marks.mav_low)}-{_num(marks.mav_high)}"
        met = marks.mev <= count <= marks.mav_high
        lead = f"{name} is a priority: "
    else:
        goal = f"at least MV {_num(marks.mv)}"
        met = count >= marks.mv
        lead = f"{name}: "
    line = f"{lead}{where}; {_num(count)} sets a week ({goal})"
    if not met and count < (marks.mev if muscle in builder.priority else marks.mv):
        line += "; short of the goal: " + _why_short(builder, muscle)
    return line + "."
