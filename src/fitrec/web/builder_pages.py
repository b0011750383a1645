"""The program builder: programs and templates, the editor, live linting, saving."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
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
# The builder lints and searches through the API, signed in by the web session's cookie.
LINT_URL = "/api/v1/lint"
SEARCH_URL = "/api/v1/exercises"

# A new program starts empty: the first "Add block" is its first block.
STARTER = """program: My post-exhaust program
phase: hypertrophy
level: intermediate
"""


@router.get("/programs", response_class=HTMLResponse, name="programs")
def programs_page(request: Request, viewer: ViewerDep, factory: UowDep) -> Response:
    """The lifter's programs (start a workout, edit) and the article's templates (copy)."""
    from fitrec.services import programs, templates

    owned = []
    for summary in programs.list_programs(factory, viewer.owner_id):
        owned.append(summary)
    return render(
        request,
        "programs.html",
        nav="programs",
        programs=owned,
        templates=templates.list_templates(),
    )


@router.post("/programs/copy", name="copy_program")
def copy_program(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    template: Annotated[str, Form()] = "",
    program: Annotated[str, Form()] = "",
) -> Response:
    """Copy a template (or one of the lifter's programs) and open the copy in the builder."""
    from fitrec.services import programs, templates

    check_form_token(request, viewer, csrf)
    try:
        if template:
            copied = templates.copy_template(factory, viewer.owner_id, template)
        else:
            copied = programs.clone_program(factory, viewer.owner_id, program)
    except ServiceError as error:
        if template and "already have" in str(error):
            copied = programs.clone_program(factory, viewer.owner_id, template)
        else:
            raise HTTPException(422, str(error)) from error
    return RedirectResponse(f"/builder?program={copied.id}", status_code=303)


@router.get("/builder", response_class=HTMLResponse, name="builder")
def builder(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    program: str = "",
    saved: int = 0,
    draft: int = 0,
) -> Response:
    """The builder: structured editing, the notation text, findings beside each block."""
    from fitrec.services import programs

    text, program_id, workouts = STARTER, "", []
    if program:
        try:
            record = programs.get_program(factory, viewer.owner_id, program)
        except ServiceError as error:
            raise HTTPException(404, str(error)) from error
        text = programs.export_text(factory, viewer.owner_id, record.id)
        program_id, workouts = record.id, [w.name for w in record.program.workouts]
    return _builder_page(request, text, program_id, workouts, saved=bool(saved), draft=bool(draft))


def _builder_page(
    request: Request,
    text: str,
    program_id: str,
    workouts: list[str],
    *,
    saved: bool = False,
    draft: bool = False,
    error: str | None = None,
    errors: list[Any] | None = None,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "builder.html",
        status_code=status_code,
        nav="programs",
        text=text,
        program_id=program_id,
        workouts=workouts,
        saved=saved,
        draft=draft,
        error=error,
        errors=errors or [],
        lint_url=LINT_URL,
        search_url=SEARCH_URL,
    )


@router.post("/builder")
def save_program(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    text: Annotated[str, Form()],
    program_id: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "save",
) -> Response:
    """Save the program text (new or edited); a parse or name problem re-shows the editor.

    A program whose findings include an error is saved only as a draft, when the lifter
    asks for one; otherwise the editor comes back with the errors.
    """
    from fitrec.rules.finding import Severity
    from fitrec.services import programs
    from fitrec.services.linting import lint_text
    from fitrec.textformat.errors import NotationError

    check_form_token(request, viewer, csrf)
    try:
        errors = [f for f in lint_text(text).findings if f.severity is Severity.ERROR]
    except NotationError:
        errors = []  # the save below names the line and column
    draft = bool(errors)
    if draft and action != "draft":
        message = (
            f"Not saved: the program has {len(errors)} error(s). Fix them, "
            "or save it as a draft on purpose (a draft is marked in your program list)."
        )
        return _builder_page(
            request, text, program_id, [], error=message, errors=errors, status_code=422
        )
    try:
        if program_id:
            record = programs.edit_program(factory, viewer.owner_id, program_id, text, draft=draft)
        else:
            record = programs.create_program(factory, viewer.owner_id, text, draft=draft)
    except (ServiceError, ValueError) as error:
        return _builder_page(request, text, program_id, [], error=str(error), status_code=422)
    flag = "&draft=1" if draft else ""
    return RedirectResponse(f"/builder?program={record.id}&saved=1{flag}", status_code=303)
