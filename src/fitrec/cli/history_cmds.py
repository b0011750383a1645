"""The history: `fitrec history`, `history show`, `history flagged` and `history confirm`.

Heavy imports (the database stack, Rich) happen inside the commands.
"""

from __future__ import annotations

import json

import typer

from fitrec.cli.store_cmds import LocalContext, console, id_column, num, service_errors, when

history_app = typer.Typer(help="Sessions you have logged.", invoke_without_command=True)


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

    with service_errors():
        ctx = LocalContext()
        sessions = list_sessions(ctx.make_uow, ctx.owner_id, limit=limit)
    table = Table("Started", "Program", "Workout", "Sets", "Volume kg", "Finished")
    id_column(table)
    for s in sessions:
        table.add_row(
            when(s.started_at),
            s.program_name or (s.source or "-"),
            s.workout_name or "-",
            str(s.set_count),
            f"{s.volume_kg:,.0f}",
            when(s.finished_at),
            s.id,
        )
    console().print(table)


SHOW_COLUMNS = ("Slot", "Exercise", "#", "Type", "Weight", "Reps", "RPE/RIR", "Rest", "Note", "Id")


@history_app.command("show")
def history_show(
    session_id: str = typer.Argument(
        ..., help="Session id from `fitrec history`, or a unique prefix of 4+ characters."
    ),
) -> None:
    """Show one session set by set, with its feedback.

    The id may be shortened to any prefix of 4 or more characters that only one of your
    sessions has (a prefix several share is refused with the list of them).

    Example: fitrec history show 9b1c0e4d2f6a4b8e9d7c5a3b1f0e2d4c
    """
    from rich.table import Table

    from fitrec.services.identifiers import resolve_session_id
    from fitrec.services.sessions import get_session

    with service_errors():
        ctx = LocalContext()
        session_id = resolve_session_id(ctx.make_uow, ctx.owner_id, session_id, "SESSION_ID")
        session = get_session(ctx.make_uow, ctx.owner_id, session_id)
    out = console()
    title = " / ".join(x for x in (session.program_name, session.workout_name) if x) or "Session"
    out.print(f"[bold]{title}[/bold]  {when(session.started_at)} → {when(session.finished_at)}")
    rows = []
    for p in session.sets:
        effort = f"RPE {num(p.rpe)}" if p.rpe is not None else ""
        effort = effort or (f"{num(p.rir)} RIR" if p.rir is not None else "")
        rows.append(
            {
                "Slot": f"{p.block_label or ''}{p.position or ''}",
                "Exercise": p.exercise_slug,
                "#": str(p.set_index),
                "Type": p.set_type.value,
                "Weight": f"{num(p.weight)} {p.unit}",
                "Reps": str(p.reps),
                "RPE/RIR": effort,
                "Rest": f"{p.rest_before_s}s" if p.rest_before_s is not None else "",
                "Note": p.note or "",
                "Id": p.id or "",
            }
        )
    # Columns empty for the whole session are left out so the ids fit a narrow terminal.
    headers = [h for h in SHOW_COLUMNS if h in ("Slot", "Id") or any(r[h] for r in rows)]
    table = Table()
    for header in headers:
        if header == "Id":
            id_column(table)
        else:
            table.add_column(header, overflow="fold" if header == "Exercise" else "ellipsis")
    for row in rows:
        table.add_row(*(row[h] for h in headers))
    out.print(table)
    for f in session.feedback:
        out.print(
            f"block {f.block_label}: pump {f.pump or '-'}, exhaustion {f.exhaustion or '-'}"
            + (f" — {f.note}" if f.note else "")
        )
    if session.note:
        out.print(f"note: {session.note}")


CONFIRM_HINT = (
    "Confirm a real value with `fitrec log edit ID --confirm`, "
    "or correct it with `fitrec log edit ID --weight W --reps R`."
)


SESSION_HINT = (
    "Confirm a real duration with `fitrec history confirm ID`, "
    'or correct its end with `fitrec history confirm ID --finished "2025-01-01 10:30"`.'
)


def _hours(seconds: int | None) -> str:
    return "-" if seconds is None else f"{seconds / 3600:,.0f} h"


