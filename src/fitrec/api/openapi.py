"""The OpenAPI document, told the truth about errors every route can answer.

FastAPI documents request validation as a 422 `application/json` body of its own shape;
the app answers every error as an RFC 9457 problem document (problem_handlers), and a
body that is not JSON at all as 400. The document is corrected once, where it is built.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from fitrec.api.problems import PROBLEM_JSON

_PROBLEM = {"$ref": "#/components/schemas/Problem"}
_METHODS = ("get", "put", "post", "delete", "patch")


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {PROBLEM_JSON: {"schema": _PROBLEM}}}


def _correct(document: dict[str, Any]) -> dict[str, Any]:
    """Every error response as problem+json; 400 where a body is read, 422 where it is."""
    for item in document.get("paths", {}).values():
        for method, operation in item.items():
            if method not in _METHODS:
                continue
            responses: dict[str, Any] = operation.setdefault("responses", {})
            if "requestBody" in operation:
                responses.setdefault("400", _problem("The body is not well-formed"))
            for status, response in list(responses.items()):
                if status.isdigit() and int(status) >= 400:
                    description = response.get("description", "Error")
                    responses[status] = _problem(description)
    schemas = document.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    return document


def install_openapi(app: FastAPI) -> None:
    """Build the app's document on first use, corrected, and keep it."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                description=app.description,
                routes=app.routes,
            )
            app.openapi_schema = _correct(document)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
