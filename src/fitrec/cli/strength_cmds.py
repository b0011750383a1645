"""`fitrec plates` and `fitrec e1rm`: plate loading and one-rep-max estimates.

Only typer is imported at module level; the math and Rich load inside the commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from fitrec.domain.plates import Loading, PlateSolution

FORMULA_NAMES = "epley, brzycki, lander, lombardi, mayhew, oconner, wathan"


def register(app: typer.Typer) -> None:
    """Declare this module's commands on `app`."""
    app.command(name="plates")(plates)
    app.command(name="e1rm")(e1rm)


def _fail(message: str) -> None:
    """Print `message` to stderr and exit 2."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _weight(text: str, what: str) -> tuple[float, Any]:
    """A weight argument such as `100`, `100kg` or `225lb`, or exit naming it."""
    from fitrec.domain.units import parse_weight

    try:
        return parse_weight(text)
    except ValueError as err:
        _fail(f"{what}: {err}")
        raise AssertionError from err  # unreachable: _fail exits


def _format(value: float) -> str:
    return f"{value:g}"


def _loading_json(loading: Loading | None) -> dict[str, Any] | None:
    if loading is None:
        return None
    return {"total": loading.total, "per_side": list(loading.per_side)}


def plates(
    load: str = typer.Argument(..., help="Target load: `100`, `100kg` or `225lb`."),
    bar: float | None = typer.Option(None, "--bar", help="Bar weight (default 20 kg / 45 lb)."),
    plate_spec: str | None = typer.Option(
        None,
        "--plates",
        help="Plates owned as WEIGHTxCOUNT (total count, both sides), e.g. "
        "25x8,20x4,15x2,10x2,5x2,2.5x2,1.25x2 (the kg default).",
    ),
    unit: str | None = typer.Option(
        None, "--unit", help="kg or lb (default: LOAD's unit, else kg)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Show which plates go on each side of the bar for a load.

    The solver is exact, not greedy: with limited plates it still finds a loading when
    one exists. When the load cannot be made, it shows the nearest below and above.
    A LOAD in another unit than --unit is converted first.

    Example: fitrec plates 102.5kg --plates "25x8,20x4,10x2,5x2,2.5x2,1.25x2"
    """
    import json

    from fitrec.domain.plates import (
        DEFAULT_BAR,
        DEFAULT_PLATES,
        PlateInventory,
        parse_plate_spec,
        solve,
    )
    from fitrec.domain.units import Unit, clean_weight, convert

    target, written_unit = _weight(load, "LOAD")
    try:
        chosen = Unit.parse(unit) if unit else (written_unit or Unit.KG)
        owned = parse_plate_spec(plate_spec) if plate_spec else DEFAULT_PLATES[chosen]
        inventory = PlateInventory(
            bar=DEFAULT_BAR[chosen] if bar is None else bar, plates=owned, unit=chosen
        )
        if written_unit is not None and written_unit is not chosen:
            target = clean_weight(convert(target, written_unit, chosen))
        solution = solve(target, inventory)
    except ValueError as err:
        _fail(str(err))
        return
    if as_json:
        payload = {
            "target": solution.target,
            "unit": solution.unit.value,
            "bar": solution.bar,
            "exact": _loading_json(solution.exact),
            "below": _loading_json(solution.below),
            "above": _loading_json(solution.above),
        }
        typer.echo(json.dumps(payload, indent=2))
        return
    _print_solution(solution)


def _print_solution(solution: PlateSolution) -> None:
    """The exact loading, or the nearest below and above, as a small table."""
    from rich.console import Console
    from rich.table import Table

    unit = solution.unit.value
    title = f"{_format(solution.target)} {unit} on a {_format(solution.bar)} {unit} bar"
    table = Table(title=title, title_justify="left")
    table.add_column("")
    table.add_column("Total", justify="right")
    table.add_column("Per side (heaviest first)")
    rows: list[tuple[str, Loading | None]]
    if solution.exact is not None:
        rows = [("exact", solution.exact)]
    else:
        rows = [("below", solution.below), ("above", solution.above)]
    for label, loading in rows:
        if loading is None:
            reason = "lighter than the bar" if label == "below" else "more than your plates"
            table.add_row(label, "—", f"none: the target is {reason}")
            continue
        side = " + ".join(_format(p) for p in loading.per_side) or "bar only"
        table.add_row(label, f"{_format(loading.total)} {unit}", side)
    Console().print(table)


def e1rm(
    weight: str = typer.Argument(..., help="Weight lifted: `100`, `100kg` or `225lb`."),
    reps: int = typer.Argument(..., help="Reps done with it (1 or more)."),
    rpe: float | None = typer.Option(None, "--rpe", help="How hard it was, RPE 6-10."),
    rir: float | None = typer.Option(None, "--rir", help="Reps in reserve, 0-4."),
    formula: list[str] | None = typer.Option(
        None, "--formula", help=f"Show only these formulas (repeatable): {FORMULA_NAMES}."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Estimate a one-rep max from a set with every formula, side by side.

    With --rpe or --rir, the RTS chart's estimate is shown too. A single is its own
    1RM; Brzycki and Lander have no value from 37/38 reps on.

    Example: fitrec e1rm 100kg 5 --rpe 8
    """
    import json

    from fitrec.domain.rpe import in_chart, resolve_rir
    from fitrec.domain.strength import FORMULA_SOURCES, Formula, e1rm_from_rpe
    from fitrec.domain.strength import e1rm as estimate

    lifted, unit = _weight(weight, "WEIGHT")
    unit_text = f" {unit.value}" if unit else ""
    chosen = list(Formula)
    if formula:
        unknown = [name for name in formula if name.strip().lower() not in set(Formula)]
        if unknown:
            _fail(f"--formula: unknown formula {unknown[0]!r} (use {FORMULA_NAMES})")
        chosen = [Formula(name.strip().lower()) for name in formula]
    rows: list[tuple[str, str, float | None, str]] = []
    if rpe is not None or rir is not None:
        try:
            effort_rir = resolve_rir(rpe, rir)
            value = e1rm_from_rpe(lifted, reps, rir=effort_rir)
        except ValueError as err:
            _fail(str(err))
            return
        note = "" if in_chart(reps, effort_rir) else "extrapolated past the chart"
        rows.append(("rts", "w / %1RM(reps + RIR)", value, note))
    for name in chosen:
        equation, _source = FORMULA_SOURCES[name]
        try:
            rows.append((name.value, equation, estimate(lifted, reps, name), ""))
        except ValueError as err:
            if reps < 1:
                _fail(str(err))
            rows.append((name.value, equation, None, str(err)))
    if as_json:
        payload = {
            "weight": lifted,
            "reps": reps,
            "unit": unit.value if unit else None,
            "estimates": {name: value for name, _eq, value, _note in rows},
        }
        typer.echo(json.dumps(payload, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"e1RM from {_format(lifted)}{unit_text} × {reps}", title_justify="left")
    table.add_column("Formula")
    table.add_column("e1RM", justify="right")
    table.add_column("Equation (w = weight, r = reps)")
    table.add_column("Note")
    for label, equation, estimated, note in rows:
        shown = "—" if estimated is None else f"{estimated:.1f}{unit_text}"
        table.add_row(label, shown, equation, note)
    Console().print(table)
