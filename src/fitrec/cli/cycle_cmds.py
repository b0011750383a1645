"""`fitrec cycle start|show|advance|review`: run a program as a training cycle.

Heavy imports (the database stack) happen inside the commands.
"""

from __future__ import annotations

import json
from typing import Any

import typer

from fitrec.cli.store_cmds import LocalContext, console, num, service_errors

cycle_app = typer.Typer(
    help="Run a program as a training cycle: accumulation weeks, then a deload week.",
    no_args_is_help=True,
)

_MARKS = {"done": "[green]✔ done[/green]", "next": "[bold yellow]▶ next[/bold yellow]", "todo": "·"}


def _print(view: Any) -> None:
    from rich.table import Table

    out = console()
    r = view.record
    out.print(
        f"[bold]{view.program_name}[/bold]: {r.weeks} accumulation weeks, deload in week "
        f"{r.deload_week}; {r.days_done} of {len(view.grid) * len(view.workouts)} days done "
        f"(cycle {r.id})"
    )
    table = Table("Week", "Kind", "Isolation RIR", *view.workouts)
    for row in view.grid:
        rir = "program's" if row.isolation_rir is None else num(row.isolation_rir)
        table.add_row(str(row.week), row.kind.value, rir, *(_MARKS[d.value] for d in row.days))
    out.print(table)
    if view.next is None:
        out.print("The cycle is finished: start the next with `fitrec cycle start`.")
        return
    nxt = view.next
    out.print(f"Next: week {nxt.week} ({nxt.kind.value}), {nxt.workout}")
    for t in nxt.targets:
        load = f"{num(t.load)} {t.unit.value}" if t.load is not None else "pick a load"
        effort = f" @ {t.effort}" if t.effort else ""
        out.print(f"  {t.label} {t.exercise_name}: {t.sets}×{t.reps}{effort}, {load} ({t.reason})")


@cycle_app.command("start")
def cycle_start(
    program: str = typer.Argument(..., help="A program's name, id or id prefix."),
    weeks: int = typer.Option(..., "--weeks", help="Accumulation weeks, 4-8 (a deload follows)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a grid."),
) -> None:
    """Start a cycle of a program: N accumulation weeks, then a deload week.

    A cycle already running is ended. Example: fitrec cycle start "Chest post-exhaust" --weeks 5
    """
    from fitrec.services.cycles import start_cycle
    from fitrec.services.identifiers import resolve_program_id

    with service_errors({"weeks": "--weeks"}):
        ctx = LocalContext()
        chosen = resolve_program_id(ctx.make_uow, ctx.owner_id, program, "PROGRAM")
        view = start_cycle(ctx.make_uow, ctx.owner_id, chosen, weeks)
    _emit(view, as_json)


@cycle_app.command("show")
def cycle_show(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a grid."),
) -> None:
    """Show the current cycle as weeks × days, what is done and the next day's targets.

    Example: fitrec cycle show
    """
    from fitrec.services.cycles import show_cycle

    with service_errors():
        ctx = LocalContext()
        view = show_cycle(ctx.make_uow, ctx.owner_id)
    _emit(view, as_json)


@cycle_app.command("advance")
def cycle_advance(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a grid."),
) -> None:
    """Mark the next day of the current cycle done and move on.

    Example: fitrec cycle advance
    """
    from fitrec.services.cycles import advance_cycle

    with service_errors():
        ctx = LocalContext()
        view = advance_cycle(ctx.make_uow, ctx.owner_id)
    _emit(view, as_json)


@cycle_app.command("review")
def cycle_review(
    accept: str | None = typer.Option(
        None, "--accept", help="Proposal numbers to apply, e.g. 1,3 (nothing changes without)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a list."),
) -> None:
    """Review the week: one proposal per pair with its reason; apply those you accept.

    Example: fitrec cycle review --accept 1
    """
    from fitrec.services.reviews import review_cycle

    numbers: list[int] = []
    for part in (accept or "").split(","):
        if part.strip():
            if not part.strip().isdigit():
                typer.echo(f"error: --accept: {part.strip()!r} is not a proposal number", err=True)
                raise typer.Exit(2)
            numbers.append(int(part))
    with service_errors({"accept": "--accept"}):
        ctx = LocalContext()
        review = review_cycle(ctx.make_uow, ctx.owner_id, numbers)
    if as_json:
        typer.echo(json.dumps(review.to_dict(), indent=2, ensure_ascii=False))
        return
    out = console()
    for number, p in review.proposals:
        mark = f"{number}." if number is not None else "-"
        out.print(f"{mark} {p.workout} {p.label}: {p.change.value}: {p.reason}")
        out.print(f"   [dim]source: {p.source}[/dim]")
    if not review.proposals:
        out.print("no pairs to review")
    for p in review.applied:
        out.print(f"applied: {p.workout} {p.label} {p.change.value}")
    if not review.applied and any(n is not None for n, _ in review.proposals):
        out.print("nothing applied: accept with `fitrec cycle review --accept N`")


@cycle_app.command("rate")
def cycle_rate(
    muscle: str = typer.Argument(
        ..., help="chest, back, shoulders, quadriceps, hamstrings or triceps."
    ),
    soreness: int | None = typer.Option(
        None, "--soreness", help="1 = recovered ... 5 = still very sore."
    ),
    joint: int | None = typer.Option(
        None, "--joint", help="Joint discomfort: 1 none ... 5 severe."
    ),
) -> None:
    """Record how a muscle feels before its session (the weekly review reads it).

    Example: fitrec cycle rate chest --soreness 2 --joint 1
    """
    from fitrec.services.reviews import rate_muscle

    with service_errors({"soreness": "--soreness", "joint": "--joint", "muscle": "MUSCLE"}):
        ctx = LocalContext()
        rate_muscle(ctx.make_uow, ctx.owner_id, muscle, soreness=soreness, joint=joint)
    typer.echo(f"rated {muscle}")


def _emit(view: Any, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(view.to_dict(), indent=2, ensure_ascii=False))
    else:
        _print(view)


def register(app: typer.Typer) -> None:
    """Declare `fitrec cycle ...` on `app`."""
    app.add_typer(cycle_app, name="cycle")
