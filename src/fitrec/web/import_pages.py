"""Import: upload an export file, see what it holds and how each name maps, confirm.

The file is streamed to a temporary file (the same limit as the API's import). The page
keeps no upload between the preview and the import: the browser sends the file again
(the page's script keeps it; without the script the lifter chooses it again).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from functools import partial
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from fitrec.services import athletes
from fitrec.services.errors import ServiceError
from fitrec.services.unit_of_work import UowFactory
from fitrec.services.uploads import StagedUpload, UploadTooLarge, describe_limit
from fitrec.web.auth import CSRF_FIELD, Viewer, check_form_token, require_viewer
from fitrec.web.deps import app_settings, make_uow
from fitrec.web.rendering import render

router = APIRouter(include_in_schema=False)
UowDep = Annotated[UowFactory, Depends(make_uow)]
ViewerDep = Annotated[Viewer, Depends(require_viewer)]
CsrfField = Annotated[str, Form(alias=CSRF_FIELD)]
FileField = Annotated[UploadFile | None, File()]
FORMATS = ("", "strong", "hevy", "fitnotes", "liftosaur", "jefit", "gymbook", "native")
PREVIEW_PATH = "/import/preview"
CONFIRM_PATH = "/import/confirm"
FORM_SLACK = 256 * 1024  # the form's other fields beside the file (the name mapping)
CHUNK = 256 * 1024
PROGRESS_HEADER = "x-import-progress"  # "ndjson": progress lines, then the page
Progress = Callable[[int], None]


def upload_limits(max_upload_bytes: int) -> dict[str, int]:
    """The body limit of each upload path of the pages: the file limit plus the form."""
    return {
        PREVIEW_PATH: max_upload_bytes + FORM_SLACK,
        CONFIRM_PATH: max_upload_bytes + FORM_SLACK,
    }


def too_large_page(scope: Any, limit: int) -> Response:
    """The import page saying the upload is too large (before any of it was read)."""
    request = Request(scope)
    # Refused before routing: the layout's url_for needs the app's router.
    scope.setdefault("router", scope["app"].router)
    return render(
        request,
        "import.html",
        status_code=413,
        nav="import",
        result=None,
        error=f"The file is larger than the {describe_limit(limit - FORM_SLACK)} limit "
        "of an import; nothing was imported.",
        refused=True,
        formats=FORMATS,
        unit="kg",
        max_bytes=limit - FORM_SLACK,
    )


def _page(request: Request, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("result", None)
    context.setdefault("error", None)
    context.setdefault("unit", "kg")
    return render(
        request,
        "import.html",
        status_code=status_code,
        nav="import",
        formats=FORMATS,
        max_bytes=app_settings(request).max_upload_bytes,
        **context,
    )


@router.get("/import", response_class=HTMLResponse, name="import")
def import_page(request: Request, viewer: ViewerDep, factory: UowDep) -> Response:
    """The upload form; the unit defaults to the profile's."""
    unit = athletes.get_profile(factory, viewer.owner_id).unit.value
    return _page(request, unit=unit)


def failure_words(filename: str, error: ServiceError) -> str:
    """An import error for the page: the file, the row and field, what is wrong, what to do."""
    from fitrec.services.imports import ImportFailed

    if not isinstance(error, ImportFailed):
        return f"{filename}: {error}"
    where = []
    if error.row is not None:
        where.append(f"row {error.row}")
    if error.column is not None:
        where.append(f"field “{error.column}”")
    text = f"{filename}: " + (", ".join(where) + ": " if where else "") + error.detail
    if error.unit_required:
        text += ". Choose kg or lb under “Unit when the file does not say” and preview again"
    return text + "."


def _import(
    request: Request,
    factory: UowFactory,
    owner_id: int,
    path: Path,
    filename: str,
    source: str,
    unit: str,
    dry_run: bool,
    mapping: dict[str, str] | None,
    progress: Progress | None,
) -> HTMLResponse:
    from fitrec.catalog import default_catalog
    from fitrec.services.imports import import_file

    try:
        result = import_file(
            factory,
            owner_id,
            path,
            source=source or None,
            unit=unit or None,
            dry_run=dry_run,
            mapping=mapping or None,
            progress=progress,
        )
    except ServiceError as error:
        return _page(request, 422, error=failure_words(filename, error), unit=unit)
    return _page(
        request,
        result=result,
        filename=filename,
        source=source,
        unit=unit,
        review=[n for n in result.names if n.needs_review],
        exercises=[(e.slug, e.name) for e in default_catalog()] if dry_run else [],
    )


