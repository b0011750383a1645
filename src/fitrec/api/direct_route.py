"""Routes whose common case skips FastAPI's per-request dependency solving.

FastAPI solves a route's dependencies, path parameters and body anew on every request, which
on the hottest route (logging a set) costs more than the database work. A `DirectRoute`
first offers the request to a plain function of its own; that function answers the common,
well-formed case itself, and returns None for everything else, which FastAPI then handles as
declared: validation errors, authentication errors and the OpenAPI document stay FastAPI's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, ClassVar

from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response

DirectHandler = Callable[[Request], Awaitable[Response | None]]


class DirectRoute(APIRoute):
    """An APIRoute that tries `direct` first and falls back to FastAPI's handler."""

    direct: ClassVar[DirectHandler]

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """FastAPI's handler, preceded by the route's direct handler."""
        declared = super().get_route_handler()
        direct = type(self).direct

        async def handle(request: Request) -> Response:
            # The body a direct handler read is cached on the request, so FastAPI reads
            # the same bytes when it takes over.
            answer = await direct(request)
            return answer if answer is not None else await declared(request)

        return handle


def direct_route(handler: DirectHandler) -> type[DirectRoute]:
    """A DirectRoute class whose direct handler is `handler` (for `route_class_override`)."""
    return type(f"Direct_{handler.__name__}", (DirectRoute,), {"direct": staticmethod(handler)})
