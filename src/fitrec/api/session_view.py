"""A session as the API shows it: its plan (the program's workout), sets, feedback, targets."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from fitrec.api.schemas_training import (
    FeedbackOut,
    PlanBlockOut,
    PlanEntryOut,
    SessionOut,
    SetOut,
    TargetOut,
)
from fitrec.domain.programs import Workout
from fitrec.domain.sessions import PerformedSet, Session
from fitrec.domain.units import Unit, convert
from fitrec.planning.targets import Target
from fitrec.services.errors import ServiceError
from fitrec.services.unit_of_work import UowFactory


def set_out(performed: PerformedSet, session_id: str | None = None) -> SetOut:
    """A stored set as JSON."""
    return SetOut(
        id=performed.id or "",
        session_id=session_id,
        exercise_slug=performed.exercise_slug,
        block_label=performed.block_label,
        position=performed.position,
        set_index=performed.set_index,
        set_type=performed.set_type.value,
        weight=performed.weight,
        unit=performed.unit.value,
        reps=performed.reps,
        rpe=performed.rpe,
        rir=performed.rir,
        rest_before_s=performed.rest_before_s,
        note=performed.note,
        flagged=performed.flagged,
        performed_at=performed.performed_at,
    )


def _plan(workout: Workout, unit: Unit) -> list[PlanBlockOut]:
    """The workout's blocks, absolute loads in `unit` (the session's)."""
    blocks = []
    for block in workout.blocks:
        entries = []
        for position, entry in enumerate(block.entries, start=1):
            p = entry.prescription
            absolute = p.load is not None and p.load.type.value == "absolute"
            entries.append(
                PlanEntryOut(
                    position=position,
                    exercise_slug=entry.exercise_slug,
                    name=entry.name,
                    sets=p.sets,
                    reps_min=p.reps_min,
                    reps_max=p.reps_max,
                    target_weight=round(convert(p.load.value, p.load.unit or unit, unit), 2)
                    if absolute and p.load
                    else None,
                    target_rir=p.effort.rir if p.effort else None,
                    placement=entry.placement.value,
                )
            )
        blocks.append(
            PlanBlockOut(
                label=block.label,
                title=block.title,
                transition_rest_s=block.transition_rest_s,
                rest_after_s=block.rest_after_round_s,
                entries=entries,
            )
        )
    return blocks


def _workout(make_uow: UowFactory, owner_id: int, session: Session) -> Workout | None:
    from fitrec.services.programs import get_program

    if not session.program_name or not session.workout_name:
        return None
    try:
        followed = session.program_id or session.program_name
        program = get_program(make_uow, owner_id, followed).program
        return program.workout(session.workout_name)
    except (ServiceError, KeyError):
        return None  # the program was deleted since: the sets still show


def _targets(make_uow: UowFactory, owner_id: int, session: Session) -> list[TargetOut]:
    from fitrec.services.analytics import next_session

    if session.finished_at is None or not session.program_name:
        return []
    try:
        plan = next_session(
            make_uow, owner_id, session.program_id or session.program_name, session.workout_name
        )
    except ServiceError:
        return []
    return [target_out(t) for t in plan.targets]


def target_out(t: Target) -> TargetOut:
    """A next-session target as the API shows it."""
    return TargetOut(
        exercise_slug=t.exercise_slug,
        name=t.exercise_name,
        label=t.label,
        sets=t.sets,
        reps=t.reps,
        reps_min=t.reps_min,
        reps_max=t.reps_max,
        weight=t.load,
        unit=t.unit.value,
        effort=t.effort,
        rule=t.rule.value,
        note=t.reason,
    )


def session_out(make_uow: UowFactory, owner_id: int, session: Session) -> SessionOut:
    """A whole session with its plan and, once finished, the targets for next time."""
    from fitrec.services.athletes import get_profile

    workout = _workout(make_uow, owner_id, session)
    unit = get_profile(make_uow, owner_id).unit
    return SessionOut(
        id=session.id or "",
        started_at=session.started_at,
        finished_at=session.finished_at,
        workout=session.workout_name,
        program=session.program_name,
        note=session.note,
        flagged=session.flagged,
        unit=unit.value,
        blocks=_plan(workout, unit) if workout else [],
        sets=[set_out(p, session.id) for p in session.sets],
        feedback=[
            FeedbackOut(
                block_label=f.block_label, pump=f.pump, exhaustion=f.exhaustion, note=f.note
            )
            for f in session.feedback
        ],
        next_targets=_targets(make_uow, owner_id, session),
    )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def history_json(sessions: list[Session]) -> bytes:
    """A whole history as compact JSON, built without per-row models (it can be 100k sets)."""
    out: list[dict[str, Any]] = []
    for s in sessions:
        out.append(
            {
                "id": s.id,
                "started_at": _iso(s.started_at),
                "finished_at": _iso(s.finished_at),
                "workout": s.workout_name,
                "program": s.program_name,
                "flagged": s.flagged,
                "sets": [
                    {
                        "id": p.id,
                        "exercise_slug": p.exercise_slug,
                        "block_label": p.block_label,
                        "position": p.position,
                        "set_index": p.set_index,
                        "set_type": p.set_type.value,
                        "weight": p.weight,
                        "unit": p.unit.value,
                        "reps": p.reps,
                        "rpe": p.rpe,
                        "rir": p.rir,
                        "rest_before_s": p.rest_before_s,
                        "flagged": p.flagged,
                        "performed_at": _iso(p.performed_at),
                    }
                    for p in s.sets
                ],
            }
        )
    return json.dumps({"sessions": out}, separators=(",", ":")).encode()
