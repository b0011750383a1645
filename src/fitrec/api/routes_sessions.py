"""Sessions: start, log sets idempotently under the client's id, feedback, finish, history."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from fitrec.api.deps import Owner, Uow, blocking
from fitrec.api.problems import problem_responses
from fitrec.api.schemas_sessions import (
    BlockFeedbackIn,
    ConfirmIn,
    FinishIn,
    History,
    SessionIn,
    SessionOut,
    SessionPage,
    SessionSummaryOut,
    SetIn,
    SetOut,
    SetPatch,
)
from fitrec.api.session_view import history_out, session_out, set_out
from fitrec.domain.sessions import Feedback
from fitrec.services import history as session_history
from fitrec.services import sessions
from fitrec.services.errors import NotFound
from fitrec.services.exercises import resolve_exercise
from fitrec.services.history_document import history_document
from fitrec.services.session_view import read_session
from fitrec.services.unit_of_work import UowFactory

router = APIRouter(tags=["sessions"])
MAX_ID = 64
SET_ID_PATTERN = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
SessionId = Annotated[str, Path(min_length=1, max_length=MAX_ID)]
SetId = Annotated[str, Path(min_length=1, max_length=MAX_ID, pattern=SET_ID_PATTERN.pattern)]
READ = problem_responses(401, 404)
WRITE = problem_responses(401, 403, 404, 409, 422)
MAX_PAGE = 200


# Routes are matched in the order they are declared: the hottest first (logging a set).
@router.put(
    "/sessions/{session_id}/sets/{set_id}",
    response_model=SetOut,
    responses={
        **WRITE,
        201: {"description": "Stored now", "model": SetOut},
        200: {"description": "Already stored under this id: the stored set"},
    },
)
async def put_set(
    session_id: SessionId,
    set_id: SetId,
    body: SetIn,
    owner: Owner,
    make_uow: Uow,
    request: Request,
) -> Response:
    """Log a set under the client's id: 201 the first time, 200 with the stored set after."""
    created, document = await blocking(
        request, _logged_document, make_uow, owner, session_id, set_id, body
    )
    status = 201 if created else 200
    return Response(document, status_code=status, media_type="application/json")


def _logged_document(
    make_uow: UowFactory, owner: int, session_id: str, set_id: str, body: SetIn
) -> tuple[bool, str]:
    logged = sessions.log_set(
        make_uow,
        owner,
        session_id,
        exercise=body.exercise_slug or body.exercise or "",
        weight=body.weight,
        reps=body.reps,
        unit=body.unit,
        set_type=body.set_type,
        rpe=body.rpe,
        rir=body.rir,
        rest_before_s=body.rest_before_s,
        note=body.note,
        block_label=body.block_label,
        position=body.position,
        set_id=set_id,
        performed_at=body.performed_at,
    )
    return logged.created, set_out(logged.performed, logged.session_id).model_dump_json()


@router.get("/sessions/{session_id}", response_model=SessionOut, responses=READ)
async def get_session(
    session_id: SessionId, owner: Owner, make_uow: Uow, request: Request
) -> Response:
    """A session: plan, targets, last time, sets, feedback, rest taken (one read)."""
    document = await blocking(request, _session_document, make_uow, owner, session_id)
    return Response(document, media_type="application/json")


def _session_document(make_uow: UowFactory, owner: int, session_id: str) -> str:
    return session_out(read_session(make_uow, owner, session_id)).model_dump_json()


@router.post("/sessions", status_code=201, response_model=SessionOut, responses=WRITE)
def start_session(body: SessionIn, owner: Owner, make_uow: Uow) -> SessionOut:
    """Start a session from a program's workout (`program_id`, `workout`) or a free one."""
    opened = sessions.start_session(
        make_uow, owner, program=body.program_id, workout=body.workout, started_at=body.started_at
    )
    return session_out(read_session(make_uow, owner, opened.id))


