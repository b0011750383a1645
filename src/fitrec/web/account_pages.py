"""Sign-up, log-in, log-out and settings (profile, bar and plates, 1RMs, access tokens)."""

from __future__ import annotations

import contextlib
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fitrec.services.errors import ServiceError
from fitrec.services.unit_of_work import UowFactory
from fitrec.web.auth import (
    CSRF_FIELD,
    Viewer,
    check_form_token,
    optional_viewer,
    require_viewer,
    sign_in,
    sign_out,
)
from fitrec.web.deps import make_uow
from fitrec.web.rendering import remember_theme, render

router = APIRouter(include_in_schema=False)
UowDep = Annotated[UowFactory, Depends(make_uow)]
MaybeViewer = Annotated[Viewer | None, Depends(optional_viewer)]
ViewerDep = Annotated[Viewer, Depends(require_viewer)]
CsrfField = Annotated[str, Form(alias=CSRF_FIELD)]


def _safe_next(value: str) -> str:
    """A same-site path to go to after log-in (never another host)."""
    return value if value.startswith("/") and not value.startswith("//") else "/"


def _signed_in(request: Request, factory: UowFactory, owner_id: int, to: str) -> Response:
    response = RedirectResponse(_safe_next(to), status_code=303)
    sign_in(request, response, factory, owner_id)
    return response


@router.get("/signup", response_class=HTMLResponse, name="signup")
def signup_page(request: Request, viewer: MaybeViewer) -> Response:
    """The sign-up form."""
    return render(request, "signup.html", nav="signup", email="", error=None)


@router.post("/signup")
def signup(
    request: Request,
    viewer: MaybeViewer,
    factory: UowDep,
    csrf: CsrfField,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
) -> Response:
    """Create the account, sign the browser in and go to the dashboard."""
    from fitrec.services import accounts

    check_form_token(request, None, csrf)
    try:
        owner_id = accounts.sign_up(
            factory, email, password, request.client.host if request.client else None
        )
    except ServiceError as error:
        return render(
            request, "signup.html", status_code=422, nav="signup", email=email, error=str(error)
        )
    return _signed_in(request, factory, owner_id, "/")


@router.get("/login", response_class=HTMLResponse, name="login")
def login_page(request: Request, viewer: MaybeViewer, next: str = "/") -> Response:
    """The log-in form."""
    return render(request, "login.html", nav="login", email="", error=None, next=_safe_next(next))


