"""Workout logging and the history: `fitrec log ...` and `fitrec history [show]`.

Heavy imports (the database stack, Rich) happen inside the commands.
"""

from __future__ import annotations

import re

import typer

from fitrec.cli.store_cmds import LocalContext, console, id_column, num, service_errors, when

log_app = typer.Typer(help="Log a workout set by set.", no_args_is_help=True)
history_app = typer.Typer(help="Sessions you have logged.", invoke_without_command=True)


@log_app.command("start")
def log_start(
    program: str = typer.Argument(..., help="Program name or id."),
    workout: str | None = typer.Argument(None, help="Workout (day) name; optional if only one."),
) -> None:
    """Start a session from a program's workout.

    Example: fitrec log start "Sample post-exhaust full body" "Full body"
    """
    from fitrec.services.sessions import start_session

    with service_errors():
        ctx = LocalContext()
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


# What the user typed for each field the service names.
SET_FIELDS = {
    "set_type": "--type",
    "rpe": "--rpe",
    "rir": "--rir",
    "rest_before_s": "--rest",
    "note": "--note",
    "block_label": "--block",
    "set_id": "--id",
}


# A negative number such as `-3` is an argument to be refused by name, not an unknown option.
@log_app.command("set", context_settings={"ignore_unknown_options": True})
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

    if weight.strip().startswith("-"):
        raise _bad_option("weight", f"must be 0 or more, got {weight}")
    try:
        amount, unit = parse_weight(weight)
    except ValueError as error:
        raise _bad_option("weight", str(error)) from None
    try:
        rest_s = parse_rest(rest) if rest is not None else None
    except ValueError as error:
        raise _bad_option("--rest", str(error)) from None
    with service_errors(SET_FIELDS):
        ctx = LocalContext()
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
        f"{state} {slot}{p.exercise_slug} set {p.set_index}: {num(p.weight)} {p.unit} × {p.reps}"
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

    # One feedback per block letter; the user typed --pump/--exhaustion once for all of them.
    renamed = {f"feedback[{i}].{k}": f"--{k}" for i in range(26) for k in ("pump", "exhaustion")}
    with service_errors({**renamed, "note": "--note"}):
        ctx = LocalContext()
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

    with service_errors():
        ctx = LocalContext()
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


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.add_typer(log_app, name="log")
    app.add_typer(history_app, name="history")
