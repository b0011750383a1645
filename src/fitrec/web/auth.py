"""Who is signed in: the session cookie, its CSRF token, and the redirect to log in."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request, Response

from fitrec.services.unit_of_work import UowFactory
from fitrec.web.deps import make_uow

SESSION_COOKIE = "fitrec_session"
# Before log-in there is no server-side session: forms carry a double-submit token instead.
PRELOGIN_COOKIE = "fitrec_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"


@dataclass(frozen=True, slots=True)
class Viewer:
    """The signed-in lifter of a request and the CSRF token of their web session."""

    owner_id: int
    csrf_token: str


def is_https(request: Request) -> bool:
    """Whether the browser reached us over https (the cookie is then `Secure`)."""
    return request.url.scheme == "https"


def optional_viewer(
    request: Request, factory: Annotated[UowFactory, Depends(make_uow)]
) -> Viewer | None:
    """The signed-in lifter, or None; sets `request.state.csrf_token` for the layout."""
    from fitrec.services import accounts

    cached = getattr(request.state, "web_viewer", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    cookie = request.cookies.get(SESSION_COOKIE, "")
    found = accounts.web_session(factory, cookie) if cookie else None
    if found is None:
        request.state.csrf_token = prelogin_token(request)
        return None
    viewer = Viewer(owner_id=found[0], csrf_token=found[1])
    request.state.web_viewer = viewer
    request.state.csrf_token = viewer.csrf_token
    return viewer


def require_viewer(
    viewer: Annotated[Viewer | None, Depends(optional_viewer)], request: Request
) -> Viewer:
    """The signed-in lifter; a page asked for without a session redirects to log in."""
    if viewer is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise HTTPException(
            303, "log in first", headers={"Location": f"/login?next={quote(target)}"}
        )
    return viewer


def check_form_token(request: Request, viewer: Viewer | None, sent: str) -> None:
    """Refuse a form post whose CSRF field does not match the session (or pre-log-in) token."""
    expected = viewer.csrf_token if viewer else request.cookies.get(PRELOGIN_COOKIE, "")
    if not expected or not secrets.compare_digest(sent or "", expected):
        raise HTTPException(403, "the form expired or came from another site; reload and retry")


def prelogin_token(request: Request) -> str:
    """The pre-log-in CSRF token: the cookie's, or a new one `remember_prelogin` sets."""
    token = request.cookies.get(PRELOGIN_COOKIE) or getattr(request.state, "new_prelogin", None)
    if not token:
        token = request.state.new_prelogin = secrets.token_urlsafe(32)
    return str(token)


def remember_prelogin(request: Request, response: Response) -> None:
    """Set the pre-log-in CSRF cookie when this request made a new token."""
    token = getattr(request.state, "new_prelogin", None)
    if token:
        response.set_cookie(
            PRELOGIN_COOKIE, token, httponly=True, samesite="lax", secure=is_https(request)
        )


def sign_in(request: Request, response: Response, factory: UowFactory, owner_id: int) -> None:
    """Start a web session and give the browser its HttpOnly, SameSite=Lax cookie."""
    from fitrec.services import accounts

    login = accounts.start_web_session(factory, owner_id)
    response.set_cookie(
        SESSION_COOKIE,
        login.cookie,
        expires=login.expires_at,
        httponly=True,
        samesite="lax",
        secure=is_https(request),
        path="/",
    )
    response.delete_cookie(PRELOGIN_COOKIE)


def sign_out(request: Request, response: Response, factory: UowFactory) -> None:
    """End the browser's web session and drop its cookie."""
    from fitrec.services import accounts

    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        accounts.end_web_session(factory, cookie)
    response.delete_cookie(SESSION_COOKIE, path="/")
