"""Progress, volume, pair trends, next-session targets, the history check and deloads.

The commands read the local database as its local owner; the database stack is
imported inside the command bodies so that other commands start fast.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float]) -> str:
    """A unicode sparkline of `values` (flat when they are all equal)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    span = high - low
    if span == 0:
        return SPARKS[3] * len(values)
    return "".join(SPARKS[round((v - low) / span * (len(SPARKS) - 1))] for v in values)


def _context() -> tuple[Any, int]:
    """The unit-of-work factory and the local owner."""
    from fitrec import bootstrap
    from fitrec.config import get_settings

    settings = get_settings()
    bootstrap.upgrade_database(settings.database_url)
    make_uow = bootstrap.uow_factory(settings)
    return make_uow, bootstrap.local_owner_id(make_uow)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn the services' errors into a message on stderr and exit 1."""
    from fitrec.services.errors import InvalidInput, NotFound, ServiceError

    try:
        yield
    except InvalidInput as error:
        typer.echo(f"error: {error.field}: {error.message}", err=True)
        raise typer.Exit(1) from None
    except NotFound as error:
        if error.what == "program" and str(error.id).startswith("(none"):
            typer.echo(
                "error: you have no program yet: add one with `fitrec programs add FILE` "
                "or `fitrec templates copy NAME`",
                err=True,
            )
        else:
            typer.echo(f"error: {error.what} {error.id!r} not found", err=True)
        raise typer.Exit(1) from None
    except ServiceError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None


def _program(make_uow: Any, owner: int, text: str, field: str = "--program") -> str:
    """The program `text` names, with a unique id prefix widened to the full id."""
    from fitrec.services.identifiers import resolve_program_id

    return resolve_program_id(make_uow, owner, text, field)


REPS_RECORDS_SHOWN = 5  # the heaviest loads; lighter ones are warm-up territory


def _console() -> Any:
    from rich.console import Console

    return Console()


def progress(
    exercise: str = typer.Argument(..., help="Lift name, alias or slug."),
    as_json: bool = typer.Option(False, "--json", help="Print the series as JSON."),
) -> None:
    """e1RM of a lift per session (fresh working sets only), with a sparkline and records.

    Example: fitrec progress "bench press" --json
    """
    from rich.table import Table

    from fitrec.services import analytics

    with _errors():
        make_uow, owner = _context()
        report = analytics.progress(make_uow, owner, exercise)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
        return
    console = _console()
    values = [p.e1rm_kg for p in report.series]
    if not values:
        console.print(f"No fresh working sets of {report.exercise.name} yet.")
        return
    table = Table(title=f"{report.exercise.name}: e1RM per session  {sparkline(values)}")
    for column in ("date", "e1RM kg", "best set", "effort"):
        table.add_column(column, justify="right" if column != "date" else "left")
    for point in report.series:
        effort = (
            f"RPE {point.rpe:g}"
            if point.rpe is not None
            else f"{point.rir:g} RIR"
            if point.rir is not None
            else ""
        )
        table.add_row(
            point.date.isoformat(),
            f"{point.e1rm_kg:.1f}",
            f"{point.weight_kg:g} kg × {point.reps}",
            effort,
        )
    console.print(table)
    best = report.records
    if best is not None and best.e1rm is not None:
        console.print(f"Best e1RM {best.e1rm.value:.1f} kg on {best.e1rm.date.isoformat()}")
    if best is not None and best.session_volume is not None:
        volume = best.session_volume
        console.print(f"Best session volume {volume.value:g} kg on {volume.date.isoformat()}")
    if best is not None and best.reps_at_load:
        heaviest = sorted(best.reps_at_load.items(), reverse=True)[:REPS_RECORDS_SHOWN]
        console.print(
            "Best reps at a load: "
            + ", ".join(f"{kg:g} kg × {r.value:g} ({r.date.isoformat()})" for kg, r in heaviest)
        )


def next_cmd(
    program: str | None = typer.Option(
        None, "--program", help="Program name, id or id prefix (default: current)."
    ),
    workout: str | None = typer.Option(None, "--workout", help="Workout (default: the next one)."),
    as_json: bool = typer.Option(False, "--json", help="Print the targets as JSON."),
) -> None:
    """Today's targets for the next workout of your current program.

    --program takes a name, an id or a prefix of 4 or more characters of an id that only
    one of your programs has.

    Example: fitrec next --program "Sample post-exhaust full body"
    """
    from dataclasses import asdict

    from rich.table import Table

    from fitrec.services import analytics

    with _errors():
        make_uow, owner = _context()
        if program is not None:
            program = _program(make_uow, owner, program)
        plan = analytics.next_session(make_uow, owner, program, workout)
    if as_json:
        body = {
            "program": plan.program,
            "workout": plan.workout,
            "targets": [asdict(t) for t in plan.targets],
        }
        typer.echo(json.dumps(body, indent=2, default=str))
        return
    table = Table(title=f"{plan.program} — {plan.workout}")
    for column in ("", "exercise", "sets × reps", "load", "effort", "why"):
        table.add_column(column)
    for t in plan.targets:
        load = "-" if t.load is None else f"{t.load:g} {t.unit}"
        table.add_row(
            t.label or "", t.exercise_name, f"{t.sets} × {t.reps}", load, t.effort or "", t.reason
        )
    _console().print(table)