@router.get("/sessions", response_model=SessionPage, responses=problem_responses(401, 422))
def list_sessions(
    owner: Owner,
    make_uow: Uow,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> SessionPage:
    """The history, newest first, a page at a time (at most 200 per page)."""
    rows = sessions.list_sessions(make_uow, owner, limit=limit + 1, offset=offset)
    items = [
        SessionSummaryOut(
            id=s.id,
            started_at=s.started_at,
            finished_at=s.finished_at,
            workout=s.workout_name,
            program=s.program_name,
            set_count=s.set_count,
            volume_kg=s.volume_kg,
            source=s.source,
        )
        for s in rows[:limit]
    ]
    more = len(rows) > limit
    return SessionPage(
        items=items, limit=limit, offset=offset, next_offset=offset + limit if more else None
    )


@router.get("/history", response_model=History, responses=problem_responses(401, 422))
def history(
    owner: Owner,
    make_uow: Uow,
    exercise: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    since: datetime | None = None,
) -> Response:
    """Every session with every set, oldest first (optionally one exercise, or since a time)."""
    slug = None
    if exercise is not None:
        with make_uow(read_only=True) as uow:
            slug = resolve_exercise(uow, owner, exercise).slug
    # Kept in the analytics cache while the history is unchanged (see history_document).
    document = history_document(make_uow, owner, history_out, exercise_slug=slug, since=since)
    return Response(document, media_type="application/json")


@router.post("/sessions/{session_id}/confirm", response_model=SessionOut, responses=WRITE)
def confirm_session(
    session_id: SessionId, body: ConfirmIn, owner: Owner, make_uow: Uow
) -> SessionOut:
    """Clear a session's duration flag: its end time was real, or `finished_at` corrects it."""
    session_history.confirm_session(make_uow, owner, session_id, finished_at=body.finished_at)
    return session_out(read_session(make_uow, owner, session_id))


@router.delete(
    "/sessions/{session_id}", status_code=204, responses=problem_responses(401, 403, 404)
)
def delete_session(session_id: SessionId, owner: Owner, make_uow: Uow) -> Response:
    """Delete a session with its sets and feedback."""
    sessions.delete_session(make_uow, owner, session_id)
    return Response(status_code=204)


def _in_session(make_uow: Uow, owner: int, session_id: str, set_id: str) -> None:
    found = sessions.get_session(make_uow, owner, session_id)
    if not any(p.id == set_id for p in found.sets):
        raise NotFound("set", set_id)


@router.patch("/sessions/{session_id}/sets/{set_id}", response_model=SetOut, responses=WRITE)
def patch_set(
    session_id: SessionId, set_id: SetId, body: SetPatch, owner: Owner, make_uow: Uow
) -> SetOut:
    """Correct some values of a logged set (fields left out stay as they are)."""
    _in_session(make_uow, owner, session_id, set_id)
    changes: dict[str, Any] = body.model_dump(exclude_unset=True)
    updated = sessions.correct_set(make_uow, owner, set_id, changes)
    return set_out(updated, session_id)


@router.delete(
    "/sessions/{session_id}/sets/{set_id}",
    status_code=204,
    responses=problem_responses(401, 403, 404),
)
def delete_set(session_id: SessionId, set_id: SetId, owner: Owner, make_uow: Uow) -> Response:
    """Delete a logged set."""
    _in_session(make_uow, owner, session_id, set_id)
    sessions.delete_set(make_uow, owner, set_id)
    return Response(status_code=204)


@router.put(
    "/sessions/{session_id}/feedback/{block_label}", response_model=SessionOut, responses=WRITE
)
def put_feedback(
    session_id: SessionId,
    block_label: Annotated[str, Path(pattern=r"^[A-Za-z]{1,3}$")],
    body: BlockFeedbackIn,
    owner: Owner,
    make_uow: Uow,
) -> SessionOut:
    """Record how one block of the session's workout felt (pump and exhaustion 1-5)."""
    feedback = Feedback(block_label, body.pump, body.exhaustion, body.note)
    sessions.save_feedback(make_uow, owner, session_id, feedback)
    return session_out(read_session(make_uow, owner, session_id))


@router.post("/sessions/{session_id}/finish", response_model=SessionOut, responses=WRITE)
def finish(session_id: SessionId, body: FinishIn, owner: Owner, make_uow: Uow) -> SessionOut:
    """Finish a session with feedback per block and a note; finishing twice answers the same."""
    current = read_session(make_uow, owner, session_id)
    if current.session.finished_at is not None:
        return session_out(current)
    feedback = [Feedback(f.block_label, f.pump, f.exhaustion, f.note) for f in body.feedback]
    sessions.finish_session(make_uow, owner, session_id, feedback=feedback, note=body.note)
    return session_out(read_session(make_uow, owner, session_id))
