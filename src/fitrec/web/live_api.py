"""The JSON routes `live.js` talks to (cookie + X-CSRF-Token), over the session services.

They follow the contract in docs/web.md, so the page can point at `/api/v1/sessions` once
that speaks the same shape; until then the web serves them itself under `LIVE_API`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Path
from fastapi.responses import JSONResponse

from fitrec.domain.sessions import Feedback
from fitrec.services import sessions
from fitrec.services.errors import Conflict, InvalidInput, NotFound
from fitrec.services.unit_of_work import UowFactory
from fitrec.web.auth import Viewer, require_api_viewer
from fitrec.web.deps import make_uow
from fitrec.web.live_data import feedback_json, session_json, set_json

LIVE_API = "/web/api/sessions"
SESSION_ID = r"^[A-Za-z0-9_-]{1,64}$"

router = APIRouter(prefix=LIVE_API, include_in_schema=False)
SessionId = Annotated[str, Path(pattern=SESSION_ID)]
ViewerDep = Annotated[Viewer, Depends(require_api_viewer)]
UowDep = Annotated[UowFactory, Depends(make_uow)]


def _refuse(error: Exception) -> HTTPException:
    """The HTTP answer to a service error (404, 409 or 422 with the field)."""
    if isinstance(error, NotFound):
        return HTTPException(404, str(error))
    if isinstance(error, Conflict):
        return HTTPException(409, {"message": str(error), "field": error.field})
    if isinstance(error, InvalidInput):
        return HTTPException(422, {"message": str(error), "field": error.field})
    raise error


def _when(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise HTTPException(
            422, {"message": "not an ISO 8601 time", "field": "performed_at"}
        ) from None


@router.get("/{session_id}")
def read_session(session_id: SessionId, viewer: ViewerDep, factory: UowDep) -> dict[str, Any]:
    """The session with its workout's blocks, sets, feedback and (once finished) next targets."""
    try:
        found = sessions.get_session(factory, viewer.owner_id, session_id)
    except NotFound as error:
        raise _refuse(error) from error
    return session_json(factory, viewer.owner_id, found)


@router.put("/{session_id}/sets/{set_id}")
def put_set(
    session_id: SessionId,
    set_id: Annotated[str, Path(pattern=SESSION_ID)],
    viewer: ViewerDep,
    factory: UowDep,
    body: Annotated[dict[str, Any], Body()],
) -> JSONResponse:
    """Log a set under the client's id: 201 when new, 200 when already stored."""
    try:
        logged = sessions.log_set(
            factory,
            viewer.owner_id,
            session_id,
            exercise=str(body.get("exercise_slug") or ""),
            weight=body.get("weight"),  # type: ignore[arg-type]
            reps=body.get("reps"),  # type: ignore[arg-type]
            unit=str(body.get("unit") or "kg"),
            set_type=str(body.get("set_type") or "working"),
            rpe=body.get("rpe"),
            rir=body.get("rir"),
            rest_before_s=body.get("rest_before_s"),
            note=body.get("note"),
            block_label=body.get("block_label"),
            position=body.get("position"),
            set_id=set_id,
            performed_at=_when(body.get("performed_at")),
        )
    except (NotFound, Conflict, InvalidInput) as error:
        raise _refuse(error) from error
    if logged.session_id != session_id:
        raise HTTPException(409, "this set id belongs to another session")
    return JSONResponse(set_json(logged.performed), status_code=201 if logged.created else 200)


@router.put("/{session_id}/feedback/{block_label}")
def put_feedback(
    session_id: SessionId,
    block_label: Annotated[str, Path(pattern=r"^[A-Za-z]{1,3}$")],
    viewer: ViewerDep,
    factory: UowDep,
    body: Annotated[dict[str, Any], Body()],
) -> dict[str, Any]:
    """Record how a pair felt (pump and exhaustion, 1-5)."""
    feedback = Feedback(
        block_label=block_label, pump=body.get("pump"), exhaustion=body.get("exhaustion")
    )
    try:
        sessions.save_feedback(factory, viewer.owner_id, session_id, feedback)
    except (NotFound, Conflict, InvalidInput) as error:
        raise _refuse(error) from error
    return feedback_json(feedback) | {"block_label": block_label.upper()}


@router.post("/{session_id}/finish")
def finish(
    session_id: SessionId,
    viewer: ViewerDep,
    factory: UowDep,
    body: Annotated[dict[str, Any], Body()],
) -> dict[str, Any]:
    """Finish the session with an optional note; finishing it again answers the same."""
    try:
        done = sessions.finish_session(factory, viewer.owner_id, session_id, note=body.get("note"))
    except Conflict:
        done = sessions.get_session(factory, viewer.owner_id, session_id)
        if done.finished_at is None:
            raise
    except (NotFound, InvalidInput) as error:
        raise _refuse(error) from error
    return session_json(factory, viewer.owner_id, done)
