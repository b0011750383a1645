"""Commands on the local database: templates, programs, workout logging, history, db upgrade.

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
log_app = typer.Typer(help="Log a workout set by set.", no_args_is_help=True)
history_app = typer.Typer(help="Sessions you have logged.", invoke_without_command=True)
db_app = typer.Typer(help="The local database.", no_args_is_help=True)


class _Context:
    """The unit-of-work factory and the local owner, made once per command."""

    def __init__(self) -> None:
        from fitrec import bootstrap
        from fitrec.config import get_settings

        settings = get_settings()
        bootstrap.upgrade_database(settings.database_url)
        self.make_uow = bootstrap.uow_factory(settings)
        self.owner_id = bootstrap.local_owner_id(self.make_uow)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn the services' errors into a message on stderr and exit 1."""
    from fitrec.services.errors import Conflict, InvalidInput, NotFound, ServiceError

    try:
        yield
    except InvalidInput as error:
        typer.echo(f"error: {error.field}: {error.message}", err=True)
        raise typer.Exit(1) from None
    except NotFound as error:
        typer.echo(f"error: {error.what} {error.id!r} not found", err=True)
        raise typer.Exit(1) from None
    except Conflict as error:
        typer.echo(f"error: {error.message}", err=True)
        raise typer.Exit(1) from None
    except ServiceError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None


def _console() -> Any:
    from rich.console import Console

    return Console()


def _when(value: Any) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "-"


def _num(value: float) -> str:
    return f"{value:g}"


