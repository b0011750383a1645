"""Sessions and sets as JSON: the services' session view through the one schema of each.

Every set the API answers with (logged, corrected, in a session, in the history) is built
by `set_out` from `fitrec.domain.sessions.set_record`, the mapping the native export uses.
"""

from __future__ import annotations

from collections.abc import Iterable

from fitrec.api.schemas_sessions import (
    FeedbackOut,
    History,
    HistorySession,
    LastTimeOut,
    PlanBlockOut,
    PlanEntryOut,
    SessionOut,
    SetOut,
    TargetOut,
)
from fitrec.domain.sessions import PerformedSet, Session, set_record
from fitrec.planning.targets import Target
from fitrec.services.models import LastTime
from fitrec.services.session_view import PlanBlock, SessionView


def set_out(performed: PerformedSet, session_id: str | None = None) -> SetOut:
    """A stored set as JSON."""
    # Built from values the services checked already: nothing to validate again.
    return SetOut.model_construct(session_id=session_id, **set_record(performed))


def target_out(t: Target) -> TargetOut:
    """A target as the API shows it."""
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


def _last_time(last: LastTime | None) -> LastTimeOut | None:
    if last is None:
        return None
    return LastTimeOut(
        session_id=last.session_id,
        started_at=last.started_at,
        sets=[set_out(p, last.session_id) for p in last.sets],
    )


def _plan(blocks: Iterable[PlanBlock]) -> list[PlanBlockOut]:
    return [
        PlanBlockOut(
            label=block.label,
            title=block.title,
            transition_rest_s=block.transition_rest_s,
            rest_after_s=block.rest_after_s,
            entries=[
                PlanEntryOut(
                    position=e.position,
                    exercise_slug=e.exercise_slug,
                    name=e.name,
                    sets=e.sets,
                    reps_min=e.reps_min,
                    reps_max=e.reps_max,
                    target_weight=e.target_weight,
                    target_rir=e.target_rir,
                    placement=e.placement,
                    target=target_out(e.target) if e.target else None,
                    last_time=_last_time(e.last_time),
                )
                for e in block.entries
            ],
        )
        for block in blocks
    ]


def session_out(view: SessionView) -> SessionOut:
    """A whole session: plan, targets, last time, sets, feedback, rest taken."""
    session = view.session
    return SessionOut(
        id=session.id or "",
        started_at=session.started_at,
        finished_at=session.finished_at,
        workout=session.workout_name,
        program=session.program_name,
        note=session.note,
        flagged=session.flagged,
        unit=view.unit.value,
        blocks=_plan(view.blocks),
        sets=[set_out(p, session.id) for p in session.sets],
        feedback=[
            FeedbackOut(
                block_label=f.block_label, pump=f.pump, exhaustion=f.exhaustion, note=f.note
            )
            for f in session.feedback
        ],
        rest_taken_s=view.rest_taken_s,
        targets=[target_out(t) for t in view.targets],
        next_targets=[target_out(t) for t in view.next_targets],
    )


def history_out(sessions: Iterable[Session]) -> str:
    """A whole history as the JSON document of `GET /api/v1/history`."""
    return History.model_construct(
        sessions=[
            HistorySession.model_construct(
                id=s.id,
                started_at=s.started_at,
                finished_at=s.finished_at,
                workout=s.workout_name,
                program=s.program_name,
                flagged=s.flagged,
                sets=[set_out(p, s.id) for p in s.sets],
            )
            for s in sessions
        ]
    ).model_dump_json()
