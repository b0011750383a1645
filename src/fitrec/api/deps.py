"""Dependencies of the routes: the unit-of-work factory and the authenticated owner."""

from __future__ import annotations

from typing import Annotated, Any

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


def _credential(request: Request) -> str | int:
    """The bearer token sent, else the web session's owner; the one place a caller gets 401.

    The header is read as `HTTPBearer` reads it; the web session was checked by the
    middleware, which left its owner on the request.
    """
    authorization = request.headers.get("authorization")
    if authorization:
        scheme, _, credentials = authorization.partition(" ")
        credentials = credentials.strip()
        if scheme.lower() == "bearer" and credentials:
            return credentials
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


def current_owner(
    request: Request,
    _bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    _cookie: Annotated[str | None, Depends(session_cookie)],
) -> int:
    """The owner a bearer token or a web session authenticates (the schemes show in OpenAPI)."""
    found = _credential(request)
    if isinstance(found, str):
        owner = accounts.owner_of_token(request.app.state.make_uow, found)
        if owner is None:
            raise invalid_token()
        return owner
    return found


async def current_caller(request: Request) -> accounts.Caller:
    """Who calls, without a database round trip: a web session's owner, or a bearer token.

    For hot write paths: the use case checks the token in its own transaction (a revoked
    token is refused there just as surely), saving a transaction and a thread hop. The
    route declares the same security in OpenAPI with `SIGNED_IN`.
    """
    found = _credential(request)
    return accounts.BearerToken(found) if isinstance(found, str) else found


# The OpenAPI security of a route that authenticates with `current_caller`: the same
# schemes `bearer` and `session_cookie` declare on the other routes.
SIGNED_IN: dict[str, Any] = {
    "security": [{bearer.scheme_name: []}, {session_cookie.scheme_name: []}]
}


def invalid_token() -> HTTPException:
    """The 401 answer to an unknown or revoked bearer token."""
    return HTTPException(
        401,
        "the access token is unknown or revoked",
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
    )


Owner = Annotated[int, Depends(current_owner)]
Caller = Annotated[accounts.Caller, Depends(current_caller)]
Uow = Annotated[UowFactory, Depends(uow_factory)]


def text_wanted(request: Request) -> bool:
    """Whether the client prefers plain text to JSON (an explicit `Accept: text/plain`)."""
    accept = request.headers.get("accept", "")
    return "text/plain" in accept and "application/json" not in accept
