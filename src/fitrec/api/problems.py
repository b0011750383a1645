"""Errors as RFC 9457 problem documents (application/problem+json), with field-level detail."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from fitrec.api.schemas import Problem
from fitrec.services.accounts import BadCredentials, TooManyAttempts
from fitrec.services.errors import Conflict, DatabaseUnavailable, InvalidInput, NotFound

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://fitrec.dev/problems/"
# How long a client should wait before retrying while the database is unreachable: long
# enough not to hammer a restarting server, short enough for a phone at the gym.
RETRY_AFTER_S = 5


def problem_response(
    status: int,
    detail: str | None = None,
    *,
    instance: str | None = None,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    kind: str | None = None,
) -> Response:
    """A problem+json response."""
    title = HTTPStatus(status).phrase
    body: dict[str, Any] = {
        "type": TYPE_BASE + kind if kind else "about:blank",
        "title": title,
        "status": status,
        "detail": detail or title,
        "instance": instance,
    }
    if errors is not None:
        body["errors"] = errors
    return Response(
        json.dumps(body, ensure_ascii=False),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def _location(loc: tuple[Any, ...] | list[Any]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


def _validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for error in exc.errors():
        loc = [p for p in error.get("loc", ()) if not str(p).startswith("function-after")]
        errors.append({"field": _location(loc), "message": str(error.get("msg", "invalid"))})
    first = errors[0] if errors else {"field": "body", "message": "invalid"}
    return problem_response(
        422,
        f"{first['field']}: {first['message']}",
        instance=request.url.path,
        errors=errors,
        kind="validation",
    )


def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InvalidInput)
    field = exc.field if "." in exc.field or exc.field.startswith("query") else f"body.{exc.field}"
    return problem_response(
        422,
        str(exc),
        instance=request.url.path,
        errors=[{"field": field, "message": exc.message}],
        kind="validation",
    )


def _not_found(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotFound)
    # The id is the caller's own input: echoing it reveals nothing about other owners.
    return problem_response(404, f"{exc.what} not found", instance=request.url.path)


def _conflict(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Conflict)
    errors = [{"field": f"body.{exc.field}", "message": exc.message}] if exc.field else None
    return problem_response(
        409, exc.message, instance=request.url.path, errors=errors, kind="conflict"
    )


def _bad_credentials(request: Request, exc: Exception) -> Response:
    return problem_response(401, str(exc), instance=request.url.path, kind="credentials")


def _too_many(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, TooManyAttempts)
    return problem_response(
        429,
        str(exc),
        instance=request.url.path,
        headers={"Retry-After": str(exc.retry_after_s)},
        kind="rate-limit",
    )


def unavailable_response(instance: str | None) -> Response:
    """503 while the database is unreachable: nothing was stored, retry the same request."""
    return problem_response(
        503,
        "the database is unreachable; nothing was stored, retry the same request later",
        instance=instance,
        headers={"Retry-After": str(RETRY_AFTER_S)},
        kind="database-unavailable",
    )


def _database_unavailable(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DatabaseUnavailable)
    return unavailable_response(request.url.path)


def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem_response(
        exc.status_code, detail, instance=request.url.path, headers=dict(exc.headers or {})
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error of the app a problem document."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(InvalidInput, _invalid)
    app.add_exception_handler(NotFound, _not_found)
    app.add_exception_handler(Conflict, _conflict)
    app.add_exception_handler(BadCredentials, _bad_credentials)
    app.add_exception_handler(TooManyAttempts, _too_many)
    app.add_exception_handler(DatabaseUnavailable, _database_unavailable)
    app.add_exception_handler(StarletteHTTPException, _http)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries documenting problem documents for these statuses."""
    schema = {"$ref": "#/components/schemas/Problem"}
    return {
        status: {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_JSON: {"schema": schema}},
        }
        for status in statuses
    }
