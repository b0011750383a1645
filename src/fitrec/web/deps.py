"""FastAPI dependencies the pages share: the unit-of-work factory of the running app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import HTTPException, Request

if TYPE_CHECKING:
    from fitrec.config import Settings
    from fitrec.services.unit_of_work import UowFactory


def app_settings(request: Request) -> Settings:
    """The settings the app was created with (`app.state.settings`), else the environment's."""
    found = getattr(request.app.state, "settings", None)
    if found is not None:
        return found  # type: ignore[no-any-return]
    from fitrec.config import get_settings

    return get_settings()


def make_uow(request: Request) -> UowFactory:
    """The unit-of-work factory of the app's database, built once per app."""
    state: Any = request.app.state
    factory = getattr(state, "make_uow", None) or getattr(state, "web_uow_factory", None)
    if factory is None:
        from fitrec.bootstrap import uow_factory

        factory = state.web_uow_factory = uow_factory(app_settings(request))
    return factory


def refusal(error: Exception) -> HTTPException:
    """The HTTP answer of a form to a service error: 404 for what the lifter does not have
    (another owner's ids included, so they reveal nothing), 409 for a conflict, else 422."""
    from fitrec.services.errors import Conflict, NotFound

    status = 404 if isinstance(error, NotFound) else 409 if isinstance(error, Conflict) else 422
    return HTTPException(status, str(error))
