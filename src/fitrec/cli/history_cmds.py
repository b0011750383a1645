"""The history: `fitrec history`, `fitrec history show` and `fitrec history flagged`.

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
    session_id: str = typer.Argument(..., help="Session id from `fitrec history`."),
) -> None:
    """Show one session set by set, with its feedback.

    Example: fitrec history show 9b1c0e4d2f6a4b8e9d7c5a3b1f0e2d4c
    """
    from rich.table import Table

    from fitrec.services.sessions import get_session

    with service_errors():
        ctx = LocalContext()
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


@history_app.command("flagged")
def history_flagged(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Sets flagged as implausible (kept out of records and charts), newest first.

    Example: fitrec history flagged --json
    """
    from fitrec.services.history import flagged_sets

    with service_errors():
        ctx = LocalContext()
        found = flagged_sets(ctx.make_uow, ctx.owner_id)
    if as_json:
        rows = [
            {
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
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    out = console()
    if not found:
        out.print("No flagged sets.")
        return
    from rich.table import Table

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


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.add_typer(history_app, name="history")
