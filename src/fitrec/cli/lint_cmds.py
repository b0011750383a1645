"""`fitrec lint` and `fitrec show`: check program files and work out their loads.

Only typer is imported at module level: `fitrec lint` must start fast, so the
catalogue, the notation and the rules are imported inside the commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from fitrec.rules import Finding


_COLOURS = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _read(path: Path) -> str:
    """The text of a program file, or exit 2 naming the file and why."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        typer.echo(f"{path}: cannot read: {reason}", err=True)
        raise typer.Exit(2) from None


def _notation_error(path: Path, err: Any) -> None:
    """Print a parse error compiler-style with its caret excerpt."""
    typer.echo(err.report(str(path)), err=True)


def _print_finding(console: Any, path: Path, finding: Finding) -> None:
    from rich.markup import escape

    where = f"{path}:{finding.line or 1}:{finding.column or 1}"
    sev = finding.severity.value
    colour = _COLOURS[sev]
    console.print(
        f"[bold]{escape(where)}:[/bold] [{colour}]{sev}\\[{finding.code}][/{colour}] "
        f"{escape(finding.message)}"
    )
    console.print(f"    [dim]fix:[/dim] {escape(finding.fix)}")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def lint(
    files: list[Path] = typer.Argument(..., help="Program files in fitrec notation."),
    output: str = typer.Option("text", "--format", help="text or json"),
    level: str | None = typer.Option(
        None, "--level", help="Override the program's level: beginner|intermediate|advanced."
    ),
    phase: str | None = typer.Option(
        None,
        "--phase",
        help="Override the program's phase: hypertrophy|strength|peaking|maintenance|deload.",
    ),
    disable: list[str] = typer.Option(
        [], "--disable", help="A rule code to switch off, e.g. sets-match. Repeatable."
    ),
) -> None:
    """Check post-exhaust programs against the article's rules.

    Prints `path:line:column: severity[code] message` and a fix for each finding.
    Exit 0 when no error, 1 when any error, 2 when a file cannot be read or parsed.

    Example: fitrec lint examples/sample-workout.txt --level intermediate
    """
    import json

    from rich.console import Console

    from fitrec.domain.programs import Level, Phase
    from fitrec.rules import AthleteContext, LintConfig, Severity
    from fitrec.rules.codes import RULES
    from fitrec.services.linting import lint_text
    from fitrec.textformat import NotationError

    if output not in ("text", "json"):
        typer.echo(f"--format: expected text or json, got {output!r}", err=True)
        raise typer.Exit(2)
    try:
        athlete = AthleteContext(
            level=Level(level.lower()) if level else None,
            phase=Phase(phase.lower()) if phase else None,
        )
    except ValueError as exc:
        typer.echo(f"--level/--phase: {exc}", err=True)
        raise typer.Exit(2) from None
    unknown = [code for code in disable if code not in RULES]
    if unknown:
        typer.echo(
            f"--disable: unknown rule code {unknown[0]!r} (codes: {', '.join(RULES)})", err=True
        )
        raise typer.Exit(2)
    config = LintConfig(disabled=frozenset(disable))
    console = Console(highlight=False, soft_wrap=True)
    status = 0
    rows: list[dict[str, Any]] = []
    totals = dict.fromkeys(Severity, 0)
    unreadable = 0
    for path in files:
        try:
            report = lint_text(_read(path), config=config, athlete=athlete, default_name=path.stem)
        except typer.Exit:
            status, unreadable = 2, unreadable + 1
            continue
        except NotationError as err:
            _notation_error(path, err)
            status, unreadable = 2, unreadable + 1
            continue
        for finding in report.findings:
            totals[finding.severity] += 1
            if output == "json":
                rows.append(finding.to_dict(str(path)))
            else:
                _print_finding(console, path, finding)
        if report.has_errors and status == 0:
            status = 1
    if output == "json":
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        counts = ", ".join(_plural(totals[s], s.value) for s in (Severity.ERROR, Severity.WARNING))
        failed = f" ({unreadable} could not be parsed)" if unreadable else ""
        console.print(
            f"{counts}, {totals[Severity.INFO]} info in {_plural(len(files), 'file')}{failed}"
        )
    raise typer.Exit(status)


