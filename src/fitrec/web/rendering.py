"""Rendering a page with what every layout needs."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from fitrec.web.auth import remember_prelogin
from fitrec.web.templating import templates


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with the CSRF token, the signed-in flag and the active nav item."""
    context.setdefault("csrf_token", getattr(request.state, "csrf_token", ""))
    context.setdefault("signed_in", getattr(request.state, "web_viewer", None) is not None)
    context.setdefault("nav", "")
    response = templates().TemplateResponse(request, template, context, status_code=status_code)
    remember_prelogin(request, response)
    return response
