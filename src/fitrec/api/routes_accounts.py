"""Accounts: sign-up, tokens, web log-in and log-out, password change."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from fitrec.api.deps import Owner, Uow
from fitrec.api.middleware import SESSION_COOKIE
from fitrec.api.problems import problem_responses
from fitrec.api.schemas import (
    Credentials,
    NewTokenOut,
    PasswordChange,
    SignUp,
    TokenOut,
    UserOut,
    WebLoginOut,
)
from fitrec.services import accounts
from fitrec.services.accounts import SESSION_LIFETIME

router = APIRouter(tags=["accounts"])
AUTH_ERRORS = problem_responses(401, 422, 429)


def _address(request: Request) -> str | None:
    return request.client.host if request.client else None


def _is_https(request: Request) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return forwarded == "https" or request.url.scheme == "https"


@router.post(
    "/users", status_code=201, response_model=UserOut, responses=problem_responses(409, 422, 429)
)
def sign_up(body: SignUp, request: Request, make_uow: Uow) -> UserOut:
    """Create an account (e-mail address and a password of 8 characters or more)."""
    owner_id = accounts.sign_up(make_uow, body.email, body.password, _address(request))
    return UserOut(id=owner_id, email=accounts.normalize_email(body.email))


@router.post("/tokens", status_code=201, response_model=NewTokenOut, responses=AUTH_ERRORS)
def create_token(body: Credentials, request: Request, make_uow: Uow) -> NewTokenOut:
    """Make a personal access token from an e-mail address and password; shown once."""
    owner_id = accounts.log_in(make_uow, body.email, body.password, _address(request))
    made = accounts.create_token(make_uow, owner_id, body.name or "api")
    info = made.info
    return NewTokenOut(
        id=info.id,
        name=info.name,
        prefix=info.prefix,
        created_at=info.created_at,
        revoked_at=None,
        token=made.token,
    )


@router.get("/tokens", response_model=list[TokenOut], responses=problem_responses(401))
def list_tokens(owner: Owner, make_uow: Uow) -> list[TokenOut]:
    """The caller's tokens by name and prefix (never the secret)."""
    return [
        TokenOut(
            id=t.id, name=t.name, prefix=t.prefix, created_at=t.created_at, revoked_at=t.revoked_at
        )
        for t in accounts.list_tokens(make_uow, owner)
    ]


@router.delete("/tokens/{token_id}", status_code=204, responses=problem_responses(401, 404))
def revoke_token(token_id: int, owner: Owner, make_uow: Uow) -> Response:
    """Revoke one of the caller's tokens; it stops working at once."""
    accounts.revoke_token(make_uow, owner, token_id)
    return Response(status_code=204)


@router.post("/login", response_model=WebLoginOut, responses=AUTH_ERRORS)
def log_in(body: Credentials, request: Request, response: Response, make_uow: Uow) -> WebLoginOut:
    """Sign a browser in: sets the HttpOnly session cookie and returns its CSRF token."""
    owner_id = accounts.log_in(make_uow, body.email, body.password, _address(request))
    login = accounts.start_web_session(make_uow, owner_id)
    response.set_cookie(
        SESSION_COOKIE,
        login.cookie,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=_is_https(request),
    )
    return WebLoginOut(user_id=owner_id, csrf_token=login.csrf_token)


@router.post("/logout", status_code=204, responses=problem_responses(401, 403))
def log_out(request: Request, owner: Owner, make_uow: Uow) -> Response:
    """Sign this browser out (with a token: nothing to end; revoke the token instead)."""
    del owner
    cookie = getattr(request.state, "session_cookie", None)
    if cookie:
        accounts.end_web_session(make_uow, cookie)
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    return response


@router.post("/password", status_code=204, responses=problem_responses(401, 403, 422))
def change_password(body: PasswordChange, owner: Owner, make_uow: Uow) -> Response:
    """Change the password; every web session of the account ends (tokens stay valid)."""
    accounts.change_password(make_uow, owner, body.current_password, body.new_password)
    return Response(status_code=204)
