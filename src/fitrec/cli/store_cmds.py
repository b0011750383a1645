"""Commands on the local database: templates, programs and db upgrade.

Also the helpers every local-database command shares (`LocalContext`, `service_errors`).
The CLI acts as the local owner (a user row made on first use). Heavy imports (the
database stack) happen inside the commands so that other commands start fast.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

templates_app = typer.Typer(help="The article's built-in programs.", no_args_is_help=True)
programs_app = typer.Typer(help="Your programs in the local database.", no_args_is_help=True)
db_app = typer.Typer(help="The local database.", no_args_is_help=True)


class LocalContext:
    """The unit-of-work factory and the local owner, made once per command."""

    def __init__(self) -> None:
        from fitrec import bootstrap
        from fitrec.config import get_settings

        settings = get_settings()
        bootstrap.upgrade_database(settings.database_url)
        self.make_uow = bootstrap.uow_factory(settings)
        self.owner_id = bootstrap.local_owner_id(self.make_uow)


@contextmanager
def service_errors(fields: dict[str, str] | None = None) -> Iterator[None]:
    """Turn the services' errors into a message on stderr and exit 1.

    `fields` renames a service's field to what the user typed (`set_type` -> `--type`).
    """
    from fitrec.services.errors import Conflict, InvalidInput, NotFound, ServiceError

    try:
        yield
    except InvalidInput as error:
        field = (fields or {}).get(error.field, error.field)
        typer.echo(f"error: {field}: {error.message}", err=True)
        raise typer.Exit(1) from None
    except NotFound as error:
        if error.what == "open session":
            typer.echo(
                "error: no open session: start one with `fitrec log start PROGRAM WORKOUT`",
                err=True,
            )
        else:
            typer.echo(f"error: {error.what} {error.id!r} not found", err=True)
        raise typer.Exit(1) from None
    except Conflict as error:
        typer.echo(f"error: {error.message}", err=True)
        raise typer.Exit(1) from None
    except ServiceError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None


def console() -> Any:
    """A Rich console on stdout."""
    from rich.console import Console

    return Console()


def when(value: Any) -> str:
    """A datetime in local time to the minute, or `-` when there is none."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "-"


def num(value: float) -> str:
    """A number without a trailing `.0`."""
    return f"{value:g}"


def id_column(table: Any, header: str = "Id") -> None:
    """Add an id column that wraps instead of cutting: ids are copied into other commands."""
    table.add_column(header, overflow="fold")


@templates_app.command("list")
def templates_list(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List the built-in templates (the article's programs).

    Example: fitrec templates list --json
    """
    from fitrec.services.templates import list_templates

    with service_errors():
        templates = list_templates()
    if as_json:
        rows = [
            {"name": t.name, "workouts": [w.name for w in t.program.workouts], "text": t.text}
            for t in templates
        ]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table("Name", "Workouts", "Exercises")
    for t in templates:
        names = [e.name for w in t.program.workouts for b in w.blocks for e in b.entries]
        table.add_row(t.name, ", ".join(w.name for w in t.program.workouts), " → ".join(names))
    console().print(table)


@templates_app.command("copy")
def templates_copy(
    name: str = typer.Argument(..., help="Template name, e.g. 'Chest post-exhaust'."),
    new_name: str | None = typer.Option(None, "--as", help="Name of your copy."),
) -> None:
    """Copy a built-in template into your programs.

    Example: fitrec templates copy "Chest post-exhaust"
    """
    from fitrec.services.templates import copy_template

    with service_errors():
        ctx = LocalContext()
        record = copy_template(ctx.make_uow, ctx.owner_id, name, new_name)
    typer.echo(f"copied {name!r} as program {record.program.name!r} ({record.id})")


@programs_app.command("add")
def programs_add(
    file: Path = typer.Argument(..., help="A program file in fitrec notation ('-' for stdin)."),
) -> None:
    """Store a program written in the notation.

    Example: fitrec programs add examples/sample-workout.txt
    """
    import sys

    from fitrec.services.programs import create_program

    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        typer.echo(f"{file}: cannot read: {error}", err=True)
        raise typer.Exit(2) from None
    with service_errors({"text": str(file)}):
        ctx = LocalContext()
        record = create_program(ctx.make_uow, ctx.owner_id, text)
    typer.echo(f"added program {record.program.name!r} ({record.id})")


@programs_app.command("list")
def programs_list(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List your programs.

    Example: fitrec programs list
    """
    from fitrec.services.programs import list_programs

    with service_errors():
        ctx = LocalContext()
        programs = list_programs(ctx.make_uow, ctx.owner_id)
    if as_json:
        rows = [
            {"id": p.id, "name": p.name, "workouts": list(p.workouts), "template": p.template}
            for p in programs
        ]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table("Name", "Workouts", "From template", "Updated")
    id_column(table)
    for p in programs:
        table.add_row(p.name, ", ".join(p.workouts), p.template or "-", when(p.updated_at), p.id)
    console().print(table)


@programs_app.command("export")
def programs_export(
    name: str = typer.Argument(..., help="Program name, id or unique id prefix (4+ characters)."),
) -> None:
    """Print a program in the notation.

    The program is named by its name, its id or a prefix of 4 or more characters of its id
    that only one of your programs has.

    Example: fitrec programs export "Chest post-exhaust" > chest.txt
    """
    from fitrec.services.identifiers import resolve_program_id
    from fitrec.services.programs import export_text

    with service_errors():
        ctx = LocalContext()
        name = resolve_program_id(ctx.make_uow, ctx.owner_id, name, "NAME")
        text = export_text(ctx.make_uow, ctx.owner_id, name)
    typer.echo(text, nl=not text.endswith("\n"))


@programs_app.command("delete")
def programs_delete(
    name: str = typer.Argument(..., help="Program name, id or unique id prefix (4+ characters)."),
) -> None:
    """Delete a program (sessions done from it stay in the history).

    The program is named by its name, its id or a prefix of 4 or more characters of its id
    that only one of your programs has.

    Example: fitrec programs delete "Chest post-exhaust"
    """
    from fitrec.services.identifiers import resolve_program_id
    from fitrec.services.programs import delete_program

    with service_errors():
        ctx = LocalContext()
        name = resolve_program_id(ctx.make_uow, ctx.owner_id, name, "NAME")
        delete_program(ctx.make_uow, ctx.owner_id, name)
    typer.echo(f"deleted program {name!r}")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the database migrations (also done on first use) and make the secret key.

    The key is kept in the data dir unless FITREC_SECRET_KEY gives it.

    Example: fitrec db upgrade
    """
    from fitrec import bootstrap
    from fitrec.config import get_settings

    settings = get_settings()
    url = settings.database_url
    try:
        bootstrap.ensure_secret_key(settings)
        bootstrap.upgrade_database(url)
    except Exception as error:  # a broken URL or an unreachable server
        typer.echo(f"error: cannot upgrade {safe_url(url)}: {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"database at {safe_url(url)} is up to date")


def safe_url(url: str) -> str:
    """The URL with its password masked, for messages."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.add_typer(templates_app, name="templates")
    app.add_typer(programs_app, name="programs")
    app.add_typer(db_app, name="db")
