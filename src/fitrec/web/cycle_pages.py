"""The generator form and the cycle view: two faces of the plans and cycles services."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fitrec.services.errors import ServiceError
from fitrec.services.unit_of_work import UowFactory
from fitrec.web.auth import CSRF_FIELD, Viewer, check_form_token, require_viewer
from fitrec.web.deps import make_uow
from fitrec.web.rendering import render

router = APIRouter(include_in_schema=False)
UowDep = Annotated[UowFactory, Depends(make_uow)]
ViewerDep = Annotated[Viewer, Depends(require_viewer)]
CsrfField = Annotated[str, Form(alias=CSRF_FIELD)]


def _choices() -> dict[str, Any]:
    from fitrec.services import plans

    return {
        "levels": [level.value for level in plans.LEVELS],
        "equipment_kinds": [e.value for e in plans.EQUIPMENT],
        "muscles": [m.value for m in plans.MUSCLES],
        "phases": [p.value for p in plans.PHASES],
    }


@router.get("/plan", response_class=HTMLResponse, name="plan_page")
def plan_page(request: Request, viewer: ViewerDep, factory: UowDep) -> Response:
    """The generator form, filled with the defaults (level and training age: the profile's)."""
    from fitrec.services import athletes, plans

    profile = athletes.get_profile(factory, viewer.owner_id)
    asked = plans.request_dict(plans.parse_request(profile=profile))
    return render(
        request, "plan.html", nav="plan_page", asked=asked, result=None, error=None, **_choices()
    )


@router.post("/plan", response_class=HTMLResponse, name="web_generate_plan")
def generate(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    days: Annotated[str, Form()] = "3",
    minutes: Annotated[str, Form()] = "60",
    level: Annotated[str, Form()] = "intermediate",
    training_age: Annotated[str, Form()] = "",
    equipment: Annotated[list[str] | None, Form()] = None,
    focus: Annotated[list[str] | None, Form()] = None,
    phase: Annotated[str, Form()] = "hypertrophy",
    seed: Annotated[str, Form()] = "",
) -> Response:
    """Generate the program and show it with its explanations and weekly sets."""
    from fitrec.services import plans

    check_form_token(request, viewer, csrf)
    values: dict[str, Any] = {
        "days": days,
        "minutes": minutes,
        "level": level,
        "phase": phase,
        "training_age_months": training_age or None,
        "seed": seed or None,
        "equipment": equipment or [],
        "focus": focus or [],
    }
    try:
        chosen = plans.parse_request(**values)
    except ServiceError as error:
        asked = {**values, "training_age_months": training_age, "seed": seed}
        return render(
            request,
            "plan.html",
            nav="plan_page",
            asked=asked,
            result=None,
            error=str(error),
            status_code=422,
            **_choices(),
        )
    result = plans.plan_program(chosen).to_dict()
    return render(
        request,
        "plan.html",
        nav="plan_page",
        asked=result["request"],
        result=result,
        error=None,
        **_choices(),
    )


@router.post("/plan/save", name="web_save_plan")
def save_plan(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    text: Annotated[str, Form(max_length=200_000)],
) -> Response:
    """Store the generated program and open the programs page."""
    from fitrec.services import programs

    check_form_token(request, viewer, csrf)
    try:
        programs.create_program(factory, viewer.owner_id, text)
    except ServiceError as error:
        return render(
            request,
            "plan.html",
            nav="plan_page",
            asked={},
            result=None,
            error=str(error),
            status_code=422,
            **_choices(),
        )
    return RedirectResponse("/cycle", status_code=303)


@router.get("/cycle", response_class=HTMLResponse, name="cycle_page")
def cycle_page(request: Request, viewer: ViewerDep, factory: UowDep) -> Response:
    """The current cycle as weeks × days (done, next), or a form to start one."""
    from fitrec.services import cycles, programs
    from fitrec.services.errors import NotFound

    try:
        view = cycles.show_cycle(factory, viewer.owner_id).to_dict()
    except NotFound:
        view = None
    owned = programs.list_programs(factory, viewer.owner_id)
    return render(request, "cycle.html", nav="cycle_page", cycle=view, programs=owned, error=None)


@router.post("/cycle/start", name="web_start_cycle")
def start_cycle(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    program: Annotated[str, Form()],
    weeks: Annotated[int, Form()] = 5,
) -> Response:
    """Start a cycle of one of the lifter's programs."""
    from fitrec.services import cycles, programs

    check_form_token(request, viewer, csrf)
    try:
        cycles.start_cycle(factory, viewer.owner_id, program, weeks)
    except ServiceError as error:
        owned = programs.list_programs(factory, viewer.owner_id)
        return render(
            request,
            "cycle.html",
            nav="cycle_page",
            cycle=None,
            programs=owned,
            error=str(error),
            status_code=422,
        )
    return RedirectResponse("/cycle", status_code=303)


@router.post("/cycle/advance", name="web_advance_cycle")
def advance_cycle(
    request: Request, viewer: ViewerDep, factory: UowDep, csrf: CsrfField
) -> Response:
    """Mark the next day done."""
    from fitrec.services import cycles

    check_form_token(request, viewer, csrf)
    cycles.advance_cycle(factory, viewer.owner_id)
    return RedirectResponse("/cycle", status_code=303)