@history_app.command("flagged")
def history_flagged(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Sets and workouts flagged as implausible (kept out of records and charts), newest first.

    A flagged set has an impossible weight or rep count; a flagged workout an impossible
    duration (a timer left running). In --json every row has a "kind": "set" or "session".

    Example: fitrec history flagged --json
    """
    from fitrec.services.history import flagged_sessions_in, flagged_sets_in, load_history

    with service_errors():
        ctx = LocalContext()
        history = load_history(ctx.make_uow, ctx.owner_id)
    found = flagged_sets_in(history)
    sessions = flagged_sessions_in(history)
    if as_json:
        rows: list[dict[str, object]] = [
            {
                "kind": "set",
                "set_id": f.performed.id,
                "session_id": f.session_id,
                "date": f.started_at.astimezone().date().isoformat(),
                "workout": f.workout,
                "exercise": f.performed.exercise_slug,
                "set_index": f.performed.set_index,
                "set_type": f.performed.set_type.value,
                "weight": f.performed.weight,
                "unit": str(f.performed.unit),
                "reps": f.performed.reps,
                "reason": f.reason,
            }
            for f in found
        ]
        rows.extend(
            {
                "kind": "session",
                "session_id": s.session.id,
                "date": s.session.started_at.astimezone().date().isoformat(),
                "workout": s.workout,
                "started_at": s.session.started_at.isoformat(),
                "finished_at": s.session.finished_at.isoformat() if s.session.finished_at else None,
                "duration_s": s.duration_s,
                "reason": s.reason,
            }
            for s in sessions
        )
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    out = console()
    if not found and not sessions:
        out.print("No flagged sets or workouts.")
        return
    from rich.table import Table

    if found:
        table = Table("Date", "Workout", "Exercise", "Weight", "Reps", "Reason")
        id_column(table, "Set id")
        for f in found:
            p = f.performed
            table.add_row(
                when(f.started_at)[:10],
                f.workout or "-",
                p.exercise_slug,
                f"{num(p.weight)} {p.unit}",
                str(p.reps),
                f.reason,
                p.id or "",
            )
        out.print(table)
        out.print(CONFIRM_HINT, highlight=False, markup=False)
    if sessions:
        table = Table("Date", "Workout", "Duration", "Reason")
        id_column(table, "Session id")
        for s in sessions:
            table.add_row(
                when(s.session.started_at)[:10],
                s.workout or "-",
                _hours(s.duration_s),
                s.reason,
                s.session.id or "",
            )
        out.print(table)
        out.print(SESSION_HINT, highlight=False, markup=False)


@history_app.command("confirm")
def history_confirm(
    session_id: str = typer.Argument(
        ..., help="Session id from `fitrec history flagged`, or a unique prefix of 4+ characters."
    ),
    finished: str | None = typer.Option(
        None,
        "--finished",
        help='The real end time in local time, "YYYY-MM-DD HH:MM" (corrects the duration).',
    ),
) -> None:
    """Clear a workout's duration flag: it really lasted that long, or --finished corrects it.

    The id may be shortened to any prefix of 4 or more characters that only one of your
    sessions has.

    Example: fitrec history confirm 9b1c0e4d2f6a4b8e9d7c5a3b1f0e2d4c --finished "2025-01-01 10:30"
    """
    from datetime import datetime

    from fitrec.services.history import confirm_session, duration_s
    from fitrec.services.identifiers import resolve_session_id

    finished_at = None
    if finished is not None:
        try:
            finished_at = datetime.fromisoformat(finished.strip()).astimezone()
        except ValueError:
            typer.echo(
                f"--finished: {finished!r} is not a time; use the form 2025-01-01 10:30", err=True
            )
            raise typer.Exit(2) from None
    with service_errors({"finished_at": "--finished"}):
        ctx = LocalContext()
        session_id = resolve_session_id(ctx.make_uow, ctx.owner_id, session_id, "SESSION_ID")
        done = confirm_session(ctx.make_uow, ctx.owner_id, session_id, finished_at=finished_at)
    typer.echo(
        f"session {done.id}: {when(done.started_at)} → {when(done.finished_at)} "
        f"({_hours(duration_s(done))}), not flagged"
    )


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.add_typer(history_app, name="history")
