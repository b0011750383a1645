"""The session JSON `live.js` reads: the workout's blocks, the sets so far, next targets."""

from __future__ import annotations

from typing import Any

from fitrec.domain.programs import Workout
from fitrec.domain.sessions import Feedback, PerformedSet, Session
from fitrec.planning.targets import Target
from fitrec.services import analytics, athletes, programs
from fitrec.services.errors import ServiceError
from fitrec.services.unit_of_work import UowFactory


def set_json(performed: PerformedSet) -> dict[str, Any]:
    """One logged set as the live page and the history read it."""
    return {
        "id": performed.id,
        "exercise_slug": performed.exercise_slug,
        "block_label": performed.block_label,
        "position": performed.position,
        "set_index": performed.set_index,
        "weight": performed.weight,
        "unit": performed.unit.value,
        "reps": performed.reps,
        "rir": performed.rir,
        "rpe": performed.rpe,
        "rest_before_s": performed.rest_before_s,
        "set_type": performed.set_type.value,
        "performed_at": performed.performed_at.isoformat() if performed.performed_at else None,
    }


def feedback_json(feedback: Feedback) -> dict[str, Any]:
    """One block's pump and exhaustion."""
    return {
        "block_label": feedback.block_label,
        "pump": feedback.pump,
        "exhaustion": feedback.exhaustion,
    }


def _workout_of(make_uow: UowFactory, owner_id: int, session: Session) -> Workout | None:
    """The program workout a session was started from (None for a free session)."""
    if not session.program_name or not session.workout_name:
        return None
    try:
        followed = session.program_id or session.program_name
        record = programs.get_program(make_uow, owner_id, followed)
        return record.program.workout(session.workout_name)
    except (ServiceError, KeyError):
        return None


def _targets(make_uow: UowFactory, owner_id: int, session: Session) -> dict[str, Target]:
    """Targets for the session's workout by label ("A1"), empty when none can be computed."""
    if not session.program_name or not session.workout_name:
        return {}
    try:
        found = analytics.next_session(
            make_uow,
            owner_id,
            program=session.program_id or session.program_name,
            workout=session.workout_name,
        )
    except ServiceError:
        return {}
    return {t.label: t for t in found.targets if t.label}


def session_json(make_uow: UowFactory, owner_id: int, session: Session) -> dict[str, Any]:
    """The whole session in the shape documented in docs/web.md (the live.js contract)."""
    unit = athletes.get_profile(make_uow, owner_id).unit.value
    workout = _workout_of(make_uow, owner_id, session)
    targets = _targets(make_uow, owner_id, session)
    blocks = []
    for block in workout.blocks if workout else []:
        entries = []
        for position, entry in enumerate(block.entries, start=1):
            target = targets.get(f"{block.label}{position}")
            effort = entry.prescription.effort
            entries.append(
                {
                    "position": position,
                    "exercise_slug": entry.exercise_slug,
                    "name": target.exercise_name if target else entry.name,
                    "sets": entry.prescription.sets,
                    "reps_min": entry.prescription.reps_min,
                    "reps_max": entry.prescription.reps_max,
                    "target_weight": target.load if target else None,
                    "target_rir": effort.rir if effort is not None else None,
                    "placement": entry.placement.value,
                }
            )
        blocks.append(
            {
                "label": block.label,
                "title": block.title,
                "transition_rest_s": block.transition_rest_s,
                "rest_after_s": block.rest_after_round_s,
                "entries": entries,
            }
        )
    next_targets = [
        {
            "exercise_slug": t.exercise_slug,
            "name": t.exercise_name,
            "weight": t.load,
            "unit": t.unit.value,
            "reps_min": t.reps,
            "reps_max": t.reps_max,
            "note": t.reason,
        }
        for t in targets.values()
        if t.load is not None
    ]
    return {
        "id": session.id,
        "workout": " — ".join(p for p in (session.program_name, session.workout_name) if p),
        "unit": unit,
        "blocks": blocks,
        "sets": [set_json(s) for s in session.sets],
        "feedback": [feedback_json(f) for f in session.feedback],
        "finished_at": session.finished_at.isoformat() if session.finished_at else None,
        "note": session.note,
        "next_targets": next_targets if session.finished_at else [],
    }
