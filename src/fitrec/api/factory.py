"""The REST API under /api/v1: routers, problem documents, limits and web sessions."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from fitrec.api import (
    routes_accounts,
    routes_cycles,
    routes_data,
    routes_library,
    routes_programs,
    routes_sessions,
)
from fitrec.api.middleware import (
    BodyLimitMiddleware,
    DatabaseOutageMiddleware,
    PageRefusal,
    WebSessionMiddleware,
)
from fitrec.api.problems import install_problem_handlers
from fitrec.config import Settings
from fitrec.services.unit_of_work import UowFactory

API_PREFIX = "/api/v1"


# Routes are matched in order, one by one: the sessions (logging a set) come first.
ROUTE_MODULES = (
    routes_sessions,
    routes_accounts,
    routes_programs,
    routes_library,
    routes_data,
    routes_cycles,
)


def api_routers() -> list[APIRouter]:
    """Every API router, in the order requests are matched against them."""
    return [module.router for module in ROUTE_MODULES]


def install_api(
    app: FastAPI,
    settings: Settings,
    make_uow: UowFactory,
    page_uploads: dict[str, int] | None = None,
    page_refusal: PageRefusal | None = None,
) -> None:
    """Mount the API on `app`: routes, error documents, the body limit and web sessions.

    `page_uploads` are the pages' upload paths with their limits, refused by `page_refusal`.
    """
    app.state.make_uow = make_uow
    app.state.settings = settings
    # Short database calls of the hottest routes run on the event loop on SQLite (see
    # `deps.blocking` and the measurement it cites); on the thread pool on PostgreSQL.
    app.state.inline_database = settings.database_url.startswith("sqlite")
    # Each router is included on the app itself: every level of nesting costs a second
    # pass of route matching per request.
    for router in api_routers():
        app.include_router(router, prefix=API_PREFIX)
    install_problem_handlers(app)
    # Added last so it runs first: an oversized body is refused before any database work.
    app.add_middleware(WebSessionMiddleware, make_uow=make_uow, inline=app.state.inline_database)
    app.add_middleware(
        BodyLimitMiddleware,
        max_body_bytes=settings.max_body_bytes,
        uploads={routes_data.IMPORT_PATH: settings.max_upload_bytes, **(page_uploads or {})},
        page_refusal=page_refusal,
        pages=frozenset(page_uploads or ()),
    )
    app.add_middleware(DatabaseOutageMiddleware)
