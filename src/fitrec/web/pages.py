"""The page router: every server-rendered page of the web app."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse

from fitrec.web.progress import ProgressView, empty_progress
from fitrec.web.templating import templates

router = APIRouter(include_in_schema=False)

# Session ids are opaque public ids (UUID hex); anything else is not a session.
SESSION_ID = r"^[A-Za-z0-9_-]{1,64}$"


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    """Render a page with the values every layout needs (CSRF token, active nav item)."""
    context.setdefault("csrf_token", getattr(request.state, "csrf_token", ""))
    return templates().TemplateResponse(request, template, context)


@router.get("/", response_class=HTMLResponse, name="home")
def home(request: Request) -> HTMLResponse:
    """The start page: what fitrec does and where to go next."""
    return render(request, "home.html", nav="home")


@router.get("/workout/{session_id}", response_class=HTMLResponse, name="live_workout")
def live_workout(
    request: Request, session_id: Annotated[str, Path(pattern=SESSION_ID)]
) -> HTMLResponse:
    """The live workout of a started session, driven by `live.js` against the API."""
    return render(request, "live.html", nav="workout", session_id=session_id)


@router.get("/builder", response_class=HTMLResponse, name="builder")
def builder(request: Request) -> HTMLResponse:
    """The program builder: the program as text, linted as it is typed."""
    return render(request, "builder.html", nav="builder")


@router.get("/progress", response_class=HTMLResponse, name="progress")
def progress(
    request: Request, view: Annotated[ProgressView, Depends(empty_progress)]
) -> HTMLResponse:
    """Progress: an e1RM chart per compound lift with its decline spans marked."""
    return render(request, "progress.html", nav="progress", view=view, data=view.chart_data())
