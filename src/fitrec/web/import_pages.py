"""Import: upload an export file, see the mapping report and flagged rows, confirm."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from fitrec.services.errors import ServiceError
from fitrec.services.unit_of_work import UowFactory
from fitrec.web.auth import CSRF_FIELD, Viewer, check_form_token, require_viewer
from fitrec.web.deps import app_settings, make_uow
from fitrec.web.rendering import render

router = APIRouter(include_in_schema=False)
UowDep = Annotated[UowFactory, Depends(make_uow)]
ViewerDep = Annotated[Viewer, Depends(require_viewer)]
CsrfField = Annotated[str, Form(alias=CSRF_FIELD)]
FORMATS = ("", "strong", "hevy", "fitnotes", "liftosaur", "jefit", "gymbook", "native")


@router.get("/import", response_class=HTMLResponse, name="import")
def import_page(request: Request, viewer: ViewerDep) -> Response:
    """The upload form."""
    return render(request, "import.html", nav="import", result=None, error=None, formats=FORMATS)


def _import(
    request: Request,
    factory: UowFactory,
    owner_id: int,
    data: bytes,
    filename: str,
    source: str,
    unit: str,
    dry_run: bool,
    mapping: dict[str, str] | None = None,
) -> Response:
    from fitrec.catalog import default_catalog
    from fitrec.services.imports import ImportFailed, import_file

    try:
        result = import_file(
            factory,
            owner_id,
            data,
            source=source or None,
            unit=unit or None,
            dry_run=dry_run,
            mapping=mapping or None,
        )
    except ImportFailed as error:
        where = f" (row {error.row})" if error.row else ""
        return _error(request, f"{filename}{where}: {error}")
    except ServiceError as error:
        return _error(request, f"{filename}: {error}")
    return render(
        request,
        "import.html",
        nav="import",
        result=result,
        error=None,
        formats=FORMATS,
        filename=filename,
        source=source,
        unit=unit,
        payload=base64.b64encode(data).decode("ascii") if dry_run else "",
        review=[n for n in result.names if n.needs_review],
        exercises=[(e.slug, e.name) for e in default_catalog()] if dry_run else [],
    )


def _error(request: Request, message: str) -> Response:
    return render(
        request,
        "import.html",
        status_code=422,
        nav="import",
        result=None,
        error=message,
        formats=FORMATS,
    )


@router.post("/import/preview", name="import_preview")
async def preview(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    file: Annotated[UploadFile, File()],
    source: Annotated[str, Form()] = "",
    unit: Annotated[str, Form()] = "",
) -> Response:
    """A dry run: what the file would add, how each name maps, which rows are flagged."""
    check_form_token(request, viewer, csrf)
    limit = app_settings(request).max_upload_bytes
    data = await file.read(limit + 1)
    name = file.filename or "upload"
    if len(data) > limit:
        return _error(request, f"{name}: larger than {limit // (1024 * 1024)} MB")
    if not data:
        return _error(request, f"{name}: the file is empty")
    return _import(request, factory, viewer.owner_id, data, name, source, unit, dry_run=True)


@router.post("/import/confirm", name="import_confirm")
def confirm(
    request: Request,
    viewer: ViewerDep,
    factory: UowDep,
    csrf: CsrfField,
    payload: Annotated[str, Form()],
    filename: Annotated[str, Form()] = "upload",
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
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return _error(request, "the preview expired; upload the file again")
    mapping = corrected_mapping(map_foreign or [], map_auto or [], map_slug or [])
    return _import(
        request,
        factory,
        viewer.owner_id,
        data,
        filename,
        source,
        unit,
        dry_run=action == "preview",
        mapping=mapping,
    )


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