async def _staged(request: Request, upload: UploadFile | None) -> StagedUpload | str:
    """The upload in a temporary file, or why there is none."""
    if upload is None or not upload.filename:
        return "Choose the export file to import."
    stage = StagedUpload(app_settings(request).max_upload_bytes)
    try:
        while chunk := await upload.read(CHUNK):
            stage.write(chunk)
    except UploadTooLarge as error:
        stage.__exit__(None, None, None)
        return f"{upload.filename}: {error.message}; nothing was imported."
    if stage.size == 0:
        stage.__exit__(None, None, None)
        return f"{upload.filename}: the file is empty."
    stage.finish()
    return stage


async def _run(
    request: Request, upload: UploadFile | None, unit: str, work: Callable[..., HTMLResponse]
) -> Response:
    """Stage the upload and run the import, with progress lines if the page asks for them."""
    stage = await _staged(request, upload)
    if isinstance(stage, str):
        return _page(request, 422, error=stage, unit=unit)
    name = upload.filename if upload is not None and upload.filename else "upload"
    job = partial(work, path=stage.path, filename=name)
    if request.headers.get(PROGRESS_HEADER) == "ndjson":
        return StreamingResponse(_progress_lines(job, stage), media_type="application/x-ndjson")
    with stage:
        return await run_in_threadpool(job, progress=None)


def _line(item: dict[str, Any]) -> bytes:
    return (json.dumps(item) + "\n").encode()


async def _progress_lines(
    job: Callable[..., HTMLResponse], stage: StagedUpload
) -> AsyncIterator[bytes]:
    """`{"total": lines}`, `{"rows": n}` as rows are read, then `{"status", "html"}`."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[int] = asyncio.Queue()

    def progress(rows: int) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, rows)

    task = asyncio.ensure_future(run_in_threadpool(job, progress=progress))
    try:
        yield _line({"total": stage.lines})
        while not task.done():
            getter = asyncio.ensure_future(queue.get())
            done, _ = await asyncio.wait({task, getter}, return_when=asyncio.FIRST_COMPLETED)
            if getter in done:
                yield _line({"rows": getter.result()})
            else:
                getter.cancel()
        page = task.result()
        yield _line({"status": page.status_code, "html": bytes(page.body).decode()})
    finally:
        # The import runs on even if the browser left; its file goes when it is done.
        await asyncio.wait({task})
        stage.__exit__(None, None, None)


@router.post(PREVIEW_PATH, name="import_preview")
async def preview(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    file: FileField = None,
    source: Annotated[str, Form()] = "",
    unit: Annotated[str, Form()] = "",
) -> Response:
    """A dry run: what the file would add, how each name maps, which rows are flagged."""
    check_form_token(request, viewer, csrf)
    work = partial(
        _import,
        request,
        factory,
        viewer.owner_id,
        source=source,
        unit=unit,
        dry_run=True,
        mapping=None,
    )
    return await _run(request, file, unit, work)


@router.post(CONFIRM_PATH, name="import_confirm")
async def confirm(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    file: FileField = None,
    source: Annotated[str, Form()] = "",
    unit: Annotated[str, Form()] = "",
    action: Annotated[str, Form()] = "import",
    map_foreign: Annotated[list[str] | None, Form()] = None,
    map_auto: Annotated[list[str] | None, Form()] = None,
    map_slug: Annotated[list[str] | None, Form()] = None,
) -> Response:
    """Import the previewed file for real (one transaction), or preview it again, with the
    names the lifter corrected."""
    check_form_token(request, viewer, csrf)
    mapping = corrected_mapping(map_foreign or [], map_auto or [], map_slug or [])
    work = partial(
        _import,
        request,
        factory,
        viewer.owner_id,
        source=source,
        unit=unit,
        dry_run=action == "preview",
        mapping=mapping,
    )
    return await _run(request, file, unit, work)


def corrected_mapping(foreign: list[str], auto: list[str], chosen: list[str]) -> dict[str, str]:
    """Foreign name -> slug for the names whose exercise the lifter changed in the preview.

    A slug or any name the catalogue knows is accepted; an unknown one is passed on so the
    import names it in its error.
    """
    from fitrec.catalog import default_catalog

    catalog = default_catalog()
    mapping: dict[str, str] = {}
    for name, before, after in zip(foreign, auto, chosen, strict=False):
        after = after.strip()
        if not after or after == before:
            continue
        if after not in catalog:
            match = catalog.lookup(after)
            after = match.exercise.slug if match is not None else after
        mapping[name] = after
    return mapping