@router.post("/login")
def login(
    request: Request,
    viewer: MaybeViewer,
    factory: UowDep,
    csrf: CsrfField,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Check the e-mail and password (rate-limited), then sign the browser in."""
    from fitrec.services import accounts

    check_form_token(request, None, csrf)
    address = request.client.host if request.client else None
    try:
        owner_id = accounts.log_in(factory, email, password, address)
    except accounts.TooManyAttempts as error:
        response = render(
            request,
            "login.html",
            status_code=429,
            nav="login",
            email=email,
            error=str(error),
            next=_safe_next(next),
        )
        response.headers["Retry-After"] = str(error.retry_after_s)
        return response
    except ServiceError as error:
        return render(
            request,
            "login.html",
            status_code=401,
            nav="login",
            email=email,
            error=str(error),
            next=_safe_next(next),
        )
    return _signed_in(request, factory, owner_id, next)


@router.post("/logout", name="logout")
def logout(request: Request, viewer: ViewerDep, factory: UowDep, csrf: CsrfField) -> Response:
    """Sign the browser out."""
    check_form_token(request, viewer, csrf)
    response = RedirectResponse("/", status_code=303)
    sign_out(request, response, factory)
    return response


def _settings_context(factory: UowFactory, owner_id: int) -> dict[str, Any]:
    from fitrec.domain.programs import Level
    from fitrec.domain.units import from_kg
    from fitrec.services import accounts, athletes
    from fitrec.web.lookup import owner_lookup

    profile = athletes.get_profile(factory, owner_id)
    find = owner_lookup(factory, owner_id)
    maxes = [
        ((e.name if (e := find(slug)) else slug), kg)
        for slug, kg in sorted(profile.one_rep_maxes_kg.items())
    ]
    return {
        "profile": profile,
        "levels": [level.value for level in Level],
        "plates_text": ", ".join(
            f"{w:g}×{n}" for w, n in sorted(profile.plates.items(), reverse=True)
        ),
        "maxes_text": "\n".join(
            f"{name} = {round(from_kg(kg, profile.unit), 1):g} {profile.unit.value}"
            for name, kg in maxes
        ),
        "tokens": accounts.list_tokens(factory, owner_id),
        "theme": profile.theme.value,
    }


@router.get("/settings", response_class=HTMLResponse, name="settings")
def settings_page(request: Request, viewer: ViewerDep, factory: UowDep) -> Response:
    """Units, bar and plates, known 1RMs, experience, training age and access tokens."""
    context = _settings_context(factory, viewer.owner_id)
    response = render(
        request, "settings.html", nav="settings", error=None, new_token=None, **context
    )
    # Another device may have changed the theme: the profile is the truth, the cookie a copy.
    remember_theme(request, response, context["profile"].theme.value)
    return response


@router.post("/settings")
def save_settings(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    unit: Annotated[str, Form()] = "kg",
    level: Annotated[str, Form()] = "",
    training_age_months: Annotated[str, Form()] = "",
    bar_weight: Annotated[str, Form()] = "",
    plates: Annotated[str, Form()] = "",
    one_rep_maxes: Annotated[str, Form()] = "",
    effort_scale: Annotated[str, Form()] = "rir",
    theme: Annotated[str, Form()] = "auto",
) -> Response:
    """Save the profile; a bad value re-shows the form with the reason."""
    from fitrec.services import athletes
    from fitrec.web.settings_form import parse_maxes, parse_number, parse_plates

    check_form_token(request, viewer, csrf)
    try:
        changes = {
            "unit": unit,
            "level": level or None,
            "training_age_months": parse_number(training_age_months, "training_age_months", int),
            "bar_weight": parse_number(bar_weight, "bar_weight", float),
            "plates": parse_plates(plates),
            "one_rep_maxes_kg": parse_maxes(one_rep_maxes, unit),
            "effort_scale": effort_scale,
            "theme": theme,
        }
        saved = athletes.update_profile(factory, viewer.owner_id, changes)
    except ServiceError as error:
        context = _settings_context(factory, viewer.owner_id)
        return render(
            request,
            "settings.html",
            status_code=422,
            nav="settings",
            error=str(error),
            new_token=None,
            **context,
        )
    response = RedirectResponse("/settings?saved=1", status_code=303)
    remember_theme(request, response, saved.theme.value)
    return response


@router.post("/settings/tokens", name="settings_create_token")
def create_token(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    name: Annotated[str, Form()],
) -> Response:
    """Make a personal access token and show its secret this once."""
    from fitrec.services import accounts

    check_form_token(request, viewer, csrf)
    error, new_token = None, None
    try:
        new_token = accounts.create_token(factory, viewer.owner_id, name).token
    except ServiceError as problem:
        error = str(problem)
    context = _settings_context(factory, viewer.owner_id)
    return render(
        request,
        "settings.html",
        status_code=201 if new_token else 422,
        nav="settings",
        error=error,
        new_token=new_token,
        **context,
    )


@router.post("/settings/tokens/{token_id}/revoke", name="settings_revoke_token")
def revoke_token(
    request: Request, token_id: int, viewer: ViewerDep, factory: UowDep, csrf: CsrfField
) -> Response:
    """Revoke a token at once."""
    from fitrec.services import accounts

    check_form_token(request, viewer, csrf)
    # Already revoked or not the owner's: the list shows the truth either way.
    with contextlib.suppress(ServiceError):
        accounts.revoke_token(factory, viewer.owner_id, token_id)
    return RedirectResponse("/settings", status_code=303)
