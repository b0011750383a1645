"""Dependencies of the routes: the unit-of-work factory and the authenticated owner."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from fitrec.services import accounts
from fitrec.services.unit_of_work import UowFactory

bearer = HTTPBearer(
    auto_error=False, description="A personal access token from POST /api/v1/tokens"
)
session_cookie = APIKeyCookie(
    name="fitrec_session",
    auto_error=False,
    description="The web session; unsafe requests also need the X-CSRF-Token header",
)


async def uow_factory(request: Request) -> UowFactory:
    """The app's unit-of-work factory."""
    make: UowFactory = request.app.state.make_uow
    return make


def current_owner(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    _cookie: Annotated[str | None, Depends(session_cookie)],
) -> int:
    """The owner a bearer token or a web session (checked by the middleware) authenticates."""
    if credentials is not None:
        owner = accounts.owner_of_token(request.app.state.make_uow, credentials.credentials)
        if owner is None:
            raise invalid_token()
        return owner
    if request.headers.get("authorization"):
        raise HTTPException(
            401, "use an Authorization: Bearer token", headers={"WWW-Authenticate": "Bearer"}
        )
    owner_id = getattr(request.state, "owner_id", None)
    if owner_id is None:
        raise HTTPException(
            401,
            "sign in: send Authorization: Bearer <token> or the session cookie",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return int(owner_id)


def invalid_token() -> HTTPException:
    """The 401 answer to an unknown or revoked bearer token."""
    return HTTPException(
        401,
        "the access token is unknown or revoked",
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
    )


Owner = Annotated[int, Depends(current_owner)]
Uow = Annotated[UowFactory, Depends(uow_factory)]


def text_wanted(request: Request) -> bool:
    """Whether the client prefers plain text to JSON (an explicit `Accept: text/plain`)."""
    accept = request.headers.get("accept", "")
    return "text/plain" in accept and "application/json" not in accept
