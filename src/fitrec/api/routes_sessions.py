"""Sessions: start, log sets idempotently under the client's id, feedback, finish, history."""

from __future__ import annotations

import functools
import re
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from fitrec.api.deps import SIGNED_IN, Caller, Owner, Uow, current_caller, invalid_token
from fitrec.api.direct_route import direct_route
from fitrec.api.problems import problem_responses
from fitrec.api.schemas import Instant
from fitrec.api.schemas_training import (
    ConfirmIn,
    FeedbackIn,
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
from fitrec.api.session_view import session_out, set_out
from fitrec.domain.sessions import Feedback
from fitrec.services import accounts, sessions
from fitrec.services import history as session_history
from fitrec.services.history_document import history_document
from fitrec.services.unit_of_work import UowFactory
from fitrec.services.validation import NAME_PATTERN

router = APIRouter(tags=["sessions"])
MAX_ID = 64
SET_ID_PATTERN = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
SessionId = Annotated[str, Path(min_length=1, max_length=MAX_ID, pattern=NAME_PATTERN)]
SetId = Annotated[str, Path(min_length=1, max_length=MAX_ID, pattern=SET_ID_PATTERN.pattern)]
READ = problem_responses(401, 404)
WRITE = problem_responses(401, 403, 404, 409, 422)
MAX_PAGE = 200


# Routes are matched in the order they are declared: the hottest first (logging a set).
async def put_set(
    session_id: SessionId, set_id: SetId, body: SetIn, caller: Caller, request: Request
) -> Response:
    """Log a set under the client's id: 201 the first time, 200 with the stored set after."""
    return await _put_set(request, caller, session_id, set_id, body)


async def _put_set_direct(request: Request) -> Response | None:
    # `put_set` for a well-formed request, checked as its declaration checks it; None for
    # anything else, which FastAPI then answers as declared (its error documents included).
    if request.headers.get("content-type") != "application/json":
        return None
    session_id = request.path_params["session_id"]
    set_id = request.path_params["set_id"]
    if not 0 < len(session_id) <= MAX_ID or not SET_ID_PATTERN.fullmatch(set_id):
        return None
    try:
        caller = await current_caller(request)
        body = SetIn.model_validate_json(await request.body())
    except (HTTPException, ValidationError):
        return None
    return await _put_set(request, caller, session_id, set_id, body)


router.add_api_route(
    "/sessions/{session_id}/sets/{set_id}",
    put_set,
    methods=["PUT"],
    response_model=SetOut,
    responses={
        **WRITE,
        201: {"description": "Stored now", "model": SetOut},
        200: {"description": "Already stored under this id: the stored set"},
    },
    openapi_extra=SIGNED_IN,
    route_class_override=direct_route(_put_set_direct),
)


async def _put_set(
    request: Request, caller: accounts.Caller, session_id: str, set_id: str, body: SetIn
) -> Response:
    state = request.app.state
    work = functools.partial(_logged_document, state.make_uow, caller, session_id, set_id, body)
    if state.inline_writes:
        # Blocks this worker's loop for one short statement (see install_api); the
        # response is written here too, not validated again in a second thread hop.
        created, document = work()
    else:
        created, document = await run_in_threadpool(work)
    return Response(document, status_code=201 if created else 200, media_type="application/json")


def _logged_document(
    make_uow: UowFactory, caller: accounts.Caller, session_id: str, set_id: str, body: SetIn
) -> tuple[bool, str]:
    try:
        logged = _log_set(make_uow, caller, session_id, set_id, body)
    except accounts.InvalidToken:
        raise invalid_token() from None
    return logged.created, set_out(logged.performed, logged.session_id).model_dump_json()


def _log_set(
    make_uow: UowFactory, caller: accounts.Caller, session_id: str, set_id: str, body: SetIn
) -> sessions.LoggedSet:
    # The bearer token is checked in the logging transaction: one transaction per set.
    return sessions.log_set(
        make_uow,
        caller,
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


@router.get("/sessions/{session_id}", response_model=SessionOut, responses=READ)
def get_session(session_id: SessionId, owner: Owner, make_uow: Uow) -> SessionOut:
    """A session: its plan, sets, feedback and (when finished) targets for next time."""
    return session_out(make_uow, owner, sessions.get_session(make_uow, owner, session_id))


@router.post("/sessions", status_code=201, response_model=SessionOut, responses=WRITE)
def start_session(owner: Owner, make_uow: Uow, body: SessionIn | None = None) -> SessionOut:
    """Start a session from a program's workout (`program_id`, `workout`) or a free one."""
    body = body or SessionIn()
    opened = sessions.start_session(
        make_uow, owner, program=body.program_id, workout=body.workout, started_at=body.started_at
    )
    return session_out(make_uow, owner, sessions.get_session(make_uow, owner, opened.id))


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
    since: Instant | None = None,
) -> Response:
    """Every session with every set, oldest first (optionally one exercise, or since a time)."""
    slug = None
    if exercise is not None:
        from fitrec.services.exercises import resolve_exercise

        with make_uow() as uow:
            slug = resolve_exercise(uow, owner, exercise).slug
    # The database writes the document (see fitrec.store.history_json): no model per set.
    document = history_document(make_uow, owner, exercise_slug=slug, since=since)
    return Response(document, media_type="application/json")


@router.post("/sessions/{session_id}/confirm", response_model=SessionOut, responses=WRITE)
def confirm_session(
    session_id: SessionId, body: ConfirmIn, owner: Owner, make_uow: Uow
) -> SessionOut:
    """Clear a session's duration flag: its end time was real, or `finished_at` corrects it."""
    session_history.confirm_session(make_uow, owner, session_id, finished_at=body.finished_at)
    return session_out(make_uow, owner, sessions.get_session(make_uow, owner, session_id))


@router.delete(
    "/sessions/{session_id}", status_code=204, responses=problem_responses(401, 403, 404)
)
def delete_session(session_id: SessionId, owner: Owner, make_uow: Uow) -> Response:
    """Delete a session with its sets and feedback."""
    sessions.delete_session(make_uow, owner, session_id)
    return Response(status_code=204)


def _in_session(make_uow: Uow, owner: int, session_id: str, set_id: str) -> None:
    from fitrec.services.errors import NotFound

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
    body: FeedbackIn,
    owner: Owner,
    make_uow: Uow,
) -> SessionOut:
    """Record how one block felt (pump and exhaustion 1-5), during or after the session."""
    feedback = Feedback(block_label, body.pump, body.exhaustion, body.note)
    done = sessions.save_feedback(make_uow, owner, session_id, feedback)
    return session_out(make_uow, owner, done)


@router.post("/sessions/{session_id}/finish", response_model=SessionOut, responses=WRITE)
def finish(session_id: SessionId, body: FinishIn, owner: Owner, make_uow: Uow) -> SessionOut:
    """Finish a session with feedback per block and a note; finishing twice answers the same."""
    current = sessions.get_session(make_uow, owner, session_id)
    if current.finished_at is not None:
        return session_out(make_uow, owner, current)
    feedback = [Feedback(f.block_label, f.pump, f.exhaustion, f.note) for f in body.feedback]
    done = sessions.finish_session(make_uow, owner, session_id, feedback=feedback, note=body.note)
    return session_out(make_uow, owner, done)
