"""`fitrec import` and `fitrec export`: bring history in from other apps, take it out losslessly.

Heavy imports (database, Rich) happen inside the commands so other commands start fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

_LARGE_FILE_BYTES = 1_000_000


def _context() -> tuple[Any, int]:
    """The unit-of-work factory on the configured database and the local owner."""
    from fitrec import bootstrap
    from fitrec.config import get_settings

    settings = get_settings()
    bootstrap.upgrade_database(settings.database_url)
    make_uow = bootstrap.uow_factory(settings)
    return make_uow, bootstrap.local_owner_id(make_uow)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(1)


@contextmanager
def _errors(path: Path) -> Iterator[None]:
    """Service errors become one line on stderr naming the file, and exit 1."""
    from fitrec.services.errors import InvalidInput, ServiceError

    try:
        yield
    except InvalidInput as error:
        where = f"{path}: " if error.field == "file" else f"{path}: {error.field}: "
        hint = ": give --unit kg or --unit lb" if getattr(error, "unit_required", False) else ""
        raise _fail(f"{where}{error.message}{hint}") from None
    except ServiceError as error:
        raise _fail(f"{path}: {error}") from None


def _wants_progress(size: int) -> bool:
    """A progress bar for large files, when stderr is a terminal to draw it on."""
    return size >= _LARGE_FILE_BYTES and sys.stderr.isatty()


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Callable[[int], None] | None]:
    """A Rich progress bar on stderr for large files (rows read so far)."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("reading rows", total=total)

        def advance(done: int) -> None:
            bar.update(task, completed=done)

        yield advance


def _read_mapping(path: Path | None) -> dict[str, str] | None:
    if path is None:
        return None
    from fitrec.interchange.model import InterchangeError
    from fitrec.interchange.names import load_mapping

    try:
        return load_mapping(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(f"{path}: cannot read the mapping file ({exc.strerror})") from None
    except InterchangeError as exc:
        raise _fail(f"{path}: {exc}") from None


def _print_report(result: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    summary = result.summary
    verb = "would add" if result.dry_run else "added"
    console.print(
        f"[bold]{result.format}[/bold] import {verb}: {summary.sessions} sessions, "
        f"{summary.sets} sets ({summary.warmup_sets} warm-up), {summary.rest_rows} rest rows, "
        f"{summary.volume_kg:g} kg working volume"
    )
    console.print(
        f"exercises matched: {summary.exercises}, custom exercises: "
        f"{summary.custom_exercises}, flagged: {summary.flagged}, sessions skipped as "
        f"already present: {summary.skipped_sessions}"
        + (f", post-exhaust pairs found: {result.pairs}" if result.pairs else "")
    )
    if summary.skipped_sets or summary.not_imported or summary.routines_as_notes:
        console.print(
            f"skipped sets (in the session notes, not performed): {summary.skipped_sets}, "
            f"rows not imported: {summary.not_imported}, "
            f"routines listed as notes (not stored): {summary.routines_as_notes}"
        )
    for note in result.report_notes:
        console.print(f"[cyan]note[/cyan] {note}", markup=True, highlight=False)
    if result.names:
        table = Table(title="Exercise names")
        for column in ("name in file", "became", "how", "sure", "rows"):
            table.add_column(column)
        for item in result.names:
            style = "yellow" if item.needs_review else ""
            table.add_row(
                item.foreign,
                f"{item.name} ({item.slug})",
                item.how,
                f"{item.confidence:.0%}",
                str(item.rows),
                style=style,
            )
        console.print(table)
    for issue in result.issues[:50]:
        column = f', column "{issue.column}"' if issue.column else ""
        console.print(f"[yellow]flagged[/yellow] row {issue.row}{column}: {issue.message}")
    if len(result.issues) > 50:
        console.print(f"... and {len(result.issues) - 50} more flagged rows")


def import_command(
    file: Path = typer.Argument(..., help="The export file (CSV or fitrec JSON)."),
    source: str | None = typer.Option(
        None,
        "--from",
        help="Force the format: strong, hevy, fitnotes, liftosaur, jefit, gymbook or native.",
    ),
    unit: str | None = typer.Option(
        None, "--unit", help="kg or lb, for files that do not say (required then)."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Report what would be added; write nothing."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
    mapping: Path | None = typer.Option(
        None, "--mapping", help="A name mapping file (as written by --write-mapping) to apply."
    ),
    write_mapping: Path | None = typer.Option(
        None, "--write-mapping", help="Write how each exercise name was mapped, to edit and reuse."
    ),
    with_profile: bool = typer.Option(
        False,
        "--with-profile",
        help="Also import the file's personal rows (JEFIT: the latest bodyweight).",
    ),
) -> None:
    """Import a Strong, Hevy, FitNotes, Liftosaur, JEFIT or GymBook export, or fitrec JSON.

    The format is detected; importing the same file again adds nothing.

    Example: fitrec import jefit_export.csv --dry-run --with-profile
    """
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise _fail(f"{file}: cannot read the file ({exc.strerror})") from None
    names = _read_mapping(mapping)
    from fitrec.services.imports import import_file

    make_uow, owner_id = _context()
    with _errors(file), _progress(_wants_progress(len(data)), data.count(b"\n")) as progress:
        result = import_file(
            make_uow,
            owner_id,
            data,
            source=source,
            unit=unit,
            dry_run=dry_run,
            mapping=names,
            progress=progress,
            with_profile=with_profile,
        )
    if write_mapping is not None:
        write_mapping.write_text(result.mapping_text, encoding="utf-8")
    if as_json:
        typer.echo(json.dumps(result.summary.to_dict()))
    else:
        _print_report(result)


def export_command(
    file: Path = typer.Argument(..., help="Where to write; `-` for standard output."),
    fmt: str = typer.Option("json", "--format", help="json (lossless), csv or strong."),
    unit: str | None = typer.Option(None, "--unit", help="Weight unit of a strong export."),
) -> None:
    """Export everything: fitrec JSON (lossless), CSV (one row per set) or Strong CSV.

    Example: fitrec export --format json backup.json
    """
    from fitrec.services.exports import export_account

    make_uow, owner_id = _context()
    with _errors(file):
        text = export_account(make_uow, owner_id, fmt, unit)
    if str(file) == "-":
        sys.stdout.write(text)
        return
    try:
        file.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _fail(f"{file}: cannot write ({exc.strerror})") from None
    typer.echo(f"wrote {file} ({fmt})", err=True)


def register(app: typer.Typer) -> None:
    """Declare `fitrec import` and `fitrec export` on `app`."""
    app.command("import")(import_command)
    app.command("export")(export_command)
