"""Rendering a page with what every layout needs."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from fitrec.web import service_worker_file
from fitrec.web.auth import remember_prelogin
from fitrec.web.templating import templates

# The profile's theme, copied into a cookie so that every page can colour itself without
# reading the profile (the settings page writes it and refreshes it from the profile).
THEME_COOKIE = "fitrec_theme"
_THEMES = frozenset({"auto", "light", "dark"})

# At the root so that its scope covers every page (a worker controls only paths below it).
SERVICE_WORKER_URL = "/sw.js"


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with the CSRF token, the signed-in flag and the active nav item."""
    context.setdefault("csrf_token", getattr(request.state, "csrf_token", ""))
    context.setdefault("signed_in", getattr(request.state, "web_viewer", None) is not None)
    context.setdefault("nav", "")
    context.setdefault("theme", request.cookies.get(THEME_COOKIE, "auto"))
    context.setdefault("sw_url", SERVICE_WORKER_URL if service_worker_file().is_file() else "")
    response = templates().TemplateResponse(request, template, context, status_code=status_code)
    remember_prelogin(request, response)
    return response


def remember_theme(request: Request, response: Response, theme: str) -> None:
    """Copy the profile's theme into the cookie the layout reads (when it changed)."""
    if theme in _THEMES and request.cookies.get(THEME_COOKIE) != theme:
        response.set_cookie(
            THEME_COOKIE,
            theme,
            max_age=400 * 24 * 3600,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )
