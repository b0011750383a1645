"""Programs between the API's JSON and the domain: structured input becomes notation text."""

from __future__ import annotations

from fitrec.api.schemas_training import (
    BlockOut,
    EffortOut,
    EntryOut,
    LoadOut,
    ProgramIn,
    ProgramOut,
    WorkoutOut,
)
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
from fitrec.services.errors import InvalidInput
from fitrec.services.models import ProgramRecord


def program_text(body: ProgramIn) -> str:
    """The notation text of a program given as text or as structured JSON."""
    from fitrec.textformat import format_program

    if body.text is not None:
        return body.text
    try:
        return format_program(_structured(body))
    except ValueError as error:
        raise InvalidInput("workouts", str(error)) from None


def _structured(body: ProgramIn) -> Program:
    assert body.name is not None and body.workouts
    return Program(
        name=body.name,
        phase=Phase(body.phase) if body.phase else None,
        level=Level(body.level) if body.level else None,
        training_age_months=body.training_age_months,
        workouts=[
            Workout(
                name=w.name,
                blocks=[
                    Block(
                        label=b.label.upper(),
                        title=b.title,
                        entries=[
                            Entry(
                                name=e.exercise,
                                prescription=Prescription(
                                    sets=e.sets,
                                    reps_min=e.reps_min,
                                    reps_max=e.reps_max or e.reps_min,
                                    load=Load(
                                        LoadType(e.load.type),
                                        e.load.value,
                                        e.load.value_max,
                                        Unit.parse(e.load.unit) if e.load.unit else None,
                                    )
                                    if e.load
                                    else None,
                                    effort=Effort(
                                        EffortType(e.effort.type),
                                        e.effort.value,
                                        e.effort.value_max,
                                    )
                                    if e.effort
                                    else None,
                                ),
                                rest_after_s=e.rest_after_s,
                                placement=Placement(e.placement),
                                note=e.note,
                            )
                            for e in b.entries
                        ],
                    )
                    for b in w.blocks
                ],
            )
            for w in body.workouts
        ],
    )


def _entry(entry: Entry) -> EntryOut:
    p = entry.prescription
    load = p.load
    effort = p.effort
    return EntryOut(
        exercise=entry.name,
        exercise_slug=entry.exercise_slug,
        sets=p.sets,
        reps_min=p.reps_min,
        reps_max=p.reps_max,
        load=LoadOut(
            type=load.type.value,
            value=load.value,
            value_max=load.value_max,
            unit=load.unit.value if load.unit else None,
        )
        if load
        else None,
        effort=EffortOut(type=effort.type.value, value=effort.value, value_max=effort.value_max)
        if effort
        else None,
        rest_after_s=entry.rest_after_s,
        placement=entry.placement.value,
        note=entry.note,
    )


def program_out(record: ProgramRecord) -> ProgramOut:
    """A stored program as JSON: its structure and its canonical text."""
    from fitrec.textformat import format_program

    program = record.program
    return ProgramOut(
        id=record.id,
        name=program.name,
        phase=program.phase.value if program.phase else None,
        level=program.level.value if program.level else None,
        training_age_months=program.training_age_months,
        template=record.template,
        created_at=record.created_at,
        updated_at=record.updated_at,
        workouts=[
            WorkoutOut(
                name=w.name,
                blocks=[
                    BlockOut(label=b.label, title=b.title, entries=[_entry(e) for e in b.entries])
                    for b in w.blocks
                ],
            )
            for w in program.workouts
        ],
        text=format_program(program),
    )
