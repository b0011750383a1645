"""Programs, lint and templates."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Request, Response

from fitrec.api.deps import Owner, Uow, text_wanted
from fitrec.api.problems import problem_responses
from fitrec.api.program_json import program_out, program_text
from fitrec.api.schemas import (
    FindingOut,
    LintBlockOut,
    LintEntryOut,
    LintIn,
    LintOut,
    TemplateCopy,
    TemplateOut,
)
from fitrec.api.schemas_training import (
    CloneIn,
    ProgramIn,
    ProgramList,
    ProgramOut,
    ProgramSummaryOut,
)
from fitrec.services import programs, templates

router = APIRouter(tags=["programs"])
ProgramId = Annotated[str, Path(min_length=1, max_length=200)]
READ = problem_responses(401, 404)
WRITE = problem_responses(401, 403, 404, 409, 422)
TEXT_OR_JSON: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The program as JSON, or its notation with Accept: text/plain",
        "content": {"text/plain": {"schema": {"type": "string"}}},
    }
}


@router.post("/programs", status_code=201, response_model=ProgramOut, responses=WRITE)
def create_program(body: ProgramIn, owner: Owner, make_uow: Uow) -> ProgramOut:
    """Store a program given as notation (`text`) or as structured JSON."""
    return program_out(programs.create_program(make_uow, owner, program_text(body)))


@router.get("/programs", response_model=ProgramList, responses=problem_responses(401))
def list_programs(owner: Owner, make_uow: Uow) -> ProgramList:
    """The caller's programs, by name."""
    return ProgramList(
        items=[
            ProgramSummaryOut(
                id=p.id,
                name=p.name,
                workouts=list(p.workouts),
                updated_at=p.updated_at,
                template=p.template,
            )
            for p in programs.list_programs(make_uow, owner)
        ]
    )


@router.get("/programs/{program_id}", response_model=ProgramOut, responses={**READ, **TEXT_OR_JSON})
def get_program(
    program_id: ProgramId, request: Request, owner: Owner, make_uow: Uow
) -> ProgramOut | Response:
    """One program: JSON, or its notation text with `Accept: text/plain`."""
    record = programs.get_program(make_uow, owner, program_id)
    out = program_out(record)
    if text_wanted(request):
        return Response(out.text, media_type="text/plain; charset=utf-8")
    return out


@router.put("/programs/{program_id}", response_model=ProgramOut, responses=WRITE)
def replace_program(
    program_id: ProgramId, body: ProgramIn, owner: Owner, make_uow: Uow
) -> ProgramOut:
    """Replace a program's content (text or structured), keeping its id."""
    return program_out(programs.edit_program(make_uow, owner, program_id, program_text(body)))


@router.delete(
    "/programs/{program_id}", status_code=204, responses=problem_responses(401, 403, 404)
)
def delete_program(program_id: ProgramId, owner: Owner, make_uow: Uow) -> Response:
    """Delete a program; sessions done from it stay in the history."""
    programs.delete_program(make_uow, owner, program_id)
    return Response(status_code=204)


@router.post(
    "/programs/{program_id}/clone", status_code=201, response_model=ProgramOut, responses=WRITE
)
def clone_program(
    program_id: ProgramId,
    owner: Owner,
    make_uow: Uow,
    body: Annotated[CloneIn | None, Body()] = None,
) -> ProgramOut:
    """Copy a program under a new name (`NAME (copy)` unless given)."""
    name = body.name if body else None
    return program_out(programs.clone_program(make_uow, owner, program_id, name))


@router.post("/lint", response_model=LintOut, responses=problem_responses(401, 403, 422))
def lint(body: LintIn, owner: Owner) -> LintOut:
    """Lint program notation: the same findings as `fitrec lint --format json`."""
    from fitrec.services.errors import InvalidInput
    from fitrec.services.linting import lint_text
    from fitrec.textformat import NotationError

    del owner  # linting reads nothing stored, but the API is for signed-in callers
    try:
        report = lint_text(body.text)
    except NotationError as error:
        raise InvalidInput("text", str(error)) from error
    findings = [
        FindingOut(**f.to_dict(), workout=f.workout, block=f.block, entry=f.entry)
        for f in report.findings
    ]
    blocks = [
        LintBlockOut(
            workout=workout.name,
            label=block.label,
            title=block.title,
            line=block.pos.line if block.pos else None,
            entries=[
                LintEntryOut(name=e.name, exercise_slug=e.exercise_slug) for e in block.entries
            ],
        )
        for workout in report.program.workouts
        for block in workout.blocks
    ]
    return LintOut(
        findings=findings,
        errors=sum(1 for f in findings if f.severity == "error"),
        warnings=sum(1 for f in findings if f.severity == "warning"),
        infos=sum(1 for f in findings if f.severity == "info"),
        blocks=blocks,
    )


@router.get("/templates", response_model=list[TemplateOut], responses=problem_responses(401))
def list_templates(owner: Owner) -> list[TemplateOut]:
    """The article's built-in programs."""
    del owner
    return [
        TemplateOut(name=t.name, text=t.text, workouts=[w.name for w in t.program.workouts])
        for t in templates.list_templates()
    ]


@router.post("/templates/{name}/copy", status_code=201, response_model=ProgramOut, responses=WRITE)
def copy_template(
    name: Annotated[str, Path(min_length=1, max_length=200)],
    owner: Owner,
    make_uow: Uow,
    body: Annotated[TemplateCopy | None, Body()] = None,
) -> ProgramOut:
    """Copy a built-in template into the caller's programs (optionally renamed)."""
    new_name = body.name if body else None
    return program_out(templates.copy_template(make_uow, owner, name, new_name))