def check(
    program: str | None = typer.Option(
        None, "--program", help="Only this program (name, id or unique id prefix)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print findings as JSON."),
) -> None:
    """Lint your programs and check your history (`decline` among the findings).

    Exit 0 when no error, 1 when any error. --program takes a name, an id or a prefix of
    4 or more characters of an id that only one of your programs has.

    Example: fitrec check --json
    """
    from fitrec.services import analytics

    with _errors():
        make_uow, owner = _context()
        if program is not None:
            program = _program(make_uow, owner, program)
        report = analytics.check(make_uow, owner, program)
    if as_json:
        typer.echo(json.dumps(report.to_dicts(), indent=2))
    else:
        console = _console()
        for path, finding in report.findings:
            where = f"{path}" + (f":{finding.line}:{finding.column}" if finding.line else "")
            console.print(
                f"{where}: {finding.severity.value} [{finding.code}] {finding.message}\n"
                f"    fix: {finding.fix}",
                highlight=False,
                markup=False,
            )
        if not report.findings:
            console.print("No findings.")
    if any(f.severity.value == "error" for _, f in report.findings):
        raise typer.Exit(1)


def volume(
    weeks: int = typer.Option(8, "--weeks", help="How many recent weeks to show."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Weekly hard sets per muscle group, the latest week against volume landmarks.

    Example: fitrec volume --weeks 4
    """
    from rich.table import Table

    from fitrec.services import analytics

    with _errors():
        make_uow, owner = _context()
        report = analytics.volume(make_uow, owner)
    shown = report.weeks[-weeks:] if weeks > 0 else report.weeks
    if as_json:
        body = [
            {
                "week": w.week.isoformat(),
                "sets_by_group": {g.value: v for g, v in w.sets_by_group.items()},
                "sets_by_muscle": {m.value: v for m, v in w.sets_by_muscle.items()},
                "tonnage_by_group_kg": {
                    g.value: round(v, 1) for g, v in w.tonnage_by_group.items()
                },
                "tonnage_by_exercise_kg": {
                    k: round(v, 1) for k, v in w.tonnage_by_exercise.items()
                },
            }
            for w in shown
        ]
        typer.echo(json.dumps(body, indent=2))
        return
    table = Table(title="Hard sets per week (direct 1, synergist 0.5)")
    table.add_column("group")
    for w in shown:
        table.add_column(w.week.strftime("%m-%d"), justify="right")
    table.add_column("zone (latest)")
    for row in report.latest:
        if row.sets == 0 and not any(row.group in w.sets_by_group for w in shown):
            continue
        cells = [f"{w.sets_by_group.get(row.group, 0):g}" for w in shown]
        marks = row.landmarks
        table.add_row(
            row.group.value, *cells, f"{row.zone.value} (MEV {marks.mev:g}, MRV {marks.mrv:g})"
        )
    _console().print(table)


def pairs(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """Each post-exhaust pair over time: isolation volume beside pump and exhaustion.

    Example: fitrec pairs
    """
    from dataclasses import asdict

    from rich.table import Table

    from fitrec.services import analytics

    with _errors():
        make_uow, owner = _context()
        trends = analytics.pair_trends(make_uow, owner)
    if as_json:
        typer.echo(json.dumps([asdict(t) for t in trends], indent=2, default=str))
        return
    console = _console()
    for trend in trends:
        table = Table(title=f"{trend.compound} → {trend.isolation}")
        for column in (
            "date",
            "compound sets",
            "isolation sets",
            "isolation kg",
            "pump",
            "exhaustion",
        ):
            table.add_column(column)
        for p in trend.points:
            table.add_row(
                p.date.isoformat(),
                str(p.compound_sets),
                str(p.isolation_sets),
                f"{p.isolation_tonnage_kg:g}",
                str(p.pump or "-"),
                str(p.exhaustion or "-"),
            )
        console.print(table)
    if not trends:
        console.print("No post-exhaust pairs logged yet.")


def deload_cmd(
    program: str = typer.Argument(..., help="Program name, id or unique id prefix (4+ chars)."),
) -> None:
    """Print the deload week of a program: compound sets halved, 10 % lighter; isolation kept.

    The program is named by its name, its id or a prefix of 4 or more characters of its id
    that only one of your programs has.

    Example: fitrec deload "Sample post-exhaust full body"
    """
    from fitrec.services import analytics

    with _errors():
        make_uow, owner = _context()
        program = _program(make_uow, owner, program, "PROGRAM")
        typer.echo(analytics.deload_text(make_uow, owner, program), nl=False)


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.command("progress")(progress)
    app.command("next")(next_cmd)
    app.command("check")(check)
    app.command("volume")(volume)
    app.command("pairs")(pairs)
    app.command("deload")(deload_cmd)
