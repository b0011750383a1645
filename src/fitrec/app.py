"""The ASGI app: the REST API and the web pages on one FastAPI application."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fitrec.config import Settings, get_settings

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(settings: Settings | None = None, *, migrate: bool = True) -> FastAPI:
    """Build the app on the configured database (migrations applied first unless told not to)."""
    from fastapi import FastAPI

    from fitrec import bootstrap
    from fitrec.api.factory import API_PREFIX, install_api
    from fitrec.api.operations import install_operations

    settings = settings or get_settings()
    bootstrap.ensure_secret_key(settings)
    if migrate:
        bootstrap.upgrade_database(settings.database_url)
    app = FastAPI(
        title="fitrec",
        version="1",
        summary="Build, check and track post-exhaust training.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    from fitrec.web.import_pages import too_large_page, upload_limits

    install_api(
        app,
        settings,
        bootstrap.uow_factory(settings),
        page_uploads=upload_limits(settings.max_upload_bytes),
        page_refusal=too_large_page,
    )
    install_operations(app, settings, bootstrap.schema_probe(settings))
    _mount_web(app)
    return app


def _mount_web(app: FastAPI) -> None:
    """The web pages and their static files (built by `make web-assets`)."""
    from fastapi.staticfiles import StaticFiles

    from fitrec.web import static_dir
    from fitrec.web.pages import router

    app.include_router(router)
    directory = static_dir()
    if directory.is_dir():
        app.mount("/static", StaticFiles(directory=directory), name="static")


def create_migrated_app() -> FastAPI:
    """The app for `fitrec serve`'s workers: migrations were applied before they started."""
    return create_app(migrate=False)
