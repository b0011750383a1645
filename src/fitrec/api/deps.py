"""Dependencies of the routes: the unit-of-work factory and the authenticated owner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from fitrec.services import accounts
from fitrec.services.unit_of_work import UowFactory

T = TypeVar("T")

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


async def current_owner(
    request: Request,
    _bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    _cookie: Annotated[str | None, Depends(session_cookie)],
) -> int:
    """The owner a bearer token or a web session authenticates (the schemes show in OpenAPI).

    The caller is resolved here, once per request; nothing further down sees the token.
    """
    found = _credential(request)
    if isinstance(found, str):
        owner = await blocking(request, accounts.owner_of_token, request.app.state.make_uow, found)
        if owner is None:
            raise invalid_token()
        return owner
    return found


async def blocking(request: Request, work: Callable[..., T], *args: Any) -> T:
    """Run a short database call: on the event loop on SQLite, on the thread pool otherwise.

    SQLite has one write lock per database: threads of one process gain nothing there and
    poll the lock with sleeps (bench/RESULTS.md, "one session, one contract": logging a set
    at c=16 fell to 0.19x of the floor on the thread pool). PostgreSQL locks rows, so there
    the call runs on the thread pool.
    """
    if request.app.state.inline_database:
        return work(*args)
    return await run_in_threadpool(work, *args)


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
