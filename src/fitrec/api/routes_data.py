"""Analytics (progress, next targets, check) and import/export."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field

from fitrec.api.deps import Owner, Uow
from fitrec.api.problems import problem_responses
from fitrec.api.schemas import FindingOut
from fitrec.api.schemas_sessions import TargetOut
from fitrec.api.session_view import target_out

router = APIRouter(tags=["analytics and data"])
IMPORT_PATH = "/api/v1/import"


class ProgressPoint(BaseModel):
    """A session's e1RM of one lift."""

    date: str
    e1rm_kg: float
    weight_kg: float
    reps: int
    rpe: float | None
    rir: float | None


class ProgressOut(BaseModel):
    """The e1RM series of one lift."""

    exercise: str
    series: list[ProgressPoint]


class NextOut(BaseModel):
    """Targets for the next workout."""

    program: str
    workout: str
    targets: list[TargetOut]


class CheckOut(BaseModel):
    """Findings of the programs and of the history (declines)."""

    findings: list[FindingOut]


class ImportSummaryOut(BaseModel):
    """The counts of an import (whole numbers) and the volume it adds in kg."""

    sessions: int
    sets: int
    rest_rows: int
    warmup_sets: int
    exercises: int
    custom_exercises: int
    flagged: int
    volume_kg: float
    skipped_sessions: int
    notes: int
    first_date: str | None = Field(description="ISO day of the first session added")
    last_date: str | None = Field(description="ISO day of the last session added")
    skipped_sets: int = Field(description="sets the file marks skipped (kept in the note)")
    not_imported: int = Field(description="rows of kinds fitrec does not read, e.g. cardio")
    routines_as_notes: int = Field(description="routines listed in the report's notes")


class ImportOut(BaseModel):
    """What an import added (or, in a dry run, would add)."""

    format: str
    dry_run: bool
    summary: ImportSummaryOut
    names: list[dict[str, Any]]
    issues: list[dict[str, Any]]


@router.get("/progress", response_model=ProgressOut, responses=problem_responses(401, 404, 422))
def progress(
    owner: Owner, make_uow: Uow, exercise: Annotated[str, Query(min_length=1, max_length=200)]
) -> ProgressOut:
    """The e1RM per session of one lift (slug, name or alias)."""
    from fitrec.services.analytics import progress as progress_of

    data = progress_of(make_uow, owner, exercise).to_dict()
    return ProgressOut.model_validate(data)


@router.get("/next", response_model=NextOut, responses=problem_responses(401, 404, 422))
def next_workout(
    owner: Owner,
    make_uow: Uow,
    program: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    workout: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
) -> NextOut:
    """Targets for the next workout of the current program (or the one named)."""
    from fitrec.services.analytics import next_session

    plan = next_session(make_uow, owner, program, workout)
    return NextOut(
        program=plan.program,
        workout=plan.workout,
        targets=[target_out(t) for t in plan.targets],
    )


@router.get("/check", response_model=CheckOut, responses=problem_responses(401, 404, 422))
def check(
    owner: Owner,
    make_uow: Uow,
    program: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
) -> CheckOut:
    """Lint the caller's programs and check the history for declining compound strength."""
    from fitrec.services.analytics import check as check_all

    report = check_all(make_uow, owner, program)
    return CheckOut(
        findings=[
            FindingOut(**f.to_dict(path), workout=f.workout, block=f.block, entry=f.entry)
            for path, f in report.findings
        ]
    )


@router.post(
    "/import",
    response_model=ImportOut,
    responses=problem_responses(401, 403, 413, 422),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/octet-stream": {"schema": {"type": "string"}}},
        }
    },
)
async def import_file(
    request: Request,
    owner: Owner,
    make_uow: Uow,
    source: Annotated[
        Literal["strong", "hevy", "fitnotes", "liftosaur", "jefit", "gymbook", "native"] | None,
        Query(),
    ] = None,
    unit: Annotated[Literal["kg", "lb"] | None, Query()] = None,
    dry_run: bool = False,
) -> ImportOut:
    """Import an export file sent as the raw body, streamed to a temporary file (size
    limited; format detected if not given; the profile's unit if the file has none)."""
    from starlette.concurrency import run_in_threadpool

    from fitrec.services.errors import InvalidInput
    from fitrec.services.imports import ImportFailed
    from fitrec.services.imports import import_file as run_import
    from fitrec.services.uploads import StagedUpload

    with StagedUpload(request.app.state.settings.max_upload_bytes) as upload:
        async for chunk in request.stream():
            upload.write(chunk)
        try:
            result = await run_in_threadpool(
                run_import,
                make_uow,
                owner,
                upload.finish(),
                source=source,
                unit=unit,
                dry_run=dry_run,
            )
        except ImportFailed as error:
            if error.unit_required:
                raise InvalidInput(
                    "query.unit", f"{error.message}: give unit=kg or unit=lb"
                ) from error
            raise
    return ImportOut(
        format=result.format,
        dry_run=result.dry_run,
        summary=ImportSummaryOut(**result.summary.to_dict()),
        names=[
            {"foreign": n.foreign, "slug": n.slug, "how": n.how, "confidence": n.confidence}
            for n in result.names
        ],
        issues=[{"row": i.row, "column": i.column, "message": i.message} for i in result.issues],
    )


@router.get(
    "/export",
    responses={
        **problem_responses(401, 422),
        200: {
            "description": "The account as native JSON, CSV or Strong CSV",
            "content": {
                "application/json": {"schema": {"type": "object"}},
                "text/csv": {"schema": {"type": "string"}},
            },
        },
    },
)
def export(
    owner: Owner,
    make_uow: Uow,
    format: Annotated[Literal["json", "csv", "strong"], Query()] = "json",
    unit: Annotated[Literal["kg", "lb"] | None, Query()] = None,
) -> Response:
    """Export everything the caller owns: native JSON (lossless), CSV or Strong's CSV."""
    from fitrec.services.exports import export_account

    text = export_account(make_uow, owner, format, unit)
    media = "application/json" if format == "json" else "text/csv; charset=utf-8"
    filename = f"fitrec.{'json' if format == 'json' else 'csv'}"
    return Response(
        text,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