@templates_app.command("list")
def templates_list(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List the built-in templates (the article's programs).

    Example: fitrec templates list --json
    """
    from fitrec.services.templates import list_templates

    with _errors():
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
    _console().print(table)


@templates_app.command("copy")
def templates_copy(
    name: str = typer.Argument(..., help="Template name, e.g. 'Chest post-exhaust'."),
    new_name: str | None = typer.Option(None, "--as", help="Name of your copy."),
) -> None:
    """Copy a built-in template into your programs.

    Example: fitrec templates copy "Chest post-exhaust"
    """
    from fitrec.services.templates import copy_template

    with _errors():
        ctx = _Context()
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
    with _errors():
        ctx = _Context()
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

    with _errors():
        ctx = _Context()
        programs = list_programs(ctx.make_uow, ctx.owner_id)
    if as_json:
        rows = [
            {"id": p.id, "name": p.name, "workouts": list(p.workouts), "template": p.template}
            for p in programs
        ]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table("Name", "Workouts", "From template", "Updated", "Id")
    for p in programs:
        table.add_row(p.name, ", ".join(p.workouts), p.template or "-", _when(p.updated_at), p.id)
    _console().print(table)


@programs_app.command("export")
def programs_export(name: str = typer.Argument(..., help="Program name or id.")) -> None:
    """Print a program in the notation.

    Example: fitrec programs export "Chest post-exhaust" > chest.txt
    """
    from fitrec.services.programs import export_text

    with _errors():
        ctx = _Context()
        text = export_text(ctx.make_uow, ctx.owner_id, name)
    typer.echo(text, nl=not text.endswith("\n"))


@programs_app.command("delete")
def programs_delete(name: str = typer.Argument(..., help="Program name or id.")) -> None:
    """Delete a program (sessions done from it stay in the history).

    Example: fitrec programs delete "Chest post-exhaust"
    """
    from fitrec.services.programs import delete_program

    with _errors():
        ctx = _Context()
        delete_program(ctx.make_uow, ctx.owner_id, name)
    typer.echo(f"deleted program {name!r}")


@log_app.command("start")
def log_start(
    program: str = typer.Argument(..., help="Program name or id."),
    workout: str | None = typer.Argument(None, help="Workout (day) name; optional if only one."),
) -> None:
    """Start a session from a program's workout.

    Example: fitrec log start "Sample post-exhaust full body" "Full body"
    """
    from fitrec.services.sessions import start_session

    with _errors():
        ctx = _Context()
        opened = start_session(ctx.make_uow, ctx.owner_id, program=program, workout=workout)
    typer.echo(f"started {opened.program_name} / {opened.workout_name} (session {opened.id})")


def parse_rest(text: str) -> int:
    """Seconds from `90`, `90s`, `1:30`, `2m` or `2min`."""
    value = text.strip().lower()
    if m := re.fullmatch(r"(\d+):([0-5]\d)", value):
        return int(m.group(1)) * 60 + int(m.group(2))
    if m := re.fullmatch(r"(\d+)\s*(s|sec|secs|seconds?)?", value):
        return int(m.group(1))
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?)", value):
        return round(float(m.group(1)) * 60)
    raise ValueError(f"rest {text!r} is not a duration such as 90, 90s, 1:30 or 2min")


def _bad_option(option: str, message: str) -> typer.Exit:
    typer.echo(f"error: {option}: {message}", err=True)
    return typer.Exit(1)


@log_app.command("set")
def log_set(
    exercise: str = typer.Argument(..., help="Exercise name, alias or slug."),
    weight: str = typer.Argument(..., help="Weight: 100, 100kg or 225lb."),
    reps: int = typer.Argument(..., help="Reps done."),
    rpe: float | None = typer.Option(None, "--rpe", help="Rate of perceived exertion 1-10."),
    rir: float | None = typer.Option(None, "--rir", help="Reps in reserve 0-10."),
    rest: str | None = typer.Option(None, "--rest", help="Rest taken before it: 90, 1:30."),
    set_type: str = typer.Option("working", "--type", help="warmup|working|drop|failure."),
    note: str | None = typer.Option(None, "--note", help="A note on the set."),
    set_id: str | None = typer.Option(None, "--id", help="Your id for the set (idempotent)."),
    block: str | None = typer.Option(None, "--block", help="Block letter, e.g. A."),
) -> None:
    """Log a set in your open session (the latest one you started and did not finish).

    Example: fitrec log set "bench press" 100kg 8 --rpe 8 --rest 2:00
    """
    from fitrec.domain.units import parse_weight
    from fitrec.services.sessions import log_set as log

    try:
        amount, unit = parse_weight(weight)
    except ValueError as error:
        raise _bad_option("weight", str(error)) from None
    try:
        rest_s = parse_rest(rest) if rest is not None else None
    except ValueError as error:
        raise _bad_option("--rest", str(error)) from None
    with _errors():
        ctx = _Context()
        if unit is None:
            from fitrec.services.athletes import get_profile

            unit = get_profile(ctx.make_uow, ctx.owner_id).unit
        logged = log(
            ctx.make_uow,
            ctx.owner_id,
            None,
            exercise=exercise,
            weight=amount,
            reps=reps,
            unit=unit,
            set_type=set_type,
            rpe=rpe,
            rir=rir,
            rest_before_s=rest_s,
            note=note,
            block_label=block,
            set_id=set_id,
        )
    p = logged.performed
    slot = f"{p.block_label}{p.position or ''} " if p.block_label else ""
    state = "logged" if logged.created else "already logged"
    typer.echo(
        f"{state} {slot}{p.exercise_slug} set {p.set_index}: {_num(p.weight)} {p.unit} × {p.reps}"
        f" (id {p.id})"
    )


@log_app.command("finish")
def log_finish(
    pump: int | None = typer.Option(None, "--pump", help="Pump 1-5."),
    exhaustion: int | None = typer.Option(None, "--exhaustion", help="Target exhaustion 1-5."),
    note: str | None = typer.Option(None, "--note", help="A note on the session."),
    block: list[str] = typer.Option([], "--block", help="Block(s) the feedback is for."),
) -> None:
    """Finish your open session, with pump and exhaustion for the block(s) just done.

    Example: fitrec log finish --pump 4 --exhaustion 5 --note "great pump"
    """
    from fitrec.domain.sessions import Feedback
    from fitrec.services.errors import InvalidInput
    from fitrec.services.sessions import blocks_without_feedback, finish_session, get_session

    with _errors():
        ctx = _Context()
        feedback: list[Feedback] = []
        if pump is not None or exhaustion is not None:
            labels = list(block)
            if not labels:
                from fitrec.services.sessions import current_session

                opened = current_session(ctx.make_uow, ctx.owner_id)
                if opened is not None:
                    labels = blocks_without_feedback(
                        get_session(ctx.make_uow, ctx.owner_id, opened.id)
                    )
                if not labels:
                    raise InvalidInput("--block", "no block to rate; name it with --block A")
            feedback = [Feedback(label, pump=pump, exhaustion=exhaustion) for label in labels]
        done = finish_session(ctx.make_uow, ctx.owner_id, None, feedback=feedback, note=note)
    typer.echo(f"finished session {done.id}: {len(done.sets)} sets")


@log_app.command("delete")
def log_delete(set_id: str = typer.Argument(..., help="The set's id.")) -> None:
    """Delete a logged set by its id.

    Example: fitrec log delete 3f2a9c
    """
    from fitrec.services.sessions import delete_set

    with _errors():
        ctx = _Context()
        delete_set(ctx.make_uow, ctx.owner_id, set_id)
    typer.echo(f"deleted set {set_id}")


@history_app.callback()
def history(
    typer_ctx: typer.Context,
    limit: int = typer.Option(20, "--limit", help="How many sessions to show."),
) -> None:
    """Your sessions, newest first.

    Example: fitrec history --limit 10
    """
    if typer_ctx.invoked_subcommand is not None:
        return
    from rich.table import Table

    from fitrec.services.sessions import list_sessions

    with _errors():
        ctx = _Context()
        sessions = list_sessions(ctx.make_uow, ctx.owner_id, limit=limit)
    table = Table("Started", "Program", "Workout", "Sets", "Volume kg", "Finished", "Id")
    for s in sessions:
        table.add_row(
            _when(s.started_at),
            s.program_name or (s.source or "-"),
            s.workout_name or "-",
            str(s.set_count),
            f"{s.volume_kg:,.0f}",
            _when(s.finished_at),
            s.id,
        )
    _console().print(table)


@history_app.command("show")
def history_show(
    session_id: str = typer.Argument(..., help="Session id from `fitrec history`."),
) -> None:
    """Show one session set by set, with its feedback.

    Example: fitrec history show 9b1c0e4d2f6a4b8e9d7c5a3b1f0e2d4c
    """
    from rich.table import Table

    from fitrec.services.sessions import get_session

    with _errors():
        ctx = _Context()
        session = get_session(ctx.make_uow, ctx.owner_id, session_id)
    console = _console()
    title = " / ".join(x for x in (session.program_name, session.workout_name) if x) or "Session"
    console.print(
        f"[bold]{title}[/bold]  {_when(session.started_at)} → {_when(session.finished_at)}"
    )
    table = Table(
        "Slot", "Exercise", "#", "Type", "Weight", "Reps", "RPE/RIR", "Rest", "Note", "Id"
    )
    for p in session.sets:
        effort = f"RPE {_num(p.rpe)}" if p.rpe is not None else ""
        effort = effort or (f"{_num(p.rir)} RIR" if p.rir is not None else "")
        table.add_row(
            f"{p.block_label or ''}{p.position or ''}",
            p.exercise_slug,
            str(p.set_index),
            p.set_type.value,
            f"{_num(p.weight)} {p.unit}",
            str(p.reps),
            effort,
            f"{p.rest_before_s}s" if p.rest_before_s is not None else "",
            p.note or "",
            p.id or "",
        )
    console.print(table)
    for f in session.feedback:
        console.print(
            f"block {f.block_label}: pump {f.pump or '-'}, exhaustion {f.exhaustion or '-'}"
            + (f" — {f.note}" if f.note else "")
        )
    if session.note:
        console.print(f"note: {session.note}")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the database migrations (also done on first use).

    Example: fitrec db upgrade
    """
    from fitrec import bootstrap
    from fitrec.config import get_settings

    url = get_settings().database_url
    try:
        bootstrap.upgrade_database(url)
    except Exception as error:  # a broken URL or an unreachable server
        typer.echo(f"error: cannot upgrade {url}: {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"database at {_safe(url)} is up to date")


def _safe(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.add_typer(templates_app, name="templates")
    app.add_typer(programs_app, name="programs")
    app.add_typer(log_app, name="log")
    app.add_typer(history_app, name="history")
    app.add_typer(db_app, name="db")