def _parse_one_rm(text: str, unit: Any) -> tuple[str, float]:
    """`bench press=100kg` -> ("bench press", 100.0) in `unit`."""
    import re

    from fitrec.domain.units import Unit, convert

    name, sep, value = text.rpartition("=")
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", value)
    if not sep or not name.strip() or not found:
        raise typer.BadParameter(f"expected NAME=WEIGHT such as 'bench press=100kg', got {text!r}")
    weight = float(found.group(1))
    written = Unit.parse(found.group(2)) if found.group(2) else unit
    return name.strip(), convert(weight, written, unit)


def _weight(value: float) -> str:
    return f"{value:g}"


def show(
    file: Path = typer.Argument(..., help="A program file in fitrec notation."),
    one_rm: list[str] = typer.Option(
        [], "--1rm", help="A known 1RM, NAME=WEIGHT, e.g. 'bench press=100kg'. Repeatable."
    ),
    unit: str = typer.Option("kg", "--unit", help="kg or lb"),
    bar: float | None = typer.Option(None, "--bar", help="Bar weight (default 20 kg / 45 lb)."),
    plates: str | None = typer.Option(
        None, "--plates", help="Plates you own, WEIGHTxCOUNT: '25x8,20x4,10x4,5x4,2.5x4'."
    ),
) -> None:
    """Show a program with every load worked out from your 1RMs and rounded to your plates.

    %1RM loads use the given 1RM; RPE/RIR loads use the RTS chart at the top of the
    rep range; isolations without a 1RM are done by feel.

    Example: fitrec show examples/sample-workout.txt --1rm "bench press=100kg" --1rm "squat=140kg"
    """
    from rich.console import Console
    from rich.table import Table

    from fitrec.domain.plates import PlateInventory, parse_plate_spec
    from fitrec.domain.units import Unit
    from fitrec.services.errors import InvalidInput
    from fitrec.services.linting import show_program
    from fitrec.textformat import NotationError

    try:
        chosen = Unit.parse(unit)
        one_rms = dict(_parse_one_rm(item, chosen) for item in one_rm)
        base = PlateInventory.default(chosen)
        inventory = PlateInventory(
            bar=base.bar if bar is None else bar,
            plates=parse_plate_spec(plates) if plates else base.plates,
            unit=chosen,
        )
    except (ValueError, typer.BadParameter) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    text = _read(file)
    try:
        rows = show_program(text, one_rms, chosen, inventory, default_name=file.stem)
    except NotationError as err:
        _notation_error(file, err)
        raise typer.Exit(2) from None
    except InvalidInput as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    used = {r.one_rm_name for r in rows}
    for name in one_rms:
        if name not in used:
            typer.echo(
                f"warning: --1rm {name!r} was not used: no entry of {file} with a %1RM,"
                " RPE or RIR load matches it",
                err=True,
            )
    console = Console(highlight=False)
    for workout in dict.fromkeys(r.workout for r in rows):
        table = Table(title=workout, title_justify="left")
        for column in ("", "exercise", "sets×reps", "load", "plates per side"):
            table.add_column(column)
        for row in (r for r in rows if r.workout == workout):
            load = f"{_weight(row.target)} {row.unit}" if row.target is not None else "—"
            if row.note and row.note != "as written":
                load = f"{load} ({row.note})" if row.target is not None else row.note
            per_side = " + ".join(_weight(p) for p in row.per_side) if row.per_side else ""
            if row.per_side == ():
                per_side = "empty bar"
            table.add_row(row.label, row.name, f"{row.sets}×{row.reps}", load, per_side)
        console.print(table)


def register(app: typer.Typer) -> None:
    """Declare `fitrec lint` and `fitrec show` on `app`."""
    app.command("lint")(lint)
    app.command("show")(show)
