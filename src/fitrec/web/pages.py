"""The page router: every server-rendered page of the web app."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fitrec.services.errors import ServiceError
from fitrec.services.unit_of_work import UowFactory
from fitrec.web import account_pages, builder_pages, cycle_pages, import_pages
from fitrec.web.auth import CSRF_FIELD, Viewer, check_form_token, optional_viewer, require_viewer
from fitrec.web.deps import make_uow
from fitrec.web.rendering import render

router = APIRouter(include_in_schema=False)
router.include_router(account_pages.router)
router.include_router(builder_pages.router)
router.include_router(cycle_pages.router)
router.include_router(import_pages.router)

# The live page reads and writes the session through the API, as any client does.
API_SESSIONS = "/api/v1/sessions"
# Session ids are opaque public ids (UUID hex); anything else is not a session.
SESSION_ID = r"^[A-Za-z0-9_-]{1,64}$"
ViewerDep = Annotated[Viewer, Depends(require_viewer)]
UowDep = Annotated[UowFactory, Depends(make_uow)]
CsrfField = Annotated[str, Form(alias=CSRF_FIELD)]


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/", response_class=HTMLResponse, name="home")
def home(
    request: Request,
    viewer: Annotated[Viewer | None, Depends(optional_viewer)],
    factory: UowDep,
) -> Response:
    """Today: the next workout and its targets, the latest findings, the last sessions."""
    if viewer is None:
        return render(request, "home.html", nav="home")
    from fitrec.web.dashboard import dashboard

    return render(request, "dashboard.html", nav="home", **dashboard(factory, viewer.owner_id))


@router.post("/sessions/start", name="start_workout")
def start_session(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    program: Annotated[str, Form()],
    workout: Annotated[str, Form()] = "",
) -> Response:
    """Start a session from a program's workout and open the live workout."""
    from fitrec.services import sessions

    check_form_token(request, viewer, csrf)
    try:
        opened = sessions.start_session(
            factory, viewer.owner_id, program=program, workout=workout or None
        )
    except ServiceError as error:
        raise HTTPException(422, str(error)) from error
    return _see_other(f"/workout/{opened.id}")


@router.get("/workout/{session_id}", response_class=HTMLResponse, name="live_workout")
def live_workout(
    request: Request, session_id: Annotated[str, Path(pattern=SESSION_ID)], viewer: ViewerDep
) -> HTMLResponse:
    """The live workout of a started session, driven by `live.js`."""
    return render(
        request,
        "live.html",
        nav="workout",
        session_id=session_id,
        api=f"{API_SESSIONS}/{session_id}",
    )


@router.get("/history", response_class=HTMLResponse, name="history_page")
def history(request: Request, viewer: ViewerDep, factory: UowDep, page: int = 1) -> HTMLResponse:
    """The sessions, newest first, 30 a page."""
    from fitrec.services import athletes, sessions

    page = max(1, page)
    rows = sessions.list_sessions(factory, viewer.owner_id, limit=31, offset=(page - 1) * 30)
    return render(
        request,
        "history.html",
        nav="history_page",
        unit=athletes.get_profile(factory, viewer.owner_id).unit.value,
        sessions=rows[:30],
        page=page,
        more=len(rows) > 30,
    )


def _session_context(factory: UowFactory, owner_id: int, session_id: str) -> dict[str, Any]:
    from fitrec.services.session_view import read_session
    from fitrec.web.lookup import owner_lookup

    # The same read model the API answers `GET /api/v1/sessions/{id}` with.
    try:
        view = read_session(factory, owner_id, session_id)
    except ServiceError as error:
        raise HTTPException(404, str(error)) from error
    find = owner_lookup(factory, owner_id)
    names = {
        s.exercise_slug: (e.name if (e := find(s.exercise_slug)) else s.exercise_slug)
        for s in view.session.sets
    }
    return {"session": view.session, "view": view, "names": names}


@router.get("/history/{session_id}", response_class=HTMLResponse, name="session_detail")
def session_detail(
    request: Request,
    session_id: Annotated[str, Path(pattern=SESSION_ID)],
    viewer: ViewerDep,
    factory: UowDep,
) -> HTMLResponse:
    """One session: its sets (editable), its note and the feedback of each pair."""
    context = _session_context(factory, viewer.owner_id, session_id)
    return render(request, "session.html", nav="history_page", **context)


@router.post("/history/{session_id}/sets/{set_id}", name="edit_set")
def edit_set(
    request: Request,
    session_id: Annotated[str, Path(pattern=SESSION_ID)],
    set_id: Annotated[str, Path(pattern=SESSION_ID)],
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    weight: Annotated[float, Form()],
    reps: Annotated[int, Form()],
    action: Annotated[str, Form()] = "save",
) -> Response:
    """Correct a set's weight and reps, or delete it."""
    from fitrec.services import sessions

    check_form_token(request, viewer, csrf)
    try:
        if action == "delete":
            sessions.delete_set(factory, viewer.owner_id, set_id)
        else:
            sessions.correct_set(factory, viewer.owner_id, set_id, {"weight": weight, "reps": reps})
    except ServiceError as error:
        raise HTTPException(422, str(error)) from error
    return _see_other(f"/history/{session_id}")


@router.get("/progress", response_class=HTMLResponse, name="progress_page")
def progress(request: Request, viewer: ViewerDep, factory: UowDep) -> HTMLResponse:
    """Progress: e1RM per compound lift with declines, weekly sets, pairs and records."""
    from fitrec.services import athletes, overview
    from fitrec.web.progress import progress_page

    unit = athletes.get_profile(factory, viewer.owner_id).unit.value
    view = progress_page(overview.overview(factory, viewer.owner_id), unit)
    return render(
        request,
        "progress.html",
        nav="progress_page",
        page=view,
        view=view.chart,
        data=view.chart.chart_data(),
    )
